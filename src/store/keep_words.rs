//! "Email them to me" (issue 21): the reference and secret words, once per case, to the email
//! address the child gave. The words wait in `cases.words_to_email` only from the child's tap
//! until the worker has sent the email (or given up on it); then the column is blanked.

use sqlx::Row;

use super::outbox::{NewEmail, insert_emails};
use super::{Store, StoreError, now_ms};
use crate::domain::{ContactMethod, EmailKind};

/// What asking for the email did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeepWords {
    /// There is no case for this browser, or it gave no email address: nothing to offer.
    NotOffered,
    /// Queued now.
    Queued,
    /// Asked for before: one email per case, so nothing more was queued.
    AlreadyQueued,
}

impl Store {
    /// Whether the case sent with this browser's key may offer the email: `None` when it gave
    /// no email address, else whether it was already asked for.
    pub async fn keep_words_offer(&self, submission_key: &str) -> Result<Option<bool>, StoreError> {
        let row = sqlx::query(
            "select c.contact_method, \
             (select count(*) from outbox o where o.case_id = c.id and o.kind = $2) as queued \
             from cases c where c.submission_key = $1",
        )
        .bind(submission_key)
        .bind(EmailKind::KeepWords.as_str())
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let method: String = row.try_get("contact_method")?;
        let queued: i64 = row.try_get("queued")?;
        Ok((method == ContactMethod::Email.as_str()).then_some(queued > 0))
    }

    /// Queue the email for the case sent with this browser's key, keeping `words` for the
    /// worker until it is sent. A second ask (a double tap, a reload, another instance) queues
    /// nothing: the unique index on `outbox (case_id) where kind = 'keep_words'` holds that
    /// even for two asks at the same moment.
    pub async fn queue_keep_words(
        &self,
        submission_key: &str,
        words: &str,
        message_domain: &str,
    ) -> Result<KeepWords, StoreError> {
        let (key, words, domain) = (
            submission_key.to_owned(),
            words.to_owned(),
            message_domain.to_owned(),
        );
        let result = self
            .write(move |conn| {
                Box::pin(async move {
                    let row = sqlx::query(
                        "select c.id, c.contact_method, c.contact_value, \
                         (select count(*) from outbox o where o.case_id = c.id and o.kind = $2) \
                         as queued from cases c where c.submission_key = $1",
                    )
                    .bind(&key)
                    .bind(EmailKind::KeepWords.as_str())
                    .fetch_optional(&mut *conn)
                    .await?;
                    let Some(row) = row else {
                        return Ok(KeepWords::NotOffered);
                    };
                    let case_id: i64 = row.try_get("id")?;
                    let method: String = row.try_get("contact_method")?;
                    let address: Option<String> = row.try_get("contact_value")?;
                    let queued: i64 = row.try_get("queued")?;
                    let Some(address) = address
                        .filter(|a| !a.trim().is_empty())
                        .filter(|_| method == ContactMethod::Email.as_str())
                    else {
                        return Ok(KeepWords::NotOffered);
                    };
                    if queued > 0 {
                        return Ok(KeepWords::AlreadyQueued);
                    }
                    let email = NewEmail {
                        kind: EmailKind::KeepWords,
                        recipient: address.trim().to_owned(),
                    };
                    insert_emails(&mut *conn, case_id, &[email], &domain, now_ms()).await?;
                    sqlx::query("update cases set words_to_email = $1 where id = $2")
                        .bind(&words)
                        .bind(case_id)
                        .execute(&mut *conn)
                        .await?;
                    Ok(KeepWords::Queued)
                })
            })
            .await;
        match result {
            // Two asks at the same moment on PostgreSQL: the index stopped the second.
            Err(StoreError::Database(sqlx::Error::Database(e))) if e.is_unique_violation() => {
                Ok(KeepWords::AlreadyQueued)
            }
            other => other,
        }
    }

    /// The words the worker is to send for this case; `None` once sent or given up.
    pub async fn words_to_email(&self, case_id: i64) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("select words_to_email from cases where id = $1")
            .bind(case_id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row
            .map(|r| r.try_get::<Option<String>, _>("words_to_email"))
            .transpose()?
            .flatten())
    }

    /// The email has gone (or will never go): the words are no longer kept readable.
    pub async fn forget_words_to_email(&self, case_id: i64) -> Result<(), StoreError> {
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query("update cases set words_to_email = null where id = $1")
                    .bind(case_id)
                    .execute(&mut *conn)
                    .await?;
                Ok(())
            })
        })
        .await
    }
}
