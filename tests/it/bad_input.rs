//! Bad input, as a table: every row gets a 4xx or the same page with a kind message, never a
//! 5xx, and nothing half-written is stored.

use crate::helpers;

use helpers::{Page, spawn_app};

/// Answers that reach the contact step of a complaint.
const TO_CONTACT: &[&str] = &[
    "complaint",
    "young_person",
    "money",
    "It was late",
    "",
    "no",
];

#[tokio::test]
async fn bad_answers_show_the_same_question_with_a_kind_message_and_what_was_typed() {
    let app = spawn_app().await;
    let long = "x".repeat(5001);
    let long_name = "y".repeat(51);
    let with = |extra: &[&str]| -> Vec<String> {
        TO_CONTACT
            .iter()
            .chain(extra)
            .map(|s| (*s).to_owned())
            .collect()
    };
    let start: Vec<String> = Vec::new();
    let text_step: Vec<String> = ["complaint", "young_person", "money"]
        .map(String::from)
        .to_vec();
    let cases: Vec<(Vec<String>, &str, &str)> = vec![
        (start.clone(), "", "Please choose one answer."),
        (start, "not-a-choice", "Please choose one answer."),
        (text_step.clone(), "", "Please write something here."),
        (
            text_step,
            &long,
            "Please make this shorter. You can write up to 5000 letters.",
        ),
        (
            with(&[])[..5].to_vec(),
            "maybe",
            "Please choose one answer.",
        ),
        (
            with(&["email"]),
            "not an email",
            "Please check your email address.",
        ),
        (
            with(&["phone"]),
            "call me",
            "Please check your phone number.",
        ),
        (with(&["phone"]), "123", "Please check your phone number."),
        (
            with(&["none"]),
            &long_name,
            "Please make this shorter. You can write up to 50 letters.",
        ),
        (
            with(&["none", ""]),
            "26",
            "Please write a number from 0 to 25.",
        ),
        (
            with(&["none", ""]),
            "fourteen",
            "Please write a number from 0 to 25.",
        ),
    ];
    for (path, value, message) in cases {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        let page = app.walk(&path).await;
        let step = page.step_id();
        let before = app.count("conversations").await;

        let page = app.answer_step(&step, &[value]).await;

        assert_eq!(page.status, 422, "{step} {value:?}: {}", page.body);
        assert_eq!(page.step_id(), step, "{value:?}");
        assert!(
            page.body.contains(&message.replace('\'', "&#39;")),
            "{step} {value:?} wants {message:?}"
        );
        assert!(
            page.body.contains("<title>Error: "),
            "{step}: title starts with Error:"
        );
        assert!(page.body.contains("class=\"error-summary\""));
        if !value.is_empty() && value.len() < 100 && !["kind", "advocate"].contains(&step.as_str())
        {
            assert!(
                page.body.contains(&format!("value=\"{value}\""))
                    || page.body.contains(&format!(">{value}</textarea>")),
                "{step}: keeps what was typed"
            );
        }
        assert_eq!(app.count("conversations").await, before);
        assert_eq!(app.count("cases").await, 0);
        app.get("/leave").await;
    }
}

#[tokio::test]
async fn an_answer_for_a_step_that_is_not_the_current_one_changes_nothing() {
    let app = spawn_app().await;
    app.walk(&["complaint"]).await;
    let page = app.answer_step("age", &["12"]).await;
    assert_eq!(page.status, 409);
    assert_eq!(page.step_id(), "role");
    assert!(page.body.contains("This question has moved on"));
    let page = app.answer_step("role", &["young_person"]).await;
    assert_eq!(page.step_id(), "about", "the real current step still works");
}

#[tokio::test]
async fn sending_before_the_end_is_refused_kindly() {
    let app = spawn_app().await;
    app.walk(&["complaint", "young_person"]).await;
    let page = Page::from(app.post("/chat/submit", &[("step", "send")]).await).await;
    assert_eq!(page.status, 409);
    assert_eq!(page.step_id(), "about");
    assert_eq!(app.count("cases").await, 0);
}

