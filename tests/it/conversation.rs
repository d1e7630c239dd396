//! The child's conversation over HTTP, as a browser walks it: form posts, redirects, cookie.
//! Every branch of the flow ends in a stored case whose fields are checked.

use crate::helpers;

use have_your_say::domain::{Reference, SecretWords};
use helpers::{Page, spawn_app};

use helpers::COMPLAINT_BY_PHONE as COMPLAINT;

async fn send(app: &helpers::TestApp, values: &[&str]) -> Page {
    app.send(values).await
}

#[tokio::test]
async fn a_child_sends_a_complaint_and_gets_a_reference_and_secret_words() {
    let app = spawn_app().await;

    let done = send(&app, COMPLAINT).await;

    assert_eq!(done.status, 200);
    assert!(done.url.ends_with("/chat/done"), "{}", done.url);
    let reference = Reference::parse(&done.reference()).expect("a valid reference");
    let secret = done.secret().expect("secret words shown");
    assert_eq!(secret.split(' ').count(), 5, "four words and a number");
    assert!(done.body.contains("We will reply by"));

    let case = app
        .store
        .case_by_reference(&reference)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(case.kind.as_str(), "complaint");
    assert_eq!(case.submitted_by.as_str(), "child");
    assert_eq!(case.category.map(|c| c.as_str()), Some("money"));
    assert_eq!(
        case.summary.as_deref(),
        Some("My allowance was paid late <b>again</b>")
    );
    assert_eq!(case.desired_outcome.as_deref(), Some("Pay it on Fridays"));
    assert_eq!(case.advocate_wanted.as_str(), "yes");
    assert_eq!(case.contact_method.as_str(), "phone");
    assert_eq!(case.contact_value.as_deref(), Some("07700 900123"));
    assert_eq!(case.first_name.as_deref(), Some("Sam"));
    assert_eq!(case.age, Some(14));
    assert_eq!(case.stage, 1);
    assert_eq!(case.status.as_str(), "new");
    assert_eq!(case.procedure.as_str(), "statutory");
    assert_eq!(case.method_of_receipt.as_str(), "online");
    assert!(!case.urgent);
    assert!(case.due_on.is_some());
    assert!(
        !case.secret_hash.contains(&secret),
        "secret stored only as a hash"
    );
    assert!(SecretWords::from_typed(&secret.to_uppercase()).verify(&case.secret_hash));
    assert_eq!(
        app.count("conversations").await,
        0,
        "conversation deleted once the case exists"
    );
    assert_eq!(app.count("case_events").await, 1);
}

