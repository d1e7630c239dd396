//! Reminders: what needs someone's attention today ([`risk`], a pure rule the inbox shows as
//! its red / amber / green state and "at risk" flag), and the daily digest email to each
//! officer and manager ([`digest`]), queued through the outbox once per person per day however
//! many instances run.

pub mod digest;
pub mod risk;

/// Every message id this module formats.
pub fn message_ids() -> Vec<String> {
    let mut ids: Vec<String> = digest::MESSAGE_IDS
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    for kind in risk::Reminder::KINDS {
        ids.push(format!("digest-section-{kind}"));
        ids.push(format!("digest-line-{kind}"));
    }
    ids
}
