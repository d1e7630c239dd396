//! The conversation over JSON: start, read the current step, answer, go back, submit. Each
//! handler mirrors one in `web::chat` and calls the same `intake` functions, so both front ends
//! share the engine, the safety check and the store; only the transport differs.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use fluent::FluentValue;

use super::error::{ApiError, ErrorBody};
use super::extract::{ApiJson, Bearer, Limited, check_id, conversation_id};
use super::model::{
    self, AnswerRequest, AnswerValue, BackRequest, ConversationBody, MAX_VALUES, Receipt,
    StartRequest, Started, StepResponse,
};
use crate::domain::ConversationToken;
use crate::flow::engine::{self, FieldError};
use crate::flow::{AnswerError, InputKind};
use crate::i18n::Locale;
use crate::i18n::Words;
use crate::intake::{self, Confirmation, IntakeError, Outcome};
use crate::store::conversations::Conversation;
use crate::web::AppState;
use crate::web::pages::{browser_locale, words};

/// The same limits the HTML form applies before anything reaches the engine.
const MAX_STEP_ID: usize = 64;

fn locale_of(app: &AppState, conversation: &Conversation) -> Locale {
    app.words
        .resolve(&conversation.locale)
        .unwrap_or_else(|| app.words.fallback())
}

fn step_of(app: &AppState, conversation: &Conversation) -> Result<model::Step, ApiError> {
    let flow = app.intake.flow_of(conversation)?;
    let locale = locale_of(app, conversation);
    model::step_body(app, flow, &conversation.state, words(app, &locale)).ok_or_else(|| {
        // Step ids come from the flow file, never from what a child wrote.
        ApiError::Internal(format!(
            "flow {} has no step {}",
            flow.id, conversation.state.step
        ))
    })
}

/// The conversation for this token, or why there is none: sent already, or never/expired.
async fn load(app: &AppState, token: &ConversationToken) -> Result<Conversation, ApiError> {
    match intake::load(&app.intake, token).await {
        Ok(conversation) => Ok(conversation),
        Err(IntakeError::NoConversation) => match intake::confirmation(&app.intake, token).await? {
            Some(_) => Err(ApiError::AlreadySubmitted),
            None => Err(ApiError::ConversationNotFound),
        },
        Err(e) => Err(e.into()),
    }
}

fn not_current(w: Words<'_>) -> ApiError {
    ApiError::NotCurrentStep(w.get("error-not-current-step"))
}

fn field_message(error: &FieldError, w: Words<'_>) -> String {
    let args: Vec<(&'static str, FluentValue<'_>)> = error
        .args
        .iter()
        .map(|(k, v)| (*k, FluentValue::from(*v)))
        .collect();
    w.get_with(error.message, &args)
}

/// What a refused change means to the client, in the conversation's language.
fn change_error(error: IntakeError, w: Words<'_>) -> ApiError {
    match error {
        IntakeError::Answer(AnswerError::Invalid(field)) => {
            ApiError::InvalidAnswer(field_message(&field, w))
        }
        IntakeError::Answer(AnswerError::NotCurrentStep(_)) => not_current(w),
        IntakeError::Answer(AnswerError::NotAnswerable) => ApiError::NotAnswerable,
        other => other.into(),
    }
}

/// Like the form reader: no control characters (they have no place in an answer and some
/// databases refuse them), and no more values than any step could take.
fn checked_values(body: &AnswerRequest) -> Result<Vec<String>, ApiError> {
    if body.step.is_empty() || body.step.chars().count() > MAX_STEP_ID {
        return Err(ApiError::BadRequest(format!(
            "`step` must be 1 to {MAX_STEP_ID} characters"
        )));
    }
    let values = match &body.value {
        None => Vec::new(),
        Some(AnswerValue::One(v)) => vec![v.clone()],
        Some(AnswerValue::Many(vs)) => vs.clone(),
    };
    if values.len() > MAX_VALUES {
        return Err(ApiError::BadRequest(format!(
            "`value` may hold at most {MAX_VALUES} items"
        )));
    }
    let bad = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    if values.iter().any(|v| v.chars().any(bad)) || body.step.chars().any(bad) {
        return Err(ApiError::BadRequest(
            "control characters are not allowed".into(),
        ));
    }
    Ok(values)
}

fn receipt(confirmation: Confirmation) -> Receipt {
    Receipt {
        reference: confirmation.receipt.reference.to_string(),
        secret: confirmation.secret.map(|s| s.expose().to_owned()),
        reply_by: crate::store::cases::format_date(confirmation.receipt.due_on),
        urgent: confirmation.receipt.urgent,
        kind: confirmation.receipt.kind.as_str().to_owned(),
    }
}

