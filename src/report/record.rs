//! A representation that reached the council another way (a letter, a call, an email, in
//! person, through a councillor or from the Ombudsman), recorded by staff so the annual report
//! counts every representation, not only those made online. The form's fields become a
//! [`CaseRow`] here; the page is `web::staff::report`.

use serde_json::json;
use time::Date;

use super::values::{instant, london_ms};
use crate::domain::{AdvocateWanted, CaseKind, Category, ContactMethod, Procedure, SubmitterRole};
use crate::store::cases::format_date;
use crate::store::report::{CaseRow, EventRow};
use crate::timescale::{Calendar, Deadline};

/// Message ids of the form's errors.
pub const ERROR_IDS: &[&str] = &[
    "report-error-method",
    "report-error-kind",
    "report-error-procedure",
    "report-error-submitted-by",
    "report-error-category",
    "report-error-aspect",
    "report-error-team",
    "report-error-summary",
    "report-error-too-long",
    "report-error-received",
    "report-error-received-future",
    "report-error-age",
    "report-error-advocate",
    "report-error-contact",
    "report-error-contact-value",
];

const SUMMARY_MAX: usize = 5000;
const SHORT_MAX: usize = 100;

/// The ways staff may say to get back in touch (not the urgent route's free text).
pub const CONTACTS: &[ContactMethod] = &[
    ContactMethod::Worker,
    ContactMethod::Carer,
    ContactMethod::Phone,
    ContactMethod::Email,
    ContactMethod::NoContact,
];

/// One problem with what was typed: the field's name and the message id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
}

/// The form as typed, so a refused form comes back filled in.
#[derive(Debug, Clone, Default)]
pub struct Typed {
    pub method: String,
    pub kind: String,
    pub procedure: String,
    pub submitted_by: String,
    pub category: String,
    pub aspects: Vec<String>,
    pub summary: String,
    pub received: String,
    pub first_name: String,
    pub age: String,
    pub advocate: String,
    pub contact: String,
    pub contact_value: String,
    /// Team ids from the council's lists (a team's label is taken too).
    pub teams: Vec<String>,
}

impl Typed {
    /// Read the form's fields, by name.
    pub fn read(get: impl Fn(&str) -> Option<String>, all: impl Fn(&str) -> Vec<String>) -> Self {
        let one = |name: &str| get(name).unwrap_or_default().trim().to_owned();
        Self {
            method: one("method"),
            kind: one("kind"),
            procedure: one("procedure"),
            submitted_by: one("submitted_by"),
            category: one("category"),
            aspects: all("aspect"),
            summary: one("summary"),
            received: one("received"),
            first_name: one("first_name"),
            age: one("age"),
            advocate: one("advocate"),
            contact: one("contact"),
            contact_value: one("contact_value"),
            teams: all("team")
                .into_iter()
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())
                .collect(),
        }
    }
}

/// Who is recording, and when.
pub struct Recorder<'a> {
    /// The council's lists, which the receipt method, categories and teams come from.
    pub lists: &'a crate::lists::Lists,
    /// `staff:<id>`, for the timeline.
    pub actor: String,
    pub now_ms: i64,
    pub calendar: &'a Calendar,
    pub locale: &'a str,
}

