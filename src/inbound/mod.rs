//! Replies by email. Every email about a case names the case by an unguessable token (in the
//! Reply-To address or the subject) and threads under the case's first email. One mailbox is
//! polled over IMAP in every instance; each message is claimed in the database before it is
//! filed (see `store::inbound`), so several instances never file one twice. Each message goes:
//!
//! - from a staff account's address → an internal note on the case;
//! - from the advocacy provider's domain → a note shared with the advocate;
//! - from the case's own contact email → a message from the child, through the same safety
//!   check as everything a child writes (`tracking::add_information`);
//! - a bounce → the outbox row it is about is marked failed;
//! - anything else (no case, an unknown sender, a token for another case than the sender's, an
//!   auto-reply, a failed DMARC check, unreadable MIME, a message that failed to file) → the
//!   unmatched list for officers, with its reason. Nothing is dropped.
//!
//! Why a token, not the reference: a reference is short, printed on letters and pages, and
//! known to anyone the child told; whoever knows it could otherwise put words on the case by
//! writing from a forged address. The token is 80 random bits that only the recipients of
//! our emails see, so a forged `From` alone files nothing, and it carries no personal data.

pub mod imap;
pub mod parse;
mod route;

use std::collections::HashMap;
use std::time::Duration;

use tokio::sync::watch;

pub use crate::config::inbound::{AfterFiling, ImapAuth, ImapSettings, InboundSettings, Security};

use crate::domain::ConversationToken;
use crate::store::StoreError;
use crate::store::inbound::{Claimed, MailRecord, MailStatus};
use crate::tracking::Tracking;
use route::Route;

/// How long a claimed message stays ours; one message takes well under a second to file.
const LEASE: Duration = Duration::from_secs(5 * 60);

#[derive(Debug, thiserror::Error)]
pub enum InboundError {
    #[error("cannot reach the mail server: {0}")]
    Connect(String),
    #[error("the mail server refused the sign-in: {0}")]
    SignIn(String),
    #[error("IMAP: {0}")]
    Imap(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot file the message: {0}")]
    Filing(String),
}

/// What one poll did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PollReport {
    pub filed: usize,
    pub unmatched: usize,
    pub retried: usize,
    /// Held by another poller, or already dealt with.
    pub skipped: usize,
}

/// The reply-mailbox poller, one per instance.
#[derive(Clone)]
pub struct Poller {
    /// A child's reply is filed as a child adding to their case; the poller also reads its
    /// store and settings.
    tracking: Tracking,
    id: String,
}

impl Poller {
    pub fn new(tracking: Tracking) -> Self {
        Self {
            tracking,
            id: ConversationToken::generate().expose().to_owned(),
        }
    }

