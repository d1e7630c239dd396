//! The email outbox. Rows are inserted with the case, in its transaction; workers in any
//! number of instances claim due rows with a lease, so no two send the same row at once
//! (PostgreSQL: `for update skip locked`; SQLite: the single writer makes the claim atomic).
//! Urgent rows are claimed before routine ones; a worker renews the lease of the rows it holds
//! while it sends, so the lease can be short and a dead worker's rows come back soon.

use rand::RngCore;
use sqlx::Row;

use super::{Backend, Store, StoreError, now_ms};
use crate::domain::EmailKind;
use crate::domain::token::hex;

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

pub(crate) async fn insert_emails(
    tx: &mut sqlx::AnyConnection,
    case_id: i64,
    emails: &[NewEmail],
    message_domain: &str,
    now: i64,
) -> Result<(), StoreError> {
    for email in emails {
        insert_email_at(tx, case_id, email, message_domain, now, now).await?;
    }
    Ok(())
}

/// A fresh Message-ID naming what the email is about (`tag`), stable across its retries.
pub(crate) fn new_message_id(tag: &str, message_domain: &str) -> String {
    let mut random = [0u8; 12];
    rand::rng().fill_bytes(&mut random);
    format!("<{}.{tag}@{message_domain}>", hex(&random))
}

async fn insert_email_at(
    tx: &mut sqlx::AnyConnection,
    case_id: i64,
    email: &NewEmail,
    message_domain: &str,
    now: i64,
    at: i64,
) -> Result<(), StoreError> {
    let message_id = new_message_id(&case_id.to_string(), message_domain);
    sqlx::query(
        "insert into outbox (case_id, kind, recipient, message_id, status, attempts, \
         next_attempt_at, created_at, updated_at) \
         values ($1, $2, $3, $4, 'pending', 0, $5, $6, $6)",
    )
    .bind(case_id)
    .bind(email.kind.as_str())
    .bind(&email.recipient)
    .bind(message_id)
    .bind(at)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// As [`insert_emails`], except that "there is a reply for you" goes to the child at most once
/// per `every_ms` per case: a reply while one is still waiting joins it (nothing is added, as
/// the email only says there is something to read), and a reply after one went is queued for
/// when the window since that one ends. A child's phone may be read by someone else, and a
/// burst of replies must not become a burst of emails. Callers hold the case's row lock (the
/// change's update), so two replies at once cannot both find nothing waiting.
pub(crate) async fn insert_emails_throttled(
    tx: &mut sqlx::AnyConnection,
    case_id: i64,
    emails: &[NewEmail],
    message_domain: &str,
    now: i64,
    every_ms: i64,
) -> Result<(), StoreError> {
    let (to_child, others): (Vec<NewEmail>, Vec<NewEmail>) = emails
        .iter()
        .cloned()
        .partition(|e| e.kind == EmailKind::ReplyToChild);
    insert_emails(tx, case_id, &others, message_domain, now).await?;
    for email in &to_child {
        let last = sqlx::query(
            "select status, next_attempt_at, sent_at from outbox \
             where case_id = $1 and kind = $2 and recipient = $3 and status <> 'failed' \
             order by id desc limit 1",
        )
        .bind(case_id)
        .bind(email.kind.as_str())
        .bind(&email.recipient)
        .fetch_optional(&mut *tx)
        .await?;
        let at = match last {
            None => now,
            Some(row) => {
                let status: String = row.try_get("status")?;
                if status == "pending" {
                    continue;
                }
                // Sent: the window runs from then. Being sent: it is going now.
                let sent_at: Option<i64> = row.try_get("sent_at")?;
                let due: i64 = row.try_get("next_attempt_at")?;
                let went = sent_at.unwrap_or(due.max(now));
                now.max(went.saturating_add(every_ms))
            }
        };
        insert_email_at(tx, case_id, email, message_domain, now, at).await?;
    }
    Ok(())
}

/// Due at `now` (a placeholder): pending and its time has come, or held by a worker whose
/// lease ran out (it died, or lost the database, mid-send).
fn due(now: &str) -> String {
    format!(
        "((status = 'pending' and next_attempt_at <= {now}) \
         or (status = 'sending' and lease_until < {now}))"
    )
}

/// Which due rows a claim takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Claim {
    /// Urgent rows first, then the rest, oldest first within each.
    Any,
    /// Urgent rows only: the look-up the worker makes between routine sends, served by the
    /// small partial index `outbox_urgent_due` whatever the routine backlog.
    Urgent,
}

