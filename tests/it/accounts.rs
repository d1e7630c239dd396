//! Accounts in the browser (issue 17): admins list, add, disable, enable and re-role accounts
//! and email one-time password links; admins see no case content; the last admin stays one.
//! Two-factor sign-in with an authenticator app: enrolment, codes computed here with totp-rs
//! from the secret the page shows, recovery codes, replay and wrong-code limits, and the
//! requirement for managers and admins.

use crate::helpers;

use helpers::{Page, TestApp, between, spawn_app, spawn_app_with};

const ADMIN: &str = "admin@testshire.gov.uk";
const OFFICER: &str = "cro@testshire.gov.uk";

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// What an authenticator app shows at `at` for the key the enrolment page shows.
fn app_code(shown_key: &str, at: u64) -> String {
    let bytes = totp_rs::Secret::Encoded(shown_key.replace(' ', ""))
        .to_bytes()
        .unwrap();
    totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes)
        .unwrap()
        .generate(at)
}

async fn signed_in(app: &TestApp, email: &str, role: &str) -> (reqwest::Client, Page) {
    let password = app.add_staff(email, role).await;
    app.sign_in(email, &password, None).await
}

/// The account id of `email`, from the accounts page's forms.
fn account_id(page: &Page, name: &str) -> String {
    let at = page
        .body
        .find(&format!("<h3>{name}"))
        .expect("account on page");
    between(&page.body[at..], "action=\"/staff/accounts/", "/").expect("account id")
}

