//! Every setting, declared once: its name (the TOML key and, upper-cased after `HYS_`, the
//! environment variable), its type, its default and its help. The table below generates the
//! flat [`Settings`] (every value, defaults filled in), the [`Overrides`] one layer gives (a file,
//! or the command line and environment through clap, so `serve --help` lists every variable with
//! its default) and the merge of a layer over the settings.
//!
//! Why not `figment`: clap already reads each `HYS_*` variable with its type (and lists it in
//! `--help`), and the file is one serde call; figment's `Env` provider guesses a value's type
//! from its text (a phone number like `0100` becomes a number) and would also see `HYS_CONFIG`
//! and `HYS_LOG`. What is left to do is the merge, which this table generates.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use secrecy::SecretString;
use serde::Deserialize;

use super::Environment;
use super::lists::{AddressList, DateList, List, StageDays};

/// How a default is shown in `--help`.
pub trait Shown {
    fn shown(&self) -> String;
}

macro_rules! shown_by_display {
    ($($t:ty),*) => {$(
        impl Shown for $t {
            fn shown(&self) -> String {
                self.to_string()
            }
        }
    )*};
}
shown_by_display!(
    String,
    u32,
    u64,
    f64,
    bool,
    SocketAddr,
    Environment,
    AddressList,
    StageDays
);

impl Shown for PathBuf {
    fn shown(&self) -> String {
        self.display().to_string()
    }
}

/// Help text with the default appended, as clap would show `default_value`.
fn with_default(help: &str, default: &dyn Shown) -> String {
    let shown = default.shown();
    let shown = if shown.is_empty() {
        "none".into()
    } else {
        shown
    };
    format!("{help} [default: {shown}]")
}

