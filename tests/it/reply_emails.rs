//! The child is not flooded: at most one "there is a reply for you" email per case per window
//! (an hour unless set), through a real SMTP server; later replies join the one waiting, and
//! the next may go only when the window since the last has passed.

use crate::helpers;

use std::time::Duration;

use helpers::smtp::SmtpSink;
use helpers::{StaffBrowser as Staff, TestApp, spawn_app_with};

use helpers::COMPLAINT_BY_EMAIL as COMPLAINT;

async fn app_on(smtp: &SmtpSink, every: Option<Duration>) -> TestApp {
    let port = smtp.port;
    spawn_app_with(move |c| {
        c.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}").into());
        if let Some(every) = every {
            c.reminders.child_reply_every = every;
        }
    })
    .await
}

async fn case(app: &TestApp, values: &[&str]) -> String {
    let reference = app.send(values).await.reference();
    app.get("/leave").await;
    reference
}

#[tokio::test]
async fn a_burst_of_replies_sends_the_child_one_email_and_the_next_waits_an_hour() {
    let smtp = SmtpSink::start();
    let app = app_on(&smtp, None).await;
    let ana = Staff::sign_in(&app, "ana@council.gov.uk", "officer").await;
    let reference = case(&app, COMPLAINT).await;
    app.dispatch_emails().await;

    for n in 1..=12 {
        ana.act(
            &reference,
            "reply",
            &[("text", &format!("Reply number {n}: we are on it."))],
        )
        .await;
    }
    app.dispatch_emails().await;

    let to_child: Vec<_> = smtp
        .received()
        .into_iter()
        .filter(|m| m.rcpt_to == "sam@example.org")
        .collect();
    assert_eq!(to_child.len(), 1, "{to_child:#?}");
    // Every reply is on the tracking page all the same.
    let replies = app
        .count_where("case_events", "kind = 'message_to_child'")
        .await;
    assert_eq!(replies, 12);
    // At most one more is waiting, due exactly an hour after the one that went.
    let hour = 60 * 60 * 1000;
    let rows: Vec<(String, i64, Option<i64>)> = sqlx::query_as(
        "select status, next_attempt_at, sent_at from outbox \
         where kind = 'reply_to_child' order by id",
    )
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    assert!(rows.len() <= 2, "{rows:?}");
    assert_eq!(rows[0].0, "sent");
    // The window runs from when the first went: its send time, or (if a reply came while
    // it was on its way) the moment it was going.
    if let Some((status, due, _)) = rows.get(1) {
        assert_eq!(status, "pending");
        let (went_due, went_sent) = (rows[0].1, rows[0].2.unwrap());
        assert!(
            (went_due..=went_sent + 1000).contains(&(due - hour)),
            "{rows:?}"
        );
    }
}

#[tokio::test]
async fn with_no_window_each_reply_may_email_the_child() {
    let smtp = SmtpSink::start();
    let app = app_on(&smtp, Some(Duration::ZERO)).await;
    let ana = Staff::sign_in(&app, "ana@council.gov.uk", "officer").await;
    let reference = case(&app, COMPLAINT).await;
    for n in 1..=3 {
        ana.act(&reference, "reply", &[("text", &format!("Reply {n}"))])
            .await;
        app.dispatch_emails().await;
    }
    assert_eq!(
        app.count_where("outbox", "kind = 'reply_to_child' and status = 'sent'")
            .await,
        3
    );
}
