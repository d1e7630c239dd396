//! The JSON API as another front end uses it: bearer tokens, JSON in and out, every error a
//! JSON body with a stable code. Every branch of the flow ends in a stored case, as on the pages.

use crate::helpers;

use std::collections::BTreeSet;

use have_your_say::domain::Reference;
use have_your_say::store::cases::format_date;
use helpers::{Page, TestApp, spawn_app, spawn_app_with};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use helpers::COMPLAINT_BY_PHONE as COMPLAINT;

use helpers::COMPLIMENT;

use helpers::ADULT_COMMENT as COMMENT;

/// A reply: status, headers and the JSON body (`Null` when there is none).
struct Reply {
    status: StatusCode,
    headers: reqwest::header::HeaderMap,
    body: Value,
}

impl Reply {
    fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or_default()
    }

    fn step_id(&self) -> &str {
        self.body["step"]["id"].as_str().unwrap_or_default()
    }
}

/// A started conversation: its id and bearer token.
#[derive(Clone)]
struct Conv {
    id: String,
    token: String,
}

/// A client that keeps no cookies, like an app or a kiosk.
fn plain_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

async fn reply(response: reqwest::Response) -> Reply {
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await.expect("body");
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
    };
    Reply {
        status,
        headers,
        body,
    }
}

