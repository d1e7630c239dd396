//! What happens when the mail server says no, through a real SMTP server on loopback (aiosmtpd
//! with chosen replies): a temporary refusal is retried with growing waits and the email still
//! arrives once; a permanent refusal fails that one email at once, for staff to see, while the
//! others go; a server that cannot give the TLS the settings insist on never gets the message.

use crate::helpers;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use have_your_say::config::Config;
use helpers::smtp::{Event, Rule, SmtpSink};
use helpers::{TestApp, spawn_app_with, spawn_app_with_worker};

const WAIT: Duration = Duration::from_secs(30);
/// Long enough that each scheduled wait dwarfs the time between the server's reply and the
/// worker writing the next attempt time, short enough that three retries take seconds.
const RETRY_BASE: Duration = Duration::from_millis(500);

const OFFICER: &str = "cro@testshire.gov.uk";
const ADVOCACY: &str = "referrals@advocacy.org.uk";
const LEAVING_CARE: &str = "leaving-care@testshire.gov.uk";

use helpers::COMPLIMENT_ABOUT_A_TRIP as COMPLIMENT;

use helpers::LEAVING_CARE_COMPLAINT as COMPLAINT;

fn route(config: &mut Config, smtp_url: String) {
    config.mail.smtp_url = Some(smtp_url.into());
    config.mail.from = "Have Your Say <hys@testshire.gov.uk>".into();
    config.public_url = "https://hys.testshire.gov.uk".into();
    config.routing.rights_officer = vec![OFFICER.into()];
    config.routing.advocacy_provider = vec![ADVOCACY.into()];
    config.routing.urgent = vec!["mash@testshire.gov.uk".into()];
    config
        .routing
        .by_category
        .insert("leaving_care".into(), vec![LEAVING_CARE.into()]);
}

/// One outbox row as the tests see it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
struct Row {
    recipient: String,
    status: String,
    attempts: i64,
    next_attempt_at: i64,
    last_error: Option<String>,
    message_id: String,
}

async fn rows(app: &TestApp) -> Vec<Row> {
    sqlx::query_as::<_, Row>(
        "select recipient, status, attempts, next_attempt_at, last_error, message_id \
         from outbox order by id",
    )
    .fetch_all(app.store.pool())
    .await
    .expect("outbox rows")
}

async fn row_for(app: &TestApp, recipient: &str) -> Row {
    rows(app)
        .await
        .into_iter()
        .find(|r| r.recipient == recipient)
        .unwrap_or_else(|| panic!("no outbox row for {recipient}"))
}

/// Send what is due, each retry as soon as it is booked, until no row is pending or being
/// sent; then return them all.
async fn settled_rows(app: &TestApp) -> Vec<Row> {
    app.dispatch_emails_and_retries().await;
    let rows = rows(app).await;
    assert!(
        !rows.is_empty()
            && rows
                .iter()
                .all(|r| r.status == "sent" || r.status == "failed"),
        "rows never settled: {rows:#?}"
    );
    rows
}

fn for_address<'a>(events: &'a [Event], address: &str) -> Vec<&'a Event> {
    events
        .iter()
        .filter(|e| e.address.as_deref() == Some(address))
        .collect()
}