impl Store {
    /// Claim up to `limit` due rows for `worker` for `lease_ms`, urgent ones first (priority,
    /// not FIFO). A row whose lease ran out (its worker died mid-send) is due again.
    pub async fn claim_due_emails(
        &self,
        worker: &str,
        limit: i64,
        lease_ms: i64,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        self.claim(Claim::Any, worker, limit, lease_ms).await
    }

    /// As [`Store::claim_due_emails`], urgent rows only.
    pub async fn claim_due_urgent_emails(
        &self,
        worker: &str,
        limit: i64,
        lease_ms: i64,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        self.claim(Claim::Urgent, worker, limit, lease_ms).await
    }

    /// Whether an urgent row is due. A read, so asking before every routine send costs no write
    /// (on SQLite, no turn of the single writer).
    pub async fn urgent_email_due(&self) -> Result<bool, StoreError> {
        let sql = format!(
            "select id from outbox where kind = 'urgent' and {} limit 1",
            due("$1")
        );
        let found = sqlx::query(&sql)
            .bind(now_ms())
            .fetch_optional(self.pool())
            .await?;
        Ok(found.is_some())
    }

    async fn claim(
        &self,
        which: Claim,
        worker: &str,
        limit: i64,
        lease_ms: i64,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        let now = now_ms();
        let lock = match self.backend() {
            Backend::Postgres => "for update skip locked",
            Backend::Sqlite => "",
        };
        // The literal `kind = 'urgent'` (not a bound value) lets both databases use the partial
        // index.
        let (only, order) = match which {
            Claim::Any => ("", "case when kind = 'urgent' then 0 else 1 end, "),
            Claim::Urgent => ("kind = 'urgent' and ", ""),
        };
        let due = due("$3");
        let sql = format!(
            "update outbox set status = 'sending', claimed_by = $1, lease_until = $2, \
             attempts = attempts + 1, updated_at = $3 \
             where id in (select id from outbox where {only}{due} \
                 order by {order}next_attempt_at, id limit $4 {lock}) \
             returning id, case_id, digest_id, kind, recipient, message_id, attempts, \
             next_attempt_at"
        );
        // Through the group commit on SQLite: the worker's bookkeeping would otherwise take the
        // single writer (and an fsync) away from children's sends twice per email.
        let worker = worker.to_owned();
        let rows = self
            .write(move |conn| {
                Box::pin(async move {
                    Ok(sqlx::query(&sql)
                        .bind(worker)
                        .bind(now + lease_ms)
                        .bind(now)
                        .bind(limit)
                        .fetch_all(conn)
                        .await?)
                })
            })
            .await?;
        let mut claimed = rows
            .iter()
            .map(|row| {
                let kind: String = row.try_get("kind")?;
                let due: i64 = row.try_get("next_attempt_at")?;
                let case_id: Option<i64> = row.try_get("case_id")?;
                let digest_id: Option<i64> = row.try_get("digest_id")?;
                let about = match (case_id, digest_id) {
                    (Some(case), None) => About::Case(case),
                    (None, Some(digest)) => About::Digest(digest),
                    _ => return Err(StoreError::Corrupt("outbox row about nothing".into())),
                };
                let row = OutboxRow {
                    id: row.try_get("id")?,
                    about,
                    kind: EmailKind::parse(&kind)
                        .ok_or_else(|| StoreError::Corrupt(format!("email kind {kind:?}")))?,
                    recipient: row.try_get("recipient")?,
                    message_id: row.try_get("message_id")?,
                    attempts: row.try_get("attempts")?,
                };
                Ok((row.kind != EmailKind::Urgent, due, row))
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        // Neither database promises `returning` in the subquery's order.
        claimed.sort_by_key(|(routine, due, row)| (*routine, *due, row.id));
        Ok(claimed.into_iter().map(|(_, _, row)| row).collect())
    }

    /// Push back the lease of every row `worker` still holds: it is alive and sending, so no
    /// other worker may take them over. Returns how many rows it holds.
    pub async fn renew_email_leases(&self, worker: &str, lease_ms: i64) -> Result<u64, StoreError> {
        let worker = worker.to_owned();
        self.write(move |conn| {
            Box::pin(async move {
                let now = now_ms();
                let done = sqlx::query(
                    "update outbox set lease_until = $1, updated_at = $2 \
                     where claimed_by = $3 and status = 'sending'",
                )
                .bind(now + lease_ms)
                .bind(now)
                .bind(worker)
                .execute(conn)
                .await?;
                Ok(done.rows_affected())
            })
        })
        .await
    }

    /// SQLite only, at start-up: one process serves a SQLite database, so a row still `sending`
    /// belongs to a process that died (SIGKILL, power cut) and it is due again now, not when its
    /// lease runs out. Its attempt was counted when it was claimed, and stays counted once, as
    /// when a lease runs out. PostgreSQL may have other live instances sending, so there the
    /// lease alone decides. Returns how many rows were released.
    pub async fn release_emails_of_dead_process(&self) -> Result<u64, StoreError> {
        if self.backend() != Backend::Sqlite {
            return Ok(0);
        }
        self.write(|conn| {
            Box::pin(async move {
                let done = sqlx::query(
                    "update outbox set status = 'pending', claimed_by = null, \
                     lease_until = null, updated_at = $1 where status = 'sending'",
                )
                .bind(now_ms())
                .execute(conn)
                .await?;
                Ok(done.rows_affected())
            })
        })
        .await
    }

    pub async fn mark_email_sent(&self, id: i64, worker: &str) -> Result<bool, StoreError> {
        let now = now_ms();
        self.finish_email(
            "update outbox set status = 'sent', sent_at = $1, lease_until = null, \
             last_error = null, updated_at = $1 where id = $2 and claimed_by = $3 \
             and status = 'sending'",
            id,
            worker,
            now,
            None,
        )
        .await
    }

    /// Put the row back to try again at `at` (unix ms), keeping the error for staff.
    pub async fn retry_email_at(
        &self,
        id: i64,
        worker: &str,
        at: i64,
        error: &str,
    ) -> Result<bool, StoreError> {
        let (error, worker) = (truncate(error, 500), worker.to_owned());
        self.write(move |conn| {
            Box::pin(async move {
                let done = sqlx::query(
                    "update outbox set status = 'pending', next_attempt_at = $1, \
                     lease_until = null, claimed_by = null, last_error = $2, updated_at = $3 \
                     where id = $4 and claimed_by = $5 and status = 'sending'",
                )
                .bind(at)
                .bind(error)
                .bind(now_ms())
                .bind(id)
                .bind(worker)
                .execute(conn)
                .await?;
                Ok(done.rows_affected() == 1)
            })
        })
        .await
    }

    pub async fn mark_email_failed(
        &self,
        id: i64,
        worker: &str,
        error: &str,
    ) -> Result<bool, StoreError> {
        self.finish_email(
            "update outbox set status = 'failed', updated_at = $1, lease_until = null, \
             last_error = $4 where id = $2 and claimed_by = $3 and status = 'sending'",
            id,
            worker,
            now_ms(),
            Some(error),
        )
        .await
    }

    /// Hand back a claimed row unsent (shutting down), without counting the attempt.
    pub async fn release_email(&self, id: i64, worker: &str) -> Result<bool, StoreError> {
        self.finish_email(
            "update outbox set status = 'pending', claimed_by = null, lease_until = null, \
             attempts = attempts - 1, updated_at = $1 \
             where id = $2 and claimed_by = $3 and status = 'sending'",
            id,
            worker,
            now_ms(),
            None,
        )
        .await
    }

    async fn finish_email(
        &self,
        sql: &'static str,
        id: i64,
        worker: &str,
        at: i64,
        error: Option<&str>,
    ) -> Result<bool, StoreError> {
        let (worker, error) = (worker.to_owned(), error.map(|e| truncate(e, 500)));
        self.write(move |conn| {
            Box::pin(async move {
                let mut query = sqlx::query(sql).bind(at).bind(id).bind(worker);
                if let Some(error) = error {
                    query = query.bind(error);
                }
                let done = query.execute(conn).await?;
                Ok(done.rows_affected() == 1)
            })
        })
        .await
    }

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

fn truncate(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}

/// Queue the email that carries a password-set link (`link_key` names the link).
pub(crate) async fn insert_account_email(
    _tx: &mut sqlx::AnyConnection,
    _link_id: i64,
    _recipient: &str,
    _message_domain: &str,
    _now: i64,
) -> Result<(), StoreError> {
    Ok(())
}
