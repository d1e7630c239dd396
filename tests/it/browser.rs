//! In headless Chromium, as a person would: leave the page quickly with Shift pressed three
//! times or the button (with JavaScript on and off), and the back button does not bring the
//! answers back.

use crate::helpers;

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
    browser
        .wait_for_script(
            "return document.readyState === 'complete';",
            "the page going back to loading",
        )
        .await;
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
    // About time: nothing may happen, so give what would happen (a page leaving) a moment.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let url = browser.url().await;
    assert!(url.contains("/chat"), "{url}");
    assert_eq!(app.count("conversations").await, 1);
}

/// Walk a whole complaint in the browser, clicking and typing as a person does.
async fn complete_a_complaint(browser: &Browser, app: &helpers::TestApp, shots: Option<&str>) {
    browser.goto(&app.url("/")).await;
    if let Some(name) = shots {
        browser.screenshot(&format!("start-{name}")).await;
    }
    browser.click("button.button-start").await;
    complaint_from_the_first_question(browser, app, shots).await;
}

/// The rest of [`complete_a_complaint`], from the first question to the confirmation.
async fn complaint_from_the_first_question(
    browser: &Browser,
    app: &helpers::TestApp,
    shots: Option<&str>,
) {
    for value in ["complaint", "young_person", "money"] {
        browser.click(&format!("button[value={value}]")).await;
    }
    browser
        .type_into("textarea#answer", "My money was late")
        .await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("What would make it better?").await;
    browser.click("form.step button[type=submit]").await;
    browser.click("button[value=no]").await;
    browser.click("button[value=none]").await;
    browser.wait_for_text("What is your first name?").await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("How old are you?").await;
    browser.type_into("input#answer", "abc").await;
    browser.click("form.step button[type=submit]").await;
    browser
        .wait_for_text("Please write a number from 0 to 25.")
        .await;
    if let Some(name) = shots {
        browser.screenshot(&format!("error-{name}")).await;
    }
    browser
        .type_into("input#answer", "\u{E003}\u{E003}\u{E003}14")
        .await;
    browser.click("form.step button[type=submit]").await;
    browser
        .wait_for_text("Can we ask you 3 quick questions about you?")
        .await;
    browser.click("button[value=skip]").await;
    browser.wait_for_text("Check your answers").await;
    if let Some(name) = shots {
        browser.screenshot(&format!("check-{name}")).await;
    }
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("Your reference is:").await;
    if let Some(name) = shots {
        browser.screenshot(&format!("done-{name}")).await;
    }
    assert_eq!(app.count("cases").await, 1);
}

#[tokio::test]
async fn the_whole_journey_works_with_javascript_off_at_320_pixels() {
    let app = helpers::spawn_app().await;
    let browser = Browser::start(Options {
        javascript: false,
        ..Options::default()
    })
    .await;
    complete_a_complaint(&browser, &app, None).await;
}

#[tokio::test]
async fn with_javascript_answers_arrive_without_reloading_the_page_and_focus_moves_to_the_question()
{
    let app = spawn_app_with(|c| c.exit_url = "/health".into()).await;
    let browser = Browser::start(Options {
        width: 1280,
        height: 900,
        javascript: true,
    })
    .await;
    browser.goto(&app.url("/")).await;
    browser.click("button.button-start").await;
    browser.wait_for_text("data-chat=\"ready\"").await;
    browser.run("window.__stillHere = true;").await;

    browser.click("button[value=complaint]").await;
    browser.wait_for_text("Who are you?").await;

    assert_eq!(
        browser.run("return window.__stillHere === true;").await,
        serde_json::json!(true),
        "no full page load"
    );
    assert!(
        browser.url().await.contains("/chat/role"),
        "the address follows the question"
    );
    let focused = browser
        .run("return document.activeElement && document.activeElement.textContent;")
        .await;
    assert_eq!(focused, serde_json::json!("Who are you?"));
    let logged = browser
        .run("return document.querySelector('[role=log] > ol').children.length;")
        .await;
    assert!(
        logged.as_u64().unwrap_or(0) >= 4,
        "the answer was added to the log: {logged}"
    );

    // The first page now offers to carry on; leave, to start a fresh one.
    browser.goto(&app.url("/leave")).await;
    complete_a_complaint(&browser, &app, Some("desktop-en-GB")).await;
}

#[tokio::test]
async fn the_journey_can_be_completed_with_the_keyboard_alone() {
    const ENTER: &str = "\u{E007}";
    const SPACE: &str = "\u{E00D}";
    let app = helpers::spawn_app().await;
    let browser = Browser::start(Options {
        width: 1280,
        height: 900,
        javascript: false,
    })
    .await;
    browser.goto(&app.url("/")).await;

    browser.tab_to("button.button-start").await;
    browser.press(ENTER, 1).await;
    browser.wait_for_text("What do you want to tell us?").await;
    for value in ["compliment", "young_person", "school"] {
        // Finding the button waits for the page that has it.
        browser.find(&format!("button[value={value}]")).await;
        browser.tab_to(&format!("button[value={value}]")).await;
        browser
            .press(
                if value == "young_person" {
                    SPACE
                } else {
                    ENTER
                },
                1,
            )
            .await;
    }
    browser.wait_for_text("What was good?").await;
    browser.tab_to("textarea#answer").await;
    browser.keys("My teacher listened").await;
    browser.tab_to("form.step button[type=submit]").await;
    browser.press(ENTER, 1).await;
    browser.wait_for_text("How can we contact you?").await;
    browser.tab_to("button[value=none]").await;
    browser.press(ENTER, 1).await;
    browser.wait_for_text("What is your first name?").await;
    browser.tab_to("form.step button[type=submit]").await;
    browser.press(ENTER, 1).await;
    browser.wait_for_text("How old are you?").await;
    browser.tab_to("input#answer").await;
    browser.keys("12").await;
    browser.press(ENTER, 1).await;
    browser
        .wait_for_text("Can we ask you 3 quick questions about you?")
        .await;
    browser.tab_to("button[value=skip]").await;
    browser.press(ENTER, 1).await;
    browser.wait_for_text("Check your answers").await;
    browser.tab_to("form.step button[type=submit]").await;
    browser.press(SPACE, 1).await;
    browser.wait_for_text("Your reference is:").await;
    assert_eq!(app.count("cases").await, 1);
}

