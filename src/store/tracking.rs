//! Coming back: tracking sessions for a sent case, "finish later" codes for an unsent
//! conversation, and the retention purge.

use sqlx::Row;

use super::casework::{EventRecord, NewEvent};
use super::outbox::{NewEmail, insert_emails};
use super::{Store, StoreError, now_ms};
use crate::domain::Reference;

/// An unsent conversation's "finish later" code (the reserved case reference, or an older
/// `7K4P-Q2MX` code), the hash of its words, and the words sealed under its token.
#[derive(Debug, Clone)]
pub struct ConversationCode {
    pub code: String,
    pub hash: String,
    pub sealed: Option<String>,
}

/// Counts from one purge run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    pub conversations: u64,
    pub cases_anonymised: u64,
}

impl Store {
    pub async fn create_track_session(&self, key: &str, case_id: i64) -> Result<(), StoreError> {
        let now = now_ms();
        sqlx::query(
            "insert into track_sessions (id, case_id, created_at, last_seen_at) values ($1, $2, $3, $3)",
        )
        .bind(key)
        .bind(case_id)
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The case id for a live tracking session (idle and absolute limits in ms), touching it.
    pub async fn track_session(
        &self,
        key: &str,
        idle_ms: i64,
        absolute_ms: i64,
    ) -> Result<Option<i64>, StoreError> {
        let now = now_ms();
        let row = sqlx::query(
            "update track_sessions set last_seen_at = $1 \
             where id = $2 and last_seen_at > $3 and created_at > $4 returning case_id",
        )
        .bind(now)
        .bind(key)
        .bind(now - idle_ms)
        .bind(now - absolute_ms)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|r| r.try_get("case_id")).transpose()?)
    }

    pub async fn delete_track_session(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query("delete from track_sessions where id = $1")
            .bind(key)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// The secret-words hash of a case by reference, for checking what a child typed.
    pub async fn case_secret(&self, reference: &str) -> Result<Option<(i64, String)>, StoreError> {
        let row = sqlx::query(
            "select id, secret_hash from cases where reference = $1 and anonymised_at is null",
        )
        .bind(reference)
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| Ok((r.try_get("id")?, r.try_get("secret_hash")?)))
            .transpose()
    }

    /// What the child or their helper added, with its event, an email to staff (never with the
    /// words), and, when it sounds unsafe, the urgent flag and urgent emails.
    pub async fn add_from_child(
        &self,
        case_id: i64,
        event: &NewEvent,
        emails: &[NewEmail],
        message_domain: &str,
        urgent: Option<&crate::domain::UrgentReason>,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "insert into case_events (case_id, kind, actor, detail, created_at) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(case_id)
        .bind(event.kind)
        .bind(&event.actor)
        .bind(event.detail.as_ref().map(|d| d.to_string()))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if let Some(reason) = urgent {
            // Read and written in this transaction, so two additions at once both stay.
            let stored: Option<String> =
                sqlx::query_scalar("select urgent_reasons from cases where id = $1")
                    .bind(case_id)
                    .fetch_one(&mut *tx)
                    .await?;
            let mut reasons = crate::domain::urgency::parse_reasons(stored.as_deref());
            reasons.push(reason.clone());
            sqlx::query(
                "update cases set urgent = 1, urgent_reasons = $1, updated_at = $2 where id = $3",
            )
            .bind(crate::domain::urgency::store_reasons(&reasons))
            .bind(now)
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
        }
        insert_emails(&mut tx, case_id, emails, message_domain, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Replies addressed to the child, oldest first.
    pub async fn replies_to_child(&self, case_id: i64) -> Result<Vec<EventRecord>, StoreError> {
        Ok(self
            .case_events(case_id)
            .await?
            .into_iter()
            .filter(|e| e.kind == "message_to_child")
            .collect())
    }

    /// Reserve a fresh case reference as this conversation's "finish later" code, with the hash
    /// of its words and the words sealed under its token. A reference no case and no other
    /// conversation has: the case gets it when it is sent.
    pub async fn reserve_reference(
        &self,
        conversation_key: &str,
        hash: &str,
        sealed: &str,
    ) -> Result<Reference, StoreError> {
        for _ in 0..5 {
            let reference = Reference::generate();
            let taken = sqlx::query("select 1 as one from cases where reference = $1")
                .bind(reference.as_ref())
                .fetch_optional(self.pool())
                .await?
                .is_some();
            if taken {
                continue;
            }
            let saved = sqlx::query(
                "update conversations set resume_code = $1, resume_hash = $2, words_sealed = $3 \
                 where id = $4",
            )
            .bind(reference.as_ref())
            .bind(hash)
            .bind(sealed)
            .bind(conversation_key)
            .execute(self.pool())
            .await;
            match saved {
                Ok(_) => return Ok(reference),
                Err(sqlx::Error::Database(e)) if e.is_unique_violation() => continue,
                Err(e) => return Err(e.into()),
            }
        }
        Err(StoreError::Corrupt(
            "could not find a free case reference".into(),
        ))
    }

    /// The conversation's "finish later" code, words hash and sealed words, once it has them.
    pub async fn conversation_code(
        &self,
        conversation_key: &str,
    ) -> Result<Option<ConversationCode>, StoreError> {
        let row = sqlx::query(
            "select resume_code, resume_hash, words_sealed from conversations \
             where id = $1 and resume_code is not null and resume_hash is not null",
        )
        .bind(conversation_key)
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| {
            Ok(ConversationCode {
                code: r.try_get("resume_code")?,
                hash: r.try_get("resume_hash")?,
                sealed: r.try_get("words_sealed")?,
            })
        })
        .transpose()
    }

    /// `(conversation key, words hash)` for a live "finish later" code.
    pub async fn find_resume(&self, code: &str) -> Result<Option<(String, String)>, StoreError> {
        let row = sqlx::query(
            "select id, resume_hash from conversations \
             where resume_code = $1 and resume_hash is not null and expires_at > $2",
        )
        .bind(code)
        .bind(now_ms())
        .fetch_optional(self.pool())
        .await?;
        row.map(|r| Ok((r.try_get("id")?, r.try_get("resume_hash")?)))
            .transpose()
    }

    /// Give a conversation a new key (a new browser's token), with its words sealed under the
    /// new token. The code and words stay valid: they are what the child keeps, to the end.
    pub async fn rekey_conversation(
        &self,
        old_key: &str,
        new_key: &str,
        sealed: &str,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "update conversations set id = $1, words_sealed = $2, \
             revision = revision + 1, updated_at = $3 where id = $4",
        )
        .bind(new_key)
        .bind(sealed)
        .bind(now_ms())
        .bind(old_key)
        .execute(self.pool())
        .await?;
        self.forget_conversation(old_key);
        Ok(done.rows_affected() == 1)
    }

    /// The words of the case this browser sent, sealed under its token.
    pub async fn case_words_sealed(
        &self,
        submission_key: &str,
    ) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("select words_sealed from cases where submission_key = $1")
            .bind(submission_key)
            .fetch_optional(self.pool())
            .await?;
        Ok(row
            .map(|r| r.try_get::<Option<String>, _>("words_sealed"))
            .transpose()?
            .flatten())
    }

    /// Delete expired conversations, sessions and throttle counters; anonymise cases closed
    /// before `closed_before` (unix ms), keeping the fields the annual report counts.
    pub async fn purge(&self, closed_before: i64) -> Result<Purged, StoreError> {
        let now = now_ms();
        let conversations = self.delete_expired_conversations().await?;
        let mut tx = self.begin_write().await?;
        let ids: Vec<i64> = sqlx::query(
            "select id from cases where status = 'closed' and closed_at < $1 and anonymised_at is null",
        )
        .bind(closed_before)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<Result<_, _>>()?;
        for id in &ids {
            sqlx::query(
                "update cases set summary = null, desired_outcome = null, contact_value = null, \
                 first_name = null, resolution = null, answers = '{}', secret_hash = '', \
                 words_sealed = null, \
                 submission_key = null, urgent_reasons = null, investigating_officer = null, \
                 independent_person = null, remedy_for = null, ombudsman_remedy = null, \
                 anonymised_at = $1, updated_at = $1 where id = $2",
            )
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            // Words go; the values of stages, outcomes and dates stay for the annual report.
            let events = sqlx::query("select id, kind, detail from case_events where case_id = $1")
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
            for event in &events {
                let detail: Option<String> = event.try_get("detail")?;
                let Some(detail) = detail else { continue };
                let kind: String = event.try_get("kind")?;
                let value = serde_json::from_str::<serde_json::Value>(&detail).ok();
                let kept = super::casework::stored_event(&kind, value.as_ref())
                    .without_words()
                    .detail_json();
                sqlx::query("update case_events set detail = $1 where id = $2")
                    .bind(kept)
                    .bind(event.try_get::<i64, _>("id")?)
                    .execute(&mut *tx)
                    .await?;
            }
            for table in ["outbox", "track_sessions"] {
                sqlx::query(&format!("delete from {table} where case_id = $1"))
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            // Special category data goes with the words: the report counts it only while the
            // case is kept whole.
            super::equality::delete(&mut tx, *id).await?;
        }
        let day = 24 * 60 * 60 * 1000;
        sqlx::query("delete from login_attempts where created_at < $1")
            .bind(now - day)
            .execute(&mut *tx)
            .await?;
        sqlx::query("delete from track_sessions where last_seen_at < $1")
            .bind(now - day)
            .execute(&mut *tx)
            .await?;
        sqlx::query("delete from staff_sessions where last_seen_at < $1")
            .bind(now - day)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Purged {
            conversations,
            cases_anonymised: ids.len() as u64,
        })
    }
}
