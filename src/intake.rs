//! Taking a child's conversation from the first question to a case. The HTML pages and the JSON
//! API both call these functions, so they share one engine, one store and one set of rules.

use std::sync::Arc;

use crate::config::Config;
use crate::domain::secret::lists::WordLists;
use crate::domain::{CaseKind, ConversationToken, Procedure, SecretWords, UrgentReason};
use crate::flow::Flows;
use crate::flow::safety::SafetyPhrases;
use crate::flow::{AnswerError, CaseDraft, Flow, engine};
use crate::i18n::Locale;
use crate::i18n::Localizer;
use crate::notify::Outbox;
use crate::store::Store;
use crate::store::StoreError;
use crate::store::cases::{NewCase, Receipt, Screening};
use crate::store::conversations::{Conversation, Saved};
use crate::timescale;
use crate::timescale::Calendar;
use crate::tracking::Tracking;

/// The flow every child starts in.
pub const DEFAULT_FLOW: &str = "feedback";

/// How long the reference page will show the secret words again (a refresh, a double click).
const SHOW_SECRET_FOR_MS: i64 = 30 * 60 * 1000;

#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    #[error("no such conversation")]
    NoConversation,
    #[error("no such flow")]
    NoFlow,
    #[error(transparent)]
    Answer(#[from] AnswerError),
    #[error("this conversation cannot be sent yet")]
    NotReady,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Internal(String),
}

pub enum Outcome {
    Saved(Box<Conversation>),
    /// Another request changed the conversation first; show where it is now.
    Stale,
}

/// What taking a conversation to a case uses, built once at start-up (`App::build`).
#[derive(Clone)]
pub struct Intake {
    pub config: Arc<Config>,
    pub store: Store,
    pub flows: Flows,
    /// Staff wording for the urgent reasons written on a case.
    pub words: Arc<Localizer>,
    pub safety: Arc<SafetyPhrases>,
    pub calendar: Calendar,
    pub secret_words: Arc<WordLists>,
    pub outbox: Outbox,
    /// A conversation that asked to "finish later" already holds its reference and words.
    pub tracking: Tracking,
}

impl Intake {
    fn ttl_ms(&self) -> i64 {
        i64::from(self.config.conversation_days) * 24 * 60 * 60 * 1000
    }

    pub fn flow_of(&self, conversation: &Conversation) -> Result<&Flow, IntakeError> {
        self.flows
            .get(&conversation.flow_id)
            .ok_or(IntakeError::NoFlow)
    }
}

/// Start a conversation, optionally answering the first question at once (the "I'm not safe"
/// button on the first page does that).
pub async fn start(
    app: &Intake,
    flow_id: &str,
    locale: &Locale,
    first_answer: Option<&str>,
) -> Result<(ConversationToken, Conversation), IntakeError> {
    start_feeling(app, flow_id, locale, first_answer, None).await
}

/// As [`start`], carrying the face chosen on the first page ("How are you feeling?", 1 to 5)
/// until the case is sent.
pub async fn start_feeling(
    app: &Intake,
    flow_id: &str,
    locale: &Locale,
    first_answer: Option<&str>,
    feeling: Option<u8>,
) -> Result<(ConversationToken, Conversation), IntakeError> {
    let flow = app.flows.get(flow_id).ok_or(IntakeError::NoFlow)?;
    let mut state = engine::start(flow);
    state.feeling = feeling.filter(|f| (1..=5).contains(f));
    if let Some(value) = first_answer
        && let Ok(next) = engine::answer(flow, &state, &flow.start, &[value.to_owned()])
    {
        state = next;
    }
    let token = ConversationToken::generate();
    let conversation = Conversation {
        key: token.key(),
        flow_id: flow.id.clone(),
        flow_version: flow.version,
        state,
        locale: locale.as_str().to_owned(),
        revision: 0,
        created_at: crate::store::now_ms(),
    };
    app.store
        .insert_conversation(&conversation, app.ttl_ms())
        .await?;
    Ok((token, conversation))
}

pub async fn load(app: &Intake, token: &ConversationToken) -> Result<Conversation, IntakeError> {
    app.store
        .load_conversation(&token.key())
        .await?
        .ok_or(IntakeError::NoConversation)
}