/// Start a conversation.
///
/// Returns the conversation's id (for URLs), its bearer token (shown only here) and the first
/// step. Without `locale` the language comes from `Accept-Language`.
#[utoipa::path(
    post,
    path = "/api/v1/conversations",
    tag = "conversations",
    request_body = StartRequest,
    responses(
        (status = 201, description = "Started", body = Started,
            headers(("location" = String, description = "The conversation's URL"))),
        (status = 400, description = "The body is not valid JSON of this shape", body = ErrorBody),
        (status = 404, description = "`unknown_flow`", body = ErrorBody),
        (status = 413, description = "The body is over 64 KiB", body = ErrorBody),
        (status = 415, description = "The body is not JSON", body = ErrorBody),
        (status = 422, description = "`unknown_locale`; `locales` lists those available", body = ErrorBody),
        (status = 429, description = "Too many requests from this address", body = ErrorBody,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
        (status = 500, description = "Something went wrong on our side", body = ErrorBody),
    )
)]
pub async fn start_conversation(
    _: Limited,
    State(app): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<StartRequest>,
) -> Result<Response, ApiError> {
    let flow = body.flow.as_deref().unwrap_or(intake::DEFAULT_FLOW);
    if app.flows.get(flow).is_none() {
        return Err(ApiError::UnknownFlow);
    }
    let locale = match body.locale.as_deref() {
        Some(tag) => app.words.resolve(tag).ok_or_else(|| {
            ApiError::UnknownLocale(app.words.locales().map(|l| l.as_str().to_owned()).collect())
        })?,
        None => browser_locale(&app, &headers),
    };
    let (token, conversation) = intake::start(&app.intake, flow, &locale, None).await?;
    let id = conversation_id(&token);
    let started = Started {
        step: step_of(&app, &conversation)?,
        token: token.expose().to_owned(),
        id,
    };
    let location = HeaderValue::from_str(&format!("/api/v1/conversations/{}", started.id))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok((StatusCode::CREATED, [(LOCATION, location)], Json(started)).into_response())
}

/// The current step and the conversation so far.
#[utoipa::path(
    get,
    path = "/api/v1/conversations/{id}",
    tag = "conversations",
    params(("id" = String, Path, description = "The id from the start response")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Where the conversation is", body = ConversationBody),
        (status = 401, description = "No bearer token, or a malformed one", body = ErrorBody,
            headers(("www-authenticate" = String))),
        (status = 404, description = "`conversation_not_found`: no such conversation for this token, or it expired", body = ErrorBody),
        (status = 409, description = "`already_submitted`: it was sent; POST `submit` again for the receipt", body = ErrorBody),
        (status = 429, description = "Too many requests from this address", body = ErrorBody,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
        (status = 500, description = "Something went wrong on our side", body = ErrorBody),
    )
)]
pub async fn show_conversation(
    _: Limited,
    State(app): State<AppState>,
    Path(id): Path<String>,
    Bearer(token): Bearer,
) -> Result<Json<ConversationBody>, ApiError> {
    check_id(&id, &token)?;
    let conversation = load(&app, &token).await?;
    let flow = app.intake.flow_of(&conversation)?;
    let locale = locale_of(&app, &conversation);
    Ok(Json(ConversationBody {
        step: step_of(&app, &conversation)?,
        transcript: model::transcript(flow, &conversation.state, words(&app, &locale)),
    }))
}

/// Answer the current step.
///
/// `value` is a string, or a list of strings for a `multi` step; leave it out to skip an
/// optional question or to confirm a `review` or `none` step. A refused answer is a 422 whose
/// `errors[].message` is in the conversation's language, ready to show. Free text that sounds
/// like the child may not be safe adds `safety` to the next step.
#[utoipa::path(
    post,
    path = "/api/v1/conversations/{id}/answers",
    tag = "conversations",
    params(("id" = String, Path, description = "The id from the start response")),
    security(("bearer" = [])),
    request_body = AnswerRequest,
    responses(
        (status = 200, description = "Taken; here is the next step", body = StepResponse),
        (status = 400, description = "The body is not valid JSON of this shape", body = ErrorBody),
        (status = 401, description = "No bearer token, or a malformed one", body = ErrorBody,
            headers(("www-authenticate" = String))),
        (status = 404, description = "`conversation_not_found`", body = ErrorBody),
        (status = 409, description = "`not_current_step` (GET the conversation and answer what it asks), `not_answerable` (a submit or end step), or `already_submitted`", body = ErrorBody),
        (status = 413, description = "The body is over 64 KiB", body = ErrorBody),
        (status = 415, description = "The body is not JSON", body = ErrorBody),
        (status = 422, description = "`invalid_answer`, with a message to show", body = ErrorBody),
        (status = 429, description = "Too many requests from this address", body = ErrorBody,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
        (status = 500, description = "Something went wrong on our side", body = ErrorBody),
    )
)]
pub async fn answer_step(
    _: Limited,
    State(app): State<AppState>,
    Path(id): Path<String>,
    Bearer(token): Bearer,
    ApiJson(body): ApiJson<AnswerRequest>,
) -> Result<Json<StepResponse>, ApiError> {
    check_id(&id, &token)?;
    let values = checked_values(&body)?;
    let conversation = load(&app, &token).await?;
    let locale = locale_of(&app, &conversation);
    let w = words(&app, &locale);
    if body.step != conversation.state.step {
        return Err(not_current(w));
    }
    let flow = app.intake.flow_of(&conversation)?;
    let kind = engine::current(flow, &conversation.state)
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .input
        .kind();
    if matches!(body.value, Some(AnswerValue::Many(_))) && kind != InputKind::Multi {
        return Err(ApiError::BadRequest(format!(
            "`value` must be a string for a {} step",
            kind.as_str()
        )));
    }
    match intake::answer(&app.intake, conversation, &body.step, &values).await {
        Ok(Outcome::Saved(next)) => Ok(Json(StepResponse {
            step: step_of(&app, &next)?,
        })),
        Ok(Outcome::Stale) => Err(not_current(w)),
        Err(e) => Err(change_error(e, w)),
    }
}

