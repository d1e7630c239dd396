//! Coming back, as pages: `/track` (reference and secret words) to see where a case is, read
//! replies and add more, or to carry on an unsent conversation with the reference "finish
//! later" reserved for it; `/resume` for older finish-later codes and links. The tracking
//! session lives in its own session-only cookie; nothing the child typed goes in a URL.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use fluent::FluentValue;

use super::client::ClientIp;
use super::cookie;
use super::form::FormFields;
use super::pages::{browser_locale, html, words};
use super::templates::{
    ClosedView, LaterPage, ResumePage, SentView, TrackCasePage, TrackPage, tel,
};
use super::view;
use crate::config::Config;
use crate::domain::{Case, CaseStatus, ContactMethod, ConversationToken};
use crate::error::WebError;
use crate::i18n::Words;
use crate::tracking::{self, CameBack, NextRight, TrackError};
use crate::web::AppState;

const TRACK_COOKIE: &str = "hys-track";

impl From<TrackError> for WebError {
    fn from(e: TrackError) -> Self {
        match e {
            TrackError::Store(e) => WebError::Store(e),
            other => WebError::Internal(other.to_string()),
        }
    }
}

pub fn track_token(config: &Config, headers: &HeaderMap) -> Option<ConversationToken> {
    cookie::read(config, headers, TRACK_COOKIE).and_then(ConversationToken::parse)
}

pub fn clear_track_cookie(app: &AppState) -> (axum::http::HeaderName, axum::http::HeaderValue) {
    cookie::set(&app.config, TRACK_COOKIE, "", true)
}

pub async fn show_track(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let locale = browser_locale(&app, &headers);
    render_track(&app, &locale, None, StatusCode::OK, "")
}

/// The sign-in page; after a wrong pair the reference stays typed (the secret words do not).
fn render_track(
    app: &AppState,
    locale: &crate::i18n::Locale,
    error: Option<&str>,
    status: StatusCode,
    reference: &str,
) -> Result<Response, WebError> {
    let t = words(app, locale);
    let mut response = html(&TrackPage {
        t,
        has_error: error.is_some(),
        error: error.map(|id| t.get(id)),
        reference: reference.to_owned(),
    })?;
    *response.status_mut() = status;
    Ok(response)
}

