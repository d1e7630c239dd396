//! Every cookie we set or read: session-only (no expiry, so each dies with the browser),
//! HttpOnly, and over https `Secure` with the `__Host-` prefix, so no sibling subdomain or path
//! can plant one (a planted tracking or sign-in cookie would otherwise be believed). Cookies
//! are `SameSite=Strict` except the staff session ([`session_cookie`]).
//!
//! The child's conversation cookie holds only the random conversation token.

use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderName, HeaderValue};

use crate::config::Config;
use crate::domain::ConversationToken;

/// The conversation cookie's name before the `__Host-` prefix.
const CONVERSATION: &str = "hys";

fn host_only(config: &Config, name: &str) -> String {
    if config.is_https() && !name.starts_with("__Host-") {
        format!("__Host-{name}")
    } else {
        name.to_owned()
    }
}

/// The value of the cookie called `name` (before the `__Host-` prefix), if sent.
pub fn read<'h>(config: &Config, headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    let name = host_only(config, name);
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name.as_str())
        .map(|(_, v)| v)
}

/// A `SameSite=Strict` cookie; `remove` expires it at once.
pub fn set(config: &Config, name: &str, value: &str, remove: bool) -> (HeaderName, HeaderValue) {
    set_with(config, name, value, remove, "Strict")
}

/// The staff session cookie: `SameSite=Lax`, so a link from an email opens the case signed in.
pub fn session_cookie(
    config: &Config,
    name: &str,
    value: &str,
    remove: bool,
) -> (HeaderName, HeaderValue) {
    set_with(config, name, value, remove, "Lax")
}

fn set_with(
    config: &Config,
    name: &str,
    value: &str,
    remove: bool,
    same_site: &str,
) -> (HeaderName, HeaderValue) {
    let name = host_only(config, name);
    let secure = if config.is_https() { "; Secure" } else { "" };
    let expire = if remove { "; Max-Age=0" } else { "" };
    let text = format!("{name}={value}; Path=/; HttpOnly; SameSite={same_site}{secure}{expire}");
    (
        SET_COOKIE,
        HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static("")),
    )
}

/// The conversation token from the request's cookie, if there is a well-formed one.
pub fn token(config: &Config, headers: &HeaderMap) -> Option<ConversationToken> {
    read(config, headers, CONVERSATION).and_then(ConversationToken::parse)
}

pub fn set_token(config: &Config, token: &ConversationToken) -> (HeaderName, HeaderValue) {
    set(config, CONVERSATION, token.expose(), false)
}

pub fn clear_token(config: &Config) -> (HeaderName, HeaderValue) {
    set(config, CONVERSATION, "", true)
}
