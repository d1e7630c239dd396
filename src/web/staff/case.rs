//! One case: what the child said (as the conversation they saw), the details, the timeline, and
//! the actions that move it through the statutory procedure. Each action is one transaction
//! with its timeline event; a person without the right role gets the same 404 as a wrong
//! reference, so references cannot be probed. A case held as a possible bot shows why, and
//! only "release" and "mark as spam" (and notes) until one of them is chosen.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use fluent::FluentValue;

use super::session::StaffSession;
use super::templates::{CasePage, EventView};
use crate::app::AppState;
use crate::casework::{self, Action, ActionKind, CaseworkError, Change};
use crate::domain::Case;
use crate::domain::facts::{format_pounds, parse_pounds};
use crate::domain::{
    CaseEvent, Category, ContactMethod, EmailKind, Ombudsman, OmbudsmanDecision, Outcome,
    Procedure, Reference, StageFacts,
};
use crate::error::WebError;
use crate::flow::{CaseDraft, State as FlowState, engine};
use crate::store::StoreError;
use crate::store::cases::format_date;
use crate::store::casework::{NewEvent, RecordedChange};
use crate::store::outbox::NewEmail;
use crate::timescale;
use crate::web::form::FormFields;
use crate::web::pages::{html, words};
use crate::web::view::{Words, transcript};

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

/// A staff form that could not be taken: which form, the message next to which field, and
/// what was typed, so the same page comes back with nothing lost.
pub struct FormError {
    pub action: &'static str,
    pub field: &'static str,
    pub message: &'static str,
    /// 409 when the case is not in a state for it (or changed meanwhile), 422 for a bad field.
    pub status: StatusCode,
    pub code: &'static str,
    pub kept: Vec<(String, String)>,
}

impl FormError {
    fn field(
        action: ActionKind,
        field: &'static str,
        message: &'static str,
        fields: &FormFields,
    ) -> Self {
        Self {
            action: action.as_str(),
            field,
            message,
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "invalid_field",
            kept: fields.pairs(),
        }
    }

