//! The conversation engine on the shipped flow: walking each kind of feedback to the check
//! page, going back, changing answers, and the count of questions left. Answer checking and
//! the random-conversation property are in their own modules below.

mod answers;
mod random;

use super::*;
use crate::flow::CaseDraft;
use crate::flow::model::Answer;

fn shipped() -> Flow {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/flows/feedback.toml");
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn say(flow: &Flow, state: State, value: &str) -> State {
    let step = state.step.clone();
    answer(flow, &state, &step, &[value.to_owned()])
        .unwrap_or_else(|e| panic!("answer {value:?} at {step}: {e}"))
}

fn walk(flow: &Flow, values: &[&str]) -> State {
    values
        .iter()
        .fold(start(flow), |state, value| say(flow, state, value))
}

const COMPLAINT: &[&str] = &[
    "complaint",
    "young_person",
    "money",
    "My pocket money was late",
    "Pay it on time",
    "yes",
    "phone",
    "07700 900123",
    "Sam",
    "14",
    // The optional "About you" questions, skipped with one tap.
    "skip",
];

#[test]
fn a_complaint_walks_every_question_to_the_check_page() {
    let flow = shipped();
    let state = walk(&flow, COMPLAINT);
    assert_eq!(state.step, "check");
    let draft = CaseDraft::try_from(&answers_on_path(&flow, &state)).unwrap();
    assert_eq!(draft.summary, "My pocket money was late");
    assert_eq!(draft.desired_outcome.as_deref(), Some("Pay it on time"));
    let state = say(&flow, state, "");
    assert_eq!(state.step, "send");
}

#[test]
fn a_compliment_is_not_asked_what_would_make_it_better_or_about_an_advocate() {
    let flow = shipped();
    let state = walk(
        &flow,
        &[
            "compliment",
            "young_person",
            "school",
            "My teacher helped",
            "none",
            "",
            "11",
            "skip",
        ],
    );
    assert_eq!(state.step, "check");
    assert!(
        !state
            .history
            .iter()
            .any(|s| s == "what-would-help" || s == "advocate")
    );
}

#[test]
fn not_safe_goes_straight_to_help_and_can_end_there() {
    let flow = shipped();
    let state = walk(&flow, &["unsafe"]);
    assert_eq!(state.step, "unsafe-help");
    let state = walk(&flow, &["unsafe", "no"]);
    assert_eq!(state.step, "unsafe-end");
    assert_eq!(
        answer(&flow, &state, "unsafe-end", &[]),
        Err(AnswerError::NotAnswerable)
    );
}

#[test]
fn telling_someone_makes_a_short_urgent_case() {
    let flow = shipped();
    let state = walk(
        &flow,
        &[
            "unsafe",
            "yes",
            "My mum's boyfriend hits me",
            "",
            "",
            "no",
            "",
        ],
    );
    assert_eq!(state.step, "urgent-send");
    let draft = CaseDraft::try_from(&answers_on_path(&flow, &state)).unwrap();
    assert!(draft.urgent);
    assert_eq!(draft.summary, "My mum's boyfriend hits me");
}

#[test]
fn back_returns_to_the_previous_question_keeping_the_answer() {
    let flow = shipped();
    let state = walk(&flow, &["complaint", "young_person"]);
    let state = back(&state);
    assert_eq!(state.step, "role");
    assert_eq!(state.answers["role"], Answer::One("young_person".into()));
    assert_eq!(back(&back(&state)).step, "kind");
}

#[test]
fn changing_an_answer_returns_to_the_check_page() {
    let flow = shipped();
    let state = walk(&flow, COMPLAINT);
    let state = change(&flow, &state, "first-name").unwrap();
    assert_eq!(state.step, "first-name");
    let state = say(&flow, state, "Alex");
    assert_eq!(state.step, "check");
    assert_eq!(state.answers["first_name"], Answer::One("Alex".into()));
}

#[test]
fn changing_the_contact_method_asks_only_the_new_question() {
    let flow = shipped();
    let state = walk(&flow, COMPLAINT);
    let state = change(&flow, &state, "contact").unwrap();
    let state = say(&flow, state, "email");
    assert_eq!(state.step, "contact-email");
    let state = say(&flow, state, "sam@example.org");
    assert_eq!(state.step, "check");
    let kept = answers_on_path(&flow, &state);
    assert!(
        !kept.contains_key("contact_phone"),
        "old phone number must be dropped"
    );
    assert_eq!(
        CaseDraft::try_from(&kept).unwrap().contact_value.as_deref(),
        Some("sam@example.org")
    );
}

#[test]
fn changing_a_compliment_into_a_complaint_asks_the_complaint_questions() {
    let flow = shipped();
    let state = walk(
        &flow,
        &[
            "compliment",
            "young_person",
            "school",
            "My teacher helped",
            "none",
            "",
            "11",
            "skip",
        ],
    );
    let state = change(&flow, &state, "kind").unwrap();
    let state = say(&flow, state, "complaint");
    assert_eq!(state.step, "what-happened");
}

#[test]
fn change_is_only_allowed_from_the_check_page_and_to_an_answered_question() {
    let flow = shipped();
    let early = walk(&flow, &["complaint"]);
    assert!(change(&flow, &early, "kind").is_err());
    let done = walk(&flow, COMPLAINT);
    assert!(change(&flow, &done, "contact-email").is_err());
    assert!(change(&flow, &done, "no-such-step").is_err());
}

#[test]
fn rewinding_to_an_earlier_question_keeps_every_answer_and_shortens_the_trail() {
    let flow = shipped();
    let state = walk(&flow, &COMPLAINT[..4]);
    assert_eq!(state.step, "what-would-help");
    let back = rewind(&state, "about").expect("about is on the trail");
    assert_eq!(back.step, "about");
    assert_eq!(back.history, vec!["kind", "role"]);
    assert_eq!(back.answers, state.answers, "answers kept");
    assert_eq!(rewind(&state, "what-would-help"), Some(state.clone()));
    assert_eq!(rewind(&state, "age"), None, "not asked yet");
    assert_eq!(rewind(&state, "no-such-step"), None);
    // Answering it again goes on as before, and the next question shows its answer.
    let again = say(&flow, back, "money");
    assert_eq!(again.step, "what-happened");
    assert_eq!(
        again.answers.get("what_happened").and_then(|a| a.as_one()),
        Some("My pocket money was late")
    );
}

#[test]
fn the_questions_left_count_down_to_the_check_page() {
    let flow = shipped();
    let first = start(&flow);
    let at_start = questions_left(&flow, &first).expect("questions ahead");
    let later = walk(&flow, &COMPLAINT[..3]);
    let after_three = questions_left(&flow, &later).expect("questions ahead");
    assert!(after_three < at_start, "{after_three} < {at_start}");
    let age = walk(&flow, &COMPLAINT[..9]);
    assert_eq!(age.step, "age");
    // The age, then the optional "About you": its opening question and, if they say yes, three
    // more. A child who skips it finishes sooner; the hint never says "last" too early.
    assert_eq!(questions_left(&flow, &age), Some(5), "the longest way");
    let check = walk(&flow, COMPLAINT);
    assert_eq!(
        questions_left(&flow, &check),
        None,
        "none on the check page"
    );
}
