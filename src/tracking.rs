//! A child coming back: to a sent case with its reference and secret words, or to an unsent
//! conversation with its "finish later" code and words. Wrong pairs get one neutral answer that
//! never says whether the reference exists; tries are counted per address and per reference
//! (in the database, so every instance sees them), and a reference locks for an hour after
//! repeated failures. Shared by the pages and the JSON API.

use std::net::IpAddr;

use serde_json::json;

use crate::app::AppState;
use crate::domain::{Case, CaseEvent, CaseStatus};
use crate::domain::{ConversationToken, EmailKind, Reference, SecretWords};
use crate::store::StoreError;
use crate::store::casework::NewEvent;
use crate::store::now_ms;
use crate::store::outbox::NewEmail;

const WINDOW_MS: i64 = 60 * 60 * 1000;
/// Tries from one address per hour, and wrong tries per reference before it locks for the hour.
const PER_ADDRESS: i64 = 30;
const PER_REFERENCE: i64 = 10;
pub const IDLE_MS: i64 = 20 * 60 * 1000;
pub const ABSOLUTE_MS: i64 = 2 * 60 * 60 * 1000;

#[derive(Debug, thiserror::Error)]
pub enum TrackError {
    /// One answer for a wrong reference, wrong words, or a reference that does not exist.
    #[error("those details do not match")]
    NoMatch,
    #[error("too many tries")]
    Throttled,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Internal(String),
}

/// Normalise what was typed into a throttle key, so "hys 7k4p" and "HYS-7K4P" count together.
/// Public only for the decoder property tests and fuzz targets.
#[doc(hidden)]
pub fn key_for(kind: &str, typed: &str) -> String {
    let cleaned: String = typed
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .flat_map(|c| c.to_uppercase())
        .take(32)
        .collect();
    format!("{kind}:{cleaned}")
}

async fn throttle(
    app: &AppState,
    ip: IpAddr,
    kind: &str,
    typed: &str,
) -> Result<String, TrackError> {
    let since = now_ms() - WINDOW_MS;
    let ip_key = format!("{kind}-ip:{ip}");
    let ref_key = key_for(kind, typed);
    if app.store.count_attempts(&ip_key, since).await? >= PER_ADDRESS
        || app.store.count_attempts(&ref_key, since).await? >= PER_REFERENCE
    {
        tracing::warn!(kind, "coming-back attempts throttled");
        return Err(TrackError::Throttled);
    }
    app.store.record_attempt(&ip_key).await?;
    Ok(ref_key)
}

/// A real hash of words nobody has, so a miss costs as much time as a hit.
static DUMMY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    SecretWords::for_token(&ConversationToken::generate())
        .hash()
        .unwrap_or_default()
});

async fn verify(words: SecretWords, hash: Option<String>) -> Result<bool, TrackError> {
    let known = hash.is_some();
    let hash = hash.unwrap_or_else(|| DUMMY_HASH.clone());
    let ok = words
        .verify_in_background(hash)
        .await
        .map_err(|e| TrackError::Internal(e.to_string()))?;
    Ok(ok && known)
}

/// Check a reference and secret words; on success a new tracking session token.
pub async fn sign_in(
    app: &AppState,
    ip: IpAddr,
    reference: &str,
    secret: &str,
) -> Result<ConversationToken, TrackError> {
    let ref_key = throttle(app, ip, "track", reference).await?;
    let found = match Reference::parse(reference) {
        Ok(r) => app.store.case_secret(r.as_ref()).await?,
        Err(_) => None,
    };
    let (case_id, hash) = match found {
        Some((id, hash)) => (Some(id), Some(hash)),
        None => (None, None),
    };
    let matches = verify(SecretWords::from_typed(secret), hash).await?;
    match case_id.filter(|_| matches) {
        Some(case_id) => {
            let token = ConversationToken::generate();
            app.store
                .create_track_session(&token.key(), case_id)
                .await?;
            Ok(token)
        }
        None => {
            app.store.record_attempt(&ref_key).await?;
            Err(TrackError::NoMatch)
        }
    }
}

/// The case behind a tracking token, while the session is live.
pub async fn case_for(
    app: &AppState,
    token: &ConversationToken,
) -> Result<Option<Case>, TrackError> {
    let Some(id) = app
        .store
        .track_session(&token.key(), IDLE_MS, ABSOLUTE_MS)
        .await?
    else {
        return Ok(None);
    };
    Ok(app.store.case_by_id(id).await?)
}

/// Where the case is, in the child's words: the id of a Fluent message.
pub fn status_message(case: &Case, replied: bool) -> &'static str {
    match case.status {
        CaseStatus::Closed => "track-status-closed",
        CaseStatus::Paused => "track-status-paused",
        _ if replied => "track-status-replied",
        CaseStatus::New => "track-status-received",
        CaseStatus::Open => "track-status-looking",
    }
}

/// What a complainant may do once their complaint is closed, as the tracking page tells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextRight {
    /// Ask for the next stage of the same procedure, within the escalation window.
    NextStage { stage: u8, by: time::Date },
    /// Resolved informally: they may still make a formal complaint at Stage 1.
    FormalComplaint,
    /// Every stage is done: the Local Government and Social Care Ombudsman.
    Ombudsman,
}