async fn audit_actions(app: &TestApp) -> Vec<String> {
    app.store
        .audit_events(100)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[tokio::test]
async fn an_admin_lands_on_accounts_and_is_refused_every_page_with_case_content() {
    let app = spawn_app().await;
    let reference = app
        .send(&[
            "complaint",
            "young_person",
            "leaving_care",
            "My social worker never visits",
            "Someone to visit",
            "no",
            "none",
            "Robin",
            "16",
        ])
        .await
        .reference();
    let (admin, landed) = signed_in(&app, ADMIN, "admin").await;
    assert!(landed.url.ends_with("/staff/accounts"), "{}", landed.url);
    assert_eq!(landed.heading(), "Accounts");
    assert!(landed.body.contains(ADMIN));

    for path in [
        format!("/staff/cases/{reference}"),
        "/staff/cases/HYS-AAAA-AAAA".to_owned(),
        "/staff/cases/new".to_owned(),
        "/staff/report".to_owned(),
        "/staff/report.csv".to_owned(),
        "/staff/mail".to_owned(),
    ] {
        let page = app.get_as(&admin, &path).await;
        assert_eq!(page.status, 403, "{path}");
        assert!(
            page.body.contains("That cannot be done from here"),
            "{path}"
        );
        assert!(!page.body.contains("social worker"), "{path}");
        assert_eq!(page.headers["cache-control"], "no-store", "{path}");
    }
    // The inbox is the accounts page for an admin, whatever the filters.
    let inbox = app.get_as(&admin, "/staff?view=held").await;
    assert!(inbox.url.ends_with("/staff/accounts"), "{}", inbox.url);
    assert!(!inbox.body.contains(&reference));
    // Nor can an admin act on a case.
    let csrf = landed.csrf();
    let act = app
        .post_as(
            &admin,
            &format!("/staff/cases/{reference}/note"),
            &[("csrf", &csrf), ("text", "x")],
        )
        .await;
    assert_eq!(act.status, 403);
}

#[tokio::test]
async fn only_admins_open_the_accounts_pages() {
    let app = spawn_app().await;
    app.add_staff(ADMIN, "admin").await;
    for role in ["officer", "manager", "advocate"] {
        let email = format!("{role}@testshire.gov.uk");
        let (browser, home) = signed_in(&app, &email, role).await;
        let page = app.get_as(&browser, "/staff/accounts").await;
        assert_eq!(page.status, 403, "{role}");
        let csrf = home.csrf();
        let add = app
            .post_as(
                &browser,
                "/staff/accounts",
                &[
                    ("csrf", csrf.as_str()),
                    ("name", "Mallory"),
                    ("email", "mallory@evil.example"),
                    ("role", "admin"),
                ],
            )
            .await;
        assert_eq!(add.status, 403, "{role}");
    }
    assert_eq!(
        app.count_where("staff", "email = 'mallory@evil.example'")
            .await,
        0
    );
}

#[tokio::test]
async fn role_changes_and_disabling_are_audited_and_the_last_admin_stays_an_admin() {
    let app = spawn_app().await;
    let (admin, page) = signed_in(&app, ADMIN, "admin").await;
    let officer_password = app.add_staff(OFFICER, "officer").await;
    let (officer, _) = app.sign_in(OFFICER, &officer_password, None).await;
    assert!(page.url.ends_with("/staff/accounts"));
    let page = app.get_as(&admin, "/staff/accounts").await;
    let csrf = page.csrf();
    let officer_id = account_id(&page, "cro at testshire.gov.uk");
    let admin_id = account_id(&page, "admin at testshire.gov.uk");

    // Officer → manager: audited, and their session ends so the new role applies at once.
    let changed = app
        .post_as(
            &admin,
            &format!("/staff/accounts/{officer_id}/role"),
            &[("csrf", &csrf), ("role", "manager")],
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert!(changed.body.contains("Role changed"));
    assert!(changed.body.contains("Manager"));
    assert!(
        app.get_as(&officer, "/staff")
            .await
            .url
            .contains("/staff/login"),
        "signed out by the change"
    );

    // Disabled: cannot sign in; enabled again: can.
    app.post_as(
        &admin,
        &format!("/staff/accounts/{officer_id}/disable"),
        &[("csrf", &csrf)],
    )
    .await;
    let (_, refused) = app.sign_in(OFFICER, &officer_password, None).await;
    assert_eq!(refused.status, 401);
    let enabled = app
        .post_as(
            &admin,
            &format!("/staff/accounts/{officer_id}/enable"),
            &[("csrf", &csrf)],
        )
        .await;
    assert!(enabled.body.contains("Account enabled"));
    let (_, home) = app.sign_in(OFFICER, &officer_password, None).await;
    assert_eq!(home.status, 200);
    assert!(home.url.ends_with("/staff"), "{}", home.url);

    // The only admin can neither disable nor demote themselves.
    for (action, role) in [("disable", ""), ("role", "officer")] {
        let page = app
            .post_as(
                &admin,
                &format!("/staff/accounts/{admin_id}/{action}"),
                &[("csrf", &csrf), ("role", role)],
            )
            .await;
        assert_eq!(page.status, 409, "{action}");
        assert!(page.body.contains("leave nobody who can manage accounts"));
    }
    assert_eq!(
        app.count_where("staff", "role = 'admin' and disabled_at is null")
            .await,
        1
    );
    // With a second admin, the first may step down.
    app.post_as(
        &admin,
        &format!("/staff/accounts/{officer_id}/role"),
        &[("csrf", &csrf), ("role", "admin")],
    )
    .await;
    let stepped_down = app
        .post_as(
            &admin,
            &format!("/staff/accounts/{admin_id}/role"),
            &[("csrf", &csrf), ("role", "officer")],
        )
        .await;
    assert!(stepped_down.url.contains("/staff/login"), "signed out");

    let actions = audit_actions(&app).await;
    for needed in ["role_changed", "account_disabled", "account_enabled"] {
        assert!(actions.iter().any(|a| a == needed), "{needed}: {actions:?}");
    }
    assert_eq!(actions.iter().filter(|a| *a == "role_changed").count(), 3);
}

#[tokio::test]
async fn bad_account_forms_get_a_kind_message_and_keep_what_was_typed() {
    let app = spawn_app().await;
    let (admin, page) = signed_in(&app, ADMIN, "admin").await;
    let csrf = page.csrf();
    app.add_staff(OFFICER, "officer").await;
    let table: &[(&str, &str, &str, u16, &str)] = &[
        ("", "sam@testshire.gov.uk", "officer", 400, "Enter a name"),
        (
            "Sam <b>",
            "not an address",
            "officer",
            400,
            "Enter an email address",
        ),
        ("Sam", "sam@testshire.gov.uk", "boss", 400, "Choose a role"),
        ("Sam", OFFICER, "officer", 409, "already an account"),
    ];
    for (name, email, role, status, says) in table {
        let page = app
            .post_as(
                &admin,
                "/staff/accounts",
                &[
                    ("csrf", &csrf),
                    ("name", name),
                    ("email", email),
                    ("role", role),
                ],
            )
            .await;
        assert_eq!(page.status, *status, "{name} {email} {role}");
        assert!(page.body.contains(says), "{says}");
        assert!(page.body.contains("There is a problem"));
        if !name.is_empty() {
            assert!(page.body.contains("value=\"Sam"), "kept the name");
        }
        assert!(!page.body.contains("<b>"), "escaped");
    }
    for path in [
        "/staff/accounts/999999/disable",
        "/staff/accounts/x/disable",
    ] {
        let page = app.post_as(&admin, path, &[("csrf", &csrf)]).await;
        assert_eq!(page.status, 404, "{path}");
    }
    let page = app
        .post_as(&admin, "/staff/accounts/1/explode", &[("csrf", &csrf)])
        .await;
    assert_eq!(page.status, 404);
    let page = app
        .post_as(&admin, "/staff/accounts/1/disable", &[("csrf", "forged")])
        .await;
    assert_eq!(page.status, 403);
    assert_eq!(app.count("staff").await, 2);
}

/// A link for `email` as the accounts page makes one; returns its path.
async fn password_link(app: &TestApp, email: &str, expires_in_ms: i64) -> String {
    let member = app
        .store
        .staff_for_login(email)
        .await
        .unwrap()
        .unwrap()
        .member;
    let token = have_your_say::domain::ConversationToken::generate();
    let path = format!("/staff/password/{}", token.expose());
    app.store
        .create_password_link(
            member.id,
            member.id,
            &token.key(),
            have_your_say::store::now_ms() + expires_in_ms,
            email,
            &app.url(&path),
            "testshire.gov.uk",
        )
        .await
        .unwrap();
    path
}

#[tokio::test]
async fn a_password_link_sets_the_password_once() {
    let app = spawn_app().await;
    app.add_staff(OFFICER, "officer").await;
    let link = password_link(&app, OFFICER, 3600 * 1000).await;
    let browser = helpers::browser();
    let form = app.get_as(&browser, &link).await;
    assert_eq!(form.status, 200);
    assert_eq!(form.heading(), "Set your password");
    for (password, confirm, says) in [
        ("short", "short", "at least 12 characters"),
        (
            "a long enough password",
            "a different password",
            "two passwords are different",
        ),
    ] {
        let page = app
            .post_as(
                &browser,
                &link,
                &[("password", password), ("confirm", confirm)],
            )
            .await;
        assert_eq!(page.status, 400);
        assert!(page.body.contains(says), "{says}");
    }
    let new = "four random garden words";
    let done = app
        .post_as(&browser, &link, &[("password", new), ("confirm", new)])
        .await;
    assert_eq!(done.status, 200);
    assert_eq!(done.heading(), "Your password is set");
    let (_, home) = app.sign_in(OFFICER, new, None).await;
    assert!(home.url.ends_with("/staff"), "{}", home.url);

    // Twice: a kind page, and the password stays as it was set.
    let other = "another long password";
    for attempt in [
        app.get_as(&browser, &link).await,
        app.post_as(&browser, &link, &[("password", other), ("confirm", other)])
            .await,
    ] {
        assert_eq!(attempt.status, 410);
        assert!(attempt.body.contains("used already"), "{}", attempt.body);
    }
    let (_, old) = app.sign_in(OFFICER, other, None).await;
    assert_eq!(old.status, 401);
    let actions = audit_actions(&app).await;
    assert!(actions.iter().any(|a| a == "password_set"), "{actions:?}");
}

#[tokio::test]
async fn a_late_or_made_up_password_link_gets_a_kind_page() {
    let app = spawn_app().await;
    app.add_staff(ADMIN, "admin").await;
    app.add_staff(OFFICER, "officer").await;
    // A link that ran out an hour ago.
    let late = password_link(&app, OFFICER, -3600 * 1000).await;
    for path in [
        late,
        "/staff/password/0123456789abcdef0123456789abcdef".to_owned(),
        "/staff/password/not-a-token".to_owned(),
    ] {
        let page = app.get_as(&helpers::browser(), &path).await;
        assert_eq!(page.status, 410, "{path}");
        assert!(page.body.contains("Ask an admin for a new link"), "{path}");
        let posted = app
            .post_as(
                &helpers::browser(),
                &path,
                &[
                    ("password", "a long enough password"),
                    ("confirm", "a long enough password"),
                ],
            )
            .await;
        assert_eq!(posted.status, 410, "{path}");
    }
    assert_eq!(
        app.count_where("password_links", "used_at is not null")
            .await,
        0
    );
}

/// Enrol `browser` (signed in, or sent to enrolment) and return the key the page showed and
/// the recovery codes.
async fn enrol(app: &TestApp, browser: &reqwest::Client) -> (String, Vec<String>, Page) {
    let page = app.get_as(browser, "/staff/two-factor").await;
    assert_eq!(page.status, 200, "{}", page.body);
    let key = between(&page.body, "<code id=\"secret\">", "</code>").expect("the key");
    assert!(page.body.contains("otpauth://totp/"), "the setup address");
    // A reload shows the same key: the app may have it already.
    let again = app.get_as(browser, "/staff/two-factor").await;
    assert!(again.body.contains(&key));
    let wrong = app
        .post_as(
            browser,
            "/staff/two-factor",
            &[
                ("csrf", &page.csrf()),
                ("next", "/staff"),
                ("code", "000000"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 400);
    assert!(wrong.body.contains("That code did not work"));
    let done = app
        .post_as(
            browser,
            "/staff/two-factor",
            &[
                ("csrf", &page.csrf()),
                ("next", "/staff"),
                ("code", &app_code(&key, unix_now())),
            ],
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    let codes: Vec<String> = done
        .body
        .split("<li><code>")
        .skip(1)
        .filter_map(|s| s.split_once("</code>").map(|(c, _)| c.to_owned()))
        .collect();
    assert_eq!(codes.len(), 10, "{}", done.body);
    (key, codes, done)
}

#[tokio::test]
async fn two_factor_sign_in_takes_each_code_once_and_each_recovery_code_once() {
    let app = spawn_app().await;
    let password = app.add_staff(OFFICER, "officer").await;
    let (browser, _) = app.sign_in(OFFICER, &password, None).await;
    let (key, codes, _) = enrol(&app, &browser).await;
    assert_eq!(
        app.count_where("staff_recovery_codes", "used_at is null")
            .await,
        10
    );
    let stored: (String,) = sqlx::query_as("select code_hash from staff_recovery_codes limit 1")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert!(!codes.iter().any(|c| stored.0.contains(c)), "stored hashed");

    // The password alone now leads to the code page, and nothing else opens.
    let (second, page) = app.sign_in(OFFICER, &password, Some("/staff/report")).await;
    assert!(page.url.contains("/staff/login/code"), "{}", page.url);
    assert!(
        app.get_as(&second, "/staff")
            .await
            .url
            .contains("/staff/login/code"),
        "half signed in"
    );
    let csrf = page.csrf();
    let post = |code: String| {
        let (second, csrf) = (second.clone(), csrf.clone());
        let app = &app;
        async move {
            app.post_as(
                &second,
                "/staff/login/code",
                &[
                    ("csrf", csrf.as_str()),
                    ("next", "/staff/cases/new"),
                    ("code", code.as_str()),
                ],
            )
            .await
        }
    };
    // The code used to enrol was taken: played again, it is refused.
    let replayed = post(app_code(&key, unix_now())).await;
    assert_eq!(replayed.status, 401);
    assert!(replayed.body.contains("used already"), "{}", replayed.body);
    let next = post(app_code(&key, unix_now() + 30)).await;
    assert_eq!(next.status, 200, "{}", next.body);
    assert!(next.url.ends_with("/staff/cases/new"), "{}", next.url);

    // A recovery code works once, typed any way.
    let (third, page) = app.sign_in(OFFICER, &password, None).await;
    let typed = codes[3].to_lowercase().replace('-', " ");
    let used = app
        .post_as(
            &third,
            "/staff/login/code",
            &[("csrf", &page.csrf()), ("next", "/staff"), ("code", &typed)],
        )
        .await;
    assert!(used.url.ends_with("/staff"), "{}", used.url);
    let (fourth, page) = app.sign_in(OFFICER, &password, None).await;
    let again = app
        .post_as(
            &fourth,
            "/staff/login/code",
            &[
                ("csrf", &page.csrf()),
                ("next", "/staff"),
                ("code", &codes[3]),
            ],
        )
        .await;
    assert_eq!(again.status, 401);
    assert_eq!(
        app.count_where("staff_recovery_codes", "used_at is null")
            .await,
        9
    );
    let own = app.get_as(&third, "/staff/two-factor").await;
    assert!(
        own.body.contains("You have 9 unused recovery codes"),
        "{}",
        own.body
    );
    let actions = audit_actions(&app).await;
    for needed in ["two_factor_on", "recovery_code_used"] {
        assert!(actions.iter().any(|a| a == needed), "{needed}: {actions:?}");
    }
}

#[tokio::test]
async fn wrong_codes_lock_the_account_like_wrong_passwords() {
    let app = spawn_app().await;
    let password = app.add_staff(OFFICER, "officer").await;
    let (browser, _) = app.sign_in(OFFICER, &password, None).await;
    let (key, _, _) = enrol(&app, &browser).await;
    let (second, page) = app.sign_in(OFFICER, &password, None).await;
    for _ in 0..5 {
        let wrong = app
            .post_as(
                &second,
                "/staff/login/code",
                &[
                    ("csrf", &page.csrf()),
                    ("next", "/staff"),
                    ("code", "123456"),
                ],
            )
            .await;
        assert_eq!(wrong.status, 401);
    }
    let right = app
        .post_as(
            &second,
            "/staff/login/code",
            &[
                ("csrf", &page.csrf()),
                ("next", "/staff"),
                ("code", &app_code(&key, unix_now() + 30)),
            ],
        )
        .await;
    assert_eq!(right.status, 401);
    assert!(right.body.contains("locked"), "{}", right.body);
    // Signing in again does not reset the count: the password is refused while locked.
    let (_, again) = app.sign_in(OFFICER, &password, None).await;
    assert_eq!(again.status, 401);
}

#[tokio::test]
async fn where_required_managers_and_admins_set_up_two_factor_before_anything_else() {
    let app = spawn_app_with(|c| c.require_two_factor = true).await;
    let (officer, home) = signed_in(&app, OFFICER, "officer").await;
    assert!(
        home.url.ends_with("/staff"),
        "officers are not asked: {}",
        home.url
    );
    drop(officer);
    for (email, role, lands) in [
        ("manager@testshire.gov.uk", "manager", "/staff"),
        (ADMIN, "admin", "/staff/accounts"),
    ] {
        let (browser, page) = signed_in(&app, email, role).await;
        assert!(
            page.url.contains("/staff/two-factor"),
            "{role}: {}",
            page.url
        );
        assert!(page.body.contains("needs two-factor sign-in"), "{role}");
        for path in ["/staff", "/staff/accounts", "/staff/report"] {
            let page = app.get_as(&browser, path).await;
            assert!(page.url.contains("/staff/two-factor"), "{role} {path}");
        }
        let (_, _, done) = enrol(&app, &browser).await;
        assert!(done.body.contains("I have kept my codes"));
        let home = app.get_as(&browser, "/staff").await;
        assert!(home.url.ends_with(lands), "{role}: {}", home.url);
        assert_eq!(home.status, 200);
    }
}

#[tokio::test]
async fn a_new_account_gets_its_link_by_email_through_the_outbox() {
    let smtp = helpers::smtp::SmtpSink::start();
    let app = spawn_app_with(|c| {
        c.mail.smtp_url = Some(format!("smtp://127.0.0.1:{}", smtp.port).into());
    })
    .await;
    let (admin, page) = signed_in(&app, ADMIN, "admin").await;
    let added = app
        .post_as(
            &admin,
            "/staff/accounts",
            &[
                ("csrf", &page.csrf()),
                ("name", "Sam Patel"),
                ("email", "Sam.Patel@testshire.gov.uk"),
                ("role", "officer"),
            ],
        )
        .await;
    assert!(
        added.url.ends_with("/staff/accounts?done=added"),
        "{}",
        added.url
    );
    assert!(added.body.contains("Account added"));
    assert!(added.body.contains("sam.patel@testshire.gov.uk"));
    assert!(added.body.contains("Never"));

    app.dispatch_emails().await;
    let mail = smtp.received();
    assert_eq!(mail.len(), 1);
    let email = &mail[0];
    assert_eq!(email.rcpt_to, "sam.patel@testshire.gov.uk");
    assert_eq!(email.subject, "Set your password for Have Your Say");
    let link = between(&email.text, &app.config.public_url, "\n")
        .map(|rest| rest.trim().to_owned())
        .expect("a link in the email");
    assert!(link.starts_with("/staff/password/"), "{link}");
    assert!(email.html.contains(&link), "the button links there too");
    // Once sent, the database keeps only the token's hash.
    assert_eq!(
        app.count_where("password_links", "token is not null").await,
        0,
        "the link copy cleared after sending"
    );
    let token = link.trim_start_matches("/staff/password/");
    assert_eq!(
        app.count_where("password_links", &format!("token_hash = '{token}'"))
            .await,
        0
    );

    let browser = helpers::browser();
    let new = "four random garden words";
    let done = app
        .post_as(&browser, &link, &[("password", new), ("confirm", new)])
        .await;
    assert_eq!(done.heading(), "Your password is set");
    let (_, home) = app.sign_in("sam.patel@testshire.gov.uk", new, None).await;
    assert!(home.url.ends_with("/staff"), "{}", home.url);
    let actions = audit_actions(&app).await;
    for needed in ["account_added", "password_link_sent", "password_set"] {
        assert!(actions.iter().any(|a| a == needed), "{needed}: {actions:?}");
    }
}
