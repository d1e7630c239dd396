//! Issue 11: hostile free text (markup, script links, template syntax, header tricks, a
//! right-to-left override, 10 KB of emoji) typed by a child or a member of staff stays inert
//! text on every surface that shows it: the staff case page, the child's pages, the JSON API and
//! the emails a real SMTP server receives. And the staff session id is new at every sign-in,
//! `__Host-` prefixed and `Secure` over https.

use crate::helpers;

use std::collections::BTreeMap;

use have_your_say::config::Config;
use have_your_say::domain::ConversationToken;
use helpers::smtp::SmtpSink;
use helpers::{Page, TestApp, between, spawn_app_with};
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

const STAFF: &str = "officer@testshire.gov.uk";
const OFFICER: &str = "cro@testshire.gov.uk";
const DUTY: &str = "duty@testshire.gov.uk";
const ADVOCACY: &str = "referrals@advocacy.org.uk";
const CHILD_EMAIL: &str = "child@example.org";
/// The staff reply box and the tracking page's "add more" box both take up to 5000 letters.
const MESSAGE_MAX: usize = 5000;

/// Markup that would run or restyle if it reached a page raw. Askama's escaping turns each `<`
/// into `&#60;`, so none of these may appear on any page or email.
const RAW_MARKUP: &[&str] = &[
    "<script>alert(1)",
    "<img src=x",
    // The pages draw their own icons as <svg>; a payload's shows itself by its handler.
    "<svg onload",
    " href=\"javascript:",
];

/// Pieces of the payloads no email subject, and no email without the child's words, may hold.
const WORDS: &[&str] = &[
    "alert(1)",
    "javascript",
    "7*7",
    "evil@",
    "pwned",
    "gnp.exe",
    "\u{202E}",
    "🧸",
    "From us:",
    "From me:",
];