    fn rule(action: ActionKind, e: &CaseworkError, fields: &FormFields) -> Self {
        let status = match e {
            CaseworkError::NotOffered
            | CaseworkError::PausedFirst
            | CaseworkError::OutcomeFirst => StatusCode::CONFLICT,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        Self {
            action: action.as_str(),
            field: e.field(),
            message: e.message_id(),
            status,
            code: e.code(),
            kept: fields.pairs(),
        }
    }

    fn stale(action: ActionKind, fields: &FormFields) -> Self {
        Self {
            action: action.as_str(),
            field: "action",
            message: "staff-error-stale",
            status: StatusCode::CONFLICT,
            code: "stale",
            kept: fields.pairs(),
        }
    }
}

async fn render_case(
    app: &AppState,
    session: &StaffSession,
    case: &Case,
    error: Option<FormError>,
    start: Option<crate::letters::Letter>,
) -> Result<Response, WebError> {
    let lifecycle = app.store.lifecycle(case).await?;
    let events = app.store.case_events(case.id).await?;
    let staff = app.store.list_staff().await?;
    let staff_locale = app.words.fallback();
    let t = words(app, &staff_locale);
    let today = timescale::today_in_england(time::OffsetDateTime::now_utc());
    let date = |d: Option<time::Date>| {
        d.map(|d| app.words.short_date(&staff_locale, d))
            .unwrap_or_default()
    };
    let when = |ms: i64| app.words.short_date_time(&staff_locale, ms);
    let lists = &app.config.procedures.lists;
    let events = events
        .iter()
        .rev()
        .map(|e| EventView {
            what: t.get(&format!("event-{}", e.kind)),
            who: e
                .actor_name
                .clone()
                .unwrap_or_else(|| t.get(&format!("actor-{}", e.actor.group()))),
            when: match e.effective_on {
                Some(day) => t.get_with(
                    "staff-effective-recorded",
                    &[
                        ("effective", FluentValue::from(date(Some(day)))),
                        ("recorded", FluentValue::from(when(e.created_at))),
                    ],
                ),
                None => when(e.created_at),
            },
            detail: event_detail(&t, &e.event, &case.method_of_receipt, lists),
            text: e.event.text().map(str::to_owned),
        })
        .collect();
    let conversation = child_transcript(app, case);
    let held = case.screening.held;
    let spam = case.screening.spam;
    // No reply date is shown while held or spam: nobody is working to it.
    let stage = lifecycle.stage;
    let due = stage.map(|s| s.current_due()).filter(|_| !held && !spam);
    let mut suspicions = Vec::new();
    if case.screening.honeypot {
        suspicions.push(t.get("staff-held-reason-honeypot"));
    }
    if case.screening.too_fast {
        let seconds = case.screening.completion_ms.unwrap_or_default() / 1000;
        suspicions.push(t.get_with(
            "staff-held-reason-fast",
            &[("seconds", FluentValue::from(seconds))],
        ));
    }
    let rules = &app.config.procedures;
    let can_work = session.member.role.works_cases();
    let offered: Vec<&'static str> = if held || spam {
        vec![ActionKind::Note.as_str()]
    } else {
        casework::offered(&lifecycle, rules)
            .into_iter()
            .filter(|k| can_work || *k == ActionKind::Note)
            .map(ActionKind::as_str)
            .collect()
    };
    let next_stage = stage.map_or(1, |s| s.number + 1);
    // As the inbox shows it: the acknowledgement's date counts until it is done.
    let rag = crate::reminders::risk::assess(case, today, &app.calendar).rag_name();
    let has_error = error.is_some();
    let status = error.as_ref().map_or(StatusCode::OK, |e| e.status);
    let complaint = lifecycle.kind.has_procedure();
    let urgent_alerts = super::alerts::urgent_alerts(app, session).await?;
    let emails = super::alerts::case_emails(app, &t, case.id).await?;
    let money = |p: Option<i64>| p.map(format_pounds).unwrap_or_default();
    let f = &lifecycle.facts;
    let lgsco = lifecycle.ombudsman.as_ref();
    let facts = vec![
        (
            "investigating_officer",
            f.investigating_officer.clone().unwrap_or_default(),
        ),
        (
            "independent_person",
            f.independent_person.clone().unwrap_or_default(),
        ),
        ("panel_on", f.panel_on.map(format_date).unwrap_or_default()),
        ("cost_investigation", money(f.cost_investigation_pence)),
        (
            "cost_independent_person",
            money(f.cost_independent_person_pence),
        ),
        ("cost_panel", money(f.cost_panel_pence)),
        ("remedy", money(f.remedy_pence)),
        ("remedy_for", f.remedy_for.clone().unwrap_or_default()),
        (
            "effective_on",
            lgsco.map_or_else(|| format_date(today), |o| format_date(o.received_on)),
        ),
        (
            "decision",
            lgsco
                .map(|o| o.decision.as_str().to_owned())
                .unwrap_or_default(),
        ),
        (
            "remedy_text",
            lgsco.and_then(|o| o.remedy.clone()).unwrap_or_default(),
        ),
    ];
    let decisions = OmbudsmanDecision::ALL
        .iter()
        .map(|d| (d.as_str(), t.get(&format!("ombudsman-{}", d.as_str()))))
        .collect();
    let listed = super::listed::view(lists, &lifecycle, error.as_ref(), &t);
    let letters = super::letters::view(app, case, start, &t);
    let page = CasePage {
        listed,
        letters,
        t,
        urgent_alerts,
        emails,
        facts,
        decisions,
        has_error,
        csrf: session.csrf.clone(),
        me: session.member.name.clone(),
        can_work,
        reference: case.reference.to_string(),
        kind: t.get(&format!("label-kind-{}", case.kind)),
        complaint,
        urgent: case.urgent,
        status: case.status.to_string(),
        status_label: t.get(&format!("status-{}", case.status)),
        stage_label: stage.map_or_else(
            || t.get("staff-no-stage"),
            |s| t.get(&format!("stage-{}", s.number)),
        ),
        procedure: case.procedure.to_string(),
        procedure_label: t.get(&format!("procedure-{}", case.procedure)),
        due: date(due),
        extended: stage.is_some_and(|s| s.extended_due_on.is_some()),
        acknowledge_by: date(case.acknowledge_by),
        acknowledged: case.acknowledged_at.is_some(),
        rag,
        rag_label: t.get(&format!("rag-{rag}")),
        received: app
            .words
            .short_date_time_at(&staff_locale, case.received_at),
        submitted_by: crate::notify::email::sent_by(|g, v| t.get(&format!("label-{g}-{v}")), case),
        submitter_name: case
            .adult
            .as_ref()
            .and_then(|a| a.name.clone())
            .unwrap_or_default(),
        consent: case
            .adult
            .as_ref()
            .and_then(|a| a.child_consent)
            .map(|c| t.get(&format!("label-consent-{c}")))
            .unwrap_or_default(),
        has_advocate: case
            .adult
            .as_ref()
            .and_then(|a| a.child_has_advocate)
            .map(|c| t.get(&format!("label-has-advocate-{c}")))
            .unwrap_or_default(),
        category: case.category.map(|c| c.to_string()).unwrap_or_default(),
        category_label: case
            .category
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
            .filter(|_| complaint)
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
        procedures: Procedure::ALL
            .iter()
            .filter(|p| **p != lifecycle.procedure)
            .map(|p| (p.as_str(), t.get(&format!("procedure-{}", p.as_str()))))
            .collect(),
        next_stage_label: t.get_with(
            "staff-action-escalate",
            &[(
                "stage",
                FluentValue::from(t.get(&format!("stage-{next_stage}"))),
            )],
        ),
        held,
        spam,
        suspicions,
        revision: case.revision,
        today: format_date(today),
        offered,
        error_action: error.as_ref().map_or("", |e| e.action),
        error_field: error.as_ref().map_or("", |e| e.field),
        error_text: error.as_ref().map(|e| t.get(e.message)).unwrap_or_default(),
        kept: error.map(|e| e.kept).unwrap_or_default(),
    };
    html(&page).map(|r| (status, r).into_response())
}