async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Reply {
    let mut request = plain_client().request(method, app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    reply(request.send().await.expect("request")).await
}

async fn start(app: &TestApp) -> (Conv, Reply) {
    let started = call(
        app,
        Method::POST,
        "/api/v1/conversations",
        None,
        Some(json!({"flow": "feedback", "locale": "en-GB"})),
    )
    .await;
    assert_eq!(started.status, 201, "{}", started.body);
    let conv = Conv {
        id: started.body["id"].as_str().expect("id").to_owned(),
        token: started.body["token"].as_str().expect("token").to_owned(),
    };
    (conv, started)
}

async fn get(app: &TestApp, conv: &Conv) -> Reply {
    let path = format!("/api/v1/conversations/{}", conv.id);
    call(app, Method::GET, &path, Some(&conv.token), None).await
}

async fn answer(app: &TestApp, conv: &Conv, step: &str, value: Value) -> Reply {
    let path = format!("/api/v1/conversations/{}/answers", conv.id);
    let body = json!({"step": step, "value": value});
    call(app, Method::POST, &path, Some(&conv.token), Some(body)).await
}

async fn back(app: &TestApp, conv: &Conv, body: Option<Value>) -> Reply {
    let path = format!("/api/v1/conversations/{}/back", conv.id);
    call(app, Method::POST, &path, Some(&conv.token), body).await
}

async fn submit(app: &TestApp, conv: &Conv) -> Reply {
    let path = format!("/api/v1/conversations/{}/submit", conv.id);
    call(app, Method::POST, &path, Some(&conv.token), None).await
}

/// Start, then answer each current step in turn with these values; returns the last reply.
async fn walk(app: &TestApp, values: &[&str]) -> (Conv, Reply) {
    let (conv, mut last) = start(app).await;
    for value in values {
        let step = last.step_id().to_owned();
        last = answer(app, &conv, &step, json!(value)).await;
        assert_eq!(
            last.status, 200,
            "answering {step} with {value:?}: {}",
            last.body
        );
    }
    (conv, last)
}

/// Walk a whole conversation, confirm the check page, and send it; returns the receipt.
/// A child's optional "About you" questions are skipped unless `values` answered them.
async fn send(app: &TestApp, values: &[&str]) -> Reply {
    let (conv, mut check) = walk(app, values).await;
    if check.step_id() == "about-you" {
        check = answer(app, &conv, "about-you", json!("skip")).await;
    }
    assert_eq!(check.step_id(), "check", "{}", check.body);
    let send_step = answer(app, &conv, "check", Value::Null).await;
    assert_eq!(send_step.step_id(), "send");
    let receipt = submit(app, &conv).await;
    assert_eq!(receipt.status, 201, "{}", receipt.body);
    receipt
}

async fn stored_case(app: &TestApp, receipt: &Reply) -> have_your_say::domain::Case {
    let reference = Reference::parse(receipt.body["reference"].as_str().expect("reference"))
        .expect("a valid reference");
    app.store
        .case_by_reference(&reference)
        .await
        .expect("query")
        .expect("stored")
}

#[tokio::test]
async fn a_complaint_goes_from_start_to_case_through_the_api() {
    let app = spawn_app().await;

    let (conv, started) = start(&app).await;

    assert_eq!(
        started.headers["location"],
        format!("/api/v1/conversations/{}", conv.id).as_str()
    );
    assert_eq!(conv.id.len(), 16);
    assert_eq!(conv.token.len(), 32);
    assert_eq!(started.step_id(), "kind");
    assert_eq!(started.body["step"]["kind"], "choice");
    assert_eq!(started.body["step"]["ask"], "What do you want to tell us?");
    assert_eq!(started.body["step"]["options"][0]["value"], "complaint");
    assert!(started.body["step"]["options"][0]["icon"].is_string());
    assert_eq!(started.body["step"]["required"], true);
    assert_eq!(started.body["step"]["lang"], "en-GB");
    assert_eq!(started.body["step"]["dir"], "ltr");
    assert!(started.body["step"].get("safety").is_none());

    let receipt = send(&app, COMPLAINT).await;
    let reference = receipt.body["reference"].as_str().unwrap();
    assert!(reference.starts_with("HYS-"), "{reference}");
    // Four words and a number.
    assert_eq!(
        receipt.body["secret"].as_str().unwrap().split(' ').count(),
        5
    );
    assert_eq!(receipt.body["urgent"], false);
    assert_eq!(receipt.body["kind"], "complaint");
    let case = stored_case(&app, &receipt).await;
    assert_eq!(case.kind.as_str(), "complaint");
    assert_eq!(case.category.map(|c| c.as_str()), Some("money"));
    assert_eq!(
        case.summary.as_deref(),
        Some("My allowance was paid late <b>again</b>")
    );
    assert_eq!(case.contact_value.as_deref(), Some("07700 900123"));
    assert_eq!(case.age, Some(14));
    assert!(!case.urgent);
    assert_eq!(
        case.due_on.map(format_date).as_deref(),
        receipt.body["reply_by"].as_str()
    );
    assert_eq!(
        app.count("conversations").await,
        1,
        "the sent one is deleted; only the first, never answered, is left"
    );
}

#[tokio::test]
async fn a_compliment_and_a_comment_are_sent_through_the_api() {
    let app = spawn_app().await;

    let compliment = send(&app, COMPLIMENT).await;
    let comment = send(&app, COMMENT).await;

    let case = stored_case(&app, &compliment).await;
    assert_eq!(case.kind.as_str(), "compliment");
    assert_eq!(case.desired_outcome, None);
    assert_eq!(case.contact_method.as_str(), "none");
    assert_eq!(case.first_name, None);
    let case = stored_case(&app, &comment).await;
    assert_eq!(case.kind.as_str(), "comment");
    assert_eq!(case.submitted_by.as_str(), "parent_family");
    assert_eq!(case.contact_value.as_deref(), Some("carer@example.org"));
    assert_eq!(app.count("cases").await, 2);
}

#[tokio::test]
async fn not_safe_shows_the_numbers_and_telling_someone_makes_an_urgent_case() {
    let app = spawn_app().await;

    let (conv, help) = walk(&app, &["unsafe"]).await;
    assert_eq!(help.step_id(), "unsafe-help");
    let panel = &help.body["step"]["help_panel"];
    let tels: Vec<&str> = panel["calls"]
        .as_array()
        .expect("calls")
        .iter()
        .filter_map(|c| c["tel"].as_str())
        .collect();
    assert_eq!(tels, ["999", "08001111", "03001234567", "03007654321"]);
    assert!(
        help.body["step"]["say"]
            .to_string()
            .contains("0300 123 4567")
    );

    let what = answer(&app, &conv, "unsafe-help", json!("yes")).await;
    assert_eq!(what.step_id(), "urgent-what");
    let reach = answer(
        &app,
        &conv,
        "urgent-what",
        json!("My mum's boyfriend hits me"),
    )
    .await;
    assert_eq!(reach.step_id(), "urgent-name");
    let place = answer(&app, &conv, "urgent-name", json!("Sam")).await;
    assert_eq!(place.step_id(), "urgent-where");
    let call = answer(&app, &conv, "urgent-where", json!("")).await;
    assert_eq!(call.step_id(), "urgent-call");
    let reach = answer(&app, &conv, "urgent-call", json!("no")).await;
    assert_eq!(reach.step_id(), "urgent-reach");
    let send_step = answer(&app, &conv, "urgent-reach", json!("At school after 3")).await;
    assert_eq!(send_step.step_id(), "urgent-send");
    assert_eq!(send_step.body["step"]["kind"], "submit");
    assert_eq!(send_step.body["step"]["urgent"], true);
    let receipt = submit(&app, &conv).await;

    assert_eq!(receipt.status, 201, "{}", receipt.body);
    assert_eq!(receipt.body["urgent"], true);
    let case = stored_case(&app, &receipt).await;
    assert!(case.urgent);
    assert_eq!(case.contact_value.as_deref(), Some("At school after 3"));
}

#[tokio::test]
async fn saying_no_to_telling_someone_ends_without_a_case() {
    let app = spawn_app().await;
    let (conv, end) = walk(&app, &["unsafe", "no"]).await;
    assert_eq!(end.step_id(), "unsafe-end");
    assert_eq!(end.body["step"]["kind"], "end");

    let refused = answer(&app, &conv, "unsafe-end", json!("")).await;
    let not_sent = submit(&app, &conv).await;

    assert_eq!(refused.status, 409);
    assert_eq!(refused.code(), "not_answerable");
    assert_eq!(not_sent.status, 409);
    assert_eq!(not_sent.code(), "not_ready");
    assert_eq!(app.count("cases").await, 0);
}

#[tokio::test]
async fn worrying_words_bring_calm_help_with_the_next_question_and_make_the_case_urgent() {
    let app = spawn_app().await;
    let (conv, what) = walk(&app, &COMPLAINT[..3]).await;
    assert_eq!(what.step_id(), "what-happened");

    let next = answer(&app, &conv, "what-happened", json!("he hits me")).await;

    assert_eq!(next.status, 200);
    assert_eq!(next.step_id(), "what-would-help");
    let safety = &next.body["step"]["safety"];
    assert_eq!(safety["text"], "You did the right thing by telling us.");
    assert!(
        safety["carry_on"]
            .as_str()
            .is_some_and(|t| t.contains("duty team") && t.contains("today")),
        "{safety}"
    );
    assert!(safety["calls"].as_array().is_some_and(|c| c.len() == 4));
    assert_eq!(get(&app, &conv).await.body["step"]["safety"], *safety);

    let after = answer(&app, &conv, "what-would-help", json!("")).await;
    assert!(after.body["step"].get("safety").is_none(), "shown once");
    let mut last = after;
    for value in &COMPLAINT[5..] {
        let step = last.step_id().to_owned();
        last = answer(&app, &conv, &step, json!(value)).await;
    }
    answer(&app, &conv, "check", Value::Null).await;
    let receipt = submit(&app, &conv).await;
    assert_eq!(receipt.body["urgent"], true);
}

#[tokio::test]
async fn the_question_before_contact_details_links_to_the_privacy_page() {
    let app = spawn_app().await;

    let (_, contact) = walk(&app, &COMPLAINT[..6]).await;

    assert_eq!(contact.step_id(), "contact");
    let privacy = &contact.body["step"]["privacy"];
    assert_eq!(
        privacy["text"],
        "Who can see this? Read how we keep it private."
    );
    assert!(privacy["url"].as_str().unwrap().ends_with("/privacy"));
    let (_, about) = walk(&app, &COMPLAINT[..2]).await;
    assert!(about.body["step"].get("privacy").is_none());
}

#[tokio::test]
async fn the_conversation_shows_its_transcript_and_the_check_page_lists_the_answers() {
    let app = spawn_app().await;
    let (conv, check) = walk(&app, COMPLAINT).await;

    let review = check.body["step"]["review"]
        .as_array()
        .expect("review rows");
    let row = review
        .iter()
        .find(|r| r["step"] == "what-happened")
        .expect("what happened row");
    assert_eq!(row["answer"], "My allowance was paid late <b>again</b>");
    assert_eq!(
        review.iter().find(|r| r["step"] == "about").unwrap()["answer"],
        "Money"
    );
    let shown = get(&app, &conv).await;
    assert_eq!(shown.status, 200);
    assert_eq!(shown.step_id(), "check");
    let transcript = shown.body["transcript"].as_array().expect("transcript");
    assert_eq!(transcript[0]["from"], "service");
    assert!(
        transcript
            .iter()
            .any(|b| b["from"] == "user" && b["text"] == "Pay it on Fridays")
    );
}

#[tokio::test]
async fn back_keeps_earlier_answers_and_does_not_go_back_twice() {
    let app = spawn_app().await;
    let (conv, about) = walk(&app, &["complaint", "young_person"]).await;
    assert_eq!(about.step_id(), "about");

    let role = back(&app, &conv, Some(json!({"step": "about"}))).await;
    let again = back(&app, &conv, Some(json!({"step": "about"}))).await;

    assert_eq!(role.status, 200, "{}", role.body);
    assert_eq!(role.step_id(), "role");
    assert_eq!(role.body["step"]["value"], "young_person");
    assert_eq!(again.status, 409);
    assert_eq!(again.code(), "not_current_step");
    let kind = back(&app, &conv, None).await;
    assert_eq!(kind.step_id(), "kind");
    let still = back(&app, &conv, None).await;
    assert_eq!(still.step_id(), "kind", "the first step stays put");
}

#[tokio::test]
async fn sending_twice_returns_the_same_case_and_nothing_moves_after_sending() {
    let app = spawn_app().await;
    let (conv, _) = walk(&app, COMPLAINT).await;
    answer(&app, &conv, "check", Value::Null).await;

    let first = submit(&app, &conv).await;
    let again = submit(&app, &conv).await;

    assert_eq!(first.status, 201);
    assert_eq!(again.status, 200);
    assert_eq!(again.body["reference"], first.body["reference"]);
    assert_eq!(again.body["secret"], first.body["secret"]);
    assert_eq!(app.count("cases").await, 1);
    for late in [
        get(&app, &conv).await,
        answer(&app, &conv, "send", json!("")).await,
        back(&app, &conv, None).await,
    ] {
        assert_eq!(late.status, 409, "{}", late.body);
        assert_eq!(late.code(), "already_submitted");
    }
}

#[tokio::test]
async fn two_sends_at_the_same_moment_make_one_case() {
    let app = spawn_app().await;
    let (conv, _) = walk(&app, COMPLAINT).await;
    answer(&app, &conv, "check", Value::Null).await;

    let (a, b) = tokio::join!(submit(&app, &conv), submit(&app, &conv));

    assert!(a.status.is_success() && b.status.is_success());
    assert_eq!(a.body["reference"], b.body["reference"]);
    assert_eq!(app.count("cases").await, 1);
}

#[tokio::test]
async fn refused_answers_are_422_with_a_message_in_the_conversations_language() {
    let app = spawn_app().await;
    let (conv, _) = walk(&app, &COMPLAINT[..9]).await;

    let cases = [
        ("age", json!("200"), "Please write a number from 0 to 25."),
        ("age", json!("-3"), "Please write a number from 0 to 25."),
    ];
    for (step, value, message) in cases {
        let refused = answer(&app, &conv, step, value.clone()).await;
        assert_eq!(refused.status, 422, "{value}: {}", refused.body);
        assert_eq!(refused.code(), "invalid_answer");
        assert_eq!(refused.body["errors"][0]["field"], "value");
        assert_eq!(refused.body["errors"][0]["message"], message);
    }
    // Age is optional, as every equality question is: an empty answer moves on.
    let skipped = answer(&app, &conv, "age", json!("")).await;
    assert_eq!(skipped.status, 200, "{}", skipped.body);
    assert_eq!(skipped.step_id(), "about-you");
    let (other, _) = start(&app).await;
    let refused = answer(&app, &other, "kind", json!("pizza")).await;
    assert_eq!(refused.status, 422);
    assert_eq!(
        refused.body["errors"][0]["message"],
        "Please choose one answer."
    );
}

#[tokio::test]
async fn an_unknown_language_is_422_and_lists_the_ones_we_have() {
    let app = spawn_app().await;

    let refused = call(
        &app,
        Method::POST,
        "/api/v1/conversations",
        None,
        Some(json!({"locale": "tlh"})),
    )
    .await;
    let any_case = call(
        &app,
        Method::POST,
        "/api/v1/conversations",
        None,
        Some(json!({"locale": "en-gb"})),
    )
    .await;
    let defaults = call(
        &app,
        Method::POST,
        "/api/v1/conversations",
        None,
        Some(json!({})),
    )
    .await;

    assert_eq!(refused.status, 422);
    assert_eq!(refused.code(), "unknown_locale");
    assert!(
        refused.body["locales"]
            .as_array()
            .unwrap()
            .contains(&json!("en-GB"))
    );
    assert_eq!(any_case.status, 201);
    assert_eq!(defaults.status, 201);
    assert_eq!(defaults.step_id(), "kind");
}

#[tokio::test]
async fn out_of_order_answers_and_early_sends_are_409() {
    let app = spawn_app().await;
    let (conv, _) = walk(&app, &["complaint"]).await;

    let old = answer(&app, &conv, "kind", json!("compliment")).await;
    let unknown = answer(&app, &conv, "no-such-step", json!("x")).await;
    let early = submit(&app, &conv).await;

    assert_eq!(old.status, 409);
    assert_eq!(old.code(), "not_current_step");
    assert_eq!(
        old.body["message"],
        "This question has moved on. Here is where you are now."
    );
    assert_eq!(unknown.code(), "not_current_step");
    assert_eq!(early.status, 409);
    assert_eq!(early.code(), "not_ready");
    assert_eq!(get(&app, &conv).await.step_id(), "role", "nothing changed");
}

#[tokio::test]
async fn unreadable_bodies_are_400() {
    let app = spawn_app().await;
    let (conv, _) = start(&app).await;
    let path = format!("/api/v1/conversations/{}/answers", conv.id);
    let raw = |body: &'static str| {
        plain_client()
            .post(app.url(&path))
            .bearer_auth(&conv.token)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };

    for body in [
        "{not json",
        "",
        "[]",
        r#"{"value": "complaint"}"#,
        r#"{"step": 3}"#,
        r#"{"step": "kind", "value": 7}"#,
        r#"{"step": "kind", "value": "a\u0000b"}"#,
        r#"{"step": "kind", "value": "\ud800"}"#,
    ] {
        let refused = reply(raw(body).await.unwrap()).await;
        assert_eq!(refused.status, 400, "{body}: {}", refused.body);
        assert_eq!(refused.code(), "bad_request", "{body}");
    }
    let list_for_a_choice = answer(&app, &conv, "kind", json!(["complaint"])).await;
    assert_eq!(list_for_a_choice.status, 400);
    assert_eq!(get(&app, &conv).await.step_id(), "kind");
}

