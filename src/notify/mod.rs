//! Email: who gets told about a case (`routing`), what the email says (`email`), how it
//! leaves (`transport`: SMTP, a drop folder of `.eml` files, or memory for tests), and the
//! worker that drains the outbox in every instance (`worker`).

pub mod account_email;
pub mod email;
pub mod inbound;
pub mod keep_words;
pub mod routing;
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

/// What the web side needs to hand work to the worker: wake it when a case is queued, so an
/// urgent email goes at once rather than at the next poll.
#[derive(Clone)]
pub struct Mailer {
    pub transport: Arc<Transport>,
    pub wake: Arc<Notify>,
}

impl Mailer {
    pub fn new(transport: Transport) -> Self {
        Self {
            transport: Arc::new(transport),
            wake: Arc::new(Notify::new()),
        }
    }
}
