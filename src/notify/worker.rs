//! The outbox worker, one per instance. It claims due rows (a lease, so a crashed worker's rows
//! come back), renders and sends each, then marks it sent; a failure is retried with
//! exponential backoff and jitter until the attempt limit, then kept as failed with its last
//! error for staff to see. On shutdown it finishes the email in hand and releases the rest.

use std::sync::Arc;
use std::time::Duration;

use rand::Rng;
use tokio::sync::watch;

use super::Mailer;
use super::email::{message, render};
use super::transport::SendError;
use crate::config::Config;
use crate::domain::ConversationToken;
use crate::i18n::Localizer;
use crate::store::outbox::OutboxRow;
use crate::store::{Store, StoreError, now_ms};

/// Rows claimed per round.
const BATCH: i64 = 20;
/// A row held longer than this (a worker died mid-send) may be claimed by another worker.
const LEASE_MS: i64 = 5 * 60 * 1000;
const MAX_BACKOFF: Duration = Duration::from_secs(60 * 60);

#[derive(Clone)]
pub struct Worker {
    store: Store,
    mailer: Mailer,
    config: Arc<Config>,
    words: Arc<Localizer>,
    /// Random per worker, so a row can only be marked by the worker that holds it.
    id: String,
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

impl Worker {
    pub fn new(store: Store, mailer: Mailer, config: Arc<Config>, words: Arc<Localizer>) -> Self {
        Self {
            store,
            mailer,
            config,
            words,
            id: ConversationToken::generate().expose().to_owned(),
        }
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
                () = self.mailer.wake.notified() => {}
                () = tokio::time::sleep(self.config.mail.poll) => {}
            }
        }
        tracing::info!("email worker stopped");
    }

    /// Claim a batch of due rows and deal with each. Tests call this directly.
    pub async fn try_execute_round(
        &self,
        stop: &watch::Receiver<bool>,
    ) -> Result<Round, StoreError> {
        let rows = self
            .store
            .claim_due_emails(&self.id, BATCH, LEASE_MS)
            .await?;
        let mut round = Round::default();
        for row in rows {
            if *stop.borrow() {
                self.store.release_email(row.id, &self.id).await?;
                round.released += 1;
                continue;
            }
            match self.deliver(&row).await {
                Ok(()) => {
                    self.store.mark_email_sent(row.id, &self.id).await?;
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
                }
            }
        }
        Ok(round)
    }

    async fn deliver(&self, row: &OutboxRow) -> Result<(), SendError> {
        let case = self
            .store
            .case_by_id(row.case_id)
            .await
            .map_err(|e| SendError::Transient(e.to_string()))?
            .ok_or_else(|| SendError::Permanent("the case no longer exists".into()))?;
        let rendered = render(row.kind, &case, &self.config, &self.words)
            .map_err(|e| SendError::Permanent(e.to_string()))?;
        let message = message(row, rendered, &self.config.mail.from)
            .map_err(|e| SendError::Permanent(e.to_string()))?;
        self.mailer
            .transport
            .send(message, &file_name(&row.message_id))
            .await
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
