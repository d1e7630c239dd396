//! How an email about a case threads (under the case's first email) and where its replies go:
//! a plus address carrying the case's reply token, or the reply address with the token in the
//! subject. The `inbound` poller reads the token back.

use crate::config::inbound::InboundSettings;
use crate::notify::email::Thread;
use crate::store::{Store, StoreError};

/// How an email about `case_id` threads and where its replies go.
pub async fn thread_for(
    store: &Store,
    settings: &InboundSettings,
    case_id: i64,
) -> Result<Thread, StoreError> {
    let root = store.first_message_id(case_id).await?;
    let mut thread = Thread {
        root,
        ..Thread::default()
    };
    let plus = settings
        .reply_address
        .as_deref()
        .and_then(|a| a.rsplit_once('@'))
        .filter(|(local, _)| local.ends_with('+'));
    if settings.reply_address.is_none() && settings.imap.is_none() {
        return Ok(thread);
    }
    let token = store.reply_token(case_id).await?;
    match (plus, &settings.reply_address) {
        (Some((local, domain)), _) => {
            let local = local
                .trim_start_matches('<')
                .rsplit(['<', ' '])
                .next()
                .unwrap_or(local);
            thread.reply_to = Some(format!("{local}{token}@{}", domain.trim_end_matches('>')));
        }
        (None, address) => {
            thread.reply_to = address.clone();
            thread.subject_tag = Some(format!("[HYS-{token}]"));
        }
    }
    Ok(thread)
}
