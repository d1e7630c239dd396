//! Replies by email: each case's reply token, the Message-IDs that thread its emails, and the
//! messages read from the reply mailbox. A message is claimed with a lease before it is filed,
//! keyed by (mailbox, UIDVALIDITY, UID) under a unique constraint, so any number of instances
//! polling one mailbox file each message once; a dead instance's claim runs out and is taken
//! over, as the outbox does.

use super::{StoreError, now_ms};
use crate::domain::NoteVisibility;
use crate::domain::event::CaseEvent;

mod claim;
mod threading;
mod unmatched;

pub use claim::{Claimed, MailRecord, MailStatus};
pub use unmatched::UnmatchedMail;

/// A note on a case from an email, written inside the caller's transaction.
pub(super) async fn insert_note(
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
