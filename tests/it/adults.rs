//! Adults on a child's behalf: each adult branch in adult wording, the stored fields, the
//! emails, and what each party can and cannot see.

use crate::helpers;

use have_your_say::domain::Reference;
use helpers::{Page, TestApp, spawn_app};

async fn stored(app: &TestApp, page: &Page) -> have_your_say::domain::Case {
    app.store
        .case_by_reference(&Reference::parse(&page.reference()).unwrap())
        .await
        .unwrap()
        .unwrap()
}

const FOSTER_CARER: &[&str] = &[
    "complaint",
    "parent_carer",
    "foster_carer",
    "Jo Bloggs",
    "Anyshire Fostering",
    "Casey",
    "9",
    "yes",
    "yes",
    "no",
    "seeing_family",
    "Contact with her brother was cancelled three times",
    "She said: I miss my brother",
    "Regular contact",
    "yes",
    "phone",
    "07700 900456",
];

#[tokio::test]
async fn a_foster_carer_complains_for_a_child_and_the_case_records_who_and_on_whose_behalf() {
    let app = spawn_app().await;
    let done = app.send(FOSTER_CARER).await;
    let case = stored(&app, &done).await;
    assert_eq!(case.submitted_by.as_str(), "carer");
    let adult = case.adult.as_ref().expect("an adult sent it");
    assert_eq!(adult.role.as_str(), "foster_carer");
    assert_eq!(adult.name.as_deref(), Some("Jo Bloggs"));
    assert_eq!(adult.organisation.as_deref(), Some("Anyshire Fostering"));
    assert_eq!(adult.child_consent.map(|c| c.as_str()), Some("yes"));
    assert_eq!(adult.child_has_advocate.map(|c| c.as_str()), Some("no"));
    assert_eq!(
        case.first_name.as_deref(),
        Some("Casey"),
        "the child's name"
    );
    assert_eq!(case.age, Some(9), "the child's age");
    assert_eq!(
        case.contact_value.as_deref(),
        Some("07700 900456"),
        "the adult's number"
    );
    assert_eq!(case.advocate_wanted.as_str(), "yes");
    assert!(
        format!("{:?}", case.answers).contains("I miss my brother"),
        "the child's own words kept"
    );
}

#[tokio::test]
async fn each_adult_branch_maps_to_the_reports_split() {
    let app = spawn_app().await;
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &[
                "comment",
                "helping",
                "advocate",
                "Sam Advocate",
                "Voice Advocacy",
                "",
                "15",
                "too_young",
                "school",
                "School moves too often",
                "",
                "email",
                "sam@voice.org.uk",
            ],
            "advocate",
            "advocate",
        ),
        (
            &[
                "compliment",
                "someone_else",
                "professional",
                "Dr Lee",
                "",
                "Max",
                "12",
                "dont_know",
                "dont_know",
                "health",
                "Max's worker was brilliant",
                "",
                "email",
                "lee@nhs.example.uk",
            ],
            "other",
            "professional",
        ),
        (
            &[
                "complaint",
                "parent_carer",
                "parent",
                "A Parent",
                "",
                "",
                "4",
                "too_young",
                "dont_know",
                "where_i_live",
                "The placement is cold",
                "",
                "",
                "not_sure",
                "phone",
                "07700 900789",
            ],
            "parent_family",
            "parent",
        ),
    ];
    for (answers, report_role, adult_role) in cases {
        let done = app.send(answers).await;
        let case = stored(&app, &done).await;
        assert_eq!(case.submitted_by.as_str(), *report_role, "{answers:?}");
        assert_eq!(
            case.adult.as_ref().map(|a| a.role.as_str()),
            Some(*adult_role)
        );
        app.get("/leave").await;
    }
}

#[tokio::test]
async fn an_adult_must_leave_a_way_to_reach_them() {
    let app = spawn_app().await;
    let page = app
        .walk(&[
            "complaint",
            "parent_carer",
            "parent",
            "A Parent",
            "",
            "",
            "7",
            "yes",
            "yes",
            "no",
            "money",
            "Late",
            "",
            "",
            "no",
        ])
        .await;
    assert_eq!(page.step_id(), "adult-contact");
    assert!(
        !page.body.contains("value=\"none\""),
        "no 'don't contact me' for adults"
    );
    let refused = app.answer_step("adult-contact", &["none"]).await;
    assert_eq!(refused.status, 422);
}

#[tokio::test]
async fn adults_and_children_are_spoken_to_differently() {
    let app = spawn_app().await;
    let child = app
        .walk(&[
            "complaint",
            "young_person",
            "money",
            "Late",
            "",
            "no",
            "none",
            "",
        ])
        .await;
    assert_eq!(child.heading(), "How old are you?");
    app.get("/leave").await;
    let adult = app
        .walk(&["complaint", "parent_carer", "parent", "A Parent", "", ""])
        .await;
    assert_eq!(adult.heading(), "How old are they?");
    app.get("/leave").await;
    let adult = app.walk(&["complaint", "helping"]).await;
    assert!(
        adult
            .body
            .contains("Thank you for helping a child or young person have their say")
    );
    let child = app.walk(&["complaint", "young_person", "money"]).await;
    assert_eq!(child.heading(), "What happened?");
    let adult = app
        .walk(&[
            "complaint",
            "helping",
            "advocate",
            "Sam",
            "",
            "",
            "12",
            "yes",
            "yes",
            "money",
        ])
        .await;
    assert!(
        adult
            .heading()
            .starts_with("What happened? Please include dates")
    );
}

