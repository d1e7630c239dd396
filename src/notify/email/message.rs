//! The full message for one outbox row: headers from configuration and the row only, the
//! rendered bodies as text and HTML alternatives.

use lettre::Message;
use lettre::message::{Mailbox, MultiPart};

use super::Rendered;
use crate::store::outbox::OutboxRow;

#[derive(Debug, thiserror::Error)]
#[error("cannot build the email: {0}")]
pub struct BuildError(pub(super) String);

impl BuildError {
    pub fn new(detail: String) -> Self {
        Self(detail)
    }
}

/// How one email joins its case's thread, and where a reply goes (see `inbound`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Thread {
    /// The Message-ID of the case's first email; `None` when this email is the first.
    pub root: Option<String>,
    /// The Reply-To address naming the case by its token, when a reply mailbox is set.
    pub reply_to: Option<String>,
    /// Text to add to the subject (` [HYS-<token>]`) when the reply mailbox has no `+` form.
    pub subject_tag: Option<String>,
}

/// `Auto-Submitted: auto-generated` (RFC 3834): out-of-office responders must not answer it,
/// so an auto-reply cannot loop with us.
#[derive(Debug, Clone, Copy)]
struct AutoSubmitted;

impl lettre::message::header::Header for AutoSubmitted {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("Auto-Submitted")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self)
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), "auto-generated".to_owned())
    }
}

/// The full message for one outbox row. Addresses come only from configuration (the Reply-To
/// carries the case's token, never anything a person typed).
pub fn message(
    row: &OutboxRow,
    rendered: Rendered,
    from: &str,
    thread: &Thread,
) -> Result<Message, BuildError> {
    let from: Mailbox = from.parse().map_err(|e| BuildError(format!("from: {e}")))?;
    let to: Mailbox = row
        .recipient
        .parse()
        .map_err(|e| BuildError(format!("recipient: {e}")))?;
    let subject = match &thread.subject_tag {
        Some(tag) => format!("{} {tag}", rendered.subject),
        None => rendered.subject,
    };
    let mut builder = Message::builder()
        .from(from)
        .to(to)
        .subject(subject)
        .message_id(Some(row.message_id.clone()))
        .header(AutoSubmitted);
    if let Some(root) = thread.root.as_ref().filter(|r| **r != row.message_id) {
        builder = builder.in_reply_to(root.clone()).references(root.clone());
    }
    // A Reply-To that does not parse is left out rather than failing the email: replies then
    // reach the sender's address, but an urgent alert is never held back by it (start-up
    // refuses such an address anyway).
    if let Some(reply_to) = thread.reply_to.as_deref().and_then(|r| r.parse().ok()) {
        builder = builder.reply_to(reply_to);
    }
    builder
        .multipart(MultiPart::alternative_plain_html(
            rendered.text,
            rendered.html,
        ))
        .map_err(|e| BuildError(e.to_string()))
}