/// Go back one step, keeping the answers given.
///
/// With `{"step": ...}` it goes back only while that is still the current step, so a
/// repeated request does not go back twice. At the first step it stays there.
#[utoipa::path(
    post,
    path = "/api/v1/conversations/{id}/back",
    tag = "conversations",
    params(("id" = String, Path, description = "The id from the start response")),
    security(("bearer" = [])),
    request_body(content = Option<BackRequest>, description = "Optional"),
    responses(
        (status = 200, description = "The step before", body = StepResponse),
        (status = 400, description = "The body is not valid JSON of this shape", body = ErrorBody),
        (status = 401, description = "No bearer token, or a malformed one", body = ErrorBody,
            headers(("www-authenticate" = String))),
        (status = 404, description = "`conversation_not_found`", body = ErrorBody),
        (status = 409, description = "`not_current_step` or `already_submitted`", body = ErrorBody),
        (status = 413, description = "The body is over 64 KiB", body = ErrorBody),
        (status = 415, description = "A body was sent that is not JSON", body = ErrorBody),
        (status = 429, description = "Too many requests from this address", body = ErrorBody,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
        (status = 500, description = "Something went wrong on our side", body = ErrorBody),
    )
)]
pub async fn go_back(
    _: Limited,
    State(app): State<AppState>,
    Path(id): Path<String>,
    Bearer(token): Bearer,
    body: Option<ApiJson<BackRequest>>,
) -> Result<Json<StepResponse>, ApiError> {
    check_id(&id, &token)?;
    let conversation = load(&app, &token).await?;
    let locale = locale_of(&app, &conversation);
    let w = words(&app, &locale);
    let expected = body.and_then(|ApiJson(b)| b.step);
    let result = intake::update(&app.intake, conversation, |_, state| match expected {
        Some(step) if step != state.step => Err(AnswerError::NotCurrentStep(step)),
        _ => Ok(engine::back(state)),
    })
    .await;
    match result {
        Ok(Outcome::Saved(previous)) => Ok(Json(StepResponse {
            step: step_of(&app, &previous)?,
        })),
        Ok(Outcome::Stale) => Err(not_current(w)),
        Err(e) => Err(change_error(e, w)),
    }
}

/// Send the conversation: it becomes a case.
///
/// Only at a `submit` step. The case is on disk before this answers. Sending again with the
/// same token returns the same case with 200, never a second one; `secret` is included for 30
/// minutes after the first send.
#[utoipa::path(
    post,
    path = "/api/v1/conversations/{id}/submit",
    tag = "conversations",
    params(("id" = String, Path, description = "The id from the start response")),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Sent: the case's receipt", body = Receipt),
        (status = 200, description = "Already sent: the same receipt", body = Receipt),
        (status = 401, description = "No bearer token, or a malformed one", body = ErrorBody,
            headers(("www-authenticate" = String))),
        (status = 404, description = "`conversation_not_found`", body = ErrorBody),
        (status = 409, description = "`not_ready`: the current step is not a submit step", body = ErrorBody),
        (status = 429, description = "Too many requests from this address", body = ErrorBody,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
        (status = 500, description = "Something went wrong on our side", body = ErrorBody),
    )
)]
pub async fn submit_conversation(
    _: Limited,
    State(app): State<AppState>,
    Path(id): Path<String>,
    Bearer(token): Bearer,
) -> Result<Response, ApiError> {
    check_id(&id, &token)?;
    // A repeat, or a simultaneous send that won the race, returns the same case with 200.
    let sent = intake::submit(&app.intake, &token).await?;
    let status = if sent.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(receipt(sent))).into_response())
}

#[cfg(test)]
mod tests;
