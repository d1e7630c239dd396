//! Snapshots of every email kind this module renders (subject, text and HTML), to staff in
//! en-GB and to the child in en-GB and Arabic (right to left). The case carries markup and line
//! breaks in a child's words, to show they are escaped and cannot forge a row; no subject may
//! carry them. Dates that depend on today (the acknowledgement's) are blanked.

use super::*;
use crate::domain::{AdvocateWanted, CaseKind, Category, ContactMethod, Reference, UrgentReason};
use crate::store::outbox::{About, OutboxRow};

const WORDS: &str = "My <b>key worker</b> said \"no\" & left.\nReference: HYS-FAKE-ROWS";

fn case(locale: &str) -> Case {
    Case {
        reference: Reference::parse("HYS-2346-79AC").unwrap(),
        category: Some(Category::ALL[0]),
        summary: Some(WORDS.into()),
        advocate_wanted: AdvocateWanted::Yes,
        contact_method: ContactMethod::Email,
        contact_value: Some("sam@example.invalid".into()),
        first_name: Some("Sam <i>".into()),
        age: Some(14),
        locale: locale.into(),
        ..Case::sample()
    }
}

fn words() -> Localizer {
    Localizer::load(&Config::default().locales_dir).unwrap()
}

fn shown(rendered: &Rendered) -> String {
    assert!(
        !rendered.subject.contains("key worker") && !rendered.subject.contains("Sam"),
        "a child's words in a subject: {}",
        rendered.subject
    );
    format!(
        "Subject: {}\n\n----- text -----\n{}\n----- html -----\n{}\n",
        rendered.subject, rendered.text, rendered.html
    )
}

fn snapshot(name: &str, kind: EmailKind, case: &Case, config: &Config) {
    let rendered = render(kind, case, config, &words()).unwrap();
    insta::assert_snapshot!(name, shown(&rendered));
}

#[test]
fn staff_emails_in_en_gb() {
    let config = Config::default();
    let complaint = case("en-GB");
    snapshot("new_case", EmailKind::NewCase, &complaint, &config);
    snapshot(
        "new_information",
        EmailKind::NewInformation,
        &complaint,
        &config,
    );
    snapshot(
        "advocacy_referral",
        EmailKind::AdvocacyReferral,
        &complaint,
        &config,
    );
    let mut quoting = Config::default();
    quoting.routing.advocacy_gets_words = true;
    snapshot(
        "advocacy_referral_with_words",
        EmailKind::AdvocacyReferral,
        &complaint,
        &quoting,
    );
    let urgent = Case {
        kind: CaseKind::SafetyConcern,
        urgent: true,
        urgent_reasons: vec![
            UrgentReason::ChoseNotSafe,
            UrgentReason::PhraseInAnswer {
                question: "What happened?".into(),
                words: WORDS.into(),
            },
        ],
        ..case("en-GB")
    };
    snapshot("urgent", EmailKind::Urgent, &urgent, &config);
}

#[test]
fn emails_to_the_child_in_en_gb_and_arabic() {
    let config = Config::default();
    for locale in ["en-GB", "ar"] {
        let child = case(locale);
        snapshot(
            &format!("reply_to_child-{locale}"),
            EmailKind::ReplyToChild,
            &child,
            &config,
        );
    }
}

#[test]
fn the_acknowledgement_in_en_gb_and_arabic() {
    let config = Config::default();
    let words = words();
    for locale in ["en-GB", "ar"] {
        // Received now: a letter names the year of a date outside the current one, so a fixed
        // day would read differently once its year is over.
        let child = Case {
            received_at: time::OffsetDateTime::now_utc(),
            ..case(locale)
        };
        let rendered = render(EmailKind::Acknowledgement, &child, &config, &words).unwrap();
        // Its dates count from the day it was received, from the case's own due dates and
        // from today, and name the year of any date outside this one: blank every form of
        // every date from the first of those to sixty days after the last, so the snapshot
        // holds on any day it runs. The forms with a year go first, as they hold the others.
        let mut text = shown(&rendered);
        let at = words.resolve(locale).unwrap();
        let today = crate::timescale::today_in_england(time::OffsetDateTime::now_utc());
        let received = crate::timescale::today_in_england(child.received_at);
        let known = [
            Some(today),
            Some(received),
            child.acknowledge_by,
            child.due_on,
        ];
        let first = known.iter().flatten().min().copied().unwrap();
        let last = known.iter().flatten().max().copied().unwrap() + time::Duration::days(60);
        let mut day = first;
        while day <= last {
            let another_year = day + time::Duration::days(400);
            for form in [
                words.long_date_from(&at, day, another_year),
                words.long_date(&at, day),
                words.short_date(&at, day),
            ] {
                text = text.replace(&form, "[date]");
            }
            day += time::Duration::days(1);
        }
        insta::assert_snapshot!(format!("acknowledgement-{locale}"), text);
    }
}

#[test]
fn the_full_message_has_only_configured_addresses_and_a_stable_message_id() {
    let config = Config::default();
    let rendered = render(EmailKind::NewCase, &case("en-GB"), &config, &words()).unwrap();
    let row = OutboxRow {
        id: 1,
        about: About::Case(1),
        kind: EmailKind::NewCase,
        recipient: config.routing.rights_officer[0].clone(),
        message_id: "<new_case.1@example.invalid>".into(),
        attempts: 0,
    };
    let thread = Thread {
        root: Some("<root.1@example.invalid>".into()),
        reply_to: Some("replies+abcdefghijkmnpq2@example.invalid".into()),
        subject_tag: None,
    };
    let raw = message(&row, rendered, &config.mail.from, &thread)
        .unwrap()
        .formatted();
    let raw = String::from_utf8(raw).unwrap();
    let boundary = raw
        .split("boundary=\"")
        .nth(1)
        .and_then(|b| b.split('"').next())
        .unwrap()
        .to_owned();
    let headers: Vec<String> = raw
        .split("\r\n\r\n")
        .next()
        .unwrap()
        .lines()
        .map(|line| match line.split_once(": ") {
            Some(("Date", _)) => "Date: [blanked]".to_owned(),
            _ => line.replace(&boundary, "[boundary]"),
        })
        .collect();
    insta::assert_snapshot!("new_case-headers", headers.join("\n"));
}

#[test]
fn the_reference_and_secret_words_in_en_gb_and_arabic() {
    let config = Config::default();
    for locale in ["en-GB", "ar"] {
        let child = case(locale);
        let rendered = crate::notify::keep_words::render(
            &child,
            "cat ball cloud green 472",
            &config,
            &words(),
        )
        .unwrap();
        assert!(
            !rendered.subject.contains("cat ball"),
            "{}",
            rendered.subject
        );
        insta::assert_snapshot!(format!("keep_words-{locale}"), shown(&rendered));
    }
}
