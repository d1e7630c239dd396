//! Checking on a sent case with its reference and secret words, as `/track` does on the pages:
//! the same throttles (per address and per reference, in the database, shared by every
//! instance), the same one answer for every wrong pair, the same words in the case's language.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use fluent::FluentValue;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::extract::{ApiJson, Limited};
use crate::domain::CaseStatus as CaseState;
use crate::tracking::{self, TrackError};
use crate::web::AppState;
use crate::web::client::ClientIp;
use crate::web::pages::{browser_locale, words};

/// The same limits the page's form applies; longer input cannot be a real pair.
const MAX_REFERENCE: usize = 64;
const MAX_SECRET: usize = 200;

#[derive(Debug, Deserialize, ToSchema)]
pub struct TrackRequest {
    /// As given when the case was sent; case, spaces and dashes are forgiven.
    #[schema(example = "HYS-7K4P-Q2MX", max_length = 64)]
    pub reference: String,
    /// The four secret words, in order.
    #[schema(example = "cat ball cloud green 472", max_length = 200)]
    pub secret: String,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum MessageFrom {
    Child,
    Staff,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CaseMessage {
    pub from: MessageFrom,
    pub text: String,
}

/// Where a case is, every text in the case's language.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseStatus {
    #[schema(example = "HYS-7K4P-Q2MX")]
    pub reference: String,
    /// `new`, `open`, `paused` or `closed`.
    #[schema(example = "new")]
    pub status: String,
    /// The status in the child's words.
    pub status_text: String,
    /// While a reply is awaited: when it is due, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_by: Option<String>,
    /// The same, as a sentence ("We will reply by Tuesday 9 December.").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_by_text: Option<String>,
    /// Messages between the child and the council, oldest first.
    pub messages: Vec<CaseMessage>,
}

/// Check on a sent case.
///
/// A wrong reference, wrong words and a reference that does not exist all get the same 422
/// `no_match`. Tries are limited per address and per reference (a reference locks for an hour
/// after 10 wrong tries): then 429 `too_many_tries`.
#[utoipa::path(
    post,
    path = "/api/v1/track",
    tag = "tracking",
    request_body = TrackRequest,
    responses(
        (status = 200, description = "Where the case is", body = CaseStatus),
        (status = 400, description = "The body is not valid JSON of this shape", body = ErrorBody),
        (status = 413, description = "The body is over 64 KiB", body = ErrorBody),
        (status = 415, description = "The body is not JSON", body = ErrorBody),
        (status = 422, description = "`no_match`, with a message to show", body = ErrorBody),
        (status = 429, description = "`rate_limited` (this address, this instance) or `too_many_tries` (tracking attempts)", body = ErrorBody,
            headers(("retry-after" = u64, description = "Seconds to wait"))),
        (status = 500, description = "Something went wrong on our side", body = ErrorBody),
    )
)]
pub async fn track_case(
    _: Limited,
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    ApiJson(body): ApiJson<TrackRequest>,
) -> Result<Json<CaseStatus>, ApiError> {
    let asked_in = browser_locale(&app, &headers);
    let t = words(&app, &asked_in);
    if body.reference.chars().count() > MAX_REFERENCE || body.secret.chars().count() > MAX_SECRET {
        return Err(ApiError::NoMatch(t.get("track-no-match")));
    }
    let token = match tracking::sign_in(&app.tracking, ip, &body.reference, &body.secret).await {
        Ok(token) => token,
        Err(TrackError::NoMatch) => return Err(ApiError::NoMatch(t.get("track-no-match"))),
        Err(TrackError::Throttled) => {
            return Err(ApiError::TooManyTries(t.get("track-throttled")));
        }
        Err(e) => return Err(ApiError::Internal(e.to_string())),
    };
    let case = tracking::case_for(&app.tracking, &token)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .ok_or_else(|| ApiError::Internal("a tracking session just made was not found".into()))?;
    let events = app
        .store
        .case_events(case.id)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let replied = events
        .iter()
        .any(|e| matches!(e.event, crate::domain::CaseEvent::MessageToChild { .. }));
    let locale = app
        .words
        .resolve(&case.locale)
        .unwrap_or_else(|| app.words.fallback());
    let t = words(&app, &locale);
    let due = case
        .current_due_on()
        .filter(|_| matches!(case.status, CaseState::New | CaseState::Open));
    Ok(Json(CaseStatus {
        reference: case.reference.to_string(),
        status: case.status.to_string(),
        status_text: t.get(tracking::status_message(&case, replied)),
        reply_by: due.map(crate::store::cases::format_date),
        reply_by_text: due
            .map(|d| t.get_with("track-due", &[("date", FluentValue::from(t.date(d)))])),
        messages: tracking::messages(&events)
            .into_iter()
            .map(|(from_child, text)| CaseMessage {
                from: if from_child {
                    MessageFrom::Child
                } else {
                    MessageFrom::Staff
                },
                text,
            })
            .collect(),
    }))
}
