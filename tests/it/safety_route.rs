//! Every sign that a child is not safe reaches the duty team with the right words: one urgent
//! email per cause, through a real SMTP server on loopback, saying exactly why (the choice, or
//! the words and where they were written), when to the minute, what it is about, how to reach
//! the child safely, and nothing false; and the child sees calm help first, every time.

use crate::helpers;

use have_your_say::config::Config;
use helpers::smtp::{Received, SmtpSink};
use helpers::{Page, TestApp, spawn_app_with};

const DUTY: &str = "mash@testshire.gov.uk";

fn route(config: &mut Config, smtp_port: u16) {
    config.mail.smtp_url = Some(format!("smtp://127.0.0.1:{smtp_port}").into());
    config.mail.from = "Have Your Say <hys@testshire.gov.uk>".into();
    config.public_url = "https://hys.testshire.gov.uk".into();
    config.routing.rights_officer = vec!["cro@testshire.gov.uk".into()];
    config.routing.urgent = vec![DUTY.into()];
}

/// The urgent emails the duty team got, once every queued email (all recipients) is sent.
async fn urgent_mail(app: &TestApp, smtp: &SmtpSink) -> Vec<Received> {
    app.dispatch_emails().await;
    smtp.received()
        .into_iter()
        .filter(|m| m.rcpt_to == DUTY)
        .collect()
}

fn hh_mm(text: &str) -> bool {
    text.as_bytes().windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == b':'
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
    })
}

#[tokio::test]
async fn a_phrase_in_an_answer_says_which_question_and_quotes_the_words_and_nothing_false() {
    let smtp = SmtpSink::start();
    let app = spawn_app_with(|c| route(c, smtp.port)).await;

    let done = app
        .send(&[
            "complaint",
            "young_person",
            "where_i_live",
            "my foster dad hits me when i ask for dinner",
            "",
            "no",
            "worker",
            "Jo",
            "12",
        ])
        .await;
    let reference = done.reference();

    let mail = urgent_mail(&app, &smtp).await;
    assert_eq!(mail.len(), 1, "one urgent email to the duty team");
    let email = &mail[0];
    assert_eq!(
        email.subject,
        format!("URGENT: a child may not be safe, {reference}")
    );
    let text = &email.text;
    assert!(text.contains("Why it is urgent"), "{text}");
    assert!(
        text.contains("in their answer to \"What happened?\"")
            || text.contains("in their answer to"),
        "{text}"
    );
    assert!(text.contains("hits me"), "the matched words: {text}");
    assert!(
        !text.contains("I'm not safe right now"),
        "the child did not choose the not-safe route: {text}"
    );
    assert!(!text.contains("asked us to tell someone"), "{text}");
    assert!(text.contains("Through their worker"), "{text}");
    assert!(!text.contains("Not given"), "{text}");
    assert!(text.contains("Complaint"), "the kind: {text}");
    assert!(
        text.contains("Where they live (placement)"),
        "the topic: {text}"
    );
    assert!(text.contains("Jo") && text.contains("12"), "{text}");
    assert!(hh_mm(text), "received with its time: {text}");
    assert!(
        text.contains(&format!("/staff/cases/{reference}")),
        "{text}"
    );
    assert!(
        !email.subject.contains("hits"),
        "no child words in a subject"
    );
}

#[tokio::test]
async fn the_not_safe_route_asks_what_the_duty_team_needs_and_its_email_says_it_all() {
    let smtp = SmtpSink::start();
    let app = spawn_app_with(|c| route(c, smtp.port)).await;

    let done = app
        .send_urgent_with(
            "my uncle is shouting and i am scared",
            "Sam",
            "at my friend's house on Elm Road",
            "no",
            "text my worker Priya",
        )
        .await;
    // The confirmation keeps the tap-to-call help and says what happens next, and when.
    assert!(done.body.contains("href=\"tel:999\""), "{}", done.body);
    assert!(done.body.contains("href=\"tel:08001111\""), "{}", done.body);
    assert!(done.body.contains("duty team"), "{}", done.body);
    assert!(done.body.contains("today"), "{}", done.body);

    let mail = urgent_mail(&app, &smtp).await;
    assert_eq!(mail.len(), 1);
    let text = &mail[0].text;
    assert!(
        text.contains("They chose \"I'm not safe right now\" and asked us to tell someone"),
        "{text}"
    );
    assert!(
        text.contains("my uncle is shouting and i am scared"),
        "{text}"
    );
    assert!(text.contains("Sam"), "{text}");
    assert!(text.contains("Elm Road"), "{text}");
    assert!(text.contains("No: do not phone them"), "{text}");
    assert!(text.contains("text my worker Priya"), "{text}");
    assert!(
        !text.contains("Please do not contact them"),
        "not asking for a contact preference is not a refusal: {text}"
    );
    assert!(text.contains("Safety concern"), "{text}");
    assert!(hh_mm(text), "{text}");
}

