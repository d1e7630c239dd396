//! Every API error is JSON with a stable `code`: one enum, one status mapping, no internals.
//! Messages a child could see through another front end (a refused answer, a question that has
//! moved on, tracking details that do not match) come from Fluent in the conversation's (or the
//! request's) language; the rest are for developers.

use axum::Json;
use axum::extract::Request;
use axum::http::header::{ALLOW, CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::intake::IntakeError;

/// The stable machine-readable part of every error; clients branch on this, never on `message`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    BadRequest,
    Unauthorized,
    NotFound,
    UnknownFlow,
    ConversationNotFound,
    MethodNotAllowed,
    NotCurrentStep,
    NotAnswerable,
    NotReady,
    AlreadySubmitted,
    PayloadTooLarge,
    UnsupportedMediaType,
    InvalidAnswer,
    UnknownLocale,
    NoMatch,
    RateLimited,
    TooManyTries,
    Internal,
}

/// One refused field, with a message in the conversation's language.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldMessage {
    /// Always `value` today: the answer that was refused.
    pub field: String,
    pub message: String,
}

/// The body of every error response under `/api/`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
    /// For `invalid_answer`: what to fix, in the conversation's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldMessage>>,
    /// For `unknown_locale`: the language tags that can be chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locales: Option<Vec<String>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("missing or malformed bearer token")]
    Unauthorized,
    #[error("no such route")]
    NotFound,
    #[error("no such flow")]
    UnknownFlow,
    #[error("no such conversation")]
    ConversationNotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The message is the Fluent `error-not-current-step` in the conversation's language.
    #[error("not the current step")]
    NotCurrentStep(String),
    #[error("this step takes no answer")]
    NotAnswerable,
    #[error("not at a submit step")]
    NotReady,
    #[error("already submitted")]
    AlreadySubmitted,
    #[error("body too large")]
    TooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// The message is the engine's Fluent field error in the conversation's language.
    #[error("invalid answer")]
    InvalidAnswer(String),
    #[error("unknown locale")]
    UnknownLocale(Vec<String>),
    /// Tracking: the reference and secret words do not match (or there is no such case).
    #[error("no match")]
    NoMatch(String),
    #[error("rate limited")]
    RateLimited { retry_after_secs: u64 },
    /// Tracking: too many tries from this address or for this reference within the hour.
    #[error("too many tracking tries")]
    TooManyTries(String),
    /// Logged once here; the client only learns that something went wrong.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::NotFound | ApiError::UnknownFlow | ApiError::ConversationNotFound => {
                StatusCode::NOT_FOUND
            }
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::NotCurrentStep(_)
            | ApiError::NotAnswerable
            | ApiError::NotReady
            | ApiError::AlreadySubmitted => StatusCode::CONFLICT,
            ApiError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::InvalidAnswer(_) | ApiError::UnknownLocale(_) | ApiError::NoMatch(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::RateLimited { .. } | ApiError::TooManyTries(_) => {
                StatusCode::TOO_MANY_REQUESTS
            }
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::BadRequest(_) => ErrorCode::BadRequest,
            ApiError::Unauthorized => ErrorCode::Unauthorized,
            ApiError::NotFound => ErrorCode::NotFound,
            ApiError::UnknownFlow => ErrorCode::UnknownFlow,
            ApiError::ConversationNotFound => ErrorCode::ConversationNotFound,
            ApiError::MethodNotAllowed => ErrorCode::MethodNotAllowed,
            ApiError::NotCurrentStep(_) => ErrorCode::NotCurrentStep,
            ApiError::NotAnswerable => ErrorCode::NotAnswerable,
            ApiError::NotReady => ErrorCode::NotReady,
            ApiError::AlreadySubmitted => ErrorCode::AlreadySubmitted,
            ApiError::TooLarge => ErrorCode::PayloadTooLarge,
            ApiError::UnsupportedMediaType => ErrorCode::UnsupportedMediaType,
            ApiError::InvalidAnswer(_) => ErrorCode::InvalidAnswer,
            ApiError::UnknownLocale(_) => ErrorCode::UnknownLocale,
            ApiError::NoMatch(_) => ErrorCode::NoMatch,
            ApiError::RateLimited { .. } => ErrorCode::RateLimited,
            ApiError::TooManyTries(_) => ErrorCode::TooManyTries,
            ApiError::Internal(_) => ErrorCode::Internal,
        }
    }

    fn message(&self) -> String {
        match self {
            ApiError::BadRequest(why) => format!("The request could not be read: {why}"),
            ApiError::Unauthorized => {
                "Send the conversation's token as `Authorization: Bearer <token>`.".into()
            }
            ApiError::NotFound => "There is no such API route.".into(),
            ApiError::UnknownFlow => "There is no flow with that id.".into(),
            ApiError::ConversationNotFound => {
                "There is no such conversation for this token: it may have expired.".into()
            }
            ApiError::MethodNotAllowed => "This route does not take that method.".into(),
            ApiError::NotCurrentStep(message)
            | ApiError::InvalidAnswer(message)
            | ApiError::NoMatch(message)
            | ApiError::TooManyTries(message) => message.clone(),
            ApiError::NotAnswerable => {
                "This step takes no answer: submit the conversation or go back.".into()
            }
            ApiError::NotReady => "The conversation is not at a step that can be sent.".into(),
            ApiError::AlreadySubmitted => {
                "This conversation was sent; submit again to see its receipt.".into()
            }
            ApiError::TooLarge => "The body is larger than 64 KiB.".into(),
            ApiError::UnsupportedMediaType => "Send the body as application/json.".into(),
            ApiError::UnknownLocale(_) => "That language is not available.".into(),
            ApiError::RateLimited { .. } => "Too many requests; try again later.".into(),
            ApiError::Internal(_) => "Something went wrong on our side.".into(),
        }
    }

    fn body(&self) -> ErrorBody {
        ErrorBody {
            code: self.code(),
            message: self.message(),
            errors: match self {
                ApiError::InvalidAnswer(message) => Some(vec![FieldMessage {
                    field: "value".into(),
                    message: message.clone(),
                }]),
                _ => None,
            },
            locales: match self {
                ApiError::UnknownLocale(tags) => Some(tags.clone()),
                _ => None,
            },
        }
    }

    /// The error a bare status from elsewhere (axum's 405, a layer's 413) stands for.
    fn from_status(status: StatusCode) -> Self {
        match status {
            StatusCode::UNAUTHORIZED => ApiError::Unauthorized,
            StatusCode::NOT_FOUND => ApiError::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::TooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType,
            s if s.is_server_error() => ApiError::Internal(format!("status {s}")),
            _ => ApiError::BadRequest(status.canonical_reason().unwrap_or("error").into()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(detail) = &self {
            // Internal details never carry a child's words: queries bind them, and the engine's
            // errors name steps, not answers.
            tracing::error!(error = %detail, "api request failed");
        }
        let mut response = (self.status(), Json(self.body())).into_response();
        let headers = response.headers_mut();
        match &self {
            ApiError::Unauthorized => {
                headers.insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            ApiError::RateLimited { retry_after_secs } => {
                headers.insert(RETRY_AFTER, HeaderValue::from(*retry_after_secs));
            }
            // Tracking tries are counted over an hour.
            ApiError::TooManyTries(_) => {
                headers.insert(RETRY_AFTER, HeaderValue::from_static("3600"));
            }
            _ => {}
        }
        response
    }
}

impl From<IntakeError> for ApiError {
    fn from(e: IntakeError) -> Self {
        match e {
            IntakeError::NoConversation => ApiError::ConversationNotFound,
            IntakeError::NoFlow => ApiError::UnknownFlow,
            IntakeError::NotReady => ApiError::NotReady,
            other => ApiError::Internal(other.to_string()),
        }
    }
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// Turn any error response that is not already JSON (axum's own 405, anything a layer answers
/// with a bare status) into the same JSON shape, keeping the headers that explain it.
pub async fn json_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || is_json(response.headers()) {
        return response;
    }
    let mut replaced = ApiError::from_status(status).into_response();
    *replaced.status_mut() = status;
    for name in [ALLOW, RETRY_AFTER, WWW_AUTHENTICATE] {
        if let Some(value) = response.headers().get(&name) {
            replaced.headers_mut().insert(name, value.clone());
        }
    }
    replaced
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_status_and_a_code_that_match() {
        let cases = [
            (ApiError::BadRequest("x".into()), 400, "bad_request"),
            (ApiError::Unauthorized, 401, "unauthorized"),
            (ApiError::NotFound, 404, "not_found"),
            (
                ApiError::ConversationNotFound,
                404,
                "conversation_not_found",
            ),
            (ApiError::MethodNotAllowed, 405, "method_not_allowed"),
            (ApiError::NotReady, 409, "not_ready"),
            (ApiError::TooLarge, 413, "payload_too_large"),
            (
                ApiError::UnsupportedMediaType,
                415,
                "unsupported_media_type",
            ),
            (ApiError::InvalidAnswer("m".into()), 422, "invalid_answer"),
            (ApiError::NoMatch("m".into()), 422, "no_match"),
            (ApiError::TooManyTries("m".into()), 429, "too_many_tries"),
            (
                ApiError::RateLimited {
                    retry_after_secs: 3,
                },
                429,
                "rate_limited",
            ),
            (ApiError::Internal("db".into()), 500, "internal"),
        ];
        for (error, status, code) in cases {
            assert_eq!(error.status().as_u16(), status, "{error}");
            let body = serde_json::to_value(error.body()).unwrap();
            assert_eq!(body["code"], code);
        }
    }

    #[test]
    fn internal_details_are_not_sent_to_the_client() {
        let body = ApiError::Internal("connection refused at 10.0.0.5".into()).body();
        assert!(!body.message.contains("10.0.0.5"));
    }

    #[test]
    fn a_refused_answer_names_the_field_in_the_given_words() {
        let body = serde_json::to_value(ApiError::InvalidAnswer("Bitte".into()).body()).unwrap();
        assert_eq!(body["errors"][0]["field"], "value");
        assert_eq!(body["errors"][0]["message"], "Bitte");
    }
}
