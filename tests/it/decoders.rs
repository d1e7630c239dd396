//! Property tests of every decoder that reads what someone outside sends (issue 11): the flow
//! loader, the form reader, the API's JSON bodies and bearer header, and what a child types to
//! come back. Over 10,000 generated inputs, nothing panics and every refusal is the decoder's
//! own typed error. The checks are those the cargo-fuzz targets run (`tests/fuzz/src/lib.rs`,
//! driven by `.ci/fuzz`); this file runs them on the stable toolchain in the normal suite.
//!
//! No server or database is needed, so the file is the same on both stores.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::path::Path;
use std::sync::LazyLock;

use checks::{FlowVerdict, check_api_body, check_bearer, check_flow, check_form, check_tracking};
use have_your_say::domain::SecretWords;
use have_your_say::domain::reference::{Reference, ResumeCode};
use have_your_say::flow::Flows;
use have_your_say::flow::model::Flow;
use have_your_say::i18n::Localizer;
use have_your_say::web::api::extract::parse;
use have_your_say::web::api::model::{AnswerRequest, AnswerValue};
use have_your_say::web::api::track::TrackRequest;
use have_your_say::web::form::FormFields;
use proptest::prelude::*;
use proptest::sample::Index;

static WORDS: LazyLock<Localizer> = LazyLock::new(|| {
    Localizer::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales"))
        .expect("the shipped locales load")
});

const SHIPPED: &str = include_str!("../../flows/feedback.toml");

/// Characters that have tripped up text handling somewhere: controls (C0, DEL, C1), the
/// characters forms and JSON treat specially, dashes, case oddities and invisible ones.
const TRICKY: &[char] = &[
    '\0', '\u{1}', '\u{8}', '\t', '\n', '\r', '\u{b}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}', '%',
    '+', '&', '=', ';', '"', '\\', '/', '[', ']', '{', '}', '#', '-', '–', '—', ',', '.', ' ',
    '\u{a0}', '\u{3000}', '\u{200b}', '\u{feff}', '\u{fffd}', 'İ', 'ı', 'Σ', 'ς', 'ß', 'ﬀ', 'Ａ',
    '٣', '7', 'k', 'Q', 'a', '😀', '\u{202e}',
];

fn tricky_text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::string::string_regex(&format!(".{{0,{max}}}")).expect("a valid pattern"),
        proptest::collection::vec(proptest::sample::select(TRICKY), 0..max)
            .prop_map(|cs| cs.into_iter().collect()),
    ]
}

fn any_bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..max)
}

// ---------------------------------------------------------------------------------------------
// The flow loader