#[tokio::test]
async fn words_added_later_quote_the_new_words_and_show_the_child_help_at_once() {
    let smtp = SmtpSink::start();
    let app = spawn_app_with(|c| route(c, smtp.port)).await;
    let done = app
        .send(&[
            "compliment",
            "young_person",
            "where_i_live",
            "My new carer cooks nice food",
            "none",
            "",
            "11",
        ])
        .await;
    let (reference, secret) = (done.reference(), done.secret().expect("secret"));
    app.get("/leave").await;
    track(&app, &reference, &secret).await;

    let page = Page::from(
        app.post(
            "/track/add",
            &[("text", "now the new carer hits me and I am scared")],
        )
        .await,
    )
    .await;

    // Calm help before anything else, with tap-to-call numbers, and who will see it when.
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(!page.url.contains("hits"), "no child words in the address");
    let help = page.body.find("safety-panel").expect("the help panel");
    let messages = page.body.find("track-messages").unwrap_or(usize::MAX);
    assert!(help < page.body.find("<h2").unwrap_or(usize::MAX) + 200);
    assert!(help < messages);
    assert!(page.body.contains("href=\"tel:999\""));
    assert!(page.body.contains("duty team"));
    assert!(page.body.contains("today"));

    let mail = urgent_mail(&app, &smtp).await;
    assert_eq!(mail.len(), 1);
    let text = &mail[0].text;
    assert!(text.contains("added on the tracking page on"), "{text}");
    assert!(text.contains("hits me"), "{text}");
    assert!(
        text.contains("now the new carer hits me and I am scared"),
        "the new words in full: {text}"
    );
    assert!(text.contains("Compliment"), "{text}");
    assert!(hh_mm(text), "{text}");

    // An ordinary addition afterwards shows no help panel.
    let calm = Page::from(app.post("/track/add", &[("text", "thank you")]).await).await;
    assert!(!calm.body.contains("safety-panel"), "{}", calm.body);
}

#[tokio::test]
async fn after_a_harm_phrase_the_help_comes_first_and_says_the_duty_team_will_see_it_today() {
    let smtp = SmtpSink::start();
    let app = spawn_app_with(|c| route(c, smtp.port)).await;
    let page = app
        .walk(&[
            "complaint",
            "young_person",
            "where_i_live",
            "my foster dad hits me",
        ])
        .await;

    let panel = page.body.find("class=\"safety-panel\"").expect("panel");
    let next_bubble = page
        .body
        .find("id=\"now\"")
        .and_then(|now| page.body[now..].find("bubble service").map(|b| now + b));
    let bubble = next_bubble.expect("the next question says something first");
    assert!(panel < bubble, "help before the next question's bubble");
    assert_eq!(
        page.body.matches("0800 1111").count(),
        1,
        "Childline once: {}",
        page.body
    );
    assert!(page.body.contains("duty team"));
    assert!(page.body.contains("today"));
}

async fn track(app: &TestApp, reference: &str, secret: &str) -> Page {
    Page::from(
        app.post("/track", &[("reference", reference), ("secret", secret)])
            .await,
    )
    .await
}

/// The held-out sentences (written before the phrase lists were tuned) of one locale.
fn held_out(locale: &str, set: &str) -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/safety")
        .join(locale)
        .join(format!("heldout_{set}.txt"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// One fresh conversation through the JSON API in `locale`: does writing `text` as what
/// happened bring the help panel, as the child would meet it?
async fn alarms_through_the_api(
    app: &TestApp,
    client: &reqwest::Client,
    locale: &str,
    text: &str,
) -> bool {
    let post = |path: String, token: Option<String>, body: serde_json::Value| {
        let mut request = client.post(app.url(&path)).json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        async move {
            let response = request.send().await.expect("request");
            assert!(response.status().is_success(), "{}", response.status());
            response.json::<serde_json::Value>().await.expect("json")
        }
    };
    let started = post(
        "/api/v1/conversations".into(),
        None,
        serde_json::json!({"flow": "feedback", "locale": locale}),
    )
    .await;
    let id = started["id"].as_str().expect("id").to_owned();
    let token = started["token"].as_str().expect("token").to_owned();
    let answers = format!("/api/v1/conversations/{id}/answers");
    for (step, value) in [
        ("kind", "complaint"),
        ("role", "young_person"),
        ("about", "where_i_live"),
    ] {
        post(
            answers.clone(),
            Some(token.clone()),
            serde_json::json!({"step": step, "value": value}),
        )
        .await;
    }
    let next = post(
        answers,
        Some(token),
        serde_json::json!({"step": "what-happened", "value": text}),
    )
    .await;
    next["step"].get("safety").is_some()
}

#[tokio::test]
async fn through_the_api_the_held_out_sentences_of_every_locale_meet_the_targets() {
    let app = helpers::spawn_app_with(|c| c.api_rate_per_minute = 0).await;
    let client = reqwest::Client::new();
    for locale in ["en-GB", "cy", "pl", "ar", "ur", "ps"] {
        let disclosures = held_out(locale, "disclosures");
        let innocent = held_out(locale, "innocent");
        let mut caught = 0;
        for text in &disclosures {
            caught += usize::from(alarms_through_the_api(&app, &client, locale, text).await);
        }
        let mut flagged = 0;
        for text in &innocent {
            flagged += usize::from(alarms_through_the_api(&app, &client, locale, text).await);
        }
        assert!(
            caught * 10 >= disclosures.len() * 9,
            "{locale}: {caught} of {} disclosures caught",
            disclosures.len()
        );
        assert!(
            flagged * 10 <= innocent.len(),
            "{locale}: {flagged} of {} innocent sentences flagged",
            innocent.len()
        );
    }
}
