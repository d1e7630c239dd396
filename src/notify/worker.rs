//! The outbox worker, one per instance. It claims due rows, urgent ones first, with a lease
//! (so a crashed worker's rows come back), renders and sends each, then marks it sent; a
//! failure is retried with exponential backoff and jitter until the attempt limit, then kept as
//! failed with its last error for staff to see. On shutdown it finishes the email in hand and
//! releases the rest.
//!
//! Urgent first, always: claims take urgent rows before routine ones, and before each routine
//! send the worker looks for an urgent row that came in meanwhile and sends it first, so an
//! urgent email never waits behind a batch. The lease is short and renewed while the worker
//! sends, so the rows of a worker that died come back within seconds, not minutes.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use rand::Rng;
use tokio::sync::watch;

use super::Mailer;
use super::email::{Rendered, Thread, message, render};
use super::transport::SendError;
use crate::config::Config;
use crate::domain::{ConversationToken, EmailKind};
use crate::i18n::Localizer;
use crate::store::outbox::{About, OutboxRow};
use crate::store::{Store, StoreError, now_ms};

/// Rows claimed per round.
const BATCH: i64 = 20;
/// How long a claimed row stays ours unless renewed. Short, because a worker that dies holds
/// its rows this long (on PostgreSQL; on SQLite start-up releases them at once), and renewed
/// [`RENEWALS_PER_LEASE`] times per lease while sending, so a slow send (SMTP's own timeout is
/// 30 s) never loses its row to another worker, even if one renewal is late.
const LEASE: Duration = Duration::from_secs(15);
const RENEWALS_PER_LEASE: u32 = 3;
const MAX_BACKOFF: Duration = Duration::from_secs(60 * 60);

#[derive(Clone)]
pub struct Worker {
    store: Store,
    mailer: Mailer,
    config: Arc<Config>,
    words: Arc<Localizer>,
    /// Random per worker, so a row can only be marked by the worker that holds it.
    id: String,
    lease: Duration,
}

/// What one round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
    pub released: usize,
}

impl Round {
    pub fn claimed(&self) -> usize {
        self.sent + self.retried + self.failed + self.released
    }
}

/// At start-up, before the worker runs: on SQLite, queue again at once what a dead process was
/// sending (see [`Store::release_emails_of_dead_process`]).
pub async fn release_after_crash(store: &Store) -> Result<(), StoreError> {
    let released = store.release_emails_of_dead_process().await?;
    if released > 0 {
        tracing::warn!(
            emails = released,
            "emails a stopped process was sending are queued again"
        );
    }
    Ok(())
}

impl Worker {
    pub fn new(store: Store, mailer: Mailer, config: Arc<Config>, words: Arc<Localizer>) -> Self {
        Self {
            store,
            mailer,
            config,
            words,
            id: ConversationToken::generate().expose().to_owned(),
            lease: LEASE,
        }
    }

    /// The same worker with another lease (renewed as often relative to it), so a test can
    /// watch a lease run out and be renewed without waiting for the real one.
    pub fn with_lease(self, lease: Duration) -> Self {
        Self { lease, ..self }
    }

    fn lease_ms(&self) -> i64 {
        i64::try_from(self.lease.as_millis()).unwrap_or(i64::MAX / 4)
    }