/// The conversation to look at (a page that only reads it): shared, not copied.
pub async fn view(
    app: &Intake,
    token: &ConversationToken,
) -> Result<Arc<Conversation>, IntakeError> {
    app.store
        .read_conversation(&token.key())
        .await?
        .ok_or(IntakeError::NoConversation)
}

/// Apply one change to the state and save it, refusing to overwrite a newer save.
pub async fn update(
    app: &Intake,
    mut conversation: Conversation,
    change: impl FnOnce(&Flow, &engine::State) -> Result<engine::State, AnswerError>,
) -> Result<Outcome, IntakeError> {
    let flow = app.flow_of(&conversation)?;
    conversation.state = change(flow, &conversation.state)?;
    match app
        .store
        .save_conversation(&conversation, app.ttl_ms())
        .await?
    {
        Saved::Yes => {
            conversation.revision += 1;
            Ok(Outcome::Saved(Box::new(conversation)))
        }
        Saved::Stale => Ok(Outcome::Stale),
    }
}

/// Take an answer for `step`. Free text that sounds like the child may not be safe shows help
/// before the next question and makes the case urgent when it is sent.
pub async fn answer(
    app: &Intake,
    conversation: Conversation,
    step: &str,
    values: &[String],
) -> Result<Outcome, IntakeError> {
    let locale = conversation.locale.clone();
    let safety = app.safety.clone();
    update(app, conversation, |flow, state| {
        let mut next = engine::answer(flow, state, step, values)?;
        let asked = flow
            .step(step)
            .filter(|s| s.input.kind() == crate::flow::InputKind::Text);
        let found = asked.and_then(|asked| {
            values
                .iter()
                .find_map(|v| safety.find(&locale, v))
                .map(|m| (asked, m))
        });
        if let Some((asked, found)) = found {
            next.concern = true;
            next.show_safety = true;
            // One reason per question: an answer changed from the check page replaces its own.
            let question = asked
                .ask
                .as_deref()
                .map_or_else(|| asked.id.clone(), |id| staff_words(app, id));
            next.concerns.retain(|r| {
                !matches!(r, UrgentReason::PhraseInAnswer { question: q, .. } if *q == question)
            });
            next.concerns.push(UrgentReason::PhraseInAnswer {
                question,
                words: found.words,
            });
        }
        Ok(next)
    })
    .await
}

/// A message in the staff language (what the duty team's email is written in).
fn staff_words(app: &Intake, id: &str) -> String {
    let locale = app.words.fallback();
    app.words
        .prepared(&locale, id)
        .map_or_else(|| app.words.text(&locale, id, None), str::to_owned)
}

/// What the confirmation shows: the receipt, and the secret words while it is still fresh.
pub struct Confirmation {
    pub receipt: Receipt,
    pub secret: Option<SecretWords>,
    /// This request made the case (an API client is told 201, not 200).
    pub created: bool,
}

