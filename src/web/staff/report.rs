//! The annual report page (managers), with server-drawn SVG charts and CSV downloads, and the
//! form where officers and managers record a case that arrived by letter, phone, email, in
//! person, through a councillor or from the Ombudsman. Anyone else gets the same 404 as a page
//! that does not exist.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::session::StaffSession;
use crate::domain::StaffRole;
use crate::error::WebError;
use crate::report::{Audience, FinancialYear};
use crate::store::audit::AuditAction;
use crate::web::AppState;
use crate::web::pages::{html, words};

mod record;

pub use record::{Choice, RecordPage, record_case, show_record_form};

#[derive(Debug, Default, Deserialize)]
pub struct ReportQuery {
    year: Option<String>,
    public: Option<String>,
}

impl ReportQuery {
    /// A year that is not a number or out of range shows this year, as a filter would.
    fn year(&self) -> FinancialYear {
        self.year
            .as_deref()
            .and_then(|y| y.trim().parse().ok())
            .and_then(FinancialYear::new)
            .unwrap_or_else(crate::report::this_year)
    }

    fn audience(&self) -> Audience {
        match self.public.as_deref() {
            Some("1" | "true" | "yes") => Audience::Public,
            _ => Audience::Exact,
        }
    }
}

fn managers_only(session: &StaffSession) -> Result<(), WebError> {
    if session.member.role == StaffRole::Manager {
        Ok(())
    } else {
        Err(WebError::NotFound)
    }
}

pub async fn show_report(
    State(app): State<AppState>,
    session: StaffSession,
    Query(query): Query<ReportQuery>,
) -> Result<Response, WebError> {
    managers_only(&session)?;
    let year = query.year();
    app.store
        .audit(
            Some(session.member.id),
            AuditAction::ReportViewed,
            serde_json::json!({ "year": year.start_year() }),
        )
        .await?;
    let report = crate::report::build_for(
        &app.store,
        &app.calendar,
        &app.config.procedures,
        year,
        &app.config.equality,
    )
    .await?;
    let first = app.store.first_received_at().await?;
    let locale = app.words.fallback();
    let mut page = crate::report::page(words(&app, &locale), &report, Audience::Exact);
    page.standalone = false;
    page.me = session.member.name.clone();
    page.csrf = session.csrf.clone();
    page.urgent_alerts = super::alerts::urgent_alerts(&app, &session).await?;
    page.years = crate::report::year_choices(first, year)
        .into_iter()
        .map(|y| (y.start_year(), y.label()))
        .collect();
    html(&page)
}

pub async fn download_report_csv(
    State(app): State<AppState>,
    session: StaffSession,
    Query(query): Query<ReportQuery>,
) -> Result<Response, WebError> {
    managers_only(&session)?;
    let year = query.year();
    let audience = query.audience();
    app.store
        .audit(
            Some(session.member.id),
            AuditAction::ReportExported,
            serde_json::json!({
                "year": year.start_year(),
                "format": "csv",
                "public": audience == Audience::Public,
            }),
        )
        .await?;
    let report = crate::report::build_for(
        &app.store,
        &app.calendar,
        &app.config.procedures,
        year,
        &app.config.equality,
    )
    .await?;
    let locale = app.words.fallback();
    let body = crate::report::output::csv(&words(&app, &locale), &report, audience);
    let name = format!(
        "have-your-say-{}-{}{}.csv",
        year.start_year(),
        (year.start_year() + 1).rem_euclid(100),
        if audience == Audience::Public {
            "-public"
        } else {
            ""
        }
    );
    tracing::info!(
        staff = session.member.id,
        year = year.start_year(),
        public = audience == Audience::Public,
        "report downloaded"
    );
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    // The name is built from digits and fixed text only.
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