    /// Run until `stop` turns true: a round whenever woken, or every poll interval.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        tracing::info!(
            transport = self.mailer.transport.describe(),
            "email worker started"
        );
        loop {
            if *stop.borrow() {
                break;
            }
            loop {
                match self.try_execute_round(&stop).await {
                    Ok(round) if round.claimed() > 0 && !*stop.borrow() => continue,
                    Ok(_) => break,
                    Err(e) => {
                        tracing::warn!(error = %e, "email worker could not reach the database");
                        break;
                    }
                }
            }
            tokio::select! {
                _ = stop.changed() => {}
                () = self.mailer.outbox.wait() => {}
                () = tokio::time::sleep(self.config.mail.poll) => {}
            }
        }
        tracing::info!("email worker stopped");
    }

    /// Claim a batch of due rows and deal with each, renewing their lease meanwhile. Tests call
    /// this directly.
    pub async fn try_execute_round(
        &self,
        stop: &watch::Receiver<bool>,
    ) -> Result<Round, StoreError> {
        let rows = self
            .store
            .claim_due_emails(&self.id, BATCH, self.lease_ms())
            .await?;
        if rows.is_empty() {
            return Ok(Round::default());
        }
        tokio::select! {
            biased;
            round = self.work_through(rows.into(), stop) => round,
            never = self.keep_leases() => match never {},
        }
    }

    async fn work_through(
        &self,
        mut held: VecDeque<OutboxRow>,
        stop: &watch::Receiver<bool>,
    ) -> Result<Round, StoreError> {
        let mut round = Round::default();
        while let Some(row) = held.pop_front() {
            if *stop.borrow() {
                self.store.release_email(row.id, &self.id).await?;
                round.released += 1;
                continue;
            }
            // A read, not a claim, in the common case of nothing urgent: routine throughput
            // pays one indexed look-up per email, not a write.
            if row.kind != EmailKind::Urgent && self.store.urgent_email_due().await? {
                let urgent = self
                    .store
                    .claim_due_urgent_emails(&self.id, BATCH, self.lease_ms())
                    .await?;
                // Empty when another worker took them first: then this row goes now.
                if !urgent.is_empty() {
                    held.push_front(row);
                    for row in urgent.into_iter().rev() {
                        held.push_front(row);
                    }
                    continue;
                }
            }
            self.send_one(&row, &mut round).await?;
        }
        Ok(round)
    }

    /// Every few seconds while a round sends: push back the lease of every row this worker
    /// holds. A worker that died renews nothing, so its rows come back when the lease runs out.
    async fn keep_leases(&self) -> Infallible {
        let every = self.lease / RENEWALS_PER_LEASE;
        loop {
            tokio::time::sleep(every).await;
            if let Err(e) = self
                .store
                .renew_email_leases(&self.id, self.lease_ms())
                .await
            {
                tracing::warn!(error = %e, "email worker could not renew its leases");
            }
        }
    }

    async fn send_one(&self, row: &OutboxRow, round: &mut Round) -> Result<(), StoreError> {
        match self.deliver(row).await {
            Ok(()) => {
                self.store.mark_email_sent(row.id, &self.id).await?;
                if let About::PasswordLink(link_id) = row.about {
                    self.store.forget_password_link(link_id).await?;
                }
                self.forget_words_sent(row).await?;
                round.sent += 1;
            }
            Err(SendError::Transient(error))
                if row.attempts < i64::from(self.config.mail.max_attempts) =>
            {
                let at = now_ms() + backoff_ms(self.config.mail.retry_base, row.attempts);
                tracing::warn!(email = row.id, attempts = row.attempts, %error, "email not sent; will retry");
                self.store
                    .retry_email_at(row.id, &self.id, at, &error)
                    .await?;
                round.retried += 1;
            }
            Err(SendError::Transient(error) | SendError::Permanent(error)) => {
                tracing::error!(email = row.id, attempts = row.attempts, %error, "email failed; staff will see it");
                self.store
                    .mark_email_failed(row.id, &self.id, &error)
                    .await?;
                round.failed += 1;
                self.forget_words_sent(row).await?;
                // An alert that reached nobody goes to the second duty inbox, once per case.
                let fallback = &self.config.routing.urgent_fallback;
                if let About::Case(case_id) = row.about
                    && row.kind == EmailKind::Urgent
                    && !fallback.contains(&row.recipient)
                    && !fallback.is_empty()
                {
                    let domain = super::message_domain(&self.config.mail.from);
                    let queued = self
                        .store
                        .queue_urgent_fallback(case_id, fallback, domain)
                        .await?;
                    if queued > 0 {
                        tracing::warn!(
                            case = case_id,
                            queued,
                            "urgent alert sent to the fallback inbox"
                        );
                    }
                }
            }
        }
        Ok(())
    }

    /// "Email them to me" has gone, or never will: the words are not kept readable any longer.
    async fn forget_words_sent(&self, row: &OutboxRow) -> Result<(), StoreError> {
        match row.about {
            About::Case(case_id) if row.kind == EmailKind::KeepWords => {
                self.store.forget_words_to_email(case_id).await
            }
            _ => Ok(()),
        }
    }

    async fn deliver(&self, row: &OutboxRow) -> Result<(), SendError> {
        let (rendered, thread) = match row.about {
            About::Case(case_id) => self.render_for_case(row, case_id).await?,
            About::PasswordLink(link_id) => {
                let link = self
                    .store
                    .password_link_to_send(link_id)
                    .await
                    .map_err(|e| SendError::Transient(e.to_string()))?
                    .ok_or_else(|| SendError::Permanent("the link was used or sent".into()))?;
                let rendered = super::account_email::render(&link, &self.config, &self.words)
                    .map_err(|e| SendError::Permanent(e.to_string()))?;
                (rendered, Thread::default())
            }
            About::Digest(digest_id) => {
                let digest = self
                    .store
                    .digest(digest_id)
                    .await
                    .map_err(|e| SendError::Transient(e.to_string()))?
                    .ok_or_else(|| SendError::Permanent("the digest no longer exists".into()))?;
                let rendered = Rendered {
                    subject: digest.subject,
                    text: digest.text,
                    html: digest.html,
                };
                (rendered, Thread::default())
            }
        };
        let message = message(row, rendered, &self.config.mail.from, &thread)
            .map_err(|e| SendError::Permanent(e.to_string()))?;
        self.mailer
            .transport
            .send(message, &file_name(&row.message_id))
            .await
    }

    async fn render_for_case(
        &self,
        row: &OutboxRow,
        case_id: i64,
    ) -> Result<(Rendered, Thread), SendError> {
        let case = self
            .store
            .case_by_id(case_id)
            .await
            .map_err(|e| SendError::Transient(e.to_string()))?
            .ok_or_else(|| SendError::Permanent("the case no longer exists".into()))?;
        let rendered = if row.kind == EmailKind::KeepWords {
            let words = self
                .store
                .words_to_email(case_id)
                .await
                .map_err(|e| SendError::Transient(e.to_string()))?
                .ok_or_else(|| SendError::Permanent("the words were sent already".into()))?;
            super::keep_words::render(&case, &words, &self.config, &self.words)
        } else {
            render(row.kind, &case, &self.config, &self.words)
        }
        .map_err(|e| SendError::Permanent(e.to_string()))?;
        let thread = super::thread::thread_for(&self.store, &self.config.inbound, case_id)
            .await
            .map_err(|e| SendError::Transient(e.to_string()))?;
        Ok((rendered, thread))
    }
}

/// `base · 2^(attempt-1)`, capped at an hour, then ±25 % jitter so a backlog spreads out.
fn backoff_ms(base: Duration, attempt: i64) -> i64 {
    let exponent = u32::try_from(attempt.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    let delay = base
        .saturating_mul(2u32.saturating_pow(exponent))
        .min(MAX_BACKOFF);
    let ms = delay.as_millis() as f64;
    let jitter = rand::rng().random_range(0.75..=1.25);
    (ms * jitter) as i64
}

/// A safe file name for the drop folder, from the Message-ID.
fn file_name(message_id: &str) -> String {
    message_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        let base = Duration::from_secs(30);
        let first = backoff_ms(base, 1);
        assert!((22_500..=37_500).contains(&first), "{first}");
        let fourth = backoff_ms(base, 4);
        assert!((180_000..=300_000).contains(&fourth), "{fourth}");
        let late = backoff_ms(base, 50);
        assert!(late <= 4_500_000, "{late}");
    }

    #[test]
    fn file_names_cannot_leave_the_folder() {
        assert_eq!(file_name("<abc.12@x.invalid>"), "abc.12@x.invalid");
        assert!(!file_name("<../../etc/passwd>").contains('/'));
    }
}
