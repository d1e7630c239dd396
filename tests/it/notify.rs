//! Notifications through a real SMTP server on loopback (aiosmtpd): who gets what, what the
//! emails say and do not say, an outage, two instances draining one outbox, and failures kept.

use crate::helpers;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use have_your_say::config::Config;
use have_your_say::notify::worker::Worker;
use helpers::smtp::{Received, SmtpSink, free_port};
use helpers::{TestApp, spawn_app_with, spawn_app_with_worker};

fn route(config: &mut Config, smtp_port: u16) {
    config.mail.smtp_url = Some(format!("smtp://127.0.0.1:{smtp_port}").into());
    config.mail.from = "Have Your Say <hys@testshire.gov.uk>".into();
    config.public_url = "https://hys.testshire.gov.uk".into();
    config.routing.rights_officer = vec!["cro@testshire.gov.uk".into()];
    config.routing.advocacy_provider = vec!["referrals@advocacy.org.uk".into()];
    config.routing.urgent = vec![
        "mash@testshire.gov.uk".into(),
        "edt@testshire.gov.uk".into(),
    ];
    config.routing.by_category.insert(
        "leaving_care".into(),
        vec!["leaving-care@testshire.gov.uk".into()],
    );
}

fn by_recipient(mail: &[Received]) -> BTreeMap<String, Vec<&Received>> {
    let mut map: BTreeMap<String, Vec<&Received>> = BTreeMap::new();
    for m in mail {
        map.entry(m.rcpt_to.clone()).or_default().push(m);
    }
    map
}

use helpers::LEAVING_CARE_COMPLAINT_WITH_SCRIPT as COMPLAINT;

#[tokio::test]
async fn each_rule_emails_the_right_people_with_only_what_they_need() {
    let smtp = SmtpSink::start();
    let app = spawn_app_with(|c| route(c, smtp.port)).await;

    let complaint = app.send(COMPLAINT).await.reference();
    let compliment = app
        .send(&[
            "compliment",
            "young_person",
            "school",
            "My teacher Mrs Patel listened",
            "none",
            "",
            "11",
        ])
        .await
        .reference();
    let urgent = app
        .send_urgent(
            "He hits me <img src=x onerror=alert(1)>\r\nBcc: evil@example.org",
            "School, after 3",
        )
        .await
        .reference();

    // complaint: officer + leaving care + advocacy; compliment: officer; urgent: 2 duty + officer
    app.dispatch_emails().await;
    let mail = smtp.received();
    assert_eq!(
        mail.len(),
        7,
        "{:#?}",
        mail.iter()
            .map(|m| (&m.rcpt_to, &m.subject))
            .collect::<Vec<_>>()
    );
    let to = by_recipient(&mail);
    let subjects =
        |who: &str| -> BTreeSet<String> { to[who].iter().map(|m| m.subject.clone()).collect() };

    let officer = subjects("cro@testshire.gov.uk");
    assert_eq!(officer.len(), 3);
    assert!(
        officer
            .iter()
            .any(|s| s.starts_with(&format!("New complaint {complaint}, reply due "))),
        "{officer:?}"
    );
    assert!(
        officer
            .iter()
            .any(|s| *s == format!("New compliment {compliment}")),
        "{officer:?}"
    );
    assert!(
        officer.contains(&format!("URGENT: a child may not be safe, {urgent}")),
        "{officer:?}"
    );
    assert_eq!(subjects("leaving-care@testshire.gov.uk").len(), 1);
    assert_eq!(
        subjects("referrals@advocacy.org.uk"),
        BTreeSet::from([format!("Advocacy referral {complaint}")])
    );
    assert_eq!(subjects("mash@testshire.gov.uk").len(), 1);
    assert_eq!(subjects("edt@testshire.gov.uk").len(), 1);

    for m in &mail {
        // No personal data in any subject; no injected header anywhere.
        for private in ["Robin", "Patel", "hits", "07700", "flat"] {
            assert!(
                !m.subject.contains(private),
                "{private} in subject {}",
                m.subject
            );
        }
        let headers = m.raw.replace("\r\n", "\n");
        let headers = headers
            .split("\n\n")
            .next()
            .unwrap_or_default()
            .to_lowercase();
        assert!(!headers.contains("\nbcc:"), "injected header: {headers}");
        assert!(!m.rcpt_to.contains("evil"));
        assert!(
            m.text
                .contains("https://hys.testshire.gov.uk/staff/cases/HYS-"),
            "{}",
            m.text
        );
        assert!(
            m.raw
                .contains("From: \"Have Your Say\" <hys@testshire.gov.uk>")
                || m.raw.contains("From: Have Your Say <hys@testshire.gov.uk>"),
            "{}",
            m.raw
        );
    }

    // The officer's new-case email carries no child's words or contact details.
    let new_case = to["cro@testshire.gov.uk"]
        .iter()
        .find(|m| m.subject.contains(&complaint))
        .unwrap();
    assert!(
        !new_case.text.contains("Nobody told me") && !new_case.text.contains("07700"),
        "{}",
        new_case.text
    );
    assert!(new_case.text.contains("Leaving care"));
    assert!(new_case.text.contains("The child or young person"));

    // The referral: first name, age, how to contact, topic; the child's words withheld by default.
    let referral = to["referrals@advocacy.org.uk"][0];
    for needed in ["Robin", "17", "07700 900123", "Leaving care", "By phone"] {
        assert!(
            referral.text.contains(needed),
            "{needed} missing: {}",
            referral.text
        );
    }
    assert!(
        !referral.text.contains("Nobody told me"),
        "{}",
        referral.text
    );

    // The duty team gets the child's words, escaped in HTML.
    let duty = to["mash@testshire.gov.uk"][0];
    assert!(duty.text.contains("He hits me"), "{}", duty.text);
    assert!(duty.text.contains("School, after 3"));
    assert!(!duty.html.contains("<img src=x"), "{}", duty.html);
    assert!(
        duty.html.contains("&#60;img src=x onerror=alert(1)&#62;") || duty.html.contains("&lt;img"),
        "{}",
        duty.html
    );

    // Every row is marked sent (just after the server took it), and Message-IDs are the
    // outbox's own.
    assert_eq!(app.count_where("outbox", "status = 'sent'").await, 7);
    let stored: BTreeSet<String> = message_ids(&app).await;
    let received: BTreeSet<String> = mail.iter().map(|m| m.message_id.clone()).collect();
    assert_eq!(stored, received);
}

