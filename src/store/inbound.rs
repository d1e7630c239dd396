//! Replies by email: each case's reply token, the Message-IDs that thread its emails, and the
//! messages read from the reply mailbox. A message is claimed with a lease before it is filed,
//! keyed by (mailbox, UIDVALIDITY, UID) under a unique constraint, so any number of instances
//! polling one mailbox file each message once; a dead instance's claim runs out and is taken
//! over, as the outbox does.

use rand::Rng;
use sqlx::Row;

use super::{Store, StoreError, now_ms};
use crate::domain::NoteVisibility;
use crate::domain::event::CaseEvent;

/// What a message became.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailStatus {
    Filed,
    Unmatched,
}

impl MailStatus {
    fn as_str(self) -> &'static str {
        match self {
            Self::Filed => "filed",
            Self::Unmatched => "unmatched",
        }
    }
}

/// What is kept of one message, whatever became of it.
#[derive(Debug, Clone, Default)]
pub struct MailRecord {
    pub message_id: Option<String>,
    pub sender: Option<String>,
    pub subject: String,
    pub sent_at: Option<i64>,
    pub body: String,
    /// JSON `[{"name": …, "size": …}]`.
    pub attachments: String,
    pub case_id: Option<i64>,
    /// note_internal, note_shared, from_child, bounce.
    pub filed_as: Option<&'static str>,
    /// Why it is in the unmatched list.
    pub reason: Option<&'static str>,
    pub last_error: Option<String>,
}

/// A message held by one poller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claimed {
    pub id: i64,
    pub attempts: i64,
}

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

/// 16 characters of lower-case base32: 80 random bits, and the same after a mail system
/// lower-cases an address.
fn new_token() -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut rng = rand::rng();
    (0..16)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

