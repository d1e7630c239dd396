//! Equality monitoring: the optional "About you" questions at the end of a child's conversation
//! (gender, disability, ethnic group; age is the case's own age question), kept as values in
//! their own table and only ever counted.
//!
//! These are special category data (UK GDPR Art. 9). So they never enter the case's answers
//! (which staff read on the case page, and emails and exports quote): [`EqualityAnswers::take`]
//! lifts them out of a finished conversation's answers before anything else sees them, and the
//! store writes them to `case_equality`, which only the annual report reads, as counts.
//!
//! [`config`] holds the council's own age bands for the report (`[equality]` in the lists file).

pub mod config;

pub use config::{AgeBand, EqualityConfig, EqualityConfigError};

use crate::domain::case::string_enum;
use crate::flow::Answers;

/// Answer key of the opening "About you" question; the other keys start with it too, so one
/// prefix finds every equality answer.
pub const KEY: &str = "equality";
pub const GENDER_KEY: &str = "equality_gender";
pub const DISABILITY_KEY: &str = "equality_disability";
pub const ETHNICITY_KEY: &str = "equality_ethnicity";

string_enum! {
    /// How the child describes themselves. Simple words a 9-year-old knows; "another way" has
    /// no free text, so nothing written can identify them.
    Gender {
        Girl = "girl",
        Boy = "boy",
        AnotherWay = "another_way",
        PreferNotToSay = "prefer_not_to_say",
    }
}

string_enum! {
    /// "Do you have a disability or a long-term health condition?"
    Disability {
        Yes = "yes",
        No = "no",
        NotSure = "not_sure",
        PreferNotToSay = "prefer_not_to_say",
    }
}

string_enum! {
    /// The five top-level ethnic groups of the ONS 2021 Census (England and Wales), so a
    /// council can set these counts beside its population and other services' figures.
    Ethnicity {
        Asian = "asian",
        Black = "black",
        Mixed = "mixed",
        White = "white",
        Other = "other",
        PreferNotToSay = "prefer_not_to_say",
    }
}

/// Whether an answer key holds an equality answer (special category data).
pub fn is_equality_key(key: &str) -> bool {
    key.starts_with(KEY)
}

/// What a child answered to the "About you" questions. A field is `None` when they skipped the
/// questions with one tap; a case whose child was never asked (an adult on their behalf, the
/// "I'm not safe" route, an imported case) has no `EqualityAnswers` at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EqualityAnswers {
    pub gender: Option<Gender>,
    pub disability: Option<Disability>,
    pub ethnicity: Option<Ethnicity>,
}

impl EqualityAnswers {
    /// Remove every equality answer from `answers` and return them typed; `None` when the
    /// questions were not asked on this conversation's path. Values that are not in the lists
    /// (a flow edited out of step with this code) are dropped rather than stored.
    pub fn take(answers: &mut Answers) -> Option<Self> {
        let asked = answers.contains_key(KEY);
        let one = |answers: &Answers, key: &str| {
            answers.get(key).and_then(|a| a.as_one()).map(str::to_owned)
        };
        let out = Self {
            gender: one(answers, GENDER_KEY).and_then(|v| Gender::parse(&v)),
            disability: one(answers, DISABILITY_KEY).and_then(|v| Disability::parse(&v)),
            ethnicity: one(answers, ETHNICITY_KEY).and_then(|v| Ethnicity::parse(&v)),
        };
        answers.retain(|key, _| !is_equality_key(key));
        asked.then_some(out)
    }
}

