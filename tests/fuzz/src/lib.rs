//! What must hold for any input to the service's decoders, whoever sends it. The fuzz targets in
//! `fuzz_targets/` (cargo-fuzz, run by `.ci/fuzz`) and the stable property test
//! `tests/it/decoders.rs` (in the normal suite) call these same checks, so both look for the same
//! faults: a panic anywhere, an error of the wrong kind, or an accepted input that breaks a rule.
//! Each check calls the functions the service uses; only the flow check takes `Flows::load`'s
//! two steps itself (to skip the folder), and `tests/it/decoders.rs` shows the two agree.

use std::collections::BTreeSet;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::{HeaderValue, Request};
use have_your_say::domain::SecretWords;
use have_your_say::domain::reference::{Reference, ResumeCode};
use have_your_say::error::WebError;
use have_your_say::flow::LintError;
use have_your_say::flow::load::lint;
use have_your_say::flow::model::Flow;
use have_your_say::i18n::Localizer;
use have_your_say::tracking::key_for;
use have_your_say::web::api::error::ApiError;
use have_your_say::web::api::extract::{self, Bearer};
use have_your_say::web::api::model::{AnswerRequest, AnswerValue, BackRequest, StartRequest};
use have_your_say::web::api::track::TrackRequest;
use have_your_say::web::form::FormFields;

/// How a flow file fared in the loader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowVerdict {
    /// Not a flow at all: the TOML or its shape is wrong.
    Unreadable,
    /// A flow, with this many lint problems (0: it would load).
    Linted(usize),
}

/// The flow loader on text instead of a file: the two steps `Flows::load` takes for each file
/// (`have-your-say check` and start-up call it), without the folder around them. Every problem
/// must name a step that exists, or none, and every message must print.
pub fn check_flow(text: &str, words: &Localizer) -> FlowVerdict {
    let Ok(flow) = toml::from_str::<Flow>(text) else {
        return FlowVerdict::Unreadable;
    };
    let problems = lint(&flow, words);
    for (step, problem) in &problems {
        assert!(!problem.is_empty(), "a lint problem without words");
        if let Some(step) = step {
            assert!(
                flow.step(step).is_some(),
                "the problem {problem:?} names step {step:?}, which is not in the flow"
            );
        }
        let shown = LintError {
            file: "fuzz.toml".into(),
            step: step.clone(),
            problem: problem.clone(),
        }
        .to_string();
        assert!(shown.contains(problem.as_str()));
    }
    if problems.is_empty() {
        // A flow that lints clean is safe to serve: its start step exists and every rule's goto
        // lands on a step.
        assert!(flow.step(&flow.start).is_some());
        for step in &flow.steps {
            for rule in &step.next {
                assert!(flow.step(&rule.goto).is_some());
            }
        }
    }
    FlowVerdict::Linted(problems.len())
}

/// The form decoder. A strict reading must agree with a lenient one (`serde_urlencoded`, which
/// replaces bad UTF-8 with U+FFFD): accepted bodies give the same fields in the same order, and
/// a refusal is always the one "bad text" error, for bad UTF-8 or a control character.
pub fn check_form(body: &[u8]) {
    let lenient: Vec<(String, String)> =
        serde_urlencoded::from_bytes(body).expect("the lenient reader takes any bytes");
    let bad = |s: &str| {
        s.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    };
    match FormFields::parse(body) {
        Ok(fields) => {
            let names: BTreeSet<&str> = lenient.iter().map(|(n, _)| n.as_str()).collect();
            for name in names {
                let want: Vec<String> = lenient
                    .iter()
                    .filter(|(n, _)| n == name)
                    .map(|(_, v)| v.clone())
                    .collect();
                assert_eq!(fields.all(name), want, "field {name:?}");
                assert!(!bad(name));
                assert!(want.iter().all(|v| !bad(v)));
            }
        }
        Err(WebError::BadRequest("error-bad-text")) => {
            assert!(
                lenient.iter().any(|(n, v)| bad(n)
                    || bad(v)
                    || n.contains('\u{FFFD}')
                    || v.contains('\u{FFFD}')),
                "refused a body whose every field is clean text"
            );
        }
        Err(other) => panic!("the form decoder gave {other:?}"),
    }
}

