//! The inbox: open cases, urgent first, then by due date, with a red / amber / green state that
//! is also written in words; filters by status, kind, stage, team and assignee. Cases held as
//! possible bots are never among them: officers and managers find them in their own list
//! (`?view=held`), and those marked as spam in another (`?view=spam`).

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::session::StaffSession;
use super::templates::{InboxPage, InboxRow};
use crate::app::AppState;
use crate::domain::{CaseKind, CaseStatus};
use crate::error::WebError;
use crate::store::casework::{InboxFilter, Screen};
use crate::web::form::FormFields;
use crate::web::pages::{html, words};

#[derive(Debug, Default, Deserialize)]
pub struct FilterQuery {
    status: Option<String>,
    kind: Option<String>,
    stage: Option<String>,
    team: Option<String>,
    assignee: Option<String>,
    view: Option<String>,
}

impl FilterQuery {
    /// Unknown values are dropped rather than refused: a filter is a view, not an input.
    fn to_filter(&self) -> InboxFilter {
        let some = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        InboxFilter {
            status: some(&self.status).filter(|s| CaseStatus::parse(s).is_some()),
            kind: some(&self.kind).filter(|k| CaseKind::parse(k).is_some()),
            stage: some(&self.stage)
                .and_then(|s| s.parse().ok())
                .filter(|s| (1..=3).contains(s)),
            team: some(&self.team).filter(|t| t.len() <= 100),
            assignee_id: some(&self.assignee).and_then(|a| a.parse().ok()),
            screen: match self.view.as_deref() {
                Some("held") => Screen::Held,
                Some("spam") => Screen::Spam,
                _ => Screen::Cases,
            },
        }
    }
}

pub async fn show_inbox(
    State(app): State<AppState>,
    session: StaffSession,
    Query(query): Query<FilterQuery>,
) -> Result<Response, WebError> {
    if !session.member.role.sees_cases() {
        return Err(WebError::NotFound);
    }
    let mut filter = query.to_filter();
    // Staff type a team's name; cases store its id from the council's lists.
    let lists = &app.config.procedures.lists;
    filter.team = filter.team.map(|typed| {
        lists
            .team(&typed)
            .or_else(|| lists.team_named(&typed))
            .map_or(typed, |team| team.id.clone())
    });
    let checks_held = session.member.role.works_cases();
    if filter.screen != Screen::Cases && !checks_held {
        return Err(WebError::NotFound);
    }
    let cases = app.store.inbox(&session.member, &filter).await?;
    let ids: Vec<i64> = cases.iter().map(|c| c.id).collect();
    let teams = app.store.case_team_ids(&ids).await?;
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
    let today = crate::timescale::today_in_england(time::OffsetDateTime::now_utc());
    let risk = |case| crate::reminders::risk::assess(case, today, &app.calendar);
    let rows = cases
        .iter()
        .map(|case| {
            // A held or spam case shows no reply date: no clock is running on it for anyone.
            let due = case
                .current_due_on()
                .filter(|_| !case.screening.held && !case.screening.spam);
            InboxRow {
                reference: case.reference.to_string(),
                kind: t.get(&format!("label-kind-{}", case.kind)),
                urgent: case.urgent,
                stage: i64::from(case.stage),
                status: t.get(&format!("status-{}", case.status)),
                due: due
                    .map(|d| app.words.short_date(&locale, d))
                    .unwrap_or_default(),
                // The acknowledgement's date counts too (see `reminders::risk`).
                rag: risk(case).rag_name(),
                rag_label: t.get(&format!("rag-{}", risk(case).rag_name())),
                at_risk: risk(case).at_risk,
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
        .collect();
    let can_report = session.member.role == crate::domain::StaffRole::Manager;
    let count_link = |id: &str, n: i64| t.get_with(id, &[("count", fluent::FluentValue::from(n))]);
    let urgent_alerts = super::alerts::urgent_alerts(&app, &session).await?;
    html(&InboxPage {
        urgent_alerts,
        can_report,
        can_record: session.member.role.works_cases(),
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
        filter_status: filter.status.unwrap_or_default(),
        filter_kind: filter.kind.unwrap_or_default(),
        filter_stage: filter.stage.map(|s| s.to_string()).unwrap_or_default(),
        filter_team: filter.team.unwrap_or_default(),
        filter_assignee: filter
            .assignee_id
            .map(|s| s.to_string())
            .unwrap_or_default(),
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
    })
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
    app.mailer.wake.notify_one();
    Ok(Redirect::to("/staff").into_response())
}