#[tokio::test]
async fn a_missing_or_malformed_token_is_401_and_a_cookie_is_not_a_token() {
    let app = spawn_app().await;
    let (conv, _) = start(&app).await;
    let path = app.url(&format!("/api/v1/conversations/{}", conv.id));

    let requests = [
        plain_client().get(&path),
        plain_client()
            .get(&path)
            .header("cookie", format!("hys={}", conv.token)),
        plain_client()
            .get(&path)
            .header("authorization", format!("Basic {}", conv.token)),
        plain_client().get(&path).bearer_auth("not-a-token"),
        plain_client()
            .get(&path)
            .bearer_auth(conv.token.to_uppercase()),
    ];
    for request in requests {
        let refused = reply(request.send().await.unwrap()).await;
        assert_eq!(refused.status, 401, "{}", refused.body);
        assert_eq!(refused.code(), "unauthorized");
        assert_eq!(refused.headers["www-authenticate"], "Bearer");
    }
    let lower_scheme = plain_client()
        .get(&path)
        .header("authorization", format!("bearer {}", conv.token))
        .send()
        .await
        .unwrap();
    assert_eq!(lower_scheme.status(), 200);
}

#[tokio::test]
async fn unknown_routes_flows_and_conversations_are_404_in_json() {
    let app = spawn_app().await;
    let (conv, _) = start(&app).await;
    let (other, _) = start(&app).await;

    let route = call(&app, Method::GET, "/api/v1/nothing", None, None).await;
    let deep = call(
        &app,
        Method::POST,
        &format!("/api/v1/conversations/{}/nothing", conv.id),
        Some(&conv.token),
        None,
    )
    .await;
    let root = call(&app, Method::GET, "/api/", None, None).await;
    let flow = call(
        &app,
        Method::POST,
        "/api/v1/conversations",
        None,
        Some(json!({"flow": "nope"})),
    )
    .await;
    // Someone else's id with my token, and my id with a token that has no conversation.
    let wrong_id = get(
        &app,
        &Conv {
            id: other.id.clone(),
            token: conv.token.clone(),
        },
    )
    .await;
    let stranger = "0123456789abcdef0123456789abcdef".to_owned();
    let no_conversation = get(
        &app,
        &Conv {
            id: have_your_say::domain::ConversationToken::parse(&stranger)
                .unwrap()
                .key()[..16]
                .to_owned(),
            token: stranger,
        },
    )
    .await;

    for (reply, code) in [
        (&route, "not_found"),
        (&deep, "not_found"),
        (&root, "not_found"),
        (&flow, "unknown_flow"),
        (&wrong_id, "conversation_not_found"),
        (&no_conversation, "conversation_not_found"),
    ] {
        assert_eq!(reply.status, 404, "{code}: {}", reply.body);
        assert_eq!(reply.code(), code);
        assert!(
            reply.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/json")
        );
    }
}