/// Message ids the report builds from these values (`report-equality-<question>-<value>`).
pub fn report_message_ids() -> Vec<String> {
    let mut ids = Vec::new();
    ids.extend(
        Gender::ALL
            .iter()
            .map(|v| format!("report-equality-gender-{v}")),
    );
    ids.extend(
        Disability::ALL
            .iter()
            .map(|v| format!("report-equality-disability-{v}")),
    );
    ids.extend(
        Ethnicity::ALL
            .iter()
            .map(|v| format!("report-equality-ethnicity-{v}")),
    );
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::Answer;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Answer::One((*v).to_owned())))
            .collect()
    }

    #[test]
    fn equality_answers_are_lifted_out_of_the_case_answers() {
        let mut all = answers(&[
            ("kind", "complaint"),
            ("age", "12"),
            (KEY, "yes"),
            (GENDER_KEY, "girl"),
            (DISABILITY_KEY, "prefer_not_to_say"),
            (ETHNICITY_KEY, "mixed"),
        ]);
        let taken = EqualityAnswers::take(&mut all).unwrap();
        assert_eq!(taken.gender, Some(Gender::Girl));
        assert_eq!(taken.disability, Some(Disability::PreferNotToSay));
        assert_eq!(taken.ethnicity, Some(Ethnicity::Mixed));
        assert_eq!(all.keys().collect::<Vec<_>>(), ["age", "kind"]);
    }

    #[test]
    fn skipped_and_not_asked_differ() {
        let mut skipped = answers(&[("kind", "comment"), (KEY, "skip")]);
        assert_eq!(
            EqualityAnswers::take(&mut skipped),
            Some(EqualityAnswers::default())
        );
        assert!(!skipped.contains_key(KEY));
        let mut never = answers(&[("kind", "comment")]);
        assert_eq!(EqualityAnswers::take(&mut never), None);
    }

    /// Every step reachable from `from`, following every rule whatever the answers.
    fn reachable(flow: &crate::flow::Flow, from: &str) -> std::collections::BTreeSet<String> {
        let mut seen = std::collections::BTreeSet::new();
        let mut todo = vec![from.to_owned()];
        while let Some(id) = todo.pop() {
            if let Some(step) = flow.step(&id)
                && seen.insert(id)
            {
                todo.extend(step.next.iter().map(|r| r.goto.clone()));
            }
        }
        seen
    }

    #[test]
    fn only_children_themselves_are_asked_and_never_on_the_not_safe_route() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/flows/feedback.toml");
        let text = std::fs::read_to_string(path).unwrap();
        let flow: crate::flow::Flow = toml::from_str(&text).unwrap();
        let asking: Vec<&str> = flow
            .steps
            .iter()
            .filter(|s| s.save.as_deref().is_some_and(|k| k.starts_with(KEY)))
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(
            asking,
            [
                "about-you",
                "about-you-gender",
                "about-you-disability",
                "about-you-ethnicity"
            ]
        );
        for start in [
            "unsafe-help",
            "adult-role-helping",
            "adult-role-parent",
            "adult-role-other",
        ] {
            let steps = reachable(&flow, start);
            assert!(
                asking.iter().all(|s| !steps.contains(*s)),
                "{start} reaches an equality question"
            );
        }
        assert!(reachable(&flow, "about").contains("about-you"));
        // Each question can be declined, and the first skips them all.
        for id in &asking[1..] {
            let step = flow.step(id).unwrap();
            assert!(
                step.input
                    .options()
                    .iter()
                    .any(|o| o.value == "prefer_not_to_say"),
                "{id}"
            );
        }
        let first = flow.step("about-you").unwrap();
        assert!(first.input.options().iter().any(|o| o.value == "skip"));
        // The saved values are exactly the stored enums' values.
        let values = |id: &str| -> Vec<String> {
            let step = flow.step(id).unwrap();
            step.input
                .options()
                .iter()
                .map(|o| o.value.clone())
                .collect()
        };
        let strings = |all: Vec<&str>| all.into_iter().map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(
            values("about-you-gender"),
            strings(Gender::ALL.iter().map(|v| v.as_str()).collect())
        );
        assert_eq!(
            values("about-you-disability"),
            strings(Disability::ALL.iter().map(|v| v.as_str()).collect())
        );
        assert_eq!(
            values("about-you-ethnicity"),
            strings(Ethnicity::ALL.iter().map(|v| v.as_str()).collect())
        );
    }

    #[test]
    fn a_value_not_in_the_list_is_not_kept() {
        let mut odd = answers(&[(KEY, "yes"), (GENDER_KEY, "<script>")]);
        let taken = EqualityAnswers::take(&mut odd).unwrap();
        assert_eq!(taken.gender, None);
        assert!(odd.is_empty());
    }
}