#[tokio::test]
async fn a_compliment_asks_only_what_it_needs() {
    let app = spawn_app().await;
    let done = send(&app, helpers::COMPLIMENT).await;
    let case = app
        .store
        .case_by_reference(&Reference::parse(&done.reference()).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(case.kind.as_str(), "compliment");
    assert_eq!(case.desired_outcome, None);
    assert_eq!(case.advocate_wanted.as_str(), "no");
    assert_eq!(case.contact_method.as_str(), "none");
    assert_eq!(case.contact_value, None);
    assert_eq!(case.first_name, None);
}

#[tokio::test]
async fn a_comment_by_email_from_a_parent_is_stored_with_who_sent_it() {
    let app = spawn_app().await;
    let done = send(&app, helpers::ADULT_COMMENT).await;
    let case = app
        .store
        .case_by_reference(&Reference::parse(&done.reference()).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(case.kind.as_str(), "comment");
    assert_eq!(case.submitted_by.as_str(), "parent_family");
    assert_eq!(case.advocate_wanted.as_str(), "not_sure");
    assert_eq!(case.contact_value.as_deref(), Some("carer@example.org"));
}

#[tokio::test]
async fn every_contact_choice_and_role_can_be_sent() {
    let app = spawn_app().await;
    for (role, contact, stored_role) in [
        ("young_person", "worker", "child"),
        ("young_person", "carer", "child"),
    ] {
        let done = send(
            &app,
            &[
                "comment",
                role,
                "where_i_live",
                "The heating is broken",
                "no",
                contact,
                "",
                "16",
            ],
        )
        .await;
        let case = app
            .store
            .case_by_reference(&Reference::parse(&done.reference()).unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(case.submitted_by.as_str(), stored_role);
        assert_eq!(case.contact_method.as_str(), contact);
        // A fresh conversation for the next round.
        app.get("/leave").await;
    }
    assert_eq!(app.count("cases").await, 2);
}

#[tokio::test]
async fn not_safe_shows_help_with_the_councils_numbers_and_makes_no_case_unless_asked() {
    let app = spawn_app().await;
    let page = app.walk(&["unsafe"]).await;
    assert_eq!(
        page.heading(),
        "Do you want us to tell someone who can help?"
    );
    assert!(page.body.contains("tel:999"));
    assert!(page.body.contains("0800 1111"));
    assert!(
        page.body.contains("0300 123 4567"),
        "council number from config"
    );
    assert!(
        page.body.contains("0300 765 4321"),
        "out of hours number from config"
    );
    let end = app.answer("no").await;
    assert_eq!(end.heading(), "You can get help now");
    assert!(end.body.contains("tel:999"));
    assert_eq!(app.count("cases").await, 0);

    let first_page = Page::from(app.post("/chat/start", &[("first", "unsafe")]).await).await;
    assert_eq!(first_page.step_id(), "unsafe-help");

    let help = Page::from(app.get("/help").await).await;
    assert!(help.body.contains("0800 1111"));
}

#[tokio::test]
async fn telling_someone_makes_an_urgent_case() {
    let app = spawn_app().await;
    let done = app
        .send_urgent("My mum's boyfriend hits me", "At school after 3")
        .await;
    assert!(done.body.contains("We are telling someone now"));
    let case = app
        .store
        .case_by_reference(&Reference::parse(&done.reference()).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(case.urgent);
    assert_eq!(case.summary.as_deref(), Some("My mum's boyfriend hits me"));
    assert_eq!(case.contact_method.as_str(), "other");
    assert_eq!(case.contact_value.as_deref(), Some("At school after 3"));
}

#[tokio::test]
async fn sending_twice_creates_one_case_and_shows_the_same_reference() {
    let app = spawn_app().await;
    let first = send(&app, COMPLAINT).await;
    let again = Page::from(app.post("/chat/submit", &[("step", "send")]).await).await;
    let refreshed = Page::from(app.get("/chat/done").await).await;

    assert_eq!(again.reference(), first.reference());
    assert_eq!(again.secret(), first.secret());
    assert_eq!(refreshed.reference(), first.reference());
    assert_eq!(app.count("cases").await, 1);
}

#[tokio::test]
async fn the_check_page_carries_send_and_the_separate_send_step_still_works_for_old_clients() {
    let app = spawn_app().await;
    let check = app.walk(COMPLAINT).await;
    assert_eq!(check.step_id(), "check");
    // One page: the answers, then Send, with no "These are right" stop in between.
    assert!(
        check.body.contains("name=\"then\" value=\"send\""),
        "{}",
        check.body
    );
    assert!(
        check
            .body
            .contains("When you press Send, we will get your message.")
    );
    assert!(!check.body.contains("These are right"));
    let done = Page::from(
        app.post("/chat/answer", &[("step", "check"), ("then", "send")])
            .await,
    )
    .await;
    assert!(done.url.ends_with("/chat/done"), "{}", done.body);
    assert_eq!(app.count("cases").await, 1);
    app.get("/leave").await;

    // A client that posts the check answer and then /chat/submit, as before, still sends.
    let again = spawn_app().await;
    again.walk(COMPLAINT).await;
    let send_step = again.answer_step("check", &[]).await;
    assert_eq!(send_step.step_id(), "send");
    let done = Page::from(again.post("/chat/submit", &[("step", "send")]).await).await;
    assert!(done.url.ends_with("/chat/done"), "{}", done.body);
    assert_eq!(again.count("cases").await, 1);
}

#[tokio::test]
async fn two_sends_at_the_same_moment_create_one_case() {
    let app = spawn_app().await;
    let page = app.walk(COMPLAINT).await;
    assert_eq!(page.step_id(), "check");
    app.answer_step("check", &[]).await;

    let (a, b) = tokio::join!(
        app.post("/chat/submit", &[("step", "send")]),
        app.post("/chat/submit", &[("step", "send")]),
    );
    let (a, b) = (Page::from(a).await, Page::from(b).await);
    assert_eq!(a.reference(), b.reference());
    assert_eq!(app.count("cases").await, 1);
}

#[tokio::test]
async fn back_keeps_earlier_answers_and_change_returns_to_the_check_page() {
    let app = spawn_app().await;
    app.walk(&["complaint", "young_person"]).await;
    let back = Page::from(app.post("/chat/back", &[("step", "about")]).await).await;
    assert_eq!(back.step_id(), "role");
    assert!(
        back.body.contains("class=\"choice chosen\""),
        "previous answer marked"
    );

    let page = app.answer("young_person").await;
    assert_eq!(page.step_id(), "about");
    for value in &COMPLAINT[2..] {
        app.answer(value).await;
    }
    let change = Page::from(
        app.post(
            "/chat/change",
            &[("step", "check"), ("change", "first-name")],
        )
        .await,
    )
    .await;
    assert_eq!(change.step_id(), "first-name");
    assert!(
        change.body.contains("value=\"Sam\""),
        "typed answer shown again"
    );
    let page = app.answer("Alex").await;
    assert_eq!(page.step_id(), "check");
    assert!(page.body.contains("Alex"));
    assert!(!page.body.contains(">Sam<"));
}

#[tokio::test]
async fn the_transcript_shows_both_sides_and_escapes_what_the_child_typed() {
    let app = spawn_app().await;
    let page = app
        .walk(&[
            "complaint",
            "young_person",
            "money",
            "<script>alert(1)</script> & \"quotes\"",
        ])
        .await;
    assert!(page.body.contains("class=\"bubble user\""));
    assert!(page.body.contains("class=\"bubble service\""));
    assert!(
        page.body
            .contains("&#60;script&#62;alert(1)&#60;/script&#62;")
            || page.body.contains("&lt;script&gt;")
    );
    assert!(!page.body.contains("<script>alert(1)"));
    assert!(
        !page.body.contains("<title>&lt;script"),
        "the child's words never reach the title"
    );
}

#[tokio::test]
async fn pages_with_answers_are_never_cached_and_the_cookie_is_session_only() {
    let app = spawn_app().await;
    let response = app.post("/chat/start", &[]).await;
    // The redirect's Set-Cookie was consumed by the client; ask for it directly.
    assert_eq!(response.status(), 200);
    let raw = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(app.url("/chat/start"))
        .form(&[("x", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 303);
    let cookie = raw.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(
        !cookie.to_lowercase().contains("expires") && !cookie.contains("Max-Age"),
        "{cookie}"
    );
    let token = cookie.split(';').next().unwrap().split_once('=').unwrap().1;
    assert_eq!(token.len(), 32, "only the random conversation id");

    let page = Page::from(app.get("/chat").await).await;
    assert_eq!(page.headers["cache-control"], "no-store");
    assert!(
        page.headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
}

#[tokio::test]
async fn leaving_forgets_the_conversation_and_goes_somewhere_ordinary() {
    let app = spawn_app().await;
    app.walk(&["complaint", "young_person", "money", "Something private"])
        .await;
    assert_eq!(app.count("conversations").await, 1);

    let response = app.get("/leave").await;

    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"],
        "https://www.bbc.co.uk/weather"
    );
    assert!(
        response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    assert_eq!(app.count("conversations").await, 0);
    let page = Page::from(app.get("/chat").await).await;
    assert!(
        page.url.ends_with('/'),
        "back at the start, answers gone: {}",
        page.url
    );
    assert!(!page.body.contains("Something private"));
}

#[tokio::test]
async fn the_first_page_offers_start_and_help_and_every_page_can_be_left_quickly() {
    let app = spawn_app().await;
    for path in ["/", "/help", "/nowhere"] {
        let page = Page::from(app.get(path).await).await;
        assert!(page.body.contains("href=\"/leave\""), "{path}");
        assert!(page.body.contains("Leave this page"), "{path}");
    }
    let start = Page::from(app.get("/").await).await;
    assert!(
        start.body.contains("I&#39;m not safe right now")
            || start.body.contains("I'm not safe right now")
    );
    assert!(start.body.contains("action=\"/chat/start\""));
}

#[tokio::test]
async fn the_reply_by_date_is_ten_working_days_after_the_clock_starts() {
    let app = spawn_app().await;
    let done = send(&app, COMPLAINT).await;
    let case = app
        .store
        .case_by_reference(&Reference::parse(&done.reference()).unwrap())
        .await
        .unwrap()
        .unwrap();
    let calendar = have_your_say::timescale::calendar();
    let start = calendar.start_date(time::OffsetDateTime::now_utc());
    let due = calendar.due(have_your_say::timescale::Deadline::StageOne, start);
    assert_eq!(case.due_on, Some(due));
}

/// A client that keeps its cookies but does not follow redirects, to see what each post answers.
fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

#[tokio::test]
async fn each_question_has_its_own_address_and_going_back_to_one_keeps_every_answer() {
    let app = spawn_app().await;
    let page = app
        .walk(&[
            "complaint",
            "young_person",
            "money",
            "My allowance was late",
        ])
        .await;
    assert!(page.url.contains("/chat/what-would-help"), "{}", page.url);
    assert!(
        !page.url.contains("allowance"),
        "no child's words in the URL"
    );

    // The browser's Back: the earlier question's own address, answers kept, nothing changed.
    let about = Page::from(app.get("/chat/about").await).await;
    assert_eq!(about.status, 200);
    assert_eq!(about.step_id(), "about");
    assert!(
        about
            .body
            .contains("value=\"money\" class=\"choice chosen\""),
        "the earlier choice shows: {}",
        about.body
    );
    assert!(
        !about.body.contains("My allowance was late"),
        "the transcript stops at that question"
    );
    let still = Page::from(app.get("/chat").await).await;
    assert_eq!(
        still.step_id(),
        "what-would-help",
        "looking changed nothing"
    );

    // Answering it again goes on from there, and the next question still has its words.
    let next = app.answer_step("about", &["money"]).await;
    assert_eq!(next.step_id(), "what-happened");
    assert!(next.body.contains(">My allowance was late</textarea>"));

    // A question not reached yet, or not a question at all, leads to where things are.
    for path in ["/chat/age", "/chat/no-such-step"] {
        let page = Page::from(app.get(path).await).await;
        assert_eq!(page.step_id(), "what-happened", "{path}");
    }
}

#[tokio::test]
async fn every_post_answers_with_a_redirect_and_a_refused_answer_survives_a_reload() {
    let app = spawn_app().await;
    let client = no_redirects();
    let post = |path: &'static str, fields: Vec<(&'static str, &'static str)>| {
        let request = client.post(app.url(path)).form(&fields);
        async move { request.send().await.expect("POST") }
    };
    let started = post("/chat/start", vec![]).await;
    assert_eq!(started.status(), 303);
    assert_eq!(started.headers()["location"], "/chat/kind#now");
    for (step, value) in [("kind", "complaint"), ("role", "young_person")] {
        let answered = post("/chat/answer", vec![("step", step), ("value", value)]).await;
        assert_eq!(answered.status(), 303, "{step}");
    }
    let back = post("/chat/back", vec![("step", "about")]).await;
    assert_eq!(back.status(), 303);
    assert_eq!(back.headers()["location"], "/chat/role#now");
    for (step, value) in [("role", "young_person"), ("about", "money")] {
        post("/chat/answer", vec![("step", step), ("value", value)]).await;
    }

    // Too long: a redirect too, and the page after it says why and keeps what was typed.
    let too_long: &'static str = Box::leak("x".repeat(5001).into_boxed_str());
    let refused = post(
        "/chat/answer",
        vec![("step", "what-happened"), ("value", too_long)],
    )
    .await;
    assert_eq!(refused.status(), 303);
    assert_eq!(
        refused.headers()["location"],
        "/chat/what-happened#error-summary-title",
        "scrolled to what was wrong"
    );
    for _reload in 0..2 {
        let page = Page::from(
            client
                .get(app.url("/chat/what-happened"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(page.status, 422, "the status still says it was not taken");
        assert!(page.body.contains("class=\"error-summary\""));
        assert!(
            page.body.contains(&format!(">{too_long}</textarea>")),
            "what was typed is kept"
        );
        assert!(page.body.contains("<title>Error: "));
    }
    // A post for a question long gone: a redirect and a kind notice, never a 405 or a re-post.
    let moved = post("/chat/answer", vec![("step", "age"), ("value", "12")]).await;
    assert_eq!(moved.status(), 303);
    assert_eq!(moved.headers()["location"], "/chat/what-happened#now");
    let sent_early = post("/chat/submit", vec![("step", "send")]).await;
    assert_eq!(sent_early.status(), 303);

    // A reload of an address that only takes posts leads to the question, not to a 405.
    for path in [
        "/chat/answer",
        "/chat/back",
        "/chat/change",
        "/chat/submit",
        "/chat/start",
    ] {
        let page = Page::from(
            helpers::browser()
                .get(app.url(path))
                .send()
                .await
                .expect("GET"),
        )
        .await;
        assert_ne!(page.status, 405, "{path}");
        let mine = client.get(app.url(path)).send().await.expect("GET");
        assert_eq!(mine.status(), 303, "{path}");
        assert_eq!(
            mine.headers()["location"],
            "/chat/what-happened#now",
            "{path}"
        );
    }
    // The next good answer clears the refusal.
    let ok = post(
        "/chat/answer",
        vec![
            ("step", "what-happened"),
            ("value", "My allowance was late"),
        ],
    )
    .await;
    assert_eq!(ok.headers()["location"], "/chat/what-would-help#now");
    let page = Page::from(
        client
            .get(app.url("/chat/what-happened"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("error-summary"));
}

#[tokio::test]
async fn the_first_page_offers_to_carry_on_an_open_conversation_and_the_old_address_still_works() {
    let app = spawn_app().await;
    let fresh = Page::from(app.get("/").await).await;
    assert!(!fresh.body.contains("Carry on where you left off"));

    app.walk(&["complaint", "young_person"]).await;
    // The logo on every chat page leads to the first page, which keeps the conversation.
    let chat = Page::from(app.get("/chat/about").await).await;
    assert!(chat.body.contains("class=\"brand\" href=\"/\""));
    let start = Page::from(app.get("/").await).await;
    assert!(
        start.body.contains("href=\"/chat/about#now\""),
        "{}",
        start.body
    );
    assert!(start.body.contains("Carry on where you left off"));
    assert!(start.body.contains("Start again"));
    assert_eq!(app.count("conversations").await, 1, "nothing thrown away");

    let old = Page::from(app.get("/chat").await).await;
    assert!(old.url.contains("/chat/about"), "{}", old.url);
    assert_eq!(old.step_id(), "about");
}

#[tokio::test]
async fn the_confirmation_promises_only_what_was_chosen() {
    let app = spawn_app().await;
    let no_contact = send(
        &app,
        &[
            "complaint",
            "young_person",
            "money",
            "My allowance was late",
            "",
            "no",
            "none",
            "",
            "14",
        ],
    )
    .await;
    assert!(
        !no_contact.body.contains("We will reply by"),
        "{}",
        no_contact.body
    );
    assert!(no_contact.body.contains("You asked us not to contact you"));
    assert!(!no_contact.body.contains("An advocate will get in touch"));
    app.get("/leave").await;

    let advocate = send(&app, COMPLAINT).await;
    assert!(advocate.body.contains("We will reply by"));
    assert!(
        advocate
            .body
            .contains("An advocate will get in touch with you by"),
        "{}",
        advocate.body
    );
    app.get("/leave").await;

    let advocate_no_contact = send(
        &app,
        &[
            "complaint",
            "young_person",
            "money",
            "My allowance was late",
            "",
            "yes",
            "none",
            "",
            "14",
        ],
    )
    .await;
    assert!(
        advocate_no_contact
            .body
            .contains("You asked for an advocate")
    );
    assert!(!advocate_no_contact.body.contains("We will reply by"));
}

#[tokio::test]
async fn lang_in_the_address_works_on_every_child_page_and_sticks() {
    let app = spawn_app().await;
    for path in ["/help", "/track", "/privacy", "/resume", "/accessibility"] {
        let page = Page::from(app.get(&format!("{path}?lang=cy")).await).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(
            page.url.ends_with(path),
            "the address is plain again: {}",
            page.url
        );
        assert!(page.body.contains("lang=\"cy\""), "{path}");
    }
    let after = Page::from(app.get("/help").await).await;
    assert!(after.body.contains("lang=\"cy\""), "the choice sticks");
    let unknown = Page::from(app.get("/help?lang=xx").await).await;
    assert_eq!(unknown.status, 200);
    let icon = app.get("/favicon.ico").await;
    assert_eq!(icon.status(), 200);
    assert_eq!(icon.headers()["content-type"], "image/svg+xml");
}
