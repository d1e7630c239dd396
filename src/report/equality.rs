//! The equality monitoring tables: how many children described themselves each way, in the
//! council's own age bands and the ONS 2021 top-level ethnic groups, beside the year before.
//! Only counts leave `case_equality`, and in anything published the small-number rule hides
//! counts from 1 to 4 (see [`super::output`]), as it does in every other table.
//!
//! Every case received in the year is counted once in each table, so the rows add up to the
//! total: a child who chose "I'd rather not say", one who skipped the questions, and a case
//! whose child was never asked (an adult on their behalf, the "I'm not safe" route, a case
//! recorded by staff or imported) each have their own row.

use std::collections::HashMap;

use super::stages::CaseHistory;
use super::tables::{Key, Label, Rows, Table, counted, fixed};
use crate::equality::{Disability, EqualityAnswers, EqualityConfig, Ethnicity, Gender};

/// The tables' ids, in the order the report shows them (after its own tables).
pub const TABLE_IDS: &[&str] = &[
    "equality-age",
    "equality-gender",
    "equality-disability",
    "equality-ethnicity",
];

/// Rows that are not an answer, with their message ids.
pub const FIXED_ROW_IDS: &[&str] = &[
    "report-equality-skipped",
    "report-equality-not-asked",
    "report-equality-age-not-given",
];

const SKIPPED: &str = "skipped";
const NOT_ASKED: &str = "not-asked";
const AGE_NOT_GIVEN: &str = "not-given";

/// The four tables for `years` (oldest first, the chosen year last), with each case's
/// answers by case id.
pub fn tables(
    years: &[&[CaseHistory]],
    answers: &HashMap<i64, EqualityAnswers>,
    config: &EqualityConfig,
) -> Vec<Table> {
    let sets: Vec<Vec<&CaseHistory>> = years.iter().map(|y| y.iter().collect()).collect();
    let refs = sets.as_slice();
    let with_total = |rows: Rows| Rows {
        others: false,
        total: true,
        ..rows
    };

    // Each band under the council's own label (its words, not a message), then "not given".
    let mut band_rows: Vec<(String, Label)> = config
        .age_bands
        .iter()
        .map(|b| (b.key(), Label::Text(b.label.clone())))
        .collect();
    band_rows.push((
        AGE_NOT_GIVEN.into(),
        Label::Message("report-equality-age-not-given".into()),
    ));
    let age = counted(
        "equality-age",
        true,
        refs,
        |c| {
            vec![Some(
                config
                    .band_of(c.case.age)
                    .map_or_else(|| AGE_NOT_GIVEN.to_owned(), |b| b.key()),
            )]
        },
        Rows {
            fixed: band_rows,
            names: Default::default(),
            others: false,
            total: true,
            per_key: false,
        },
    )
    .of("all");

    let question = |id: &'static str,
                    prefix: &str,
                    values: Vec<&'static str>,
                    pick: fn(&EqualityAnswers) -> Option<&'static str>| {
        let mut labels: Vec<(&'static str, String)> = values
            .into_iter()
            .map(|v| (v, format!("{prefix}{v}")))
            .collect();
        labels.push((SKIPPED, "report-equality-skipped".into()));
        labels.push((NOT_ASKED, "report-equality-not-asked".into()));
        counted(
            id,
            true,
            refs,
            |c| -> Vec<Key> {
                let key = match answers.get(&c.case.id) {
                    None => NOT_ASKED,
                    Some(a) => pick(a).unwrap_or(SKIPPED),
                };
                vec![Some(key.to_owned())]
            },
            with_total(fixed(labels)),
        )
        .of("all")
    };
    vec![
        age,
        question(
            "equality-gender",
            "report-equality-gender-",
            Gender::ALL.iter().map(|g| g.as_str()).collect(),
            |a| a.gender.map(Gender::as_str),
        ),
        question(
            "equality-disability",
            "report-equality-disability-",
            Disability::ALL.iter().map(|d| d.as_str()).collect(),
            |a| a.disability.map(Disability::as_str),
        ),
        question(
            "equality-ethnicity",
            "report-equality-ethnicity-",
            Ethnicity::ALL.iter().map(|e| e.as_str()).collect(),
            |a| a.ethnicity.map(Ethnicity::as_str),
        ),
    ]
}
