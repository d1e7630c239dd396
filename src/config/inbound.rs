//! The reply mailbox's settings: where replies go (`HYS_REPLY_ADDRESS`) and how the service
//! reads them (`HYS_IMAP_*`). TLS is required: `imaps://` (TLS from the start) or
//! `imap://…?tls=starttls`; a plain `imap://` is refused unless the host is a loopback address
//! (the tests' Dovecot). Secrets never reach `Debug` or a log line.

use std::time::Duration;

use secrecy::SecretString;

#[derive(Clone, Default)]
pub struct InboundSettings {
    /// Replies go here. `replies+@council.gov.uk` (a `+` at the end of the local part) means
    /// plus-addressing: `replies+<case token>@council.gov.uk`. Otherwise the address as it is,
    /// with the token in the subject as `[HYS-<token>]`.
    pub reply_address: Option<String>,
    /// Reading replies; `None` means nobody reads them (no poller runs).
    pub imap: Option<ImapSettings>,
}

impl std::fmt::Debug for InboundSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InboundSettings")
            .field("reply_address", &self.reply_address)
            .field("imap", &self.imap)
            .finish()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Security {
    /// TLS from the first byte (`imaps://`, port 993).
    Tls,
    /// Plain, then `STARTTLS` before signing in (`imap://…?tls=starttls`, port 143).
    StartTls,
    /// No TLS at all: only ever to a loopback address.
    PlainLoopback,
}

#[derive(Clone)]
pub enum ImapAuth {
    Password(SecretString),
    /// An OAuth2 access token for `AUTHENTICATE XOAUTH2` (Microsoft 365, Google).
    OAuth2(SecretString),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterFiling {
    /// Move it to this folder (made if missing).
    Move(String),
    Delete,
}

#[derive(Clone)]
pub struct ImapSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub user: String,
    pub auth: ImapAuth,
    pub mailbox: String,
    pub after_filing: AfterFiling,
    pub poll: Duration,
    /// Tries to file one message before it goes to the unmatched list with its error.
    pub max_attempts: u32,
}

impl std::fmt::Debug for ImapSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImapSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("user", &self.user)
            .field(
                "auth",
                &match self.auth {
                    ImapAuth::Password(_) => "password (hidden)",
                    ImapAuth::OAuth2(_) => "OAuth2 token (hidden)",
                },
            )
            .field("mailbox", &self.mailbox)
            .field("after_filing", &self.after_filing)
            .field("poll", &self.poll)
            .finish()
    }
}

/// What the environment or file gave, before it is checked.
#[derive(Debug, Default, Clone)]
pub struct ImapInput<'a> {
    pub url: &'a str,
    pub user: Option<&'a str>,
    pub password: Option<&'a str>,
    pub oauth2_token: Option<&'a str>,
    pub folder: Option<&'a str>,
    pub after_filing: Option<&'a str>,
    pub poll_seconds: Option<u64>,
}

fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host
            .trim_matches(['[', ']'])
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl ImapSettings {
    /// Check and assemble the settings; the error names the setting to fix.
    pub fn from_input(input: &ImapInput<'_>) -> Result<Self, String> {
        let (scheme, rest) = input
            .url
            .split_once("://")
            .ok_or("HYS_IMAP_URL must look like imaps://imap.example.gov.uk")?;
        let (authority, query) = rest.split_once('?').unwrap_or((rest, ""));
        let authority = authority.trim_end_matches('/');
        let starttls = query.split('&').any(|p| p == "tls=starttls");
        let (security, default_port) = match (scheme, starttls) {
            ("imaps", _) => (Security::Tls, 993),
            ("imap", true) => (Security::StartTls, 143),
            ("imap", false) => (Security::PlainLoopback, 143),
            _ => return Err("HYS_IMAP_URL must start with imaps:// or imap://".into()),
        };
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || p.parse::<u16>().is_ok() => (
                h.to_owned(),
                p.parse::<u16>()
                    .map_err(|_| format!("HYS_IMAP_URL: {p:?} is not a port"))?,
            ),
            _ => (authority.to_owned(), default_port),
        };
        if host.is_empty() {
            return Err("HYS_IMAP_URL has no host".into());
        }
        if security == Security::PlainLoopback && !is_loopback(&host) {
            return Err(
                "HYS_IMAP_URL: mail is read over TLS: use imaps:// (or imap://…?tls=starttls); \
                 plain imap:// is only allowed to a loopback address"
                    .into(),
            );
        }
        let user = input
            .user
            .filter(|u| !u.trim().is_empty())
            .ok_or("HYS_IMAP_USER is required with HYS_IMAP_URL")?
            .to_owned();
        let auth = match (input.password, input.oauth2_token) {
            (_, Some(token)) if !token.trim().is_empty() => ImapAuth::OAuth2(token.trim().into()),
            (Some(password), _) if !password.is_empty() => ImapAuth::Password(password.into()),
            _ => {
                return Err(
                    "HYS_IMAP_PASSWORD or HYS_IMAP_OAUTH2_TOKEN is required with HYS_IMAP_URL"
                        .into(),
                );
            }
        };
        let after_filing = match input.after_filing.map(str::trim) {
            None | Some("") => AfterFiling::Move("Filed".into()),
            Some(d) if d.eq_ignore_ascii_case("delete") => AfterFiling::Delete,
            Some(folder) if folder.chars().all(|c| !c.is_control() && c != '"') => {
                AfterFiling::Move(folder.to_owned())
            }
            Some(_) => return Err("HYS_IMAP_AFTER_FILING: not a folder name".into()),
        };
        let mailbox = input
            .folder
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .unwrap_or("INBOX")
            .to_owned();
        Ok(Self {
            host,
            port,
            security,
            user,
            auth,
            mailbox,
            after_filing,
            poll: Duration::from_secs(input.poll_seconds.unwrap_or(60).max(5)),
            max_attempts: 3,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(url: &str) -> ImapInput<'_> {
        ImapInput {
            url,
            user: Some("replies@council.gov.uk"),
            password: Some("pw"),
            ..ImapInput::default()
        }
    }

    #[test]
    fn tls_is_required_except_on_loopback() {
        let s = ImapSettings::from_input(&input("imaps://outlook.office365.com")).unwrap();
        assert_eq!((s.security, s.port), (Security::Tls, 993));
        let s =
            ImapSettings::from_input(&input("imap://mail.council.gov.uk?tls=starttls")).unwrap();
        assert_eq!((s.security, s.port), (Security::StartTls, 143));
        assert!(ImapSettings::from_input(&input("imap://mail.council.gov.uk")).is_err());
        let s = ImapSettings::from_input(&input("imap://127.0.0.1:1143")).unwrap();
        assert_eq!((s.security, s.port), (Security::PlainLoopback, 1143));
        assert!(ImapSettings::from_input(&input("pop3://x")).is_err());
    }

    #[test]
    fn a_token_wins_over_a_password_and_neither_is_printed() {
        let mut i = input("imaps://outlook.office365.com");
        i.oauth2_token = Some("eyJ0eXAi.secret");
        let s = ImapSettings::from_input(&i).unwrap();
        assert!(matches!(s.auth, ImapAuth::OAuth2(_)));
        let shown = format!("{s:?}");
        assert!(
            !shown.contains("secret") && !shown.contains("pw"),
            "{shown}"
        );
        i.oauth2_token = None;
        i.password = None;
        assert!(ImapSettings::from_input(&i).is_err());
    }

    #[test]
    fn the_environment_sets_the_reply_mailbox_and_refuses_a_bad_one() {
        use crate::config::{Config, Overrides};
        let env = Overrides {
            reply_address: Some("replies+@council.gov.uk".into()),
            imap_url: Some("imaps://outlook.office365.com".into()),
            imap_user: Some("replies@council.gov.uk".into()),
            imap_oauth2_token: Some("token".into()),
            imap_after_filing: Some("delete".into()),
            ..Overrides::default()
        };
        let config = Config::load(None, &env).unwrap();
        assert_eq!(
            config.inbound.reply_address.as_deref(),
            Some("replies+@council.gov.uk")
        );
        let imap = config.inbound.imap.unwrap();
        assert_eq!(imap.after_filing, AfterFiling::Delete);
        let bad = Overrides {
            reply_address: Some("not an address".into()),
            ..Overrides::default()
        };
        assert!(Config::load(None, &bad).is_err());
        let plain = Overrides {
            imap_url: Some("imap://mail.council.gov.uk".into()),
            imap_user: Some("u".into()),
            imap_password: Some("p".into()),
            ..Overrides::default()
        };
        let err = Config::load(None, &plain).unwrap_err().to_string();
        assert!(err.contains("TLS"), "{err}");
    }

    #[test]
    fn after_filing_moves_by_default() {
        let s = ImapSettings::from_input(&input("imaps://x.gov.uk")).unwrap();
        assert_eq!(s.after_filing, AfterFiling::Move("Filed".into()));
        let mut i = input("imaps://x.gov.uk");
        i.after_filing = Some("delete");
        assert_eq!(
            ImapSettings::from_input(&i).unwrap().after_filing,
            AfterFiling::Delete
        );
    }
}