fn optional(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

/// Check the form and make the case, or say what to fix.
pub fn validate(typed: &Typed, by: &Recorder<'_>) -> Result<CaseRow, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut refuse = |field: &'static str, message: &'static str| {
        errors.push(FieldError { field, message });
    };
    let method = by
        .lists
        .receipt_method(&typed.method)
        .filter(|m| m.id != crate::lists::ONLINE);
    if method.is_none() {
        refuse("method", "report-error-method");
    }
    let kind = CaseKind::parse(&typed.kind);
    if kind.is_none() {
        refuse("kind", "report-error-kind");
    }
    let procedure = if typed.procedure.is_empty() {
        Some(Procedure::Statutory)
    } else {
        Procedure::parse(&typed.procedure)
    };
    if procedure.is_none() {
        refuse("procedure", "report-error-procedure");
    }
    let submitted_by = SubmitterRole::parse(&typed.submitted_by);
    if submitted_by.is_none() {
        refuse("submitted_by", "report-error-submitted-by");
    }
    let category = Category::parse(&typed.category);
    if category.is_none() {
        refuse("category", "report-error-category");
    }
    let mentions: Vec<Option<&crate::lists::Entry>> = typed
        .aspects
        .iter()
        .map(|a| by.lists.category(false, a))
        .collect();
    if mentions.iter().any(Option::is_none) {
        refuse("aspect", "report-error-aspect");
    }
    let mut teams: Vec<String> = Vec::new();
    for typed_team in &typed.teams {
        let team = by
            .lists
            .team(typed_team)
            .or_else(|| by.lists.team_named(typed_team));
        match team {
            Some(team) if !teams.contains(&team.id) => teams.push(team.id.clone()),
            Some(_) => {}
            None if typed_team.chars().count() > SHORT_MAX => {
                refuse("team", "report-error-too-long");
            }
            None => refuse("team", "report-error-team"),
        }
    }
    if typed.summary.is_empty() {
        refuse("summary", "report-error-summary");
    } else if typed.summary.chars().count() > SUMMARY_MAX {
        refuse("summary", "report-error-too-long");
    }
    let now = instant(by.now_ms);
    let today = crate::timescale::today_in_england(now);
    let received = Date::parse(
        &typed.received,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
    .filter(|d| d.year() >= super::values::FinancialYear::EARLIEST);
    match received {
        None => refuse("received", "report-error-received"),
        Some(d) if d > today => refuse("received", "report-error-received-future"),
        Some(_) => {}
    }
    let age = if typed.age.is_empty() {
        Some(None)
    } else {
        typed
            .age
            .parse::<i64>()
            .ok()
            .filter(|a| (0..=120).contains(a))
            .map(Some)
    };
    if age.is_none() {
        refuse("age", "report-error-age");
    }
    let advocate = if typed.advocate.is_empty() {
        Some(AdvocateWanted::No)
    } else {
        AdvocateWanted::parse(&typed.advocate)
    };
    if advocate.is_none() {
        refuse("advocate", "report-error-advocate");
    }
    let contact = ContactMethod::parse(&typed.contact).filter(|c| CONTACTS.contains(c));
    match contact {
        None => refuse("contact", "report-error-contact"),
        Some(c) if c.needs_value() && typed.contact_value.is_empty() => {
            refuse("contact_value", "report-error-contact-value");
        }
        Some(_) => {}
    }
    for (field, text) in [
        ("first_name", &typed.first_name),
        ("contact_value", &typed.contact_value),
    ] {
        if text.chars().count() > SHORT_MAX {
            refuse(field, "report-error-too-long");
        }
    }
    let (
        Some(method),
        Some(kind),
        Some(procedure),
        Some(submitted_by),
        Some(category),
        Some(received),
        Some(age),
        Some(advocate),
        Some(contact),
        true,
    ) = (
        method,
        kind,
        procedure,
        submitted_by,
        category,
        received,
        age,
        advocate,
        contact,
        errors.is_empty(),
    )
    else {
        return Err(errors);
    };
    // Received today: now. Another day: midday, so the clock starts that day if it was a
    // working day, as it would have for a letter opened that morning.
    let received_at = if received == today {
        by.now_ms
    } else {
        london_ms(received, 12, 0)
    };
    let started = by.calendar.start_date(instant(received_at));
    // Each ticked category is one mention.
    let mentions: Vec<String> = mentions
        .into_iter()
        .flatten()
        .map(|c| c.id.clone())
        .collect();
    let complaint = kind == CaseKind::Complaint;
    Ok(CaseRow {
        kind: kind.as_str().into(),
        procedure: if complaint {
            procedure
        } else {
            Procedure::Statutory
        }
        .as_str()
        .into(),
        stage: 1,
        status: "new".into(),
        submitted_by: submitted_by.as_str().into(),
        category: category.as_str().into(),
        summary: typed.summary.clone(),
        advocate_wanted: advocate.as_str().into(),
        contact_method: contact.as_str().into(),
        contact_value: optional(&typed.contact_value).filter(|_| contact.needs_value()),
        first_name: optional(&typed.first_name),
        age,
        locale: by.locale.to_owned(),
        urgent: false,
        teams,
        method_of_receipt: method.id.clone(),
        received_at,
        stage_started_on: format_date(started),
        due_on: format_date(by.calendar.due(Deadline::StageOne, started)),
        extended_due_on: None,
        acknowledge_by: format_date(by.calendar.due(Deadline::Acknowledge, started)),
        acknowledged_at: None,
        outcome: None,
        closed_at: None,
        created_at: by.now_ms,
        mentions: if complaint { mentions } else { Vec::new() },
        events: vec![
            EventRow {
                kind: "submitted",
                actor: by.actor.clone(),
                detail: None,
                created_at: by.now_ms,
            },
            // The case page shows a conversation only for online cases; what staff wrote down
            // shows in the timeline instead.
            EventRow {
                kind: "note",
                actor: by.actor.clone(),
                detail: Some(json!({ "text": typed.summary })),
                created_at: by.now_ms,
            },
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn good() -> Typed {
        Typed {
            method: "letter".into(),
            kind: "complaint".into(),
            procedure: "statutory".into(),
            submitted_by: "parent_family".into(),
            category: "money".into(),
            aspects: vec!["delay".into(), "delay".into()],
            summary: "Allowance late".into(),
            received: "2025-06-07".into(),
            contact: "worker".into(),
            ..Typed::default()
        }
    }

    fn recorder(calendar: &Calendar) -> Recorder<'_> {
        static LISTS: std::sync::LazyLock<crate::lists::Lists> =
            std::sync::LazyLock::new(crate::lists::Lists::shipped);
        Recorder {
            lists: &LISTS,
            actor: "staff:7".into(),
            now_ms: london_ms(date!(2025 - 06 - 10), 9, 0),
            calendar,
            locale: "en-GB",
        }
    }

    #[test]
    fn a_letter_from_a_saturday_starts_the_clock_on_monday() {
        let cal = crate::timescale::calendar();
        let row = validate(&good(), &recorder(cal)).unwrap();
        assert_eq!(row.stage_started_on, "2025-06-09");
        assert_eq!(row.due_on, "2025-06-23");
        assert_eq!(row.acknowledge_by, "2025-06-12");
        // Each mention counts, even of the same category.
        assert_eq!(row.mentions, vec!["delay".to_owned(), "delay".to_owned()]);
        assert_eq!(row.events[0].actor, "staff:7");
        assert_eq!(row.method_of_receipt, "letter");
    }

    #[test]
    fn bad_fields_are_each_named() {
        let cal = crate::timescale::calendar();
        for (change, field) in [
            (
                (|t: &mut Typed| t.method = "online".into()) as fn(&mut Typed),
                "method",
            ),
            (|t| t.kind = "moan".into(), "kind"),
            (|t| t.summary = String::new(), "summary"),
            (|t| t.summary = "x".repeat(5001), "summary"),
            (|t| t.received = "2025-06-11".into(), "received"),
            (|t| t.received = "7/6/2025".into(), "received"),
            (|t| t.age = "-1".into(), "age"),
            (|t| t.contact = "phone".into(), "contact_value"),
            (|t| t.contact = "other".into(), "contact"),
            (|t| t.aspects = vec!["nonsense".into()], "aspect"),
            (|t| t.teams = vec!["t".repeat(101)], "team"),
            (|t| t.teams = vec!["Nowhere".into()], "team"),
            (|t| t.method = "pigeon".into(), "method"),
        ] {
            let mut typed = good();
            change(&mut typed);
            let errors = validate(&typed, &recorder(cal)).unwrap_err();
            assert_eq!(errors.len(), 1, "{field}: {errors:?}");
            assert_eq!(errors[0].field, field);
        }
    }
}
