//! Drawing the case page: the details, what the child said, the actions open now, the emails
//! and the timeline, each as this member of staff may see them.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use fluent::FluentValue;

use super::FormError;
use crate::casework::{self, ActionKind};
use crate::domain::facts::format_pounds;
use crate::domain::{
    Case, CaseEvent, Category, OmbudsmanDecision, Outcome, Procedure, StaffRole, UrgentReason,
};
use crate::error::WebError;
use crate::i18n::Words;
use crate::store::cases::format_date;
use crate::timescale;
use crate::web::AppState;
use crate::web::pages::{html, words};
use crate::web::staff::session::StaffSession;
use crate::web::staff::templates::{CasePage, EventView};

pub async fn render_case(
    app: &AppState,
    session: &StaffSession,
    case: &Case,
    error: Option<FormError>,
    start: Option<crate::letters::Letter>,
) -> Result<Response, WebError> {
    let lifecycle = app.store.lifecycle(case).await?;
    let events = app.store.case_events(case.id).await?;
    let staff = app.store.list_staff().await?;
    let feeling = app.store.case_feeling(case.id).await?;
    let staff_locale = app.words.fallback();
    let t = words(app, &staff_locale);
    let today = timescale::today_in_england(time::OffsetDateTime::now_utc());
    let date = |d: Option<time::Date>| {
        d.map(|d| app.words.short_date(&staff_locale, d))
            .unwrap_or_default()
    };
    let when = |ms: i64| app.words.short_date_time(&staff_locale, ms);
    let lists = &app.config.procedures.lists;
    let role = session.member.role;
    let day_of = |ms: i64| {
        time::OffsetDateTime::from_unix_timestamp(ms / 1000)
            .map(|at| at.to_offset(timescale::london_offset(at)).date())
            .ok()
    };
    let events = super::timeline::lines(&events, role, day_of)
        .into_iter()
        .rev()
        .map(|line| {
            let e = line.record;
            EventView {
                what: match &e.event {
                    CaseEvent::Viewed if line.views > 1 => t.get_with(
                        "staff-viewed-times",
                        &[("count", FluentValue::from(line.views))],
                    ),
                    // A case recorded from a letter or a call was not sent through the service.
                    CaseEvent::Submitted if !recorded_online(case) => t.get("event-recorded"),
                    _ => t.get(&format!("event-{}", e.kind)),
                },
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
                shared: matches!(
                    e.event,
                    CaseEvent::Note {
                        visibility: crate::domain::NoteVisibility::SharedWithAdvocate,
                        ..
                    }
                ),
            }
        })
        .collect();
    let conversation = super::transcript::lines(app, case, &t);
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
    let urgent_alerts = crate::web::staff::alerts::urgent_alerts(app, session).await?;
    // The emails list names the council's own recipients and delivery errors: not the
    // advocacy provider's business.
    let emails = if can_work {
        crate::web::staff::alerts::case_emails(app, &t, case.id).await?
    } else {
        Vec::new()
    };
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
    let listed = crate::web::staff::listed::view(lists, &lifecycle, error.as_ref(), &t);
    let letters = crate::web::staff::letters::view(app, case, start, &t);
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
        is_advocate: role == StaffRole::Advocate,
        assignee_name: case
            .assignee_id
            .and_then(|id| staff.iter().find(|s| s.id == id))
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        urgent_reasons: urgent_reasons(&t, case),
        recorded: !recorded_online(case),
        summary: case.summary.clone().unwrap_or_default(),
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
        feeling: feeling
            .map(|f| t.get(&format!("report-feeling-{f}")))
            .unwrap_or_default(),
        team: case.team.clone().unwrap_or_default(),

        assignee_id: case.assignee_id.unwrap_or_default(),
        outcome: case
            .outcome
            .filter(|_| complaint)
            .map(|o| t.get(&format!("outcome-{o}")))
            .unwrap_or_default(),
        // The council's response in its own words stays inside, like an internal note.
        resolution: case
            .resolution
            .clone()
            .filter(|_| can_work)
            .unwrap_or_default(),
        conversation,
        events,
        staff: staff
            .into_iter()
            // Whoever has it now stays in the list, so the form never shows someone else.
            .filter(|s| s.role.works_cases() && (!s.disabled || case.assignee_id == Some(s.id)))
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

/// Whether the case came through the service (the conversation, or the API) rather than being
/// recorded by staff from a letter, a call or a visit.
fn recorded_online(case: &Case) -> bool {
    case.method_of_receipt == crate::lists::ONLINE
}

/// Why the case is urgent, in plain words: what the duty team's email said.
fn urgent_reasons(t: &Words<'_>, case: &Case) -> Vec<String> {
    if !case.urgent {
        return Vec::new();
    }
    if case.urgent_reasons.is_empty() {
        return vec![t.get("email-why-unrecorded")];
    }
    case.urgent_reasons
        .iter()
        .map(|reason| match reason {
            UrgentReason::ChoseNotSafe => t.get("email-why-chose-not-safe"),
            UrgentReason::PhraseInAnswer { question, words } => t.get_with(
                "email-why-phrase",
                &[
                    ("question", FluentValue::from(question.clone())),
                    ("words", FluentValue::from(words.clone())),
                ],
            ),
            UrgentReason::AddedLater { at, words, .. } => t.get_with(
                "email-why-added",
                &[
                    (
                        "when",
                        FluentValue::from(t.words.short_date_time(t.locale, *at)),
                    ),
                    ("words", FluentValue::from(words.clone())),
                ],
            ),
        })
        .collect()
}
