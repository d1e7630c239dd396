//! WCAG 2.2 AA, checked by axe-core (from npm; `.ci/lib.sh` installs it) injected into every
//! page type in headless Chromium, in English and in a right-to-left language, with screenshots
//! at 320 px left in `test-artifacts/` for a person to look at.

use crate::helpers;

use helpers::axe::{axe_source, violations};
use helpers::webdriver::{Browser, Options};
use helpers::{TestApp, spawn_app};

async fn check(browser: &Browser, axe: &str, name: &str, problems: &mut Vec<String>) {
    browser.screenshot(name).await;
    for v in violations(browser, axe).await {
        problems.push(format!("{name}: {v}"));
    }
}

async fn walk_every_page(app: &TestApp, browser: &Browser, lang: &str, problems: &mut Vec<String>) {
    let axe = axe_source();
    let page = |name: &str| format!("{name}-320-{lang}");
    browser.goto(&app.url(&format!("/?lang={lang}"))).await;
    check(browser, &axe, &page("start"), problems).await;
    browser.goto(&app.url("/help")).await;
    check(browser, &axe, &page("help"), problems).await;
    browser.goto(&app.url("/track")).await;
    check(browser, &axe, &page("track"), problems).await;
    browser.goto(&app.url("/privacy")).await;
    check(browser, &axe, &page("privacy"), problems).await;

    browser.goto(&app.url("/")).await;
    browser.click("button.button-start").await;
    check(browser, &axe, &page("choice"), problems).await;
    for value in ["complaint", "young_person", "money"] {
        browser.click(&format!("button[value={value}]")).await;
    }
    browser.wait_for_text("textarea").await;
    check(browser, &axe, &page("text"), problems).await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("error-summary").await;
    check(browser, &axe, &page("error"), problems).await;
    browser.type_into("textarea#answer", "Late money").await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("what-would-help").await;
    browser.click("form.step button[type=submit]").await;
    browser.click("button[value=no]").await;
    browser.click("button[value=email]").await;
    browser.wait_for_text("type=\"email\"").await;
    check(browser, &axe, &page("email"), problems).await;
    browser.type_into("input#answer", "sam@example.org").await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("first-name").await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("inputmode=\"numeric\"").await;
    check(browser, &axe, &page("number"), problems).await;
    browser.type_into("input#answer", "14").await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("about-you").await;
    check(browser, &axe, &page("about-you"), problems).await;
    browser.click("button[value=yes]").await;
    browser.wait_for_text("about-you-gender").await;
    check(browser, &axe, &page("about-you-gender"), problems).await;
    browser.click("button[value=prefer_not_to_say]").await;
    browser.wait_for_text("about-you-disability").await;
    check(browser, &axe, &page("about-you-disability"), problems).await;
    browser.click("button[value=prefer_not_to_say]").await;
    browser.wait_for_text("about-you-ethnicity").await;
    check(browser, &axe, &page("about-you-ethnicity"), problems).await;
    browser.click("button[value=prefer_not_to_say]").await;
    browser.wait_for_text("class=\"summary\"").await;
    check(browser, &axe, &page("check"), problems).await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("class=\"reference\"").await;
    check(browser, &axe, &page("done"), problems).await;
}

#[tokio::test]
async fn every_page_type_has_no_accessibility_violations_in_english() {
    let app = spawn_app().await;
    let browser = Browser::start(Options::default()).await;
    let mut problems = Vec::new();
    walk_every_page(&app, &browser, "en-GB", &mut problems).await;

    // The staff pages too.
    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    browser.goto(&app.url("/staff/login")).await;
    check(&browser, &axe_source(), "staff-login-320", &mut problems).await;
    browser.type_into("#email", "cro@council.gov.uk").await;
    browser.type_into("#password", &password).await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("class=\"cases\"").await;
    check(&browser, &axe_source(), "staff-inbox-320", &mut problems).await;
    browser.click("table.cases a").await;
    browser.wait_for_text("class=\"timeline\"").await;
    check(&browser, &axe_source(), "staff-case-320", &mut problems).await;

    assert!(
        problems.is_empty(),
        "accessibility violations:\n{}",
        problems.join("\n")
    );
}

#[tokio::test]
async fn every_page_type_has_no_accessibility_violations_right_to_left() {
    let app = spawn_app().await;
    let browser = Browser::start(Options::default()).await;
    let mut problems = Vec::new();
    walk_every_page(&app, &browser, "ar", &mut problems).await;
    let dir = browser.run("return document.documentElement.dir;").await;
    assert_eq!(dir, serde_json::json!("rtl"));
    assert!(
        problems.is_empty(),
        "accessibility violations:\n{}",
        problems.join("\n")
    );
}
