//! Counting cases into a table's rows, year by year: the keys each case gives, the rows a
//! table always shows and how it labels values found in the data.

use std::collections::{BTreeMap, BTreeSet};

use super::{Cell, Label, Relation, Row, RowKind, Table, count_cell, len};
use crate::domain::{CaseKind, Procedure};
use crate::lists::counting::Scope;
use crate::report::stages::CaseHistory;

/// What a row of a counted table stands for: a stored value, or nothing recorded.
pub(in crate::report) type Key = Option<String>;

/// How a counted table orders and names its rows.
pub(in crate::report) struct Rows {
    /// Always shown, in this order: the value and its label.
    pub(in crate::report) fixed: Vec<(String, Label)>,
    /// Labels for values found in the data (the council's list entries by id); a value not
    /// here is shown by its own text.
    pub(in crate::report) names: BTreeMap<String, String>,
    /// Other values found in the data are shown too, largest first, by their own text.
    pub(in crate::report) others: bool,
    pub(in crate::report) total: bool,
    /// Percentages (and the total) are of every key counted rather than of the cases: a
    /// complaint raising three issues counts three times.
    pub(in crate::report) per_key: bool,
}

pub(in crate::report) fn fixed(values: impl IntoIterator<Item = (&'static str, String)>) -> Rows {
    Rows {
        fixed: values
            .into_iter()
            .map(|(v, id)| (v.to_owned(), Label::Message(id)))
            .collect(),
        names: BTreeMap::new(),
        others: true,
        total: false,
        per_key: false,
    }
}

/// Rows for entries of the council's lists: `(id, current label)`, each always shown.
pub(in crate::report) fn listed<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Rows {
    Rows {
        fixed: entries
            .into_iter()
            .map(|(id, label)| (id.to_owned(), Label::Text(label.to_owned())))
            .collect(),
        ..fixed([])
    }
}

/// Rows for the entries found in the data only, named by their current labels.
pub(in crate::report) fn named<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Rows {
    Rows {
        names: entries
            .into_iter()
            .map(|(id, label)| (id.to_owned(), label.to_owned()))
            .collect(),
        ..fixed([])
    }
}

/// Rows for the council's teams found in the data, under their current names.
pub(in crate::report) fn teams(lists: &crate::lists::Lists) -> Rows {
    named(
        lists
            .teams
            .iter()
            .map(|t| (t.id.as_str(), t.label.as_str())),
    )
}

/// The cases of each year, oldest first.
pub(in crate::report) type Years<'c> = [Vec<&'c CaseHistory>];

/// Count the `keys` of each case, in every year. Percentages are of the cases given (a case
/// with several keys, e.g. teams, counts once in the base) unless the rows say per key.
pub(in crate::report) fn counted(
    id: &'static str,
    chart: bool,
    years: &Years<'_>,
    keys: impl Fn(&CaseHistory) -> Vec<Key>,
    rows: Rows,
) -> Table {
    counted_items(id, chart, years, |c: &&CaseHistory| keys(c), rows)
}

/// As [`counted`], for anything counted by year (each year's items, oldest year first).
pub(in crate::report) fn counted_items<T>(
    id: &'static str,
    chart: bool,
    years: &[Vec<T>],
    keys: impl Fn(&T) -> Vec<Key>,
    rows: Rows,
) -> Table {
    let tallies: Vec<(BTreeMap<Key, i64>, i64)> = years
        .iter()
        .map(|cases| {
            let mut tally = BTreeMap::new();
            let mut counted = 0;
            for case in cases {
                for key in keys(case) {
                    *tally.entry(key).or_insert(0) += 1;
                    counted += 1;
                }
            }
            let base = if rows.per_key {
                counted
            } else {
                len(cases.len())
            };
            (tally, base)
        })
        .collect();
    let last = tallies.len().saturating_sub(1);
    let prior = last.saturating_sub(1);
    let get = |year: usize, key: &Key| {
        tallies
            .get(year)
            .and_then(|t| t.0.get(key))
            .copied()
            .unwrap_or(0)
    };
    let cells = |key: &Key| -> Vec<Cell> {
        (0..tallies.len())
            .map(|y| count_cell(get(y, key), tallies[y].1))
            .collect()
    };
    let mut out: Vec<Row> = Vec::new();
    let mut shown: BTreeSet<Key> = BTreeSet::new();
    for (value, label) in &rows.fixed {
        let key = Some(value.clone());
        out.push(Row::new(
            value.clone(),
            label.clone(),
            RowKind::Count,
            cells(&key),
        ));
        shown.insert(key);
    }
    let mut others: Vec<Key> = tallies
        .iter()
        .flat_map(|(t, _)| t.keys().cloned())
        .filter(|k| !shown.contains(k))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|k| rows.others || k.is_none())
        .collect();
    // Largest this year first, then largest last year, then by name; "not recorded" last.
    others.sort_by_key(|k| (k.is_none(), -get(last, k), -get(prior, k), k.clone()));
    for key in others {
        let (id, label) = match &key {
            Some(text) => (
                text.clone(),
                Label::Text(rows.names.get(text).unwrap_or(text).clone()),
            ),
            None => (
                "not-recorded".to_owned(),
                Label::Message("report-row-not-recorded".into()),
            ),
        };
        out.push(Row::new(id, label, RowKind::Count, cells(&key)));
    }
    // Each case in exactly one row, every row shown: the rows add up to the total.
    let mut relations = Vec::new();
    if rows.total && !rows.per_key {
        relations.push(Relation {
            parts: (0..out.len()).collect(),
            total: out.len(),
        });
    }
    if rows.total {
        out.push(Row::new(
            "total",
            Label::Message("report-row-total".into()),
            RowKind::Total,
            tallies
                .iter()
                .map(|(_, base)| count_cell(*base, *base))
                .collect(),
        ));
    }
    Table {
        id,
        part: None,
        chart,
        relations,
        base: None,
        rows: out,
    }
}

/// A case's list ids as keys; none at all is "not recorded".
pub(in crate::report) fn each(ids: &[String]) -> Vec<Key> {
    if ids.is_empty() {
        vec![None]
    } else {
        ids.iter().cloned().map(Some).collect()
    }
}

pub(in crate::report) fn one(value: &str) -> Vec<Key> {
    vec![Some(value.to_owned())]
}

pub(in crate::report) fn maybe(value: Option<&String>) -> Vec<Key> {
    vec![value.filter(|v| !v.trim().is_empty()).cloned()]
}

pub(in crate::report) fn labelled<T: Copy>(
    all: &[T],
    as_str: fn(T) -> &'static str,
    prefix: &str,
) -> Vec<(&'static str, String)> {
    all.iter()
        .map(|v| (as_str(*v), format!("{prefix}{}", as_str(*v))))
        .collect()
}

/// Each year's cases that `keep` keeps.
pub(in crate::report) fn only<'c>(
    years: &Years<'c>,
    keep: impl Fn(&CaseHistory) -> bool,
) -> Vec<Vec<&'c CaseHistory>> {
    years
        .iter()
        .map(|cases| cases.iter().copied().filter(|c| keep(c)).collect())
        .collect()
}

pub(in crate::report) fn of_kind(case: &CaseHistory, kind: CaseKind) -> bool {
    case.case.kind == kind.as_str()
}

/// A complaint of a procedure the scope takes in.
pub(in crate::report) fn in_scope(case: &CaseHistory, scope: Scope) -> bool {
    of_kind(case, CaseKind::Complaint)
        && Procedure::parse(&case.case.procedure).is_some_and(|p| scope.includes(p))
}
