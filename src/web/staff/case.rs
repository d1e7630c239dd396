//! One case: what the child said (as the conversation they saw), the details, the timeline, and
//! the actions that move it through the statutory procedure. Each action is one transaction
//! with its timeline event; a person without the right role gets the same 404 as a wrong
//! reference, so references cannot be probed. A case held as a possible bot shows why, and
//! only "release" and "mark as spam" (and notes) until one of them is chosen.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::json;

use super::session::StaffSession;
use super::templates::{CasePage, EventView, rag_of};
use crate::app::AppState;
use crate::domain::{
    CaseStatus, Category, ContactMethod, EmailKind, Outcome, Procedure, Reference,
};
use crate::error::WebError;
use crate::flow::{CaseDraft, State as FlowState, engine};
use crate::store::cases::{CaseRecord, format_date};
use crate::store::casework::{Field, NewEvent, Value};
use crate::store::outbox::NewEmail;
use crate::timescale::{self, Deadline};
use crate::web::form::FormFields;
use crate::web::pages::{html, words};
use crate::web::view::{Words, transcript};

async fn find(
    app: &AppState,
    session: &StaffSession,
    reference: &str,
) -> Result<CaseRecord, WebError> {
    if !session.member.role.sees_cases() {
        return Err(WebError::NotFound);
    }
    let reference = Reference::parse(reference).map_err(|_| WebError::NotFound)?;
    app.store
        .case_for_staff(&session.member, &reference)
        .await?
        .ok_or(WebError::NotFound)
}

