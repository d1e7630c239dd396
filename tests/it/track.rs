//! Coming back: tracking with reference and secret words, replies and more information,
//! "finish later", expiry and the retention purge, and the safety flag reaching the urgent route.

use crate::helpers;

use have_your_say::domain::Reference;
use have_your_say::store::casework::NewEvent;
use have_your_say::timescale::{Calendar, today_in_england};
use helpers::{COMPLAINT, Page, TestApp, spawn_app};

async fn sent(app: &TestApp) -> (String, String) {
    let done = app.send(COMPLAINT).await;
    let pair = (done.reference(), done.secret().expect("secret"));
    app.get("/leave").await;
    pair
}

async fn track(app: &TestApp, reference: &str, secret: &str) -> Page {
    Page::from(
        app.post("/track", &[("reference", reference), ("secret", secret)])
            .await,
    )
    .await
}

#[tokio::test]
async fn the_right_pair_shows_where_the_case_is_forgiving_how_it_was_typed() {
    let app = spawn_app().await;
    let (reference, secret) = sent(&app).await;
    let typed_ref = reference.to_lowercase().replace('-', " ");
    let typed_secret = format!("  {}  ", secret.to_uppercase().replace(' ', "-"));

    let page = track(&app, &typed_ref, &typed_secret).await;

    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.url.ends_with("/track/case"));
    assert!(page.body.contains("We got your message"));
    // Asked not to be contacted: the answer will be on this page.
    assert!(page.body.contains("We will put our answer here by"));
    assert!(
        page.body.contains("can&#39;t see your secret words")
            || page.body.contains("can't see your secret words")
    );
    assert!(!page.url.contains(&reference) && !page.url.contains(&secret.replace(' ', "")));
}

#[tokio::test]
async fn a_wrong_pair_gets_one_neutral_message_whether_or_not_the_reference_exists() {
    let app = spawn_app().await;
    let (reference, _) = sent(&app).await;
    let wrong_words = track(&app, &reference, "apple apple apple apple").await;
    let no_such_case = track(&app, "HYS-AAAA-AAAA", "apple apple apple apple").await;
    let nonsense = track(&app, "<script>", "").await;
    for page in [&wrong_words, &no_such_case, &nonsense] {
        assert_eq!(page.status, 422);
        assert!(
            page.body.contains("Those details don&#39;t match")
                || page.body.contains("Those details don't match")
        );
    }
    // The reference stays typed (a long code is hard to type twice); the words do not.
    assert!(
        wrong_words.body.contains(&format!("value=\"{reference}\"")),
        "the reference is kept"
    );
    assert!(
        !wrong_words.body.contains("apple apple"),
        "the words are not kept"
    );
    assert!(!nonsense.body.contains("<script>"), "escaped");
    let strip = |p: &Page| p.body.replace(&reference, "").replace("HYS-AAAA-AAAA", "");
    assert_eq!(strip(&wrong_words), strip(&no_such_case), "identical pages");
}

#[tokio::test]
async fn a_reference_locks_after_repeated_failures_even_for_the_right_words() {
    let app = spawn_app().await;
    let (reference, secret) = sent(&app).await;
    for _ in 0..10 {
        assert_eq!(
            track(&app, &reference, "wrong words here now").await.status,
            422
        );
    }
    let locked = track(&app, &reference, &secret).await;
    assert_eq!(locked.status, 429);
    assert!(locked.body.contains("too many tries"));
}

#[tokio::test]
async fn one_address_is_throttled_across_references() {
    let app = spawn_app().await;
    for n in 0..30 {
        let reference = format!("HYS-AAAA-AA{}", ["AC", "AD", "AE", "AF", "AG", "AH"][n % 6]);
        track(&app, &reference, &format!("guess {n}")).await;
    }
    assert_eq!(
        track(&app, "HYS-CCCC-CCCC", "another guess").await.status,
        429
    );
}

