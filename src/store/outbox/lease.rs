//! Sending workers' side of the outbox: claiming due rows with a lease (urgent first),
//! renewing it while they send, and recording what became of each row.

use sqlx::Row;

use super::{About, OutboxRow};
use crate::domain::EmailKind;
use crate::store::{Backend, Store, StoreError, now_ms};

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
             returning id, case_id, digest_id, password_link_id, kind, recipient, message_id, \
             attempts, \
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
                let link_id: Option<i64> = row.try_get("password_link_id")?;
                let about = match (case_id, digest_id, link_id) {
                    (Some(case), None, None) => About::Case(case),
                    (None, Some(digest), None) => About::Digest(digest),
                    (None, None, Some(link)) => About::PasswordLink(link),
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
}

fn truncate(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}