impl Store {
    /// The case's reply token, made the first time it is asked for.
    pub async fn reply_token(&self, case_id: i64) -> Result<String, StoreError> {
        let existing: Option<String> =
            sqlx::query_scalar("select token from case_reply_tokens where case_id = $1")
                .bind(case_id)
                .fetch_optional(self.pool())
                .await?;
        if let Some(token) = existing {
            return Ok(token);
        }
        let token = new_token();
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "insert into case_reply_tokens (case_id, token, created_at) \
                     values ($1, $2, $3) on conflict do nothing",
                )
                .bind(case_id)
                .bind(token)
                .bind(now_ms())
                .execute(conn)
                .await?;
                Ok(())
            })
        })
        .await?;
        // Another instance may have made one first: theirs stands.
        Ok(
            sqlx::query_scalar("select token from case_reply_tokens where case_id = $1")
                .bind(case_id)
                .fetch_one(self.pool())
                .await?,
        )
    }

    /// The live case a reply token names.
    pub async fn case_by_reply_token(&self, token: &str) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "select t.case_id from case_reply_tokens t join cases c on c.id = t.case_id \
             where t.token = $1 and c.anonymised_at is null",
        )
        .bind(token)
        .fetch_optional(self.pool())
        .await?)
    }

    /// The Message-ID of the case's first email: every later one refers to it.
    pub async fn first_message_id(&self, case_id: i64) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "select message_id from outbox where case_id = $1 order by id limit 1",
        )
        .bind(case_id)
        .fetch_optional(self.pool())
        .await?)
    }

    /// The live case of the first of `ids` that is one of our emails.
    pub async fn case_by_message_ids(&self, ids: &[String]) -> Result<Option<i64>, StoreError> {
        for id in ids {
            let found: Option<i64> = sqlx::query_scalar(
                "select o.case_id from outbox o join cases c on c.id = o.case_id \
                 where o.message_id = $1 and c.anonymised_at is null",
            )
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
            if found.is_some() {
                return Ok(found);
            }
        }
        Ok(None)
    }

    /// Live cases whose contact is this email address (compared without case).
    pub async fn cases_with_contact_email(&self, address: &str) -> Result<Vec<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "select id from cases where contact_method = 'email' \
             and lower(trim(contact_value)) = $1 and anonymised_at is null limit 50",
        )
        .bind(address.trim().to_lowercase())
        .fetch_all(self.pool())
        .await?)
    }

    /// UIDs of this mailbox already dealt with, and whether each is gone from the mailbox.
    pub async fn inbound_done(
        &self,
        mailbox: &str,
        uid_validity: i64,
    ) -> Result<Vec<(i64, bool)>, StoreError> {
        let rows = sqlx::query(
            "select uid, removed from inbound_mail where mailbox = $1 and uid_validity = $2 \
             and status in ('filed', 'unmatched', 'dismissed')",
        )
        .bind(mailbox)
        .bind(uid_validity)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let removed: i64 = r.try_get("removed")?;
                Ok((r.try_get("uid")?, removed != 0))
            })
            .collect()
    }

    /// Claim one message for `worker`: new to us, waiting for another try, or held by a
    /// poller whose lease ran out. `None` when another poller has it or it is done.
    pub async fn claim_inbound(
        &self,
        mailbox: &str,
        uid_validity: i64,
        uid: i64,
        worker: &str,
        lease_ms: i64,
    ) -> Result<Option<Claimed>, StoreError> {
        let (mailbox, worker) = (mailbox.to_owned(), worker.to_owned());
        self.write(move |conn| {
            Box::pin(async move {
                let now = now_ms();
                let inserted = sqlx::query(
                    "insert into inbound_mail (mailbox, uid_validity, uid, status, attempts, \
                     claimed_by, lease_until, created_at, updated_at) \
                     values ($1, $2, $3, 'claimed', 1, $4, $5, $6, $6) \
                     on conflict (mailbox, uid_validity, uid) do nothing returning id, attempts",
                )
                .bind(&mailbox)
                .bind(uid_validity)
                .bind(uid)
                .bind(&worker)
                .bind(now + lease_ms)
                .bind(now)
                .fetch_optional(&mut *conn)
                .await?;
                let row = match inserted {
                    Some(row) => Some(row),
                    None => {
                        sqlx::query(
                            "update inbound_mail set status = 'claimed', claimed_by = $1, \
                             lease_until = $2, attempts = attempts + 1, updated_at = $3 \
                             where mailbox = $4 and uid_validity = $5 and uid = $6 \
                             and (status = 'retry' or (status = 'claimed' and lease_until < $3)) \
                             returning id, attempts",
                        )
                        .bind(&worker)
                        .bind(now + lease_ms)
                        .bind(now)
                        .bind(&mailbox)
                        .bind(uid_validity)
                        .bind(uid)
                        .fetch_optional(&mut *conn)
                        .await?
                    }
                };
                row.map(|r| {
                    Ok(Claimed {
                        id: r.try_get("id")?,
                        attempts: r.try_get("attempts")?,
                    })
                })
                .transpose()
            })
        })
        .await
    }

    /// Record what became of a claimed message. False if the claim was lost meanwhile.
    pub async fn finish_inbound(
        &self,
        id: i64,
        worker: &str,
        status: MailStatus,
        record: MailRecord,
    ) -> Result<bool, StoreError> {
        let worker = worker.to_owned();
        self.write(move |conn| {
            Box::pin(async move { finish(conn, id, &worker, status, &record).await })
        })
        .await
    }

    /// Put a claimed message back for the next poll, keeping the error (never its content).
    pub async fn retry_inbound(
        &self,
        id: i64,
        worker: &str,
        error: &str,
    ) -> Result<(), StoreError> {
        let (worker, error) = (worker.to_owned(), truncate(error, 500));
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "update inbound_mail set status = 'retry', claimed_by = null, \
                     lease_until = null, last_error = $1, updated_at = $2 \
                     where id = $3 and claimed_by = $4 and status = 'claimed'",
                )
                .bind(error)
                .bind(now_ms())
                .bind(id)
                .bind(worker)
                .execute(conn)
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// File a claimed message as a note on its case: the note and the message's new state in
    /// one transaction, so it is filed once or not at all. False if the claim was lost.
    pub async fn file_mail_as_note(
        &self,
        id: i64,
        worker: &str,
        actor: &str,
        visibility: NoteVisibility,
        record: MailRecord,
    ) -> Result<bool, StoreError> {
        let Some(case_id) = record.case_id else {
            return Ok(false);
        };
        let mut tx = self.begin_write().await?;
        if !finish(&mut tx, id, worker, MailStatus::Filed, &record).await? {
            tx.rollback().await?;
            return Ok(false);
        }
        insert_note(&mut tx, case_id, actor, &record.body, visibility).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Note that a dealt-with message is gone from the mailbox (moved or deleted).
    pub async fn mark_inbound_removed(
        &self,
        mailbox: &str,
        uid_validity: i64,
        uid: i64,
    ) -> Result<(), StoreError> {
        let mailbox = mailbox.to_owned();
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "update inbound_mail set removed = 1, updated_at = $1 \
                     where mailbox = $2 and uid_validity = $3 and uid = $4",
                )
                .bind(now_ms())
                .bind(mailbox)
                .bind(uid_validity)
                .bind(uid)
                .execute(conn)
                .await?;
                Ok(())
            })
        })
        .await
    }

    /// A bounce came back for these Message-IDs: their outbox rows are failed, with the
    /// bounce's status, so staff see them. Returns the cases they belong to.
    pub async fn mark_bounced(
        &self,
        message_ids: &[String],
        status: &str,
    ) -> Result<Vec<i64>, StoreError> {
        let (ids, status) = (message_ids.to_vec(), truncate(status, 500));
        self.write(move |conn| {
            Box::pin(async move {
                let mut cases = Vec::new();
                for id in ids {
                    let rows = sqlx::query(
                        "update outbox set status = 'failed', last_error = $1, \
                         lease_until = null, updated_at = $2 where message_id = $3 \
                         returning case_id",
                    )
                    .bind(&status)
                    .bind(now_ms())
                    .bind(id)
                    .fetch_all(&mut *conn)
                    .await?;
                    // A digest is about no one case (its row has no case).
                    for row in rows {
                        if let Some(case) = row.try_get::<Option<i64>, _>("case_id")? {
                            cases.push(case);
                        }
                    }
                }
                Ok(cases)
            })
        })
        .await
    }

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

