//! One case: what the child said (as the conversation they saw), the details, the timeline, and
//! the actions that move it through the statutory procedure. Each action is one transaction
//! with its timeline event; a person without the right role gets the same 404 as a wrong
//! reference, so references cannot be probed. A case held as a possible bot shows why, and
//! only "release" and "mark as spam" (and notes) until one of them is chosen.

mod form;
mod page;
mod timeline;
pub mod transcript;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

pub use form::FormError;
use form::{effective_date, parse_action};
use page::render_case;

use super::session::StaffSession;
use crate::casework::{self, ActionKind, CaseworkError, Change};
use crate::domain::{Case, ContactMethod, EmailKind, Reference, StaffRole};
use crate::error::WebError;
use crate::flow::CaseDraft;
use crate::store::StoreError;
use crate::store::casework::{NewEvent, RecordedChange};
use crate::store::outbox::NewEmail;
use crate::timescale;
use crate::web::AppState;
use crate::web::form::FormFields;
use crate::web::pages::words;

async fn find(app: &AppState, session: &StaffSession, reference: &str) -> Result<Case, WebError> {
    if !session.member.role.sees_cases() {
        return Err(WebError::NotFound);
    }
    let reference = Reference::parse(reference).map_err(|_| WebError::NotFound)?;
    app.store
        .case_for_staff(&session.member, &reference)
        .await?
        .ok_or(WebError::NotFound)
}

/// `?letter=closing` fills the reply box from that template ("Start from this").
#[derive(Debug, Default, serde::Deserialize)]
pub struct CaseQuery {
    letter: Option<String>,
}