pub async fn show_case(
    State(app): State<AppState>,
    session: StaffSession,
    Path(reference): Path<String>,
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
    let events = app.store.case_events(case.id).await?;
    let staff = app.store.list_staff().await?;
    let staff_locale = app.words.fallback();
    let t = words(&app, &staff_locale);
    let today = timescale::today_in_england(time::OffsetDateTime::now_utc());
    let date = |d: Option<time::Date>| {
        d.map(|d| app.words.short_date(&staff_locale, d))
            .unwrap_or_default()
    };
    let when = |ms: i64| {
        time::OffsetDateTime::from_unix_timestamp(ms / 1000)
            .map(|t| {
                let local = t.to_offset(timescale::london_offset(t));
                format!(
                    "{} {:02}:{:02}",
                    app.words.short_date(&staff_locale, local.date()),
                    local.hour(),
                    local.minute()
                )
            })
            .unwrap_or_default()
    };
    let events = events
        .iter()
        .rev()
        .map(|e| EventView {
            what: t.get(&format!("event-{}", e.kind)),
            who: e.actor_name.clone().unwrap_or_else(|| {
                t.get(&format!(
                    "actor-{}",
                    e.actor.split(':').next().unwrap_or("system")
                ))
            }),
            when: when(e.created_at),
            text: e.detail.as_ref().and_then(|d| {
                d.get("text")
                    .and_then(|v| v.as_str())
                    .map(str::to_owned)
                    .or_else(|| d.get("label").and_then(|v| v.as_str()).map(|l| t.get(l)))
            }),
        })
        .collect();
    let conversation = child_transcript(&app, &case);
    let held = case.held == 1;
    let spam = case.spam == 1;
    // No reply date is shown while held or spam: nobody is working to it.
    let due = case.current_due_on().filter(|_| !held && !spam);
    let mut suspicions = Vec::new();
    if case.suspect_honeypot == 1 {
        suspicions.push(t.get("staff-held-reason-honeypot"));
    }
    if case.suspect_fast == 1 {
        let seconds = case.completion_ms.unwrap_or_default() / 1000;
        suspicions.push(t.get_with(
            "staff-held-reason-fast",
            &[("seconds", fluent::FluentValue::from(seconds))],
        ));
    }
    let page = CasePage {
        t,
        has_error: false,
        csrf: session.csrf.clone(),
        me: session.member.name.clone(),
        can_work: session.member.role.works_cases(),
        reference: case.reference.clone(),
        kind: t.get(&format!("label-kind-{}", case.kind)),
        urgent: case.urgent == 1,
        status: case.status.clone(),
        status_label: t.get(&format!("status-{}", case.status)),
        stage: case.stage,
        stage_label: t.get(&format!("stage-{}", case.stage)),
        procedure: case.procedure.clone(),
        procedure_label: t.get(&format!("procedure-{}", case.procedure)),
        due: date(due),
        extended: case.extended_due_on.is_some(),
        acknowledge_by: date(
            case.acknowledge_by
                .as_deref()
                .and_then(|d| crate::store::cases::parse_date(d).ok()),
        ),
        acknowledged: case.acknowledged_at.is_some(),
        rag: rag_of(&app.calendar, today, due, &case.status),
        rag_label: t.get(&format!(
            "rag-{}",
            rag_of(&app.calendar, today, due, &case.status)
        )),
        received: when(case.received_at),
        submitted_by: crate::notify::email::sent_by(|g, v| t.get(&format!("label-{g}-{v}")), &case),
        submitter_name: case.submitter_name.clone().unwrap_or_default(),
        consent: case
            .child_consent
            .as_deref()
            .map(|c| t.get(&format!("label-consent-{c}")))
            .unwrap_or_default(),
        has_advocate: case
            .child_has_advocate
            .as_deref()
            .map(|c| t.get(&format!("label-has-advocate-{c}")))
            .unwrap_or_default(),
        category: case.category.clone().unwrap_or_default(),
        category_label: case
            .category
            .as_deref()
            .map(|c| t.get(&format!("label-category-{c}")))
            .unwrap_or_default(),
        advocate: t.get(&format!("label-advocate-{}", case.advocate_wanted)),
        contact: t.get(&format!("label-contact-{}", case.contact_method)),
        contact_value: case.contact_value.clone().unwrap_or_default(),
        first_name: case.first_name.clone().unwrap_or_default(),
        age: case.age.map(|a| a.to_string()).unwrap_or_default(),
        team: case.team.clone().unwrap_or_default(),
        assignee_id: case.assignee_id.unwrap_or_default(),
        outcome: case
            .outcome
            .as_deref()
            .map(|o| t.get(&format!("outcome-{o}")))
            .unwrap_or_default(),
        resolution: case.resolution.clone().unwrap_or_default(),
        conversation,
        events,
        staff: staff
            .into_iter()
            .filter(|s| s.role.works_cases() && !s.disabled)
            .map(|s| (s.id, s.name))
            .collect(),
        categories: Category::ALL
            .iter()
            .map(|c| (c.as_str(), t.get(&format!("label-category-{}", c.as_str()))))
            .collect(),
        outcomes: Outcome::ALL
            .iter()
            .map(|o| (o.as_str(), t.get(&format!("outcome-{}", o.as_str()))))
            .collect(),
        held,
        spam,
        suspicions,
    };
    html(&page)
}

/// The conversation as the child saw it, in the child's language.
fn child_transcript(app: &AppState, case: &CaseRecord) -> Vec<crate::web::view::Bubble> {
    let Some(flow) = case.flow_id.as_deref().and_then(|id| app.flows.get(id)) else {
        return Vec::new();
    };
    let Ok(answers) = serde_json::from_str(&case.answers) else {
        return Vec::new();
    };
    let end = flow
        .steps
        .iter()
        .find(|s| s.input.kind() == crate::flow::InputKind::Submit)
        .map(|s| s.id.clone())
        .unwrap_or_default();
    let history = engine::trail(flow, &answers, &end);
    let locale = app
        .words
        .resolve(&case.locale)
        .unwrap_or_else(|| app.words.fallback());
    let w = Words {
        words: &app.words,
        locale: &locale,
        config: &app.config,
    };
    let state = FlowState {
        step: end,
        answers,
        history,
        returning: false,
        seen: Vec::new(),
        concern: false,
        show_safety: false,
        suspect: false,
    };
    transcript(flow, &state, w)
}