/// The right that follows a closed complaint. None for other kinds, open cases and withdrawn
/// complaints: telling a child who withdrew how to escalate would be a push they did not ask for.
pub fn next_right(
    case: &Case,
    rules: &crate::casework::Rules,
    calendar: &crate::timescale::Calendar,
) -> Option<NextRight> {
    if !case.is_complaint()
        || case.status != CaseStatus::Closed
        || case.outcome == Some(crate::domain::Outcome::Withdrawn)
    {
        return None;
    }
    if case.procedure == crate::domain::Procedure::Informal {
        return Some(NextRight::FormalComplaint);
    }
    if case.stage < crate::casework::stage_count(rules, case.procedure) {
        let from = case
            .responded_on
            .or_else(|| case.closed_at.map(crate::timescale::today_in_england))?;
        let window = crate::timescale::Deadline::EscalationWindow.working_days();
        return Some(NextRight::NextStage {
            stage: case.stage + 1,
            by: calendar.add_working_days(from, window),
        });
    }
    Some(NextRight::Ombudsman)
}

/// The messages between the child and staff, oldest first: `(from_child, text)`.
pub fn messages(events: &[crate::store::casework::EventRecord]) -> Vec<(bool, String)> {
    events
        .iter()
        .filter_map(|e| match &e.event {
            CaseEvent::MessageToChild { text } => Some((false, text.clone())),
            CaseEvent::MessageFromChild { text } => Some((true, text.clone())),
            _ => None,
        })
        .collect()
}

/// Add what the child (or their helper) wrote to the case: a timeline event, and an email to the
/// assigned officer or the rights officer that there is new information, without the words.
/// Words that sound like harm also make the case urgent and go to the duty team, quoted;
/// the answer says whether they did, so the child can be shown help at once.
pub async fn add_information(app: &AppState, case: &Case, text: &str) -> Result<bool, TrackError> {
    let worrying =
        app.safety
            .find(&case.locale, text)
            .map(|found| crate::domain::UrgentReason::AddedLater {
                at: crate::store::now_ms(),
                words: found.words,
                text: text.to_owned(),
            });
    let assignee = match case.assignee_id {
        Some(id) => app.store.staff_by_id(id).await?.filter(|s| !s.disabled),
        None => None,
    };
    let mut recipients: Vec<String> = match assignee {
        Some(member) => vec![member.email],
        None => app.config.routing.rights_officer.clone(),
    };
    recipients.dedup();
    // A held case (a possible bot) tells nobody until staff release it; worrying words still
    // go to the duty team below, because a real child may be behind them.
    if case.screening.held || case.screening.spam {
        recipients.clear();
    }
    let mut emails: Vec<NewEmail> = recipients
        .into_iter()
        .map(|recipient| NewEmail {
            kind: EmailKind::NewInformation,
            recipient,
        })
        .collect();
    if worrying.is_some() {
        emails.extend(app.config.routing.urgent.iter().map(|recipient| NewEmail {
            kind: EmailKind::Urgent,
            recipient: recipient.clone(),
        }));
    }
    let event = NewEvent {
        kind: "message_from_child",
        actor: "child".into(),
        detail: Some(json!({ "text": text })),
    };
    app.store
        .add_from_child(
            case.id,
            &event,
            &emails,
            crate::notify::message_domain(&app.config.mail.from),
            worrying.as_ref(),
        )
        .await?;
    app.mailer.wake.notify_one();
    Ok(worrying.is_some())
}

/// Check a "finish later" code and words; on success the conversation moves to a new token.
pub async fn resume(
    app: &AppState,
    ip: IpAddr,
    code: &str,
    secret: &str,
) -> Result<ConversationToken, TrackError> {
    let code_key = throttle(app, ip, "resume", code).await?;
    let found = match crate::domain::reference::ResumeCode::parse(code) {
        Ok(code) => app.store.find_resume(code.as_ref()).await?,
        Err(_) => None,
    };
    let (key, hash) = match found {
        Some((key, hash)) => (Some(key), Some(hash)),
        None => (None, None),
    };
    let matches = verify(SecretWords::from_typed(secret), hash).await?;
    match key.filter(|_| matches) {
        Some(old_key) => {
            let token = ConversationToken::generate();
            if app.store.rekey_conversation(&old_key, &token.key()).await? {
                Ok(token)
            } else {
                Err(TrackError::NoMatch)
            }
        }
        None => {
            app.store.record_attempt(&code_key).await?;
            Err(TrackError::NoMatch)
        }
    }
}

/// Give the conversation a "finish later" code and store the hash of its words.
pub async fn finish_later(
    app: &AppState,
    token: &ConversationToken,
) -> Result<(crate::domain::reference::ResumeCode, SecretWords), TrackError> {
    let code = crate::domain::reference::ResumeCode::generate();
    let words = SecretWords::for_token(token);
    let hash = words
        .clone()
        .hash_in_background()
        .await
        .map_err(|e| TrackError::Internal(e.to_string()))?;
    app.store
        .set_resume_code(&token.key(), code.as_ref(), &hash)
        .await?;
    Ok((code, words))
}
