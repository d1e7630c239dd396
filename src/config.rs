//! Configuration: built-in defaults, then an optional TOML file (`--config`), then `HYS_*`
//! environment variables (read by clap, so `serve --help` lists every one). Secrets are never
//! printed: `Debug` on [`Config`] masks the database URL's password.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

/// Where the service runs; production refuses settings that are only safe on a laptop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Production,
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
    /// A list setting that did not parse, reported by `validate`.
    #[doc(hidden)]
    pub list_problems: Option<String>,
    /// The council's own lists file (`HYS_LISTS`); `None` reads `<locales>/en-GB/lists.toml`.
    /// `load` reads it into `procedures.lists`.
    pub lists_file: Option<PathBuf>,
    /// The `[equality]` table of the council's lists file (`HYS_LISTS`): the report's age bands.
    pub equality: crate::equality::EqualityConfig,
    /// Replies by email: the reply address and the mailbox to read (see `notify::inbound`).
    pub inbound: crate::notify::inbound::InboundSettings,
    /// Managers and admins must sign in with a second factor (TOTP); those without one are sent
    /// to set it up after their password (`HYS_REQUIRE_2FA`).
    pub require_two_factor: bool,
    /// The daily digest, the child's reply-email window and the letter templates.
    pub reminders: crate::reminders::Settings,
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
    pub smtp_url: Option<String>,
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
            .field("smtp_url", &self.smtp_url.as_deref().map(mask_password))
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

impl Default for Config {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: "http://127.0.0.1:8080".into(),
            database_url: "sqlite://have-your-say.db".into(),
            environment: Environment::Development,
            authority_name: "Your council".into(),
            help_phone: "0300 000 0000".into(),
            out_of_hours_phone: "0300 000 0001".into(),
            exit_url: "https://www.bbc.co.uk/weather".into(),
            flows_dir: resource_dir("flows"),
            locales_dir: resource_dir("locales"),
            conversation_days: 7,
            retention_years: 6,
            max_connections: 16,
            min_completion_seconds: 15,
            header_timeout_seconds: 10,
            request_timeout_seconds: 30,
            api_rate_per_minute: 120,
            api_cors_origins: Vec::new(),
            routing: Routing {
                rights_officer: vec![format!("rights-officer@{PLACEHOLDER_DOMAIN}")],
                advocacy_provider: vec![format!("advocacy@{PLACEHOLDER_DOMAIN}")],
                urgent: vec![format!("safeguarding@{PLACEHOLDER_DOMAIN}")],
                urgent_fallback: Vec::new(),
                by_category: BTreeMap::new(),
                advocacy_gets_words: false,
            },
            mail: MailSettings {
                from: format!("Have Your Say <no-reply@{PLACEHOLDER_DOMAIN}>"),
                smtp_url: None,
                drop_dir: PathBuf::from("mail"),
                max_attempts: 10,
                retry_base: Duration::from_secs(30),
                poll: Duration::from_secs(5),
            },
            trusted_proxies: Vec::new(),
            closure_days: Vec::new(),
            procedures: crate::casework::Rules::default(),
            lists_file: None,
            list_problems: None,
            equality: crate::equality::EqualityConfig::default(),
            inbound: Default::default(),
            require_two_factor: false,
            reminders: crate::reminders::Settings::default(),
        }
    }
}

/// `flows/` and `locales/` next to the working folder when they are there (a deployed copy),
/// otherwise the ones in the source tree this binary was built from (`cargo run`, tests).
fn resource_dir(name: &str) -> PathBuf {
    let local = PathBuf::from(name);
    if local.is_dir() {
        local
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
    }
}

