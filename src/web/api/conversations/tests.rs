//! Checking the values of an answer request, as strictly as a form post is checked.

use super::*;

fn request(step: &str, value: Option<AnswerValue>) -> AnswerRequest {
    AnswerRequest {
        step: step.into(),
        value,
    }
}

#[test]
fn answers_are_checked_like_form_posts() {
    let one = |v: &str| Some(AnswerValue::One(v.into()));
    assert_eq!(
        checked_values(&request("age", one("14"))).unwrap(),
        vec!["14".to_owned()]
    );
    assert!(
        checked_values(&request("what", one("line\r\nline\ttab")))
            .unwrap()
            .len()
            == 1
    );
    assert!(checked_values(&request("check", None)).unwrap().is_empty());
    for bad in [
        request("", None),
        request(&"s".repeat(65), None),
        request("what", one("a\u{0}b")),
        request("what", one("\u{1b}[31m")),
        request("a\u{7}", None),
        request("about", Some(AnswerValue::Many(vec!["x".into(); 51]))),
    ] {
        assert!(
            matches!(checked_values(&bad), Err(ApiError::BadRequest(_))),
            "{bad:?}"
        );
    }
}