#[tokio::test]
async fn a_wrong_method_is_405_in_json_with_allow() {
    let app = spawn_app().await;
    let (conv, _) = start(&app).await;

    let list = call(&app, Method::GET, "/api/v1/conversations", None, None).await;
    let delete = call(
        &app,
        Method::DELETE,
        &format!("/api/v1/conversations/{}", conv.id),
        Some(&conv.token),
        None,
    )
    .await;

    assert_eq!(list.status, 405);
    assert_eq!(list.code(), "method_not_allowed");
    assert_eq!(list.headers["allow"], "POST");
    assert_eq!(delete.status, 405);
    assert!(delete.headers["allow"].to_str().unwrap().contains("GET"));
}

#[tokio::test]
async fn a_body_over_64_kib_is_413_in_json() {
    let app = spawn_app().await;
    let (conv, _) = walk(&app, &COMPLAINT[..3]).await;
    let huge = "a".repeat(70 * 1024);

    let refused = answer(&app, &conv, "what-happened", json!(huge)).await;
    let start_refused = call(
        &app,
        Method::POST,
        "/api/v1/conversations",
        None,
        Some(json!({"flow": huge})),
    )
    .await;

    assert_eq!(refused.status, 413);
    assert_eq!(refused.code(), "payload_too_large");
    assert_eq!(start_refused.status, 413);
    assert_eq!(get(&app, &conv).await.step_id(), "what-happened");
}

