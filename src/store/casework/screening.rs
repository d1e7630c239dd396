//! Cases held as possible bots (see `cases::Screening`): the inbox's held and spam lists,
//! their counts, and the two actions of their own, release and mark as spam.

use super::timeline::{NewEvent, insert_event};
use super::visibility;
use crate::store::outbox::{NewEmail, insert_emails};
use crate::store::staff::StaffMember;
use crate::store::{Store, StoreError, now_ms};

/// Which list of the inbox: real cases, or those held for checking, or those marked as spam.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Screen {
    #[default]
    Cases,
    Held,
    Spam,
}

impl Screen {
    pub(in crate::store) fn condition(self) -> &'static str {
        match self {
            Screen::Cases => "held = 0 and spam = 0",
            Screen::Held => "held = 1",
            Screen::Spam => "spam = 1",
        }
    }
}

/// How many cases wait in the held list, and how many were marked as spam.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScreenCounts {
    pub held: i64,
    pub spam: i64,
}

impl Store {
    /// How many cases are held for checking and marked as spam, among those this person sees.
    pub async fn screen_counts(&self, viewer: &StaffMember) -> Result<ScreenCounts, StoreError> {
        let v = visibility(viewer);
        let (held, spam): (i64, i64) = sqlx::query_as(&format!(
            "select (select count(*) from cases where held = 1 and {v}), \
             (select count(*) from cases where spam = 1 and {v})"
        ))
        .fetch_one(self.pool())
        .await?;
        Ok(ScreenCounts { held, spam })
    }

    /// Release a held (or spam) case: it becomes a new case like any other, and the emails a
    /// normal send would have queued are queued now, with the event, in one transaction.
    /// `false` when it was not held (a second click): nothing is queued twice.
    pub async fn release_case(
        &self,
        case_id: i64,
        event: &NewEvent,
        emails: &[NewEmail],
        message_domain: &str,
    ) -> Result<bool, StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        let released = sqlx::query(
            "update cases set held = 0, spam = 0, status = 'new', closed_at = null, \
             updated_at = $1 where id = $2 and (held = 1 or spam = 1)",
        )
        .bind(now)
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
        if released.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        insert_event(&mut tx, case_id, event, now).await?;
        insert_emails(&mut tx, case_id, emails, message_domain, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Mark a held case as spam: closed, out of every list and count, and kept (then
    /// anonymised) under the normal retention like any closed case. `false` when it was not
    /// held.
    pub async fn mark_spam(&self, case_id: i64, event: &NewEvent) -> Result<bool, StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        let marked = sqlx::query(
            "update cases set held = 0, spam = 1, status = 'closed', closed_at = $1, \
             updated_at = $1 where id = $2 and held = 1",
        )
        .bind(now)
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
        if marked.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        insert_event(&mut tx, case_id, event, now).await?;
        tx.commit().await?;
        Ok(true)
    }
}
