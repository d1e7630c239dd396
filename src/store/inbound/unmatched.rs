//! The staff's list of messages that matched no case: reading it, filing one on a case, and
//! dismissing one, each with its audit entry.

use sqlx::Row;

use super::insert_note;
use crate::domain::NoteVisibility;
use crate::store::{Store, StoreError, now_ms};

/// A message for the staff's unmatched list.
#[derive(Debug, Clone)]
pub struct UnmatchedMail {
    pub id: i64,
    pub sender: Option<String>,
    pub subject: Option<String>,
    pub sent_at: Option<i64>,
    pub received_at: i64,
    pub body: Option<String>,
    pub attachments: Option<String>,
    pub reason: Option<String>,
    pub last_error: Option<String>,
}

impl Store {
    /// The unmatched list, newest first.
    pub async fn unmatched_mail(&self) -> Result<Vec<UnmatchedMail>, StoreError> {
        let rows = sqlx::query(
            "select id, sender, subject, sent_at, created_at, body, attachments, reason, \
             last_error from inbound_mail where status = 'unmatched' order by id desc limit 500",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(unmatched_row).collect()
    }

    pub async fn unmatched_mail_by_id(&self, id: i64) -> Result<Option<UnmatchedMail>, StoreError> {
        let row = sqlx::query(
            "select id, sender, subject, sent_at, created_at, body, attachments, reason, \
             last_error from inbound_mail where status = 'unmatched' and id = $1",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(unmatched_row).transpose()
    }

    /// Staff file an unmatched message on a case: an internal note with the sender's address
    /// and the text, the message marked filed, and the audit entry, in one transaction.
    /// False if it was no longer unmatched (filed or dismissed by someone else meanwhile).
    pub async fn file_unmatched(
        &self,
        id: i64,
        case_id: i64,
        staff_id: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "update inbound_mail set status = 'filed', case_id = $1, filed_as = 'note_internal', \
             updated_at = $2 where id = $3 and status = 'unmatched' returning sender, body",
        )
        .bind(case_id)
        .bind(now_ms())
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Ok(false);
        };
        let sender: Option<String> = row.try_get("sender")?;
        let body: Option<String> = row.try_get("body")?;
        let text = format!(
            "{}:\n{}",
            sender.unwrap_or_default(),
            body.unwrap_or_default()
        );
        insert_note(&mut tx, case_id, "email", &text, NoteVisibility::Internal).await?;
        audit(
            &mut tx,
            staff_id,
            "mail_filed",
            serde_json::json!({ "mail": id, "case": case_id }),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Staff dismiss an unmatched message (kept, with the audit entry, never deleted).
    pub async fn dismiss_unmatched(&self, id: i64, staff_id: i64) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "update inbound_mail set status = 'dismissed', updated_at = $1 \
             where id = $2 and status = 'unmatched'",
        )
        .bind(now_ms())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        audit(
            &mut tx,
            staff_id,
            "mail_dismissed",
            serde_json::json!({ "mail": id }),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}

fn unmatched_row(r: &sqlx::any::AnyRow) -> Result<UnmatchedMail, StoreError> {
    Ok(UnmatchedMail {
        id: r.try_get("id")?,
        sender: r.try_get("sender")?,
        subject: r.try_get("subject")?,
        sent_at: r.try_get("sent_at")?,
        received_at: r.try_get("created_at")?,
        body: r.try_get("body")?,
        attachments: r.try_get("attachments")?,
        reason: r.try_get("reason")?,
        last_error: r.try_get("last_error")?,
    })
}

async fn audit(
    conn: &mut sqlx::AnyConnection,
    staff_id: i64,
    action: &str,
    detail: serde_json::Value,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into staff_audit (staff_id, action, detail, created_at) values ($1, $2, $3, $4)",
    )
    .bind(staff_id)
    .bind(action)
    .bind(detail.to_string())
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(())
}
