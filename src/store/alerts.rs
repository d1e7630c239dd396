//! What staff and monitoring must see about email delivery: urgent alerts that failed (named by
//! case, for the red banner on every staff page), every email of one case with its state, and
//! the outbox's health in numbers (for `/health/ready` and `/metrics`). Read-only queries.

use sqlx::Row;

use super::outbox::{NewEmail, insert_emails};
use super::{Store, StoreError, now_ms};
use crate::domain::EmailKind;

/// A case whose urgent alert could not be delivered to at least one address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedAlert {
    pub reference: String,
    pub emails: i64,
}

/// One email of a case, as the case page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseEmail {
    pub kind: EmailKind,
    pub recipient: String,
    /// pending, sending, sent or failed.
    pub status: String,
    pub attempts: i64,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
}

/// The outbox in numbers; no personal data.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxHealth {
    pub urgent_waiting: i64,
    pub routine_waiting: i64,
    pub urgent_failed: i64,
    pub failed: i64,
    /// Age of the oldest urgent email not yet sent, in seconds (0 when none waits).
    pub oldest_urgent_seconds: i64,
}

impl Store {
    /// An urgent email failed for good: queue the case's alert to each fallback address it has
    /// not been queued to yet, in one transaction. Returns how many were queued.
    pub async fn queue_urgent_fallback(
        &self,
        case_id: i64,
        fallback: &[String],
        message_domain: &str,
    ) -> Result<usize, StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        let mut emails = Vec::new();
        for recipient in fallback {
            let queued: i64 = sqlx::query_scalar(
                "select count(*) from outbox \
                 where case_id = $1 and kind = 'urgent' and recipient = $2",
            )
            .bind(case_id)
            .bind(recipient)
            .fetch_one(&mut *tx)
            .await?;
            if queued == 0 {
                emails.push(NewEmail {
                    kind: EmailKind::Urgent,
                    recipient: recipient.clone(),
                });
            }
        }
        insert_emails(&mut tx, case_id, &emails, message_domain, now).await?;
        tx.commit().await?;
        Ok(emails.len())
    }

    /// Cases with an urgent email that stopped trying, newest first.
    pub async fn failed_alerts(&self) -> Result<Vec<FailedAlert>, StoreError> {
        let rows = sqlx::query(
            "select c.reference, count(*) as emails from outbox o \
             join cases c on c.id = o.case_id \
             where o.kind = 'urgent' and o.status = 'failed' \
             group by c.reference order by max(o.id) desc",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(FailedAlert {
                    reference: row.try_get("reference")?,
                    emails: row.try_get("emails")?,
                })
            })
            .collect()
    }

    pub async fn case_emails(&self, case_id: i64) -> Result<Vec<CaseEmail>, StoreError> {
        let rows = sqlx::query(
            "select kind, recipient, status, attempts, created_at, sent_at, next_attempt_at, \
             last_error from outbox where case_id = $1 order by id",
        )
        .bind(case_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind")?;
                Ok(CaseEmail {
                    kind: EmailKind::parse(&kind)
                        .ok_or_else(|| StoreError::Corrupt(format!("email kind {kind:?}")))?,
                    recipient: row.try_get("recipient")?,
                    status: row.try_get("status")?,
                    attempts: row.try_get("attempts")?,
                    created_at: row.try_get("created_at")?,
                    sent_at: row.try_get("sent_at")?,
                    next_attempt_at: row.try_get("next_attempt_at")?,
                    last_error: row.try_get("last_error")?,
                })
            })
            .collect()
    }

    pub async fn outbox_health(&self) -> Result<OutboxHealth, StoreError> {
        let row = sqlx::query(
            "select \
             coalesce(sum(case when kind = 'urgent' and status in ('pending', 'sending') \
                 then 1 else 0 end), 0) as urgent_waiting, \
             coalesce(sum(case when kind <> 'urgent' and status in ('pending', 'sending') \
                 then 1 else 0 end), 0) as routine_waiting, \
             coalesce(sum(case when kind = 'urgent' and status = 'failed' \
                 then 1 else 0 end), 0) as urgent_failed, \
             coalesce(sum(case when status = 'failed' then 1 else 0 end), 0) as failed, \
             min(case when kind = 'urgent' and status in ('pending', 'sending') \
                 then created_at end) as oldest_urgent \
             from outbox",
        )
        .fetch_one(self.pool())
        .await?;
        let oldest: Option<i64> = row.try_get("oldest_urgent")?;
        Ok(OutboxHealth {
            urgent_waiting: row.try_get("urgent_waiting")?,
            routine_waiting: row.try_get("routine_waiting")?,
            urgent_failed: row.try_get("urgent_failed")?,
            failed: row.try_get("failed")?,
            oldest_urgent_seconds: oldest.map_or(0, |t| ((now_ms() - t) / 1000).max(0)),
        })
    }
}
