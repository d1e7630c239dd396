//! The child's conversation cookie: session-only (no expiry, so it dies with the browser),
//! HttpOnly, SameSite=Strict, holding only the random conversation token. Over https it is
//! `Secure` with the `__Host-` prefix so no other site or path can set it.

use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};

use crate::config::Config;
use crate::domain::ConversationToken;

fn name(config: &Config) -> &'static str {
    if config.is_https() {
        "__Host-hys"
    } else {
        "hys"
    }
}

/// The token from the request's cookie, if there is a well-formed one.
pub fn token(config: &Config, headers: &HeaderMap) -> Option<ConversationToken> {
    let wanted = name(config);
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == wanted)
        .and_then(|(_, v)| ConversationToken::parse(v))
}

pub fn set(config: &Config, token: &ConversationToken) -> (axum::http::HeaderName, HeaderValue) {
    let secure = if config.is_https() { "; Secure" } else { "" };
    let value = format!(
        "{}={}; Path=/; HttpOnly; SameSite=Strict{secure}",
        name(config),
        token.expose()
    );
    (
        SET_COOKIE,
        HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("")),
    )
}

pub fn clear(config: &Config) -> (axum::http::HeaderName, HeaderValue) {
    let secure = if config.is_https() { "; Secure" } else { "" };
    let value = format!(
        "{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}",
        name(config)
    );
    (
        SET_COOKIE,
        HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("")),
    )
}
