//! Configuration: built-in defaults, then an optional TOML file (`--config`), then `HYS_*`
//! environment variables and flags (read by clap, so `serve --help` lists every one). Each
//! setting is declared once, in the table in [`settings`]; [`Config`] is what the service uses,
//! assembled and checked in `build`. Secrets are [`SecretString`]s and never printed: `Debug`
//! on [`Config`] also masks the database URL's password.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

mod build;
pub mod inbound;
pub mod lists;
pub mod reminders;
pub mod settings;

pub use settings::{Overrides, Settings};

/// Where the service runs; production refuses settings that are only safe on a laptop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Production,
}

impl std::fmt::Display for Environment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Development => "development",
            Self::Production => "production",
        })
    }
}

#[derive(Clone)]
pub struct Config {
    pub bind: SocketAddr,
    pub public_url: String,
    pub database_url: String,
    pub environment: Environment,
    pub authority_name: String,
    pub help_phone: String,
    pub out_of_hours_phone: String,
    /// Where "Leave this page quickly" sends the browser: somewhere dull and common.
    pub exit_url: String,
    pub flows_dir: PathBuf,
    pub locales_dir: PathBuf,
    /// Unsent conversations older than this are deleted.
    pub conversation_days: u32,
    /// Closed cases are anonymised this many years after closing.
    pub retention_years: u32,
    /// Keep at most this many database connections per instance.
    pub max_connections: u32,
    /// A conversation sent sooner than this after it started is held for staff to check: no
    /// child can read and answer every question that fast. 0 turns the check off.
    pub min_completion_seconds: u32,
    /// A request's head must arrive within this many seconds of connecting (or of the last
    /// response, on a kept-alive connection), or the connection is closed.
    pub header_timeout_seconds: u32,
    /// A request, body included, must be read and answered within this many seconds (408).
    pub request_timeout_seconds: u32,
    /// JSON API requests per minute per address, counted by each instance; 0 turns it off.
    pub api_rate_per_minute: u32,
    /// Other web origins (`https://app.example`) whose pages may call the JSON API.
    pub api_cors_origins: Vec<String>,
    pub routing: Routing,
    pub mail: MailSettings,
    /// Proxies whose `X-Forwarded-For` we believe; anyone else's is ignored.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Local closure days (not working days) on top of the shipped bank holidays.
    pub closure_days: Vec<time::Date>,
    /// The council's own procedure settings (the corporate stages' limits).
    pub procedures: crate::casework::Rules,
    /// The council's own lists file (`HYS_LISTS`); `None` reads `<locales>/en-GB/lists.toml`.
    /// `load` reads it into `procedures.lists`.
    pub lists_file: Option<PathBuf>,
    /// The `[equality]` table of the council's lists file (`HYS_LISTS`): the report's age bands.
    pub equality: crate::equality::EqualityConfig,
    /// Replies by email: the reply address and the mailbox to read (see `inbound`).
    pub inbound: inbound::InboundSettings,
    /// Managers and admins must sign in with a second factor (TOTP); those without one are sent
    /// to set it up after their password (`HYS_REQUIRE_2FA`).
    pub require_two_factor: bool,
    /// The daily digest, the child's reply-email window and the letter templates.
    pub reminders: reminders::Settings,
}

/// Who is emailed about what. Every list may hold several addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routing {
    pub rights_officer: Vec<String>,
    pub advocacy_provider: Vec<String>,
    pub urgent: Vec<String>,
    /// Tried when an urgent email to an `urgent` address fails for good (a second duty inbox,
    /// say the out-of-hours team); may be empty.
    pub urgent_fallback: Vec<String>,
    /// Extra recipients of the new-case email, by category (e.g. leaving care → team manager).
    pub by_category: BTreeMap<String, Vec<String>>,
    /// Whether the advocacy referral may quote the child's own words.
    pub advocacy_gets_words: bool,
}

#[derive(Clone)]
pub struct MailSettings {
    pub from: String,
    /// `smtp://`, `smtps://` (add `?tls=required` to insist on STARTTLS); none means the drop.
    /// It may hold a password (`smtps://user:pass@host`).
    pub smtp_url: Option<SecretString>,
    pub drop_dir: PathBuf,
    pub max_attempts: u32,
    /// First retry delay; each later one doubles, with jitter, up to an hour.
    pub retry_base: Duration,
    /// How often each instance's worker looks for due emails when not woken.
    pub poll: Duration,
}

impl std::fmt::Debug for MailSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailSettings")
            .field("from", &self.from)
            .field(
                "smtp_url",
                &self
                    .smtp_url
                    .as_ref()
                    .map(|url| mask_password(url.expose_secret())),
            )
            .field("drop_dir", &self.drop_dir)
            .field("max_attempts", &self.max_attempts)
            .finish_non_exhaustive()
    }
}

/// Out-of-the-box addresses: mail to them lands in the drop folder, and production refuses them.
pub const PLACEHOLDER_DOMAIN: &str = "example.invalid";

pub fn is_placeholder(address: &str) -> bool {
    let domain = address
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .trim_end_matches('>');
    domain.ends_with(".invalid") || domain == "example.com" || domain == "example.org"
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("bind", &self.bind)
            .field("public_url", &self.public_url)
            .field("database_url", &mask_password(&self.database_url))
            .field("environment", &self.environment)
            .field("authority_name", &self.authority_name)
            .field("flows_dir", &self.flows_dir)
            .field("locales_dir", &self.locales_dir)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the configuration file {path} is not valid: {source}")]
    Parse {
        path: PathBuf,
        source: Box<toml::de::Error>,
    },
    #[error("{0}")]
    Invalid(String),
}

fn mask_password(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme + 3],
                    &userinfo[..colon],
                    &url[at..]
                ),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests;