/// Settings that can come from the file or the environment. Every field is optional so that each
/// layer only overrides what it names.
#[derive(Debug, Default, Clone, Deserialize, clap::Args)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    /// Address and port to listen on [default: 127.0.0.1:8080]
    #[arg(long, env = "HYS_BIND")]
    pub bind: Option<SocketAddr>,
    /// Public address of the service, used in links in emails [default: http://<bind>]
    #[arg(long, env = "HYS_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// sqlite://file.db (default: have-your-say.db in the working folder) or postgres://...
    #[arg(long, env = "HYS_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
    /// development or production [default: development]
    #[arg(long = "env", env = "HYS_ENV")]
    pub environment: Option<Environment>,
    /// The council's name, as children see it
    #[arg(long, env = "HYS_AUTHORITY_NAME")]
    pub authority_name: Option<String>,
    /// Children's services phone number shown to children
    #[arg(long, env = "HYS_HELP_PHONE")]
    pub help_phone: Option<String>,
    /// Out-of-hours emergency duty phone number shown to children
    #[arg(long, env = "HYS_OUT_OF_HOURS_PHONE")]
    pub out_of_hours_phone: Option<String>,
    /// Where "Leave this page quickly" goes [default: https://www.bbc.co.uk/weather]
    #[arg(long, env = "HYS_EXIT_URL")]
    pub exit_url: Option<String>,
    /// Folder of conversation flows [default: ./flows]
    #[arg(long, env = "HYS_FLOWS_DIR")]
    pub flows_dir: Option<PathBuf>,
    /// Folder of Fluent translations [default: ./locales]
    #[arg(long, env = "HYS_LOCALES_DIR")]
    pub locales_dir: Option<PathBuf>,
    /// Days an unsent conversation is kept [default: 7]
    #[arg(long, env = "HYS_CONVERSATION_DAYS")]
    pub conversation_days: Option<u32>,
    /// Years after closing before a case's personal data is removed [default: 6]
    #[arg(long, env = "HYS_RETENTION_YEARS")]
    pub retention_years: Option<u32>,
    /// Database connections per instance [default: 16]
    #[arg(long, env = "HYS_MAX_CONNECTIONS")]
    pub max_connections: Option<u32>,
    /// Seconds a conversation must take from start to send; faster ones are held for staff to
    /// check (0: off) [default: 15]
    #[arg(long, env = "HYS_MIN_COMPLETION_SECONDS")]
    pub min_completion_seconds: Option<u32>,
    /// Seconds a client has to send a request's head before its connection is closed
    /// [default: 10]
    #[arg(long, env = "HYS_HEADER_TIMEOUT_SECONDS")]
    pub header_timeout_seconds: Option<u32>,
    /// Seconds a request (body included) may take before it is answered 408 [default: 30]
    #[arg(long, env = "HYS_REQUEST_TIMEOUT_SECONDS")]
    pub request_timeout_seconds: Option<u32>,
    /// JSON API requests per minute per address (0: no limit) [default: 120]
    #[arg(long, env = "HYS_API_RATE_PER_MINUTE")]
    pub api_rate_per_minute: Option<u32>,
    /// Other web origins allowed to call the JSON API, comma-separated
    #[arg(long, env = "HYS_API_CORS_ORIGINS")]
    pub api_cors_origins: Option<String>,
    /// Children's rights officer email address(es), comma-separated
    #[arg(long, env = "HYS_RIGHTS_OFFICER_EMAIL")]
    pub rights_officer_email: Option<String>,
    /// Advocacy provider referral address(es), comma-separated
    #[arg(long, env = "HYS_ADVOCACY_EMAIL")]
    pub advocacy_email: Option<String>,
    /// Duty / safeguarding inbox for urgent cases, comma-separated
    #[arg(long, env = "HYS_URGENT_EMAIL")]
    pub urgent_email: Option<String>,
    /// Second inbox for urgent alerts, tried when one to HYS_URGENT_EMAIL fails for good,
    /// comma-separated [default: none]
    #[arg(long, env = "HYS_URGENT_FALLBACK_EMAIL")]
    pub urgent_fallback_email: Option<String>,
    /// Let the advocacy referral quote the child's own words [default: false]
    #[arg(long, env = "HYS_ADVOCACY_INCLUDE_WORDS")]
    pub advocacy_include_words: Option<bool>,
    /// Sender of every email [default: Have Your Say <no-reply@example.invalid>]
    #[arg(long, env = "HYS_MAIL_FROM")]
    pub mail_from: Option<String>,
    /// SMTP server, e.g. smtp://relay:25?tls=required or smtps://user:pass@host:465
    #[arg(long, env = "HYS_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Folder for .eml files when no SMTP server is set [default: ./mail]
    #[arg(long, env = "HYS_MAIL_DROP_DIR")]
    pub mail_drop_dir: Option<PathBuf>,
    /// Sending attempts before an email is marked failed [default: 10]
    #[arg(long, env = "HYS_MAIL_MAX_ATTEMPTS")]
    pub mail_max_attempts: Option<u32>,
    /// Seconds before the first retry; later retries double [default: 30]
    #[arg(long, env = "HYS_MAIL_RETRY_SECONDS")]
    pub mail_retry_seconds: Option<f64>,
    /// Reverse proxies whose X-Forwarded-For is trusted, comma-separated IPs [default: none]
    #[arg(long, env = "HYS_TRUSTED_PROXIES")]
    pub trusted_proxies: Option<String>,
    /// Local closure days that are not working days, comma-separated YYYY-MM-DD
    #[arg(long, env = "HYS_CLOSURE_DAYS")]
    pub closure_days: Option<String>,
    /// Working days of each stage of the council's corporate complaints procedure,
    /// comma-separated, one to three stages (default "10,20")
    #[arg(long, env = "HYS_CORPORATE_STAGE_DAYS")]
    pub corporate_stage_days: Option<String>,
    /// The council's own lists (categories, teams, receipt methods, outcomes, actions taken):
    /// a TOML file; default the shipped locales/en-GB/lists.toml
    #[arg(long, env = "HYS_LISTS")]
    pub lists: Option<PathBuf>,
    /// Where replies to our emails go; `name+@domain` puts the case token after the `+`
    #[arg(long, env = "HYS_REPLY_ADDRESS")]
    pub reply_address: Option<String>,
    /// The reply mailbox to read: imaps://host[:port], or imap://host?tls=starttls
    #[arg(long, env = "HYS_IMAP_URL")]
    pub imap_url: Option<String>,
    /// The reply mailbox's user name
    #[arg(long, env = "HYS_IMAP_USER")]
    pub imap_user: Option<String>,
    /// The reply mailbox's password (or use HYS_IMAP_OAUTH2_TOKEN)
    #[arg(long, env = "HYS_IMAP_PASSWORD", hide_env_values = true)]
    pub imap_password: Option<String>,
    /// An OAuth2 access token for XOAUTH2 sign-in (Microsoft 365)
    #[arg(long, env = "HYS_IMAP_OAUTH2_TOKEN", hide_env_values = true)]
    pub imap_oauth2_token: Option<String>,
    /// The folder to read [default: INBOX]
    #[arg(long, env = "HYS_IMAP_FOLDER")]
    pub imap_folder: Option<String>,
    /// After filing: a folder to move messages to, or "delete" [default: Filed]
    #[arg(long, env = "HYS_IMAP_AFTER_FILING")]
    pub imap_after_filing: Option<String>,
    /// Seconds between polls of the reply mailbox [default: 60]
    #[arg(long, env = "HYS_IMAP_POLL_SECONDS")]
    pub imap_poll_seconds: Option<u64>,
    /// Managers and admins must use two-factor sign-in (an authenticator app) [default: false]
    #[arg(long, env = "HYS_REQUIRE_2FA")]
    pub require_2fa: Option<bool>,
    /// Extra new-case recipients by category (configuration file only)
    #[arg(skip)]
    pub category_recipients: Option<BTreeMap<String, Vec<String>>>,
    /// London time of the daily reminder digest, HH:MM, or "off" [default: 08:00]
    #[arg(long, env = "HYS_DIGEST_AT")]
    pub digest_at: Option<String>,
    /// At most one "there is a reply for you" email per case per this many minutes [default: 60]
    #[arg(long, env = "HYS_CHILD_REPLY_EMAIL_MINUTES")]
    pub child_reply_email_minutes: Option<u64>,
    /// A folder of the council's letter templates (<language>/letters.ftl) over the shipped ones
    #[arg(long, env = "HYS_TEMPLATES")]
    pub templates: Option<PathBuf>,
}

