//! Mail from the reply mailbox that could not be filed by itself: officers and managers read it
//! here (sender, date, subject, the stripped text, escaped like every page), then file it on a
//! case by reference or dismiss it. Both are audit events; nothing is ever deleted.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::session::StaffSession;
use crate::domain::Reference;
use crate::error::WebError;
use crate::i18n::Words;
use crate::store::inbound::UnmatchedMail;
use crate::web::AppState;
use crate::web::form::FormFields;
use crate::web::pages::{html, words};

/// Why a message is unmatched; each has `staff-mail-reason-<reason>` in the staff locale.
pub const REASONS: &[&str] = &[
    "no_case",
    "unknown_sender",
    "other_case",
    "auto_reply",
    "bounce_unknown",
    "unauthenticated",
    "no_sender",
    "not_readable",
    "too_large",
    "empty",
    "error",
];

pub struct MailView {
    pub id: i64,
    pub sender: String,
    pub when: String,
    pub subject: String,
    pub body: String,
    pub attachments: Vec<String>,
    pub reason: String,
    pub auto_reply: bool,
    pub error: String,
    /// What was typed in this message's reference field, and what was wrong with it.
    pub typed: String,
    pub field_error: String,
}

#[derive(Template)]
#[template(path = "staff_unmatched.html", config = "src/web/askama.toml")]
pub struct UnmatchedPage<'a> {
    pub t: Words<'a>,
    pub urgent_alerts: Vec<String>,
    pub has_error: bool,
    pub csrf: String,
    pub me: String,
    pub mail: Vec<MailView>,
}

fn view(app: &AppState, t: &Words<'_>, m: UnmatchedMail) -> MailView {
    let locale = app.words.fallback();
    let attachments: Vec<serde_json::Value> = m
        .attachments
        .as_deref()
        .and_then(|a| serde_json::from_str(a).ok())
        .unwrap_or_default();
    let reason = m.reason.unwrap_or_else(|| "error".into());
    MailView {
        id: m.id,
        sender: m.sender.unwrap_or_default(),
        when: app
            .words
            .short_date_time(&locale, m.sent_at.unwrap_or(m.received_at)),
        subject: m.subject.unwrap_or_default(),
        body: m.body.unwrap_or_default(),
        attachments: attachments
            .iter()
            .map(|a| {
                let name = a.get("name").and_then(|n| n.as_str()).unwrap_or_default();
                let size = a.get("size").and_then(|s| s.as_u64()).unwrap_or_default();
                t.get_with(
                    "staff-mail-attachment",
                    &[
                        ("name", fluent::FluentValue::from(name)),
                        ("kb", fluent::FluentValue::from(size.div_ceil(1024))),
                    ],
                )
            })
            .collect(),
        auto_reply: reason == "auto_reply",
        reason: if REASONS.contains(&reason.as_str()) {
            t.get(&format!("staff-mail-reason-{reason}"))
        } else {
            reason
        },
        error: m.last_error.unwrap_or_default(),
        typed: String::new(),
        field_error: String::new(),
    }
}

async fn page(
    app: &AppState,
    session: &StaffSession,
    typed: Option<(i64, String, String)>,
) -> Result<Response, WebError> {
    if !session.member.role.works_cases() {
        return Err(WebError::NotFound);
    }
    let locale = app.words.fallback();
    let t = words(app, &locale);
    let mut mail: Vec<MailView> = app
        .store
        .unmatched_mail()
        .await?
        .into_iter()
        .map(|m| view(app, &t, m))
        .collect();
    let has_error = typed.is_some();
    if let Some((id, text, error)) = typed {
        if let Some(m) = mail.iter_mut().find(|m| m.id == id) {
            m.typed = text;
            m.field_error = error;
        }
    }
    let urgent_alerts = super::alerts::urgent_alerts(app, session).await?;
    html(&UnmatchedPage {
        t,
        urgent_alerts,
        has_error,
        csrf: session.csrf.clone(),
        me: session.member.name.clone(),
        mail,
    })
}

pub async fn show_unmatched(
    State(app): State<AppState>,
    session: StaffSession,
) -> Result<Response, WebError> {
    page(&app, &session, None).await
}

pub async fn act_on_mail(
    State(app): State<AppState>,
    session: StaffSession,
    Path((id, action)): Path<(String, String)>,
    fields: FormFields,
) -> Result<Response, WebError> {
    session.check_csrf(&fields)?;
    if !session.member.role.works_cases() {
        return Err(WebError::NotFound);
    }
    let id: i64 = id.parse().map_err(|_| WebError::NotFound)?;
    if app.store.unmatched_mail_by_id(id).await?.is_none() {
        // Filed or dismissed by a colleague meanwhile: the list shows where things stand.
        return Ok(Redirect::to("/staff/mail").into_response());
    }
    match action.as_str() {
        "dismiss" => {
            app.store.dismiss_unmatched(id, session.member.id).await?;
        }
        "file" => {
            let typed: String = fields
                .get("reference")
                .unwrap_or_default()
                .chars()
                .take(40)
                .collect();
            let locale = app.words.fallback();
            let t = words(&app, &locale);
            let case = match Reference::parse(typed.trim()) {
                Ok(r) => app.store.case_by_reference(&r).await?,
                Err(_) => None,
            };
            let Some(case) = case else {
                let error = t.get("staff-mail-no-such-case");
                return page(&app, &session, Some((id, typed, error))).await;
            };
            app.store
                .file_unmatched(id, case.id, session.member.id)
                .await?;
        }
        _ => return Err(WebError::NotFound),
    }
    Ok(Redirect::to("/staff/mail").into_response())
}
