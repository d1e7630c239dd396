//! Two-factor sign-in. After a right password, an account with an authenticator app gives a
//! code from it (or one of its recovery codes); a manager or admin without one, where the
//! council requires it (`HYS_REQUIRE_2FA`), sets it up first. Anyone signed in may set it up
//! on `/staff/two-factor`. Codes count against the same limits as passwords: per address, and
//! per account (five wrong and the account locks for a while). A code is taken once.

use axum::extract::{Query, State};

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::account_pages::{CodePage, TwoFactorPage};
use super::login::{LOCK_AFTER, LOCK_MS, PER_ADDRESS, WINDOW_MS, safe_next};
use super::session::{SigningIn, StaffSession, Waiting, session_cookie};
use crate::domain::ConversationToken;
use crate::domain::two_factor::{CodeRefused, RECOVERY_CODES, RecoveryCode};
use crate::error::WebError;
use crate::store::now_ms;
use crate::web::AppState;
use crate::web::client::ClientIp;
use crate::web::form::FormFields;
use crate::web::pages::{html, words};

#[derive(Debug, Default, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

fn unix_seconds() -> u64 {
    u64::try_from(now_ms() / 1000).unwrap_or_default()
}

/// The sign-in is complete: a fresh session id (the half-signed-in one is dropped), the sign-in
/// recorded, the failure count cleared.
async fn finish_sign_in(
    app: &AppState,
    session: &StaffSession,
    mut response: Response,
) -> Result<Response, WebError> {
    app.store.delete_session(session.key()).await?;
    let token = ConversationToken::generate();
    let csrf = ConversationToken::generate();
    app.store
        .create_session(&token.key(), session.member.id, csrf.expose(), None)
        .await?;
    app.store.reset_login_failures(session.member.id).await?;
    app.store.record_sign_in(session.member.id).await?;
    tracing::info!(staff = session.member.id, "signed in with a second factor");
    let (name, value) = session_cookie(&app.config, token.expose(), false);
    response.headers_mut().append(name, value);
    Ok(response)
}

/// Too many tries from this address: refuse before looking at the code.
async fn throttled(app: &AppState, ip: std::net::IpAddr) -> Result<bool, WebError> {
    let ip_key = format!("ip:{ip}");
    if app
        .store
        .count_attempts(&ip_key, now_ms() - WINDOW_MS)
        .await?
        >= PER_ADDRESS
    {
        tracing::warn!("second-factor attempts throttled for an address");
        return Ok(true);
    }
    app.store.record_attempt(&ip_key).await?;
    Ok(false)
}

fn code_page(
    app: &AppState,
    session: &StaffSession,
    next: &str,
    error: Option<&str>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let locale = app.words.fallback();
    let t = words(app, &locale);
    let mut response = html(&CodePage {
        t,
        has_error: error.is_some(),
        me: String::new(),
        csrf: session.csrf.clone(),
        next: next.to_owned(),
        error: error.map(|id| t.get(id)),
    })?;
    *response.status_mut() = status;
    Ok(response)
}

pub async fn show_code_form(
    State(app): State<AppState>,
    SigningIn(session): SigningIn,
    Query(query): Query<NextQuery>,
) -> Result<Response, WebError> {
    let next = safe_next(query.next.as_deref());
    match session.waiting {
        Some(Waiting::Code) => code_page(&app, &session, &next, None, StatusCode::OK),
        Some(other) => Ok(Redirect::to(other.page()).into_response()),
        None => Ok(Redirect::to(&next).into_response()),
    }
}

pub async fn submit_code(
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    SigningIn(session): SigningIn,
    fields: FormFields,
) -> Result<Response, WebError> {
    session.check_csrf(&fields)?;
    let next = safe_next(fields.get("next"));
    if session.waiting != Some(Waiting::Code) {
        return Ok(Redirect::to(&next).into_response());
    }
    if throttled(&app, ip).await? {
        let status = StatusCode::TOO_MANY_REQUESTS;
        return code_page(&app, &session, &next, Some("staff-code-throttled"), status);
    }
    let id = session.member.id;
    let locked = app
        .store
        .staff_for_login(&session.member.email)
        .await?
        .and_then(|r| r.locked_until)
        .is_some_and(|until| until > now_ms());
    if locked {
        // Start again from the password once the lock lifts.
        app.store.delete_session(session.key()).await?;
        let status = StatusCode::UNAUTHORIZED;
        return code_page(&app, &session, &next, Some("staff-code-locked"), status);
    }
    let typed = fields.get("code").unwrap_or_default();
    let two_factor = app.store.two_factor(id).await?;
    let outcome = match (&two_factor.secret, RecoveryCode::parse(typed)) {
        (_, Some(recovery)) => {
            if app.store.take_recovery_code(id, &recovery.hash()).await? {
                Ok(())
            } else {
                Err(CodeRefused::Wrong)
            }
        }
        (Some(secret), None) => match secret.verify(typed, unix_seconds(), two_factor.last_step) {
            // The store takes the step only if no request took it first.
            Ok(step) if app.store.take_code_step(id, step).await? => Ok(()),
            Ok(_) => Err(CodeRefused::Replayed),
            Err(e) => Err(e),
        },
        (None, None) => Err(CodeRefused::Wrong),
    };
    match outcome {
        Ok(()) => finish_sign_in(&app, &session, Redirect::to(&next).into_response()).await,
        Err(refused) => {
            app.store
                .record_login_failure(id, LOCK_AFTER, LOCK_MS)
                .await?;
            tracing::info!(staff = id, ?refused, "second factor refused");
            let message = match refused {
                CodeRefused::Wrong => "staff-code-wrong",
                CodeRefused::Replayed => "staff-code-replayed",
            };
            code_page(
                &app,
                &session,
                &next,
                Some(message),
                StatusCode::UNAUTHORIZED,
            )
        }
    }
}