/// Parse every item, or record the first that does not parse (reported by `validate`).
fn parse_list<T>(
    raw: &str,
    name: &str,
    what: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Vec<T>, String> {
    address_list(raw)
        .iter()
        .map(|item| parse(item).ok_or_else(|| format!("{name}: {item:?} is not {what}")))
        .collect()
}

fn address_list(raw: &str) -> Vec<String> {
    raw.split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
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

impl Config {
    /// Defaults, then the file (if any), then the environment and command line.
    pub fn load(file: Option<&Path>, env: &Overrides) -> Result<Self, ConfigError> {
        let mut config = Self::default();
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                path: path.to_owned(),
                source,
            })?;
            let from_file: Overrides =
                toml::from_str(&text).map_err(|source| ConfigError::Parse {
                    path: path.to_owned(),
                    source: Box::new(source),
                })?;
            config.apply(&from_file);
        }
        config.apply(env);
        config.validate()?;
        // A broken lists file stops start-up (and `check`) with every problem and its place.
        // Its `[equality]` table (the report's age bands) is read from the same file.
        let lists_path = config
            .lists_file
            .clone()
            .unwrap_or_else(|| config.locales_dir.join("en-GB").join("lists.toml"));
        let lists = crate::lists::Lists::read(&lists_path)
            .map_err(|e| ConfigError::Invalid(e.to_string()))?;
        config.procedures.lists = std::sync::Arc::new(lists);
        config.equality = crate::equality::EqualityConfig::from_file(&lists_path)
            .map_err(|e| ConfigError::Invalid(e.to_string()))?;
        Ok(config)
    }

    fn apply(&mut self, o: &Overrides) {
        if let Some(bind) = o.bind {
            self.bind = bind;
            if o.public_url.is_none() {
                self.public_url = format!("http://{bind}");
            }
        }
        let set = |target: &mut String, value: &Option<String>| {
            if let Some(v) = value {
                target.clone_from(v);
            }
        };
        set(&mut self.public_url, &o.public_url);
        set(&mut self.database_url, &o.database_url);
        set(&mut self.authority_name, &o.authority_name);
        set(&mut self.help_phone, &o.help_phone);
        set(&mut self.out_of_hours_phone, &o.out_of_hours_phone);
        set(&mut self.exit_url, &o.exit_url);
        if let Some(e) = o.environment {
            self.environment = e;
        }
        if let Some(d) = &o.flows_dir {
            self.flows_dir.clone_from(d);
        }
        if let Some(d) = &o.locales_dir {
            self.locales_dir.clone_from(d);
        }
        if let Some(path) = &o.lists {
            self.lists_file = Some(path.clone());
        }
        if let Some(d) = o.conversation_days {
            self.conversation_days = d;
        }
        if let Some(n) = o.max_connections {
            self.max_connections = n;
        }
        if let Some(n) = o.retention_years {
            self.retention_years = n;
        }
        if let Some(n) = o.min_completion_seconds {
            self.min_completion_seconds = n;
        }
        // Zero would close every connection at once: at least a second.
        if let Some(n) = o.header_timeout_seconds {
            self.header_timeout_seconds = n.max(1);
        }
        if let Some(n) = o.request_timeout_seconds {
            self.request_timeout_seconds = n.max(1);
        }
        if let Some(n) = o.api_rate_per_minute {
            self.api_rate_per_minute = n;
        }
        if let Some(v) = &o.api_cors_origins {
            self.api_cors_origins = v
                .split(',')
                .map(|o| o.trim().to_owned())
                .filter(|o| !o.is_empty())
                .collect();
        }
        let routing = &mut self.routing;
        if let Some(v) = &o.rights_officer_email {
            routing.rights_officer = address_list(v);
        }
        if let Some(v) = &o.advocacy_email {
            routing.advocacy_provider = address_list(v);
        }
        if let Some(v) = &o.urgent_email {
            routing.urgent = address_list(v);
        }
        if let Some(v) = &o.urgent_fallback_email {
            routing.urgent_fallback = address_list(v);
        }
        if let Some(v) = o.advocacy_include_words {
            routing.advocacy_gets_words = v;
        }
        if let Some(map) = &o.category_recipients {
            routing.by_category.clone_from(map);
        }
        if let Some(list) = &o.trusted_proxies {
            match parse_list(list, "HYS_TRUSTED_PROXIES", "an IP address", |a| {
                a.parse().ok()
            }) {
                Ok(v) => self.trusted_proxies = v,
                Err(e) => self.list_problems = Some(e),
            }
        }
        if let Some(list) = &o.closure_days {
            let date = time::macros::format_description!("[year]-[month]-[day]");
            match parse_list(list, "HYS_CLOSURE_DAYS", "a YYYY-MM-DD date", |d| {
                time::Date::parse(d, date).ok()
            }) {
                Ok(v) => self.closure_days = v,
                Err(e) => self.list_problems = Some(e),
            }
        }
        if let Some(list) = &o.corporate_stage_days {
            match parse_list(
                list,
                "HYS_CORPORATE_STAGE_DAYS",
                "a number of working days from 1 to 130",
                |d| d.parse().ok().filter(|d| (1..=130).contains(d)),
            ) {
                Ok(v) if (1..=3).contains(&v.len()) => self.procedures.corporate_stage_days = v,
                Ok(_) => {
                    self.list_problems =
                        Some("HYS_CORPORATE_STAGE_DAYS: give one to three stages".into());
                }
                Err(e) => self.list_problems = Some(e),
            }
        }
        if let Some(v) = o.require_2fa {
            self.require_two_factor = v;
        }
        if let Some(address) = &o.reply_address {
            self.inbound.reply_address = Some(address.trim().to_owned()).filter(|a| !a.is_empty());
        }
        if let Some(url) = o.imap_url.as_deref().filter(|u| !u.trim().is_empty()) {
            let input = crate::notify::inbound::settings::ImapInput {
                url: url.trim(),
                user: o.imap_user.as_deref(),
                password: o.imap_password.as_deref(),
                oauth2_token: o.imap_oauth2_token.as_deref(),
                folder: o.imap_folder.as_deref(),
                after_filing: o.imap_after_filing.as_deref(),
                poll_seconds: o.imap_poll_seconds,
            };
            match crate::notify::inbound::ImapSettings::from_input(&input) {
                Ok(imap) => self.inbound.imap = Some(imap),
                Err(e) => self.list_problems = Some(e),
            }
        }
        if let Err(e) = self.reminders.apply(
            o.digest_at.as_deref(),
            o.child_reply_email_minutes,
            o.templates.as_deref(),
        ) {
            self.list_problems = Some(e);
        }
        let mail = &mut self.mail;
        set(&mut mail.from, &o.mail_from);
        if let Some(url) = &o.smtp_url {
            mail.smtp_url = Some(url.clone()).filter(|u| !u.trim().is_empty());
        }
        if let Some(d) = &o.mail_drop_dir {
            mail.drop_dir.clone_from(d);
        }
        if let Some(n) = o.mail_max_attempts {
            mail.max_attempts = n;
        }
        if let Some(secs) = o.mail_retry_seconds.filter(|s| s.is_finite() && *s >= 0.0) {
            mail.retry_base = Duration::from_secs_f64(secs);
        }
    }

    /// Problems with who gets emailed. In production each one stops start-up; otherwise
    /// `check` lists them as warnings.
    pub fn routing_problems(&self) -> Vec<String> {
        let r = &self.routing;
        let mut lists: Vec<(String, &Vec<String>)> = vec![
            ("HYS_RIGHTS_OFFICER_EMAIL".into(), &r.rights_officer),
            ("HYS_ADVOCACY_EMAIL".into(), &r.advocacy_provider),
            ("HYS_URGENT_EMAIL".into(), &r.urgent),
        ];
        lists.extend(
            r.by_category
                .iter()
                .map(|(category, list)| (format!("category_recipients.{category}"), list)),
        );
        let mut problems = Vec::new();
        for (name, list) in lists {
            if list.is_empty() {
                problems.push(format!("{name} names no address"));
            }
            for address in list.iter().filter(|a| is_placeholder(a)) {
                problems.push(format!(
                    "{name} is the placeholder {address}: set a real address"
                ));
            }
        }
        if is_placeholder(&self.mail.from) {
            problems.push("HYS_MAIL_FROM is a placeholder address".into());
        }
        if self.mail.smtp_url.is_none() {
            problems.push(
                "HYS_SMTP_URL is not set, so email goes to the drop folder, not to people".into(),
            );
        }
        problems
    }

    fn validate(&mut self) -> Result<(), ConfigError> {
        if let Some(problem) = self.list_problems.take() {
            return Err(ConfigError::Invalid(problem));
        }
        self.public_url = self.public_url.trim_end_matches('/').to_owned();
        if !(self.public_url.starts_with("http://") || self.public_url.starts_with("https://")) {
            return Err(ConfigError::Invalid(format!(
                "HYS_PUBLIC_URL must start with http:// or https://, not {:?}",
                self.public_url
            )));
        }
        if !(self.database_url.starts_with("sqlite:")
            || self.database_url.starts_with("postgres://")
            || self.database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError::Invalid(
                "HYS_DATABASE_URL must start with sqlite: or postgres://".into(),
            ));
        }
        if self.max_connections == 0 || self.conversation_days == 0 {
            return Err(ConfigError::Invalid(
                "HYS_MAX_CONNECTIONS and HYS_CONVERSATION_DAYS must be at least 1".into(),
            ));
        }
        if self.environment == Environment::Production && !self.public_url.starts_with("https://") {
            return Err(ConfigError::Invalid(
                "in production HYS_PUBLIC_URL must be an https:// address".into(),
            ));
        }
        let r = &self.routing;
        let every_address = r
            .rights_officer
            .iter()
            .chain(&r.advocacy_provider)
            .chain(&r.urgent)
            .chain(&r.urgent_fallback)
            .chain(r.by_category.values().flatten())
            .chain(std::iter::once(&self.mail.from));
        for address in every_address {
            if address.parse::<lettre::message::Mailbox>().is_err() {
                return Err(ConfigError::Invalid(format!(
                    "{address:?} is not an email address"
                )));
            }
        }
        for category in r.by_category.keys() {
            if crate::domain::Category::parse(category).is_none() {
                return Err(ConfigError::Invalid(format!(
                    "category_recipients: {category:?} is not a category"
                )));
            }
        }
        if let Some(reply) = &self.inbound.reply_address {
            // The `+` form gets a token after the `+`; check it with one in place.
            let sample = reply.replacen("+@", "+abcdefghijkmnpq2@", 1);
            if sample.parse::<lettre::message::Mailbox>().is_err() {
                return Err(ConfigError::Invalid(format!(
                    "HYS_REPLY_ADDRESS: {reply:?} is not an email address"
                )));
            }
        }
        if self.mail.max_attempts == 0 {
            return Err(ConfigError::Invalid(
                "HYS_MAIL_MAX_ATTEMPTS must be at least 1".into(),
            ));
        }
        if self.environment == Environment::Production {
            let problems = self.routing_problems();
            if !problems.is_empty() {
                return Err(ConfigError::Invalid(format!(
                    "refusing to start in production:\n  {}",
                    problems.join("\n  ")
                )));
            }
        }
        Ok(())
    }

    /// Cookies get `Secure` and the `__Host-` prefix only when browsers reach us over https.
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
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
mod tests {
    use super::*;

