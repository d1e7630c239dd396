//! Checking what the child typed or chose against the step's input: the answer to save, or
//! the field error to show with its Fluent id and arguments.

use validator::{ValidateEmail, ValidateLength};

use super::{AnswerError, FieldError};
use crate::flow::model::{Answer, Input, Step};

fn invalid(message: &'static str) -> AnswerError {
    AnswerError::Invalid(FieldError {
        message,
        args: Vec::new(),
    })
}

fn invalid_with(message: &'static str, args: Vec<(&'static str, i64)>) -> AnswerError {
    AnswerError::Invalid(FieldError { message, args })
}

/// Check one answer against its step's input. `Ok(None)` means a skipped optional answer.
pub fn validate(step: &Step, values: &[String]) -> Result<Option<Answer>, AnswerError> {
    let single = || -> Option<String> {
        values
            .first()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    match &step.input {
        Input::Choice { options } => {
            let v = single().ok_or_else(|| invalid("error-choose-one"))?;
            options
                .iter()
                .any(|o| o.value == v)
                .then_some(Some(Answer::One(v)))
                .ok_or_else(|| invalid("error-choose-one"))
        }
        Input::Yesno => match single().as_deref() {
            Some(v @ ("yes" | "no")) => Ok(Some(Answer::One(v.to_owned()))),
            _ => Err(invalid("error-choose-one")),
        },
        Input::Consent => match single().as_deref() {
            Some("yes") => Ok(Some(Answer::One("yes".into()))),
            _ => Err(invalid("error-consent")),
        },
        Input::Multi { options, max } => {
            let mut chosen: Vec<String> = Vec::new();
            for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
                if !options.iter().any(|o| o.value == v) {
                    return Err(invalid("error-choose-from-list"));
                }
                if !chosen.iter().any(|c| c == v) {
                    chosen.push(v.to_owned());
                }
            }
            if chosen.is_empty() {
                return if step.required {
                    Err(invalid("error-choose-at-least-one"))
                } else {
                    Ok(None)
                };
            }
            if let Some(max) = max.filter(|m| chosen.len() > *m) {
                return Err(invalid_with(
                    "error-choose-at-most",
                    vec![("max", max as i64)],
                ));
            }
            Ok(Some(Answer::Many(chosen)))
        }
        Input::Text { max, min, lines } => {
            let raw = values.first().map(String::as_str).unwrap_or_default();
            let mut text = raw.replace("\r\n", "\n").trim().to_owned();
            if *lines <= 1 {
                text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            if text.is_empty() {
                return if step.required {
                    Err(invalid("error-type-something"))
                } else {
                    Ok(None)
                };
            }
            if !text.validate_length(None, Some(*max as u64), None) {
                return Err(invalid_with("error-too-long", vec![("max", *max as i64)]));
            }
            if !text.validate_length(Some(*min as u64), None, None) {
                return Err(invalid_with("error-too-short", vec![("min", *min as i64)]));
            }
            Ok(Some(Answer::One(text)))
        }
        Input::Email => {
            let Some(v) = single() else {
                return optional(step, "error-email-missing");
            };
            if v.len() > 254 || !v.validate_email() {
                return Err(invalid("error-email"));
            }
            Ok(Some(Answer::One(v)))
        }
        Input::Phone => {
            let Some(v) = single() else {
                return optional(step, "error-phone-missing");
            };
            let allowed = v.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
            let digits = v.chars().filter(char::is_ascii_digit).count();
            if !allowed || !(10..=13).contains(&digits) || v.len() > 25 {
                return Err(invalid("error-phone"));
            }
            Ok(Some(Answer::One(v)))
        }
        Input::Number { min, max } => {
            let range = || vec![("min", *min), ("max", *max)];
            let Some(v) = single() else {
                return if step.required {
                    Err(invalid_with("error-number", range()))
                } else {
                    Ok(None)
                };
            };
            match v.parse::<i64>() {
                Ok(n) if (*min..=*max).contains(&n) => Ok(Some(Answer::One(n.to_string()))),
                _ => Err(invalid_with("error-number", range())),
            }
        }
        Input::Review | Input::None => Ok(None),
        Input::Submit { .. } | Input::End => Err(AnswerError::NotAnswerable),
    }
}

fn optional(step: &Step, message: &'static str) -> Result<Option<Answer>, AnswerError> {
    if step.required {
        Err(invalid(message))
    } else {
        Ok(None)
    }
}
