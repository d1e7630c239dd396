//! Keeping bots out without a CAPTCHA (issue 11): a hidden honeypot field on every answer form
//! and a minimum time from start to send. A suspicious case is kept whole but held: no email,
//! not in the inbox or the annual report, until a rights officer releases it or marks it as
//! spam. The sender sees exactly the normal confirmation, and an urgent case is never held.

use crate::helpers;

use std::time::Duration;

use have_your_say::config::Config;
use have_your_say::domain::Case;
use have_your_say::domain::Reference;
use helpers::smtp::SmtpSink;
use helpers::webdriver::{Browser, Options};
use helpers::{Page, TestApp, spawn_app_with};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// The honeypot's name on the answer forms (`src/web/chat.rs`).
const HONEYPOT: &str = "more_detail";
/// The Start button's form: no fields, but a form all the same.
const NO_FIELDS: [(&str, &str); 0] = [];
/// What a bot typically puts in every box it finds.
const BOT_TEXT: &str = "https://cheap-pills.example";

use helpers::COMPLAINT_BY_EMAIL_ABOUT_YOU_SKIPPED as COMPLAINT;
use helpers::WANTS_ADVOCATE;

/// Which answers a sender types into the hidden field.
#[derive(Clone, Copy, PartialEq)]
enum Bot {
    /// A person: the field is sent empty, as every browser sends it.
    No,
    /// Only on the first answer (the mark must last to the end).
    First,
    /// On every answer, as form-filling bots do.
    Every,
}

fn with_minimum(seconds: u32) -> impl FnOnce(&mut Config) {
    move |config: &mut Config| config.min_completion_seconds = seconds
}

fn route_to(config: &mut Config, smtp: &SmtpSink) {
    config.mail.smtp_url = Some(format!("smtp://127.0.0.1:{}", smtp.port).into());
    config.mail.from = "Have Your Say <hys@testshire.gov.uk>".into();
    config.routing.rights_officer = vec!["cro@testshire.gov.uk".into()];
    config.routing.advocacy_provider = vec!["referrals@advocacy.org.uk".into()];
    config.routing.urgent = vec!["mash@testshire.gov.uk".into()];
}

// ---- Sending, as a browser or an API client --------------------------------------------------

/// Answer the current step of this browser's conversation, with the hidden field as a form
/// sends it.
async fn answer(app: &TestApp, browser: &reqwest::Client, value: &str, bot: bool) -> Page {
    let page = Page::from(browser.get(app.url("/chat")).send().await.expect("GET")).await;
    let step = page.step_id();
    let honeypot = if bot { BOT_TEXT } else { "" };
    let fields = [
        ("step", step.as_str()),
        ("value", value),
        (HONEYPOT, honeypot),
    ];
    Page::from(
        browser
            .post(app.url("/chat/answer"))
            .form(&fields)
            .send()
            .await
            .expect("POST"),
    )
    .await
}

/// Walk a whole conversation in a new browser and send it; returns the confirmation page and
/// the page after each answer.
async fn send_as(app: &TestApp, values: &[&str], bot: Bot) -> (Page, Vec<Page>) {
    let browser = helpers::browser();
    let started = browser
        .post(app.url("/chat/start"))
        .form(&NO_FIELDS)
        .send()
        .await
        .expect("start");
    assert_eq!(started.status(), 200);
    let mut pages: Vec<Page> = Vec::new();
    for (i, value) in values.iter().enumerate() {
        let is_bot = bot == Bot::Every || (bot == Bot::First && i == 0);
        let page = answer(app, &browser, value, is_bot).await;
        assert_eq!(page.status, 200, "answering {value:?}: {}", page.body);
        pages.push(page);
    }
    // The optional "About you" questions, skipped with one tap, with the same form.
    if pages.last().is_some_and(|p| p.step_id() == "about-you") {
        pages.push(answer(app, &browser, "skip", bot == Bot::Every).await);
    }
    // "Check your answers" posts the same answer form, hidden field and all.
    if pages.last().is_some_and(|p| p.step_id() == "check") {
        pages.push(answer(app, &browser, "", bot == Bot::Every).await);
    }
    let last = pages.last().expect("pages");
    let send_step = last.step_id();
    assert!(
        send_step == "send" || send_step == "urgent-send",
        "{}",
        last.body
    );
    let done = Page::from(
        browser
            .post(app.url("/chat/submit"))
            .form(&[("step", send_step.as_str())])
            .send()
            .await
            .expect("submit"),
    )
    .await;
    assert!(done.url.ends_with("/chat/done"), "{}", done.body);
    (done, pages)
}