    /// Poll every interval until `stop`; the first poll waits one interval, so an instance
    /// that starts does not hit the mail server at once.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let Some(settings) = self.tracking.config.inbound.imap.clone() else {
            return;
        };
        tracing::info!(host = %settings.host, "reply mailbox poller started");
        loop {
            tokio::select! {
                _ = stop.changed() => break,
                () = tokio::time::sleep(settings.poll) => {}
            }
            if *stop.borrow() {
                break;
            }
            match self.step().await {
                Ok(report) if report.filed + report.unmatched > 0 => {
                    tracing::info!(
                        filed = report.filed,
                        unmatched = report.unmatched,
                        "replies read from the mailbox"
                    );
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "could not read the reply mailbox"),
            }
        }
        tracing::info!("reply mailbox poller stopped");
    }

    /// One poll: sign in, deal with every message, sign out. Tests call this directly.
    pub async fn step(&self) -> Result<PollReport, InboundError> {
        let Some(settings) = self.tracking.config.inbound.imap.clone() else {
            return Ok(PollReport::default());
        };
        let mut session = imap::connect(&settings).await?;
        let result = self.work(&mut session, &settings).await;
        let _ = session.logout().await;
        result
    }

    async fn work(
        &self,
        session: &mut imap::Session,
        settings: &ImapSettings,
    ) -> Result<PollReport, InboundError> {
        let store = &self.tracking.store;
        let mailbox = settings.mailbox.as_str();
        let (validity, uids) = imap::list(session, mailbox).await?;
        let done: HashMap<i64, bool> = store
            .inbound_done(mailbox, validity)
            .await?
            .into_iter()
            .collect();
        let mut report = PollReport::default();
        let lease = i64::try_from(LEASE.as_millis()).unwrap_or(i64::MAX / 4);
        for uid in uids {
            let key = i64::from(uid);
            if let Some(removed) = done.get(&key) {
                // Dealt with, but the move or delete did not happen: try it again.
                if !removed {
                    self.remove(session, settings, validity, uid).await;
                }
                report.skipped += 1;
                continue;
            }
            let Some(claimed) = store
                .claim_inbound(mailbox, validity, key, &self.id, lease)
                .await?
            else {
                report.skipped += 1;
                continue;
            };
            let (status, record) = match imap::fetch(session, uid).await {
                Ok((raw, cut)) => self.file(claimed, &raw, cut).await,
                Err(e) => (Err(e), MailRecord::default()),
            };
            match status {
                Ok(MailStatus::Filed) => report.filed += 1,
                Ok(MailStatus::Unmatched) => report.unmatched += 1,
                Err(error) => {
                    if claimed.attempts < i64::from(settings.max_attempts) {
                        tracing::warn!(%error, attempts = claimed.attempts, "message not filed; will retry");
                        store
                            .retry_inbound(claimed.id, &self.id, &error.to_string())
                            .await?;
                        report.retried += 1;
                        continue;
                    }
                    tracing::error!(%error, "message could not be filed; it is in the unmatched list");
                    let record = MailRecord {
                        reason: Some("error"),
                        last_error: Some(error.to_string()),
                        case_id: None,
                        filed_as: None,
                        ..record
                    };
                    store
                        .finish_inbound(claimed.id, &self.id, MailStatus::Unmatched, record)
                        .await?;
                    report.unmatched += 1;
                }
            }
            self.remove(session, settings, validity, uid).await;
        }
        Ok(report)
    }

    async fn remove(
        &self,
        session: &mut imap::Session,
        settings: &ImapSettings,
        validity: i64,
        uid: u32,
    ) {
        match imap::remove(session, &settings.after_filing, uid).await {
            Ok(()) => {
                if let Err(e) = self
                    .tracking
                    .store
                    .mark_inbound_removed(&settings.mailbox, validity, i64::from(uid))
                    .await
                {
                    tracing::warn!(error = %e, "could not record a message as moved");
                }
            }
            // Left in the mailbox; the next poll tries again. It is already filed.
            Err(e) => tracing::warn!(error = %e, "could not move a filed message"),
        }
    }

    /// Read and file one message. The record is what to keep whatever happens.
    async fn file(
        &self,
        claimed: Claimed,
        raw: &[u8],
        cut: bool,
    ) -> (Result<MailStatus, InboundError>, MailRecord) {
        let Some(mail) = parse::read(raw) else {
            let record = MailRecord {
                reason: Some("not_readable"),
                ..MailRecord::default()
            };
            let done = self
                .tracking
                .store
                .finish_inbound(claimed.id, &self.id, MailStatus::Unmatched, record.clone())
                .await;
            return (
                done.map(|_| MailStatus::Unmatched).map_err(Into::into),
                record,
            );
        };
        let attachments: Vec<serde_json::Value> = mail
            .attachments
            .iter()
            .map(|a| serde_json::json!({ "name": a.name, "size": a.size }))
            .collect();
        let mut record = MailRecord {
            message_id: mail.message_id.clone(),
            sender: mail.from.clone(),
            subject: mail.subject.clone(),
            sent_at: mail.sent_at,
            body: mail.text.clone(),
            attachments: serde_json::Value::Array(attachments).to_string(),
            ..MailRecord::default()
        };
        let route = if cut {
            Ok(Route::Unmatched {
                reason: "too_large",
                case_id: None,
            })
        } else {
            self.route(&mail).await
        };
        let result = match route {
            Ok(route) => self.deliver(claimed, route, &mail, &mut record).await,
            Err(e) => Err(e),
        };
        (result, record)
    }
}