fn payloads() -> Vec<(&'static str, String)> {
    vec![
        ("script tag", "<script>alert(1)</script>".into()),
        ("image with onerror", "<img src=x onerror=alert(1)>".into()),
        (
            "javascript link",
            r#"<a href="javascript:alert(1)">click</a>"#.into(),
        ),
        ("attribute break-out", r#""><svg onload=alert(1)>"#.into()),
        // Longer than every box but the first, so it comes back in refused boxes too.
        (
            "box break-out",
            format!(r#"</textarea>'"><svg onload=alert(1)>{}"#, "x".repeat(2000)),
        ),
        ("template syntax", "{{7*7}} ${7*7}".into()),
        (
            "header injection",
            "x\r\nBcc: evil@example.org\r\nSubject: pwned".into(),
        ),
        ("right-to-left override", "\u{202E}gnp.exe".into()),
        ("10 KB of emoji", emoji(10 * 1024)),
    ]
}

/// At most `bytes` bytes of emoji, a zero-width-joined family among them.
fn emoji(bytes: usize) -> String {
    let mut out = String::new();
    for c in "🙂🧸🌈👩\u{200D}👧\u{200D}👦🚀".chars().cycle() {
        if out.len() + c.len_utf8() > bytes {
            break;
        }
        out.push(c);
    }
    out
}

/// The free-text limits of the steps the payloads go into, read from the flow itself.
struct Limits {
    what_happened: usize,
    what_would_help: usize,
    first_name: usize,
    urgent_what: usize,
    urgent_reach: usize,
}

impl Limits {
    fn from_flow() -> Self {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/flows/feedback.toml");
        let text = std::fs::read_to_string(path).expect("flows/feedback.toml");
        let flow: toml::Value = toml::from_str(&text).expect("the flow is TOML");
        let max = |id: &str| -> usize {
            let step = flow["step"]
                .as_array()
                .expect("steps")
                .iter()
                .find(|s| s["id"].as_str() == Some(id))
                .unwrap_or_else(|| panic!("no step {id}"));
            let max = step["input"]["max"]
                .as_integer()
                .unwrap_or_else(|| panic!("{id} has no max"));
            usize::try_from(max).expect("a positive max")
        };
        Self {
            what_happened: max("what-happened"),
            what_would_help: max("what-would-help"),
            first_name: max("first-name"),
            urgent_what: max("urgent-what"),
            urgent_reach: max("urgent-reach"),
        }
    }
}

/// The longest start of `text` a box of `max` letters takes.
fn fit(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// What a flow step stores: line breaks as `\n`, the ends trimmed, and in a one-line box every
/// run of white space folded into one space.
fn as_stored(typed: &str, one_line: bool) -> String {
    let text = typed.replace("\r\n", "\n").trim().to_owned();
    if one_line {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        text
    }
}

/// Text as askama writes it into HTML.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&#60;"),
            '>' => out.push_str("&#62;"),
            '&' => out.push_str("&#38;"),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `shown` appears as escaped text, no markup from a payload appears raw, and a right-to-left
/// override can turn round only the words it came with.
fn assert_inert(payload: &str, surface: &str, html: &str, shown: &[&str]) {
    for text in shown {
        let text = escaped(text);
        // An override may also arrive as a character reference; it is text either way.
        let referenced = text.replace('\u{202E}', "&#8238;");
        assert!(
            html.contains(&text) || html.contains(&referenced),
            "{payload} on {surface}: {text:?} is not shown as escaped text"
        );
    }
    for raw in RAW_MARKUP {
        assert!(
            !html.contains(raw),
            "{payload} on {surface}: raw markup {raw:?}"
        );
    }
    assert_override_contained(payload, surface, html);
}

/// An override reorders the text after it up to the end of its paragraph, and a paragraph ends
/// with its block. So the text that carries one must be isolated (`<bdi>`, `dir="auto"`) or be
/// the last thing in its block element: then it turns round only its own words, never a label,
/// a reference or a button beside it.
fn assert_override_contained(payload: &str, surface: &str, html: &str) {
    const ENDS: &[&str] = &[
        "</bdi>",
        "</li>",
        "</dd>",
        "</div>",
        "</td>",
        "</p>",
        "</textarea>",
    ];
    for (at, _) in html.match_indices('\u{202E}') {
        let rest = &html[at..];
        let next_tag = &rest[rest.find('<').unwrap_or(rest.len())..];
        assert!(
            ENDS.iter().any(|end| next_tag.starts_with(end)),
            "{payload} on {surface}: an override is followed by more than its own words: {:?}",
            rest.chars().take(120).collect::<String>()
        );
    }
}

fn route(config: &mut Config, smtp_port: u16) {
    config.mail.smtp_url = Some(format!("smtp://127.0.0.1:{smtp_port}").into());
    config.mail.from = "Have Your Say <hys@testshire.gov.uk>".into();
    config.routing.rights_officer = vec![OFFICER.into()];
    config.routing.advocacy_provider = vec![ADVOCACY.into()];
    config.routing.urgent = vec![DUTY.into()];
    // So the referral carries the child's words too, and they are checked there as well.
    config.routing.advocacy_gets_words = true;
    // Sixteen cases and their tracking from one address in a few seconds.
    config.api_rate_per_minute = 10_000;
}

/// What a child typed into the pages, as stored, and how to come back to it.
struct SentOnPages {
    reference: String,
    secret: String,
    summary: String,
    wanted: String,
    name: String,
}

/// Type into a free-text step. Words over its limit are refused kindly first (the same
/// question, 422, the words still in the box); then the longest start of them that fits is sent.
/// Returns the next page and the text as stored.
async fn type_on_page(
    app: &TestApp,
    step: &str,
    typed: &str,
    max: usize,
    one_line: bool,
) -> (Page, String) {
    if typed.chars().count() > max {
        let refused = app.answer_step(step, &[typed]).await;
        assert_eq!(refused.status, 422, "{step}: too long is a kind refusal");
        assert_eq!(refused.step_id(), step);
        assert_inert(step, "its refused box", &refused.body, &[typed]);
    }
    let sent = fit(typed, max);
    let page = app.answer_step(step, &[&sent]).await;
    assert_eq!(page.status, 200, "{step}: {}", page.body);
    (page, as_stored(&sent, one_line))
}

/// A complaint on the pages with the payload in every free-text answer, checked on the
/// child's own check page before it is sent.
async fn send_on_pages(app: &TestApp, limits: &Limits, label: &str, payload: &str) -> SentOnPages {
    let mut page = app.start().await;
    for (step, value) in [
        ("kind", "complaint"),
        ("role", "young_person"),
        ("about", "money"),
    ] {
        assert_eq!(page.step_id(), step);
        page = app.answer_step(step, &[value]).await;
    }
    let (_, summary) =
        type_on_page(app, "what-happened", payload, limits.what_happened, false).await;
    let (_, wanted) = type_on_page(
        app,
        "what-would-help",
        payload,
        limits.what_would_help,
        false,
    )
    .await;
    for (step, value) in [
        ("advocate", "yes"),
        ("contact", "email"),
        ("contact-email", CHILD_EMAIL),
    ] {
        page = app.answer_step(step, &[value]).await;
        assert_eq!(page.status, 200, "{step}: {}", page.body);
    }
    let (_, name) = type_on_page(app, "first-name", payload, limits.first_name, true).await;
    let about_you = app.answer_step("age", &["14"]).await;
    assert_eq!(about_you.step_id(), "about-you", "{}", about_you.body);
    let check = app.answer_step("about-you", &["skip"]).await;
    assert_eq!(check.step_id(), "check", "{}", check.body);
    assert_inert(
        label,
        "the child's check page",
        &check.body,
        &[&summary, &wanted, &name],
    );
    let send = app.answer_step("check", &[]).await;
    assert_eq!(send.step_id(), "send");
    let done = Page::from(app.post("/chat/submit", &[("step", "send")]).await).await;
    assert!(done.url.ends_with("/chat/done"), "{}", done.body);
    let sent = SentOnPages {
        reference: done.reference(),
        secret: done.secret().expect("secret words"),
        summary,
        wanted,
        name,
    };
    app.get("/leave").await;
    sent
}

/// A call to the JSON API, as a client without cookies makes it.
async fn api(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (StatusCode, HeaderMap, Value) {
    let client = reqwest::Client::new();
    let mut request = client.request(method, app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("API call");
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await.expect("body");
    let body = serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    (status, headers, body)
}

/// Words in JSON are inert only if the client is told it is JSON and may not guess otherwise.
fn assert_served_as_json(what: &str, headers: &HeaderMap) {
    let kind = headers["content-type"].to_str().expect("content type");
    assert!(kind.starts_with("application/json"), "{what}: {kind}");
    assert_eq!(headers["x-content-type-options"], "nosniff", "{what}");
}

/// Answer a free-text step through the API: over its limit is a 422 with a stable code (never a
/// 5xx), then the longest start that fits is sent. Returns the text as stored.
async fn type_by_api(
    app: &TestApp,
    path: &str,
    token: &str,
    step: &str,
    typed: &str,
    max: usize,
) -> String {
    if typed.chars().count() > max {
        let body = json!({"step": step, "value": typed});
        let (status, _, refused) = api(app, Method::POST, path, Some(token), Some(body)).await;
        assert_eq!(status, 422, "{step}: {refused}");
        assert_eq!(refused["code"], "invalid_answer");
    }
    let sent = fit(typed, max);
    let body = json!({"step": step, "value": sent});
    let (status, _, next) = api(app, Method::POST, path, Some(token), Some(body)).await;
    assert_eq!(status, 200, "{step}: {next}");
    as_stored(&sent, false)
}

/// An urgent case through the JSON API with the payload in both its free-text answers; the
/// conversation gives them back exactly, as JSON strings. Returns the reference and the texts.
async fn send_urgent_by_api(
    app: &TestApp,
    limits: &Limits,
    label: &str,
    payload: &str,
) -> (String, String, String) {
    let (status, _, started) = api(
        app,
        Method::POST,
        "/api/v1/conversations",
        None,
        Some(json!({"flow": "feedback", "locale": "en-GB"})),
    )
    .await;
    assert_eq!(status, 201, "{started}");
    let id = started["id"].as_str().expect("id");
    let token = started["token"].as_str().expect("token");
    let conversation = format!("/api/v1/conversations/{id}");
    let answers = format!("{conversation}/answers");
    for (step, value) in [("kind", "unsafe"), ("unsafe-help", "yes")] {
        let body = json!({"step": step, "value": value});
        let (status, _, next) = api(app, Method::POST, &answers, Some(token), Some(body)).await;
        assert_eq!(status, 200, "{step}: {next}");
    }
    let what = type_by_api(
        app,
        &answers,
        token,
        "urgent-what",
        payload,
        limits.urgent_what,
    )
    .await;
    for (step, value) in [
        ("urgent-name", ""),
        ("urgent-where", ""),
        ("urgent-call", "not_sure"),
    ] {
        let body = json!({"step": step, "value": value});
        let (status, _, next) = api(app, Method::POST, &answers, Some(token), Some(body)).await;
        assert_eq!(status, 200, "{step}: {next}");
    }
    let reach = type_by_api(
        app,
        &answers,
        token,
        "urgent-reach",
        payload,
        limits.urgent_reach,
    )
    .await;

    let (status, headers, shown) = api(app, Method::GET, &conversation, Some(token), None).await;
    assert_eq!(status, 200, "{shown}");
    assert_served_as_json("the conversation", &headers);
    let said: Vec<&str> = shown["transcript"]
        .as_array()
        .expect("a transcript")
        .iter()
        .filter(|b| b["from"] == "user")
        .filter_map(|b| b["text"].as_str())
        .collect();
    for text in [&what, &reach] {
        assert!(
            said.contains(&text.as_str()),
            "{label}: the API gives back {text:?} exactly: {said:?}"
        );
    }
    let submit = format!("{conversation}/submit");
    let (status, _, receipt) = api(app, Method::POST, &submit, Some(token), None).await;
    assert_eq!(status, 201, "{receipt}");
    assert_eq!(receipt["urgent"], true);
    let reference = receipt["reference"].as_str().expect("reference").to_owned();
    (reference, what, reach)
}

#[tokio::test]
async fn hostile_text_is_inert_everywhere_it_is_shown() {
    let smtp = SmtpSink::start();
    let app = spawn_app_with(|c| route(c, smtp.port)).await;
    let limits = Limits::from_flow();
    let password = app.add_staff(STAFF, "officer").await;
    let (staff, inbox) = app.sign_in(STAFF, &password, None).await;
    assert_eq!(inbox.status, 200, "{}", inbox.body);
    let csrf = inbox.csrf();
    // The escaped words each case's emails must carry, by reference.
    let mut referral_words: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut urgent_words: BTreeMap<String, Vec<String>> = BTreeMap::new();

    for (label, payload) in payloads() {
        // A child on the pages, then a member of staff replying with the same payload.
        let child = send_on_pages(&app, &limits, label, &payload).await;
        let reply = format!("From us: {payload}");
        assert!(reply.chars().count() <= MESSAGE_MAX);
        let case_path = format!("/staff/cases/{}", child.reference);
        let replied = app
            .post_as(
                &staff,
                &format!("{case_path}/reply"),
                &[("csrf", &csrf), ("text", &reply)],
            )
            .await;
        assert_eq!(replied.status, 200, "{label}: {}", replied.body);

        // The child comes back, reads the reply and adds more.
        let more = format!("From me: {payload}");
        let tracker = helpers::browser();
        let tracked = app
            .post_as(
                &tracker,
                "/track",
                &[("reference", &child.reference), ("secret", &child.secret)],
            )
            .await;
        assert!(
            tracked.url.ends_with("/track/case"),
            "{label}: {}",
            tracked.url
        );
        assert_inert(label, "the tracking page", &tracked.body, &[&reply]);
        let added = app
            .post_as(&tracker, "/track/add", &[("text", &more)])
            .await;
        assert_eq!(added.status, 200, "{label}: {}", added.body);
        assert!(added.url.ends_with("/track/case"), "{label}: {}", added.url);
        assert_inert(label, "the tracking page", &added.body, &[&reply, &more]);

        // The API's tracking answer gives both back exactly, as JSON strings.
        let (status, headers, status_body) = api(
            &app,
            Method::POST,
            "/api/v1/track",
            None,
            Some(json!({"reference": child.reference, "secret": child.secret})),
        )
        .await;
        assert_eq!(status, 200, "{label}: {status_body}");
        assert_served_as_json("tracking", &headers);
        assert_eq!(
            status_body["messages"],
            json!([{"from": "staff", "text": reply}, {"from": "child", "text": more}]),
            "{label}"
        );

        // A child through the API, on the urgent route.
        let (urgent, what, reach) = send_urgent_by_api(&app, &limits, label, &payload).await;

        // Staff see every one of these as text.
        let page = app.get_as(&staff, &case_path).await;
        assert_eq!(page.status, 200, "{label}");
        assert_inert(
            label,
            "the staff case page",
            &page.body,
            &[&child.summary, &child.wanted, &child.name, &reply, &more],
        );
        let page = app.get_as(&staff, &format!("/staff/cases/{urgent}")).await;
        assert_eq!(page.status, 200, "{label}");
        assert_inert(
            label,
            "the staff page of an urgent case",
            &page.body,
            &[&what, &reach],
        );

        referral_words.insert(
            child.reference.clone(),
            vec![escaped(&child.summary), escaped(&child.name)],
        );
        urgent_words.insert(urgent, vec![escaped(&what), escaped(&reach)]);
    }

    // Every email the cases made reaches the real SMTP server, and no more.
    app.dispatch_emails().await;
    let waiting = app.count_where("outbox", "status <> 'sent'").await;
    assert_eq!(waiting, 0, "{waiting} emails never sent");
    let outbox = usize::try_from(app.count("outbox").await).expect("a count");
    let mail = smtp.received();
    assert_eq!(
        mail.len(),
        outbox,
        "every email, and none added by a payload"
    );

    let (mut referrals, mut urgents) = (0, 0);
    for m in &mail {
        let what = format!("email to {} {:?}", m.rcpt_to, m.subject);
        let message = mail_parser::MessageParser::default()
            .parse(m.raw.as_bytes())
            .expect("a parsable email");
        let names: Vec<&str> = message.headers().iter().map(|h| h.name()).collect();
        assert!(
            !names.iter().any(|n| n.eq_ignore_ascii_case("bcc")),
            "{what}: {names:?}"
        );
        assert_eq!(
            names
                .iter()
                .filter(|n| n.eq_ignore_ascii_case("subject"))
                .count(),
            1,
            "{what}: {names:?}"
        );
        let head = m.raw.replace("\r\n", "\n");
        let head = head.split("\n\n").next().unwrap_or_default().to_lowercase();
        assert!(
            !head.contains("evil") && !head.contains("pwned"),
            "{what}: {head}"
        );
        assert!(
            [OFFICER, DUTY, ADVOCACY, CHILD_EMAIL].contains(&m.rcpt_to.as_str()),
            "{what}"
        );
        assert_ne!(m.subject, "pwned");
        for word in WORDS {
            assert!(!m.subject.contains(word), "{what}: {word:?} in the subject");
        }
        assert_inert(&what, "an email's HTML", &m.html, &[]);

        let case = |words: &BTreeMap<String, Vec<String>>| {
            words
                .iter()
                .find(|(reference, _)| m.subject.contains(reference.as_str()))
                .map(|(_, escaped)| escaped.clone())
        };
        let carried = if m.subject.starts_with("Advocacy referral") {
            referrals += 1;
            case(&referral_words)
        } else if m.subject.starts_with("URGENT") {
            urgents += 1;
            case(&urgent_words)
        } else {
            None
        };
        match carried {
            Some(escaped) => {
                for text in escaped {
                    assert!(
                        m.html.contains(&text),
                        "{what}: the child's words, escaped: {text:?}"
                    );
                }
            }
            None => {
                for word in WORDS {
                    assert!(
                        !m.text.contains(word) && !m.html.contains(word),
                        "{what}: carries {word:?}"
                    );
                }
            }
        }
    }
    let cases = payloads().len();
    assert_eq!(referrals, cases, "one referral per complaint");
    assert_eq!(
        urgents,
        2 * cases,
        "duty team and officer for each urgent case"
    );
}

/// The `Set-Cookie` headers of a response.
fn set_cookies(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().expect("an ASCII cookie").to_owned())
        .collect()
}

fn cookie_value(set_cookie: &str) -> &str {
    let pair = set_cookie.split(';').next().unwrap_or_default();
    pair.split_once('=').map(|(_, v)| v).unwrap_or_default()
}

/// Sign in by hand, sending `extra` cookies with the form; returns the cookies set before
/// sign-in (by the sign-in page) and by the sign-in itself.
async fn sign_in_by_hand(
    app: &TestApp,
    client: &reqwest::Client,
    password: &str,
    extra: &str,
) -> (Vec<String>, Vec<String>) {
    let form = client
        .get(app.url("/staff/login"))
        .send()
        .await
        .expect("sign-in page");
    let before = set_cookies(form.headers());
    let body = form.text().await.expect("sign-in page");
    let token = between(&body, "name=\"form_token\" value=\"", "\"").expect("form token");
    let form_cookie = before
        .iter()
        .find(|c| c.starts_with("hys-login=") || c.starts_with("__Host-hys-login="))
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
        .expect("the sign-in form's cookie");
    let response = client
        .post(app.url("/staff/login"))
        .header("cookie", format!("{form_cookie}{extra}"))
        // As a browser sends it on a post (a post with a live session and no origin is refused).
        .header("origin", &app.config.public_url)
        .form(&[
            ("form_token", token.as_str()),
            ("next", ""),
            ("email", STAFF),
            ("password", password),
        ])
        .send()
        .await
        .expect("sign in");
    assert_eq!(response.status(), 303, "signed in");
    (before, set_cookies(response.headers()))
}

/// The status of the staff inbox for a browser holding only `name=value`.
async fn open_staff(app: &TestApp, client: &reqwest::Client, name: &str, value: &str) -> u16 {
    client
        .get(app.url("/staff"))
        .header("cookie", format!("{name}={value}"))
        .send()
        .await
        .expect("staff inbox")
        .status()
        .as_u16()
}

#[tokio::test]
async fn the_staff_session_id_changes_at_sign_in() {
    // (tests/it/staff.rs proves HttpOnly, SameSite=Lax and no expiry over http.)
    for https in [false, true] {
        let app = spawn_app_with(|c| {
            if https {
                c.public_url = "https://hys.testshire.gov.uk".into();
            }
        })
        .await;
        let name = if https {
            "__Host-hys-staff"
        } else {
            "hys-staff"
        };
        let password = app.add_staff(STAFF, "officer").await;
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        // A well-formed id someone planted in the browser before sign-in (session fixation).
        let planted = ConversationToken::generate().expose().to_owned();

        let (before, after) =
            sign_in_by_hand(&app, &client, &password, &format!("; {name}={planted}")).await;

        let session = after
            .iter()
            .find(|c| c.starts_with(&format!("{name}=")))
            .unwrap_or_else(|| panic!("https {https}: no {name} cookie in {after:?}"));
        let id = cookie_value(session);
        assert!(!id.is_empty(), "{session}");
        assert_ne!(id, planted, "https {https}: the planted id is not kept");
        for cookie in &before {
            assert_ne!(cookie_value(cookie), id, "https {https}: {cookie}");
        }
        assert_eq!(open_staff(&app, &client, name, id).await, 200);
        let stale = std::iter::once(planted.as_str()).chain(before.iter().map(|c| cookie_value(c)));
        for old in stale {
            assert_eq!(
                open_staff(&app, &client, name, old).await,
                303,
                "https {https}: a value from before sign-in opens nothing"
            );
        }
        // Signing in again on the same browser (which still sends its session) ends that session.
        let (_, again) = sign_in_by_hand(&app, &client, &password, &format!("; {name}={id}")).await;
        let second = again
            .iter()
            .find(|c| c.starts_with(&format!("{name}=")))
            .map(|c| cookie_value(c))
            .expect("a session cookie");
        assert_ne!(second, id, "https {https}: each sign-in gets its own id");
        assert_eq!(open_staff(&app, &client, name, second).await, 200);
        assert_eq!(
            open_staff(&app, &client, name, id).await,
            303,
            "https {https}: the session a new sign-in replaced is over"
        );

        if https {
            let attributes: Vec<String> = session
                .split(';')
                .skip(1)
                .map(|a| a.trim().to_lowercase())
                .collect();
            for needed in ["secure", "httponly", "samesite=lax", "path=/"] {
                assert!(attributes.iter().any(|a| a == needed), "{session}");
            }
            assert!(
                !attributes.iter().any(|a| a.starts_with("domain")),
                "{session}"
            );
            // The unprefixed name, which a sibling subdomain or a plain-http page could set,
            // is not read at all.
            assert_eq!(open_staff(&app, &client, "hys-staff", id).await, 303);
        }
    }
}
