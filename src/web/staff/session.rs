//! Staff sign-in sessions, kept in the database so any instance serves any request. The cookie
//! holds a random token (session-only, HttpOnly, SameSite=Lax, `Secure` and `__Host-` over
//! https); the database holds its SHA-256. Lax, not Strict, so "Open the case" in a webmail
//! opens the case for someone signed in; a post from another site still carries no cookie, and
//! every staff form carries the session's CSRF token and must come from our own origin (see
//! `web::origin`). Idle for 30 minutes or older than 12 hours, a session ends. A session whose
//! password was right but whose second factor is still to come (`waiting_for`) opens only the
//! code and enrolment pages, and only for 10 minutes.

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method};
use axum::response::{IntoResponse, Redirect, Response};

use crate::config::Config;
use crate::domain::{ConversationToken, StaffRole};
use crate::error::WebError;
use crate::store::now_ms;
use crate::store::staff::StaffMember;
use crate::web::AppState;
use crate::web::cookie;
use crate::web::form::FormFields;

pub const IDLE_MS: i64 = 30 * 60 * 1000;
pub const ABSOLUTE_MS: i64 = 12 * 60 * 60 * 1000;
/// How long a password stays good for while the second factor is awaited.
pub const WAITING_MS: i64 = 10 * 60 * 1000;
/// Writing `last_seen_at` on every request is wasted I/O; once a minute is precise enough.
const TOUCH_EVERY_MS: i64 = 60 * 1000;

pub fn cookie_name(config: &Config) -> &'static str {
    if config.is_https() {
        "__Host-hys-staff"
    } else {
        "hys-staff"
    }
}

/// The staff session cookie: `SameSite=Lax`, so a link from an email opens the case signed in.
pub fn session_cookie(
    config: &Config,
    value: &str,
    max_age_zero: bool,
) -> (axum::http::HeaderName, HeaderValue) {
    cookie::session_cookie(config, cookie_name(config), value, max_age_zero)
}

/// A signed-in staff member.
#[derive(Debug, Clone)]
pub struct StaffSession {
    pub member: StaffMember,
    pub csrf: String,
    key: String,
    /// What the sign-in still waits for; `None` once it is complete.
    pub waiting: Option<Waiting>,
}

/// The second step of a sign-in that is still to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// A code from the app (or a recovery code).
    Code,
    /// Two-factor sign-in is required and must be set up first.
    Enrol,
}

impl Waiting {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Enrol => "enrol",
        }
    }

    /// Where the browser goes to finish signing in.
    pub fn page(self) -> &'static str {
        match self {
            Self::Code => "/staff/login/code",
            Self::Enrol => "/staff/two-factor",
        }
    }
}

/// Any session, complete or still waiting for its second factor: the extractor of the pages
/// that finish a sign-in.
#[derive(Debug, Clone)]
pub struct SigningIn(pub StaffSession);

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

pub use crate::domain::password::constant_time_eq;

/// Admins manage accounts and see no case content: of the staff area they open only the
/// accounts pages and their own two-factor page (an allow-list, so a page added later is closed
/// to them until someone decides otherwise). The staff area's front page is their accounts page.
/// `None`: open; else where to send them instead (empty: nowhere, a 403).
fn admin_may_open(path: &str) -> Option<&'static str> {
    let open = path == "/staff/accounts"
        || path.starts_with("/staff/accounts/")
        || path == "/staff/two-factor"
        || path == "/staff/logout";
    if open {
        None
    } else if path == "/staff" || path == "/staff/" {
        Some("/staff/accounts")
    } else {
        Some("")
    }
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

pub(super) fn encode(path: &str) -> String {
    percent_encoding::utf8_percent_encode(path, percent_encoding::NON_ALPHANUMERIC).to_string()
}

async fn load(parts: &Parts, app: &AppState) -> Result<Option<StaffSession>, WebError> {
    let Some(token) = cookie::read(&app.config, &parts.headers, cookie_name(&app.config))
        .and_then(ConversationToken::parse)
    else {
        return Ok(None);
    };
    let key = token.key();
    let Some(record) = app.store.session(&key).await? else {
        return Ok(None);
    };
    let now = now_ms();
    let waiting = match record.waiting_for.as_deref() {
        None => None,
        Some("code") => Some(Waiting::Code),
        Some(_) => Some(Waiting::Enrol),
    };
    let expired = now - record.last_seen_at > IDLE_MS
        || now - record.created_at > ABSOLUTE_MS
        || (waiting.is_some() && now - record.created_at > WAITING_MS);
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
        waiting,
    }))
}

impl FromRequestParts<AppState> for StaffSession {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match load(parts, app).await {
            Ok(Some(session)) => match session.waiting {
                None if session.member.role == StaffRole::Admin => {
                    match admin_may_open(parts.uri.path()) {
                        None => Ok(session),
                        Some("") => Err(WebError::Forbidden.into_response()),
                        Some(home) => Err(Redirect::to(home).into_response()),
                    }
                }
                None => Ok(session),
                // Half signed in: only the page that finishes signing in.
                Some(waiting) => Err(Redirect::to(waiting.page()).into_response()),
            },
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
        load(parts, app)
            .await
            .map(|s| s.filter(|s| s.waiting.is_none()))
            .map_err(IntoResponse::into_response)
    }
}

impl FromRequestParts<AppState> for SigningIn {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match load(parts, app).await {
            Ok(Some(session)) => Ok(Self(session)),
            Ok(None) => Err(SignIn { next: None }.into_response()),
            Err(e) => Err(e.into_response()),
        }
    }
}
