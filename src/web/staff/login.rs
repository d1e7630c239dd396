//! Signing in and out. Attempts are throttled per address and per account; an account locks for
//! a while after repeated wrong passwords. Every failure gets the same message, so the page
//! never tells whether an email has an account.

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::session::{
    StaffSession, Waiting, constant_time_eq, cookie_name, encode, session_cookie,
};
use super::templates::LoginPage;
use crate::domain::password::{dummy_hash, verify_password};
use crate::domain::{ConversationToken, StaffRole};
use crate::error::WebError;
use crate::store::now_ms;
use crate::web::AppState;
use crate::web::client::ClientIp;
use crate::web::cookie;
use crate::web::form::FormFields;
use crate::web::pages::{html, words};

/// Wrong passwords before an account locks, and for how long.
pub const LOCK_AFTER: i64 = 5;
pub const LOCK_MS: i64 = 15 * 60 * 1000;
/// Sign-in attempts allowed from one address in the window.
pub const PER_ADDRESS: i64 = 30;
pub const WINDOW_MS: i64 = 15 * 60 * 1000;
/// The double-submit cookie that protects the sign-in form itself.
const FORM_COOKIE: &str = "hys-login";

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// Only a path inside the staff area, never another site (`//evil`, `/\evil`).
pub fn safe_next(next: Option<&str>) -> String {
    next.filter(|n| {
        n.starts_with("/staff/")
            && !n.starts_with("//")
            && !n.contains('\\')
            && n.len() < 200
            && n.chars().all(|c| c.is_ascii_graphic())
    })
    .unwrap_or("/staff")
    .to_owned()
}

pub async fn show_login(
    State(app): State<AppState>,
    Query(query): Query<NextQuery>,
    session: Option<StaffSession>,
) -> Result<Response, WebError> {
    let next = safe_next(query.next.as_deref());
    if session.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    render(&app, &next, None, axum::http::StatusCode::OK)
}

fn render(
    app: &AppState,
    next: &str,
    error: Option<&str>,
    status: axum::http::StatusCode,
) -> Result<Response, WebError> {
    let locale = app.words.fallback();
    let t = words(app, &locale);
    let form_token = ConversationToken::generate();
    let mut response = html(&LoginPage {
        t,
        has_error: error.is_some(),
        error: error.map(|id| t.get(id)),
        next: next.to_owned(),
        form_token: form_token.expose().to_owned(),
        me: String::new(),
        csrf: String::new(),
    })?;
    *response.status_mut() = status;
    let (name, value) = cookie::set(&app.config, FORM_COOKIE, form_token.expose(), false);
    response.headers_mut().append(name, value);
    Ok(response)
}

pub async fn login(
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, WebError> {
    let sent = fields.get("form_token").unwrap_or_default();
    let expected = cookie::read(&app.config, &headers, FORM_COOKIE).unwrap_or_default();
    if expected.is_empty() || !constant_time_eq(sent.as_bytes(), expected.as_bytes()) {
        return Err(WebError::Forbidden);
    }
    let next = safe_next(fields.get("next"));
    let email = fields
        .get("email")
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    let password = fields.get("password").unwrap_or_default().to_owned();
    let refuse = |id| render(&app, &next, Some(id), axum::http::StatusCode::UNAUTHORIZED);

    let ip_key = format!("ip:{ip}");
    let now = now_ms();
    if app.store.count_attempts(&ip_key, now - WINDOW_MS).await? >= PER_ADDRESS {
        tracing::warn!("sign-in throttled for an address");
        let mut response = refuse("staff-login-throttled")?;
        *response.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
        return Ok(response);
    }
    app.store.record_attempt(&ip_key).await?;

    let record = if email.len() <= 254 {
        app.store.staff_for_login(&email).await?
    } else {
        None
    };
    let hash = record
        .as_ref()
        .map(|r| r.password_hash.clone())
        .unwrap_or_else(|| dummy_hash().to_owned());
    let matches = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let Some(record) = record else {
        return refuse("staff-login-wrong");
    };
    if record.locked_until.is_some_and(|until| until > now) {
        tracing::warn!(staff = record.member.id, "sign-in refused: account locked");
        return refuse("staff-login-locked");
    }
    if !matches || record.member.disabled {
        app.store
            .record_login_failure(record.member.id, LOCK_AFTER, LOCK_MS)
            .await?;
        tracing::info!(staff = record.member.id, "sign-in failed");
        return refuse("staff-login-wrong");
    }
    // With a second factor to come, wrong passwords so far stay counted until it is given, so
    // the right password cannot be used to reset the count of wrong codes.
    let member = &record.member;
    let waiting = if app.store.two_factor(member.id).await?.secret.is_some() {
        Some(Waiting::Code)
    } else if app.config.require_two_factor
        && matches!(member.role, StaffRole::Manager | StaffRole::Admin)
    {
        Some(Waiting::Enrol)
    } else {
        None
    };
    if waiting.is_none() {
        app.store.reset_login_failures(member.id).await?;
        app.store.record_sign_in(member.id).await?;
    }
    // Signing in again on a browser that still holds a session ends that session first, so an
    // old id never outlives the sign-in that replaced it.
    if let Some(old) = cookie::read(&app.config, &headers, cookie_name(&app.config))
        .and_then(ConversationToken::parse)
    {
        app.store.delete_session(&old.key()).await?;
    }
    // A fresh session id at every sign-in, so an id planted before sign-in is worthless.
    let token = ConversationToken::generate();
    let csrf = ConversationToken::generate();
    app.store
        .create_session(
            &token.key(),
            record.member.id,
            csrf.expose(),
            waiting.map(Waiting::as_str),
        )
        .await?;
    tracing::info!(staff = record.member.id, ?waiting, "password accepted");
    let to = match waiting {
        None => next,
        Some(step) => format!("{}?next={}", step.page(), encode(&next)),
    };
    let mut response = Redirect::to(&to).into_response();
    let (name, value) = session_cookie(&app.config, token.expose(), false);
    response.headers_mut().append(name, value);
    let (name, value) = cookie::set(&app.config, FORM_COOKIE, "", true);
    response.headers_mut().append(name, value);
    Ok(response)
}

pub async fn logout(
    State(app): State<AppState>,
    session: StaffSession,
    fields: FormFields,
) -> Result<Response, WebError> {
    session.check_csrf(&fields)?;
    app.store.delete_session(session.key()).await?;
    let mut response = Redirect::to("/staff/login").into_response();
    let (name, value) = session_cookie(&app.config, "", true);
    response.headers_mut().append(name, value);
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_staff_paths_are_followed_after_sign_in() {
        let cases = [
            (
                Some("/staff/cases/HYS-7K4P-Q2MX"),
                "/staff/cases/HYS-7K4P-Q2MX",
            ),
            (Some("https://evil.example/staff/"), "/staff"),
            (Some("//evil.example/staff/"), "/staff"),
            (Some("/staff/\\evil"), "/staff"),
            (Some("/chat"), "/staff"),
            (None, "/staff"),
        ];
        for (next, want) in cases {
            assert_eq!(safe_next(next), want, "{next:?}");
        }
    }
}