#[tokio::test]
async fn the_referral_quotes_the_child_only_when_configured() {
    let smtp = SmtpSink::start();
    let app = spawn_app_with(|c| {
        route(c, smtp.port);
        c.routing.advocacy_gets_words = true;
    })
    .await;
    app.send(COMPLAINT).await;
    app.dispatch_emails().await;
    let mail = smtp.received();
    let referral = mail
        .iter()
        .find(|m| m.rcpt_to.contains("advocacy"))
        .expect("referral");
    assert!(
        referral.text.contains("Nobody told me"),
        "{}",
        referral.text
    );
    assert!(referral.html.contains("&#60;script&#62;") || referral.html.contains("&lt;script&gt;"));
    assert!(!referral.html.contains("<script>"));
}

async fn message_ids(app: &TestApp) -> BTreeSet<String> {
    sqlx::query_as::<_, (String,)>("select message_id from outbox")
        .fetch_all(app.store.pool())
        .await
        .unwrap()
        .into_iter()
        .map(|(id,)| id)
        .collect()
}

#[tokio::test]
async fn emails_queued_while_the_mail_server_is_down_arrive_once_when_it_is_back() {
    let port = free_port();
    // The real worker: this test is about its retries while the server is away.
    let app = spawn_app_with_worker(|c| {
        route(c, port);
        c.mail.max_attempts = 1000;
    })
    .await;

    for n in 0..50 {
        let age = (n % 20 + 5).to_string();
        app.send(&[
            "comment",
            "young_person",
            "money",
            "More pocket money",
            "no",
            "none",
            "",
            &age,
        ])
        .await;
    }
    assert_eq!(app.count("outbox").await, 50);
    // The worker fails against the closed port at least once.
    helpers::eventually("the worker failing against the closed port", || async {
        app.count_where("outbox", "attempts > 0 and status = 'pending'")
            .await
            > 0
    })
    .await;
    assert!(
        app.count_where("outbox", "attempts > 0 and status = 'pending'")
            .await
            > 0
    );
    assert_eq!(app.count_where("outbox", "status = 'sent'").await, 0);

    let smtp = SmtpSink::start_on(port);
    helpers::eventually("all 50 emails arriving", || async {
        smtp.received().len() >= 50
    })
    .await;
    let mail = smtp.received();
    // Once every row is marked sent no worker sends it again: what arrived by then is all.
    helpers::eventually("every row marked sent", || async {
        app.count_where("outbox", "status = 'sent'").await == 50
    })
    .await;
    let mail_after = smtp.received();

    assert_eq!(mail.len(), 50);
    assert_eq!(mail_after.len(), 50, "nothing arrives twice");
    let received: BTreeSet<String> = mail_after.iter().map(|m| m.message_id.clone()).collect();
    assert_eq!(received.len(), 50, "each Message-ID once");
    assert_eq!(
        received,
        message_ids(&app).await,
        "the retried email keeps its Message-ID"
    );
}