/// The values an entry carries, in words (the free text is shown apart).
fn event_detail(
    t: &Words<'_>,
    event: &CaseEvent,
    method_of_receipt: &str,
    lists: &crate::lists::Lists,
) -> Option<String> {
    // Names as they were when the entry was written: a team renamed since keeps its old name
    // in the history.
    let names = |refs: &[crate::domain::ListRef]| {
        Some(if refs.is_empty() {
            t.get("staff-list-none")
        } else {
            refs.iter()
                .map(|r| r.label.as_str())
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    match event {
        // A case staff recorded says how it arrived; the conversation's own cases need nothing.
        CaseEvent::Submitted if method_of_receipt != crate::lists::ONLINE => Some(
            t.get_with(
                "staff-recorded-by-staff",
                &[(
                    "method",
                    FluentValue::from(
                        lists
                            .receipt_method(method_of_receipt)
                            .map_or_else(|| method_of_receipt.to_owned(), |m| m.label.clone()),
                    ),
                )],
            ),
        ),
        CaseEvent::CategoriesSet { categories, .. } => names(categories),
        CaseEvent::TeamsSet { teams } => names(teams),
        CaseEvent::ActionsTakenSet { actions } => names(actions),
        CaseEvent::CouncilOutcomeSet { outcome } => names(outcome.as_slice()),
        CaseEvent::ReceiptSet { method } => Some(method.label.clone()),
        CaseEvent::StageChanged { to, .. } => Some(t.get(&format!("stage-{to}"))),
        CaseEvent::OutcomeRecorded { outcome, .. } => {
            Some(t.get(&format!("outcome-{}", outcome.as_str())))
        }
        CaseEvent::DetailsSet { team, category } => {
            let category = category.map(|c| t.get(&format!("label-category-{}", c.as_str())));
            let parts: Vec<String> = team.iter().cloned().chain(category).collect();
            (!parts.is_empty()).then(|| parts.join(" · "))
        }
        CaseEvent::ProcedureChanged { from, to, .. } => Some(format!(
            "{} → {}",
            t.get(&format!("procedure-{}", from.as_str())),
            t.get(&format!("procedure-{}", to.as_str()))
        )),
        CaseEvent::Extended { until, .. } => Some(t.date(*until)),
        CaseEvent::OmbudsmanRecorded { ombudsman } => {
            Some(t.get(&format!("ombudsman-{}", ombudsman.decision.as_str())))
        }
        _ => None,
    }
}

/// The conversation as the child saw it, in the child's language.
fn child_transcript(app: &AppState, case: &Case) -> Vec<crate::web::view::Bubble> {
    let Some(flow) = case.flow_id.as_deref().and_then(|id| app.flows.get(id)) else {
        return Vec::new();
    };
    let answers = case.answers.clone();
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
        concerns: Vec::new(),
        show_safety: false,
        suspect: false,
        pending: None,
    };
    transcript(flow, &state, w)
}

fn text(
    fields: &FormFields,
    name: &'static str,
    max: usize,
    required: bool,
) -> Result<Option<String>, (&'static str, &'static str)> {
    let text = fields.get(name).unwrap_or_default().trim();
    if text.chars().count() > max {
        return Err((name, "staff-error-too-long"));
    }
    if text.is_empty() {
        return if required {
            Err((name, "staff-error-empty"))
        } else {
            Ok(None)
        };
    }
    Ok(Some(text.to_owned()))
}

fn required(
    fields: &FormFields,
    name: &'static str,
    max: usize,
) -> Result<String, (&'static str, &'static str)> {
    text(fields, name, max, true).map(Option::unwrap_or_default)
}

/// Read the form of `kind` into an action; a field error names the field and its message.
async fn parse_action(
    app: &AppState,
    kind: ActionKind,
    fields: &FormFields,
) -> Result<Result<Action, (&'static str, &'static str)>, WebError> {
    let choose = |name: &'static str| (name, "staff-error-choose");
    Ok(Ok(match kind {
        ActionKind::Acknowledge => Action::Acknowledge,
        ActionKind::Assign => {
            let id = fields.get("assignee").and_then(|v| v.parse::<i64>().ok());
            let member = match id {
                Some(id) => app.store.staff_by_id(id).await?,
                None => None,
            };
            let Some(member) = member.filter(|m| m.role.works_cases() && !m.disabled) else {
                return Ok(Err(choose("assignee")));
            };
            Action::Assign {
                staff_id: member.id,
                name: member.name,
            }
        }
        ActionKind::Details => {
            let Some(category) = fields.get("category").and_then(Category::parse) else {
                return Ok(Err(choose("category")));
            };
            Action::Details { category }
        }
        ActionKind::Categories => match ids(fields, "categories") {
            Ok(ids) => Action::Categories { ids },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::Teams => match ids(fields, "teams") {
            Ok(ids) => Action::Teams { ids },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::ActionsTaken => match ids(fields, "actions_taken") {
            Ok(ids) => Action::ActionsTaken { ids },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::CouncilOutcome => Action::CouncilOutcome {
            id: fields
                .get("council_outcome")
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned),
        },
        ActionKind::Receipt => match fields.get("method").map(str::trim) {
            Some(method) if !method.is_empty() => Action::Receipt {
                method: method.to_owned(),
            },
            _ => return Ok(Err(choose("method"))),
        },
        ActionKind::Reply => match required(fields, "text", 5000) {
            Ok(text) => Action::Reply { text },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::Note => match required(fields, "text", 5000) {
            Ok(text) => Action::Note { text },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::Escalate => match text(fields, "reason", 2000, false) {
            Ok(late_reason) => Action::Escalate { late_reason },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::Extend => match required(fields, "reason", 2000) {
            Ok(reason) => Action::Extend { reason },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::Pause => Action::Pause {
            agreed: fields.get("agreed") == Some("yes"),
        },
        ActionKind::Resume => Action::Resume,
        ActionKind::RecordOutcome => {
            let Some(outcome) = fields.get("outcome").and_then(Outcome::parse) else {
                return Ok(Err(choose("outcome")));
            };
            match text(fields, "resolution", 5000, false) {
                Ok(resolution) => Action::RecordOutcome {
                    outcome,
                    resolution,
                },
                Err(e) => return Ok(Err(e)),
            }
        }
        ActionKind::Close => Action::Close,
        ActionKind::Reopen => match required(fields, "reason", 2000) {
            Ok(reason) => Action::Reopen { reason },
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::SwitchProcedure => {
            let Some(to) = fields.get("procedure").and_then(Procedure::parse) else {
                return Ok(Err(choose("procedure")));
            };
            match required(fields, "reason", 2000) {
                Ok(reason) => Action::SwitchProcedure { to, reason },
                Err(e) => return Ok(Err(e)),
            }
        }
        ActionKind::Facts => match stage_facts(fields) {
            Ok(facts) => Action::RecordFacts(facts),
            Err(e) => return Ok(Err(e)),
        },
        ActionKind::Ombudsman => {
            let today = timescale::today_in_england(time::OffsetDateTime::now_utc());
            let Some(received_on) = effective_date(fields, today) else {
                return Ok(Err(("effective_on", "staff-error-date")));
            };
            let Some(decision) = fields.get("decision").and_then(OmbudsmanDecision::parse) else {
                return Ok(Err(choose("decision")));
            };
            match text(fields, "remedy_text", 1000, false) {
                Ok(remedy) => Action::RecordOmbudsman(Ombudsman {
                    received_on,
                    decision,
                    remedy,
                }),
                Err(e) => return Ok(Err(e)),
            }
        }
    }))
}

/// Ids ticked in a list form (`categories=a&categories=b`); the casework rules check each is
/// on the council's lists. A bound on how many keeps a forged form from writing thousands.
fn ids(
    fields: &FormFields,
    name: &'static str,
) -> Result<Vec<String>, (&'static str, &'static str)> {
    let ids: Vec<String> = fields
        .all(name)
        .iter()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect();
    if ids.len() > 200 {
        return Err((name, "staff-error-too-long"));
    }
    Ok(ids)
}

/// The Stage 2 and 3 details form: names, the panel date, sums in pounds.
fn stage_facts(fields: &FormFields) -> Result<StageFacts, (&'static str, &'static str)> {
    let money = |name: &'static str| match fields.get(name).map(str::trim) {
        None | Some("") => Ok(None),
        Some(typed) => parse_pounds(typed)
            .map(Some)
            .ok_or((name, "staff-error-money")),
    };
    let panel_on = match fields.get("panel_on").map(str::trim) {
        None | Some("") => None,
        Some(typed) => Some(
            crate::store::cases::parse_date(typed).map_err(|_| ("panel_on", "staff-error-date"))?,
        ),
    };
    Ok(StageFacts {
        investigating_officer: text(fields, "investigating_officer", 100, false)?,
        independent_person: text(fields, "independent_person", 100, false)?,
        panel_on,
        cost_investigation_pence: money("cost_investigation")?,
        cost_independent_person_pence: money("cost_independent_person")?,
        cost_panel_pence: money("cost_panel")?,
        remedy_pence: money("remedy")?,
        remedy_for: text(fields, "remedy_for", 500, false)?,
    })
}

/// The day a step happened: today when the form leaves it empty.
fn effective_date(fields: &FormFields, today: time::Date) -> Option<time::Date> {
    match fields.get("effective_on").map(str::trim) {
        None | Some("") => Some(today),
        Some(text) => crate::store::cases::parse_date(text).ok(),
    }
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
    let parsed = match parse_action(&app, kind, &fields).await? {
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
        app.mailer.wake.notify_one();
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