fn text_field(fields: &FormFields, name: &str, max: usize) -> Result<String, WebError> {
    let text = fields.get(name).unwrap_or_default().trim().to_owned();
    if text.is_empty() {
        return Err(WebError::BadRequest("staff-error-empty"));
    }
    if text.chars().count() > max {
        return Err(WebError::BadRequest("staff-error-too-long"));
    }
    Ok(text)
}

fn date_value(d: time::Date) -> Value {
    Value::Text(Some(format_date(d)))
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

pub async fn act_on_case(
    State(app): State<AppState>,
    session: StaffSession,
    Path((reference, action)): Path<(String, String)>,
    fields: FormFields,
) -> Result<Response, WebError> {
    session.check_csrf(&fields)?;
    let case = find(&app, &session, &reference).await?;
    let back = Redirect::to(&format!("/staff/cases/{}", case.reference)).into_response();
    // Advocates may add information; everything else needs an officer or manager.
    if action != "note" && !session.member.role.works_cases() {
        return Err(WebError::NotFound);
    }
    match action.as_str() {
        "release" => return release(&app, &session, &case).await.map(|()| back),
        "spam" => return mark_spam(&app, &session, &case).await.map(|()| back),
        "note" => {}
        _ if case.held == 1 || case.spam == 1 => {
            return Err(WebError::BadRequest("staff-error-held"));
        }
        _ => {}
    }
    let calendar = &app.calendar;
    let now = time::OffsetDateTime::now_utc();
    let today = calendar.start_date(now);
    let status = CaseStatus::parse(&case.status).unwrap_or(CaseStatus::New);
    let closed = status == CaseStatus::Closed;
    if closed && !matches!(action.as_str(), "reopen" | "note") {
        return Err(WebError::BadRequest("staff-error-closed"));
    }
    let mut emails = Vec::new();
    let (changes, ev): (Vec<(Field, Value)>, NewEvent) = match action.as_str() {
        "acknowledge" => {
            if case.acknowledged_at.is_some() {
                return Ok(back);
            }
            let mut changes = vec![(
                Field::AcknowledgedAt,
                Value::Int(Some(crate::store::now_ms())),
            )];
            if status == CaseStatus::New {
                changes.push((
                    Field::Status,
                    Value::Text(Some(CaseStatus::Open.as_str().into())),
                ));
            }
            (changes, event("acknowledged", &session, None))
        }
        "assign" => {
            let id: i64 = fields
                .get("assignee")
                .and_then(|v| v.parse().ok())
                .ok_or(WebError::BadRequest("staff-error-choose"))?;
            let member = app
                .store
                .staff_by_id(id)
                .await?
                .filter(|m| m.role.works_cases() && !m.disabled)
                .ok_or(WebError::BadRequest("staff-error-choose"))?;
            (
                vec![(Field::AssigneeId, Value::Int(Some(member.id)))],
                event("assigned", &session, Some(json!({ "text": member.name }))),
            )
        }
        "details" => {
            let team = fields.get("team").unwrap_or_default().trim().to_owned();
            if team.chars().count() > 100 {
                return Err(WebError::BadRequest("staff-error-too-long"));
            }
            let category = fields
                .get("category")
                .and_then(Category::parse)
                .ok_or(WebError::BadRequest("staff-error-choose"))?;
            let label = format!("label-category-{}", category.as_str());
            (
                vec![
                    (
                        Field::Team,
                        Value::Text(Some(team).filter(|t| !t.is_empty())),
                    ),
                    (Field::Category, Value::Text(Some(category.as_str().into()))),
                ],
                event("details_set", &session, Some(json!({ "label": label }))),
            )
        }
        "reply" => {
            let text = text_field(&fields, "text", 5000)?;
            if case.contact_method == ContactMethod::Email.as_str()
                && let Some(address) = case.contact_value.clone()
            {
                emails.push(NewEmail {
                    kind: EmailKind::ReplyToChild,
                    recipient: address,
                });
            }
            (
                Vec::new(),
                event("message_to_child", &session, Some(json!({ "text": text }))),
            )
        }
        "note" => {
            let text = text_field(&fields, "text", 5000)?;
            (
                Vec::new(),
                event("note", &session, Some(json!({ "text": text }))),
            )
        }
        "stage" => {
            let stage: i64 = fields
                .get("stage")
                .and_then(|v| v.parse().ok())
                .filter(|s| (1..=3).contains(s))
                .ok_or(WebError::BadRequest("staff-error-choose"))?;
            if case.procedure == Procedure::Corporate.as_str() && stage != 1 {
                return Err(WebError::BadRequest("staff-error-corporate-stage"));
            }
            let deadline = match stage {
                1 => Deadline::StageOne,
                2 => Deadline::StageTwo,
                _ => Deadline::StageThreePanel,
            };
            (
                vec![
                    (Field::Stage, Value::Int(Some(stage))),
                    (Field::StageStartedOn, date_value(today)),
                    (Field::DueOn, date_value(calendar.due(deadline, today))),
                    (Field::ExtendedDueOn, Value::Text(None)),
                    (
                        Field::Status,
                        Value::Text(Some(CaseStatus::Open.as_str().into())),
                    ),
                    (Field::Outcome, Value::Text(None)),
                ],
                event(
                    "stage_changed",
                    &session,
                    Some(json!({ "label": format!("stage-{stage}") })),
                ),
            )
        }
        "extend" => {
            let reason = text_field(&fields, "reason", 2000)?;
            let deadline = match case.stage {
                1 => Deadline::StageOneExtended,
                2 => Deadline::StageTwoExtended,
                _ => return Err(WebError::BadRequest("staff-error-no-extension")),
            };
            let started = case.stage_started().unwrap_or(today);
            (
                vec![(
                    Field::ExtendedDueOn,
                    date_value(calendar.due(deadline, started)),
                )],
                event("extended", &session, Some(json!({ "text": reason }))),
            )
        }
        "pause" => {
            if fields.get("agreed") != Some("yes") {
                return Err(WebError::BadRequest("staff-error-adr-agreement"));
            }
            if status == CaseStatus::Paused {
                return Ok(back);
            }
            (
                vec![
                    (
                        Field::Status,
                        Value::Text(Some(CaseStatus::Paused.as_str().into())),
                    ),
                    (Field::PausedSince, Value::Int(Some(crate::store::now_ms()))),
                ],
                event("paused", &session, None),
            )
        }
        "resume" => {
            let Some(since) = case.paused_since.filter(|_| status == CaseStatus::Paused) else {
                return Ok(back);
            };
            // The clock stops during alternative dispute resolution: move the dates on by the
            // working days it took.
            let paused_on = time::OffsetDateTime::from_unix_timestamp(since / 1000)
                .map(|t| calendar.start_date(t))
                .unwrap_or(today);
            let days = u32::try_from(calendar.working_days_between(paused_on, today)).unwrap_or(0);
            let shift = |d: Option<&str>| {
                d.and_then(|d| crate::store::cases::parse_date(d).ok())
                    .map(|d| format_date(calendar.add_working_days(d, days)))
            };
            (
                vec![
                    (
                        Field::Status,
                        Value::Text(Some(CaseStatus::Open.as_str().into())),
                    ),
                    (Field::PausedSince, Value::Int(None)),
                    (Field::DueOn, Value::Text(shift(case.due_on.as_deref()))),
                    (
                        Field::ExtendedDueOn,
                        Value::Text(shift(case.extended_due_on.as_deref())),
                    ),
                ],
                event("resumed", &session, None),
            )
        }
        "outcome" => {
            let outcome = fields
                .get("outcome")
                .and_then(Outcome::parse)
                .ok_or(WebError::BadRequest("staff-error-choose"))?;
            let resolution = fields
                .get("resolution")
                .unwrap_or_default()
                .trim()
                .to_owned();
            if resolution.chars().count() > 5000 {
                return Err(WebError::BadRequest("staff-error-too-long"));
            }
            (
                vec![
                    (Field::Outcome, Value::Text(Some(outcome.as_str().into()))),
                    (
                        Field::Resolution,
                        Value::Text(Some(resolution).filter(|r| !r.is_empty())),
                    ),
                ],
                event(
                    "outcome",
                    &session,
                    Some(json!({ "label": format!("outcome-{}", outcome.as_str()) })),
                ),
            )
        }
        "close" => {
            if case.outcome.is_none() {
                return Err(WebError::BadRequest("staff-error-outcome-first"));
            }
            (
                vec![
                    (
                        Field::Status,
                        Value::Text(Some(CaseStatus::Closed.as_str().into())),
                    ),
                    (Field::ClosedAt, Value::Int(Some(crate::store::now_ms()))),
                ],
                event("closed", &session, None),
            )
        }
        "reopen" => {
            if !closed {
                return Ok(back);
            }
            (
                vec![
                    (
                        Field::Status,
                        Value::Text(Some(CaseStatus::Open.as_str().into())),
                    ),
                    (Field::ClosedAt, Value::Int(None)),
                ],
                event("reopened", &session, None),
            )
        }
        "procedure" => {
            let procedure = fields
                .get("procedure")
                .and_then(Procedure::parse)
                .ok_or(WebError::BadRequest("staff-error-choose"))?;
            let started = case.stage_started().unwrap_or(today);
            (
                vec![
                    (
                        Field::Procedure,
                        Value::Text(Some(procedure.as_str().into())),
                    ),
                    (Field::Stage, Value::Int(Some(1))),
                    (
                        Field::DueOn,
                        date_value(calendar.due(Deadline::StageOne, started)),
                    ),
                    (Field::ExtendedDueOn, Value::Text(None)),
                ],
                event(
                    "procedure_changed",
                    &session,
                    Some(json!({ "label": format!("procedure-{}", procedure.as_str()) })),
                ),
            )
        }
        _ => return Err(WebError::NotFound),
    };
    let domain = crate::notify::message_domain(&app.config.mail.from);
    app.store
        .change_case(case.id, &changes, &ev, &emails, domain)
        .await?;
    if !emails.is_empty() {
        app.mailer.wake.notify_one();
    }
    tracing::info!(staff = session.member.id, case = case.id, action = %action, "case changed");
    Ok(back)
}

/// A real person sent it: queue exactly the emails the send would have queued (worked out again
/// from the stored answers, with today's routing), as one transaction with the event. A second
/// click finds nothing held and queues nothing.
async fn release(
    app: &AppState,
    session: &StaffSession,
    case: &CaseRecord,
) -> Result<(), WebError> {
    if case.held == 0 && case.spam == 0 {
        return Ok(());
    }
    let answers: crate::flow::Answers = serde_json::from_str(&case.answers)
        .map_err(|e| WebError::Internal(format!("case {} answers: {e}", case.id)))?;
    let mut draft = CaseDraft::try_from(&answers)
        .map_err(|e| WebError::Internal(format!("case {}: {e}", case.id)))?;
    // Words added since on the tracking page may have made it urgent.
    draft.urgent |= case.urgent == 1;
    let emails = crate::notify::emails_for(&draft, &app.config.routing);
    let domain = crate::notify::message_domain(&app.config.mail.from);
    let released = app
        .store
        .release_case(case.id, &event("released", session, None), &emails, domain)
        .await?;
    if released {
        app.mailer.wake.notify_one();
        tracing::info!(
            staff = session.member.id,
            case = case.id,
            "held case released"
        );
    }
    Ok(())
}

/// Not a person: closed, counted nowhere, kept under the normal retention.
async fn mark_spam(
    app: &AppState,
    session: &StaffSession,
    case: &CaseRecord,
) -> Result<(), WebError> {
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