    #[test]
    fn environment_overrides_file_which_overrides_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("hys.toml");
        std::fs::write(
            &file,
            "authority_name = \"Fileshire\"\nhelp_phone = \"0100\"\n",
        )
        .unwrap();
        let env = Overrides {
            help_phone: Some("0200".into()),
            ..Default::default()
        };
        let config = Config::load(Some(&file), &env).unwrap();
        assert_eq!(config.authority_name, "Fileshire");
        assert_eq!(config.help_phone, "0200");
        assert_eq!(config.bind.to_string(), "127.0.0.1:8080");
    }

    #[test]
    fn unknown_keys_in_the_file_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("hys.toml");
        std::fs::write(&file, "authority = \"typo\"\n").unwrap();
        let err = Config::load(Some(&file), &Overrides::default()).unwrap_err();
        assert!(err.to_string().contains("hys.toml"), "{err}");
    }

    #[test]
    fn debug_output_hides_the_database_password() {
        let config = Config {
            database_url: "postgres://hys:hunter2@db/hys".into(),
            ..Config::default()
        };
        let shown = format!("{config:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("postgres://hys:***@db/hys"), "{shown}");
    }

    #[test]
    fn recipients_come_from_the_environment_as_lists() {
        let env = Overrides {
            rights_officer_email: Some("a@council.gov.uk, b@council.gov.uk".into()),
            ..Default::default()
        };
        let config = Config::load(None, &env).unwrap();
        assert_eq!(
            config.routing.rights_officer,
            ["a@council.gov.uk", "b@council.gov.uk"]
        );
        assert!(is_placeholder(&config.routing.urgent[0]));
    }

    #[test]
    fn category_recipients_come_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("hys.toml");
        std::fs::write(
            &file,
            "[category_recipients]\nleaving_care = [\"lc@council.gov.uk\"]\n",
        )
        .unwrap();
        let config = Config::load(Some(&file), &Overrides::default()).unwrap();
        assert_eq!(
            config.routing.by_category["leaving_care"],
            ["lc@council.gov.uk"]
        );
        std::fs::write(&file, "[category_recipients]\nnonsense = [\"x@y.uk\"]\n").unwrap();
        assert!(Config::load(Some(&file), &Overrides::default()).is_err());
    }

    #[test]
    fn production_refuses_placeholder_recipients_and_the_mail_drop() {
        let mut env = Overrides {
            environment: Some(Environment::Production),
            public_url: Some("https://hys.council.gov.uk".into()),
            ..Default::default()
        };
        let err = Config::load(None, &env).unwrap_err().to_string();
        assert!(err.contains("HYS_URGENT_EMAIL is the placeholder"), "{err}");
        assert!(err.contains("HYS_SMTP_URL is not set"), "{err}");
        env.rights_officer_email = Some("cro@council.gov.uk".into());
        env.advocacy_email = Some("referrals@advocacy.org.uk".into());
        env.urgent_email = Some("mash@council.gov.uk".into());
        env.mail_from = Some("Have Your Say <hys@council.gov.uk>".into());
        env.smtp_url = Some("smtp://relay.council.gov.uk:25?tls=required".into());
        assert!(Config::load(None, &env).is_ok());
    }

    #[test]
    fn closure_days_and_proxies_are_parsed_or_refused() {
        let env = Overrides {
            closure_days: Some("2026-12-29, 2026-12-30".into()),
            trusted_proxies: Some("10.0.0.1".into()),
            ..Default::default()
        };
        let config = Config::load(None, &env).unwrap();
        assert_eq!(config.closure_days.len(), 2);
        assert_eq!(config.trusted_proxies.len(), 1);
        for bad in [
            Overrides {
                closure_days: Some("29/12/2026".into()),
                ..Default::default()
            },
            Overrides {
                trusted_proxies: Some("proxy.local".into()),
                ..Default::default()
            },
        ] {
            assert!(Config::load(None, &bad).is_err());
        }
    }

    #[test]
    fn an_address_that_is_not_an_email_is_refused() {
        let env = Overrides {
            urgent_email: Some("duty team".into()),
            ..Default::default()
        };
        assert!(Config::load(None, &env).is_err());
    }

    #[test]
    fn the_minimum_completion_time_comes_from_the_file_or_the_environment() {
        assert_eq!(Config::default().min_completion_seconds, 15);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("hys.toml");
        std::fs::write(&file, "min_completion_seconds = 30\n").unwrap();
        let from_file = Config::load(Some(&file), &Overrides::default()).unwrap();
        assert_eq!(from_file.min_completion_seconds, 30);
        let env = Overrides {
            min_completion_seconds: Some(0),
            ..Default::default()
        };
        assert_eq!(
            Config::load(Some(&file), &env)
                .unwrap()
                .min_completion_seconds,
            0
        );
    }

    #[test]
    fn production_needs_https() {
        let env = Overrides {
            environment: Some(Environment::Production),
            ..Default::default()
        };
        assert!(Config::load(None, &env).is_err());
    }
}
