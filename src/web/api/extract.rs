//! What every API handler reads from a request: the JSON body (with JSON errors for bad JSON,
//! the wrong content type and oversized bodies), the bearer token, and the per-IP rate limit.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, OptionalFromRequest, Request};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

use super::error::ApiError;
use super::limit::RateLimiter;
use crate::domain::ConversationToken;
use crate::web::AppState;
use crate::web::client::ClientIp;

/// A JSON body; unlike axum's `Json`, every rejection is an [`ApiError`].
pub struct ApiJson<T>(pub T);

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .is_some_and(|m| {
            m == "application/json" || (m.starts_with("application/") && m.ends_with("+json"))
        })
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType,
            JsonRejection::BytesRejection(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                ApiError::TooLarge
            }
            // serde's explanation (which field, which line) helps the developer who sent it;
            // it goes back only to them and is never logged.
            other => ApiError::BadRequest(other.body_text()),
        }
    }
}

async fn read_body<S: Send + Sync>(request: Request, state: &S) -> Result<Bytes, ApiError> {
    Bytes::from_request(request, state)
        .await
        .map_err(|rejection| match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::TooLarge,
            _ => ApiError::BadRequest(rejection.body_text()),
        })
}

/// Public only so the decoder property tests and fuzz targets feed bodies to the very function
/// the handlers use.
#[doc(hidden)]
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    // JSON is UTF-8 (RFC 8259), but serde_json skips unknown fields without checking them; and
    // serde reads a struct from an array too, field by field, where the document promises
    // objects. Both found by the fuzz targets in tests/fuzz.
    let text = std::str::from_utf8(bytes)
        .map_err(|_| ApiError::BadRequest("the body is not UTF-8".into()))?;
    if text.trim_start().starts_with('[') {
        return Err(ApiError::BadRequest(
            "the body must be a JSON object".into(),
        ));
    }
    Json::<T>::from_bytes(bytes)
        .map(|Json(value)| value)
        .map_err(ApiError::from)
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        if !is_json(request.headers()) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = read_body(request, state).await?;
        parse(&bytes).map(ApiJson)
    }
}

/// An optional body: none at all (or `null`) is fine; anything else sent must be JSON.
impl<T: DeserializeOwned, S: Send + Sync> OptionalFromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Option<Self>, ApiError> {
        let json = is_json(request.headers());
        let bytes = read_body(request, state).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        if !json {
            return Err(ApiError::UnsupportedMediaType);
        }
        // `null` is no body too: some clients send it for "nothing".
        parse::<Option<T>>(&bytes).map(|value| value.map(ApiJson))
    }
}

/// The conversation token from `Authorization: Bearer <token>`. A cookie is never read here:
/// the API's tokens travel only in this header, so a page on another site cannot drive a
/// conversation through a visitor's browser.
pub struct Bearer(pub ConversationToken);

impl<S: Send + Sync> FromRequestParts<S> for Bearer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .and_then(|(_, token)| ConversationToken::parse(token.trim()))
            .map(Bearer)
            .ok_or(ApiError::Unauthorized)
    }
}

/// How long a conversation id is: enough to tell conversations apart, and it grants nothing.
pub const ID_LEN: usize = 16;

/// The public id of a conversation: the start of its store key (a hash of the token).
pub fn conversation_id(token: &ConversationToken) -> String {
    let mut key = token.key();
    key.truncate(ID_LEN);
    key
}

/// The path's id must belong to the bearer's token; anything else looks like no conversation,
/// so a token cannot be used to learn whether some other id exists.
pub fn check_id(id: &str, token: &ConversationToken) -> Result<(), ApiError> {
    if id.len() == ID_LEN && conversation_id(token) == id {
        Ok(())
    } else {
        Err(ApiError::ConversationNotFound)
    }
}

/// Passing the per-IP rate limit. Put it first in every handler so that even refused requests
/// (a guessed token, a bad body) spend the caller's budget.
pub struct Limited;

impl FromRequestParts<AppState> for Limited {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, ApiError> {
        let limiter = parts.extensions.get::<Arc<RateLimiter>>();
        // Without a limiter or a peer address (a router driven without a socket) there is
        // nothing to count against.
        let (Some(limiter), Some(ClientIp(ip))) = (limiter, ClientIp::of(parts, &app.config))
        else {
            return Ok(Limited);
        };
        limiter
            .check(ip)
            .map(|()| Limited)
            .map_err(|wait| ApiError::RateLimited {
                retry_after_secs: wait.as_secs().max(1),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_content_types_are_recognised() {
        for (value, json) in [
            ("application/json", true),
            ("application/json; charset=utf-8", true),
            ("Application/JSON", true),
            ("application/problem+json", true),
            ("text/plain", false),
            ("application/x-www-form-urlencoded", false),
            ("application/jsonx", false),
        ] {
            let mut headers = HeaderMap::new();
            headers.insert(CONTENT_TYPE, value.parse().unwrap());
            assert_eq!(is_json(&headers), json, "{value}");
        }
        assert!(!is_json(&HeaderMap::new()));
    }

    #[test]
    fn an_id_belongs_only_to_its_own_token() {
        let token = ConversationToken::generate();
        let id = conversation_id(&token);
        assert_eq!(id.len(), ID_LEN);
        assert!(check_id(&id, &token).is_ok());
        assert!(check_id(&id, &ConversationToken::generate()).is_err());
        assert!(
            check_id(&token.key(), &token).is_err(),
            "the whole key is not the id"
        );
        assert!(check_id("", &token).is_err());
    }
}