pub async fn show_case(
    State(app): State<AppState>,
    session: StaffSession,
    Path(reference): Path<String>,
    axum::extract::Query(query): axum::extract::Query<CaseQuery>,
) -> Result<Response, WebError> {
    let case = find(&app, &session, &reference).await?;
    app.store
        .change_case(
            case.id,
            &[],
            &NewEvent {
                kind: "viewed",
                actor: session.actor(),
                detail: None,
            },
            &[],
            "",
        )
        .await?;
    let start = query
        .letter
        .as_deref()
        .and_then(crate::letters::Letter::parse);
    render_case(&app, &session, &case, None, start).await
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

pub async fn act_on_case(
    State(app): State<AppState>,
    session: StaffSession,
    headers: HeaderMap,
    Path((reference, action)): Path<(String, String)>,
    fields: FormFields,
) -> Result<Response, WebError> {
    session.check_csrf(&fields)?;
    let case = find(&app, &session, &reference).await?;
    let back = Redirect::to(&format!("/staff/cases/{}", case.reference)).into_response();
    let works = session.member.role.works_cases();
    match action.as_str() {
        "release" if works => return release(&app, &session, &case).await.map(|()| back),
        "spam" if works => return mark_spam(&app, &session, &case).await.map(|()| back),
        _ => {}
    }
    let Some(kind) = ActionKind::parse(&action) else {
        return Err(WebError::NotFound);
    };
    // Advocates may add information; everything else needs an officer or manager.
    if kind != ActionKind::Note && !works {
        return Err(WebError::NotFound);
    }
    let json = wants_json(&headers);
    let refuse = |error: FormError| async {
        if json {
            let body = serde_json::json!({
                "error": error.code,
                "field": error.field,
                "message": words(&app, &app.words.fallback()).get(error.message),
            });
            Ok((error.status, axum::Json(body)).into_response())
        } else {
            render_case(&app, &session, &case, Some(error), None).await
        }
    };
    if kind != ActionKind::Note && (case.screening.held || case.screening.spam) {
        return refuse(FormError::rule(kind, &CaseworkError::NotOffered, &fields)).await;
    }
    // The form carries the revision it was drawn from; a form from before someone else's
    // change would undo it.
    // A note or a reply changes no state, so two people writing at once never refuse each
    // other.
    let revision = fields.get("revision").and_then(|r| r.parse::<i64>().ok());
    let changes_state = !matches!(kind, ActionKind::Note | ActionKind::Reply);
    if changes_state && revision != Some(case.revision) {
        return refuse(FormError::stale(kind, &fields)).await;
    }
    let advocate = session.member.role == StaffRole::Advocate;
    let parsed = match parse_action(&app, kind, &fields, advocate).await? {
        Ok(parsed) => parsed,
        Err((field, message)) => {
            return refuse(FormError::field(kind, field, message, &fields)).await;
        }
    };
    let today = timescale::today_in_england(time::OffsetDateTime::now_utc());
    let Some(effective) = effective_date(&fields, today) else {
        return refuse(FormError::field(
            kind,
            "effective_on",
            "staff-error-date",
            &fields,
        ))
        .await;
    };
    let before = app.store.lifecycle(&case).await?;
    let rules = &app.config.procedures;
    let (after, event) =
        match casework::apply(&parsed, &before, effective, today, &app.calendar, rules) {
            Err(e) => return refuse(FormError::rule(kind, &e, &fields)).await,
            Ok(Change::Nothing) => return Ok(back),
            Ok(Change::Changed { after, event }) => (after, event),
        };
    let mut emails = Vec::new();
    if kind == ActionKind::Reply
        && case.contact_method == ContactMethod::Email
        && let Some(address) = case.contact_value.clone()
    {
        emails.push(NewEmail {
            kind: EmailKind::ReplyToChild,
            recipient: address,
        });
    }
    // Acknowledging may also send them an acknowledgement, by the route they chose.
    let mut print_letter = false;
    if kind == ActionKind::Acknowledge {
        match super::letters::acknowledgement(&case, &fields) {
            super::letters::Acknowledgement::Email(email) => emails.push(email),
            super::letters::Acknowledgement::Print => print_letter = true,
            super::letters::Acknowledgement::None => {}
        }
    }
    let change = RecordedChange {
        case_id: case.id,
        revision: case.revision,
        before: &before,
        after: &after,
        event: &event,
        actor: session.actor(),
        effective_on: kind.is_dated().then_some(effective),
        emails: &emails,
    };
    let domain = crate::notify::message_domain(&app.config.mail.from);
    match app.store.record_change(&change, domain).await {
        Err(StoreError::Stale) => return refuse(FormError::stale(kind, &fields)).await,
        other => other?,
    }
    if !emails.is_empty() {
        app.outbox.queued();
    }
    tracing::info!(
        staff = session.member.id,
        case = case.id,
        action = kind.as_str(),
        "case changed"
    );
    if json {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    if print_letter {
        let letter = crate::letters::Letter::Acknowledgement;
        return Ok(Redirect::to(&format!(
            "/staff/cases/{}/letters/{}",
            case.reference,
            letter.as_str()
        ))
        .into_response());
    }
    Ok(back)
}

fn event(
    kind: &'static str,
    session: &StaffSession,
    detail: Option<serde_json::Value>,
) -> NewEvent {
    NewEvent {
        kind,
        actor: session.actor(),
        detail,
    }
}

/// A real person sent it: queue exactly the emails the send would have queued (worked out again
/// from the stored answers, with today's routing), as one transaction with the event. A second
/// click finds nothing held and queues nothing.
async fn release(app: &AppState, session: &StaffSession, case: &Case) -> Result<(), WebError> {
    if !case.screening.held && !case.screening.spam {
        return Ok(());
    }
    let mut draft = CaseDraft::try_from(&case.answers)
        .map_err(|e| WebError::Internal(format!("case {}: {e}", case.id)))?;
    // Words added since on the tracking page may have made it urgent.
    draft.urgent |= case.urgent;
    let emails = crate::notify::emails_for(&draft, &app.config.routing);
    let domain = crate::notify::message_domain(&app.config.mail.from);
    let released = app
        .store
        .release_case(case.id, &event("released", session, None), &emails, domain)
        .await?;
    if released {
        app.outbox.queued();
        tracing::info!(
            staff = session.member.id,
            case = case.id,
            "held case released"
        );
    }
    Ok(())
}

/// Not a person: closed, counted nowhere, kept under the normal retention.
async fn mark_spam(app: &AppState, session: &StaffSession, case: &Case) -> Result<(), WebError> {
    if app
        .store
        .mark_spam(case.id, &event("marked_spam", session, None))
        .await?
    {
        tracing::info!(
            staff = session.member.id,
            case = case.id,
            "held case marked as spam"
        );
    }
    Ok(())
}