#[tokio::test]
async fn replies_show_and_adding_more_tells_staff_without_the_words() {
    let app = spawn_app().await;
    let (reference, secret) = sent(&app).await;
    let case = app
        .store
        .case_by_reference(&Reference::parse(&reference).unwrap())
        .await
        .unwrap()
        .unwrap();
    app.store
        .change_case(
            case.id,
            &[],
            &NewEvent {
                kind: "message_to_child",
                actor: "system".into(),
                detail: Some(serde_json::json!({ "text": "We have spoken to finance." })),
            },
            &[],
            "x.invalid",
        )
        .await
        .unwrap();
    let page = track(&app, &reference, &secret).await;
    assert!(page.body.contains("We have replied"));
    assert!(page.body.contains("We have spoken to finance."));

    let before = app.count_where("outbox", "kind = 'new_information'").await;
    let page = Page::from(
        app.post("/track/add", &[("text", "It happened again <i>today</i>")])
            .await,
    )
    .await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("It happened again &#60;i&#62;today&#60;/i&#62;")
            || page.body.contains("&lt;i&gt;")
    );
    assert_eq!(
        app.count_where("case_events", "kind = 'message_from_child'")
            .await,
        1
    );
    assert_eq!(
        app.count_where("outbox", "kind = 'new_information'").await,
        before + 1
    );

    // The email to staff says there is news, never what it is.
    app.dispatch_emails().await;
    let emls = app.dropped_emails();
    let eml = emls
        .iter()
        .find(|e| e.contains("New information on"))
        .expect("no new-information email");
    assert!(!eml.contains("happened again"), "{eml}");

    let empty = Page::from(app.post("/track/add", &[("text", "   ")]).await).await;
    assert_eq!(empty.status, 422);
}

#[tokio::test]
async fn adding_something_worrying_makes_the_case_urgent() {
    let app = spawn_app().await;
    let (reference, secret) = sent(&app).await;
    track(&app, &reference, &secret).await;
    app.post("/track/add", &[("text", "he hits me when I ask")])
        .await;
    assert_eq!(app.count_where("cases", "urgent = 1").await, 1);
    assert!(app.count_where("outbox", "kind = 'urgent'").await >= 1);
}

