//! Secret words in the child's language, and one code and one set of words from "finish later"
//! to tracking: the finish-later code is the reference the case gets, and the words are the
//! ones the confirmation shows.

use crate::helpers;

use helpers::{COMPLAINT, Page, spawn_app};

/// The words of a set, and its number.
fn shape(secret: &str) -> (Vec<String>, u32) {
    let mut parts: Vec<String> = secret.split(' ').map(str::to_owned).collect();
    let number = parts
        .pop()
        .and_then(|n| n.parse().ok())
        .expect("a number last");
    (parts, number)
}

#[tokio::test]
async fn a_set_is_four_different_words_and_a_three_digit_number() {
    let app = spawn_app().await;
    let done = app.send(COMPLAINT).await;
    let (words, number) = shape(&done.secret().expect("words shown"));
    assert_eq!(words.len(), 4);
    let unique: std::collections::BTreeSet<_> = words.iter().collect();
    assert_eq!(unique.len(), 4, "{words:?}");
    assert!((100..=999).contains(&number));
    let list = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/locales/en-GB/words.txt"
    ))
    .unwrap();
    assert!(
        words.iter().all(|w| list.lines().any(|l| l == w)),
        "{words:?}"
    );
}

#[tokio::test]
async fn an_arabic_conversation_gets_arabic_words_that_work_typed_another_way() {
    let app = spawn_app().await;
    app.get("/?lang=ar").await;
    let done = app.send(COMPLAINT).await;
    let reference = done.reference();
    let secret = done.secret().expect("words shown");
    let (words, number) = shape(&secret);
    let list =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/ar/words.txt"))
            .unwrap();
    assert!(
        words.iter().all(|w| list.lines().any(|l| l == w)),
        "{words:?}"
    );
    // Typed on a keyboard that gives other letter forms and Arabic-Indic digits.
    let digits: String = number
        .to_string()
        .chars()
        .map(|d| char::from_u32(0x0660 + d.to_digit(10).unwrap()).unwrap())
        .collect();
    let typed = format!(
        "{}، {digits}",
        words
            .join(" ")
            .replace('ة', "ه")
            .replace('أ', "ا")
            .replace('ى', "ي")
    );
    app.get("/leave").await;

    let page = app
        .post_as(
            &helpers::browser(),
            "/track",
            &[("reference", &reference), ("secret", &typed)],
        )
        .await;

    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.url.ends_with("/track/case"), "{}", page.url);
}

#[tokio::test]
async fn finish_later_gives_the_reference_and_words_the_case_keeps_to_the_end() {
    let app = spawn_app().await;
    app.walk(&COMPLAINT[..3]).await;
    let later = Page::from(app.post("/chat/later", &[]).await).await;
    assert_eq!(later.status, 200, "{}", later.body);
    let code = later.reference();
    assert!(code.starts_with("HYS-"), "{code}");
    let secret = later.secret().expect("words shown");
    // Asking again gives the same pair, not a second one.
    let again = Page::from(app.post("/chat/later", &[]).await).await;
    assert_eq!(
        (again.reference(), again.secret()),
        (code.clone(), Some(secret.clone()))
    );

    // On another phone, the tracking page with that pair carries on the conversation.
    let phone = helpers::browser();
    let carried = app
        .post_as(
            &phone,
            "/track",
            &[("reference", &code), ("secret", &secret)],
        )
        .await;
    assert_eq!(carried.status, 200, "{}", carried.body);
    assert_eq!(carried.step_id(), "what-happened", "{}", carried.body);
    // The first browser's conversation moved to the phone.
    let old = Page::from(app.get("/chat").await).await;
    assert_ne!(
        helpers::between(&old.body, "name=\"step\" value=\"", "\"").as_deref(),
        Some("what-happened")
    );

    let mut page = carried;
    for value in &COMPLAINT[3..] {
        page = app
            .post_as(
                &phone,
                "/chat/answer",
                &[("step", &page.step_id()), ("value", value)],
            )
            .await;
    }
    if page.step_id() == "about-you" {
        app.post_as(
            &phone,
            "/chat/answer",
            &[("step", "about-you"), ("value", "skip")],
        )
        .await;
    }
    let done = app
        .post_as(
            &phone,
            "/chat/answer",
            &[("step", "check"), ("then", "send")],
        )
        .await;
    assert!(done.url.ends_with("/chat/done"), "{}", done.body);
    assert_eq!(
        done.reference(),
        code,
        "the case takes the reserved reference"
    );
    assert_eq!(
        done.secret(),
        Some(secret.clone()),
        "and shows the same words"
    );
    // A reload of the confirmation shows them again, the same.
    let reload = Page::from(phone.get(app.url("/chat/done")).send().await.unwrap()).await;
    assert_eq!(reload.secret(), Some(secret.clone()));

    let tracked = app
        .post_as(
            &helpers::browser(),
            "/track",
            &[("reference", &code), ("secret", &secret)],
        )
        .await;
    assert!(tracked.url.ends_with("/track/case"), "{}", tracked.body);
    assert!(
        tracked.body.contains("We got your message"),
        "{}",
        tracked.body
    );
}

#[tokio::test]
async fn the_resume_page_takes_the_new_code_too() {
    let app = spawn_app().await;
    app.walk(&COMPLAINT[..3]).await;
    let later = Page::from(app.post("/chat/later", &[]).await).await;
    let (code, secret) = (later.reference(), later.secret().unwrap());

    let resumed = app
        .post_as(
            &helpers::browser(),
            "/resume",
            &[
                ("code", &code.to_lowercase()),
                ("secret", &secret.to_uppercase()),
            ],
        )
        .await;

    assert_eq!(resumed.status, 200, "{}", resumed.body);
    assert_eq!(resumed.step_id(), "what-happened");
}

#[tokio::test]
async fn a_wrong_pair_for_an_unsent_conversation_gets_the_neutral_message() {
    let app = spawn_app().await;
    app.walk(&COMPLAINT[..3]).await;
    let later = Page::from(app.post("/chat/later", &[]).await).await;
    let code = later.reference();

    let page = app
        .post_as(
            &helpers::browser(),
            "/track",
            &[("reference", &code), ("secret", "cat ball cloud green 472")],
        )
        .await;

    assert_eq!(page.status, 422, "{}", page.body);
    assert!(page.body.contains(&code), "the reference stays typed");
}