/// The API's JSON bodies, through the function every handler's extractor uses, into each
/// request type. A refusal must be a 400 `bad_request` that says something; anything accepted
/// must be JSON, and the fields must be the ones sent.
pub fn check_api_body(body: &[u8]) {
    let start = accepted::<StartRequest>(body);
    let answer = accepted::<AnswerRequest>(body);
    // The optional body of "back": `null` is no body.
    let back = accepted::<Option<BackRequest>>(body);
    let track = accepted::<TrackRequest>(body);
    // serde_json skips a field the request type does not have without checking its escapes, so
    // a body with a lone surrogate (`"\ude00"`) there can be taken although it does not read as
    // a whole: then only the refusals above are checked.
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(body) else {
        return;
    };
    let sent = |name: &str| -> Option<&serde_json::Value> {
        match &json {
            serde_json::Value::Object(fields) => fields.get(name),
            other => panic!("a request read from {other} (the API takes objects only)"),
        }
    };
    if let Some(start) = start {
        assert_eq!(start.flow.as_deref(), text(sent("flow")));
        assert_eq!(start.locale.as_deref(), text(sent("locale")));
    }
    if let Some(answer) = answer {
        assert_eq!(Some(answer.step.as_str()), text(sent("step")));
        match (&answer.value, sent("value")) {
            (None, None | Some(serde_json::Value::Null)) => {}
            (Some(AnswerValue::One(v)), Some(value)) => {
                assert_eq!(Some(v.as_str()), value.as_str())
            }
            (Some(AnswerValue::Many(vs)), Some(value)) => {
                assert_eq!(Some(vs.len()), value.as_array().map(Vec::len));
            }
            (got, value) => panic!("value {got:?} from {value:?}"),
        }
    }
    if let Some(back) = back {
        let step = back.and_then(|b| b.step);
        if json.is_null() {
            assert_eq!(step, None);
        } else {
            assert_eq!(step.as_deref(), text(sent("step")));
        }
    }
    if let Some(track) = track {
        assert_eq!(Some(track.reference.as_str()), text(sent("reference")));
        assert_eq!(Some(track.secret.as_str()), text(sent("secret")));
    }
}

fn text(value: Option<&serde_json::Value>) -> Option<&str> {
    value.and_then(serde_json::Value::as_str)
}

fn accepted<T: serde::de::DeserializeOwned>(body: &[u8]) -> Option<T> {
    match extract::parse::<T>(body) {
        Ok(value) => Some(value),
        Err(ApiError::BadRequest(message)) => {
            assert!(!message.is_empty(), "a 400 with no explanation");
            None
        }
        Err(other) => panic!("a JSON body gave {other:?}"),
    }
}

/// The API's `Authorization` header, through the `Bearer` extractor. Only `Bearer` and 32
/// lowercase hex characters get in; everything else is a 401.
pub fn check_bearer(header: &[u8]) {
    let Ok(value) = HeaderValue::from_bytes(header) else {
        // The HTTP layer refuses such bytes before any handler runs.
        return;
    };
    let (mut parts, ()) = Request::builder()
        .header(AUTHORIZATION, value)
        .body(())
        .expect("a request with one valid header")
        .into_parts();
    let result = {
        let future = pin!(Bearer::from_request_parts(&mut parts, &()));
        // The extractor reads only the headers, so it finishes at its first poll.
        match future.poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(result) => result,
            Poll::Pending => panic!("the bearer extractor waited on nothing"),
        }
    };
    match result {
        Ok(Bearer(token)) => {
            let token = token.expose();
            assert_eq!(token.len(), 32);
            assert!(
                token
                    .bytes()
                    .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            );
            let text = std::str::from_utf8(header).expect("a token came from text");
            assert!(text.trim().to_ascii_lowercase().starts_with("bearer"));
            assert!(text.contains(token));
        }
        Err(ApiError::Unauthorized) => {}
        Err(other) => panic!("a bearer header gave {other:?}"),
    }
}

/// The characters of a reference: none that look alike (`src/domain/reference.rs`).
const ALPHABET: &[u8] = b"234679ACDEFGHJKMNPQRTUVWXY";

/// What a child types to come back: a case reference, a "finish later" code, the secret words,
/// and the throttle key made from them.
pub fn check_tracking(typed: &str) {
    // Both parsers refuse with `InvalidReference`, their only error, so only what they accept
    // needs checking.
    if let Ok(reference) = Reference::parse(typed) {
        let shown = reference.as_ref();
        assert_eq!(shown.len(), 13, "{shown:?}");
        assert!(shown.starts_with("HYS-") && shown.as_bytes()[8] == b'-');
        assert!(
            shown[4..]
                .bytes()
                .all(|b| b == b'-' || ALPHABET.contains(&b))
        );
        assert_eq!(
            Reference::parse(shown),
            Ok(reference.clone()),
            "parse is idempotent"
        );
    }
    if let Ok(code) = ResumeCode::parse(typed) {
        let shown = code.as_ref();
        assert_eq!(shown.len(), 9, "{shown:?}");
        assert_eq!(
            ResumeCode::parse(shown),
            Ok(code.clone()),
            "parse is idempotent"
        );
        assert!(
            Reference::parse(shown).is_ok(),
            "a code is a reference without HYS"
        );
    }
    let words = SecretWords::from_typed(typed);
    let kept = words.expose();
    assert_eq!(kept, kept.trim());
    assert!(!kept.contains("  "));
    assert!(
        !kept
            .chars()
            .any(|c| matches!(c, '-' | ',' | '.') || (c.is_whitespace() && c != ' '))
    );
    assert_eq!(
        SecretWords::from_typed(kept),
        words,
        "typing the words back gives the same words"
    );
    for kind in ["track", "resume"] {
        let key = key_for(kind, typed);
        let tail = key
            .strip_prefix(kind)
            .and_then(|k| k.strip_prefix(':'))
            .expect("the key starts with its kind");
        assert!(tail.len() <= 32);
        assert!(
            tail.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        );
    }
}