#[tokio::test]
async fn finish_later_gives_a_code_that_continues_on_another_device() {
    let app = spawn_app().await;
    app.walk(&["complaint", "young_person", "money"]).await;
    let later = Page::from(app.post("/chat/later", &[]).await).await;
    assert_eq!(later.status, 200, "{}", later.body);
    let code = later.reference();
    let secret = later.secret().unwrap();

    let other_device = helpers::browser();
    let wrong = Page::from(
        other_device
            .post(app.url("/resume"))
            .form(&[("code", code.as_str()), ("secret", "not the words at all")])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(wrong.status, 422);
    let resumed = Page::from(
        other_device
            .post(app.url("/resume"))
            .form(&[
                ("code", code.to_lowercase().as_str()),
                ("secret", secret.as_str()),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(resumed.status, 200, "{}", resumed.body);
    assert_eq!(resumed.step_id(), "what-happened");
    assert!(resumed.body.contains("Money"), "earlier answers restored");

    // The conversation now belongs to the new device: the first browser's cookie no longer
    // opens it, while the code and words stay the child's one pair until the case is sent.
    let first = Page::from(app.get("/chat").await).await;
    assert_ne!(
        helpers::between(&first.body, "name=\"step\" value=\"", "\"").as_deref(),
        Some("what-happened")
    );
}

#[tokio::test]
async fn unsent_conversations_expire_and_the_purge_deletes_them() {
    let app = spawn_app().await;
    app.walk(&["complaint", "young_person", "money"]).await;
    let later = Page::from(app.post("/chat/later", &[]).await).await;
    sqlx::query("update conversations set expires_at = 0")
        .execute(app.store.pool())
        .await
        .unwrap();
    app.store.forget_cached_conversations();

    let resumed = Page::from(
        helpers::browser()
            .post(app.url("/resume"))
            .form(&[
                ("code", later.reference().as_str()),
                ("secret", later.secret().unwrap().as_str()),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(resumed.status, 422, "expired");
    let page = Page::from(app.get("/chat").await).await;
    assert!(page.body.contains("Your conversation has ended"));

    assert_eq!(app.count("conversations").await, 1);
    let purged = have_your_say::retention::purge(&app.store, &app.config)
        .await
        .unwrap();
    assert_eq!(purged.conversations, 1);
    assert_eq!(app.count("conversations").await, 0);
}

#[tokio::test]
async fn the_purge_anonymises_old_closed_cases_and_keeps_the_statistics() {
    let app = spawn_app().await;
    let (old, _) = sent(&app).await;
    let (recent, _) = sent(&app).await;
    let (open, _) = sent(&app).await;
    let seven_years_ago = have_your_say::store::now_ms() - 7 * 366 * 24 * 60 * 60 * 1000;
    sqlx::query(
        "update cases set status = 'closed', outcome = 'upheld', closed_at = $1, \
         investigating_officer = 'Pat', remedy_for = 'late money', remedy_pence = 5000, \
         urgent_reasons = '[\"chose_not_safe\"]' where reference = $2",
    )
    .bind(seven_years_ago)
    .bind(&old)
    .execute(app.store.pool())
    .await
    .unwrap();
    sqlx::query("update cases set status = 'closed', outcome = 'upheld', closed_at = $1 where reference = $2")
        .bind(have_your_say::store::now_ms())
        .bind(&recent)
        .execute(app.store.pool())
        .await
        .unwrap();

    let purged = have_your_say::retention::purge(&app.store, &app.config)
        .await
        .unwrap();

    assert_eq!(purged.cases_anonymised, 1);
    let get = |r: &str| {
        let r = Reference::parse(r).unwrap();
        let store = app.store.clone();
        async move { store.case_by_reference(&r).await.unwrap().unwrap() }
    };
    let anonymised = get(&old).await;
    assert_eq!(anonymised.summary, None);
    assert!(anonymised.answers.is_empty());
    assert_eq!(anonymised.secret_hash, "");
    assert_eq!(anonymised.kind.as_str(), "complaint", "statistics kept");
    assert_eq!(anonymised.category.map(|c| c.as_str()), Some("money"));
    assert_eq!(anonymised.outcome.map(|o| o.as_str()), Some("upheld"));
    assert_eq!(anonymised.age, Some(13));
    assert_eq!(anonymised.facts.investigating_officer, None, "names go");
    assert_eq!(anonymised.facts.remedy_for, None);
    assert_eq!(
        anonymised.urgent_reasons,
        Vec::new(),
        "the child's quoted words go"
    );
    assert_eq!(
        anonymised.facts.remedy_pence,
        Some(5000),
        "sums stay for the report"
    );
    assert!(get(&recent).await.summary.is_some());
    assert!(get(&open).await.summary.is_some());
    assert_eq!(
        app.count("cases").await,
        3,
        "nothing deleted, only anonymised"
    );
    // An anonymised case can no longer be tracked.
    assert_eq!(track(&app, &old, "any words at all").await.status, 422);
}

#[tokio::test]
async fn worrying_words_show_help_at_once_and_the_case_goes_the_urgent_route() {
    let app = spawn_app().await;
    let page = app
        .walk(&[
            "complaint",
            "young_person",
            "where_i_live",
            "My foster carer hits me",
        ])
        .await;
    assert!(
        page.body
            .contains("It sounds like things might be really hard"),
        "{}",
        page.body
    );
    assert!(page.body.contains("0800 1111"));
    assert_eq!(page.step_id(), "what-would-help", "the child can carry on");
    let next = app.answer("").await;
    assert!(
        !next
            .body
            .contains("It sounds like things might be really hard"),
        "shown once"
    );

    for value in ["no", "none", "", "12", "skip"] {
        app.answer(value).await;
    }
    app.answer_step("check", &[]).await;
    let done = Page::from(app.post("/chat/submit", &[("step", "send")]).await).await;
    let case = app
        .store
        .case_by_reference(&Reference::parse(&done.reference()).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(case.urgent);
    assert_eq!(case.kind.as_str(), "complaint");
    assert_eq!(
        app.count_where(
            "outbox",
            "kind = 'urgent' and recipient = 'safeguarding@example.invalid'"
        )
        .await,
        1
    );

    let calm = app
        .walk(&[
            "complaint",
            "young_person",
            "money",
            "My social worker hit the nail on the head",
        ])
        .await;
    assert!(
        !calm
            .body
            .contains("It sounds like things might be really hard")
    );
}

#[tokio::test]
async fn the_pages_around_the_conversation_explain_privacy_and_staying_safe() {
    let app = spawn_app().await;
    for (path, words) in [
        ("/privacy", "Who sees what you tell us"),
        ("/privacy/adults", "public task"),
        ("/staying-safe-online", "private or incognito window"),
    ] {
        let page = Page::from(app.get(path).await).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(page.body.contains(words), "{path}");
        assert!(
            page.body.contains("href=\"/privacy\""),
            "{path}: privacy linked from every page"
        );
    }
    let contact = app
        .walk(&["complaint", "young_person", "money", "Late", "", "no"])
        .await;
    assert_eq!(contact.step_id(), "contact");
    assert!(
        contact.body.contains("Read how we keep it private"),
        "just in time before contact details"
    );
}

/// As the rights officer: open the case page, then send one of its forms.
async fn officer_acts(
    app: &TestApp,
    officer: &(reqwest::Client, String),
    reference: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> Page {
    let (browser, csrf) = officer;
    let revision = app
        .get_as(browser, &format!("/staff/cases/{reference}"))
        .await
        .revision();
    let mut form = vec![("csrf", csrf.as_str()), ("revision", revision.as_str())];
    form.extend_from_slice(fields);
    app.post_as(
        browser,
        &format!("/staff/cases/{reference}/{action}"),
        &form,
    )
    .await
}

#[tokio::test]
async fn tracking_shows_what_was_sent_and_once_closed_the_outcome_and_the_next_right() {
    let app = spawn_app().await;
    let (reference, secret) = sent(&app).await;

    let page = track(&app, &reference, &secret).await;
    assert_eq!(page.status, 200);
    // What they sent: the facts in view, their words one tap away.
    assert!(page.body.contains("What you sent"), "{}", page.body);
    assert!(
        page.body
            .contains("Something is wrong, about: Money. Sent on "),
        "{}",
        page.body
    );
    assert!(page.body.contains("<summary>Show what I sent</summary>"));
    assert!(page.body.contains("Late pocket money"));
    // They asked not to be contacted: the answer comes to this page, and the page says so.
    assert!(
        page.body.contains("We will put our answer here by "),
        "{}",
        page.body
    );
    assert!(!page.body.contains("What we decided"));

    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    let (browser, signed_in) = app.sign_in("cro@council.gov.uk", &password, None).await;
    let officer = (browser, signed_in.csrf());
    let done = officer_acts(
        &app,
        &officer,
        &reference,
        "outcome",
        &[("outcome", "not_upheld")],
    )
    .await;
    assert_eq!(done.status, 200, "{}", done.body);
    let done = officer_acts(&app, &officer, &reference, "close", &[]).await;
    assert_eq!(done.status, 200, "{}", done.body);

    let page = Page::from(app.get("/track/case").await).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("What we decided"), "{}", page.body);
    assert!(
        page.body.contains("we did not agree with your complaint"),
        "{}",
        page.body
    );
    // Stage 1 answered today: Stage 2 may be asked for within 20 working days.
    let by = Calendar::england_and_wales()
        .add_working_days(today_in_england(time::OffsetDateTime::now_utc()), 20);
    let by = format!("{} {}", by.day(), by.month());
    assert!(
        page.body
            .contains("you can ask for Stage 2 of your complaint. Ask by "),
        "{}",
        page.body
    );
    assert!(page.body.contains(&by), "{by}: {}", page.body);
    assert!(page.body.contains("An advocate can help you with this"));
    assert!(
        !page.body.contains("We will put our answer here"),
        "closed: no due date"
    );
    // The Ombudsman comes after the last stage, not now.
    assert!(!page.body.contains("tel:03000610614"));

    // A refused "add more" keeps everything on the page.
    let empty = Page::from(app.post("/track/add", &[("text", "   ")]).await).await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("What we decided"));
    assert!(empty.body.contains("Late pocket money"));
}