#[tokio::test]
async fn a_body_that_is_not_json_is_415() {
    let app = spawn_app().await;
    let (conv, _) = start(&app).await;
    let answers = app.url(&format!("/api/v1/conversations/{}/answers", conv.id));

    let requests = [
        plain_client()
            .post(app.url("/api/v1/conversations"))
            .form(&[("flow", "feedback")]),
        plain_client()
            .post(app.url("/api/v1/conversations"))
            .body(r#"{"flow": "feedback"}"#),
        plain_client()
            .post(&answers)
            .bearer_auth(&conv.token)
            .header("content-type", "text/plain")
            .body(r#"{"step": "kind", "value": "complaint"}"#),
        plain_client()
            .post(app.url(&format!("/api/v1/conversations/{}/back", conv.id)))
            .bearer_auth(&conv.token)
            .header("content-type", "text/plain")
            .body("back please"),
    ];
    for request in requests {
        let refused = reply(request.send().await.unwrap()).await;
        assert_eq!(refused.status, 415, "{}", refused.body);
        assert_eq!(refused.code(), "unsupported_media_type");
    }
}

#[tokio::test]
async fn too_many_requests_from_one_address_are_429_with_retry_after() {
    let app = spawn_app().await;
    let path = app.url("/api/v1/conversations/0123456789abcdef");
    let client = plain_client();

    let mut limited = None;
    for _ in 0..200 {
        let response = client.get(&path).send().await.unwrap();
        if response.status() == 429 {
            limited = Some(reply(response).await);
            break;
        }
        assert_eq!(response.status(), 401);
    }

    let limited = limited.expect("limited within 200 requests");
    assert_eq!(limited.code(), "rate_limited");
    let wait: u64 = limited.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    let html = app.get("/").await;
    assert_eq!(html.status(), 200, "the pages have their own limits");
}

#[tokio::test]
async fn the_openapi_document_lists_every_route_and_every_route_is_served() {
    let app = spawn_app().await;
    let expected: BTreeSet<(String, String)> = [
        ("post", "/api/v1/conversations"),
        ("get", "/api/v1/conversations/{id}"),
        ("post", "/api/v1/conversations/{id}/answers"),
        ("post", "/api/v1/conversations/{id}/back"),
        ("post", "/api/v1/conversations/{id}/submit"),
        ("post", "/api/v1/track"),
        ("get", "/api/v1/openapi.json"),
    ]
    .into_iter()
    .map(|(m, p)| (m.to_owned(), p.to_owned()))
    .collect();

    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let document: Value = response.json().await.expect("valid JSON");

    assert!(document["openapi"].as_str().unwrap().starts_with("3.1"));
    let documented: BTreeSet<(String, String)> = document["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .expect("path item")
                .keys()
                .filter(|k| !matches!(k.as_str(), "parameters" | "summary" | "description"))
                .map(move |method| (method.clone(), path.clone()))
        })
        .collect();
    assert_eq!(documented, expected);
    // The served document lists the locales this instance serves; the rest is as generated.
    let mut document = document;
    let locale = document
        .pointer_mut("/components/schemas/StartRequest/properties/locale")
        .and_then(Value::as_object_mut)
        .expect("the locale field");
    let served = locale
        .remove("enum")
        .expect("an enum of the served locales");
    for tag in ["en-GB", "cy", "pl", "ar", "ur", "ps"] {
        assert!(
            served.as_array().unwrap().contains(&json!(tag)),
            "{tag}: {served}"
        );
    }
    assert!(
        served.as_array().unwrap().contains(&Value::Null),
        "it may be left out"
    );
    let from_code = serde_json::to_value(have_your_say::web::api::openapi()).unwrap();
    assert_eq!(from_code, document, "served as generated");
    for (method, path) in &documented {
        let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let path = path.replace("{id}", "0123456789abcdef");
        let served = plain_client()
            .request(method.clone(), app.url(&path))
            .send()
            .await
            .unwrap();
        assert!(
            served.status() != 404 && served.status() != 405,
            "{method} {path} is documented but not routed: {}",
            served.status()
        );
    }
    for schema in [
        "Step",
        "ErrorBody",
        "Receipt",
        "AnswerRequest",
        "CaseStatus",
    ] {
        assert!(
            document["components"]["schemas"][schema].is_object(),
            "{schema}"
        );
    }
    assert_eq!(
        document["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
}

#[tokio::test]
async fn every_api_response_is_no_store_and_no_other_origin_is_allowed_by_default() {
    let app = spawn_app().await;
    let response = plain_client()
        .post(app.url("/api/v1/conversations"))
        .header("origin", "https://elsewhere.example")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
}

#[tokio::test]
async fn a_listed_origin_may_call_the_api_and_the_rate_is_configurable() {
    let app = helpers::spawn_app_with(|c| {
        c.api_cors_origins = vec!["https://partner.example".into()];
        c.api_rate_per_minute = 3;
    })
    .await;
    let preflight = plain_client()
        .request(reqwest::Method::OPTIONS, app.url("/api/v1/conversations"))
        .header("origin", "https://partner.example")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type, authorization",
        )
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success(), "{}", preflight.status());
    assert_eq!(
        preflight.headers()["access-control-allow-origin"],
        "https://partner.example"
    );
    let other = plain_client()
        .post(app.url("/api/v1/conversations"))
        .header("origin", "https://elsewhere.example")
        .json(&json!({"flow": "feedback", "locale": "en-GB"}))
        .send()
        .await
        .unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());

    // At most three a minute, whatever the preflight counted: the fourth GET is refused.
    let path = app.url("/api/v1/conversations/0123456789abcdef");
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(
            plain_client()
                .get(&path)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16(),
        );
    }
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
    assert!(
        statuses.iter().all(|s| *s == 401 || *s == 429),
        "{statuses:?}"
    );
}

