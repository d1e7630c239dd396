//! A failed urgent email is impossible to miss: a red banner naming the case on every staff page
//! with a retry, the case page listing each of its emails and their state, `/health/ready`
//! turning unready, and `/metrics` counting it, all through a real SMTP server that refuses the
//! duty team's address. Metrics carry route templates only, never a reference.

use crate::helpers;

use have_your_say::config::Config;
use helpers::smtp::{Rule, SmtpSink};
use helpers::{TestApp, spawn_app_with};

const OFFICER: &str = "cro@testshire.gov.uk";
const DUTY: &str = "mash@testshire.gov.uk";

fn route(config: &mut Config, port: u16) {
    config.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}").into());
    config.mail.from = "Have Your Say <hys@testshire.gov.uk>".into();
    config.public_url = "https://hys.testshire.gov.uk".into();
    config.routing.rights_officer = vec![OFFICER.into()];
    config.routing.urgent = vec![DUTY.into()];
}

/// Send what is due; every email here is delivered or refused for good at the first try.
async fn settled(app: &TestApp) {
    app.dispatch_emails().await;
    assert_eq!(
        app.count_where("outbox", "status in ('pending', 'sending')")
            .await,
        0,
        "emails never settled"
    );
}

#[tokio::test]
async fn a_failed_urgent_alert_shows_on_every_staff_page_health_and_metrics() {
    let smtp = SmtpSink::start_with(&[Rule::rcpt(DUTY, "550 5.1.1 no such user")]);
    let port = smtp.port;
    let app = spawn_app_with(|c| route(c, port)).await;
    let calm = app.send(helpers::COMPLIMENT_ABOUT_A_TRIP).await.reference();
    app.get("/leave").await;
    let urgent = app
        .send_urgent("he hits me", "through my worker")
        .await
        .reference();
    settled(&app).await;

    // Monitoring: not ready, and the failure counted without any personal data.
    let ready = app.get("/health/ready").await;
    assert_eq!(ready.status(), 503);
    assert_eq!(app.get("/health").await.status(), 200, "still alive");
    let metrics = app.get("/metrics").await.text().await.unwrap();
    assert!(
        metrics.contains("hys_outbox_failed{priority=\"urgent\"} 1"),
        "{metrics}"
    );
    assert!(metrics.contains("hys_outbox_waiting{priority=\"urgent\"} 0"));
    assert!(metrics.contains("route=\"/chat/submit\",method=\"POST\""));
    assert!(metrics.contains("hys_http_request_duration_seconds_bucket{"));
    assert!(!metrics.contains(&urgent), "no reference in metrics");
    assert!(!metrics.contains("hits"), "no child's words in metrics");

    // Every staff page names the case whose alert failed, with a retry.
    let password = app.add_staff(OFFICER, "officer").await;
    let (officer, inbox) = app.sign_in(OFFICER, &password, None).await;
    for path in [
        "/staff".to_owned(),
        format!("/staff/cases/{calm}"),
        "/staff/cases/new".to_owned(),
    ] {
        let page = app.get_as(&officer, &path).await;
        assert_eq!(page.status, 200, "{path}");
        let banner = page
            .body
            .find("class=\"alert-urgent\"")
            .unwrap_or_else(|| panic!("{path} has no banner: {}", page.body));
        let named = page.body[banner..].find(&format!("/staff/cases/{urgent}"));
        assert!(named.is_some(), "{path} names the case");
        assert!(page.body[banner..].contains("action=\"/staff/outbox/retry\""));
    }

    // The case page lists its emails: the failed alert with the server's answer.
    let case = app
        .get_as(&officer, &format!("/staff/cases/{urgent}"))
        .await;
    assert!(case.body.contains("URGENT alert"), "{}", case.body);
    assert!(case.body.contains("email-failed"), "{}", case.body);
    assert!(case.body.contains("no such user"), "{}", case.body);
    assert!(
        case.body.contains(OFFICER),
        "the officer's copy is listed too"
    );

    // Retrying from the banner queues the alert again.
    let retried = app
        .post_as(
            &officer,
            "/staff/outbox/retry",
            &[("csrf", inbox.csrf().as_str())],
        )
        .await;
    assert_eq!(retried.status, 200, "{}", retried.body);
    settled(&app).await;
    let tries = smtp
        .events()
        .iter()
        .filter(|e| e.address.as_deref() == Some(DUTY))
        .count();
    assert_eq!(tries, 2, "the duty team's address was tried again");
}

#[tokio::test]
async fn an_advocate_sees_no_banner_naming_cases_they_were_not_referred() {
    let smtp = SmtpSink::start_with(&[Rule::rcpt(DUTY, "550 5.1.1 no such user")]);
    let port = smtp.port;
    let app = spawn_app_with(|c| route(c, port)).await;
    app.send_urgent("he hits me", "").await;
    settled(&app).await;

    let password = app.add_staff("advocate@advocacy.org.uk", "advocate").await;
    let (_advocate, page) = app
        .sign_in("advocate@advocacy.org.uk", &password, None)
        .await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("alert-urgent"), "{}", page.body);
}

#[tokio::test]
async fn when_the_duty_inbox_refuses_an_alert_the_second_urgent_inbox_gets_it_once() {
    const SECOND: &str = "edt@testshire.gov.uk";
    let smtp = SmtpSink::start_with(&[Rule::rcpt(DUTY, "550 5.1.1 no such user")]);
    let port = smtp.port;
    let app = spawn_app_with(|c| {
        route(c, port);
        c.routing.urgent_fallback = vec![SECOND.into()];
    })
    .await;
    let urgent = app
        .send_urgent("he hits me", "through my worker")
        .await
        .reference();
    settled(&app).await;

    let mail = smtp.received();
    let second: Vec<_> = mail.iter().filter(|m| m.rcpt_to == SECOND).collect();
    assert_eq!(second.len(), 1, "one alert to the second inbox");
    assert_eq!(
        second[0].subject,
        format!("URGENT: a child may not be safe, {urgent}")
    );
    assert!(second[0].text.contains("he hits me"));
    // The failure is still shown: a person must know the first inbox did not get it.
    assert_eq!(app.get("/health/ready").await.status(), 503);
}
