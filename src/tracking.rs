//! A child coming back: to a sent case with its reference and secret words, or to an unsent
//! conversation with its "finish later" code and words. Wrong pairs get one neutral answer that
//! never says whether the reference exists; tries are counted per address and per reference
//! (in the database, so every instance sees them), and a reference locks for an hour after
//! repeated failures. Shared by the pages and the JSON API.

use std::net::IpAddr;

use serde_json::json;

use std::sync::Arc;

use crate::config::Config;
use crate::domain::secret::lists::WordLists;
use crate::domain::{Case, CaseEvent, CaseStatus};
use crate::domain::{ConversationToken, EmailKind, Reference, SecretWords};
use crate::flow::safety::SafetyPhrases;
use crate::notify::Outbox;
use crate::store::Store;
use crate::store::StoreError;
use crate::store::casework::NewEvent;
use crate::store::now_ms;
use crate::store::outbox::NewEmail;

/// What a child coming back uses, built once at start-up (`App::build`).
#[derive(Clone)]
pub struct Tracking {
    pub config: Arc<Config>,
    pub store: Store,
    /// Everything a child adds goes through the same check as the conversation.
    pub safety: Arc<SafetyPhrases>,
    pub secret_words: Arc<WordLists>,
    pub outbox: Outbox,
}

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
    app: &Tracking,
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
    SecretWords::from_typed(ConversationToken::generate().expose())
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

/// Where a right pair leads: a sent case's tracking page, or back into an unsent conversation
/// whose "finish later" code is the reference it will get.
#[derive(Debug)]
pub enum CameBack {
    /// A new tracking session token.
    Case(ConversationToken),
    /// The conversation's new token (the old browser's no longer works).
    Conversation(ConversationToken),
}

/// Check a reference and secret words; on success a new tracking session token.
pub async fn sign_in(
    app: &Tracking,
    ip: IpAddr,
    reference: &str,
    secret: &str,
) -> Result<ConversationToken, TrackError> {
    match come_back(app, ip, reference, secret, false).await? {
        CameBack::Case(token) => Ok(token),
        CameBack::Conversation(_) => Err(TrackError::NoMatch),
    }
}

/// As [`sign_in`]; with `unsent_too`, a reference reserved by "finish later" and its words
/// carry on the conversation, so the child has one code and one set of words for both.
pub async fn come_back(
    app: &Tracking,
    ip: IpAddr,
    reference: &str,
    secret: &str,
    unsent_too: bool,
) -> Result<CameBack, TrackError> {
    let ref_key = throttle(app, ip, "track", reference).await?;
    let parsed = Reference::parse(reference).ok();
    let found = match &parsed {
        Some(r) => app.store.case_secret(r.as_ref()).await?,
        None => None,
    };
    let typed = SecretWords::from_typed(secret);
    if found.is_none()
        && unsent_too
        && let Some(r) = &parsed
        && let Some((key, hash)) = app.store.find_resume(r.as_ref()).await?
    {
        if verify(typed.clone(), Some(hash)).await? {
            return carry_on(app, &key, &typed)
                .await
                .map(CameBack::Conversation);
        }
        app.store.record_attempt(&ref_key).await?;
        return Err(TrackError::NoMatch);
    }
    let (case_id, hash) = match found {
        Some((id, hash)) => (Some(id), Some(hash)),
        None => (None, None),
    };
    let matches = verify(typed, hash).await?;
    match case_id.filter(|_| matches) {
        Some(case_id) => {
            let token = ConversationToken::generate();
            app.store
                .create_track_session(&token.key(), case_id)
                .await?;
            Ok(CameBack::Case(token))
        }
        None => {
            app.store.record_attempt(&ref_key).await?;
            Err(TrackError::NoMatch)
        }
    }
}

/// Move a conversation to a new token, keeping its code and words: the words, as typed and
/// checked, are written back in the list's spelling and sealed under the new token.
async fn carry_on(
    app: &Tracking,
    old_key: &str,
    typed: &SecretWords,
) -> Result<ConversationToken, TrackError> {
    let locale = app
        .store
        .load_conversation(old_key)
        .await?
        .map(|c| c.locale)
        .ok_or(TrackError::NoMatch)?;
    let token = ConversationToken::generate();
    let words = app.secret_words.recover(&locale, typed);
    if app
        .store
        .rekey_conversation(old_key, &token.key(), &words.seal(&token))
        .await?
    {
        Ok(token)
    } else {
        Err(TrackError::NoMatch)
    }
}

/// The case behind a tracking token, while the session is live.
pub async fn case_for(
    app: &Tracking,
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
pub async fn add_information(app: &Tracking, case: &Case, text: &str) -> Result<bool, TrackError> {
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
    app.outbox.queued();
    Ok(worrying.is_some())
}

/// Check a "finish later" code and words; on success the conversation moves to a new token.
/// The code is a reserved case reference, or an older `7K4P-Q2MX` code.
pub async fn resume(
    app: &Tracking,
    ip: IpAddr,
    code: &str,
    secret: &str,
) -> Result<ConversationToken, TrackError> {
    let code_key = throttle(app, ip, "resume", code).await?;
    let parsed = Reference::parse(code)
        .map(|r| r.to_string())
        .or_else(|_| crate::domain::reference::ResumeCode::parse(code).map(|c| c.to_string()));
    let found = match parsed {
        Ok(code) => app.store.find_resume(&code).await?,
        Err(_) => None,
    };
    let (key, hash) = match found {
        Some((key, hash)) => (Some(key), Some(hash)),
        None => (None, None),
    };
    let typed = SecretWords::from_typed(secret);
    let matches = verify(typed.clone(), hash).await?;
    match key.filter(|_| matches) {
        Some(old_key) => carry_on(app, &old_key, &typed).await,
        None => {
            app.store.record_attempt(&code_key).await?;
            Err(TrackError::NoMatch)
        }
    }
}

/// The code and words this conversation already has: the reserved reference, the set sealed
/// under this token, and its hash. None before "finish later", and for older codes.
pub async fn kept_code(
    app: &Tracking,
    token: &ConversationToken,
) -> Result<Option<(Reference, SecretWords, String)>, StoreError> {
    let Some(kept) = app.store.conversation_code(&token.key()).await? else {
        return Ok(None);
    };
    let reference = Reference::parse(&kept.code).ok();
    let words = kept
        .sealed
        .as_deref()
        .and_then(|sealed| SecretWords::unseal(sealed, token));
    Ok(reference.zip(words).map(|(r, w)| (r, w, kept.hash)))
}

/// "Finish later": reserve the reference the case will get and keep the words the confirmation
/// will show, so the child has one code and one set of words from here to tracking. Asking
/// again gives the same pair.
pub async fn finish_later(
    app: &Tracking,
    token: &ConversationToken,
    locale: &str,
) -> Result<(Reference, SecretWords), TrackError> {
    if let Some((reference, words, _)) = kept_code(app, token).await? {
        return Ok((reference, words));
    }
    let words = app.secret_words.generate(locale, token);
    let hash = words
        .clone()
        .hash_in_background()
        .await
        .map_err(|e| TrackError::Internal(e.to_string()))?;
    let reference = app
        .store
        .reserve_reference(&token.key(), &hash, &words.seal(token))
        .await?;
    Ok((reference, words))
}
