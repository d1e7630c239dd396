//! Email: who gets told about a case (`routing`), what the email says (`email`), how it
//! leaves (`transport`: SMTP, a drop folder of `.eml` files, or memory for tests), and the
//! worker that drains the outbox in every instance (`worker`).

pub mod account_email;
pub mod email;

pub mod keep_words;
pub mod routing;
pub mod thread;
pub mod transport;
pub mod urgent;
pub mod worker;

use std::sync::Arc;

use tokio::sync::Notify;

pub use routing::emails_for;
pub use transport::Transport;

/// The sender's domain, for Message-IDs that are ours.
pub fn message_domain(from: &str) -> &str {
    from.rsplit('@')
        .next()
        .map(|d| d.trim_end_matches('>').trim())
        .filter(|d| !d.is_empty())
        .unwrap_or("have-your-say.invalid")
}

/// A handle on the outbox for whoever queues email: after committing a row, say so with
/// [`Outbox::queued`], so an urgent email goes at once rather than at the worker's next poll.
#[derive(Clone, Default)]
pub struct Outbox {
    wake: Arc<Notify>,
}

impl Outbox {
    pub fn new() -> Self {
        Self::default()
    }

    /// Emails were committed to the outbox: wake the worker in this instance (others find
    /// them at their next poll).
    pub fn queued(&self) {
        self.wake.notify_one();
    }

    /// Wait for [`Outbox::queued`]; the worker's idle wait.
    pub(crate) async fn wait(&self) {
        self.wake.notified().await;
    }
}

/// How email leaves, and the outbox the worker drains.
#[derive(Clone)]
pub struct Mailer {
    pub transport: Arc<Transport>,
    pub outbox: Outbox,
}

impl Mailer {
    pub fn new(transport: Transport) -> Self {
        Self {
            transport: Arc::new(transport),
            outbox: Outbox::new(),
        }
    }
}
