//! What staff do with a whole list: download it as CSV (the inbox's columns, for the filter and
//! search shown, audited before it is handed out), and assign or move to a team the cases
//! ticked on the page. A bulk change is the same casework action as on each case page, one
//! case at a time with its own timeline entry, so the audit trail reads the same either way.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::inbox::{FilterQuery, rows, search_of};
use super::session::StaffSession;
use crate::casework::{self, Action, Change};
use crate::domain::Reference;
use crate::error::WebError;
use crate::import::csv::{spreadsheet_safe, write_record};
use crate::store::StoreError;
use crate::store::audit::AuditAction;
use crate::store::casework::RecordedChange;
use crate::web::AppState;
use crate::web::form::FormFields;
use crate::web::pages::words;

/// The most cases one bulk action takes: a page and then some.
const BULK_MAX: usize = 100;

pub async fn download_cases_csv(
    State(app): State<AppState>,
    session: StaffSession,
    Query(query): Query<FilterQuery>,
) -> Result<Response, WebError> {
    let filter = query.filter_for(&app, &session)?;
    let search = search_of(&app, &session, &query).await?;
    let cases = app
        .store
        .inbox_all(&session.member, &filter, search.as_ref())
        .await?;
    let count = i64::try_from(cases.len()).unwrap_or(i64::MAX);
    // Recorded before anything is handed out: an export nobody could record is refused.
    app.store
        .audit(
            Some(session.member.id),
            AuditAction::CasesExported,
            query.audit_detail(search.is_some(), count),
        )
        .await?;
    let locale = app.words.fallback();
    let t = words(&app, &locale);
    let mut body = String::new();
    let header_row: Vec<String> = [
        "staff-col-reference",
        "staff-col-kind",
        "staff-urgent",
        "staff-col-stage",
        "staff-col-status",
        "staff-col-due",
        "staff-col-state",
        "staff-col-assignee",
        "staff-col-team",
    ]
    .iter()
    .map(|id| t.get(id))
    .collect();
    write_record(&mut body, &header_row);
    // The list's columns only: no names, no words of the child, no notes.
    for row in rows(&app, &t, &cases).await? {
        let cells = [
            row.reference,
            row.kind,
            if row.urgent {
                t.get("staff-csv-yes")
            } else {
                String::new()
            },
            row.stage.to_string(),
            row.status,
            row.due,
            row.rag_label,
            row.assignee,
            row.team,
        ];
        let cells: Vec<String> = cells.iter().map(|c| spreadsheet_safe(c)).collect();
        write_record(&mut body, &cells);
    }
    tracing::info!(
        staff = session.member.id,
        cases = count,
        "case list downloaded"
    );
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"have-your-say-cases.csv\""),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// What the bulk form asked for, checked against the council's lists and the staff list.
async fn bulk_action(app: &AppState, fields: &FormFields) -> Result<Option<Action>, WebError> {
    Ok(match fields.get("bulk") {
        Some("assign") => match fields.get("assignee").map(str::trim) {
            Some("none") => Some(Action::Unassign),
            Some(id) => {
                let member = match id.parse::<i64>() {
                    Ok(id) => app.store.staff_by_id(id).await?,
                    Err(_) => None,
                };
                member
                    .filter(|m| m.role.works_cases() && !m.disabled)
                    .map(|m| Action::Assign {
                        staff_id: m.id,
                        name: m.name,
                    })
            }
            None => None,
        },
        Some("team") => fields
            .get("team")
            .and_then(|id| app.config.procedures.lists.team(id.trim()))
            .map(|team| Action::Teams {
                ids: vec![team.id.clone()],
            }),
        _ => None,
    })
}

pub async fn act_on_cases(
    State(app): State<AppState>,
    session: StaffSession,
    fields: FormFields,
) -> Result<Response, WebError> {
    session.check_csrf(&fields)?;
    if !session.member.role.works_cases() {
        return Err(WebError::NotFound);
    }
    // Back to the same list, rebuilt from its own fields (never a path the form names).
    let back: FilterQuery =
        serde_urlencoded::from_str(fields.get("back").unwrap_or_default()).unwrap_or_default();
    let back = |outcome: &str| {
        let mut query = serde_urlencoded::to_string(&back).unwrap_or_default();
        if !query.is_empty() {
            query.push('&');
        }
        Redirect::to(&format!("/staff?{query}bulk={outcome}")).into_response()
    };
    let references: Vec<Reference> = fields
        .all("cases")
        .iter()
        .filter_map(|r| Reference::parse(r.trim()).ok())
        .take(BULK_MAX)
        .collect();
    if references.is_empty() {
        return Ok(back("none"));
    }
    let Some(action) = bulk_action(&app, &fields).await? else {
        return Ok(back("invalid"));
    };
    let today = crate::timescale::today_in_england(time::OffsetDateTime::now_utc());
    let rules = &app.config.procedures;
    let domain = crate::notify::message_domain(&app.config.mail.from);
    let mut changed = 0;
    for case in app
        .store
        .cases_for_bulk(&session.member, &references)
        .await?
    {
        let before = app.store.lifecycle(&case).await?;
        // The same rules as on the case page; a case they do not apply to is left as it is.
        let Ok(Change::Changed { after, event }) =
            casework::apply(&action, &before, today, today, &app.calendar, rules)
        else {
            continue;
        };
        let change = RecordedChange {
            case_id: case.id,
            revision: case.revision,
            before: &before,
            after: &after,
            event: &event,
            actor: session.actor(),
            effective_on: None,
            emails: &[],
        };
        match app.store.record_change(&change, domain).await {
            // Someone changed it meanwhile: theirs stands.
            Err(StoreError::Stale) => continue,
            other => other?,
        }
        changed += 1;
    }
    tracing::info!(
        staff = session.member.id,
        cases = changed,
        action = action.kind().as_str(),
        "bulk change"
    );
    Ok(back(&changed.to_string()))
}