/// Turn the conversation into a case. Calling it again with the same token returns the same
/// case: the first request's receipt, never a second case.
pub async fn submit(app: &Intake, token: &ConversationToken) -> Result<Confirmation, IntakeError> {
    // Sending deletes the conversation in the case's transaction: while it is there, there is
    // no case yet, and only a missing one needs the receipt looked up.
    let conversation = match load(app, token).await {
        Ok(conversation) => conversation,
        // Another request for the same conversation may have just made the case.
        Err(IntakeError::NoConversation) => {
            return confirmation(app, token)
                .await?
                .ok_or(IntakeError::NoConversation);
        }
        Err(e) => return Err(e),
    };
    let flow = app.flow_of(&conversation)?;
    let step = engine::current(flow, &conversation.state)?;
    if step.input.kind() != crate::flow::InputKind::Submit {
        return Err(IntakeError::NotReady);
    }
    let mut answers = engine::answers_on_path(flow, &conversation.state);
    // Equality answers are special category data: out of the case's answers (which staff,
    // emails and exports read) and into their own table, counted only.
    let equality = crate::equality::EqualityAnswers::take(&mut answers);
    let mut draft = CaseDraft::try_from(&answers).map_err(|_| IntakeError::NotReady)?;
    let (feeling, is_child) = (
        conversation.state.feeling,
        draft.submitted_by == crate::domain::SubmitterRole::Child,
    );
    draft.urgent |= conversation.state.concern;
    let mut urgent_reasons = Vec::new();
    if draft.kind == CaseKind::SafetyConcern {
        urgent_reasons.push(UrgentReason::ChoseNotSafe);
    }
    urgent_reasons.extend(conversation.state.concerns.iter().cloned());
    let answers_json =
        serde_json::to_string(&answers).map_err(|e| IntakeError::Internal(e.to_string()))?;
    // After "finish later" the case takes the reserved reference and the words already given.
    let (reserved, secret, secret_hash) =
        match crate::tracking::kept_code(&app.tracking, token).await? {
            Some((reference, words, hash)) => (Some(reference), words, hash),
            None => {
                let words = app.secret_words.generate(&conversation.locale, token);
                let hash = words
                    .clone()
                    .hash_in_background()
                    .await
                    .map_err(|e| IntakeError::Internal(e.to_string()))?;
                (None, words, hash)
            }
        };
    let now = time::OffsetDateTime::now_utc();
    let received_at = crate::store::now_ms();
    let screening = Screening::assess(
        conversation.state.suspect,
        received_at - conversation.created_at,
        app.config.min_completion_seconds,
        draft.urgent,
    );
    let calendar = &app.calendar;
    let started_on = calendar.start_date(now);
    // Only a complaint has a procedure and a reply-by date; a safety concern is acknowledged
    // the day it arrives.
    let due_on = draft.kind.has_procedure().then(|| {
        crate::casework::first_stage(
            &app.config.procedures,
            Procedure::Statutory,
            started_on,
            calendar,
        )
        .map_or(
            calendar.due(timescale::Deadline::StageOne, started_on),
            |s| s.due_on,
        )
    });
    let acknowledge_by = match draft.kind {
        CaseKind::SafetyConcern => timescale::today_in_england(now),
        _ => calendar.due(timescale::Deadline::Acknowledge, started_on),
    };
    let key = token.key();
    let emails = if screening.held {
        // A held case tells nobody yet: staff release it, and its emails then, from its page.
        Vec::new()
    } else {
        crate::notify::emails_for(&draft, &app.config.routing)
    };
    let new = NewCase {
        submission_key: key,
        draft,
        answers_json,
        flow_id: flow.id.clone(),
        flow_version: flow.version,
        locale: conversation.locale.clone(),
        secret_hash,
        reserved,
        words_sealed: secret.seal(token),
        received_at,
        started_on,
        acknowledge_by,
        due_on,
        emails,
        screening,
        urgent_reasons,
        message_domain: crate::notify::message_domain(&app.config.mail.from).to_owned(),
        equality,
        // Asked of children only: an adult who passed the first page has no feeling recorded.
        feeling: feeling.filter(|_| is_child),
    };
    let (receipt, created) = app
        .store
        .submit_case(new)
        .await?
        .ok_or(IntakeError::NoConversation)?;
    // The sender sees the same receipt either way, so a bot learns nothing from the answer.
    tracing::info!(
        kind = %receipt.kind,
        urgent = receipt.urgent,
        held = screening.held,
        "case received"
    );
    app.outbox.queued();
    Ok(Confirmation {
        receipt,
        secret: Some(secret),
        created,
    })
}

/// The receipt for this token's case, if it was sent; the words only while fresh.
pub async fn confirmation(
    app: &Intake,
    token: &ConversationToken,
) -> Result<Option<Confirmation>, IntakeError> {
    let Some(receipt) = app.store.find_receipt(&token.key()).await? else {
        return Ok(None);
    };
    let fresh = crate::store::now_ms() - receipt.received_at < SHOW_SECRET_FOR_MS;
    let secret = if fresh {
        app.store
            .case_words_sealed(&token.key())
            .await?
            .and_then(|sealed| SecretWords::unseal(&sealed, token))
    } else {
        None
    };
    Ok(Some(Confirmation {
        receipt,
        secret,
        created: false,
    }))
}

/// Forget the conversation (leaving quickly, or starting again).
pub async fn forget(app: &Intake, token: &ConversationToken) -> Result<(), IntakeError> {
    app.store.delete_conversation(&token.key()).await?;
    Ok(())
}
