//! From [`Settings`] to the [`Config`] the service uses: the layers merged, each value put where
//! it is used, and the whole checked. Every error names the setting to fix.

use std::path::{Path, PathBuf};
use std::time::Duration;

use secrecy::ExposeSecret;

use super::{
    Config, ConfigError, Environment, MailSettings, Overrides, Routing, Settings, is_placeholder,
};

impl Default for Config {
    /// The built-in defaults, as [`Settings::default`] declares them.
    fn default() -> Self {
        Self::assemble(Settings::default())
    }
}

impl Config {
    /// What every message may name: the council and its phone numbers.
    pub fn council(&self) -> crate::i18n::Council {
        crate::i18n::Council {
            authority_name: self.authority_name.clone(),
            help_phone: self.help_phone.clone(),
            out_of_hours_phone: self.out_of_hours_phone.clone(),
        }
    }

    /// Defaults, then the file (if any), then the environment and command line.
    pub fn load(file: Option<&Path>, env: &Overrides) -> Result<Self, ConfigError> {
        let mut settings = Settings::default();
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
            settings.merge(&from_file);
        }
        settings.merge(env);
        let mut config = Self::from_settings(settings)?;
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

    /// Assemble and check: the settings that need more than a copy (the reply mailbox, the
    /// digest time) are read here, each error naming its setting.
    pub fn from_settings(settings: Settings) -> Result<Self, ConfigError> {
        if !(settings.mail_retry_seconds.is_finite() && settings.mail_retry_seconds >= 0.0) {
            return Err(ConfigError::Invalid(
                "HYS_MAIL_RETRY_SECONDS must be a number of seconds, 0 or more".into(),
            ));
        }
        let imap = match settings.imap_url.as_deref().map(str::trim) {
            Some(url) if !url.is_empty() => {
                let input = super::inbound::ImapInput {
                    url,
                    user: settings.imap_user.as_deref(),
                    password: settings.imap_password.as_ref().map(|p| p.expose_secret()),
                    oauth2_token: settings
                        .imap_oauth2_token
                        .as_ref()
                        .map(|t| t.expose_secret()),
                    folder: Some(&settings.imap_folder),
                    after_filing: Some(&settings.imap_after_filing),
                    poll_seconds: Some(settings.imap_poll_seconds),
                };
                Some(
                    super::inbound::ImapSettings::from_input(&input)
                        .map_err(ConfigError::Invalid)?,
                )
            }
            _ => None,
        };
        let digest_at = settings.digest_at.clone();
        let child_reply_minutes = settings.child_reply_email_minutes;
        let templates = settings.templates.clone();
        let mut config = Self::assemble(settings);
        config.inbound.imap = imap;
        config
            .reminders
            .apply(
                Some(&digest_at),
                Some(child_reply_minutes),
                templates.as_deref(),
            )
            .map_err(ConfigError::Invalid)?;
        config.validate()?;
        Ok(config)
    }

    /// Each setting where the service reads it; nothing here can fail.
    fn assemble(s: Settings) -> Self {
        let public_url = s
            .public_url
            .unwrap_or_else(|| format!("http://{}", s.bind))
            .trim_end_matches('/')
            .to_owned();
        let procedures = crate::casework::Rules {
            corporate_stage_days: s.corporate_stage_days.0,
            ..Default::default()
        };
        Self {
            bind: s.bind,
            public_url,
            database_url: s.database_url,
            environment: s.environment,
            authority_name: s.authority_name,
            help_phone: s.help_phone,
            out_of_hours_phone: s.out_of_hours_phone,
            exit_url: s.exit_url,
            flows_dir: resource_dir(s.flows_dir, "flows"),
            locales_dir: resource_dir(s.locales_dir, "locales"),
            conversation_days: s.conversation_days,
            retention_years: s.retention_years,
            max_connections: s.max_connections,
            min_completion_seconds: s.min_completion_seconds,
            // Zero would close every connection at once: at least a second.
            header_timeout_seconds: s.header_timeout_seconds.max(1),
            request_timeout_seconds: s.request_timeout_seconds.max(1),
            api_rate_per_minute: s.api_rate_per_minute,
            api_cors_origins: s.api_cors_origins.0,
            routing: Routing {
                rights_officer: s.rights_officer_email.0,
                advocacy_provider: s.advocacy_email.0,
                urgent: s.urgent_email.0,
                urgent_fallback: s.urgent_fallback_email.0,
                by_category: s.category_recipients.unwrap_or_default(),
                advocacy_gets_words: s.advocacy_include_words,
            },
            mail: MailSettings {
                from: s.mail_from,
                smtp_url: s.smtp_url.filter(|u| !u.expose_secret().trim().is_empty()),
                drop_dir: s.mail_drop_dir,
                max_attempts: s.mail_max_attempts,
                retry_base: Duration::try_from_secs_f64(s.mail_retry_seconds)
                    .unwrap_or(Duration::from_secs(30)),
                poll: Duration::from_secs(5),
            },
            trusted_proxies: s.trusted_proxies.map(|l| l.0).unwrap_or_default(),
            closure_days: s.closure_days.map(|l| l.0).unwrap_or_default(),
            procedures,
            lists_file: s.lists,
            equality: crate::equality::EqualityConfig::default(),
            inbound: super::inbound::InboundSettings {
                reply_address: s
                    .reply_address
                    .map(|a| a.trim().to_owned())
                    .filter(|a| !a.is_empty()),
                imap: None,
            },
            require_two_factor: s.require_2fa,
            // The digest time, reply-email window and templates: `from_settings`.
            reminders: super::reminders::Settings::default(),
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

/// `flows/` and `locales/` next to the working folder when they are there (a deployed copy),
/// otherwise the ones in the source tree this binary was built from (`cargo run`, tests). A
/// folder named in the settings is used as it is.
fn resource_dir(setting: PathBuf, name: &str) -> PathBuf {
    if setting.as_os_str() != name || setting.is_dir() {
        setting
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
    }
}