#[tokio::test]
async fn temporary_refusals_are_retried_with_growing_waits_and_the_email_arrives_once() {
    // Arrange: the server says "try later" to the first three attempts for the officer.
    let smtp = SmtpSink::start_with(&[Rule::rcpt(OFFICER, "451 4.3.0 try later").times(3)]);
    let port = smtp.port;
    // The real worker: this test is about when it retries.
    let app = spawn_app_with_worker(|c| {
        route(c, format!("smtp://127.0.0.1:{port}"));
        c.mail.retry_base = RETRY_BASE;
        c.mail.poll = Duration::from_millis(20);
    })
    .await;

    // Act: send one email and note when each retry was booked for. A pending row keeps its
    // next attempt time for at least 0.75 × RETRY_BASE, so polling this often sees every one.
    // (This loop samples the worker's timing, which is what the test is about.)
    app.send(COMPLIMENT).await;
    let mut booked: BTreeMap<i64, i64> = BTreeMap::new();
    let deadline = Instant::now() + WAIT;
    loop {
        let row = row_for(&app, OFFICER).await;
        match row.status.as_str() {
            "sent" => break,
            "failed" => panic!("a temporary refusal failed the email: {row:?}"),
            "pending" if row.attempts > 0 => {
                booked.insert(row.attempts, row.next_attempt_at);
            }
            _ => {}
        }
        assert!(Instant::now() < deadline, "never sent: {row:?}");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // The row is marked sent only after the server took the message, and a sent row is never
    // claimed again: what arrived by now is all that ever will.
    let mail = smtp.received();

    // Assert: delivered exactly once, after four attempts, with the row's error cleared.
    let delivered = smtp.received();
    assert_eq!(mail.len(), 1);
    assert_eq!(delivered.len(), 1, "arrives once: {delivered:#?}");
    let row = row_for(&app, OFFICER).await;
    assert_eq!(delivered[0].rcpt_to, OFFICER);
    assert_eq!(delivered[0].message_id, row.message_id, "one Message-ID");
    assert_eq!(row.status, "sent");
    assert_eq!(row.attempts, 4, "three refusals and the delivery: {row:?}");
    assert_eq!(row.last_error, None);

    let events = smtp.events();
    let tries = for_address(&events, OFFICER)
        .into_iter()
        .filter(|e| e.event == "RCPT")
        .collect::<Vec<_>>();
    let replies: Vec<&str> = tries.iter().filter_map(|e| e.reply.as_deref()).collect();
    assert_eq!(
        replies,
        [
            "451 4.3.0 try later",
            "451 4.3.0 try later",
            "451 4.3.0 try later",
            "250 OK"
        ]
    );
    assert_eq!(
        booked.keys().copied().collect::<Vec<_>>(),
        [1, 2, 3],
        "{booked:?}"
    );

    // The worker's formula is base · 2^(n-1) with ±25 % jitter, so the nth wait is at least
    // 0.75 · base · 2^(n-1), and the nth wait's lowest value (1.5, 3 · base) is above the
    // previous one's highest (1.25, 2.5 · base): the waits grow whatever the jitter.
    let base = RETRY_BASE.as_millis() as f64;
    let mut waits = Vec::new();
    for n in 1..=3_usize {
        let refused_at = tries[n - 1].at_ms;
        let next_tried_at = tries[n].at_ms;
        let booked_for = booked[&(n as i64)] as f64;
        let least = 0.75 * base * f64::from(1u32 << (n - 1));
        // Millisecond rounding between the two clocks' readings.
        let slack = 1.0;
        assert!(
            booked_for - refused_at >= least - slack,
            "attempt {} booked {} ms after refusal {n}, less than {least}",
            n + 1,
            booked_for - refused_at
        );
        assert!(
            next_tried_at >= booked_for - slack,
            "attempt {} came {} ms before its time",
            n + 1,
            booked_for - next_tried_at
        );
        waits.push(booked_for - refused_at);
    }
    assert!(
        waits.windows(2).all(|w| w[1] > w[0]),
        "each wait longer than the one before: {waits:?}"
    );
}

#[tokio::test]
async fn a_permanent_refusal_fails_that_email_at_once_and_staff_see_it_while_the_others_go() {
    // Arrange: the advocacy provider's address does not exist.
    let smtp = SmtpSink::start_with(&[Rule::rcpt(ADVOCACY, "550 5.1.1 no such user")]);
    let port = smtp.port;
    let app = spawn_app_with(|c| {
        route(c, format!("smtp://127.0.0.1:{port}"));
        c.mail.retry_base = Duration::from_millis(20);
    })
    .await;
    assert!(
        app.config.mail.max_attempts > 1,
        "a failure after one attempt must not be the attempt limit"
    );

    // Act
    app.send(COMPLAINT).await;
    let rows = settled_rows(&app).await;
    let mail = smtp.received();

    // Assert: the refused email failed after one attempt and keeps the server's answer.
    let refused = rows
        .iter()
        .find(|r| r.recipient == ADVOCACY)
        .expect("referral row");
    assert_eq!(refused.status, "failed", "{refused:?}");
    assert_eq!(refused.attempts, 1, "{refused:?}");
    let error = refused.last_error.as_deref().unwrap_or_default();
    assert!(
        error.contains("550") && error.contains("no such user"),
        "{error:?}"
    );
    let events = smtp.events();
    assert_eq!(
        for_address(&events, ADVOCACY).len(),
        1,
        "tried once: {events:#?}"
    );

    // The other recipients got theirs.
    for recipient in [OFFICER, LEAVING_CARE] {
        let row = rows.iter().find(|r| r.recipient == recipient).expect("row");
        assert_eq!(row.status, "sent", "{row:?}");
        assert_eq!(row.attempts, 1, "{row:?}");
    }
    let mut delivered: Vec<&str> = mail.iter().map(|m| m.rcpt_to.as_str()).collect();
    delivered.sort_unstable();
    assert_eq!(delivered, [OFFICER, LEAVING_CARE]);

    // A signed-in rights officer sees the failed-email banner with its retry button.
    let password = app.add_staff(OFFICER, "officer").await;
    let (_browser, page) = app.sign_in(OFFICER, &password, None).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("One email could not be sent."),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("action=\"/staff/outbox/retry\""),
        "{}",
        page.body
    );
}

