//! The staff area: sign in, the inbox of open cases (urgent first, then by due date), and the
//! case page where officers work a case through the statutory stages. Every route checks the
//! role; every view and action is written to the case's timeline.

pub mod alerts;
pub mod case;
pub mod inbox;
pub mod listed;
pub mod listing;
pub mod login;
pub mod report;
pub mod session;
pub mod templates;
pub mod unmatched;

use axum::Router;
use axum::routing::{get, post};

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff", get(inbox::show_inbox))
        .route("/staff/", get(inbox::show_inbox))
        .route("/staff/login", get(login::show_login).post(login::login))
        .route("/staff/logout", post(login::logout))
        .route("/staff/outbox/retry", post(inbox::retry_failed_emails))
        .route(
            "/staff/cases/new",
            get(report::show_record_form).post(report::record_case),
        )
        .route("/staff/cases.csv", get(listing::download_cases_csv))
        .route("/staff/cases/bulk", post(listing::act_on_cases))
        .route("/staff/cases/{reference}", get(case::show_case))
        .route("/staff/report", get(report::show_report))
        .route("/staff/report.csv", get(report::download_report_csv))
        .route("/staff/cases/{reference}/{action}", post(case::act_on_case))
        .route("/staff/mail", get(unmatched::show_unmatched))
        .route("/staff/mail/{id}/{action}", post(unmatched::act_on_mail))
}