/// A step of a generated flow, before it is written out as TOML.
#[derive(Debug, Clone)]
struct GenStep {
    id: usize,
    kind: &'static str,
    ask: Option<&'static str>,
    save: Option<&'static str>,
    required: bool,
    /// `(when, goto)`: an optional `key = value` condition and the target step's number.
    next: Vec<(Option<(&'static str, String)>, usize)>,
}

const KINDS: &[&str] = &[
    "choice", "multi", "text", "email", "phone", "number", "yesno", "consent", "review", "none",
    "submit", "urgent", "end",
];
const ENDINGS: &[&str] = &["submit", "urgent", "end"];
/// What a case needs (the linter checks every path to `submit` saves them), and one more.
const KEYS: &[&str] = &[
    "kind",
    "role",
    "about",
    "what_happened",
    "contact_method",
    "age",
    "first_name",
];
const ASKS: &[&str] = &["ask-kind", "ask-role", "ask-age"];

/// Step `i` of `n`. Each step is right by default and wrong now and then in one way or another
/// (a missing message, a goto to nothing, a loop back, a repeated id, no rule that always
/// matches), so that many flows pass the first lint rules and reach the deeper ones
/// (reachability, loops, answers saved on every path to `submit`).
fn gen_step(i: usize, n: usize) -> impl Strategy<Value = GenStep> {
    let target = (0..100u8, any::<Index>()).prop_map(move |(roll, at)| match roll {
        // Anywhere, including one past the end (nothing there) and backwards (a loop).
        0..5 => at.index(n + 1),
        _ if i + 1 < n => i + 1 + at.index(n - i - 1),
        _ => n,
    });
    let rule = (
        proptest::option::weighted(0.3, (proptest::sample::select(KEYS), "[a-c]")),
        target,
    );
    let kind = if i + 1 == n {
        proptest::sample::select(ENDINGS)
    } else {
        proptest::sample::select(KINDS)
    };
    (
        (0..100u8, 0..n),
        kind,
        (0..100u8, proptest::sample::select(ASKS)),
        (0..100u8, proptest::sample::select(KEYS)),
        proptest::bool::weighted(0.8),
        (0..100u8, proptest::collection::vec(rule, 1..4)),
    )
        .prop_map(
            move |(
                (id_roll, other_id),
                kind,
                (ask_roll, ask),
                (save_roll, save),
                required,
                (next_roll, mut next),
            )| {
                let ends = ENDINGS.contains(&kind);
                match next_roll {
                    0..3 => {}
                    3..6 => next.clear(),
                    _ if ends => next.clear(),
                    _ => {
                        if let Some(last) = next.last_mut() {
                            last.0 = None;
                        }
                    }
                }
                GenStep {
                    id: if id_roll < 2 { other_id } else { i },
                    kind,
                    ask: match ask_roll {
                        0..3 => None,
                        3..6 => Some("no-such-message"),
                        _ => Some(ask),
                    },
                    save: match save_roll {
                        0..3 => None,
                        3..30 => Some(save),
                        // In order, so a straight path saves everything a case needs.
                        _ => Some(KEYS[i % KEYS.len()]),
                    },
                    required,
                    next,
                }
            },
        )
}

fn generated_flow() -> impl Strategy<Value = String> {
    (1..12usize)
        .prop_flat_map(|n| {
            let steps: Vec<_> = (0..n).map(|i| gen_step(i, n)).collect();
            let start = prop_oneof![9 => Just(0), 1 => 0..n + 1];
            (steps, start)
        })
        .prop_map(|(steps, start)| flow_toml(&steps, start))
}

fn flow_toml(steps: &[GenStep], start: usize) -> String {
    let mut out = format!("id = \"generated\"\nversion = 1\nstart = \"s{start}\"\n");
    for step in steps {
        out.push_str(&format!("\n[[step]]\nid = \"s{}\"\n", step.id));
        if let Some(ask) = step.ask {
            out.push_str(&format!("ask = \"{ask}\"\n"));
        }
        if let Some(save) = step.save {
            out.push_str(&format!("save = \"{save}\"\n"));
        }
        out.push_str(&format!("required = {}\n", step.required));
        let input = match step.kind {
            "choice" | "multi" => format!(
                "kind = \"{}\", options = [{{ value = \"a\", label = \"kind-complaint\" }}]",
                step.kind
            ),
            "text" => "kind = \"text\", max = 100".to_owned(),
            "number" => "kind = \"number\", min = 0, max = 25".to_owned(),
            "urgent" => "kind = \"submit\", urgent = true".to_owned(),
            other => format!("kind = \"{other}\""),
        };
        out.push_str(&format!("input = {{ {input} }}\n"));
        let rules: Vec<String> = step
            .next
            .iter()
            .map(|(when, goto)| match when {
                Some((key, value)) => {
                    format!("{{ when = {{ {key} = \"{value}\" }}, goto = \"s{goto}\" }}")
                }
                None => format!("{{ goto = \"s{goto}\" }}"),
            })
            .collect();
        if !rules.is_empty() {
            out.push_str(&format!("next = [{}]\n", rules.join(", ")));
        }
    }
    out
}

/// The shipped flow with a few lines deleted, repeated, swapped for noise or with a character
/// pushed in: text that is nearly right, which reaches the linter far more often than noise.
fn edited_shipped_flow() -> impl Strategy<Value = String> {
    let edit = (0..4u8, any::<Index>(), tricky_text(30));
    proptest::collection::vec(edit, 1..5).prop_map(|edits| {
        let mut lines: Vec<String> = SHIPPED.lines().map(str::to_owned).collect();
        for (what, at, noise) in edits {
            let i = at.index(lines.len());
            match what {
                0 => {
                    lines.remove(i);
                }
                1 => lines.insert(i, lines[i].clone()),
                2 => lines[i] = noise,
                _ => {
                    let line = &mut lines[i];
                    let cut = line
                        .char_indices()
                        .map(|(b, _)| b)
                        .nth(at.index(line.chars().count().max(1)))
                        .unwrap_or(line.len());
                    line.insert_str(cut, &noise);
                }
            }
            if lines.is_empty() {
                break;
            }
        }
        lines.join("\n")
    })
}

#[test]
fn the_shipped_flow_lints_clean_through_the_same_check() {
    assert_eq!(check_flow(SHIPPED, &WORDS), FlowVerdict::Linted(0));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_text_as_a_flow_file_is_read_or_refused_without_panicking(text in tricky_text(300)) {
        check_flow(&text, &WORDS);
    }

    #[test]
    fn nearly_right_flow_files_are_linted_without_panicking(text in edited_shipped_flow()) {
        check_flow(&text, &WORDS);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn generated_flows_of_any_shape_are_linted_without_panicking(text in generated_flow()) {
        // Every generated file has the right shape, so each reaches the linter.
        prop_assert!(matches!(check_flow(&text, &WORDS), FlowVerdict::Linted(_)), "{}", text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The fuzzed path (text in memory) must be what `Flows::load` does with the same text in a
    /// file, or the fuzzing would prove nothing about `have-your-say check` and start-up.
    #[test]
    fn the_checked_path_agrees_with_loading_the_flows_folder(
        text in prop_oneof![generated_flow(), edited_shipped_flow(), tricky_text(100)],
    ) {
        let dir = tempfile::tempdir().expect("a temp folder");
        std::fs::write(dir.path().join("flow.toml"), &text).expect("the flow file is written");
        let loaded = Flows::load(dir.path(), &WORDS);
        match (check_flow(&text, &WORDS), &loaded) {
            (FlowVerdict::Linted(0), Ok(_)) => {}
            (FlowVerdict::Linted(n), Err(errors)) => prop_assert_eq!(errors.len(), n),
            (FlowVerdict::Unreadable, Err(errors)) => {
                let parse_error = toml::from_str::<Flow>(&text)
                    .expect_err("unreadable, so the parse fails")
                    .to_string();
                prop_assert_eq!(errors.len(), 1);
                prop_assert_eq!(&errors[0].problem, &parse_error);
                prop_assert!(errors[0].to_string().contains("flow.toml"));
            }
            (verdict, loaded) => {
                return Err(TestCaseError::fail(format!(
                    "check says {verdict:?}, load says {:?}",
                    loaded.as_ref().err()
                )));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The form reader

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_bytes_as_a_form_body_are_read_or_refused_as_bad_text(body in any_bytes(200)) {
        check_form(&body);
    }

    #[test]
    fn form_like_bodies_are_read_or_refused_as_bad_text(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("&".to_owned()), Just("=".to_owned()), Just("+".to_owned()),
                Just("%".to_owned()), "%[0-9A-Fa-f]{2}", "%[0-9A-Za-z]{1,2}", "[a-z_]{1,6}",
                tricky_text(4),
            ],
            0..30,
        ),
    ) {
        check_form(parts.concat().as_bytes());
    }

    /// What a browser sends for any fields comes back exactly, unless a field holds a control
    /// character, when the whole post is refused.
    #[test]
    fn encoded_fields_come_back_exactly_or_are_refused_for_control_characters(
        fields in proptest::collection::vec((tricky_text(12), tricky_text(12)), 0..6),
    ) {
        let body = serde_urlencoded::to_string(&fields).expect("pairs of strings encode");
        check_form(body.as_bytes());
        let bad = |s: &String| {
            s.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        };
        match FormFields::parse(body.as_bytes()) {
            Ok(read) => {
                prop_assert!(!fields.iter().any(|(n, v)| bad(n) || bad(v)));
                for (name, _) in &fields {
                    let want: Vec<String> = fields
                        .iter()
                        .filter(|(n, _)| n == name)
                        .map(|(_, v)| v.clone())
                        .collect();
                    prop_assert_eq!(read.all(name), want);
                }
            }
            Err(_) => prop_assert!(fields.iter().any(|(n, v)| bad(n) || bad(v))),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The JSON API
//
// Found by the fuzzer and these tests, and now refused by the decoder: serde reads a struct from
// a JSON array as well as from an object (`["kind", "complaint"]` was taken as an answer to step
// `kind`), and serde_json skips a field the request type does not have without checking its
// UTF-8 (`{"step": "kind", "x": "\x82"}` was taken although JSON must be UTF-8).

/// JSON of the shapes the API takes, with wrong types, missing and extra fields mixed in.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        tricky_text(20).prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        let key = prop_oneof![
            Just("flow".to_owned()),
            Just("locale".to_owned()),
            Just("step".to_owned()),
            Just("value".to_owned()),
            Just("reference".to_owned()),
            Just("secret".to_owned()),
            tricky_text(6),
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            proptest::collection::btree_map(key, inner, 0..5)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(700))]

    #[test]
    fn any_bytes_as_a_json_body_are_read_or_refused_as_bad_request(body in any_bytes(200)) {
        check_api_body(&body);
    }

    #[test]
    fn any_text_as_a_json_body_is_read_or_refused_as_bad_request(body in tricky_text(200)) {
        check_api_body(body.as_bytes());
    }

    #[test]
    fn json_of_any_shape_is_read_or_refused_as_bad_request(value in json_value()) {
        check_api_body(value.to_string().as_bytes());
    }

    #[test]
    fn any_bytes_in_an_unknown_field_are_read_or_refused_as_bad_request(
        known in tricky_text(10),
        name in "[a-z]{1,8}",
        raw in proptest::collection::vec(
            any::<u8>().prop_filter("inside a string", |b| !matches!(b, b'"' | b'\\')),
            0..40,
        ),
    ) {
        let known = serde_json::Value::from(known.as_str());
        for known_name in ["step", "flow", "reference"] {
            let mut body = format!("{{\"{known_name}\": {known}, \"{name}\": \"").into_bytes();
            body.extend_from_slice(&raw);
            body.extend_from_slice(b"\"}");
            check_api_body(&body);
        }
    }

    #[test]
    fn an_answer_comes_through_exactly_as_sent(
        step in tricky_text(20),
        value in proptest::option::of(prop_oneof![
            tricky_text(20).prop_map(AnswerValue::One),
            proptest::collection::vec(tricky_text(10), 0..5).prop_map(AnswerValue::Many),
        ]),
    ) {
        let body = serde_json::json!({ "step": step, "value": value });
        let read: AnswerRequest = parse(body.to_string().as_bytes())
            .unwrap_or_else(|e| panic!("a well-formed answer was refused: {e}"));
        prop_assert_eq!(read.step, step);
        prop_assert_eq!(
            serde_json::to_value(read.value).expect("serialisable"),
            serde_json::to_value(value).expect("serialisable")
        );
    }

    #[test]
    fn a_tracking_request_comes_through_exactly_as_sent(
        reference in tricky_text(20),
        secret in tricky_text(40),
    ) {
        let body = serde_json::json!({ "reference": reference, "secret": secret });
        let read: TrackRequest = parse(body.to_string().as_bytes())
            .unwrap_or_else(|e| panic!("a well-formed tracking request was refused: {e}"));
        prop_assert_eq!(read.reference, reference);
        prop_assert_eq!(read.secret, secret);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_bearer_header_gives_a_token_or_a_401(header in any_bytes(80)) {
        check_bearer(&header);
    }

    #[test]
    fn bearer_like_headers_give_a_token_or_a_401(
        scheme in "(?i)(bearer|basic|bear|)",
        gap in "[ \t]{0,3}",
        token in "[0-9a-fA-Fg ]{28,36}",
        tail in "[ \t]{0,2}",
    ) {
        check_bearer(format!("{scheme}{gap}{token}{tail}").as_bytes());
    }
}

// ---------------------------------------------------------------------------------------------
// Coming back: references, "finish later" codes and secret words

const ALPHABET: &str = "234679ACDEFGHJKMNPQRTUVWXY";

/// A real reference's characters, typed as a person might: any case, spaces and dashes anywhere.
fn typed_code(len: usize) -> impl Strategy<Value = (String, String)> {
    let typed_char = (
        proptest::sample::select(ALPHABET.chars().collect::<Vec<_>>()),
        any::<bool>(),
        proptest::sample::select(vec!["", "", "", " ", "-", "–", "  ", "\t"]),
    );
    proptest::collection::vec(typed_char, len).prop_map(|chars| {
        let exact: String = chars.iter().map(|(c, _, _)| *c).collect();
        let typed: String = chars
            .iter()
            .map(|(c, lower, gap)| {
                let c = if *lower { c.to_ascii_lowercase() } else { *c };
                format!("{c}{gap}")
            })
            .collect();
        (exact, typed)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn anything_typed_to_come_back_is_read_or_refused_without_panicking(typed in tricky_text(60)) {
        check_tracking(&typed);
    }

    #[test]
    fn a_reference_typed_loosely_is_still_the_same_reference(
        (exact, typed) in typed_code(8),
        prefix in proptest::sample::select(vec!["", "HYS", "hys-", "Hys ", " "]),
    ) {
        let typed = format!("{prefix}{typed}");
        check_tracking(&typed);
        let want = format!("HYS-{}-{}", &exact[..4], &exact[4..]);
        prop_assert_eq!(Reference::parse(&typed).map(|r| r.to_string()), Ok(want));
    }

    #[test]
    fn a_finish_later_code_typed_loosely_is_still_the_same_code((exact, typed) in typed_code(8)) {
        check_tracking(&typed);
        let want = format!("{}-{}", &exact[..4], &exact[4..]);
        prop_assert_eq!(ResumeCode::parse(&typed).map(|r| r.to_string()), Ok(want));
    }

    #[test]
    fn secret_words_typed_loosely_are_still_the_same_words(
        words in proptest::collection::vec(("[a-z]{3,6}", any::<bool>()), 4),
        gaps in proptest::collection::vec("[ ,.\t-]{1,3}", 5),
    ) {
        let typed: String = words
            .iter()
            .zip(&gaps)
            .map(|((w, upper), gap)| {
                let w = if *upper { w.to_uppercase() } else { w.clone() };
                format!("{gap}{w}")
            })
            .chain([gaps[4].clone()])
            .collect();
        check_tracking(&typed);
        let exact: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
        let read = SecretWords::from_typed(&typed);
        prop_assert_eq!(read.expose(), exact.join(" "));
    }
}