/// Send one email with TLS insisted on by `smtp_url` (its `{port}` filled in) to a sink that
/// offers none; wait until the row gives up. Returns the sink, the row and the sink's events.
async fn send_insisting_on_tls(smtp_url: &str) -> (SmtpSink, Row, Vec<Event>) {
    let smtp = SmtpSink::start_with(&[]);
    let url = smtp_url.replace("{port}", &smtp.port.to_string());
    let app = spawn_app_with(|c| {
        route(c, url);
        c.mail.max_attempts = 2;
        c.mail.retry_base = Duration::from_millis(20);
    })
    .await;
    app.send(COMPLIMENT).await;
    let rows = settled_rows(&app).await;
    assert_eq!(rows.len(), 1, "{rows:#?}");
    let row = rows.into_iter().next().expect("one row");
    let events = smtp.events();
    (smtp, row, events)
}

fn assert_nothing_was_handed_over(smtp: &SmtpSink, row: &Row, events: &[Event]) {
    for command in ["MAIL", "RCPT", "DATA"] {
        assert!(
            events.iter().all(|e| e.event != command),
            "{command} reached a server without TLS: {events:#?}"
        );
    }
    assert!(smtp.received().is_empty(), "a message arrived without TLS");
    assert_eq!(row.status, "failed", "{row:?}");
    assert_eq!(row.attempts, 2, "retried up to the limit: {row:?}");
    assert!(
        row.last_error.as_deref().is_some_and(|e| !e.is_empty()),
        "{row:?}"
    );
}

#[tokio::test]
async fn with_starttls_required_a_server_without_it_never_gets_the_message() {
    let (smtp, row, events) = send_insisting_on_tls("smtp://127.0.0.1:{port}?tls=required").await;

    // The client did talk to the server, which offered no STARTTLS, and stopped there.
    let greetings: Vec<&Event> = events.iter().filter(|e| e.event == "EHLO").collect();
    assert!(
        !greetings.is_empty(),
        "never reached the server: {events:#?}"
    );
    assert!(
        greetings
            .iter()
            .all(|e| !e.reply.as_deref().unwrap_or_default().contains("STARTTLS")),
        "{greetings:#?}"
    );
    assert_nothing_was_handed_over(&smtp, &row, &events);
    assert!(
        row.last_error
            .as_deref()
            .is_some_and(|e| e.contains("STARTTLS")),
        "{row:?}"
    );
}

#[tokio::test]
async fn with_implicit_tls_a_plain_server_never_gets_the_message() {
    let (smtp, row, events) = send_insisting_on_tls("smtps://127.0.0.1:{port}").await;

    // The client connected but never spoke SMTP in the clear.
    assert!(
        events.iter().any(|e| e.event == "connect"),
        "never reached the server: {events:#?}"
    );
    assert!(
        events.iter().all(|e| e.event != "EHLO"),
        "spoke in the clear: {events:#?}"
    );
    assert_nothing_was_handed_over(&smtp, &row, &events);
}