struct Enrolment<'s> {
    session: &'s StaffSession,
    next: String,
    error: Option<&'static str>,
    codes: Vec<String>,
}

async fn enrolment_page(
    app: &AppState,
    e: Enrolment<'_>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let locale = app.words.fallback();
    let t = words(app, &locale);
    let member = &e.session.member;
    let two_factor = app.store.two_factor(member.id).await?;
    let enabled = two_factor.secret.is_some();
    let (secret, otpauth) = if enabled {
        (String::new(), String::new())
    } else {
        let secret = app.store.pending_secret(member.id).await?;
        let issuer = t.get("staff-service-name");
        (secret.grouped(), secret.otpauth_uri(&issuer, &member.email))
    };
    let required = e.session.waiting.is_some();
    let mut response = html(&TwoFactorPage {
        has_error: e.error.is_some(),
        error: e.error.map(|id| t.get(id)),
        t,
        me: if required {
            String::new()
        } else {
            member.name.clone()
        },
        csrf: e.session.csrf.clone(),
        enabled,
        secret,
        otpauth,
        codes_left: if enabled {
            let left = app.store.recovery_codes_left(member.id).await?;
            t.get_with(
                "staff-2fa-codes-left",
                &[("count", fluent::FluentValue::from(left))],
            )
        } else {
            String::new()
        },
        codes: e.codes,
        next: e.next,
        required,
    })?;
    *response.status_mut() = status;
    Ok(response)
}

pub async fn show_enrolment(
    State(app): State<AppState>,
    SigningIn(session): SigningIn,
    Query(query): Query<NextQuery>,
) -> Result<Response, WebError> {
    if session.waiting == Some(Waiting::Code) {
        return Ok(Redirect::to(Waiting::Code.page()).into_response());
    }
    let e = Enrolment {
        session: &session,
        next: safe_next(query.next.as_deref()),
        error: None,
        codes: Vec::new(),
    };
    enrolment_page(&app, e, StatusCode::OK).await
}

pub async fn confirm_enrolment(
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    SigningIn(session): SigningIn,
    fields: FormFields,
) -> Result<Response, WebError> {
    session.check_csrf(&fields)?;
    let next = safe_next(fields.get("next"));
    if session.waiting == Some(Waiting::Code) {
        return Ok(Redirect::to(Waiting::Code.page()).into_response());
    }
    let mut e = Enrolment {
        session: &session,
        next,
        error: None,
        codes: Vec::new(),
    };
    if throttled(&app, ip).await? {
        e.error = Some("staff-code-throttled");
        return enrolment_page(&app, e, StatusCode::TOO_MANY_REQUESTS).await;
    }
    let id = session.member.id;
    let two_factor = app.store.two_factor(id).await?;
    let Some(pending) = two_factor.pending.filter(|_| two_factor.secret.is_none()) else {
        // Already on, or nothing was shown to confirm: the page says where things stand.
        return enrolment_page(&app, e, StatusCode::OK).await;
    };
    let typed = fields.get("code").unwrap_or_default();
    let Ok(step) = pending.verify(typed, unix_seconds(), None) else {
        e.error = Some("staff-code-wrong");
        return enrolment_page(&app, e, StatusCode::BAD_REQUEST).await;
    };
    let codes: Vec<RecoveryCode> = (0..RECOVERY_CODES)
        .map(|_| RecoveryCode::generate())
        .collect();
    let hashes: Vec<String> = codes.iter().map(RecoveryCode::hash).collect();
    app.store
        .confirm_two_factor(id, &pending, step, &hashes)
        .await?;
    tracing::info!(staff = id, "two-factor sign-in set up");
    e.codes = codes.iter().map(RecoveryCode::shown).collect();
    let page = enrolment_page(&app, e, StatusCode::OK).await?;
    if session.waiting.is_some() {
        finish_sign_in(&app, &session, page).await
    } else {
        Ok(page)
    }
}