async fn finish(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    worker: &str,
    status: MailStatus,
    record: &MailRecord,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "update inbound_mail set status = $1, claimed_by = null, lease_until = null, \
         message_id = $2, sender = $3, subject = $4, sent_at = $5, body = $6, attachments = $7, \
         case_id = $8, filed_as = $9, reason = $10, last_error = $11, updated_at = $12 \
         where id = $13 and claimed_by = $14 and status = 'claimed'",
    )
    .bind(status.as_str())
    .bind(record.message_id.as_deref())
    .bind(record.sender.as_deref())
    .bind(&record.subject)
    .bind(record.sent_at)
    .bind(&record.body)
    .bind(&record.attachments)
    .bind(record.case_id)
    .bind(record.filed_as)
    .bind(record.reason)
    .bind(record.last_error.as_deref())
    .bind(now_ms())
    .bind(id)
    .bind(worker)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

async fn insert_note(
    conn: &mut sqlx::AnyConnection,
    case_id: i64,
    actor: &str,
    text: &str,
    visibility: NoteVisibility,
) -> Result<(), StoreError> {
    let event = CaseEvent::Note {
        text: text.to_owned(),
        visibility,
    };
    sqlx::query(
        "insert into case_events (case_id, kind, actor, detail, created_at) \
         values ($1, $2, $3, $4, $5)",
    )
    .bind(case_id)
    .bind(event.kind().to_owned())
    .bind(actor)
    .bind(event.detail_json())
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(())
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

fn truncate(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}
