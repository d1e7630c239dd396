//! The email outbox. Rows are inserted with the case, in its transaction; workers in any
//! number of instances claim due rows with a lease, so no two send the same row at once
//! (PostgreSQL: `for update skip locked`; SQLite: the single writer makes the claim atomic).
//! Urgent rows are claimed before routine ones; a worker renews the lease of the rows it holds
//! while it sends, so the lease can be short and a dead worker's rows come back soon.

use sqlx::Row;

use super::{Store, StoreError};
use crate::domain::EmailKind;

mod lease;
mod queue;

pub(crate) use queue::{
    insert_account_email, insert_emails, insert_emails_throttled, new_message_id,
};

/// An email to queue: which one, and to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEmail {
    pub kind: EmailKind,
    pub recipient: String,
}

/// What an outbox row is about: one case, or one person's daily digest of many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum About {
    Case(i64),
    Digest(i64),
    /// A password-set link (`password_links.id`), rendered at send time from the link.
    PasswordLink(i64),
}

/// A claimed row, ready to render and send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxRow {
    pub id: i64,
    pub about: About,
    pub kind: EmailKind,
    pub recipient: String,
    pub message_id: String,
    pub attempts: i64,
}

/// A row that stopped trying, for staff to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedEmail {
    pub id: i64,
    /// `None` for a digest.
    pub case_id: Option<i64>,
    pub kind: EmailKind,
    pub recipient: String,
    pub attempts: i64,
    pub last_error: Option<String>,
}

impl Store {
    pub async fn failed_emails(&self) -> Result<Vec<FailedEmail>, StoreError> {
        let rows = sqlx::query(
            "select id, case_id, kind, recipient, attempts, last_error from outbox \
             where status = 'failed' order by id",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind")?;
                Ok(FailedEmail {
                    id: row.try_get("id")?,
                    case_id: row.try_get("case_id")?,
                    kind: EmailKind::parse(&kind)
                        .ok_or_else(|| StoreError::Corrupt(format!("email kind {kind:?}")))?,
                    recipient: row.try_get("recipient")?,
                    attempts: row.try_get("attempts")?,
                    last_error: row.try_get("last_error")?,
                })
            })
            .collect()
    }
}
