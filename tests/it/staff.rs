//! The staff area over HTTP: sign-in (and lockout, expiry, CSRF), who may see what, and each
//! action on a case with its timeline event and statutory due dates.

use crate::helpers;

use have_your_say::domain::Reference;
use have_your_say::timescale::{Deadline, calendar};
use helpers::{Page, TestApp, spawn_app};

use helpers::COMPLAINT_WITH_MARKUP_BY_EMAIL as COMPLAINT;
use helpers::WANTS_ADVOCATE;

async fn case(app: &TestApp, values: &[&str]) -> String {
    let reference = app.send(values).await.reference();
    app.get("/leave").await;
    reference
}

async fn events(app: &TestApp, reference: &str, kind: &str) -> i64 {
    app.count_where(
        "case_events",
        &format!(
            "kind = '{kind}' and case_id = (select id from cases where reference = '{reference}')"
        ),
    )
    .await
}

#[tokio::test]
async fn the_email_link_lands_on_the_case_after_sign_in() {
    let app = spawn_app().await;
    let reference = case(&app, COMPLAINT).await;
    let password = app.add_staff("cro@council.gov.uk", "officer").await;

    let link = format!("/staff/cases/{reference}");
    let before = Page::from(helpers::browser().get(app.url(&link)).send().await.unwrap()).await;
    assert!(before.url.contains("/staff/login?next="), "{}", before.url);

    let (_, page) = app
        .sign_in("cro@council.gov.uk", &password, Some(&link))
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.url.ends_with(&link), "{}", page.url);
    assert!(
        page.body
            .contains("My allowance &#60;b&#62;was&#60;/b&#62; late")
            || page.body.contains("&lt;b&gt;was"),
        "child's words shown escaped"
    );
    assert!(page.body.contains("sam@example.org"));
    assert!(!page.body.contains(&format!("<title>{}", "My allowance")));
    assert_eq!(
        events(&app, &reference, "viewed").await,
        1,
        "every view is recorded"
    );
}