/// A browser whose cookie jar already holds this conversation's token as the page cookie.
fn browser_with_cookie(app: &TestApp, token: &str) -> reqwest::Client {
    let jar = reqwest::cookie::Jar::default();
    jar.add_cookie_str(
        &format!("hys={token}; Path=/"),
        &app.url("/").parse().unwrap(),
    );
    reqwest::Client::builder()
        .cookie_provider(std::sync::Arc::new(jar))
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_conversation_started_in_the_api_can_be_finished_on_the_pages_given_its_token() {
    let app = spawn_app().await;
    let (conv, _) = walk(&app, &COMPLAINT[..3]).await;
    let browser = browser_with_cookie(&app, &conv.token);

    let mut page = Page::from(browser.get(app.url("/chat")).send().await.unwrap()).await;
    assert_eq!(page.step_id(), "what-happened");
    for value in &COMPLAINT[3..] {
        let step = page.step_id();
        page = Page::from(
            browser
                .post(app.url("/chat/answer"))
                .form(&[("step", step.as_str()), ("value", value)])
                .send()
                .await
                .unwrap(),
        )
        .await;
    }
    assert_eq!(page.step_id(), "check");
    let shown = get(&app, &conv).await;
    assert_eq!(
        shown.step_id(),
        "check",
        "both front ends see one conversation"
    );
    browser
        .post(app.url("/chat/answer"))
        .form(&[("step", "check")])
        .send()
        .await
        .unwrap();
    let done = Page::from(
        browser
            .post(app.url("/chat/submit"))
            .form(&[("step", "send")])
            .send()
            .await
            .unwrap(),
    )
    .await;

    let receipt = submit(&app, &conv).await;
    assert_eq!(receipt.status, 200, "already sent on the pages");
    assert_eq!(receipt.body["reference"], done.reference().as_str());
    assert_eq!(app.count("cases").await, 1);
}

#[tokio::test]
async fn a_conversation_started_on_the_pages_cannot_be_driven_through_the_api_by_its_cookie() {
    let app = spawn_app().await;
    let page = app.walk(&["complaint", "young_person"]).await;
    assert_eq!(page.step_id(), "about");

    // The page's browser sends its cookie; the API wants a bearer token and says so.
    let refused = reply(
        app.client
            .post(app.url("/api/v1/conversations/0123456789abcdef/answers"))
            .json(&json!({"step": "about", "value": "money"}))
            .send()
            .await
            .unwrap(),
    )
    .await;

    assert_eq!(refused.status, 401);
    assert_eq!(refused.code(), "unauthorized");
    let page = Page::from(app.get("/chat").await).await;
    assert_eq!(page.step_id(), "about", "nothing changed");
}

/// A flow with a `multi` step, beside the shipped one, to drive list answers.
fn with_topics_flow(flows: &std::path::Path) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("flows/feedback.toml"),
        flows.join("feedback.toml"),
    )
    .unwrap();
    std::fs::write(
        flows.join("topics.toml"),
        r#"
id = "topics"
version = 1
start = "pick"

[[step]]
id = "pick"
ask = "ask-about"
save = "topics"
input = { kind = "multi", max = 2, options = [
  { value = "money", label = "about-money" },
  { value = "school", label = "about-school" },
  { value = "health", label = "about-health" },
] }
next = [{ goto = "bye" }]

[[step]]
id = "bye"
ask = "unsafe-title"
input = { kind = "end" }
"#,
    )
    .unwrap();
}

