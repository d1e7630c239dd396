//! The inbox: open cases, urgent first, then by due date, with a red / amber / green state that
//! is also written in words; filters by status, kind, stage, procedure, team, assignee and "at
//! risk", and a search, all kept in the URL so a list can be bookmarked or shared; 25 cases a
//! page. Cases held as possible bots are never among them: officers and managers find them in
//! their own list (`?view=held`), and those marked as spam in another (`?view=spam`).

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::session::StaffSession;
use super::templates::{InboxPage, InboxRow, PageLink};
use crate::domain::{Case, CaseKind, CaseStatus, Procedure};
use crate::error::WebError;
use crate::i18n::Words;
use crate::store::audit::AuditAction;
use crate::store::casework::Screen;
use crate::store::inbox::PAGE_SIZE;
use crate::web::AppState;
use crate::web::form::FormFields;
use crate::web::pages::{html, words};

mod query;

use query::some;
pub use query::{FilterQuery, search_of};

/// The list's rows, as the inbox and its CSV export show them.
pub async fn rows(
    app: &AppState,
    t: &Words<'_>,
    cases: &[Case],
) -> Result<Vec<InboxRow>, WebError> {
    let ids: Vec<i64> = cases.iter().map(|c| c.id).collect();
    let teams = app.store.case_team_ids(&ids).await?;
    let staff = app.store.list_staff().await?;
    let lists = &app.config.procedures.lists;
    let locale = app.words.fallback();
    let today = crate::timescale::today_in_england(time::OffsetDateTime::now_utc());
    Ok(cases
        .iter()
        .map(|case| {
            // A held or spam case shows no reply date: no clock is running on it for anyone.
            let due = case
                .current_due_on()
                .filter(|_| !case.screening.held && !case.screening.spam);
            // The acknowledgement's date counts too (see `reminders::risk`); a held or spam
            // case has no clock running, so it shows no state.
            let risk = crate::reminders::risk::assess(case, today, &app.calendar);
            let rag = if due.is_none() && (case.screening.held || case.screening.spam) {
                "none"
            } else {
                risk.rag_name()
            };
            InboxRow {
                reference: case.reference.to_string(),
                kind: t.get(&format!("label-kind-{}", case.kind)),
                urgent: case.urgent,
                stage: i64::from(case.stage),
                status: t.get(&format!("status-{}", case.status)),
                due: due
                    .map(|d| app.words.short_date(&locale, d))
                    .unwrap_or_default(),
                rag,
                rag_label: t.get(&format!("rag-{rag}")),
                // The acknowledgement's date counts too (see `reminders::risk`).
                at_risk: risk.at_risk,
                assignee: case
                    .assignee_id
                    .and_then(|id| staff.iter().find(|s| s.id == id))
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
                // The list's current names; a typed name not on the list as it was typed.
                team: teams
                    .get(&case.id)
                    .into_iter()
                    .flatten()
                    .map(|id| lists.team(id).map_or(id.as_str(), |t| t.label.as_str()))
                    .chain(case.team.as_deref())
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        })
        .collect())
}

pub async fn show_inbox(
    State(app): State<AppState>,
    session: StaffSession,
    Query(query): Query<FilterQuery>,
) -> Result<Response, WebError> {
    let filter = query.filter_for(&app, &session)?;
    let checks_held = session.member.role.works_cases();
    let search = search_of(&app, &session, &query).await?;
    let page = query.page();
    let (cases, total) = app
        .store
        .inbox_page(&session.member, &filter, search.as_ref(), page)
        .await?;
    if search.is_some() {
        // Recorded before the results are shown, like every export.
        app.store
            .audit(
                Some(session.member.id),
                AuditAction::CasesSearched,
                query.audit_detail(true, total),
            )
            .await?;
    }
    let counts = if checks_held {
        Some(app.store.screen_counts(&session.member).await?)
    } else {
        None
    };
    let staff = app.store.list_staff().await?;
    let failed = if session.member.role.works_cases() {
        app.store.failed_emails().await?.len()
    } else {
        0
    };
    let locale = app.words.fallback();
    let t = words(&app, &locale);
    let rows = rows(&app, &t, &cases).await?;
    let can_report = session.member.role == crate::domain::StaffRole::Manager;
    let count_link = |id: &str, n: i64| t.get_with(id, &[("count", fluent::FluentValue::from(n))]);
    let urgent_alerts = super::alerts::urgent_alerts(&app, &session).await?;
    let pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
    let first = page * PAGE_SIZE + 1;
    let shown = i64::try_from(rows.len()).unwrap_or_default();
    let lists = &app.config.procedures.lists;
    html(&InboxPage {
        urgent_alerts,
        can_report,
        can_record: session.member.role.works_cases(),
        can_bulk: session.member.role.works_cases() && filter.screen == Screen::Cases,
        t,
        has_error: false,
        csrf: session.csrf.clone(),
        me: session.member.name.clone(),
        rows,
        failed_text: if failed > 0 {
            t.get_with(
                "staff-failed-emails",
                &[("count", fluent::FluentValue::from(failed))],
            )
        } else {
            String::new()
        },
        status_options: CaseStatus::ALL
            .iter()
            .map(|s| (s.as_str(), t.get(&format!("status-{}", s.as_str()))))
            .collect(),
        kind_options: CaseKind::ALL
            .iter()
            .map(|k| (k.as_str(), t.get(&format!("label-kind-{}", k.as_str()))))
            .collect(),
        stage_options: ["1", "2", "3"]
            .iter()
            .map(|s| (*s, t.get(&format!("stage-{s}"))))
            .collect(),
        procedure_options: Procedure::ALL
            .iter()
            .map(|p| (p.as_str(), t.get(&format!("procedure-{}", p.as_str()))))
            .collect(),
        team_options: lists
            .teams
            .iter()
            .map(|team| (team.id.clone(), team.label.clone()))
            .collect(),
        search: query.words().unwrap_or_default(),
        filter_status: filter.status.clone().unwrap_or_default(),
        filter_kind: filter.kind.clone().unwrap_or_default(),
        filter_stage: filter.stage.map(|s| s.to_string()).unwrap_or_default(),
        filter_procedure: filter.procedure.clone().unwrap_or_default(),
        filter_team: some(&query.team).unwrap_or_default(),
        filter_assignee: match filter.assignee_id {
            Some(0) => "none".to_owned(),
            Some(id) => id.to_string(),
            None => String::new(),
        },
        filter_risk: filter.at_risk.is_some(),
        staff: staff
            .into_iter()
            .filter(|s| s.role.works_cases() && !s.disabled)
            .map(|s| (s.id, s.name))
            .collect(),
        screen: match filter.screen {
            Screen::Cases => "cases",
            Screen::Held => "held",
            Screen::Spam => "spam",
        },
        held_link: counts
            .map(|c| count_link("staff-held-link", c.held))
            .unwrap_or_default(),
        spam_link: counts
            .map(|c| count_link("staff-spam-link", c.spam))
            .unwrap_or_default(),
        count_text: if total == 0 {
            String::new()
        } else {
            t.get_with(
                "staff-list-count",
                &[
                    ("first", fluent::FluentValue::from(first)),
                    ("last", fluent::FluentValue::from(first + shown - 1)),
                    ("total", fluent::FluentValue::from(total)),
                ],
            )
        },
        page_links: page_links(&query, page, pages),
        export_link: format!("/staff/cases.csv?{}", query.with_page(None)),
        back_query: query.with_page(Some(page + 1)),
        bulk_text: match query.bulk.as_deref() {
            Some("none") => t.get("staff-bulk-none"),
            Some("invalid") => t.get("staff-bulk-invalid"),
            Some(n) => n
                .parse::<i64>()
                .map(|n| {
                    t.get_with(
                        "staff-bulk-done",
                        &[("count", fluent::FluentValue::from(n))],
                    )
                })
                .unwrap_or_default(),
            None => String::new(),
        },
    })
}

/// Previous, numbered pages (the first, the last and two either side of this one), next.
fn page_links(query: &FilterQuery, page: i64, pages: i64) -> Vec<PageLink> {
    if pages <= 1 {
        return Vec::new();
    }
    let link = |p: i64, label: String, rel: &'static str| PageLink {
        href: format!("/staff?{}", query.with_page(Some(p + 1))),
        label,
        current: p == page && rel.is_empty(),
        rel,
        gap: false,
    };
    let mut out = Vec::new();
    if page > 0 {
        out.push(link(page - 1, String::new(), "prev"));
    }
    let mut last_shown = -1;
    for p in 0..pages {
        let near = (p - page).abs() <= 2;
        if p == 0 || p == pages - 1 || near {
            if last_shown >= 0 && p - last_shown > 1 {
                out.push(PageLink {
                    href: String::new(),
                    label: String::new(),
                    current: false,
                    rel: "",
                    gap: true,
                });
            }
            out.push(link(p, (p + 1).to_string(), ""));
            last_shown = p;
        }
    }
    if page + 1 < pages {
        out.push(link(page + 1, String::new(), "next"));
    }
    out
}

pub async fn retry_failed_emails(
    State(app): State<AppState>,
    session: StaffSession,
    fields: FormFields,
) -> Result<Response, WebError> {
    session.check_csrf(&fields)?;
    if !session.member.role.works_cases() {
        return Err(WebError::NotFound);
    }
    let n = app.store.retry_failed_emails_by(session.member.id).await?;
    tracing::info!(
        staff = session.member.id,
        emails = n,
        "failed emails queued again"
    );
    app.outbox.queued();
    Ok(Redirect::to("/staff").into_response())
}
