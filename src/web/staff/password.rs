//! The page behind a password-set link: choose a password (as long as `staff add` asks), once.
//! A link used before, or after its 24 hours, gets a kind page saying to ask an admin for a new
//! one. The token in the address is the only secret the page needs: it is checked on every
//! request by its SHA-256, and the request log names the route, never the address.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::account_pages::PasswordPage;
use crate::domain::ConversationToken;
use crate::domain::password::{PasswordError, hash_password};
use crate::error::WebError;
use crate::store::accounts::LinkState;
use crate::web::AppState;
use crate::web::form::FormFields;
use crate::web::pages::{html, words};

fn render(
    app: &AppState,
    state: &'static str,
    token: &str,
    error: Option<&str>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let locale = app.words.fallback();
    let t = words(app, &locale);
    let mut response = html(&PasswordPage {
        t,
        has_error: error.is_some(),
        me: String::new(),
        csrf: String::new(),
        state,
        token: token.to_owned(),
        error: error.map(|id| t.get(id)),
    })?;
    *response.status_mut() = status;
    Ok(response)
}

/// The page for a link that cannot be used, or `None` if it can.
fn unusable(app: &AppState, state: LinkState) -> Option<Result<Response, WebError>> {
    match state {
        LinkState::Usable { .. } => None,
        LinkState::Used => Some(render(app, "used", "", None, StatusCode::GONE)),
        LinkState::Expired | LinkState::Unknown => {
            Some(render(app, "expired", "", None, StatusCode::GONE))
        }
    }
}

async fn state_of(app: &AppState, token: &str) -> Result<LinkState, WebError> {
    Ok(match ConversationToken::parse(token) {
        Some(token) => app.store.password_link(&token.key()).await?,
        None => LinkState::Unknown,
    })
}

pub async fn show_password_form(
    State(app): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let state = state_of(&app, &token).await?;
    if let Some(page) = unusable(&app, state) {
        return page;
    }
    render(&app, "form", &token, None, StatusCode::OK)
}

pub async fn set_password(
    State(app): State<AppState>,
    Path(token): Path<String>,
    fields: FormFields,
) -> Result<Response, WebError> {
    let state = state_of(&app, &token).await?;
    if let Some(page) = unusable(&app, state) {
        return page;
    }
    let Some(parsed) = ConversationToken::parse(&token) else {
        return render(&app, "expired", "", None, StatusCode::GONE);
    };
    let password = fields.get("password").unwrap_or_default().to_owned();
    if fields.get("confirm").unwrap_or_default() != password {
        let id = "staff-password-error-different";
        return render(&app, "form", &token, Some(id), StatusCode::BAD_REQUEST);
    }
    let hashed = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let hash = match hashed {
        Ok(hash) => hash,
        Err(PasswordError::TooShort) => {
            let id = "staff-password-error-short";
            return render(&app, "form", &token, Some(id), StatusCode::BAD_REQUEST);
        }
        Err(PasswordError::TooLong) => {
            let id = "staff-password-error-long";
            return render(&app, "form", &token, Some(id), StatusCode::BAD_REQUEST);
        }
        Err(PasswordError::Hash(e)) => return Err(WebError::Internal(e)),
    };
    match app.store.use_password_link(&parsed.key(), &hash).await? {
        LinkState::Usable { staff_id } => {
            tracing::info!(staff = staff_id, "password set through a link");
            render(&app, "done", "", None, StatusCode::OK)
        }
        other => unusable(&app, other)
            .unwrap_or_else(|| render(&app, "expired", "", None, StatusCode::GONE)),
    }
}
