//! The pages of accounts and signing in with a second factor: what each template is given.
//! Staff read en-GB staff wording.

use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use crate::i18n::Words;

/// A refused request in the staff look: a form from another site or an old page, a missing
/// CSRF token, or a page the account's role does not open.
#[derive(Template)]
#[template(path = "staff_forbidden.html", config = "src/web/askama.toml")]
pub struct ForbiddenPage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    /// Empty: the page cannot know who is signed in, so it offers no "sign out".
    pub me: String,
    pub csrf: String,
}

/// The refusal page, never cached.
pub fn forbidden(app: &crate::web::AppState, status: StatusCode) -> Response {
    let locale = app.words.fallback();
    let page = ForbiddenPage {
        t: crate::web::pages::words(app, &locale),
        has_error: true,
        me: String::new(),
        csrf: String::new(),
    };
    let mut response = match page.render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(_) => status.into_response(),
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// One account, in words.
pub struct AccountRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: &'static str,
    pub role_label: String,
    pub active: bool,
    pub status: String,
    pub two_factor_on: bool,
    pub two_factor: String,
    pub last_sign_in: String,
    pub is_me: bool,
}

#[derive(Template)]
#[template(path = "staff_accounts.html", config = "src/web/askama.toml")]
pub struct AccountsPage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub me: String,
    pub csrf: String,
    pub accounts: Vec<AccountRow>,
    pub roles: Vec<(&'static str, String)>,
    /// What the last action did, in words; empty for none.
    pub done: String,
    pub error: Option<String>,
    /// Which add-account field the error is about ("name", "email", "role"), if any.
    pub error_field: &'static str,
    pub typed_name: String,
    pub typed_email: String,
    pub typed_role: String,
}

/// The page behind a password-set link.
#[derive(Template)]
#[template(path = "staff_password.html", config = "src/web/askama.toml")]
pub struct PasswordPage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub me: String,
    pub csrf: String,
    /// "form", "done", "used" or "expired".
    pub state: &'static str,
    pub token: String,
    pub error: Option<String>,
}

/// Setting up two-factor sign-in, and the recovery codes shown once after.
#[derive(Template)]
#[template(path = "staff_two_factor.html", config = "src/web/askama.toml")]
pub struct TwoFactorPage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub me: String,
    pub csrf: String,
    /// Already on (nothing to set up), the secret to enter, or the codes just made.
    pub enabled: bool,
    pub secret: String,
    pub otpauth: String,
    pub codes: Vec<String>,
    /// "You have 10 unused recovery codes."
    pub codes_left: String,
    pub error: Option<String>,
    /// Where to go once it is set up.
    pub next: String,
    /// The sign-in still waits for this (no "sign out" header then, no way round).
    pub required: bool,
}

/// The second step of signing in: a code from the app, or a recovery code.
#[derive(Template)]
#[template(path = "staff_code.html", config = "src/web/askama.toml")]
pub struct CodePage<'a> {
    pub t: Words<'a>,
    pub has_error: bool,
    pub me: String,
    pub csrf: String,
    pub next: String,
    pub error: Option<String>,
}

/// Ids these pages format from values (the templates' literal ids are found by the linter).
pub fn message_ids() -> Vec<String> {
    let mut ids: Vec<String> = [
        "staff-accounts-active",
        "staff-accounts-disabled",
        "staff-accounts-2fa-on",
        "staff-accounts-2fa-off",
        "staff-accounts-never",
        "staff-accounts-error-name",
        "staff-accounts-error-email",
        "staff-accounts-error-role",
        "staff-accounts-error-exists",
        "staff-accounts-error-last-admin",
        "staff-password-error-short",
        "staff-password-error-long",
        "staff-password-error-different",
        "staff-code-wrong",
        "staff-code-replayed",
        "staff-code-throttled",
        "staff-code-locked",
        "staff-2fa-codes-left",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    ids.extend(
        crate::domain::StaffRole::ALL
            .iter()
            .map(|r| format!("staff-role-{}", r.as_str())),
    );
    ids.extend(
        super::accounts::DONE
            .iter()
            .map(|d| format!("staff-accounts-done-{d}")),
    );
    ids
}