pub async fn sign_in(
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, WebError> {
    let locale = browser_locale(&app, &headers);
    let reference = fields.get("reference").unwrap_or_default();
    let secret = fields.get("secret").unwrap_or_default();
    if reference.len() > 64 || secret.len() > 200 {
        return render_track(
            &app,
            &locale,
            Some("track-no-match"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "",
        );
    }
    match tracking::come_back(&app.tracking, ip, reference, secret, true).await {
        Ok(CameBack::Case(token)) => {
            let mut response = Redirect::to("/track/case").into_response();
            let (name, value) = cookie::set(&app.config, TRACK_COOKIE, token.expose(), false);
            response.headers_mut().append(name, value);
            Ok(response)
        }
        // Not sent yet: the same pair carries on the conversation, as `/resume` does.
        Ok(CameBack::Conversation(token)) => {
            let mut response = Redirect::to("/chat").into_response();
            let (name, value) = cookie::set_token(&app.config, &token);
            response.headers_mut().append(name, value);
            Ok(response)
        }
        Err(TrackError::NoMatch) => render_track(
            &app,
            &locale,
            Some("track-no-match"),
            StatusCode::UNPROCESSABLE_ENTITY,
            reference,
        ),
        Err(TrackError::Throttled) => render_track(
            &app,
            &locale,
            Some("track-throttled"),
            StatusCode::TOO_MANY_REQUESTS,
            reference,
        ),
        Err(e) => Err(e.into()),
    }
}

pub async fn show_case(
    State(app): State<AppState>,
    headers: HeaderMap,
    uri: axum::http::Uri,
) -> Result<Response, WebError> {
    let Some(token) = track_token(&app.config, &headers) else {
        return Ok(Redirect::to("/track").into_response());
    };
    let Some(case) = tracking::case_for(&app.tracking, &token).await? else {
        return Ok(Redirect::to("/track").into_response());
    };
    render_case(&app, &case, None, uri.query() == Some("help=now")).await
}

/// The tracking page of one case, with a refused "add more" error when there is one: the
/// error page is the same page, so nothing on it (the messages, what was sent) goes missing.
async fn render_case(
    app: &AppState,
    case: &Case,
    error: Option<&str>,
    safety_panel: bool,
) -> Result<Response, WebError> {
    let events = app.store.case_events(case.id).await?;
    let replied = events
        .iter()
        .any(|e| matches!(e.event, crate::domain::CaseEvent::MessageToChild { .. }));
    let locale = app
        .words
        .resolve(&case.locale)
        .unwrap_or_else(|| app.words.fallback());
    let t = words(app, &locale);
    // With no contact wanted, the answer comes to this page and nowhere else: say so.
    let due_id = if case.contact_method == ContactMethod::NoContact {
        "track-due-here"
    } else {
        "track-due"
    };
    let due = match (case.current_due_on(), case.status) {
        (Some(date), CaseStatus::New | CaseStatus::Open) => {
            Some(t.get_with(due_id, &[("date", FluentValue::from(t.date(date)))]))
        }
        _ => None,
    };
    let mut response = html(&TrackCasePage {
        t,
        has_error: error.is_some(),
        reference: case.reference.to_string(),
        status: t.get(tracking::status_message(case, replied)),
        due,
        messages: tracking::messages(&events),
        error: error.map(|id| t.get(id)),
        safety_panel,
        help_tel: tel(&app.config.help_phone),
        out_of_hours_tel: tel(&app.config.out_of_hours_phone),
        sent: sent_view(app, case, t),
        closed: closed_view(app, case, t),
    })?;
    if error.is_some() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

fn sent_view(app: &AppState, case: &Case, t: Words<'_>) -> Option<SentView> {
    let flow = app.flows.get(case.flow_id.as_deref()?)?;
    let label = |key| view::answer_label(flow, &case.answers, key, t);
    let date = FluentValue::from(t.date(crate::timescale::today_in_england(case.received_at)));
    let facts = match (label("kind"), label("about")) {
        (Some(kind), Some(topic)) => t.get_with(
            "track-sent-facts",
            &[
                ("kind", FluentValue::from(kind)),
                ("topic", FluentValue::from(topic)),
                ("date", date),
            ],
        ),
        (Some(kind), None) => t.get_with(
            "track-sent-facts-no-topic",
            &[("kind", FluentValue::from(kind)), ("date", date)],
        ),
        _ => t.get_with("track-sent-date", &[("date", date)]),
    };
    // An adult's case holds the child's name, age and words: someone holding its reference and
    // words sees where it is, not those.
    let rows = if case.adult.is_some() {
        Vec::new()
    } else {
        view::sent_rows(flow, &case.answers, t)
    };
    Some(SentView { facts, rows })
}

fn closed_view(app: &AppState, case: &Case, t: Words<'_>) -> Option<ClosedView> {
    if case.status != CaseStatus::Closed || !case.is_complaint() {
        return None;
    }
    let outcome = case
        .outcome
        .map(|o| t.get(&format!("track-outcome-{}", o.as_str())));
    let next = tracking::next_right(case, &app.config.procedures, &app.calendar);
    Some(ClosedView {
        outcome,
        next: next.map(|right| match right {
            NextRight::NextStage { stage, by } => t.get_with(
                "track-next-stage",
                &[
                    ("stage", FluentValue::from(stage)),
                    ("date", FluentValue::from(t.date(by))),
                ],
            ),
            NextRight::FormalComplaint => t.get("track-next-formal"),
            NextRight::Ombudsman => t.get("track-next-ombudsman"),
        }),
        ombudsman: next == Some(NextRight::Ombudsman),
        advocate: t.get("track-next-advocate"),
    })
}

pub async fn add_information(
    State(app): State<AppState>,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, WebError> {
    let Some(token) = track_token(&app.config, &headers) else {
        return Err(WebError::NoConversation);
    };
    let Some(case) = tracking::case_for(&app.tracking, &token).await? else {
        return Err(WebError::NoConversation);
    };
    let text = fields.get("text").unwrap_or_default().trim().to_owned();
    if text.is_empty() || text.chars().count() > 5000 {
        let id = if text.is_empty() {
            "error-type-something"
        } else {
            "track-too-long"
        };
        return render_case(&app, &case, Some(id), false).await;
    }
    let worrying = tracking::add_information(&app.tracking, &case, &text).await?;
    // The flag, never the words, travels in the address; the page then shows calm help first.
    let next = if worrying {
        "/track/case?help=now"
    } else {
        "/track/case"
    };
    Ok(Redirect::to(next).into_response())
}

/// "Finish later": a code and secret words to come back to this conversation on any device.
pub async fn finish_later(
    State(app): State<AppState>,
    headers: HeaderMap,
    _fields: FormFields,
) -> Result<Response, WebError> {
    let token = cookie::token(&app.config, &headers).ok_or(WebError::NoConversation)?;
    let conversation = crate::intake::load(&app.intake, &token).await?;
    let (code, secret) =
        tracking::finish_later(&app.tracking, &token, &conversation.locale).await?;
    let locale = app
        .words
        .resolve(&conversation.locale)
        .unwrap_or_else(|| app.words.fallback());
    let t = words(&app, &locale);
    let until = time::OffsetDateTime::now_utc().date()
        + time::Duration::days(i64::from(app.config.conversation_days));
    html(&LaterPage {
        t,
        has_error: false,
        code: code.to_string(),
        secret: secret.expose().to_owned(),
        until: t.get_with("later-until", &[("date", FluentValue::from(t.date(until)))]),
    })
}

pub async fn show_resume(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let locale = browser_locale(&app, &headers);
    let t = words(&app, &locale);
    html(&ResumePage {
        t,
        has_error: false,
        error: None,
    })
}

pub async fn resume(
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, WebError> {
    let code = fields.get("code").unwrap_or_default();
    let secret = fields.get("secret").unwrap_or_default();
    let result = if code.len() > 64 || secret.len() > 200 {
        Err(TrackError::NoMatch)
    } else {
        tracking::resume(&app.tracking, ip, code, secret).await
    };
    match result {
        Ok(token) => {
            let mut response = Redirect::to("/chat").into_response();
            let (name, value) = cookie::set_token(&app.config, &token);
            response.headers_mut().append(name, value);
            Ok(response)
        }
        Err(e @ (TrackError::NoMatch | TrackError::Throttled)) => {
            let locale = browser_locale(&app, &headers);
            let t = words(&app, &locale);
            let (id, status) = match e {
                TrackError::Throttled => ("track-throttled", StatusCode::TOO_MANY_REQUESTS),
                _ => ("resume-no-match", StatusCode::UNPROCESSABLE_ENTITY),
            };
            let mut response = html(&ResumePage {
                t,
                has_error: true,
                error: Some(t.get(id)),
            })?;
            *response.status_mut() = status;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}
