//! The child's conversation as pages: one question per page at `/chat`, answers posted to
//! `/chat/answer`, then "check your answers", send, and the reference page. Every post answers
//! with a redirect (post/redirect/get), so refresh and back never resend anything.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use fluent::FluentValue;
use validator::Validate;

use super::cookie;
use super::form::FormFields;
use super::pages::{browser_locale, html, words};
use super::templates::{ChatPage, DonePage, tel};
use super::view::{step_view, transcript};
use crate::app::AppState;
use crate::domain::ConversationToken;
use crate::error::WebError;
use crate::flow::engine::{self, FieldError};
use crate::flow::{AnswerError, model::InputKind};
use crate::intake::{self, IntakeError, Outcome};
use crate::store::conversations::Conversation;

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

/// Back to the current question, scrolled to it (the transcript above can be long on a phone).
fn to_chat() -> Response {
    Redirect::to("/chat#now").into_response()
}

pub async fn start_conversation(
    State(app): State<AppState>,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, WebError> {
    // Starting again forgets any earlier unsent conversation in this browser.
    if let Some(old) = cookie::token(&app.config, &headers) {
        intake::forget(&app, &old).await?;
    }
    let locale = browser_locale(&app, &headers);
    let first = fields.get("first").filter(|v| v.len() <= 32);
    let (token, _) = intake::start(&app, intake::DEFAULT_FLOW, &locale, first).await?;
    let mut response = to_chat();
    let (name, value) = cookie::set(&app.config, &token);
    response.headers_mut().append(name, value);
    Ok(response)
}

pub async fn show_step(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let Some(token) = cookie::token(&app.config, &headers) else {
        return Ok(Redirect::to("/").into_response());
    };
    // Sending deletes the conversation in the case's own transaction, so a conversation that is
    // still there has not been sent: only a missing one needs the (database) receipt check.
    match intake::load(&app, &token).await {
        Ok(conversation) => render_step(&app, &conversation, StatusCode::OK, None, None, ""),
        Err(IntakeError::NoConversation) => {
            if intake::confirmation(&app, &token).await?.is_some() {
                Ok(Redirect::to("/chat/done").into_response())
            } else {
                Err(WebError::NoConversation)
            }
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn answer_step(
    State(app): State<AppState>,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, WebError> {
    let token = token(&app, &headers)?;
    let form = AnswerForm::try_from(&fields)?;
    let mut conversation = intake::load(&app, &token).await?;
    if form.honeypot && !conversation.state.suspect {
        conversation = mark_suspect(&app, conversation).await?;
    }
    let result = intake::answer(&app, conversation.clone(), &form.step, &form.values).await;
    respond(
        &app,
        &conversation,
        result,
        form.values.first().map(String::as_str).unwrap_or(""),
    )
}

/// Remember that a bot may be sending this, then take the answer as usual: the sender sees no
/// difference, and the case is held for staff to check when it is sent.
async fn mark_suspect(
    app: &AppState,
    conversation: Conversation,
) -> Result<Conversation, WebError> {
    let before = conversation.clone();
    let marked = intake::update(app, conversation, |_, state| {
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
    let conversation = intake::load(&app, &token).await?;
    let result = intake::update(&app, conversation.clone(), |_, state| {
        if state.step == form.step {
            Ok(engine::back(state))
        } else {
            Err(AnswerError::NotCurrentStep(form.step.clone()))
        }
    })
    .await;
    respond(&app, &conversation, result, "")
}

pub async fn change_answer(
    State(app): State<AppState>,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, WebError> {
    let token = token(&app, &headers)?;
    let form = AnswerForm::try_from(&fields)?;
    let target = fields.get("change").unwrap_or_default().to_owned();
    let conversation = intake::load(&app, &token).await?;
    let result = intake::update(&app, conversation.clone(), |flow, state| {
        if state.step != form.step {
            return Err(AnswerError::NotCurrentStep(form.step.clone()));
        }
        engine::change(flow, state, &target)
    })
    .await;
    respond(&app, &conversation, result, "")
}

pub async fn submit_conversation(
    State(app): State<AppState>,
    headers: HeaderMap,
    _fields: FormFields,
) -> Result<Response, WebError> {
    let token = token(&app, &headers)?;
    match intake::submit(&app, &token).await {
        Ok(_) => Ok(Redirect::to("/chat/done").into_response()),
        Err(IntakeError::NotReady) => {
            let conversation = intake::load(&app, &token).await?;
            render_step(
                &app,
                &conversation,
                StatusCode::CONFLICT,
                None,
                Some("error-not-current-step"),
                "",
            )
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn show_done(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let Some(token) = cookie::token(&app.config, &headers) else {
        return Ok(Redirect::to("/").into_response());
    };
    let Some(confirmation) = intake::confirmation(&app, &token).await? else {
        return Ok(to_chat());
    };
    let locale = app
        .words
        .resolve(&confirmation.receipt.locale)
        .unwrap_or_else(|| app.words.fallback());
    let t = words(&app, &locale);
    let date = t.date(confirmation.receipt.due_on);
    html(&DonePage {
        t,
        has_error: false,
        reference: confirmation.receipt.reference.to_string(),
        secret: confirmation.secret.map(|s| s.expose().to_owned()),
        reply_by: t.get_with("done-next-reply-by", &[("date", FluentValue::from(date))]),
        urgent: confirmation.receipt.urgent,
        help_tel: tel(&app.config.help_phone),
        out_of_hours_tel: tel(&app.config.out_of_hours_phone),
    })
}

/// After a change: on success go to the current step; on a bad answer show the same question
/// with the message and what was typed; on a stale or out-of-order post show where things are.
fn respond(
    app: &AppState,
    before: &Conversation,
    result: Result<Outcome, IntakeError>,
    typed: &str,
) -> Result<Response, WebError> {
    match result {
        Ok(Outcome::Saved(_) | Outcome::Stale) => Ok(to_chat()),
        Err(IntakeError::Answer(AnswerError::Invalid(error))) => render_step(
            app,
            before,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(error),
            None,
            typed,
        ),
        Err(IntakeError::Answer(AnswerError::NotCurrentStep(_) | AnswerError::NotAnswerable)) => {
            render_step(
                app,
                before,
                StatusCode::CONFLICT,
                None,
                Some("error-not-current-step"),
                "",
            )
        }
        Err(e) => Err(e.into()),
    }
}

fn render_step(
    app: &AppState,
    conversation: &Conversation,
    status: StatusCode,
    error: Option<FieldError>,
    notice: Option<&str>,
    typed: &str,
) -> Result<Response, WebError> {
    let flow = app.flow_of(conversation)?;
    let step = engine::current(flow, &conversation.state)
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let locale = app
        .words
        .resolve(&conversation.locale)
        .unwrap_or_else(|| app.words.fallback());
    let t = words(app, &locale);
    let view = step_view(flow, step, &conversation.state, t);
    let error_text = error.map(|e| {
        let args: Vec<(&'static str, FluentValue<'_>)> = e
            .args
            .iter()
            .map(|(k, v)| (*k, FluentValue::from(*v)))
            .collect();
        t.get_with(e.message, &args)
    });
    let limit_hint = match (view.kind, view.max) {
        (InputKind::Text, Some(max)) => {
            Some(t.get_with("hint-max-characters", &[("max", FluentValue::from(max))]))
        }
        _ => None,
    };
    let typed = if error_text.is_some() {
        typed.to_owned()
    } else {
        view.current.clone()
    };
    let page = ChatPage {
        t,
        has_error: error_text.is_some(),
        error: error_text,
        notice: notice.map(|id| t.get(id)),
        bubbles: transcript(flow, &conversation.state, t),
        can_go_back: !conversation.state.history.is_empty(),
        safety_panel: conversation.state.show_safety,
        step: view,
        typed,
        limit_hint,
        help_tel: tel(&app.config.help_phone),
        out_of_hours_tel: tel(&app.config.out_of_hours_phone),
    };
    let mut response = html(&page)?;
    *response.status_mut() = status;
    Ok(response)
}
