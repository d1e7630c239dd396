//! In headless Chromium, as a person would: leave the page quickly with Shift pressed three
//! times or the button (with JavaScript on and off), and the back button does not bring the
//! answers back.

mod helpers;

use helpers::spawn_app_with;
use helpers::webdriver::{Browser, Options};

const SHIFT: &str = "\u{E008}";
const PRIVATE: &str = "Zebracorn told me a secret";

async fn answer_a_few_questions(browser: &Browser, app: &helpers::TestApp) {
    browser.goto(&app.url("/")).await;
    browser.click("button.button-start").await;
    browser.click("button[value=complaint]").await;
    browser.click("button[value=young_person]").await;
    browser.click("button[value=money]").await;
    browser.type_into("textarea#answer", PRIVATE).await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("What would make it better?").await;
    assert!(
        browser.source().await.contains(PRIVATE),
        "the answer is in the transcript"
    );
}

#[tokio::test]
async fn three_shift_presses_leave_at_once_and_back_does_not_bring_the_answers_back() {
    let app = spawn_app_with(|c| c.exit_url = "/health".into()).await;
    let browser = Browser::start(Options::default()).await;
    answer_a_few_questions(&browser, &app).await;
    browser.screenshot("chat-step-320-en-GB").await;

    browser.press(SHIFT, 3).await;

    browser.wait_for_url(|u| u.ends_with("/health")).await;
    assert!(!browser.source().await.contains("Zebracorn"));
    assert_eq!(
        app.count("conversations").await,
        0,
        "the server forgot the conversation"
    );
    browser.back().await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let source = browser.source().await;
    assert!(
        !source.contains("Zebracorn"),
        "back showed the answers again: {}",
        browser.url().await
    );
}

#[tokio::test]
async fn the_leave_button_works_without_javascript() {
    let app = spawn_app_with(|c| c.exit_url = "/health".into()).await;
    let browser = Browser::start(Options {
        javascript: false,
        ..Options::default()
    })
    .await;
    answer_a_few_questions(&browser, &app).await;

    browser.click("a.exit-button").await;

    browser.wait_for_url(|u| u.ends_with("/health")).await;
    assert_eq!(app.count("conversations").await, 0);
    browser.back().await;
    assert!(!browser.source().await.contains("Zebracorn"));
}

#[tokio::test]
async fn two_shift_presses_do_nothing() {
    let app = spawn_app_with(|c| c.exit_url = "/health".into()).await;
    let browser = Browser::start(Options::default()).await;
    answer_a_few_questions(&browser, &app).await;
    browser.press(SHIFT, 2).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(browser.url().await.contains("/chat"));
    assert_eq!(app.count("conversations").await, 1);
}