#[tokio::test]
async fn a_multi_step_takes_a_list_and_refuses_too_many() {
    let flows = tempfile::tempdir().unwrap();
    with_topics_flow(flows.path());
    let dir = flows.path().to_owned();
    let app = spawn_app_with(move |c| c.flows_dir = dir).await;
    let started = call(
        &app,
        Method::POST,
        "/api/v1/conversations",
        None,
        Some(json!({"flow": "topics"})),
    )
    .await;
    assert_eq!(started.status, 201, "{}", started.body);
    assert_eq!(started.body["step"]["kind"], "multi");
    let conv = Conv {
        id: started.body["id"].as_str().unwrap().to_owned(),
        token: started.body["token"].as_str().unwrap().to_owned(),
    };

    let too_many = answer(&app, &conv, "pick", json!(["money", "school", "health"])).await;
    let unknown = answer(&app, &conv, "pick", json!(["pizza"])).await;
    let taken = answer(&app, &conv, "pick", json!(["money", "health"])).await;

    assert_eq!(too_many.status, 422);
    assert_eq!(
        too_many.body["errors"][0]["message"],
        "Please choose no more than 2."
    );
    assert_eq!(unknown.status, 422);
    assert_eq!(taken.status, 200, "{}", taken.body);
    assert_eq!(taken.step_id(), "bye");
    let again = back(&app, &conv, None).await;
    assert_eq!(again.body["step"]["value"], json!(["money", "health"]));
    let one = answer(&app, &conv, "pick", json!("school")).await;
    assert_eq!(one.status, 200, "a single string is a list of one");
}

