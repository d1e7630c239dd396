//! How an email leaves: SMTP (production), a folder of `.eml` files (the default, so the
//! service runs with no mail server), or memory (tests). A message written to the drop folder
//! twice overwrites itself, because the file is named by its Message-ID.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;

use crate::config::MailSettings;

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Drop(PathBuf),
    Memory(Mutex<Vec<Message>>),
}

#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// Worth trying again later (connection refused, 4xx reply, timeout).
    #[error("{0}")]
    Transient(String),
    /// Will never work as it is (5xx reply such as an unknown mailbox).
    #[error("{0}")]
    Permanent(String),
}

#[derive(Debug, thiserror::Error)]
#[error("cannot use HYS_SMTP_URL: {0}")]
pub struct TransportError(String);

impl Transport {
    pub fn from_settings(mail: &MailSettings) -> Result<Self, TransportError> {
        match &mail.smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
                    .map_err(|e| TransportError(e.to_string()))?
                    .timeout(Some(Duration::from_secs(30)))
                    .build();
                Ok(Self::Smtp(transport))
            }
            None => Ok(Self::Drop(mail.drop_dir.clone())),
        }
    }

    pub fn memory() -> Self {
        Self::Memory(Mutex::new(Vec::new()))
    }

    pub fn describe(&self) -> &'static str {
        match self {
            Transport::Smtp(_) => "SMTP",
            Transport::Drop(_) => "mail drop folder",
            Transport::Memory(_) => "memory",
        }
    }

    /// Messages kept by the memory transport.
    pub fn sent(&self) -> Vec<Message> {
        match self {
            Transport::Memory(sent) => sent.lock().map(|s| s.clone()).unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    pub async fn send(&self, message: Message, file_name: &str) -> Result<(), SendError> {
        match self {
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| {
                if e.is_permanent() {
                    SendError::Permanent(e.to_string())
                } else {
                    SendError::Transient(e.to_string())
                }
            }),
            Transport::Drop(dir) => {
                let transient = |e: std::io::Error| SendError::Transient(e.to_string());
                tokio::fs::create_dir_all(dir).await.map_err(transient)?;
                let tmp = dir.join(format!(".{file_name}.tmp"));
                tokio::fs::write(&tmp, message.formatted())
                    .await
                    .map_err(transient)?;
                tokio::fs::rename(&tmp, dir.join(format!("{file_name}.eml")))
                    .await
                    .map_err(transient)
            }
            Transport::Memory(sent) => {
                sent.lock()
                    .map_err(|_| SendError::Transient("memory transport poisoned".into()))?
                    .push(message);
                Ok(())
            }
        }
    }
}
