//! What staff did that belongs to no single case: the annual report viewed or exported, failed
//! emails queued again. (A case's own timeline records every view of and change to it.)

use sqlx::Row;

use super::{Store, StoreError, now_ms};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    ReportViewed,
    ReportExported,
    EmailsRetried,
    /// A search of the case lists: who and when, the filters and how many cases matched;
    /// never the words, which may be a child's name or their own words.
    CasesSearched,
    /// The case list downloaded as CSV: who, when, the filters and how many cases.
    CasesExported,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ReportViewed => "report_viewed",
            Self::ReportExported => "report_exported",
            Self::EmailsRetried => "emails_retried",
            Self::CasesSearched => "cases_searched",
            Self::CasesExported => "cases_exported",
        }
    }
}

#[derive(Debug, Clone)]
pub struct AuditEvent {
    pub staff_id: Option<i64>,
    pub action: String,
    pub detail: Option<serde_json::Value>,
    pub created_at: i64,
}

/// Shared with the account changes (`store::accounts`), which name their own actions.
pub(super) async fn insert(
    conn: &mut sqlx::AnyConnection,
    staff_id: Option<i64>,
    action: &str,
    detail: &serde_json::Value,
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

impl Store {
    /// Record what someone did; `staff_id` is `None` for the command line on the server. The
    /// caller records before it hands anything out, so an export nobody could record is refused.
    pub async fn audit(
        &self,
        staff_id: Option<i64>,
        action: AuditAction,
        detail: serde_json::Value,
    ) -> Result<(), StoreError> {
        let mut conn = self.pool().acquire().await?;
        insert(&mut conn, staff_id, action.as_str(), &detail).await
    }

    /// Put every failed email back in the queue, and record who did, in one transaction.
    pub async fn retry_failed_emails_by(&self, staff_id: i64) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "update outbox set status = 'pending', attempts = 0, next_attempt_at = $1, \
             claimed_by = null, updated_at = $1 where status = 'failed'",
        )
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
        let count = done.rows_affected();
        insert(
            &mut tx,
            Some(staff_id),
            AuditAction::EmailsRetried.as_str(),
            &serde_json::json!({ "emails": count }),
        )
        .await?;
        tx.commit().await?;
        Ok(count)
    }

    /// The newest first.
    pub async fn audit_events(&self, limit: i64) -> Result<Vec<AuditEvent>, StoreError> {
        let rows = sqlx::query(
            "select staff_id, action, detail, created_at from staff_audit \
             order by id desc limit $1",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let detail: Option<String> = row.try_get("detail")?;
                Ok(AuditEvent {
                    staff_id: row.try_get("staff_id")?,
                    action: row.try_get("action")?,
                    detail: detail.and_then(|d| serde_json::from_str(&d).ok()),
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect()
    }
}
