//! Staff sign-in sessions, kept in the database so any instance serves any request. The cookie
//! holds a random token (session-only, HttpOnly, SameSite=Strict, `Secure` and `__Host-` over
//! https); the database holds its SHA-256. Idle for 30 minutes or older than 12 hours, a session
//! ends. Every staff form carries the session's CSRF token.

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method};
use axum::response::{IntoResponse, Redirect, Response};

use crate::app::AppState;
use crate::config::Config;
use crate::domain::ConversationToken;
use crate::error::WebError;
use crate::store::now_ms;
use crate::store::staff::StaffMember;
use crate::web::form::FormFields;

pub const IDLE_MS: i64 = 30 * 60 * 1000;
pub const ABSOLUTE_MS: i64 = 12 * 60 * 60 * 1000;
/// Writing `last_seen_at` on every request is wasted I/O; once a minute is precise enough.
const TOUCH_EVERY_MS: i64 = 60 * 1000;

pub fn cookie_name(config: &Config) -> &'static str {
    if config.is_https() {
        "__Host-hys-staff"
    } else {
        "hys-staff"
    }
}

/// Over https every cookie we set is `__Host-` prefixed, so no sibling subdomain or path can
/// plant one (a planted tracking or sign-in cookie would otherwise be believed).
fn host_only(config: &Config, name: &str) -> String {
    if config.is_https() && !name.starts_with("__Host-") {
        format!("__Host-{name}")
    } else {
        name.to_owned()
    }
}

pub fn read_cookie<'h>(config: &Config, headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
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

pub fn cookie(
    config: &Config,
    name: &str,
    value: &str,
    max_age_zero: bool,
) -> (axum::http::HeaderName, HeaderValue) {
    let name = host_only(config, name);
    let secure = if config.is_https() { "; Secure" } else { "" };
    let expire = if max_age_zero { "; Max-Age=0" } else { "" };
    let text = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict{secure}{expire}");
    (
        SET_COOKIE,
        HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static("")),
    )
}

/// A signed-in staff member.
#[derive(Debug, Clone)]
pub struct StaffSession {
    pub member: StaffMember,
    pub csrf: String,
    key: String,
}

impl StaffSession {
    /// Refuse a form that does not carry this session's token.
    pub fn check_csrf(&self, fields: &FormFields) -> Result<(), WebError> {
        let sent = fields.get("csrf").unwrap_or_default();
        if constant_time_eq(sent.as_bytes(), self.csrf.as_bytes()) {
            Ok(())
        } else {
            Err(WebError::Forbidden)
        }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    pub fn actor(&self) -> String {
        format!("staff:{}", self.member.id)
    }
}

pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Why there is no session: the browser is sent to sign in, and back here afterwards.
pub struct SignIn {
    next: Option<String>,
}

impl IntoResponse for SignIn {
    fn into_response(self) -> Response {
        match self.next {
            Some(next) => {
                Redirect::to(&format!("/staff/login?next={}", encode(&next))).into_response()
            }
            None => Redirect::to("/staff/login").into_response(),
        }
    }
}

fn encode(path: &str) -> String {
    percent_encoding::utf8_percent_encode(path, percent_encoding::NON_ALPHANUMERIC).to_string()
}

async fn load(parts: &Parts, app: &AppState) -> Result<Option<StaffSession>, WebError> {
    let Some(token) = read_cookie(&app.config, &parts.headers, cookie_name(&app.config))
        .and_then(ConversationToken::parse)
    else {
        return Ok(None);
    };
    let key = token.key();
    let Some(record) = app.store.session(&key).await? else {
        return Ok(None);
    };
    let now = now_ms();
    let expired = now - record.last_seen_at > IDLE_MS || now - record.created_at > ABSOLUTE_MS;
    if expired || record.member.disabled {
        app.store.delete_session(&key).await?;
        return Ok(None);
    }
    if now - record.last_seen_at > TOUCH_EVERY_MS {
        app.store.touch_session(&key).await?;
    }
    Ok(Some(StaffSession {
        member: record.member,
        csrf: record.csrf_token,
        key,
    }))
}

impl FromRequestParts<AppState> for StaffSession {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match load(parts, app).await {
            Ok(Some(session)) => Ok(session),
            Ok(None) => {
                // Only a page someone could have bookmarked or been emailed is worth returning to.
                let path = parts.uri.path();
                let next = (parts.method == Method::GET && path.starts_with("/staff/"))
                    .then(|| path.to_owned());
                Err(SignIn { next }.into_response())
            }
            Err(e) => Err(e.into_response()),
        }
    }
}

impl OptionalFromRequestParts<AppState> for StaffSession {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        load(parts, app).await.map_err(IntoResponse::into_response)
    }
}
