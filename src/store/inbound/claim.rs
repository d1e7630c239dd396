//! Messages read from the reply mailbox, each claimed with a lease before it is filed, so any
//! number of pollers file each message once, and what became of each.

use sqlx::Row;

use super::insert_note;
use crate::domain::NoteVisibility;
use crate::store::{Store, StoreError, now_ms};

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

impl Store {
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

fn truncate(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}