async fn send(app: &TestApp, values: &[&str], bot: Bot) -> String {
    send_as(app, values, bot).await.0.reference()
}

async fn api(app: &TestApp, method: Method, path: &str, token: &str, body: Value) -> (u16, Value) {
    let mut request = reqwest::Client::new()
        .request(method, app.url(path))
        .bearer_auth(token);
    if !body.is_null() {
        request = request.json(&body);
    }
    let response = request.send().await.expect("API request");
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// The same conversation through the JSON API, started `taken` earlier than it was (the clock
/// moved on, not waited for) before sending; the receipt.
async fn send_by_api(app: &TestApp, values: &[&str], taken: Duration) -> Value {
    let started = reqwest::Client::new()
        .post(app.url("/api/v1/conversations"))
        .json(&json!({"flow": "feedback", "locale": "en-GB"}))
        .send()
        .await
        .expect("start");
    assert_eq!(started.status(), StatusCode::CREATED);
    let started: Value = started.json().await.expect("JSON");
    let id = started["id"].as_str().expect("id").to_owned();
    let token = started["token"].as_str().expect("token").to_owned();
    let mut step = started["step"]["id"].as_str().expect("step").to_owned();
    let answers = format!("/api/v1/conversations/{id}/answers");
    for value in values {
        let (status, body) = api(
            app,
            Method::POST,
            &answers,
            &token,
            json!({"step": step, "value": value}),
        )
        .await;
        assert_eq!(status, 200, "{step} = {value:?}: {body}");
        step = body["step"]["id"].as_str().expect("step").to_owned();
    }
    if step == "about-you" {
        let (status, body) = api(
            app,
            Method::POST,
            &answers,
            &token,
            json!({"step": "about-you", "value": "skip"}),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        step = body["step"]["id"].as_str().expect("step").to_owned();
    }
    assert_eq!(step, "check");
    let (status, body) = api(
        app,
        Method::POST,
        &answers,
        &token,
        json!({"step": "check"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    started_earlier(app, taken).await;
    let submit = format!("/api/v1/conversations/{id}/submit");
    let (status, receipt) = api(app, Method::POST, &submit, &token, Value::Null).await;
    assert_eq!(status, 201, "{receipt}");
    receipt
}

/// Move the start of every open conversation `by` into the past, as if the child had taken
/// that long: the minimum completion time is measured from it.
async fn started_earlier(app: &TestApp, by: Duration) {
    let ms = i64::try_from(by.as_millis()).expect("a short time");
    sqlx::query("update conversations set created_at = created_at - $1")
        .bind(ms)
        .execute(app.store.pool())
        .await
        .expect("conversations moved back");
    // SQLite keeps unsent conversations in memory too: read them again from the table.
    app.store.forget_cached_conversations();
}

// ---- Reading what happened -------------------------------------------------------------------

async fn stored(app: &TestApp, reference: &str) -> Case {
    app.store
        .case_by_reference(&Reference::parse(reference).expect("reference"))
        .await
        .expect("query")
        .expect("the case is stored")
}

async fn outbox_rows(app: &TestApp, reference: &str) -> i64 {
    app.count_where(
        "outbox",
        &format!("case_id = (select id from cases where reference = '{reference}')"),
    )
    .await
}

async fn events(app: &TestApp, reference: &str, kind: &str) -> i64 {
    app.count_where(
        "case_events",
        &format!(
            "kind = '{kind}' and case_id = (select id from cases where reference = '{reference}')"
        ),
    )
    .await
}

/// Send every queued email (the sink has each one by then).
async fn all_sent(app: &TestApp) {
    app.dispatch_emails().await;
    assert_eq!(
        app.count_where("outbox", "status <> 'sent'").await,
        0,
        "emails were not sent"
    );
}

fn mentioning(smtp: &SmtpSink, reference: &str) -> usize {
    smtp.received()
        .iter()
        .filter(|m| m.subject.contains(reference) || m.text.contains(reference))
        .count()
}

/// The page with this reference and these secret words taken out, to compare two senders.
fn without_receipt(page: &Page) -> String {
    let secret = page.secret().expect("secret words on the page");
    page.body
        .replace(&page.reference(), "REFERENCE")
        .replace(&secret, "SECRET")
}

async fn received_this_year(app: &TestApp) -> (i64, i64) {
    use have_your_say::report;
    let report = report::build(
        &app.store,
        &app.state.calendar,
        &app.config.procedures.lists,
        report::this_year(),
    )
    .await
    .expect("report");
    let cell = |row: &str| {
        report
            .table("received-by-kind")
            .and_then(|t| t.row(row))
            .map(|r| r.current.count)
            .expect("a received-by-kind row")
    };
    (cell("total"), cell("complaint"))
}

// ---- The honeypot --------------------------------------------------------------------------

#[tokio::test]
async fn a_filled_honeypot_holds_the_case_with_no_email_and_the_sender_sees_no_difference() {
    let smtp = SmtpSink::start();
    let app = spawn_app_with(|c| {
        c.min_completion_seconds = 0;
        route_to(c, &smtp);
    })
    .await;

    let (person_done, person_pages) = send_as(&app, COMPLAINT, Bot::No).await;
    let (bot_done, bot_pages) = send_as(&app, COMPLAINT, Bot::First).await;
    let person = person_done.reference();
    let bot = bot_done.reference();

    // Every page the bot saw, and its confirmation, are the ones a person sees.
    for (p, b) in person_pages.iter().zip(&bot_pages) {
        assert_eq!(p.status, b.status);
        assert_eq!(p.body, b.body, "the pages differ");
    }
    assert!(bot_done.secret().is_some(), "the bot gets secret words too");
    assert_eq!(without_receipt(&person_done), without_receipt(&bot_done));

    // Stored whole, held, and nobody told.
    let held = stored(&app, &bot).await;
    assert_eq!(
        (
            held.screening.held,
            held.screening.spam,
            held.screening.honeypot
        ),
        (true, false, true)
    );
    assert_eq!(held.summary.as_deref(), Some("My allowance was late"));
    assert_eq!(held.contact_value.as_deref(), Some("sam@example.org"));
    assert_eq!(outbox_rows(&app, &bot).await, 0);
    assert_eq!(events(&app, &bot, "held").await, 1);
    let real = stored(&app, &person).await;
    assert_eq!(
        (
            real.screening.held,
            real.screening.honeypot,
            real.screening.too_fast
        ),
        (false, false, false)
    );

    // The person's email goes out; by then the held case would have been sent too.
    assert_eq!(outbox_rows(&app, &person).await, 1);
    all_sent(&app).await;
    assert_eq!(mentioning(&smtp, &person), 1);
    assert_eq!(mentioning(&smtp, &bot), 0, "no email about a held case");
    assert_eq!(smtp.received().len(), 1);
}

// ---- The minimum completion time -------------------------------------------------------------

#[tokio::test]
async fn a_conversation_sent_faster_than_the_minimum_is_held_on_the_pages_and_in_the_api() {
    // Far above the few hundred milliseconds these walks take, however busy the machine.
    let app = spawn_app_with(with_minimum(120)).await;

    let on_pages = send(&app, COMPLAINT, Bot::No).await;
    let receipt = send_by_api(&app, COMPLAINT, Duration::ZERO).await;
    let by_api = receipt["reference"].as_str().expect("reference").to_owned();

    for reference in [&on_pages, &by_api] {
        let case = stored(&app, reference).await;
        assert_eq!(
            (
                case.screening.held,
                case.screening.too_fast,
                case.screening.honeypot
            ),
            (true, true, false)
        );
        assert!(case.screening.completion_ms.is_some_and(|ms| ms < 120_000));
        assert_eq!(outbox_rows(&app, reference).await, 0);
    }
    // The same receipt as any other: reference, words, a reply-by date, not urgent.
    assert!(receipt["secret"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(receipt["reply_by"].as_str().is_some_and(|s| !s.is_empty()));
    assert_eq!(receipt["urgent"], json!(false));
}

#[tokio::test]
async fn a_conversation_sent_after_the_minimum_is_not_held_on_the_pages_or_in_the_api() {
    let app = spawn_app_with(with_minimum(1)).await;

    let receipt = send_by_api(&app, COMPLAINT, Duration::from_millis(1_200)).await;
    let by_api = receipt["reference"].as_str().expect("reference").to_owned();
    let browser = helpers::browser();
    browser
        .post(app.url("/chat/start"))
        .form(&NO_FIELDS)
        .send()
        .await
        .expect("start");
    let mut page = None;
    for value in COMPLAINT.iter().chain(&[""]) {
        page = Some(answer(&app, &browser, value, false).await);
    }
    assert_eq!(page.expect("a page").step_id(), "send");
    started_earlier(&app, Duration::from_millis(1_200)).await;
    let done = Page::from(
        browser
            .post(app.url("/chat/submit"))
            .form(&[("step", "send")])
            .send()
            .await
            .expect("submit"),
    )
    .await;
    let on_pages = done.reference();

    for reference in [&on_pages, &by_api] {
        let case = stored(&app, reference).await;
        assert_eq!(
            (case.screening.held, case.screening.too_fast),
            (false, false),
            "{reference}"
        );
        assert!(case.screening.completion_ms.is_some_and(|ms| ms >= 1_000));
        assert_eq!(outbox_rows(&app, reference).await, 1);
    }
}

// ---- Safety first --------------------------------------------------------------------------

#[tokio::test]
async fn an_urgent_conversation_is_never_held_even_when_it_looks_like_a_bot() {
    let smtp = SmtpSink::start();
    let app = spawn_app_with(|c| {
        c.min_completion_seconds = 120;
        route_to(c, &smtp);
    })
    .await;

    let (done, _) = send_as(
        &app,
        &[
            "unsafe",
            "yes",
            "He hits me",
            "",
            "",
            "not_sure",
            "At school, after 3",
        ],
        Bot::Every,
    )
    .await;
    let reference = done.reference();

    let case = stored(&app, &reference).await;
    assert!(case.urgent);
    assert!(
        !case.screening.held,
        "a child in danger never waits behind a bot filter"
    );
    assert_eq!(
        (case.screening.honeypot, case.screening.too_fast),
        (true, true),
        "the suspicion is still recorded"
    );
    assert_eq!(
        app.count_where(
            "outbox",
            &format!("kind = 'urgent' and case_id = {}", case.id)
        )
        .await,
        2,
        "the duty team and the rights officer"
    );
    app.dispatch_emails().await;
    let mail = smtp.received();
    assert_eq!(mentioning(&smtp, &reference), 2, "{mail:?}");

    // Staff see it among real cases, with what looked odd about it.
    let password = app.add_staff("cro@testshire.gov.uk", "officer").await;
    let (officer, inbox) = app.sign_in("cro@testshire.gov.uk", &password, None).await;
    assert!(inbox.body.contains(&reference));
    let page = app
        .get_as(&officer, &format!("/staff/cases/{reference}"))
        .await;
    assert!(
        page.body
            .contains("it was sent as urgent, so it was not held")
    );
    assert!(
        page.body
            .contains("A hidden box that people never see was filled in.")
    );
    assert!(!page.body.contains("/release"), "nothing to release");
}

// ---- Staff ---------------------------------------------------------------------------------

#[tokio::test]
async fn a_rights_officer_releases_one_held_case_and_marks_another_as_spam() {
    let smtp = SmtpSink::start();
    let app = spawn_app_with(|c| {
        c.min_completion_seconds = 0;
        route_to(c, &smtp);
    })
    .await;
    let real = send(&app, COMPLAINT, Bot::First).await;
    let junk = send(&app, COMPLAINT, Bot::Every).await;
    let password = app.add_staff("cro@testshire.gov.uk", "officer").await;
    let (officer, inbox) = app.sign_in("cro@testshire.gov.uk", &password, None).await;

    // Not among real cases; in their own list.
    assert!(!inbox.body.contains(&real) && !inbox.body.contains(&junk));
    assert!(
        inbox.body.contains("Held for checking (2)"),
        "{}",
        inbox.body
    );
    let held = app.get_as(&officer, "/staff?view=held").await;
    assert_eq!(held.status, 200);
    assert!(held.body.contains(&real) && held.body.contains(&junk));

    // The case page says why, shows no reply date, and offers the two actions only.
    let path = format!("/staff/cases/{real}");
    let page = app.get_as(&officer, &path).await;
    assert!(
        page.body
            .contains("A hidden box that people never see was filled in.")
    );
    assert!(page.body.contains(&format!("{path}/release")));
    assert!(page.body.contains(&format!("{path}/spam")));
    assert!(!page.body.contains("Acknowledge by"));
    assert!(!page.body.contains(&format!("{path}/acknowledge")));
    let csrf = page.csrf();
    let refused = app
        .post_as(&officer, &format!("{path}/acknowledge"), &[("csrf", &csrf)])
        .await;
    assert_eq!(refused.status, 409, "release it before working on it");

    // Release: without the CSRF token nothing happens; with it, the emails are queued once.
    let forged = app.post_as(&officer, &format!("{path}/release"), &[]).await;
    assert_eq!(forged.status, 403);
    assert!(stored(&app, &real).await.screening.held);
    let released = app
        .post_as(&officer, &format!("{path}/release"), &[("csrf", &csrf)])
        .await;
    assert_eq!(released.status, 200, "{}", released.body);
    assert!(released.url.ends_with(&path));
    let again = app
        .post_as(&officer, &format!("{path}/release"), &[("csrf", &csrf)])
        .await;
    assert_eq!(again.status, 200);
    let case = stored(&app, &real).await;
    assert_eq!(
        (
            case.screening.held,
            case.screening.spam,
            case.status.as_str()
        ),
        (false, false, "new")
    );
    assert_eq!(events(&app, &real, "released").await, 1);
    assert_eq!(
        outbox_rows(&app, &real).await,
        1,
        "queued once, as a send would"
    );
    all_sent(&app).await;
    assert_eq!(mentioning(&smtp, &real), 1, "the email arrives once");
    assert!(
        app.get_as(&officer, &path)
            .await
            .body
            .contains(&format!("{path}/acknowledge")),
        "now it is worked like any case"
    );

    // Mark as spam: closed, kept, emailed to nobody, in no list but its own.
    let spam_path = format!("/staff/cases/{junk}/spam");
    let marked = app.post_as(&officer, &spam_path, &[("csrf", &csrf)]).await;
    assert_eq!(marked.status, 200, "{}", marked.body);
    let case = stored(&app, &junk).await;
    assert_eq!(
        (
            case.screening.held,
            case.screening.spam,
            case.status.as_str()
        ),
        (false, true, "closed")
    );
    assert!(case.closed_at.is_some(), "retention runs from closing");
    assert!(case.summary.is_some(), "the data is kept");
    assert_eq!(events(&app, &junk, "marked_spam").await, 1);
    assert_eq!(outbox_rows(&app, &junk).await, 0);
    assert_eq!(mentioning(&smtp, &junk), 0);

    let inbox = app.get_as(&officer, "/staff").await;
    assert!(inbox.body.contains(&real) && !inbox.body.contains(&junk));
    assert!(inbox.body.contains("Held for checking (0)"));
    let closed = app.get_as(&officer, "/staff?status=closed").await;
    assert!(
        !closed.body.contains(&junk),
        "spam is not among closed cases"
    );
    let spam = app.get_as(&officer, "/staff?view=spam").await;
    assert!(spam.body.contains(&junk) && !spam.body.contains(&real));
}

#[tokio::test]
async fn advocates_and_admins_cannot_see_held_cases() {
    let app = spawn_app_with(with_minimum(0)).await;
    let held = send(&app, WANTS_ADVOCATE, Bot::First).await;
    let officer_password = app.add_staff("cro@council.gov.uk", "officer").await;
    let advocate_password = app.add_staff("advocate@advocacy.org.uk", "advocate").await;
    let admin_password = app.add_staff("admin@council.gov.uk", "admin").await;
    let case_path = format!("/staff/cases/{held}");

    for (email, password) in [
        ("advocate@advocacy.org.uk", &advocate_password),
        ("admin@council.gov.uk", &admin_password),
    ] {
        let (browser, _) = app.sign_in(email, password, None).await;
        // Admins open no case page (403) and their staff home is the accounts page
        // (tests/it/accounts.rs); an advocate gets the 404 of a case that is not there.
        let admin = email.starts_with("admin");
        for path in [case_path.as_str(), "/staff?view=held", "/staff?view=spam"] {
            let page = app.get_as(&browser, path).await;
            if admin && path.starts_with("/staff?") {
                assert!(page.url.ends_with("/staff/accounts"), "{email} {path}");
            } else {
                let refused = if admin { 403 } else { 404 };
                assert_eq!(page.status, refused, "{email} {path}");
            }
        }
        // Admins have no inbox at all; an advocate's lists only referrals.
        let inbox = app.get_as(&browser, "/staff").await;
        assert!(!inbox.body.contains(&held), "{email}");
        assert!(!inbox.body.contains("Held for checking"), "{email}");
        // Their own session's CSRF token, so only the role can be what refuses them.
        let (csrf,): (String,) = sqlx::query_as(
            "select s.csrf_token from staff_sessions s join staff m on m.id = s.staff_id \
             where m.email = $1",
        )
        .bind(email)
        .fetch_one(app.store.pool())
        .await
        .expect("a session");
        let release = app
            .post_as(
                &browser,
                &format!("{case_path}/release"),
                &[("csrf", &csrf)],
            )
            .await;
        assert_eq!(release.status, if admin { 403 } else { 404 }, "{email}");
    }
    assert!(stored(&app, &held).await.screening.held);

    // Once released, it is an advocacy referral like any other, and the advocate sees it.
    let (officer, _) = app
        .sign_in("cro@council.gov.uk", &officer_password, None)
        .await;
    let csrf = app.get_as(&officer, &case_path).await.csrf();
    app.post_as(
        &officer,
        &format!("{case_path}/release"),
        &[("csrf", &csrf)],
    )
    .await;
    let (advocate, _) = app
        .sign_in("advocate@advocacy.org.uk", &advocate_password, None)
        .await;
    assert_eq!(app.get_as(&advocate, &case_path).await.status, 200);
}

// ---- The annual report ---------------------------------------------------------------------

#[tokio::test]
async fn held_and_spam_cases_are_not_counted_in_the_annual_report() {
    let app = spawn_app_with(with_minimum(0)).await;
    send(&app, COMPLAINT, Bot::No).await;
    let held = send(&app, COMPLAINT, Bot::First).await;
    let spam = send(&app, COMPLAINT, Bot::First).await;
    assert_eq!(received_this_year(&app).await, (1, 1), "only the real one");

    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    let (officer, _) = app.sign_in("cro@council.gov.uk", &password, None).await;
    let csrf = app
        .get_as(&officer, &format!("/staff/cases/{spam}"))
        .await
        .csrf();
    app.post_as(
        &officer,
        &format!("/staff/cases/{spam}/spam"),
        &[("csrf", &csrf)],
    )
    .await;
    assert_eq!(
        received_this_year(&app).await,
        (1, 1),
        "spam is never counted"
    );

    app.post_as(
        &officer,
        &format!("/staff/cases/{held}/release"),
        &[("csrf", &csrf)],
    )
    .await;
    assert_eq!(
        received_this_year(&app).await,
        (2, 2),
        "a released case counts"
    );
}

// ---- In a real browser ---------------------------------------------------------------------

/// Every WCAG A and AA violation axe-core finds on the current page.
async fn axe_violations(browser: &Browser) -> Vec<String> {
    let path = std::env::var("AXE_CORE_JS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/.ci/axe/node_modules/axe-core/axe.min.js"
        )
        .to_owned()
    });
    let axe = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("axe-core not found at {path} ({e}); run .ci/test-all"));
    browser.run(&axe).await;
    let found = browser
        .run_async(
            "var done = arguments[arguments.length - 1];
             axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
               .then(function (r) { done(r.violations.map(function (v) { return v.id; })); })
               .catch(function (e) { done(['axe failed: ' + e]); });",
        )
        .await;
    found
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_else(|| vec![format!("unexpected axe result {found}")])
}

#[tokio::test]
async fn in_a_real_browser_nobody_meets_the_honeypot_and_the_pages_pass_axe() {
    let app = spawn_app_with(with_minimum(0)).await;
    let browser = Browser::start(Options::default()).await;
    browser.goto(&app.url("/")).await;
    browser.click("button.button-start").await;
    for value in ["complaint", "young_person", "money"] {
        browser.click(&format!("button[value={value}]")).await;
    }
    browser.wait_for_text("textarea").await;

    // Not seen, not reachable with Tab, not announced, and no accessibility violation.
    let hidden = browser
        .run(
            "var box = document.querySelector('input[name=more_detail]');
             var wrap = box.closest('[aria-hidden=true]');
             var r = wrap.getBoundingClientRect();
             return [r.width * r.height <= 1, getComputedStyle(wrap).overflow, box.tabIndex,
                     box.autocomplete];",
        )
        .await;
    assert_eq!(hidden, json!([true, "hidden", -1, "off"]));
    // Tab from the top of the page to the answer box: the hidden field comes just before it in
    // the form, so Tab would land on it first if it could.
    browser
        .run("document.activeElement && document.activeElement.blur(); return null;")
        .await;
    let mut reached_the_answer = false;
    for _ in 0..40 {
        browser.press("\u{E004}", 1).await;
        let focused = browser
            .run(
                "var e = document.activeElement;
                 return !e ? '' : e.id === 'answer' ? 'the answer box' : (e.name || e.tagName);",
            )
            .await;
        assert_ne!(focused, json!(HONEYPOT), "Tab reached the honeypot");
        if focused == json!("the answer box") {
            reached_the_answer = true;
            break;
        }
    }
    assert!(reached_the_answer, "Tab never reached the answer box");
    assert_eq!(axe_violations(&browser).await, Vec::<String>::new());

    // A person finishing in the browser (with chat.js posting the forms) is not held.
    browser.type_into("textarea#answer", "Late money").await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("what-would-help").await;
    browser.click("form.step button[type=submit]").await;
    browser.click("button[value=no]").await;
    browser.click("button[value=none]").await;
    browser.wait_for_text("first-name").await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("inputmode=\"numeric\"").await;
    browser.type_into("input#answer", "14").await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("about-you").await;
    browser.click("button[value=skip]").await;
    browser.wait_for_text("class=\"summary\"").await;
    assert_eq!(axe_violations(&browser).await, Vec::<String>::new());
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("class=\"reference\"").await;

    let (held, honeypot): (i64, i64) = sqlx::query_as("select held, suspect_honeypot from cases")
        .fetch_one(app.store.pool())
        .await
        .expect("one case");
    assert_eq!((held, honeypot), (0, 0));

    // The held list and a held case's page pass axe too.
    let held = send(&app, COMPLAINT, Bot::First).await;
    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    browser.goto(&app.url("/staff/login")).await;
    browser.type_into("#email", "cro@council.gov.uk").await;
    browser.type_into("#password", &password).await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("class=\"cases\"").await;
    browser.goto(&app.url("/staff?view=held")).await;
    browser.wait_for_text(&held).await;
    assert_eq!(axe_violations(&browser).await, Vec::<String>::new());
    browser.click("table.cases a").await;
    browser.wait_for_text("/release").await;
    assert_eq!(axe_violations(&browser).await, Vec::<String>::new());
}
