//! Issue 21, the child's journey: "Email them to me" sends the reference and secret words once
//! per case through a real SMTP server, and keeps the words readable only until it has gone;
//! the optional "How are you feeling?" face is stored with the case, shown to staff and counted
//! in the annual report. Both stores (set `TEST_DATABASE_URL` for PostgreSQL).

use crate::helpers;

use helpers::smtp::SmtpSink;
use helpers::{Page, StaffBrowser as Staff, TestApp, spawn_app_with};

/// A complaint from a young person who wants replies by email.
const BY_EMAIL: &[&str] = &[
    "complaint",
    "young_person",
    "money",
    "My allowance was late <b>again</b>",
    "",
    "no",
    "email",
    "sam@example.org",
    "Sam",
    "14",
];

async fn app_on(smtp: &SmtpSink) -> TestApp {
    let port = smtp.port;
    spawn_app_with(move |c| c.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}").into())).await
}

/// Start from the first page with `start` (what the Start form posts), answer `values`, skip
/// "About you", and send from the check page. Returns the confirmation page.
async fn send_from(app: &TestApp, start: &[(&str, &str)], values: &[&str]) -> Page {
    let mut page = Page::from(app.post("/chat/start", start).await).await;
    for value in values {
        assert_eq!(page.status, 200, "before {value:?}: {}", page.body);
        page = app.answer(value).await;
    }
    if page.step_id() == "about-you" {
        page = app.answer_step("about-you", &["skip"]).await;
    }
    assert_eq!(page.step_id(), "check", "{}", page.body);
    let done = Page::from(
        app.post("/chat/answer", &[("step", "check"), ("then", "send")])
            .await,
    )
    .await;
    assert!(done.url.ends_with("/chat/done"), "{}", done.body);
    done
}

fn keep_emails(smtp: &SmtpSink) -> Vec<helpers::smtp::Received> {
    smtp.received()
        .into_iter()
        .filter(|m| m.subject == "Your reference for Have Your Say")
        .collect()
}

#[tokio::test]
async fn email_them_to_me_sends_the_reference_and_words_once_and_forgets_the_words() {
    let smtp = SmtpSink::start();
    let app = app_on(&smtp).await;
    let done = app.send(BY_EMAIL).await;
    let reference = done.reference();
    let words = done.secret().expect("words shown");
    assert!(
        done.body.contains("action=\"/chat/email-me\""),
        "{}",
        done.body
    );
    // The acknowledgement and staff emails go first; then nothing of ours is waiting.
    app.dispatch_emails().await;
    assert!(keep_emails(&smtp).is_empty());

    // Works as a plain form post (scripts off): a redirect back to a page that says so.
    let after = Page::from(app.post("/chat/email-me", &[]).await).await;
    assert_eq!(after.status, 200);
    assert!(after.url.ends_with("/chat/done"), "{}", after.url);
    assert!(
        after
            .body
            .contains("We are sending your reference and secret words"),
        "{}",
        after.body
    );
    assert!(!after.body.contains("action=\"/chat/email-me\""));
    // A second tap, and a reload of the confirmation: still one email.
    let again = Page::from(app.post("/chat/email-me", &[]).await).await;
    assert!(again.body.contains("We are sending your reference"));
    app.get("/chat/done").await;
    app.dispatch_emails().await;

    let sent = keep_emails(&smtp);
    assert_eq!(sent.len(), 1, "{sent:#?}");
    let email = &sent[0];
    assert_eq!(email.rcpt_to, "sam@example.org");
    assert!(email.text.contains(&reference), "{}", email.text);
    assert!(email.text.contains(&words), "{}", email.text);
    assert!(email.html.contains(&words));
    // The subject names neither the words nor anything the child wrote.
    for word in words.split_whitespace() {
        assert!(!email.subject.contains(word), "{}", email.subject);
    }
    assert!(!email.subject.contains("allowance"));
    assert!(!email.subject.contains(&reference));
    assert_eq!(
        app.count_where("outbox", "kind = 'keep_words' and status = 'sent'")
            .await,
        1
    );
    // Sent: the words are no longer kept readable anywhere.
    assert_eq!(
        app.count_where("cases", "words_to_email is not null").await,
        0
    );
    // Staff see it in the case's email list by name.
    let ana = Staff::sign_in(&app, "ana@council.gov.uk", "officer").await;
    let case = app
        .get_as(&ana.browser, &format!("/staff/cases/{reference}"))
        .await;
    assert!(
        case.body.contains("Their reference and secret words"),
        "{}",
        case.body
    );
}

#[tokio::test]
async fn email_them_to_me_is_not_offered_without_an_email_address() {
    let smtp = SmtpSink::start();
    let app = app_on(&smtp).await;
    let done = app.send(helpers::COMPLAINT).await;
    assert!(done.secret().is_some());
    assert!(!done.body.contains("/chat/email-me"), "{}", done.body);
    // Posting anyway (an old page, a crafted form) queues nothing.
    let after = Page::from(app.post("/chat/email-me", &[]).await).await;
    assert!(after.url.ends_with("/chat/done"));
    assert!(!after.body.contains("We are sending your reference"));
    assert_eq!(app.count_where("outbox", "kind = 'keep_words'").await, 0);
    // And a browser with no case is sent to the first page.
    app.get("/leave").await;
    let nothing = Page::from(app.post("/chat/email-me", &[]).await).await;
    assert_eq!(nothing.status, 200);
    assert!(!nothing.url.contains("/chat/done"), "{}", nothing.url);
}

#[tokio::test]
async fn the_feeling_chosen_on_the_first_page_is_kept_shown_to_staff_and_counted() {
    let smtp = SmtpSink::start();
    let app = app_on(&smtp).await;
    let first = app.get("/").await.text().await.unwrap();
    assert_eq!(first.matches("name=\"feeling\"").count(), 5, "{first}");
    assert!(first.contains("How are you feeling?"));

    // One child chooses "Sad", one skips it, one sends a value that is not a face.
    let sad = send_from(&app, &[("feeling", "2")], helpers::COMPLAINT)
        .await
        .reference();
    app.get("/leave").await;
    send_from(&app, &[], helpers::COMPLAINT).await;
    app.get("/leave").await;
    send_from(&app, &[("feeling", "9")], helpers::COMPLAINT).await;
    app.get("/leave").await;
    assert_eq!(app.count_where("cases", "feeling = 2").await, 1);
    assert_eq!(app.count_where("cases", "feeling is not null").await, 1);

    let manager = Staff::sign_in(&app, "mo@council.gov.uk", "manager").await;
    let case = app
        .get_as(&manager.browser, &format!("/staff/cases/{sad}"))
        .await;
    assert!(
        case.body.contains("How they felt when they started"),
        "{}",
        case.body
    );
    assert!(case.body.contains("<dd>Sad</dd>"));

    let csv = app.get_as(&manager.browser, "/staff/report.csv").await;
    assert_eq!(csv.status, 200);
    let row = |label: &str| -> Vec<String> {
        let start = format!("How children felt when they started,{label},");
        let line = csv
            .body
            .lines()
            .find(|l| l.starts_with(&start))
            .unwrap_or_else(|| panic!("no {label} row: {}", csv.body));
        line.split(',').map(str::to_owned).collect()
    };
    // This year is the last pair of columns: a number, then a percentage.
    let count = |label: &str| {
        let cells = row(label);
        cells[cells.len() - 2].clone()
    };
    assert_eq!(count("Sad"), "1");
    assert_eq!(count("Very happy"), "0");
    assert_eq!(count("Skipped or not asked"), "2");
}
