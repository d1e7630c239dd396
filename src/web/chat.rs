//! The child's conversation as pages: one question per page at `/chat/<step>`, answers posted
//! to `/chat/answer`, then "check your answers", send, and the reference page. Every post
//! answers with a redirect (post/redirect/get), a refused answer included: why it was refused
//! and what was typed wait with the conversation for the page after the redirect. So reload
//! never resends anything, and the browser's Back reaches the question before, answers kept.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use validator::Validate;

use super::cookie;
use super::form::FormFields;
use super::pages::browser_locale;
use crate::domain::ConversationToken;
use crate::error::WebError;
use crate::flow::AnswerError;
use crate::flow::engine::{self, Pending, Problem};
use crate::intake::{self, IntakeError, Outcome};
use crate::store::conversations::Conversation;
use crate::web::AppState;

mod done;
pub mod drawn;
mod render;

pub use done::{email_words, show_done};
use render::render_step;

impl From<IntakeError> for WebError {
    fn from(e: IntakeError) -> Self {
        match e {
            IntakeError::NoConversation => WebError::NoConversation,
            IntakeError::Store(e) => WebError::Store(e),
            other => WebError::Internal(other.to_string()),
        }
    }
}

/// The hidden field on every answer form (`chat.html`). People never see or reach it; bots that
/// fill in every box do. Not a name browsers autofill (`email`, `website`, `name`...).
const HONEYPOT: &str = "more_detail";

/// The fields every step form sends, checked before they reach the engine.
#[derive(Debug, Validate)]
struct AnswerForm {
    #[validate(length(min = 1, max = 64))]
    step: String,
    #[validate(length(max = 50))]
    values: Vec<String>,
    /// Something was typed into the hidden field.
    honeypot: bool,
}

impl TryFrom<&FormFields> for AnswerForm {
    type Error = WebError;

    fn try_from(fields: &FormFields) -> Result<Self, WebError> {
        let form = AnswerForm {
            step: fields.get("step").unwrap_or_default().to_owned(),
            values: fields.all("value"),
            honeypot: fields.get(HONEYPOT).is_some_and(|v| !v.trim().is_empty()),
        };
        form.validate()
            .map_err(|_| WebError::BadRequest("error-bad-request"))?;
        Ok(form)
    }
}

fn token(app: &AppState, headers: &HeaderMap) -> Result<ConversationToken, WebError> {
    cookie::token(&app.config, headers).ok_or(WebError::NoConversation)
}

/// A question's own address. Step ids are the flow's (never a child's words), so the URL says
/// where in the conversation the page is and nothing about what was said. `#now` scrolls past
/// the transcript to the question when scripts are off.
fn to_step(step: &str) -> Response {
    Redirect::to(&format!("/chat/{step}#now")).into_response()
}

/// Back to wherever the conversation is now.
fn to_current(conversation: &Conversation) -> Response {
    to_step(&conversation.state.step)
}