#[tokio::test]
async fn requests_that_cannot_be_read_get_a_4xx_and_a_kind_page() {
    let app = spawn_app().await;
    app.walk(&["complaint", "young_person", "money"]).await;
    let url = app.url("/chat/answer");
    let form = "application/x-www-form-urlencoded";
    let huge = format!("step=what-happened&value={}", "a".repeat(200 * 1024));
    let cases: Vec<(&str, &str, Vec<u8>, u16)> = vec![
        ("huge body", form, huge.into_bytes(), 413),
        (
            "invalid UTF-8",
            form,
            b"step=what-happened&value=%FF%FE%FD".to_vec(),
            400,
        ),
        (
            "raw invalid UTF-8",
            form,
            b"step=what-happened&value=\xff\xfe".to_vec(),
            400,
        ),
        (
            "NUL byte",
            form,
            b"step=what-happened&value=a%00b".to_vec(),
            400,
        ),
        (
            "JSON instead of a form",
            "application/json",
            br#"{"step":"what-happened"}"#.to_vec(),
            415,
        ),
        ("missing step", form, b"value=hello".to_vec(), 400),
        (
            "step id too long",
            form,
            format!("step={}&value=x", "s".repeat(100)).into_bytes(),
            400,
        ),
        (
            "too many values",
            form,
            "step=what-happened&value=a".repeat(60).into_bytes(),
            400,
        ),
    ];
    for (name, content_type, body, status) in cases {
        let response = app
            .client
            .post(&url)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        let page = Page::from(response).await;
        assert_eq!(page.status, status, "{name}");
        assert!(
            page.body.contains("<h1>"),
            "{name}: a page, not a raw error"
        );
        assert!(page.body.contains("Leave this page"), "{name}");
    }
    assert_eq!(app.count("cases").await, 0);
    let page = Page::from(app.get("/chat").await).await;
    assert_eq!(page.step_id(), "what-happened", "nothing half-written");
}

#[tokio::test]
async fn a_missing_or_forged_cookie_gets_a_kind_start_again_page() {
    let app = spawn_app().await;
    let cookies = [
        None,
        Some("hys=0123456789abcdef0123456789abcdef"),
        Some("hys=../../etc/passwd"),
        Some("hys="),
    ];
    for cookie in cookies {
        let mut request = helpers::browser()
            .post(app.url("/chat/answer"))
            .form(&[("step", "kind"), ("value", "complaint")]);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let page = Page::from(request.send().await.unwrap()).await;
        assert_eq!(page.status, 400, "{cookie:?}");
        assert!(
            page.body.contains("Your conversation has ended"),
            "{cookie:?}"
        );
        assert!(page.body.contains("Start again"));
    }
    assert_eq!(app.count("conversations").await, 0);
    assert_eq!(app.count("cases").await, 0);
}

#[tokio::test]
async fn unknown_pages_and_methods_get_kind_pages_not_server_errors() {
    let app = spawn_app().await;
    let not_found = Page::from(app.get("/no/such/page").await).await;
    assert_eq!(not_found.status, 404);
    assert!(not_found.body.contains("We can&#39;t find that page"));
    let wrong_method = Page::from(app.client.delete(app.url("/chat")).send().await.unwrap()).await;
    assert_eq!(wrong_method.status, 405);
    assert!(wrong_method.body.contains("<h1>"));
    let done_without_cookie = Page::from(
        helpers::browser()
            .get(app.url("/chat/done"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(done_without_cookie.status, 200);
    assert!(done_without_cookie.url.ends_with('/'));
}

#[tokio::test]
async fn an_error_page_is_in_the_visitors_language_from_the_browser_or_their_choice() {
    let app = spawn_app().await;
    let by_browser = app
        .client
        .get(app.url("/no/such/page"))
        .header("accept-language", "cy, en;q=0.5")
        .send()
        .await
        .unwrap();
    assert_eq!(by_browser.status(), 404);
    let body = by_browser.text().await.unwrap();
    assert!(body.contains("Efallai bod y dudalen wedi symud"), "{body}");
    // A language chosen on our pages wins over the browser's.
    let by_choice = app
        .client
        .get(app.url("/no/such/page"))
        .header("accept-language", "cy")
        .header("cookie", "hys-lang=ar")
        .send()
        .await
        .unwrap();
    assert_eq!(by_choice.status(), 404);
    let body = by_choice.text().await.unwrap();
    assert!(body.contains("ربما نُقلت الصفحة"), "{body}");
}
