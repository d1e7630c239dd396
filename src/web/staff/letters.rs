//! Letters on the case page: the acknowledgement the officer may send when acknowledging (by
//! email when the person chose email, otherwise a letter page to print, and nothing when they
//! asked not to be contacted), the printable letter page itself, and "Start from this", which
//! fills the reply box from a template without JavaScript.

use axum::extract::{Path, State};
use axum::response::Response;

use super::session::StaffSession;
use crate::domain::{Case, ContactMethod, EmailKind};
use crate::error::WebError;
use crate::i18n::Locale;
use crate::i18n::Words;
use crate::letters::{self, Letter};
use crate::store::outbox::NewEmail;
use crate::web::AppState;
use crate::web::form::FormFields;
use crate::web::pages::{html, words};

/// The acknowledgement form's check box.
pub const SEND_FIELD: &str = "send_acknowledgement";

/// How an acknowledgement reaches the person, from the contact route they chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Email(String),
    /// Any other route (phone, their worker, their carer, other): a letter the officer prints.
    Letter,
    /// They asked not to be contacted: nothing is sent.
    Nothing,
}

impl Route {
    pub fn of(case: &Case) -> Self {
        match (case.contact_method, case.contact_value.as_deref()) {
            (ContactMethod::NoContact, _) => Route::Nothing,
            (ContactMethod::Email, Some(address)) if !address.trim().is_empty() => {
                Route::Email(address.to_owned())
            }
            _ => Route::Letter,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Route::Email(_) => "email",
            Route::Letter => "letter",
            Route::Nothing => "none",
        }
    }
}

/// What acknowledging with the box ticked does besides the acknowledgement itself.
pub enum Acknowledgement {
    Email(NewEmail),
    /// Show the letter to print once acknowledged.
    Print,
    None,
}

pub fn acknowledgement(case: &Case, fields: &FormFields) -> Acknowledgement {
    if fields.get(SEND_FIELD) != Some("yes") {
        return Acknowledgement::None;
    }
    match Route::of(case) {
        Route::Email(recipient) => Acknowledgement::Email(NewEmail {
            kind: EmailKind::Acknowledgement,
            recipient,
        }),
        Route::Letter => Acknowledgement::Print,
        Route::Nothing => Acknowledgement::None,
    }
}

/// The case page's part: the acknowledgement choice and the reply box's templates.
pub struct LettersView {
    /// "email", "letter" or "none".
    pub route: &'static str,
    /// What ticking the box will do, or why nothing will be sent.
    pub route_text: String,
    /// `(value, label)` of the templates the reply may start from.
    pub options: Vec<(&'static str, String)>,
    pub chosen: String,
    /// The reply box's text when "Start from this" was used; empty otherwise.
    pub reply_start: String,
}

pub fn view(app: &AppState, case: &Case, start: Option<Letter>, t: &Words<'_>) -> LettersView {
    let route = Route::of(case);
    let route_text = match &route {
        Route::Email(address) => t.get_with(
            "staff-ack-send-email",
            &[("address", fluent::FluentValue::from(address.clone()))],
        ),
        Route::Letter => t.get("staff-ack-send-letter"),
        Route::Nothing => t.get("staff-ack-send-none"),
    };
    LettersView {
        route: route.name(),
        route_text,
        options: Letter::ALL
            .iter()
            .map(|l| (l.as_str(), t.get(&format!("staff-letter-{}", l.as_str()))))
            .collect(),
        chosen: start.map(|l| l.as_str().to_owned()).unwrap_or_default(),
        reply_start: start
            .map(|letter| {
                let (locale, args) = letter_args(app, case);
                letters::render(&app.words, &locale, letter, &args)
            })
            .unwrap_or_default(),
    }
}

fn letter_args<'a>(app: &AppState, case: &Case) -> (Locale, fluent::FluentArgs<'a>) {
    let locale = app
        .words
        .resolve(&case.locale)
        .unwrap_or_else(|| app.words.fallback());
    let today = crate::timescale::today_in_england(time::OffsetDateTime::now_utc());
    let args = letters::args(case, &app.config, &app.words, &locale, &app.calendar, today);
    (locale, args)
}

#[derive(askama::Template)]
#[template(path = "staff_letter.html", config = "src/web/askama.toml")]
pub struct LetterPage<'a> {
    pub t: Words<'a>,
    pub urgent_alerts: Vec<String>,
    pub has_error: bool,
    pub csrf: String,
    pub me: String,
    pub reference: String,
    pub title: String,
    pub letter_lang: String,
    pub letter_dir: &'static str,
    pub authority: String,
    pub date: String,
    pub paragraphs: Vec<String>,
}

/// `/staff/cases/{reference}/letters/{letter}`: one letter in the case's language, to print.
pub async fn show_letter(
    State(app): State<AppState>,
    session: StaffSession,
    Path((reference, letter)): Path<(String, String)>,
) -> Result<Response, WebError> {
    if !session.member.role.works_cases() {
        return Err(WebError::NotFound);
    }
    let letter = Letter::parse(&letter).ok_or(WebError::NotFound)?;
    let reference = crate::domain::Reference::parse(&reference).map_err(|_| WebError::NotFound)?;
    let case = app
        .store
        .case_for_staff(&session.member, &reference)
        .await?
        .ok_or(WebError::NotFound)?;
    let staff_locale = app.words.fallback();
    let t = words(&app, &staff_locale);
    let (locale, args) = letter_args(&app, &case);
    let text = letters::render(&app.words, &locale, letter, &args);
    let today = crate::timescale::today_in_england(time::OffsetDateTime::now_utc());
    html(&LetterPage {
        urgent_alerts: super::alerts::urgent_alerts(&app, &session).await?,
        has_error: false,
        csrf: session.csrf.clone(),
        me: session.member.name.clone(),
        reference: case.reference.to_string(),
        title: t.get(&format!("staff-letter-{}", letter.as_str())),
        letter_dir: if app.words.is_rtl(&locale) {
            "rtl"
        } else {
            "ltr"
        },
        letter_lang: locale.as_str().to_owned(),
        authority: app.config.authority_name.clone(),
        date: app.words.long_date(&locale, today),
        paragraphs: text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect(),
        t,
    })
}

/// Ids this module formats itself (the template's own are found in its source).
pub fn message_ids() -> Vec<String> {
    let mut ids: Vec<String> = [
        "staff-ack-send-email",
        "staff-ack-send-letter",
        "staff-ack-send-none",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    ids.extend(
        Letter::ALL
            .iter()
            .map(|l| format!("staff-letter-{}", l.as_str())),
    );
    ids.extend(letters::message_ids());
    // The case page's email list names each kind (see `alerts`).
    ids.extend(
        [EmailKind::Acknowledgement, EmailKind::Digest]
            .iter()
            .map(|k| format!("staff-email-kind-{}", k.as_str())),
    );
    ids
}
