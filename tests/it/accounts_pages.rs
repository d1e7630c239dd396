//! The accounts and two-factor pages as people meet them, in headless Chromium at 390 px: an
//! admin required to set up two-factor sign-in does it with a code computed from the key the
//! page shows, keeps the recovery codes, lands on the accounts page, adds an account, signs out
//! and in again with a code; the password-set page and the refusal page. Every page has no
//! axe-core (WCAG 2.2 AA) violation and no sideways scroll; screenshots go to `test-artifacts/`.
//! The forms are posted by the browser itself, so this also shows that Chromium's posts carry
//! our own `Origin` and pass the origin check.

use crate::helpers;

use helpers::axe::{axe_source, violations};
use helpers::webdriver::{Browser, Options};
use helpers::{TestApp, spawn_app_with};

const ADMIN: &str = "admin@testshire.gov.uk";

fn app_code(shown_key: &str, at: u64) -> String {
    let bytes = totp_rs::Secret::Encoded(shown_key.replace(' ', ""))
        .to_bytes()
        .unwrap();
    totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes)
        .unwrap()
        .generate(at)
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

async fn look(browser: &Browser, name: &str, problems: &mut Vec<String>) {
    browser.screenshot(&format!("{name}-390")).await;
    for v in violations(browser, &axe_source()).await {
        problems.push(format!("{name}: {v}"));
    }
    let fits = browser
        .run("return document.documentElement.scrollWidth <= window.innerWidth;")
        .await;
    if fits != serde_json::json!(true) {
        problems.push(format!("{name}: scrolls sideways at 390 px"));
    }
}

async fn sign_in(browser: &Browser, app: &TestApp, password: &str) {
    browser.goto(&app.url("/staff/login")).await;
    browser.type_into("#email", ADMIN).await;
    browser.type_into("#password", password).await;
    browser.click("form.step button[type=submit]").await;
}

#[tokio::test]
async fn an_admin_sets_up_two_factor_manages_accounts_and_signs_in_with_a_code_at_390_pixels() {
    let app = spawn_app_with(|c| c.require_two_factor = true).await;
    let password = app.add_staff(ADMIN, "admin").await;
    app.add_staff("cro@testshire.gov.uk", "officer").await;
    let browser = Browser::start(Options {
        width: 390,
        height: 844,
        javascript: true,
    })
    .await;
    let mut problems = Vec::new();

    sign_in(&browser, &app, &password).await;
    browser
        .wait_for_url(|u| u.contains("/staff/two-factor"))
        .await;
    look(&browser, "staff-two-factor", &mut problems).await;
    browser.type_into("#code", "000000").await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("error-summary").await;
    look(&browser, "staff-two-factor-error", &mut problems).await;
    let key = browser
        .run("return document.getElementById('secret').textContent;")
        .await
        .as_str()
        .unwrap()
        .to_owned();
    browser
        .type_into("#code", &app_code(&key, unix_now()))
        .await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("recovery-codes").await;
    look(&browser, "staff-recovery-codes", &mut problems).await;

    browser.click("main a.button").await;
    browser
        .wait_for_url(|u| u.ends_with("/staff/accounts"))
        .await;
    look(&browser, "staff-accounts", &mut problems).await;

    browser.type_into("#new-name", "Sam Patel").await;
    browser
        .type_into("#new-email", "sam.patel@testshire.gov.uk")
        .await;
    browser.click("form[action='/staff/accounts'] button").await;
    browser.wait_for_url(|u| u.ends_with("done=added")).await;
    look(&browser, "staff-accounts-added", &mut problems).await;
    assert!(
        browser
            .source()
            .await
            .contains("sam.patel@testshire.gov.uk")
    );
    browser.click("form[action='/staff/accounts'] button").await;
    browser.wait_for_text("error-summary").await;
    look(&browser, "staff-accounts-error", &mut problems).await;

    // A page with case content: the refusal, in the staff look.
    browser.goto(&app.url("/staff/report")).await;
    browser.wait_for_text("That cannot be done from here").await;
    look(&browser, "staff-forbidden", &mut problems).await;

    // Out, and in again: the password, then a code.
    browser.goto(&app.url("/staff/accounts")).await;
    browser.click("form.signout button").await;
    browser.wait_for_url(|u| u.ends_with("/staff/login")).await;
    sign_in(&browser, &app, &password).await;
    browser
        .wait_for_url(|u| u.contains("/staff/login/code"))
        .await;
    look(&browser, "staff-code", &mut problems).await;
    browser
        .type_into("#code", &app_code(&key, unix_now() + 30))
        .await;
    browser.click("form.step button[type=submit]").await;
    browser
        .wait_for_url(|u| u.ends_with("/staff/accounts"))
        .await;

    assert!(
        problems.is_empty(),
        "problems on the accounts pages:\n{}",
        problems.join("\n")
    );
}

#[tokio::test]
async fn the_password_set_page_works_in_a_browser_at_390_pixels() {
    let app = spawn_app_with(|_| {}).await;
    app.add_staff("cro@testshire.gov.uk", "officer").await;
    let member = app
        .store
        .staff_for_login("cro@testshire.gov.uk")
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
            have_your_say::store::now_ms() + 60_000,
            "cro@testshire.gov.uk",
            &app.url(&path),
            "testshire.gov.uk",
        )
        .await
        .unwrap();
    let browser = Browser::start(Options {
        width: 390,
        height: 844,
        javascript: true,
    })
    .await;
    let mut problems = Vec::new();
    browser.goto(&app.url(&path)).await;
    look(&browser, "staff-password", &mut problems).await;
    browser.type_into("#password", "short").await;
    browser.type_into("#confirm", "short").await;
    // The browser's own `minlength` would stop the form; the server's message is what counts.
    browser
        .run("document.getElementById('password').removeAttribute('minlength');")
        .await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("error-summary").await;
    look(&browser, "staff-password-error", &mut problems).await;
    browser
        .type_into("#password", "four random garden words")
        .await;
    browser
        .type_into("#confirm", "four random garden words")
        .await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("Your password is set").await;
    look(&browser, "staff-password-done", &mut problems).await;
    browser.goto(&app.url(&path)).await;
    browser.wait_for_text("used already").await;
    look(&browser, "staff-password-used", &mut problems).await;
    assert!(
        problems.is_empty(),
        "problems on the password pages:\n{}",
        problems.join("\n")
    );
}
