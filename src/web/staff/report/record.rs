//! The form where officers and managers record a case that arrived by letter, phone, email, in
//! person, through a councillor or from the Ombudsman: its choices from the domain's values and
//! the council's lists, and the case it writes once every field reads.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};

use crate::domain::{AdvocateWanted, CaseKind, Category, Procedure, SubmitterRole};
use crate::error::WebError;
use crate::i18n::Words;
use crate::report::record::{self, FieldError, Typed};
use crate::web::AppState;
use crate::web::form::FormFields;
use crate::web::pages::{html, words};
use crate::web::staff::session::StaffSession;

/// A choice in a list: value, label, chosen.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

#[derive(Template)]
#[template(path = "staff_record.html", config = "src/web/askama.toml")]
pub struct RecordPage<'a> {
    pub t: Words<'a>,
    /// Cases whose urgent alert could not be delivered: a red banner on every staff page.
    pub urgent_alerts: Vec<String>,
    pub has_error: bool,
    pub csrf: String,
    pub me: String,
    /// `(field, message)`, in the order of the form.
    pub errors: Vec<(&'static str, String)>,
    pub typed: Typed,
    pub methods: Vec<Choice>,
    pub kinds: Vec<Choice>,
    pub procedures: Vec<Choice>,
    pub submitters: Vec<Choice>,
    pub categories: Vec<Choice>,
    pub aspects: Vec<Choice>,
    pub teams: Vec<Choice>,
    pub advocates: Vec<Choice>,
    pub contacts: Vec<Choice>,
    pub today: String,
}

impl RecordPage<'_> {
    /// The message for `field`, if it was refused.
    pub fn error_for(&self, field: &str) -> Option<&String> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, message)| message)
    }
}

fn choices<T: Copy>(
    t: &Words<'_>,
    values: impl IntoIterator<Item = T>,
    as_str: fn(T) -> &'static str,
    prefix: &str,
    chosen: &[String],
) -> Vec<Choice> {
    values
        .into_iter()
        .map(|v| {
            let value = as_str(v);
            Choice {
                value: value.to_owned(),
                label: t.get(&format!("{prefix}{value}")),
                chosen: chosen.iter().any(|c| c == value),
            }
        })
        .collect()
}

/// Choices from the council's lists: `(id, label)`.
fn list_choices<'a>(
    entries: impl IntoIterator<Item = (&'a str, String)>,
    chosen: &[String],
) -> Vec<Choice> {
    entries
        .into_iter()
        .map(|(id, label)| Choice {
            value: id.to_owned(),
            label,
            chosen: chosen.iter().any(|c| c == id),
        })
        .collect()
}

fn record_page<'a>(
    t: Words<'a>,
    lists: &crate::lists::Lists,
    session: &StaffSession,
    typed: Typed,
    errors: &[FieldError],
    urgent_alerts: Vec<String>,
) -> RecordPage<'a> {
    let one = |v: &str| vec![v.to_owned()];
    let today = crate::timescale::today_in_england(time::OffsetDateTime::now_utc());
    RecordPage {
        t,
        urgent_alerts,
        has_error: !errors.is_empty(),
        csrf: session.csrf.clone(),
        me: session.member.name.clone(),
        errors: errors.iter().map(|e| (e.field, t.get(e.message))).collect(),
        methods: list_choices(
            lists
                .receipt_methods
                .iter()
                .filter(|m| m.id != crate::lists::ONLINE)
                .map(|m| (m.id.as_str(), m.label.clone())),
            &one(&typed.method),
        ),
        kinds: choices(
            &t,
            CaseKind::ALL.iter().copied(),
            CaseKind::as_str,
            "label-kind-",
            &one(&typed.kind),
        ),
        procedures: choices(
            &t,
            Procedure::ALL.iter().copied(),
            Procedure::as_str,
            "report-procedure-",
            &one(if typed.procedure.is_empty() {
                "statutory"
            } else {
                &typed.procedure
            }),
        ),
        submitters: choices(
            &t,
            SubmitterRole::ALL.iter().copied(),
            SubmitterRole::as_str,
            "report-submitted-by-",
            &one(&typed.submitted_by),
        ),
        categories: choices(
            &t,
            Category::ALL.iter().copied(),
            Category::as_str,
            "label-category-",
            &one(&typed.category),
        ),
        aspects: list_choices(
            lists.complaint_categories().map(|(g, c)| {
                let label = if g.label == c.label {
                    c.label.clone()
                } else {
                    format!("{}: {}", g.label, c.label)
                };
                (c.id.as_str(), label)
            }),
            &typed.aspects,
        ),
        teams: list_choices(
            lists.teams.iter().map(|team| {
                let service = lists
                    .service(&team.service)
                    .map_or("", |s| s.label.as_str());
                (team.id.as_str(), format!("{} ({service})", team.label))
            }),
            &typed.teams,
        ),
        advocates: choices(
            &t,
            AdvocateWanted::ALL.iter().copied(),
            AdvocateWanted::as_str,
            "report-advocate-",
            &one(if typed.advocate.is_empty() {
                "no"
            } else {
                &typed.advocate
            }),
        ),
        contacts: choices(
            &t,
            record::CONTACTS.iter().copied(),
            crate::domain::ContactMethod::as_str,
            "label-contact-",
            &one(&typed.contact),
        ),
        today: crate::store::cases::format_date(today),
        typed,
    }
}