#[tokio::test]
async fn the_rights_officer_email_says_who_sent_it_and_whether_the_child_agreed() {
    let app = spawn_app().await;
    app.send(FOSTER_CARER).await;
    app.dispatch_emails().await;
    let eml = app
        .dropped_emails()
        .into_iter()
        .find(|e| e.contains("To: rights-officer@example.invalid"))
        .expect("no email to the rights officer");
    let parsed = mail_parser::MessageParser::default()
        .parse(eml.as_bytes())
        .unwrap();
    let text = parsed.body_text(0).unwrap().into_owned();
    assert!(
        text.contains("A carer (Foster carer, Anyshire Fostering)"),
        "{text}"
    );
    assert!(text.contains("Child knows and agrees: Yes"), "{text}");
}

#[tokio::test]
async fn an_adult_tracking_the_case_sees_status_and_replies_but_not_the_childs_details() {
    let app = spawn_app().await;
    let done = app.send(FOSTER_CARER).await;
    let (reference, secret) = (done.reference(), done.secret().unwrap());
    app.get("/leave").await;
    let page = Page::from(
        app.post("/track", &[("reference", &reference), ("secret", &secret)])
            .await,
    )
    .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("We got your message"));
    for private in ["Casey", "I miss my brother", "cancelled three times"] {
        assert!(
            !page.body.contains(private),
            "{private} shown on the tracking page"
        );
    }
}

#[tokio::test]
async fn the_advocate_sees_an_adults_referral_in_the_staff_area() {
    let app = spawn_app().await;
    let done = app.send(FOSTER_CARER).await;
    let password = app.add_staff("worker@advocacy.org.uk", "advocate").await;
    let (browser, _) = app.sign_in("worker@advocacy.org.uk", &password, None).await;
    let page = Page::from(
        browser
            .get(app.url(&format!("/staff/cases/{}", done.reference())))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Jo Bloggs"));
    assert!(
        page.body.contains("I miss my brother"),
        "the child's words, in the transcript"
    );
}

#[tokio::test]
async fn an_advocate_is_asked_one_thing_at_a_time_and_nothing_their_role_already_answers() {
    let app = spawn_app().await;
    let mut page = app.start().await;
    let mut seen = Vec::new();
    for value in [
        "complaint",
        "helping",
        "advocate",
        "Sam Advocate",
        "Voice Advocacy",
        "Kai",
        "13",
        "yes",
        "no",
        "money",
        "His allowance stopped in May",
        "",
        "Back pay",
        "email",
        "sam@voice.org.uk",
    ] {
        seen.push(page.step_id());
        page = app.answer(value).await;
        assert!(page.status == 200, "{value}: {}", page.body);
    }
    if page.step_id() == "about-you" {
        page = app.answer_step("about-you", &["skip"]).await;
    }
    assert_eq!(page.step_id(), "check", "{seen:?}");
    // Knowing and agreeing are two questions, and "do they already have an advocate?" and
    // "would they like one?" are not asked of their advocate.
    assert!(seen.contains(&"child-knows".to_owned()) && seen.contains(&"child-agrees".to_owned()));
    assert!(!seen.contains(&"child-has-advocate".to_owned()), "{seen:?}");
    assert!(!seen.contains(&"advocate-adult".to_owned()), "{seen:?}");
    let done = Page::from(
        app.post("/chat/answer", &[("step", "check"), ("then", "send")])
            .await,
    )
    .await;
    let case = stored(&app, &done).await;
    let adult = case.adult.expect("an adult");
    assert_eq!(
        adult.child_consent.map(|c| c.as_str()),
        Some("no"),
        "knows, does not agree"
    );
    assert_eq!(adult.child_has_advocate.map(|c| c.as_str()), Some("yes"));
}

#[tokio::test]
async fn a_child_who_does_not_know_is_not_asked_whether_they_agree_and_adults_are_not_kept_waiting()
{
    let app = spawn_app().await;
    let child = app.walk(&["complaint", "young_person"]).await;
    assert!(
        !child.body.contains("data-adult"),
        "children's pages keep the typing pause"
    );
    app.get("/leave").await;
    let page = app
        .walk(&[
            "complaint",
            "parent_carer",
            "parent",
            "A Parent",
            "",
            "",
            "6",
        ])
        .await;
    assert_eq!(page.step_id(), "child-knows");
    assert!(
        page.body.contains("id=\"now\" data-adult"),
        "no typing pause for adults"
    );
    let next = app.answer("no").await;
    assert_eq!(
        next.step_id(),
        "child-has-advocate",
        "not asked whether they agree"
    );
}