macro_rules! settings {
    (
        with_default { $( $help:literal [$($arg:tt)*] $field:ident : $ty:ty = $default:expr ; )* }
        optional { $( $ohelp:literal [$($oarg:tt)*] $ofield:ident : $oty:ty ; )* }
        file_only { $( $fhelp:literal $ffield:ident : $fty:ty ; )* }
    ) => {
        /// Every setting after all the layers, defaults filled in.
        #[derive(Clone, Debug)]
        pub struct Settings {
            $( #[doc = $help] pub $field: $ty, )*
            $( #[doc = $ohelp] pub $ofield: Option<$oty>, )*
            $( #[doc = $fhelp] pub $ffield: Option<$fty>, )*
        }

        impl Default for Settings {
            fn default() -> Self {
                Self {
                    $( $field: $default, )*
                    $( $ofield: None, )*
                    $( $ffield: None, )*
                }
            }
        }

        /// What one layer sets: the configuration file, or the command line and `HYS_*`
        /// environment. Each field is optional so that a layer only overrides what it names.
        #[derive(Debug, Default, Clone, Deserialize, clap::Args)]
        #[serde(deny_unknown_fields)]
        pub struct Overrides {
            $(
                #[arg($($arg)*, help = with_default($help, &{ let default: $ty = $default; default }))]
                pub $field: Option<$ty>,
            )*
            $(
                #[arg($($oarg)*, help = $ohelp)]
                pub $ofield: Option<$oty>,
            )*
            $(
                #[doc = $fhelp]
                #[arg(skip)]
                pub $ffield: Option<$fty>,
            )*
        }

        impl Settings {
            /// Lay `layer` over these settings: what it names wins.
            pub fn merge(&mut self, layer: &Overrides) {
                $( if let Some(v) = &layer.$field { self.$field.clone_from(v); } )*
                $( if let Some(v) = &layer.$ofield { self.$ofield = Some(v.clone()); } )*
                $( if let Some(v) = &layer.$ffield { self.$ffield = Some(v.clone()); } )*
            }
        }
    };
}

const PLACEHOLDER: &str = super::PLACEHOLDER_DOMAIN;

fn placeholder(local: &str) -> AddressList {
    List(vec![format!("{local}@{PLACEHOLDER}")])
}

settings! {
    with_default {
        "Address and port to listen on"
        [long, env = "HYS_BIND"]
        bind: SocketAddr = SocketAddr::from(([127, 0, 0, 1], 8080));
        "sqlite://file.db (in the working folder) or postgres://..."
        [long, env = "HYS_DATABASE_URL", hide_env_values = true]
        database_url: String = "sqlite://have-your-say.db".into();
        "development or production"
        [long = "env", env = "HYS_ENV"]
        environment: Environment = Environment::Development;
        "The council's name, as children see it"
        [long, env = "HYS_AUTHORITY_NAME"]
        authority_name: String = "Your council".into();
        "Children's services phone number shown to children"
        [long, env = "HYS_HELP_PHONE"]
        help_phone: String = "0300 000 0000".into();
        "Out-of-hours emergency duty phone number shown to children"
        [long, env = "HYS_OUT_OF_HOURS_PHONE"]
        out_of_hours_phone: String = "0300 000 0001".into();
        "Where \"Leave this page quickly\" goes: somewhere dull and common"
        [long, env = "HYS_EXIT_URL"]
        exit_url: String = "https://www.bbc.co.uk/weather".into();
        "Folder of conversation flows (the source tree's when the working folder has none)"
        [long, env = "HYS_FLOWS_DIR"]
        flows_dir: PathBuf = PathBuf::from("flows");
        "Folder of Fluent translations (the source tree's when the working folder has none)"
        [long, env = "HYS_LOCALES_DIR"]
        locales_dir: PathBuf = PathBuf::from("locales");
        "Days an unsent conversation is kept"
        [long, env = "HYS_CONVERSATION_DAYS"]
        conversation_days: u32 = 7;
        "Years after closing before a case's personal data is removed"
        [long, env = "HYS_RETENTION_YEARS"]
        retention_years: u32 = 6;
        "Database connections per instance"
        [long, env = "HYS_MAX_CONNECTIONS"]
        max_connections: u32 = 16;
        "Seconds a conversation must take from start to send; faster ones are held for staff to \
         check (0: off)"
        [long, env = "HYS_MIN_COMPLETION_SECONDS"]
        min_completion_seconds: u32 = 15;
        "Seconds a client has to send a request's head before its connection is closed"
        [long, env = "HYS_HEADER_TIMEOUT_SECONDS"]
        header_timeout_seconds: u32 = 10;
        "Seconds a request (body included) may take before it is answered 408"
        [long, env = "HYS_REQUEST_TIMEOUT_SECONDS"]
        request_timeout_seconds: u32 = 30;
        "JSON API requests per minute per address (0: no limit)"
        [long, env = "HYS_API_RATE_PER_MINUTE"]
        api_rate_per_minute: u32 = 120;
        "Other web origins allowed to call the JSON API, comma-separated"
        [long, env = "HYS_API_CORS_ORIGINS"]
        api_cors_origins: AddressList = List::default();
        "Children's rights officer email address(es), comma-separated"
        [long, env = "HYS_RIGHTS_OFFICER_EMAIL"]
        rights_officer_email: AddressList = placeholder("rights-officer");
        "Advocacy provider referral address(es), comma-separated"
        [long, env = "HYS_ADVOCACY_EMAIL"]
        advocacy_email: AddressList = placeholder("advocacy");
        "Duty / safeguarding inbox for urgent cases, comma-separated"
        [long, env = "HYS_URGENT_EMAIL"]
        urgent_email: AddressList = placeholder("safeguarding");
        "Second inbox for urgent alerts, tried when one to HYS_URGENT_EMAIL fails for good, \
         comma-separated"
        [long, env = "HYS_URGENT_FALLBACK_EMAIL"]
        urgent_fallback_email: AddressList = List::default();
        "Let the advocacy referral quote the child's own words"
        [long, env = "HYS_ADVOCACY_INCLUDE_WORDS"]
        advocacy_include_words: bool = false;
        "Sender of every email"
        [long, env = "HYS_MAIL_FROM"]
        mail_from: String = format!("Have Your Say <no-reply@{PLACEHOLDER}>");
        "Folder for .eml files when no SMTP server is set"
        [long, env = "HYS_MAIL_DROP_DIR"]
        mail_drop_dir: PathBuf = PathBuf::from("mail");
        "Sending attempts before an email is marked failed"
        [long, env = "HYS_MAIL_MAX_ATTEMPTS"]
        mail_max_attempts: u32 = 10;
        "Seconds before the first retry; later retries double"
        [long, env = "HYS_MAIL_RETRY_SECONDS"]
        mail_retry_seconds: f64 = 30.0;
        "Managers and admins must use two-factor sign-in (an authenticator app)"
        [long, env = "HYS_REQUIRE_2FA"]
        require_2fa: bool = false;
        "Working days of each stage of the council's corporate complaints procedure, \
         comma-separated, one to three stages"
        [long, env = "HYS_CORPORATE_STAGE_DAYS"]
        corporate_stage_days: StageDays = StageDays(vec![10, 20]);
        "The folder to read"
        [long, env = "HYS_IMAP_FOLDER"]
        imap_folder: String = "INBOX".into();
        "After filing: a folder to move messages to, or \"delete\""
        [long, env = "HYS_IMAP_AFTER_FILING"]
        imap_after_filing: String = "Filed".into();
        "Seconds between polls of the reply mailbox (at least 5)"
        [long, env = "HYS_IMAP_POLL_SECONDS"]
        imap_poll_seconds: u64 = 60;
        "London time of the daily reminder digest, HH:MM, or \"off\""
        [long, env = "HYS_DIGEST_AT"]
        digest_at: String = "08:00".into();
        "At most one \"there is a reply for you\" email per case per this many minutes"
        [long, env = "HYS_CHILD_REPLY_EMAIL_MINUTES"]
        child_reply_email_minutes: u64 = 60;
    }
    optional {
        "Public address of the service, used in links in emails [default: http://<bind>]"
        [long, env = "HYS_PUBLIC_URL"]
        public_url: String;
        "SMTP server, e.g. smtp://relay:25?tls=required or smtps://user:pass@host:465 \
         [default: none, email goes to the drop folder]"
        [long, env = "HYS_SMTP_URL", hide_env_values = true]
        smtp_url: SecretString;
        "Reverse proxies whose X-Forwarded-For is trusted, comma-separated IPs [default: none]"
        [long, env = "HYS_TRUSTED_PROXIES"]
        trusted_proxies: List<IpAddr>;
        "Local closure days that are not working days, comma-separated YYYY-MM-DD"
        [long, env = "HYS_CLOSURE_DAYS"]
        closure_days: DateList;
        "The council's own lists (categories, teams, receipt methods, outcomes, actions taken): \
         a TOML file [default: the shipped locales/en-GB/lists.toml]"
        [long, env = "HYS_LISTS"]
        lists: PathBuf;
        "Where replies to our emails go; `name+@domain` puts the case token after the `+`"
        [long, env = "HYS_REPLY_ADDRESS"]
        reply_address: String;
        "The reply mailbox to read: imaps://host[:port], or imap://host?tls=starttls"
        [long, env = "HYS_IMAP_URL"]
        imap_url: String;
        "The reply mailbox's user name"
        [long, env = "HYS_IMAP_USER"]
        imap_user: String;
        "The reply mailbox's password (or use HYS_IMAP_OAUTH2_TOKEN)"
        [long, env = "HYS_IMAP_PASSWORD", hide_env_values = true]
        imap_password: SecretString;
        "An OAuth2 access token for XOAUTH2 sign-in (Microsoft 365)"
        [long, env = "HYS_IMAP_OAUTH2_TOKEN", hide_env_values = true]
        imap_oauth2_token: SecretString;
        "A folder of the council's letter templates (<language>/letters.ftl) over the shipped ones"
        [long, env = "HYS_TEMPLATES"]
        templates: PathBuf;
    }
    file_only {
        "Extra recipients of the new-case email, by category (configuration file only)"
        category_recipients: BTreeMap<String, Vec<String>>;
    }
}
