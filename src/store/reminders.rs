//! The reminders' SQL: the open cases a digest reads, and queuing one person's digest for one
//! day exactly once, however many instances try (the unique `(staff_id, day)` row is the
//! claim, inserted in the same transaction as the digest's outbox row).

use sqlx::Row;

use super::cases::{CaseRow, SELECT_CASE, cases, format_date};
use super::outbox::new_message_id;
use super::{Store, StoreError, now_ms};
use crate::domain::{Case, EmailKind};

/// One person's digest for one day, rendered: what the outbox row will send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDigest {
    pub staff_id: i64,
    pub recipient: String,
    pub day: time::Date,
    /// How many cases it lists; never 0.
    pub cases: i64,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A queued digest's content, for the worker to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDigest {
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl Store {
    /// Every case with a clock that may be running: not closed, not held or spam.
    pub async fn open_cases_for_reminders(&self) -> Result<Vec<Case>, StoreError> {
        let rows = sqlx::query_as::<_, CaseRow>(&format!(
            "{SELECT_CASE} where status <> 'closed' and held = 0 and spam = 0 order by id"
        ))
        .fetch_all(self.pool())
        .await?;
        cases(rows)
    }

    /// The staff ids whose digest for `day` is already queued (by any instance).
    pub async fn digests_queued_on(&self, day: time::Date) -> Result<Vec<i64>, StoreError> {
        let rows = sqlx::query("select staff_id from digests where day = $1")
            .bind(format_date(day))
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| Ok(row.try_get("staff_id")?))
            .collect()
    }

    /// Claim `(staff, day)` and queue the digest's email, in one transaction. `false` when
    /// another instance (or an earlier tick) already did: then nothing is written.
    pub async fn queue_digest(
        &self,
        digest: &NewDigest,
        message_domain: &str,
    ) -> Result<bool, StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        let claimed = sqlx::query(
            "insert into digests (staff_id, day, cases, subject, body_text, body_html, \
             created_at) values ($1, $2, $3, $4, $5, $6, $7) \
             on conflict (staff_id, day) do nothing returning id",
        )
        .bind(digest.staff_id)
        .bind(format_date(digest.day))
        .bind(digest.cases)
        .bind(&digest.subject)
        .bind(&digest.text)
        .bind(&digest.html)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = claimed else {
            tx.rollback().await?;
            return Ok(false);
        };
        let digest_id: i64 = row.try_get("id")?;
        let message_id = new_message_id(&format!("d{digest_id}"), message_domain);
        sqlx::query(
            "insert into outbox (digest_id, kind, recipient, message_id, status, attempts, \
             next_attempt_at, created_at, updated_at) \
             values ($1, $2, $3, $4, 'pending', 0, $5, $5, $5)",
        )
        .bind(digest_id)
        .bind(EmailKind::Digest.as_str())
        .bind(&digest.recipient)
        .bind(message_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    pub async fn digest(&self, id: i64) -> Result<Option<StoredDigest>, StoreError> {
        let row = sqlx::query("select subject, body_text, body_html from digests where id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.map(|row| {
            Ok(StoredDigest {
                subject: row.try_get("subject")?,
                text: row.try_get("body_text")?,
                html: row.try_get("body_html")?,
            })
        })
        .transpose()
    }
}