async fn track(app: &TestApp, reference: &str, secret: &str) -> Reply {
    call(
        app,
        Method::POST,
        "/api/v1/track",
        None,
        Some(json!({"reference": reference, "secret": secret})),
    )
    .await
}

#[tokio::test]
async fn a_sent_case_can_be_checked_with_its_reference_and_secret_words() {
    let app = spawn_app().await;
    let receipt = send(&app, COMPLAINT).await;
    let reference = receipt.body["reference"].as_str().unwrap();
    let secret = receipt.body["secret"].as_str().unwrap();

    let status = track(&app, &reference.to_lowercase(), &secret.to_uppercase()).await;

    assert_eq!(status.status, 200, "{}", status.body);
    assert_eq!(status.body["reference"], reference);
    assert_eq!(status.body["status"], "new");
    assert_eq!(
        status.body["status_text"],
        "We got your message. Someone will look at it soon."
    );
    assert_eq!(status.body["reply_by"], receipt.body["reply_by"]);
    assert!(
        status.body["reply_by_text"]
            .as_str()
            .unwrap()
            .starts_with("We will reply by ")
    );
    assert_eq!(status.body["messages"], json!([]));

    let case = stored_case(&app, &receipt).await;
    have_your_say::tracking::add_information(&app.state.tracking, &case, "It happened again")
        .await
        .unwrap();
    let status = track(&app, reference, secret).await;
    assert_eq!(
        status.body["messages"],
        json!([{"from": "child", "text": "It happened again"}])
    );
}

#[tokio::test]
async fn wrong_tracking_details_all_get_one_answer_and_a_reference_locks_after_ten_tries() {
    let app = spawn_app().await;
    let receipt = send(&app, COMPLAINT).await;
    let reference = receipt.body["reference"].as_str().unwrap();

    let wrong_words = track(&app, reference, "apple tiger cloud green").await;
    let no_such_case = track(&app, "HYS-2222-2222", "apple tiger cloud green").await;
    let nonsense = track(&app, &"x".repeat(65), "").await;

    for refused in [&wrong_words, &no_such_case, &nonsense] {
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert_eq!(refused.code(), "no_match");
    }
    assert_eq!(
        wrong_words.body, no_such_case.body,
        "nothing says which was wrong"
    );
    assert_eq!(
        wrong_words.body["message"],
        "Those details don't match. Check the reference and the secret words and try again."
    );
    let mut last = wrong_words;
    for _ in 0..10 {
        last = track(&app, reference, "wrong words every time").await;
        if last.status == 429 {
            break;
        }
    }
    assert_eq!(last.status, 429, "{}", last.body);
    assert_eq!(last.code(), "too_many_tries");
    assert_eq!(last.headers["retry-after"], "3600");
    let secret = receipt.body["secret"].as_str().unwrap();
    let locked = track(&app, reference, secret).await;
    assert_eq!(locked.status, 429, "even the right words wait for the hour");
}

#[tokio::test]
async fn the_about_you_questions_are_steps_of_the_api_and_their_answers_are_kept_apart() {
    let app = spawn_app().await;
    let (conv, about) = walk(&app, COMPLIMENT).await;
    assert_eq!(about.step_id(), "about-you", "{}", about.body);
    let text = about.body.to_string();
    assert!(text.contains("Skip these questions"), "{text}");
    let gender = answer(&app, &conv, "about-you", json!("yes")).await;
    assert_eq!(gender.step_id(), "about-you-gender");
    assert!(gender.body.to_string().contains("I'd rather not say"));
    let wrong = answer(&app, &conv, "about-you-gender", json!("martian")).await;
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    let disability = answer(&app, &conv, "about-you-gender", json!("prefer_not_to_say")).await;
    assert_eq!(disability.step_id(), "about-you-disability");
    let ethnicity = answer(&app, &conv, "about-you-disability", json!("no")).await;
    assert_eq!(ethnicity.step_id(), "about-you-ethnicity");
    let check = answer(&app, &conv, "about-you-ethnicity", json!("white")).await;
    assert_eq!(check.step_id(), "check");
    answer(&app, &conv, "check", Value::Null).await;
    let receipt = submit(&app, &conv).await;
    assert_eq!(receipt.status, 201, "{}", receipt.body);
    let case = stored_case(&app, &receipt).await;
    let kept = format!("{:?}", case.answers);
    for word in ["equality", "gender", "disability", "ethnicity", "white"] {
        assert!(!kept.contains(word), "{kept}");
    }
    let row: (Option<String>, Option<String>, Option<String>) =
        sqlx::query_as("select gender, disability, ethnicity from case_equality")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(
        row,
        (
            Some("prefer_not_to_say".into()),
            Some("no".into()),
            Some("white".into())
        )
    );
}
