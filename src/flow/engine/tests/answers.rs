//! Checking each answer: one meant for another step is refused, a bad one gets the message
//! for its fault, and text is trimmed and collapsed to one line where a step asks for one.

use super::*;

#[test]
fn an_answer_for_another_step_is_refused() {
    let flow = shipped();
    let state = start(&flow);
    assert_eq!(
        answer(&flow, &state, "role", &["helping".into()]),
        Err(AnswerError::NotCurrentStep("role".into()))
    );
}

#[test]
fn bad_answers_get_the_right_message() {
    let flow = shipped();
    let at = |values: &[&str]| walk(&flow, values);
    let cases: &[(&[&str], &str, &str)] = &[
        (&[], "", "error-choose-one"),
        (&[], "banana", "error-choose-one"),
        (
            &["complaint", "young_person", "money"],
            "   ",
            "error-type-something",
        ),
        (
            &["complaint", "young_person", "money"],
            &"x".repeat(5001),
            "error-too-long",
        ),
        (
            &["complaint", "young_person", "money", "a", "", "no", "email"],
            "not-an-email",
            "error-email",
        ),
        (
            &["complaint", "young_person", "money", "a", "", "no", "phone"],
            "12345",
            "error-phone",
        ),
        (
            &["complaint", "young_person", "money", "a", "", "no", "phone"],
            "0770090012a",
            "error-phone",
        ),
        (
            &[
                "complaint",
                "young_person",
                "money",
                "a",
                "",
                "no",
                "none",
                "",
            ],
            "26",
            "error-number",
        ),
        (
            &[
                "complaint",
                "young_person",
                "money",
                "a",
                "",
                "no",
                "none",
                "",
            ],
            "-1",
            "error-number",
        ),
        (
            &[
                "complaint",
                "young_person",
                "money",
                "a",
                "",
                "no",
                "none",
                "",
            ],
            "twelve",
            "error-number",
        ),
    ];
    for (path, value, want) in cases {
        let state = at(path);
        let step = state.step.clone();
        match answer(&flow, &state, &step, &[(*value).to_owned()]) {
            Err(AnswerError::Invalid(e)) => {
                assert_eq!(e.message, *want, "at {step} with {value:?}")
            }
            other => panic!("at {step} with {value:?}: expected {want}, got {other:?}"),
        }
    }
}

#[test]
fn text_is_trimmed_and_single_lines_are_collapsed() {
    let flow = shipped();
    let state = walk(
        &flow,
        &[
            "complaint",
            "young_person",
            "money",
            "  line one\r\nline two  ",
        ],
    );
    assert_eq!(
        state.answers["what_happened"],
        Answer::One("line one\nline two".into())
    );
    let state = walk(&flow, &[&COMPLAINT[..8], &["  Sam \n  Smith "]].concat());
    assert_eq!(state.answers["first_name"], Answer::One("Sam Smith".into()));
}
