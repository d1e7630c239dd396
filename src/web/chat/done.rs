//! The reference page after sending ("what happens next"), and "email them to me".

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use fluent::FluentValue;

use super::show_current;
use crate::domain::{AdvocateWanted, ContactMethod};
use crate::error::WebError;
use crate::i18n::Words;
use crate::intake;
use crate::store::cases::Receipt;
use crate::store::keep_words::KeepWords;
use crate::web::AppState;
use crate::web::cookie;
use crate::web::form::FormFields;
use crate::web::pages::{html, words};
use crate::web::templates::{DonePage, tel};

pub async fn show_done(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let Some(token) = cookie::token(&app.config, &headers) else {
        return Ok(Redirect::to("/").into_response());
    };
    let Some(confirmation) = intake::confirmation(&app.intake, &token).await? else {
        return show_current(State(app), headers).await;
    };
    let locale = app
        .words
        .resolve(&confirmation.receipt.locale)
        .unwrap_or_else(|| app.words.fallback());
    let t = words(&app, &locale);
    let receipt = &confirmation.receipt;
    // "Email them to me" only for an email address given, and only while the words are shown
    // (they cannot be sent once they are gone); once asked, a kind line says it is on its way.
    let email_offer = match app.store.keep_words_offer(&token.key()).await? {
        Some(false) if confirmation.secret.is_some() => Some(false),
        Some(true) => Some(true),
        _ => None,
    };
    html(&DonePage {
        t,
        has_error: false,
        reference: receipt.reference.to_string(),
        secret: confirmation.secret.map(|s| s.expose().to_owned()),
        email_offer,
        next_steps: next_steps(t, receipt),
        urgent: receipt.urgent,
        help_tel: tel(&app.config.help_phone),
        out_of_hours_tel: tel(&app.config.out_of_hours_phone),
    })
}

/// "Email them to me": queue the reference and the secret words to the address the child gave,
/// once per case (a second post queues nothing), then back to the confirmation, which says so.
pub async fn email_words(
    State(app): State<AppState>,
    headers: HeaderMap,
    _fields: FormFields,
) -> Result<Response, WebError> {
    let Some(token) = cookie::token(&app.config, &headers) else {
        return Ok(Redirect::to("/").into_response());
    };
    if let Some(confirmation) = intake::confirmation(&app.intake, &token).await?
        && let Some(secret) = confirmation.secret
    {
        let domain = crate::notify::message_domain(&app.config.mail.from);
        let queued = app
            .store
            .queue_keep_words(&token.key(), secret.expose(), domain)
            .await?;
        if queued == KeepWords::Queued {
            app.outbox.queued();
        }
    }
    Ok(Redirect::to("/chat/done#keep-email").into_response())
}

/// "What happens next", promising only what follows from what was chosen: no reply date for
/// someone who asked not to be contacted, and an advocate only for someone who asked for one.
fn next_steps(t: Words<'_>, receipt: &Receipt) -> Vec<String> {
    let date = |d| FluentValue::from(t.date(d));
    let mut steps = vec![t.get("done-next-read")];
    let no_contact = receipt.contact == ContactMethod::NoContact;
    if no_contact {
        steps.push(t.get("done-next-no-contact"));
    } else {
        steps.push(t.get_with("done-next-reply-by", &[("date", date(receipt.due_on))]));
    }
    if receipt.advocate_wanted == AdvocateWanted::Yes {
        steps.push(if no_contact {
            t.get("done-next-advocate-call")
        } else {
            t.get_with(
                "done-next-advocate",
                &[("date", date(receipt.acknowledge_by))],
            )
        });
    }
    steps
}
