//! Configuration: built-in defaults, then an optional TOML file (`--config`), then `HYS_*`
//! environment variables (read by clap, so `serve --help` lists every one). Secrets are never
//! printed: `Debug` on [`Config`] masks the database URL's password.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

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
    /// Keep at most this many database connections per instance.
    pub max_connections: u32,
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
            max_connections: 16,
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
    /// Database connections per instance [default: 16]
    #[arg(long, env = "HYS_MAX_CONNECTIONS")]
    pub max_connections: Option<u32>,
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
        if let Some(d) = o.conversation_days {
            self.conversation_days = d;
        }
        if let Some(n) = o.max_connections {
            self.max_connections = n;
        }
    }

    fn validate(&mut self) -> Result<(), ConfigError> {
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
    fn production_needs_https() {
        let env = Overrides {
            environment: Some(Environment::Production),
            ..Default::default()
        };
        assert!(Config::load(None, &env).is_err());
    }
}
