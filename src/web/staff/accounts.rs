//! Accounts in the browser, for admins (who see no case content): the list with each account's
//! role, state, two-factor sign-in and last sign-in; adding an account; disabling and enabling;
//! changing a role; turning off two-factor sign-in for someone who lost their phone; and
//! emailing a one-time link to set a password. Every change is audited in the store, and none
//! may leave the service without an active admin.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::account_pages::{AccountRow, AccountsPage};
use super::session::StaffSession;
use crate::domain::{ConversationToken, StaffRole};
use crate::error::WebError;
use crate::store::accounts::{AccountChange, ChangeError};
use crate::store::staff::AddStaffError;
use crate::web::AppState;
use crate::web::form::FormFields;
use crate::web::pages::{html, words};

/// What `?done=` may say after an action (a word, never a name or an address).
pub const DONE: &[&str] = &["added", "link", "disabled", "enabled", "role", "two-factor"];

/// How long a password-set link works.
pub const LINK_HOURS: i64 = 24;

#[derive(Debug, Default, Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

/// Only admins manage accounts; anyone else gets the staff area's refusal.
fn admin(session: &StaffSession) -> Result<(), WebError> {
    if session.member.role == StaffRole::Admin {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

/// What was typed into "Add an account", to show again with an error.
#[derive(Debug, Default)]
struct Typed {
    name: String,
    email: String,
    role: String,
}

/// A refusal to show on the page: which field, which message.
type Problem = (&'static str, &'static str);

pub async fn show_accounts(
    State(app): State<AppState>,
    session: StaffSession,
    Query(query): Query<DoneQuery>,
) -> Result<Response, WebError> {
    admin(&session)?;
    let done = query
        .done
        .as_deref()
        .and_then(|d| DONE.iter().find(|known| **known == d))
        .copied();
    render(&app, &session, done, None, Typed::default(), StatusCode::OK).await
}

async fn render(
    app: &AppState,
    session: &StaffSession,
    done: Option<&str>,
    problem: Option<Problem>,
    typed: Typed,
    status: StatusCode,
) -> Result<Response, WebError> {
    let locale = app.words.fallback();
    let t = words(app, &locale);
    let accounts = app
        .store
        .list_accounts()
        .await?
        .into_iter()
        .map(|a| {
            let m = a.member;
            AccountRow {
                is_me: m.id == session.member.id,
                id: m.id,
                role: m.role.as_str(),
                role_label: t.get(&format!("staff-role-{}", m.role.as_str())),
                active: !m.disabled,
                status: t.get(if m.disabled {
                    "staff-accounts-disabled"
                } else {
                    "staff-accounts-active"
                }),
                two_factor_on: a.two_factor,
                two_factor: t.get(if a.two_factor {
                    "staff-accounts-2fa-on"
                } else {
                    "staff-accounts-2fa-off"
                }),
                last_sign_in: a.last_sign_in_at.map_or_else(
                    || t.get("staff-accounts-never"),
                    |ms| app.words.short_date_time(&locale, ms),
                ),
                name: m.name,
                email: m.email,
            }
        })
        .collect();
    let mut response = html(&AccountsPage {
        me: session.member.name.clone(),
        csrf: session.csrf.clone(),
        accounts,
        roles: StaffRole::ALL
            .iter()
            .map(|r| (r.as_str(), t.get(&format!("staff-role-{}", r.as_str()))))
            .collect(),
        done: done
            .map(|d| t.get(&format!("staff-accounts-done-{d}")))
            .unwrap_or_default(),
        has_error: problem.is_some(),
        error: problem.map(|(_, id)| t.get(id)),
        error_field: problem.map_or("", |(field, _)| field),
        typed_name: typed.name,
        typed_email: typed.email,
        typed_role: typed.role,
        t,
    })?;
    *response.status_mut() = status;
    Ok(response)
}

/// The new account's details, checked as `staff add` checks them.
fn read_new_account(typed: &Typed) -> Result<(String, String, StaffRole), Problem> {
    let name = typed.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(("name", "staff-accounts-error-name"));
    }
    let email = typed.email.trim().to_lowercase();
    if email.len() > 254 || email.parse::<lettre::Address>().is_err() {
        return Err(("email", "staff-accounts-error-email"));
    }
    let role = StaffRole::parse(&typed.role).ok_or(("role", "staff-accounts-error-role"))?;
    Ok((name.to_owned(), email, role))
}

pub async fn add_account(
    State(app): State<AppState>,
    session: StaffSession,
    fields: FormFields,
) -> Result<Response, WebError> {
    session.check_csrf(&fields)?;
    admin(&session)?;
    let field = |name| fields.get(name).unwrap_or_default().to_owned();
    let typed = Typed {
        name: field("name"),
        email: field("email"),
        role: field("role"),
    };
    let (name, email, role) = match read_new_account(&typed) {
        Ok(values) => values,
        Err(problem) => {
            let status = StatusCode::BAD_REQUEST;
            return render(&app, &session, None, Some(problem), typed, status).await;
        }
    };
    let id = match app
        .store
        .add_account(session.member.id, &email, &name, role)
        .await
    {
        Ok(id) => id,
        Err(AddStaffError::Exists) => {
            let problem = ("email", "staff-accounts-error-exists");
            return render(
                &app,
                &session,
                None,
                Some(problem),
                typed,
                StatusCode::CONFLICT,
            )
            .await;
        }
        Err(AddStaffError::Store(e)) => return Err(e.into()),
    };
    tracing::info!(staff = session.member.id, account = id, "account added");
    send_link(&app, &session, id, &email).await?;
    Ok(Redirect::to("/staff/accounts?done=added").into_response())
}

/// A one-time link to set a password, by email through the outbox.
async fn send_link(
    app: &AppState,
    session: &StaffSession,
    staff_id: i64,
    email: &str,
) -> Result<(), WebError> {
    let token = ConversationToken::generate();
    let expires_at = crate::store::now_ms() + LINK_HOURS * 60 * 60 * 1000;
    let link = format!(
        "{}/staff/password/{}",
        app.config.public_url,
        token.expose()
    );
    app.store
        .create_password_link(
            session.member.id,
            staff_id,
            &token.key(),
            expires_at,
            email,
            &link,
            crate::notify::message_domain(&app.config.mail.from),
        )
        .await?;
    app.outbox.queued();
    Ok(())
}

pub async fn change_account(
    State(app): State<AppState>,
    session: StaffSession,
    Path((id, action)): Path<(String, String)>,
    fields: FormFields,
) -> Result<Response, WebError> {
    session.check_csrf(&fields)?;
    admin(&session)?;
    let id: i64 = id.parse().map_err(|_| WebError::NotFound)?;
    let (change, done) = match action.as_str() {
        "disable" => (AccountChange::Disable, "disabled"),
        "enable" => (AccountChange::Enable, "enabled"),
        "reset-two-factor" => (AccountChange::ResetTwoFactor, "two-factor"),
        "role" => match StaffRole::parse(fields.get("role").unwrap_or_default()) {
            Some(role) => (AccountChange::Role(role), "role"),
            None => {
                let problem = ("", "staff-accounts-error-role");
                let status = StatusCode::BAD_REQUEST;
                return render(
                    &app,
                    &session,
                    None,
                    Some(problem),
                    Typed::default(),
                    status,
                )
                .await;
            }
        },
        "password-link" => {
            let member = app
                .store
                .staff_by_id(id)
                .await?
                .filter(|m| !m.disabled)
                .ok_or(WebError::NotFound)?;
            send_link(&app, &session, member.id, &member.email).await?;
            return Ok(Redirect::to("/staff/accounts?done=link").into_response());
        }
        _ => return Err(WebError::NotFound),
    };
    match app
        .store
        .change_account(session.member.id, id, change)
        .await
    {
        Ok(()) => {
            tracing::info!(
                staff = session.member.id,
                account = id,
                action,
                "account changed"
            );
            Ok(Redirect::to(&format!("/staff/accounts?done={done}")).into_response())
        }
        Err(ChangeError::NotFound) => Err(WebError::NotFound),
        Err(ChangeError::LastAdmin) => {
            let problem = ("", "staff-accounts-error-last-admin");
            let status = StatusCode::CONFLICT;
            render(
                &app,
                &session,
                None,
                Some(problem),
                Typed::default(),
                status,
            )
            .await
        }
        Err(ChangeError::Store(e)) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_accounts_are_checked_like_the_command_line_checks_them() {
        let typed = |name: &str, email: &str, role: &str| Typed {
            name: name.into(),
            email: email.into(),
            role: role.into(),
        };
        let table = [
            (typed("", "a@b.example", "officer"), Err("name")),
            (
                typed(&"x".repeat(101), "a@b.example", "officer"),
                Err("name"),
            ),
            (typed("Sam", "not an address", "officer"), Err("email")),
            (typed("Sam", "a@b.example", "boss"), Err("role")),
            (
                typed(" Sam ", " A@B.example ", "manager"),
                Ok("a@b.example"),
            ),
        ];
        for (input, want) in table {
            let got = read_new_account(&input)
                .map(|(_, email, _)| email)
                .map_err(|(field, _)| field);
            assert_eq!(got.as_deref().map_err(|e| *e), want, "{input:?}");
        }
    }
}