pub async fn start_conversation(
    State(app): State<AppState>,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, WebError> {
    // Starting again forgets any earlier unsent conversation in this browser.
    if let Some(old) = cookie::token(&app.config, &headers) {
        intake::forget(&app.intake, &old).await?;
    }
    let locale = browser_locale(&app, &headers);
    let first = fields.get("first").filter(|v| v.len() <= 32);
    // "How are you feeling?" is optional: anything but a face 1 to 5 is no answer.
    let feeling = fields
        .get("feeling")
        .and_then(|v| v.parse::<u8>().ok())
        .filter(|f| (1..=5).contains(f));
    let (token, conversation) =
        intake::start_feeling(&app.intake, intake::DEFAULT_FLOW, &locale, first, feeling).await?;
    let mut response = to_current(&conversation);
    let (name, value) = cookie::set_token(&app.config, &token);
    response.headers_mut().append(name, value);
    Ok(response)
}

/// `/chat`, and a GET of any address that only takes posts (an old link, a reload on a phone
/// that dropped the page): on to the question the conversation is at, never a 405.
pub async fn show_current(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let Some(token) = cookie::token(&app.config, &headers) else {
        return Ok(Redirect::to("/").into_response());
    };
    // Sending deletes the conversation in the case's own transaction, so a conversation that is
    // still there has not been sent: only a missing one needs the (database) receipt check.
    match intake::load(&app.intake, &token).await {
        Ok(conversation) => Ok(to_current(&conversation)),
        Err(IntakeError::NoConversation) => {
            if intake::confirmation(&app.intake, &token).await?.is_some() {
                Ok(Redirect::to("/chat/done").into_response())
            } else {
                Err(WebError::NoConversation)
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// `/chat/<step>`: the question the conversation is at, or one already answered (the browser's
/// Back button), shown with every answer kept. Looking changes nothing; answering an earlier
/// question again goes on from there. Any other step leads to the current one.
pub async fn show_step(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(step): Path<String>,
) -> Result<Response, WebError> {
    let Some(token) = cookie::token(&app.config, &headers) else {
        return Ok(Redirect::to("/").into_response());
    };
    let conversation = match intake::view(&app.intake, &token).await {
        Ok(conversation) => conversation,
        Err(IntakeError::NoConversation) => {
            return if intake::confirmation(&app.intake, &token).await?.is_some() {
                Ok(Redirect::to("/chat/done").into_response())
            } else {
                Err(WebError::NoConversation)
            };
        }
        Err(e) => return Err(e.into()),
    };
    let pending = conversation.state.pending.as_ref();
    if conversation.state.step == step && pending.is_none_or(|p| p.step == step) {
        // Where the conversation stands (nearly every GET): draw it from its own state, shared.
        return render_step(&app, &conversation, &conversation.state);
    }
    let Some(mut shown) = engine::rewind(&conversation.state, &step) else {
        return Ok(to_current(&conversation));
    };
    // What the last post left behind belongs to its own question only.
    shown.pending = conversation
        .state
        .pending
        .clone()
        .filter(|p| p.step == step);
    render_step(&app, &conversation, &shown)
}

pub async fn answer_step(
    State(app): State<AppState>,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, WebError> {
    let token = token(&app, &headers)?;
    let form = AnswerForm::try_from(&fields)?;
    let mut conversation = intake::load(&app.intake, &token).await?;
    if form.honeypot && !conversation.state.suspect {
        conversation = mark_suspect(&app, conversation).await?;
    }
    // An answer to a question already passed (the child went Back in the browser) is taken
    // from that question on, keeping the answers after it for when they come to them again.
    let mut answering = conversation.clone();
    if let Some(rewound) = engine::rewind(&conversation.state, &form.step) {
        answering.state = rewound;
    }
    let result = intake::answer(&app.intake, answering, &form.step, &form.values).await;
    // "Check your answers" carries Send: once its answer is saved, send in the same post.
    if fields.get("then") == Some("send")
        && let Ok(Outcome::Saved(saved)) = &result
        && is_send_step(&app, saved)
    {
        return send(&app, &token).await;
    }
    let typed = form.values.first().cloned().unwrap_or_default();
    respond(&app, conversation, &form.step, result, typed).await
}

/// The conversation stands at a step that only sends (not the urgent one, which has its own page).
fn is_send_step(app: &AppState, conversation: &Conversation) -> bool {
    app.intake
        .flow_of(conversation)
        .ok()
        .and_then(|flow| flow.step(&conversation.state.step))
        .is_some_and(|step| {
            matches!(
                step.input,
                crate::flow::model::Input::Submit { urgent: false }
            )
        })
}

/// Remember that a bot may be sending this, then take the answer as usual: the sender sees no
/// difference, and the case is held for staff to check when it is sent.
async fn mark_suspect(
    app: &AppState,
    conversation: Conversation,
) -> Result<Conversation, WebError> {
    let before = conversation.clone();
    let marked = intake::update(&app.intake, conversation, |_, state| {
        let mut next = state.clone();
        next.suspect = true;
        Ok(next)
    })
    .await?;
    Ok(match marked {
        Outcome::Saved(conversation) => *conversation,
        // Another post moved it on first; the answer below meets the same race and says so.
        Outcome::Stale => before,
    })
}

pub async fn go_back(
    State(app): State<AppState>,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, WebError> {
    let token = token(&app, &headers)?;
    let form = AnswerForm::try_from(&fields)?;
    let conversation = intake::load(&app.intake, &token).await?;
    let result = intake::update(&app.intake, conversation.clone(), |_, state| {
        engine::rewind(state, &form.step)
            .map(|here| engine::back(&here))
            .ok_or_else(|| AnswerError::NotCurrentStep(form.step.clone()))
    })
    .await;
    respond(&app, conversation, &form.step, result, String::new()).await
}

pub async fn change_answer(
    State(app): State<AppState>,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, WebError> {
    let token = token(&app, &headers)?;
    let form = AnswerForm::try_from(&fields)?;
    let target = fields.get("change").unwrap_or_default().to_owned();
    let conversation = intake::load(&app.intake, &token).await?;
    let result = intake::update(&app.intake, conversation.clone(), |flow, state| {
        let here = engine::rewind(state, &form.step)
            .ok_or_else(|| AnswerError::NotCurrentStep(form.step.clone()))?;
        engine::change(flow, &here, &target)
    })
    .await;
    respond(&app, conversation, &form.step, result, String::new()).await
}

pub async fn submit_conversation(
    State(app): State<AppState>,
    headers: HeaderMap,
    _fields: FormFields,
) -> Result<Response, WebError> {
    let token = token(&app, &headers)?;
    send(&app, &token).await
}

async fn send(app: &AppState, token: &ConversationToken) -> Result<Response, WebError> {
    match intake::submit(&app.intake, token).await {
        Ok(_) => Ok(Redirect::to("/chat/done").into_response()),
        Err(IntakeError::NotReady) => {
            let conversation = intake::load(&app.intake, token).await?;
            let step = conversation.state.step.clone();
            leave_behind(app, conversation, &step, Problem::MovedOn, String::new()).await
        }
        Err(e) => Err(e.into()),
    }
}

/// After a post: on success, on to the question the conversation is at now; on a bad answer or
/// an out-of-date post, keep what happened with the conversation and redirect too, so the page
/// that says so is a GET that a reload (or an Android tab coming back) can fetch again.
async fn respond(
    app: &AppState,
    before: Conversation,
    step: &str,
    result: Result<Outcome, IntakeError>,
    typed: String,
) -> Result<Response, WebError> {
    match result {
        Ok(Outcome::Saved(conversation)) => Ok(to_current(&conversation)),
        // Another request moved it on first: `/chat` leads to wherever it is now.
        Ok(Outcome::Stale) => Ok(Redirect::to("/chat").into_response()),
        Err(IntakeError::Answer(AnswerError::Invalid(error))) => {
            let problem = Problem::Invalid {
                message: error.message.to_owned(),
                args: error
                    .args
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), *v))
                    .collect(),
            };
            leave_behind(app, before, step, problem, typed).await
        }
        Err(IntakeError::Answer(AnswerError::NotCurrentStep(_) | AnswerError::NotAnswerable)) => {
            let current = before.state.step.clone();
            leave_behind(app, before, &current, Problem::MovedOn, String::new()).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Keep why a post was not taken (and what was typed) with the conversation, then redirect to
/// the question it belongs to. The next move clears it (every engine step starts without one).
async fn leave_behind(
    app: &AppState,
    conversation: Conversation,
    step: &str,
    problem: Problem,
    typed: String,
) -> Result<Response, WebError> {
    // Without scripts the browser scrolls to the fragment: the summary of what was wrong, else
    // the question.
    let fragment = match problem {
        Problem::Invalid { .. } => "error-summary-title",
        Problem::MovedOn => "now",
    };
    let pending = Pending {
        step: step.to_owned(),
        typed,
        problem,
    };
    intake::update(&app.intake, conversation, |_, state| {
        let mut next = state.clone();
        next.pending = Some(pending);
        Ok(next)
    })
    .await?;
    // Saved or overtaken by another request alike: `/chat/<step>` shows whichever is true.
    Ok(Redirect::to(&format!("/chat/{step}#{fragment}")).into_response())
}