/// Where the newest thing the child must read sits against the sticky "Leave this page" bar:
/// `(bar bottom, top of the first bubble or panel of the newest turn, its text)`.
async fn newest_against_the_bar(browser: &Browser) -> (f64, f64, String) {
    // A smooth scroll may still be moving: measure once it has come to rest. About time: two
    // readings 50 ms apart that agree are what "at rest" means.
    let mut last = serde_json::Value::Null;
    for _ in 0..100 {
        let y = browser.run("return window.scrollY;").await;
        if y == last {
            break;
        }
        last = y;
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let seen = browser
        .run(
            "const bar = document.querySelector('.exit-bar').getBoundingClientRect();\
             const now = document.querySelector('#now');\
             const first = now.querySelector('.safety-panel, .bubble, .help-panel, .question');\
             const r = first.getBoundingClientRect();\
             return [bar.bottom, r.top, first.textContent.trim().slice(0, 60)];",
        )
        .await;
    (
        seen[0].as_f64().unwrap_or_default(),
        seen[1].as_f64().unwrap_or(-1.0),
        seen[2].as_str().unwrap_or_default().to_owned(),
    )
}

#[tokio::test]
async fn the_leave_bar_never_covers_the_newest_bubble_at_320_and_360_pixels() {
    let app = spawn_app_with(|c| c.exit_url = "/health".into()).await;
    for width in [320, 360] {
        for javascript in [false, true] {
            let browser = Browser::start(Options {
                width,
                height: 640,
                javascript,
            })
            .await;
            for lang in ["en-GB", "ar"] {
                let name = format!("{width}px js={javascript} {lang}");
                browser.goto(&app.url(&format!("/?lang={lang}"))).await;
                browser.click("button.button-unsafe").await;
                browser.wait_for_text("href=\"tel:999\"").await;
                let (bar, top, text) = newest_against_the_bar(&browser).await;
                assert!(
                    top >= bar - 1.0,
                    "{name}: {text:?} at {top} under the bar ending at {bar}"
                );
                if width == 320 && lang == "en-GB" {
                    browser
                        .screenshot(&format!("not-safe-320-js-{javascript}"))
                        .await;
                }
                // Deeper in: a long transcript above, the newest turn must still be in view.
                browser.click("button[value=yes]").await;
                browser.wait_for_text("textarea").await;
                browser
                    .type_into("textarea#answer", "he hits me and i am scared to go home")
                    .await;
                browser.click("form.step button[type=submit]").await;
                browser.wait_for_text("id=\"safety-title\"").await;
                let (bar, top, text) = newest_against_the_bar(&browser).await;
                assert!(
                    top >= bar - 1.0,
                    "{name}: {text:?} at {top} under the bar ending at {bar}"
                );
                let scrolled = browser.run("return window.scrollY;").await;
                if width == 320 && lang == "en-GB" {
                    browser
                        .screenshot(&format!("not-safe-name-320-js-{javascript}"))
                        .await;
                }
                assert!(
                    scrolled.as_f64().unwrap_or_default() > 0.0 || top < 640.0,
                    "{name}: the newest turn is on screen"
                );
                browser.goto(&app.url("/leave")).await;
            }
        }
    }
}

#[tokio::test]
async fn with_javascript_a_whole_conversation_is_two_history_entries_and_leaving_replaces_them() {
    let app = spawn_app_with(|c| c.exit_url = "/health".into()).await;
    let browser = Browser::start(Options {
        width: 360,
        height: 800,
        javascript: true,
    })
    .await;
    browser.goto(&app.url("/")).await;
    browser.wait_for_text("data-chat=\"ready\"").await;
    let before = browser.run("return window.history.length;").await;

    browser.click("button.button-start").await;
    for value in ["complaint", "young_person", "money"] {
        browser.click(&format!("button[value={value}]")).await;
    }
    browser.type_into("textarea#answer", PRIVATE).await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("What would make it better?").await;

    let length = |v: serde_json::Value| v.as_u64().unwrap_or_default();
    let during = length(browser.run("return window.history.length;").await);
    assert_eq!(
        during,
        length(before.clone()) + 1,
        "two entries for the whole conversation, not one per question"
    );
    assert!(browser.url().await.contains("/chat/what-would-help"));

    browser.click(".exit-button").await;
    browser.wait_for_url(|u| u.ends_with("/health")).await;
    let after = length(browser.run("return window.history.length;").await);
    assert!(
        after <= length(before) + 1,
        "leaving replaced the conversation's entries: {after}"
    );
    browser.back().await;
    let url = browser.url().await;
    assert!(
        !url.starts_with(&app.url("/")),
        "Back leads away from the service, not to its start page: {url}"
    );
    assert!(!browser.source().await.contains(PRIVATE));
}

#[tokio::test]
async fn worrying_words_added_later_bring_help_to_the_top_of_the_tracking_page_at_320_pixels() {
    let app = spawn_app_with(|c| c.exit_url = "/health".into()).await;
    let done = app.send(helpers::COMPLIMENT).await;
    let (reference, secret) = (done.reference(), done.secret().expect("secret"));
    let browser = Browser::start(Options {
        width: 320,
        height: 640,
        javascript: true,
    })
    .await;
    browser.goto(&app.url("/track")).await;
    browser.type_into("input#reference", &reference).await;
    browser.type_into("input#secret", &secret).await;
    browser.click("form button[type=submit]").await;
    browser.wait_for_text("textarea").await;
    browser
        .type_into("textarea#more", "now the new carer hits me and i am scared")
        .await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("id=\"safety-title\"").await;
    browser.screenshot("track-help-320").await;
    let seen = browser
        .run(
            "const bar = document.querySelector('.exit-bar').getBoundingClientRect();\
             const panel = document.querySelector('.safety-panel').getBoundingClientRect();\
             return [bar.bottom, panel.top, window.innerHeight];",
        )
        .await;
    let (bar, top, height) = (
        seen[0].as_f64().unwrap_or_default(),
        seen[1].as_f64().unwrap_or(-1.0),
        seen[2].as_f64().unwrap_or_default(),
    );
    assert!(top >= bar - 1.0 && top < height, "help in view: {seen}");
    assert!(browser.source().await.contains("href=\"tel:999\""));
    assert!(!browser.url().await.contains("scared"));
}

/// The step id the page shows (the hidden field every step form carries).
async fn step_on_page(browser: &Browser) -> String {
    let source = browser.source().await;
    source
        .split("name=\"step\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

async fn wait_for_step(browser: &Browser, step: &str) {
    browser
        .wait_for_text(&format!("name=\"step\" value=\"{step}\""))
        .await;
    // With scripts on, the old question may still be in the page while the new one arrives.
    browser
        .wait_for_script(
            &format!(
                "const s = document.querySelector('input[name=step]'); \
                 return !!s && s.value === '{step}';"
            ),
            &format!("the page settling on {step}"),
        )
        .await;
}

/// From the first question: a complaint, by a young person, about money; on to "What happened?".
async fn choose_to_what_happened(browser: &Browser) {
    for (step, value) in [
        ("kind", "complaint"),
        ("role", "young_person"),
        ("about", "money"),
    ] {
        wait_for_step(browser, step).await;
        browser.click(&format!("button[value={value}]")).await;
    }
    wait_for_step(browser, "what-happened").await;
}

/// From "What happened?" (already typed) to "Check your answers": the other questions left
/// empty or answered "no", and the "About you" questions skipped.
async fn answer_to_check(browser: &Browser) {
    browser.click("form.step button[type=submit]").await;
    wait_for_step(browser, "what-would-help").await;
    browser.click("form.step button[type=submit]").await;
    wait_for_step(browser, "advocate").await;
    browser.click("button[value=no]").await;
    wait_for_step(browser, "contact").await;
    browser.click("button[value=none]").await;
    wait_for_step(browser, "first-name").await;
    browser.click("form.step button[type=submit]").await;
    wait_for_step(browser, "age").await;
    browser.click("form.step button[type=submit]").await;
    wait_for_step(browser, "about-you").await;
    browser.click("button[value=skip]").await;
    wait_for_step(browser, "check").await;
}

#[tokio::test]
async fn the_browser_back_button_reaches_the_question_before_with_the_answers_kept() {
    let app = spawn_app_with(|c| c.exit_url = "/health".into()).await;
    for javascript in [false, true] {
        let browser = Browser::start(Options {
            width: 320,
            height: 640,
            javascript,
        })
        .await;
        for lang in ["en-GB", "ar"] {
            let name = format!("js={javascript} {lang}");
            browser.goto(&app.url(&format!("/?lang={lang}"))).await;
            let before = if javascript {
                browser.run("return window.history.length;").await
            } else {
                serde_json::Value::Null
            };
            browser.click("button.button-start").await;
            choose_to_what_happened(&browser).await;
            browser.type_into("textarea#answer", PRIVATE).await;
            browser.click("form.step button[type=submit]").await;
            wait_for_step(&browser, "what-would-help").await;

            browser.back().await;
            wait_for_step(&browser, "what-happened").await;
            assert_eq!(
                browser.value("textarea#answer").await,
                PRIVATE,
                "{name}: the words are still in the box"
            );
            assert!(
                browser.url().await.contains("/chat/what-happened"),
                "{name}"
            );
            if lang == "en-GB" {
                browser
                    .screenshot(&format!("chat-back-320-js-{javascript}"))
                    .await;
            }
            browser.back().await;
            wait_for_step(&browser, "about").await;
            // (A page the browser kept in its back-forward cache shows it as it was: the
            // question itself, with the choice buttons to press again.)
            assert!(browser.url().await.contains("/chat/about"), "{name}");
            if javascript {
                let now = browser.run("return window.history.length;").await;
                assert!(
                    now.as_u64().unwrap_or(99) <= before.as_u64().unwrap_or(0) + 1,
                    "{name}: at most two entries: {before} then {now}"
                );
            }
            // And on again from there, the next answer waiting in its box.
            browser.click("button[value=money]").await;
            wait_for_step(&browser, "what-happened").await;
            assert_eq!(browser.value("textarea#answer").await, PRIVATE, "{name}");
            // The logo leads to the first page, which offers to carry on.
            browser.run("window.scrollTo(0, 0);").await;
            browser.click("a.brand").await;
            browser
                .wait_for_text("href=\"/chat/what-happened#now\"")
                .await;
            if lang == "en-GB" {
                browser
                    .screenshot(&format!("start-carry-on-320-js-{javascript}"))
                    .await;
            }
            browser.click("a[href='/chat/what-happened#now']").await;
            wait_for_step(&browser, "what-happened").await;
            browser.goto(&app.url("/leave")).await;
        }
    }
}

#[tokio::test]
async fn a_reload_after_a_refused_answer_shows_the_same_page_not_an_error() {
    let app = helpers::spawn_app().await;
    let browser = Browser::start(Options {
        width: 320,
        height: 640,
        javascript: false,
    })
    .await;
    browser.goto(&app.url("/")).await;
    browser.click("button.button-start").await;
    for value in ["complaint", "young_person", "money"] {
        browser.click(&format!("button[value={value}]")).await;
    }
    let too_long = "x".repeat(5001);
    browser.type_into("textarea#answer", &too_long).await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("class=\"error-summary\"").await;
    browser.screenshot("chat-error-320").await;
    browser.refresh().await;
    let source = browser.source().await;
    assert!(
        source.contains("class=\"error-summary\""),
        "still explained"
    );
    assert!(
        source.contains(&format!(">{too_long}</textarea>")),
        "still typed"
    );
    assert!(!source.contains("Sorry, something went wrong"));
}

#[tokio::test]
async fn with_no_signal_an_answer_stays_in_its_box_and_is_sent_when_the_signal_returns() {
    let app = spawn_app_with(|c| c.exit_url = "/health".into()).await;
    let browser = Browser::start(Options {
        width: 320,
        height: 640,
        javascript: true,
    })
    .await;
    for lang in ["en-GB", "ar"] {
        browser.goto(&app.url(&format!("/?lang={lang}"))).await;
        browser.wait_for_text("data-chat=\"ready\"").await;
        browser.click("button.button-start").await;
        choose_to_what_happened(&browser).await;

        browser.offline(true).await;
        browser.type_into("textarea#answer", PRIVATE).await;
        browser.click("form.step button[type=submit]").await;
        browser
            .wait_for_script(
                "const n = document.querySelector('.no-signal'); return !!n && !n.hidden;",
                &format!("{lang}: a calm no-signal line"),
            )
            .await;
        if lang == "en-GB" {
            browser.screenshot("chat-no-signal-320").await;
        }
        let kept = browser
            .run("return document.querySelector('textarea#answer').value;")
            .await;
        assert_eq!(kept, serde_json::json!(PRIVATE), "{lang}: still in the box");
        assert_eq!(step_on_page(&browser).await, "what-happened");
        assert!(browser.url().await.contains("/chat/what-happened"));

        browser.offline(false).await;
        wait_for_step(&browser, "what-would-help").await;
        let hidden = browser
            .run("const n = document.querySelector('.no-signal'); return !n || n.hidden;")
            .await;
        assert_eq!(hidden, serde_json::json!(true), "{lang}: the line goes");
        let stored = browser
            .run(
                "return window.localStorage.length + window.sessionStorage.length + \
                 document.cookie.length;",
            )
            .await;
        assert_eq!(stored, serde_json::json!(0), "{lang}: nothing on the phone");
        browser.goto(&app.url("/leave")).await;
    }
}

// ---- Equality monitoring: the optional "About you" questions at the end ---------------------

/// A child's complaint up to the "About you" question, clicking as a person does.
async fn walk_to_about_you(browser: &Browser, app: &helpers::TestApp) {
    browser.goto(&app.url("/")).await;
    browser.click("button.button-start").await;
    for value in ["complaint", "young_person", "money"] {
        browser.click(&format!("button[value={value}]")).await;
    }
    browser
        .type_into("textarea#answer", "My money was late")
        .await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("What would make it better?").await;
    browser.click("form.step button[type=submit]").await;
    browser.click("button[value=no]").await;
    browser.click("button[value=none]").await;
    browser.wait_for_text("What is your first name?").await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("How old are you?").await;
    browser.type_into("input#answer", "14").await;
    browser.click("form.step button[type=submit]").await;
    browser
        .wait_for_text("Can we ask you 3 quick questions about you?")
        .await;
}

/// The smallest width and height of any button or link the child can tap in the step's form.
async fn smallest_target(browser: &Browser) -> (f64, f64) {
    let sizes = browser
        .run(
            "return [...document.querySelectorAll('form.step button, form.step summary')]\
             .filter(e => e.offsetParent !== null)\
             .map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; });",
        )
        .await;
    let pairs: Vec<(f64, f64)> = sizes
        .as_array()
        .map(|a| {
            a.iter()
                .map(|p| {
                    (
                        p[0].as_f64().unwrap_or_default(),
                        p[1].as_f64().unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert!(!pairs.is_empty(), "no targets found");
    pairs.iter().fold((f64::MAX, f64::MAX), |(w, h), (pw, ph)| {
        (w.min(*pw), h.min(*ph))
    })
}

/// Stored equality answers: gender, disability, ethnicity (none when skipped).
type EqualityRow = (Option<String>, Option<String>, Option<String>);

async fn equality_row(app: &helpers::TestApp) -> Vec<EqualityRow> {
    sqlx::query_as("select gender, disability, ethnicity from case_equality")
        .fetch_all(app.store.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_child_answers_the_about_you_questions_with_javascript_off_at_320_pixels() {
    let app = helpers::spawn_app().await;
    let browser = Browser::start(Options {
        width: 320,
        height: 800,
        javascript: false,
    })
    .await;
    walk_to_about_you(&browser, &app).await;
    let source = browser.source().await;
    assert!(source.contains("so we can check we treat everyone fairly"));
    assert!(source.contains("Nobody will see these answers with your name"));
    browser.screenshot("equality-about-you-320-en-GB").await;
    let (w, h) = smallest_target(&browser).await;
    assert!(w >= 44.0 && h >= 44.0, "a target is {w}x{h}");
    browser.click("button[value=yes]").await;

    browser.wait_for_text("Which of these describes you?").await;
    browser.screenshot("equality-gender-320-en-GB").await;
    let (w, h) = smallest_target(&browser).await;
    assert!(w >= 44.0 && h >= 44.0, "a target is {w}x{h}");
    assert!(
        browser.source().await.contains("I&#39;d rather not say")
            || browser.source().await.contains("I'd rather not say")
    );
    browser.click("button[value=girl]").await;

    browser
        .wait_for_text("Do you have a disability or a long-term health condition?")
        .await;
    browser.screenshot("equality-disability-320-en-GB").await;
    let (w, h) = smallest_target(&browser).await;
    assert!(w >= 44.0 && h >= 44.0, "a target is {w}x{h}");
    browser.click("button[value=prefer_not_to_say]").await;

    browser
        .wait_for_text("Which group describes you best?")
        .await;
    browser.screenshot("equality-ethnicity-320-en-GB").await;
    let (w, h) = smallest_target(&browser).await;
    assert!(w >= 44.0 && h >= 44.0, "a target is {w}x{h}");
    let wide = browser
        .run("return document.documentElement.scrollWidth <= window.innerWidth;")
        .await;
    assert_eq!(
        wide,
        serde_json::json!(true),
        "no sideways scrolling at 320 px"
    );
    browser.click("button[value=mixed]").await;

    browser.wait_for_text("Check your answers").await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("Your reference is:").await;
    assert_eq!(
        equality_row(&app).await,
        [(
            Some("girl".into()),
            Some("prefer_not_to_say".into()),
            Some("mixed".into())
        )]
    );
    let answers: String = sqlx::query_scalar("select answers from cases")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert!(
        !answers.contains("equality") && !answers.contains("mixed"),
        "{answers}"
    );
}

#[tokio::test]
async fn one_tap_skips_the_about_you_questions_with_javascript_on() {
    let app = helpers::spawn_app().await;
    let browser = Browser::start(Options {
        width: 320,
        height: 800,
        javascript: true,
    })
    .await;
    walk_to_about_you(&browser, &app).await;
    browser.screenshot("equality-about-you-320-en-GB-js").await;
    let (w, h) = smallest_target(&browser).await;
    assert!(w >= 44.0 && h >= 44.0, "a target is {w}x{h}");
    browser.click("button[value=skip]").await;
    browser.wait_for_text("Check your answers").await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("Your reference is:").await;
    assert_eq!(equality_row(&app).await, [(None, None, None)]);
}

#[tokio::test]
async fn the_about_you_questions_in_arabic_read_right_to_left_at_320_pixels() {
    let app = helpers::spawn_app().await;
    let browser = Browser::start(Options {
        width: 320,
        height: 800,
        javascript: false,
    })
    .await;
    browser.goto(&app.url("/?lang=ar")).await;
    browser.click("button.button-start").await;
    for value in ["comment", "young_person", "school"] {
        browser.click(&format!("button[value={value}]")).await;
    }
    browser.type_into("textarea#answer", "شكرا").await;
    browser.click("form.step button[type=submit]").await;
    browser.click("button[value=no]").await;
    browser.click("button[value=none]").await;
    browser.wait_for_text("ما اسمك الأول؟").await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("كم عمرك؟").await;
    browser.type_into("input#answer", "12").await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("أسئلة سريعة عنك").await;
    assert!(browser.source().await.contains("dir=\"rtl\""));
    browser.screenshot("equality-about-you-320-ar").await;
    browser.click("button[value=yes]").await;
    browser.click("button[value=another_way]").await;
    browser.click("button[value=not_sure]").await;
    browser.wait_for_text("ما الخلفية التي تصفك أكثر؟").await;
    browser.screenshot("equality-ethnicity-320-ar").await;
    let (w, h) = smallest_target(&browser).await;
    assert!(w >= 44.0 && h >= 44.0, "a target is {w}x{h}");
}

#[tokio::test]
async fn the_case_pages_list_forms_fit_320_pixels_with_the_birmingham_lists() {
    // The longest labels shipped: Appendix B's sixty categories and the Trust's teams.
    let lists = have_your_say::lists::Lists::read(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales/en-GB/lists.birmingham.toml"),
    )
    .unwrap();
    let app = spawn_app_with(|c| c.procedures.lists = std::sync::Arc::new(lists)).await;
    let reference = app
        .send(&[
            "complaint",
            "young_person",
            "money",
            "My allowance was late",
            "",
            "no",
            "none",
            "",
            "14",
        ])
        .await
        .reference();
    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    let browser = Browser::start(Options {
        width: 320,
        height: 640,
        javascript: false,
    })
    .await;
    browser.goto(&app.url("/staff/login")).await;
    browser.type_into("input#email", "cro@council.gov.uk").await;
    browser.type_into("input#password", &password).await;
    browser.click("form button[type=submit]").await;
    browser.wait_for_url(|u| !u.contains("/login")).await;
    browser
        .goto(&app.url(&format!("/staff/cases/{reference}")))
        .await;
    browser
        .wait_for_text("value=\"conduct_lack_of_knowledge_training\"")
        .await;
    browser.screenshot("staff-case-lists-320").await;
    let seen = browser
        .run(
            "const wide = [...document.querySelectorAll('body *')]\
               .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)\
               .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + \
               (e.getAttribute('href') || e.id || '') + ' ' + e.getBoundingClientRect().right);\
             return [document.documentElement.scrollWidth, window.innerWidth, wide];",
        )
        .await;
    let (scroll, width) = (
        seen[0].as_f64().unwrap_or(f64::MAX),
        seen[1].as_f64().unwrap_or_default(),
    );
    assert!(scroll <= width, "no sideways scroll at 320 px: {seen}");
}

#[tokio::test]
async fn an_unmatched_email_with_a_long_word_fits_320_pixels_and_shows_its_markup_as_text() {
    let app = helpers::spawn_app().await;
    sqlx::query(
        "insert into inbound_mail (mailbox, uid_validity, uid, status, reason, sender, subject, \
         sent_at, body, attachments, created_at, updated_at) values ('INBOX', 1, 1, \
         'unmatched', 'unknown_sender', \
         'a.very.long.sender.address@example-council-partner.org.uk', \
         'Re: New complaint <script>alert(1)</script>', 1765100000000, \
         'About the referral: Averyveryverylongwordwithoutanyspacesthatwouldpushthepagesideways \
         <b>bold</b>', '[]', 1, 1)",
    )
    .execute(app.store.pool())
    .await
    .unwrap();
    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    let browser = Browser::start(Options {
        width: 320,
        height: 900,
        javascript: false,
    })
    .await;
    browser.goto(&app.url("/staff/login")).await;
    browser.type_into("input#email", "cro@council.gov.uk").await;
    browser.type_into("input#password", &password).await;
    browser.click("form button[type=submit]").await;
    browser.wait_for_url(|u| !u.contains("/login")).await;
    browser.goto(&app.url("/staff/mail")).await;
    browser.wait_for_text("Averyvery").await;
    browser.screenshot("staff-unmatched-mail-320").await;
    let fits = browser
        .run("return document.documentElement.scrollWidth <= window.innerWidth;")
        .await;
    assert_eq!(fits, serde_json::json!(true), "no sideways scroll");
    let source = browser.source().await;
    assert!(
        source.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{source}"
    );
    assert!(!source.contains("<b>bold</b>"));
}

/// Every link, button, summary and field on the page that is smaller than 44 × 44 CSS pixels,
/// described so a failure says which (the skip links only show when focused, and are then big).
async fn small_targets(browser: &Browser) -> Vec<String> {
    let found = browser
        .run(
            "return [...document.querySelectorAll('a[href], button, summary, input:not([type=hidden]), select, textarea')]\
             .filter(e => e.offsetParent !== null && !e.closest('.visually-hidden, [aria-hidden=true]') && !e.classList.contains('skip-link'))\
             .map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height, e.tagName + '.' + e.className + ' ' + (e.textContent || e.name || '').trim().slice(0, 40)]; })\
             .filter(([w, h]) => w < 44 || h < 44)\
             .map(([w, h, what]) => `${what} ${Math.round(w)}x${Math.round(h)}`);",
        )
        .await;
    helpers::webdriver::strings(&found)
}

/// A browser with a real 320 px screen: headless Chromium draws at least 500 px wide unless
/// told the screen's size.
async fn phone_at_320() -> Browser {
    let browser = Browser::start(Options {
        width: 320,
        ..Options::default()
    })
    .await;
    browser.phone_screen(320, 800).await;
    browser
}

#[tokio::test]
async fn every_tap_target_is_at_least_44_pixels_in_every_language_at_320_pixels() {
    let app = spawn_app_with(|c| c.exit_url = "/health".into()).await;
    let browser = phone_at_320().await;
    let mut problems = Vec::new();
    for lang in ["en-GB", "cy", "pl", "ar", "ur", "ps"] {
        let mut check = async |page: &str| {
            for small in small_targets(&browser).await {
                problems.push(format!("{lang} {page}: {small}"));
            }
            if let Some(wrapped) = exit_bar_wraps(&browser).await {
                problems.push(format!("{lang} {page}: {wrapped}"));
            }
        };
        browser.goto(&app.url(&format!("/?lang={lang}"))).await;
        check("start").await;
        browser.click("button.button-start").await;
        wait_for_step(&browser, "kind").await;
        check("kind").await;
        choose_to_what_happened(&browser).await;
        check("a typed answer").await;
        browser
            .type_into("textarea#answer", "My money was late")
            .await;
        answer_to_check(&browser).await;
        check("check your answers").await;
        browser.screenshot(&format!("targets-check-{lang}")).await;
        browser.click("form.step button[type=submit]").await;
        browser.wait_for_url(|u| u.ends_with("/chat/done")).await;
        check("done").await;
        browser.screenshot(&format!("targets-done-{lang}")).await;
        browser.goto(&app.url(&format!("/help?lang={lang}"))).await;
        check("help").await;
        browser.goto(&app.url(&format!("/track?lang={lang}"))).await;
        check("track").await;
        browser.goto(&app.url("/leave")).await;
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[tokio::test]
async fn read_it_to_me_is_on_every_child_page_and_reads_the_question_in_its_language() {
    let app = spawn_app_with(|c| c.exit_url = "/health".into()).await;
    let browser = phone_at_320().await;
    // What would be spoken, caught where the page hands it to the browser's voice.
    let listen = "window.__said = null; window.speechSynthesis.speak = function (u) { window.__said = [u.text, u.lang]; }; return true;";
    let heard = async |page: &str| -> (String, String) {
        browser
            .wait_for_script(
                "const b = document.querySelector('.read-aloud'); return !!b && !b.hidden;",
                &format!("the read-aloud control on the {page} page"),
            )
            .await;
        // It sits in the bar: the conversation keeps the page's width.
        let main = browser
            .run("return document.querySelector('main').getBoundingClientRect().width;")
            .await
            .as_f64()
            .unwrap_or_default();
        assert!(main >= 280.0, "{page}: main is {main} px wide");
        browser.run(listen).await;
        browser.click(".read-aloud").await;
        let said = browser.run("return window.__said;").await;
        (
            said[0].as_str().unwrap_or_default().to_owned(),
            said[1].as_str().unwrap_or_default().to_owned(),
        )
    };
    browser.goto(&app.url("/?lang=ar")).await;
    let (text, lang) = heard("start").await;
    assert_eq!(lang, "ar");
    assert!(!text.is_empty());
    browser.click("button.button-start").await;
    wait_for_step(&browser, "kind").await;
    let (text, lang) = heard("first question").await;
    assert_eq!(lang, "ar");
    assert!(text.contains("ماذا تريد أن تخبرنا؟"), "{text}");
    browser.goto(&app.url("/help")).await;
    let (text, _) = heard("help").await;
    assert!(text.contains("999"), "{text}");
    browser.goto(&app.url("/track")).await;
    heard("track").await;
    browser.goto(&app.url("/leave")).await;
    browser.goto(&app.url("/?lang=en-GB")).await;
    browser.click("button.button-start").await;
    wait_for_step(&browser, "kind").await;
    let (text, lang) = heard("first question in English").await;
    assert_eq!(lang, "en-GB");
    assert!(text.contains("What do you want to tell us?"), "{text}");
}

/// The layout shift on the page since it loaded, not caused by the person (the sum of
/// Chromium's `layout-shift` entries, which is at least what Lighthouse reports as CLS).
async fn layout_shift(browser: &Browser) -> f64 {
    browser
        .wait_for_script(
            "return document.readyState === 'complete';",
            "the page to finish loading",
        )
        .await;
    browser
        .run_async(
            "var done = arguments[arguments.length - 1];
             var shifts = [];
             var observer = new PerformanceObserver(function (list) {
               list.getEntries().forEach(function (e) { if (!e.hadRecentInput) { shifts.push(e.value); } });
             });
             observer.observe({type: 'layout-shift', buffered: true});
             requestAnimationFrame(function () { requestAnimationFrame(function () {
               observer.disconnect();
               done(shifts.reduce(function (a, b) { return a + b; }, 0));
             }); });",
        )
        .await
        .as_f64()
        .unwrap_or(f64::MAX)
}

#[tokio::test]
async fn pages_do_not_shift_when_scripts_add_controls_and_the_journey_weighs_under_45_kb() {
    let app = spawn_app_with(|c| c.exit_url = "/health".into()).await;
    let browser = Browser::start(Options {
        width: 360,
        ..Options::default()
    })
    .await;
    // The whole complaint journey from a cold cache, with scripts on, as a child meets it.
    browser.goto(&app.url("/")).await;
    let mut shifts = vec![("start".to_owned(), layout_shift(&browser).await)];
    browser.click("button.button-start").await;
    choose_to_what_happened(&browser).await;
    browser
        .type_into("textarea#answer", "My money was late")
        .await;
    answer_to_check(&browser).await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_url(|u| u.ends_with("/chat/done")).await;
    browser.wait_for_text("class=\"reference\"").await;
    let (bytes, elsewhere) = {
        let found = browser
            .run(
                "const all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));\
                 return [all.reduce((n, e) => n + (e.transferSize || 0), 0),\
                         all.filter(e => !e.name.startsWith(location.origin)).map(e => e.name)];",
            )
            .await;
        (found[0].as_f64().unwrap_or(f64::MAX), found[1].clone())
    };
    assert!(bytes > 0.0, "the sizes were measured");
    assert!(bytes <= 45.0 * 1024.0, "the journey took {bytes} bytes");
    assert_eq!(elsewhere, serde_json::json!([]), "no third-party requests");
    let fonts = browser
        .run("return document.fonts ? [...document.fonts].length : 0;")
        .await;
    assert_eq!(fonts, serde_json::json!(0), "no web fonts");

    // Each page type loaded afresh: scripts add the read-aloud control and the copy button
    // without moving what is already there.
    browser.goto(&app.url("/chat/done")).await;
    shifts.push(("done".into(), layout_shift(&browser).await));
    for path in ["/help", "/track", "/privacy"] {
        browser.goto(&app.url(path)).await;
        shifts.push((path.into(), layout_shift(&browser).await));
    }
    browser.goto(&app.url("/leave")).await;
    browser.goto(&app.url("/")).await;
    browser.click("button.button-start").await;
    choose_to_what_happened(&browser).await;
    browser.refresh().await;
    shifts.push(("a question".into(), layout_shift(&browser).await));
    for (page, shift) in &shifts {
        assert!(*shift < 0.1, "{page}: layout shift {shift} ({shifts:?})");
    }
    println!("layout shift per page: {shifts:?}; journey {bytes} bytes");
}

#[tokio::test]
async fn a_closed_complaint_on_the_tracking_page_at_320_pixels_shows_the_outcome_the_next_right_and_what_was_sent()
 {
    let app = spawn_app_with(|c| c.exit_url = "/health".into()).await;
    let done = app.send(helpers::COMPLAINT).await;
    let (reference, secret) = (done.reference(), done.secret().expect("words"));
    app.get("/leave").await;
    let officer = helpers::StaffBrowser::sign_in(&app, "cro@council.gov.uk", "officer").await;
    officer
        .act(&reference, "outcome", &[("outcome", "partly_upheld")])
        .await;
    officer.act(&reference, "close", &[]).await;

    let browser = phone_at_320().await;
    browser.goto(&app.url("/track")).await;
    browser.type_into("#reference", &reference).await;
    browser.type_into("#secret", &secret).await;
    browser.click("form button[type=submit]").await;
    browser.wait_for_text("What we decided").await;
    browser.screenshot("track-closed-320").await;
    let source = browser.source().await;
    assert!(source.contains("We agreed with some of your complaint."));
    assert!(source.contains("you can ask for Stage 2 of your complaint"));
    // Their words wait behind one tap.
    let shown = "return [...document.querySelectorAll('.sent-rows dd')].some(d => d.checkVisibility() && d.textContent.includes('Late pocket money'));";
    assert_eq!(browser.run(shown).await, serde_json::json!(false));
    browser.click(".sent summary").await;
    assert_eq!(browser.run(shown).await, serde_json::json!(true));
    browser
        .run("document.querySelector('.sent').scrollIntoView(); return true;")
        .await;
    browser.screenshot("track-closed-sent-320").await;
    let wide = browser
        .run("return document.documentElement.scrollWidth <= window.innerWidth;")
        .await;
    assert_eq!(wide, serde_json::json!(true), "no sideways scroll");
}

/// Whether the "Leave this page" bar takes more than one line: `None` when it fits, else what
/// was measured. The read-aloud control counts only once a script has shown it.
async fn exit_bar_wraps(browser: &Browser) -> Option<String> {
    let seen = browser
        .run(
            "const bar = document.querySelector('.exit-bar');\
             if (!bar) { return null; }\
             const exit = bar.querySelector('.exit-button').getBoundingClientRect();\
             const read = bar.querySelector('.read-aloud');\
             const r = read && !read.hidden ? read.getBoundingClientRect() : exit;\
             return [bar.getBoundingClientRect().height, exit.top, r.top, exit.height, \
               exit.right, document.documentElement.clientWidth];",
        )
        .await;
    let n = |i: usize| seen[i].as_f64().unwrap_or_default();
    if seen.is_null() {
        return None;
    }
    let (bar, exit_top, read_top, exit_height, right, width) = (n(0), n(1), n(2), n(3), n(4), n(5));
    let one_line = bar <= 62.0 && (exit_top - read_top).abs() <= 2.0 && exit_height <= 50.0;
    (!one_line || right > width + 0.5).then(|| {
        format!(
            "the exit bar is {bar} px high (exit at {exit_top}, {exit_height} px high; \
             read-aloud at {read_top}; right edge {right} of {width})"
        )
    })
}

/// "How are you feeling?" on the first page at a real 320 px, scripts on and off: a tap on a
/// face is a choice, Start takes it along, and the case keeps it. Screenshots of the child's
/// pages at 320 px land in `test-artifacts/`.
#[tokio::test]
async fn a_feeling_face_chosen_at_320_pixels_reaches_the_case_with_javascript_on_and_off() {
    for javascript in [false, true] {
        let app = spawn_app_with(|c| c.exit_url = "/health".into()).await;
        let browser = Browser::start(Options {
            width: 320,
            javascript,
            ..Options::default()
        })
        .await;
        browser.phone_screen(320, 800).await;
        let shots = format!("320-js-{javascript}");
        browser.goto(&app.url("/")).await;
        browser.wait_for_text("How are you feeling?").await;
        // The five faces sit in one row inside the screen, each a big enough target.
        let faces = browser
            .run(
                "return Array.from(document.querySelectorAll('.face')).map(f => {\
                   const r = f.getBoundingClientRect(); return [r.top, r.width, r.height, r.right]; });",
            )
            .await;
        let faces = faces.as_array().cloned().unwrap_or_default();
        assert_eq!(faces.len(), 5, "js={javascript}");
        for face in &faces {
            let at = |i: usize| face[i].as_f64().unwrap_or_default();
            assert!(
                (at(0) - faces[0][0].as_f64().unwrap_or_default()).abs() < 1.0,
                "{face:?}"
            );
            assert!(at(1) >= 44.0 && at(2) >= 44.0, "{face:?}");
            assert!(at(3) <= 320.0, "{face:?}");
        }
        browser.click(".faces .face:nth-child(2)").await;
        let chosen = browser
            .run("return document.querySelector('input[name=feeling]:checked').value;")
            .await;
        assert_eq!(chosen, serde_json::json!("2"), "js={javascript}");
        browser.screenshot(&format!("start-feeling-{shots}")).await;
        browser.click("button.button-start").await;
        wait_for_step(&browser, "kind").await;
        browser.screenshot(&format!("question-{shots}")).await;
        complaint_from_the_first_question(&browser, &app, Some(&shots)).await;
        assert_eq!(app.count_where("cases", "feeling = 2").await, 1);
        if !javascript {
            // The pages around the conversation, as a child meets them on a small phone.
            for (path, name) in [
                ("/help", "help"),
                ("/privacy", "privacy"),
                ("/staying-safe-online", "staying-safe"),
                ("/accessibility", "accessibility"),
                ("/track", "track"),
            ] {
                browser.goto(&app.url(path)).await;
                browser.screenshot(&format!("{name}-{shots}")).await;
            }
            // A question with an answer typed, then "finish later".
            browser.goto(&app.url("/leave")).await;
            browser.goto(&app.url("/")).await;
            browser.click("button.button-start").await;
            choose_to_what_happened(&browser).await;
            browser
                .type_into("textarea#answer", "My pocket money was late again")
                .await;
            browser.screenshot(&format!("typed-answer-{shots}")).await;
            browser.click("form.later button").await;
            browser
                .wait_for_url(|u| u.contains("/later") || u.contains("/track"))
                .await;
            browser.screenshot(&format!("finish-later-{shots}")).await;
        }
    }
}
