//! The staff area: sign in, the inbox of open cases (urgent first, then by due date), and the
//! case page where officers work a case through the statutory stages. Every route checks the
//! role; every view and action is written to the case's timeline.

pub mod account_pages;
pub mod accounts;
pub mod alerts;
pub mod case;
pub mod inbox;
pub mod letters;
pub mod listed;
pub mod listing;
pub mod login;
pub mod password;
pub mod report;
pub mod session;
pub mod templates;
pub mod two_factor;
pub mod unmatched;

use axum::Router;
use axum::routing::{get, post};

use crate::web::AppState;

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
        .route(
            "/staff/cases/{reference}/letters/{letter}",
            get(letters::show_letter),
        )
        .route("/staff/mail", get(unmatched::show_unmatched))
        .route("/staff/mail/{id}/{action}", post(unmatched::act_on_mail))
        // Accounts and two-factor sign-in (issue 17).
        .route(
            "/staff/accounts",
            get(accounts::show_accounts).post(accounts::add_account),
        )
        .route(
            "/staff/accounts/{id}/{action}",
            post(accounts::change_account),
        )
        .route(
            "/staff/password/{token}",
            get(password::show_password_form).post(password::set_password),
        )
        .route(
            "/staff/login/code",
            get(two_factor::show_code_form).post(two_factor::submit_code),
        )
        .route(
            "/staff/two-factor",
            get(two_factor::show_enrolment).post(two_factor::confirm_enrolment),
        )
}