#[tokio::test]
async fn two_instances_on_one_database_send_each_email_once() {
    let smtp = SmtpSink::start();
    // Two real workers racing for one outbox: that race is what this test is about.
    let first = spawn_app_with_worker(|c| route(c, smtp.port)).await;
    let shared = first.config.database_url.clone();
    let second = spawn_app_with_worker(|c| {
        route(c, smtp.port);
        c.database_url = shared.clone();
    })
    .await;

    for n in 0..30 {
        let app = if n % 2 == 0 { &first } else { &second };
        app.send(helpers::WANTS_ADVOCATE).await;
    }
    // Each case: rights officer + advocacy referral. Once every row is marked sent neither
    // worker sends it again, so what arrived by then is everything that ever will.
    helpers::eventually("every row marked sent", || async {
        first.count_where("outbox", "status = 'sent'").await == 60
    })
    .await;
    let mail = smtp.received();

    assert_eq!(mail.len(), 60);
    let ids: BTreeSet<String> = mail.iter().map(|m| m.message_id.clone()).collect();
    assert_eq!(ids.len(), 60, "no email sent twice");
    assert_eq!(ids, message_ids(&first).await);
}

#[tokio::test]
async fn emails_that_keep_failing_are_kept_as_failed_with_their_error() {
    let port = free_port(); // nothing listens here
    // The real worker: the retry comes when its backoff has passed.
    let app = spawn_app_with_worker(|c| {
        route(c, port);
        c.mail.max_attempts = 2;
        c.mail.retry_base = Duration::from_millis(20);
    })
    .await;
    app.send(helpers::COMPLIMENT_ABOUT_A_TRIP).await;

    helpers::eventually("the row marked failed", || async {
        app.count_where("outbox", "status = 'failed'").await > 0
    })
    .await;
    let failed = app.store.failed_emails().await.unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].attempts, 2);
    assert!(
        failed[0]
            .last_error
            .as_deref()
            .is_some_and(|e| !e.is_empty()),
        "{failed:?}"
    );

    // Staff can put it back in the queue.
    app.add_staff("cro@council.gov.uk", "officer").await;
    let officer: i64 = sqlx::query_scalar("select id from staff")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(app.store.retry_failed_emails_by(officer).await.unwrap(), 1);
    assert_eq!(app.count_where("outbox", "status = 'failed'").await, 0);
}

#[tokio::test]
async fn a_worker_told_to_stop_hands_back_what_it_claimed_without_counting_an_attempt() {
    let port = free_port();
    // The app runs no worker of its own, so this test's worker acts alone.
    let app = spawn_app_with(|c| route(c, port)).await;
    app.send(helpers::COMPLIMENT_ABOUT_A_TRIP).await;
    sqlx::query("update outbox set status = 'pending', next_attempt_at = 0, attempts = 0")
        .execute(app.store.pool())
        .await
        .unwrap();

    let worker = Worker::new(
        app.store.clone(),
        app.mailer.clone(),
        app.state.config.clone(),
        app.state.words.clone(),
    );
    let (_stop, stopped) = tokio::sync::watch::channel(true);
    let round = worker.try_execute_round(&stopped).await.unwrap();

    assert_eq!(round.released, 1);
    assert_eq!(round.sent, 0);
    assert_eq!(
        app.count_where(
            "outbox",
            "status = 'pending' and attempts = 0 and claimed_by is null"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn with_no_mail_server_the_email_lands_in_the_drop_folder_named_by_its_message_id() {
    let app = spawn_app_with(|_| {}).await;
    app.send(helpers::COMPLIMENT_ABOUT_A_TRIP).await;
    app.dispatch_emails().await;
    let folder = app.dir.path().join("mail");
    let files: Vec<_> = std::fs::read_dir(&folder)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                // A message is written under a hidden temporary name, then renamed.
                .filter(|name| name.ends_with(".eml"))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(files.len(), 1, "{files:?}");
    let id = message_ids(&app).await.into_iter().next().unwrap();
    assert_eq!(files[0], format!("{}.eml", id.trim_matches(['<', '>'])));
    let eml = std::fs::read_to_string(folder.join(&files[0])).unwrap();
    assert!(eml.contains("To: rights-officer@example.invalid"), "{eml}");
}