fn works_cases(session: &StaffSession) -> Result<(), WebError> {
    if session.member.role.works_cases() {
        Ok(())
    } else {
        Err(WebError::NotFound)
    }
}

pub async fn show_record_form(
    State(app): State<AppState>,
    session: StaffSession,
) -> Result<Response, WebError> {
    works_cases(&session)?;
    let locale = app.words.fallback();
    let typed = Typed {
        received: crate::store::cases::format_date(crate::timescale::today_in_england(
            time::OffsetDateTime::now_utc(),
        )),
        ..Typed::default()
    };
    let alerts = crate::web::staff::alerts::urgent_alerts(&app, &session).await?;
    html(&record_page(
        words(&app, &locale),
        &app.config.procedures.lists,
        &session,
        typed,
        &[],
        alerts,
    ))
}

pub async fn record_case(
    State(app): State<AppState>,
    session: StaffSession,
    fields: FormFields,
) -> Result<Response, WebError> {
    session.check_csrf(&fields)?;
    works_cases(&session)?;
    let typed = Typed::read(
        |name| fields.get(name).map(str::to_owned),
        |name| fields.all(name),
    );
    let locale = app.words.fallback();
    let recorder = record::Recorder {
        lists: &app.config.procedures.lists,
        actor: session.actor(),
        now_ms: crate::store::now_ms(),
        calendar: &app.calendar,
        locale: locale.as_str(),
    };
    match record::validate(&typed, &recorder) {
        Ok(row) => {
            // Asked for an advocate in a letter or a call: referred like a case sent online.
            let advocate =
                AdvocateWanted::parse(&row.advocate_wanted).unwrap_or(AdvocateWanted::No);
            let emails = crate::notify::routing::advocacy_referrals(advocate, &app.config.routing);
            let domain = crate::notify::message_domain(&app.config.mail.from);
            let reference = app
                .store
                .insert_recorded_case(&row, &emails, domain)
                .await?;
            if !emails.is_empty() {
                app.outbox.queued();
            }
            tracing::info!(
                staff = session.member.id,
                method = %row.method_of_receipt,
                kind = %row.kind,
                "case recorded by staff"
            );
            Ok(Redirect::to(&format!("/staff/cases/{reference}")).into_response())
        }
        Err(errors) => {
            let alerts = crate::web::staff::alerts::urgent_alerts(&app, &session).await?;
            let page = record_page(
                words(&app, &locale),
                &app.config.procedures.lists,
                &session,
                typed,
                &errors,
                alerts,
            );
            let mut response = html(&page)?;
            *response.status_mut() = axum::http::StatusCode::BAD_REQUEST;
            Ok(response)
        }
    }
}