#[tokio::test]
async fn each_role_sees_exactly_what_it_may() {
    let app = spawn_app().await;
    let plain = case(&app, COMPLAINT).await;
    let referred = case(&app, WANTS_ADVOCATE).await;
    let officer = app.add_staff("officer@council.gov.uk", "officer").await;
    let manager = app.add_staff("manager@council.gov.uk", "manager").await;
    let advocate = app.add_staff("advocate@advocacy.org.uk", "advocate").await;
    let admin = app.add_staff("admin@council.gov.uk", "admin").await;

    for (email, password, sees_plain, sees_referred) in [
        ("officer@council.gov.uk", &officer, true, true),
        ("manager@council.gov.uk", &manager, true, true),
        ("advocate@advocacy.org.uk", &advocate, false, true),
        ("admin@council.gov.uk", &admin, false, false),
    ] {
        let (browser, _) = app.sign_in(email, password, None).await;
        let inbox = Page::from(browser.get(app.url("/staff")).send().await.unwrap()).await;
        // Admins open no case page at all: a 403 whatever the reference (tests/it/accounts.rs).
        let hidden = if email.starts_with("admin") { 403 } else { 404 };
        for (reference, sees) in [(&plain, sees_plain), (&referred, sees_referred)] {
            let page = Page::from(
                browser
                    .get(app.url(&format!("/staff/cases/{reference}")))
                    .send()
                    .await
                    .unwrap(),
            )
            .await;
            assert_eq!(
                page.status,
                if sees { 200 } else { hidden },
                "{email} opening {reference}"
            );
            assert_eq!(
                inbox.body.contains(reference.as_str()),
                sees,
                "{email} inbox listing {reference}"
            );
        }
        // Guessing a reference that does not exist looks the same as one you may not see.
        let guess = Page::from(
            browser
                .get(app.url("/staff/cases/HYS-AAAA-AAAA"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(guess.status, hidden);
    }
}

#[tokio::test]
async fn advocates_may_add_information_but_not_change_stage_or_outcome() {
    let app = spawn_app().await;
    let referred = case(&app, WANTS_ADVOCATE).await;
    let password = app.add_staff("advocate@advocacy.org.uk", "advocate").await;
    let (browser, _) = app
        .sign_in("advocate@advocacy.org.uk", &password, None)
        .await;
    let page = Page::from(
        browser
            .get(app.url(&format!("/staff/cases/{referred}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        !page.body.contains("/escalate\""),
        "no stage form for advocates"
    );
    let csrf = page.csrf();

    let note = app
        .post_as(
            &browser,
            &format!("/staff/cases/{referred}/note"),
            &[("csrf", &csrf), ("text", "Spoke to the young person")],
        )
        .await;
    assert_eq!(note.status, 200);
    assert_eq!(events(&app, &referred, "note").await, 1);

    for (action, fields) in [
        ("escalate", vec![("reason", "asked")]),
        ("outcome", vec![("outcome", "upheld")]),
        ("close", vec![]),
    ] {
        let mut form = vec![("csrf", csrf.as_str())];
        form.extend(fields);
        let page = app
            .post_as(
                &browser,
                &format!("/staff/cases/{referred}/{action}"),
                &form,
            )
            .await;
        assert_eq!(page.status, 404, "{action}");
    }
    assert_eq!(
        app.count_where("cases", "stage = 2 or outcome is not null")
            .await,
        0
    );
}

#[tokio::test]
async fn posts_without_the_csrf_token_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let reference = case(&app, COMPLAINT).await;
    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    let (browser, _) = app.sign_in("cro@council.gov.uk", &password, None).await;
    let before = app.count("case_events").await;

    for csrf in [None, Some(""), Some("forged-token-0123456789abcdef01")] {
        let mut form = vec![("text", "a note")];
        if let Some(csrf) = csrf {
            form.push(("csrf", csrf));
        }
        let page = app
            .post_as(&browser, &format!("/staff/cases/{reference}/note"), &form)
            .await;
        assert_eq!(page.status, 403, "{csrf:?}");
    }
    let logout = app.post_as(&browser, "/staff/logout", &[]).await;
    assert_eq!(logout.status, 403);
    assert_eq!(app.count("case_events").await, before);

    // The sign-in form itself needs its double-submit token.
    let bare = Page::from(
        helpers::browser()
            .post(app.url("/staff/login"))
            .form(&[
                ("email", "cro@council.gov.uk"),
                ("password", password.as_str()),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(bare.status, 403);
}

#[tokio::test]
async fn repeated_wrong_passwords_lock_the_account() {
    let app = spawn_app().await;
    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    for _ in 0..5 {
        let (_, page) = app
            .sign_in("cro@council.gov.uk", "wrong password entirely", None)
            .await;
        assert_eq!(page.status, 401);
        assert!(
            page.body
                .contains("The email address or password is not right.")
        );
    }
    let (_, page) = app.sign_in("cro@council.gov.uk", &password, None).await;
    assert_eq!(page.status, 401);
    assert!(page.body.contains("Too many attempts"), "{}", page.body);
    assert_eq!(
        app.count_where("staff", "locked_until is not null").await,
        1
    );

    // Unknown accounts get the same message as wrong passwords.
    let (_, page) = app
        .sign_in("nobody@council.gov.uk", "whatever password", None)
        .await;
    assert!(
        page.body
            .contains("The email address or password is not right.")
    );
}

#[tokio::test]
async fn idle_and_old_sessions_end_and_logout_ends_the_session() {
    let app = spawn_app().await;
    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    let ago = |minutes: i64| have_your_say::store::now_ms() - minutes * 60 * 1000;

    for (column, minutes) in [("last_seen_at", 31), ("created_at", 12 * 60 + 1)] {
        let (browser, page) = app.sign_in("cro@council.gov.uk", &password, None).await;
        assert!(page.url.ends_with("/staff"), "{}", page.url);
        sqlx::query(&format!("update staff_sessions set {column} = $1"))
            .bind(ago(minutes))
            .execute(app.store.pool())
            .await
            .unwrap();
        let page = Page::from(browser.get(app.url("/staff")).send().await.unwrap()).await;
        assert!(page.url.contains("/staff/login"), "{column}: {}", page.url);
    }
    assert_eq!(app.count("staff_sessions").await, 0);

    let (browser, page) = app.sign_in("cro@council.gov.uk", &password, None).await;
    let csrf = page.csrf();
    app.post_as(&browser, "/staff/logout", &[("csrf", &csrf)])
        .await;
    assert_eq!(app.count("staff_sessions").await, 0);
    let page = Page::from(browser.get(app.url("/staff")).send().await.unwrap()).await;
    assert!(page.url.contains("/staff/login"));
}

#[tokio::test]
async fn the_session_cookie_is_http_only_strict_and_session_scoped() {
    let app = spawn_app().await;
    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap();
    let form = Page::from(client.get(app.url("/staff/login")).send().await.unwrap()).await;
    let token = helpers::between(&form.body, "name=\"form_token\" value=\"", "\"").unwrap();
    let response = client
        .post(app.url("/staff/login"))
        .form(&[
            ("form_token", token.as_str()),
            ("next", ""),
            ("email", "cro@council.gov.uk"),
            ("password", password.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("hys-staff="))
        .unwrap();
    assert!(
        // Lax, so "Open the case" in a webmail opens it signed in (README: Staff area).
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Max-Age") && !cookie.contains("Expires"),
        "{cookie}"
    );
}

#[tokio::test]
async fn each_action_writes_its_event_and_stages_get_the_statutory_due_dates() {
    let app = spawn_app().await;
    let reference = case(&app, COMPLAINT).await;
    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    let (browser, page) = app
        .sign_in(
            "cro@council.gov.uk",
            &password,
            Some(&format!("/staff/cases/{reference}")),
        )
        .await;
    let csrf = page.csrf();
    let me: (i64,) = sqlx::query_as("select id from staff")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    let me = me.0.to_string();
    let act = |action: &'static str, fields: Vec<(&'static str, String)>| {
        let browser = browser.clone();
        let csrf = csrf.clone();
        let path = format!("/staff/cases/{reference}/{action}");
        let app = &app;
        async move {
            // As a person would: the case page as it is now, then its form.
            let revision = app
                .get_as(&browser, &path[..path.rfind('/').unwrap()])
                .await
                .revision();
            let mut form: Vec<(&str, String)> = vec![("csrf", csrf), ("revision", revision)];
            form.extend(fields);
            let page = Page::from(
                browser
                    .post(app.url(&path))
                    .form(&form)
                    .send()
                    .await
                    .unwrap(),
            )
            .await;
            assert_eq!(page.status, 200, "{action}: {}", page.body);
            page
        }
    };
    let stored = || async {
        app.store
            .case_by_reference(&Reference::parse(&reference).unwrap())
            .await
            .unwrap()
            .unwrap()
    };
    let cal = calendar();
    let today = have_your_say::timescale::today_in_england(time::OffsetDateTime::now_utc());

    act("acknowledge", vec![]).await;
    assert!(stored().await.acknowledged_at.is_some());
    assert_eq!(stored().await.status.as_str(), "open");
    act("assign", vec![("assignee", me.clone())]).await;
    act("details", vec![("category", "where_i_live".into())]).await;
    assert_eq!(
        stored().await.category.map(|c| c.as_str()),
        Some("where_i_live")
    );
    act("teams", vec![("teams", "leaving_care".into())]).await;
    assert_eq!(
        app.count_where("case_teams", "team = 'leaving_care'").await,
        1
    );
    act(
        "reply",
        vec![("text", "Thank you, Sam. We are looking into it.".into())],
    )
    .await;
    assert_eq!(
        app.count_where(
            "outbox",
            "kind = 'reply_to_child' and recipient = 'sam@example.org'"
        )
        .await,
        1
    );
    act("note", vec![("text", "Called finance".into())]).await;

    act(
        "extend",
        vec![("reason", "Waiting for the placement provider".into())],
    )
    .await;
    let started = stored().await.stage_started_on.unwrap();
    assert_eq!(
        stored().await.extended_due_on,
        Some(cal.due(Deadline::StageOneExtended, started))
    );

    act(
        "escalate",
        vec![("reason", "No reply in time: asked for Stage 2".into())],
    )
    .await;
    let case = stored().await;
    assert_eq!(case.stage, 2);
    assert_eq!(case.due_on, Some(cal.due(Deadline::StageTwo, today)));
    assert_eq!(
        case.extended_due_on, None,
        "a new stage starts without an extension"
    );
    act(
        "extend",
        vec![("reason", "Independent investigator appointed".into())],
    )
    .await;
    assert_eq!(
        stored().await.extended_due_on,
        Some(cal.due(Deadline::StageTwoExtended, today))
    );

    act(
        "escalate",
        vec![("reason", "Asked for a review panel".into())],
    )
    .await;
    assert_eq!(
        stored().await.due_on,
        Some(cal.due(Deadline::StageThreePanel, today))
    );
    let revision = stored().await.revision.to_string();
    let refused = Page::from(
        browser
            .post(app.url(&format!("/staff/cases/{reference}/extend")))
            .form(&[
                ("csrf", csrf.as_str()),
                ("revision", revision.as_str()),
                ("reason", "x"),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(refused.status, 409, "Stage 3 cannot be extended");

    act("pause", vec![("agreed", "yes".into())]).await;
    assert_eq!(stored().await.status.as_str(), "paused");
    act("resume", vec![]).await;
    assert_eq!(stored().await.status.as_str(), "open");

    let revision = stored().await.revision.to_string();
    let early_close = Page::from(
        browser
            .post(app.url(&format!("/staff/cases/{reference}/close")))
            .form(&[("csrf", csrf.as_str()), ("revision", revision.as_str())])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(early_close.status, 409, "outcome first");
    assert!(
        early_close
            .body
            .contains("Record the outcome before closing the case.")
    );
    act(
        "outcome",
        vec![
            ("outcome", "partly_upheld".into()),
            ("resolution", "Allowance now paid on Fridays".into()),
        ],
    )
    .await;
    act("close", vec![]).await;
    assert_eq!(stored().await.status.as_str(), "closed");
    act(
        "reopen",
        vec![("reason", "The young person wrote again".into())],
    )
    .await;
    assert_eq!(stored().await.status.as_str(), "open");

    for kind in [
        "acknowledged",
        "assigned",
        "details_set",
        "message_to_child",
        "note",
        "extended",
        "stage_changed",
        "paused",
        "resumed",
        "outcome",
        "closed",
        "reopened",
    ] {
        assert!(events(&app, &reference, kind).await >= 1, "no {kind} event");
    }
    let page = Page::from(
        browser
            .get(app.url(&format!("/staff/cases/{reference}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(page.body.contains("Called finance"));
    assert!(page.body.contains("Waiting for the placement provider"));
}

#[tokio::test]
async fn the_inbox_shows_urgent_first_then_by_due_date_and_filters() {
    let app = spawn_app().await;
    let complaint = case(&app, COMPLAINT).await;
    let comment = case(&app, WANTS_ADVOCATE).await;
    let urgent = app.send_urgent("He hits me", "").await.reference();
    app.get("/leave").await;
    sqlx::query("update cases set due_on = '2020-01-06' where reference = $1")
        .bind(&comment)
        .execute(app.store.pool())
        .await
        .unwrap();
    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    let (browser, page) = app.sign_in("cro@council.gov.uk", &password, None).await;

    let at = |r: &str| page.body.find(r).unwrap_or(usize::MAX);
    assert!(
        at(&urgent) < at(&comment) && at(&comment) < at(&complaint),
        "urgent, then earliest due"
    );
    assert!(
        page.body.contains("Late"),
        "an overdue case says so in words"
    );

    let complaints = Page::from(
        browser
            .get(app.url("/staff?kind=complaint"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(complaints.body.contains(&complaint) && !complaints.body.contains(&comment));
    let nonsense = Page::from(
        browser
            .get(app.url("/staff?kind=%27%20or%201=1&stage=banana"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(nonsense.status, 200, "unknown filter values are ignored");
}

#[tokio::test]
async fn failed_emails_show_as_a_banner_with_a_retry() {
    let app = spawn_app().await;
    case(&app, COMPLAINT).await;
    sqlx::query("update outbox set status = 'failed', last_error = 'relay said no'")
        .execute(app.store.pool())
        .await
        .unwrap();
    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    let (browser, page) = app.sign_in("cro@council.gov.uk", &password, None).await;
    assert!(
        page.body.contains("One email could not be sent."),
        "{}",
        page.body
    );
    let csrf = page.csrf();
    let page = app
        .post_as(&browser, "/staff/outbox/retry", &[("csrf", &csrf)])
        .await;
    assert!(!page.body.contains("could not be sent"));
    assert_eq!(app.count_where("outbox", "status = 'failed'").await, 0);
    let audit = app.store.audit_events(5).await.unwrap();
    assert_eq!(audit.len(), 1, "{audit:?}");
    assert_eq!(audit[0].action, "emails_retried");
    assert!(audit[0].staff_id.is_some());
    assert_eq!(audit[0].detail.as_ref().unwrap()["emails"], 1);
}

#[tokio::test]
async fn adding_closure_days_recomputes_open_cases_due_dates() {
    let app = spawn_app().await;
    let reference = case(&app, COMPLAINT).await;
    let stored = app
        .store
        .case_by_reference(&Reference::parse(&reference).unwrap())
        .await
        .unwrap()
        .unwrap();
    let started = stored.stage_started_on.unwrap();
    let before = stored.due_on.unwrap();

    // The council closes for the three working days after the clock started.
    let closures: Vec<time::Date> = (1..=3)
        .map(|n| calendar().add_working_days(started, n))
        .collect();
    let shared = app.config.database_url.clone();
    let restarted = helpers::spawn_app_with(|c| {
        c.database_url = shared.clone();
        c.closure_days = closures.clone();
    })
    .await;

    let after = restarted
        .store
        .case_by_reference(&Reference::parse(&reference).unwrap())
        .await
        .unwrap()
        .unwrap();
    let expected = have_your_say::timescale::Calendar::with_closures(closures)
        .due(Deadline::StageOne, started);
    assert_eq!(after.due_on, Some(expected));
    assert_ne!(after.due_on, Some(before));
}
