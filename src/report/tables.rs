//! The tables of the annual report, each for the chosen financial year beside the years before
//! it, counted from the cases received in each year (by their date in London). A case is
//! counted in the year it was received even when its later stages ran into the next year, so
//! every figure for a year describes the same set of representations.
//!
//! One computation serves every output: the page, both CSVs, JSON and the command line all
//! read the [`Report`] built here, and [`super::suppress`] decides what a published copy hides.

use std::collections::{BTreeMap, BTreeSet};

use super::stages::CaseHistory;
use super::values::FinancialYear;
use crate::domain::{CaseKind, Procedure};
use crate::lists::counting::Scope;

/// Rows that are not a stored value, with their message ids.
pub const FIXED_ROW_IDS: &[&str] = &[
    "report-row-total",
    "report-row-not-recorded",
    "report-row-urgent",
    "report-row-escalated",
    "report-row-outstanding",
    "report-row-outcome-unknown",
    "report-row-escalation-1-2",
    "report-row-escalation-2-3",
    "report-row-escalation-1-3",
    "report-row-responded",
    "report-row-within-standard",
    "report-row-within-extended",
    "report-row-over",
    "report-row-open-over",
    "report-row-awaiting",
    "report-row-excluded",
    "report-row-average-days",
    "report-row-extensions",
    "report-row-pauses",
];

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub year: FinancialYear,
    /// Every year shown, oldest first; the last is `year`.
    pub years: Vec<FinancialYear>,
    pub tables: Vec<Table>,
    /// Rows of different tables that add up to a row of another, in every year.
    pub links: Vec<Link>,
    /// Published counts from 1 to this are hidden (the council's `small_numbers`).
    pub small_numbers: u32,
}

/// A cell's row: `(table, row)` positions in the report.
pub type Place = (usize, usize);

/// `parts` add up to `total`, across tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub parts: Vec<Place>,
    pub total: Place,
}

/// Which complaints or representations a table is about, when its title alone does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Procedure(Scope),
    Kind(CaseKind),
}

impl Part {
    /// A stable name for machines: `statutory`, `all`, `compliment`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Procedure(scope) => scope.as_str(),
            Self::Kind(kind) => kind.as_str(),
        }
    }

    /// The message naming it.
    pub fn message_id(self) -> String {
        match self {
            Self::Procedure(scope) => format!("report-scope-{}", scope.as_str()),
            Self::Kind(kind) => format!("report-scope-kind-{}", kind.as_str()),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub id: &'static str,
    pub part: Option<Part>,
    /// Worth a bar chart (counts that add up to something).
    pub chart: bool,
    /// Rows that add up to another row in every year (each case in exactly one row), so a
    /// published copy must not let one hidden cell be worked out by subtraction.
    pub relations: Vec<Relation>,
    /// What the percentages are of, when that number is shown elsewhere (a quantity key, see
    /// [`Row::quantity`]).
    pub base: Option<String>,
    pub rows: Vec<Row>,
}

/// `rows[parts]` add up to `rows[total]` in every year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub parts: Vec<usize>,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Stable key for machines: the stored value, or a fixed name like `total`.
    pub id: String,
    pub label: Label,
    pub kind: RowKind,
    /// The same number is shown in other rows (of this table or another) with the same key,
    /// e.g. `complaints:statutory`: hidden in one, it is hidden in all.
    pub quantity: Option<String>,
    /// Years before the year before, oldest first (empty when the report shows two years).
    pub earlier: Vec<Cell>,
    pub previous: Cell,
    pub current: Cell,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// A Fluent message id.
    Message(String),
    /// Text from the data (a team's name, a language tag), shown as it is.
    Text(String),
    /// Two labels read together ("South Safeguarding: Stage 2").
    Pair(Box<Label>, Box<Label>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A number of cases (or events), with a percentage where one makes sense.
    Count,
    /// An average over `count` cases.
    Average,
    /// The sum of the rows above it.
    Total,
    /// A sum of money in whole pence (in `count`); never a number of people.
    Money,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Cell {
    pub count: i64,
    pub percent: Option<f64>,
    pub average: Option<f64>,
}

impl Report {
    /// The first table with this id (the statutory one, for procedure tables).
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }

    /// The table with this id for one procedure or kind.
    pub fn table_for(&self, id: &str, part: &str) -> Option<&Table> {
        self.tables
            .iter()
            .find(|t| t.id == id && t.part.map(Part::as_str) == Some(part))
    }
}

impl Table {
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// The key of the table in a page or file: its id, and its part when it has one.
    pub fn key(&self) -> String {
        match self.part {
            Some(part) => format!("{}-{}", self.id, part.as_str()),
            None => self.id.to_owned(),
        }
    }
}

impl Row {
    /// A row from its cells, oldest year first (at least one).
    pub fn new(id: impl Into<String>, label: Label, kind: RowKind, mut cells: Vec<Cell>) -> Self {
        let current = cells.pop().unwrap_or_default();
        let previous = cells.pop().unwrap_or_default();
        Self {
            id: id.into(),
            label,
            kind,
            quantity: None,
            earlier: cells,
            previous,
            current,
        }
    }

    /// The row, standing for the same number as every other row with `key`.
    pub fn same_as(mut self, key: impl Into<String>) -> Self {
        self.quantity = Some(key.into());
        self
    }

    /// Every year's cell, oldest first.
    pub fn cells(&self) -> Vec<&Cell> {
        self.earlier
            .iter()
            .chain([&self.previous, &self.current])
            .collect()
    }
}

pub(super) fn percent(count: i64, base: i64) -> Option<f64> {
    (base > 0).then(|| count as f64 * 100.0 / base as f64)
}

pub(super) fn count_cell(count: i64, base: i64) -> Cell {
    Cell {
        count,
        percent: percent(count, base),
        average: None,
    }
}

pub(super) fn plain(count: i64) -> Cell {
    Cell {
        count,
        percent: None,
        average: None,
    }
}

pub(super) fn average_cell(total: i64, n: i64) -> Cell {
    Cell {
        count: n,
        percent: None,
        average: (n > 0).then(|| total as f64 / n as f64),
    }
}

pub(super) fn len(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// What a row of a counted table stands for: a stored value, or nothing recorded.
pub(super) type Key = Option<String>;

/// How a counted table orders and names its rows.
pub(super) struct Rows {
    /// Always shown, in this order: the value and its label.
    pub(super) fixed: Vec<(String, Label)>,
    /// Labels for values found in the data (the council's list entries by id); a value not
    /// here is shown by its own text.
    pub(super) names: BTreeMap<String, String>,
    /// Other values found in the data are shown too, largest first, by their own text.
    pub(super) others: bool,
    pub(super) total: bool,
    /// Percentages (and the total) are of every key counted rather than of the cases: a
    /// complaint raising three issues counts three times.
    pub(super) per_key: bool,
}

pub(super) fn fixed(values: impl IntoIterator<Item = (&'static str, String)>) -> Rows {
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
pub(super) fn listed<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Rows {
    Rows {
        fixed: entries
            .into_iter()
            .map(|(id, label)| (id.to_owned(), Label::Text(label.to_owned())))
            .collect(),
        ..fixed([])
    }
}

/// Rows for the entries found in the data only, named by their current labels.
pub(super) fn named<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Rows {
    Rows {
        names: entries
            .into_iter()
            .map(|(id, label)| (id.to_owned(), label.to_owned()))
            .collect(),
        ..fixed([])
    }
}

/// Rows for the council's teams found in the data, under their current names.
pub(super) fn teams(lists: &crate::lists::Lists) -> Rows {
    named(
        lists
            .teams
            .iter()
            .map(|t| (t.id.as_str(), t.label.as_str())),
    )
}

/// The cases of each year, oldest first.
pub(super) type Years<'c> = [Vec<&'c CaseHistory>];

/// Count the `keys` of each case, in every year. Percentages are of the cases given (a case
/// with several keys, e.g. teams, counts once in the base) unless the rows say per key.
pub(super) fn counted(
    id: &'static str,
    chart: bool,
    years: &Years<'_>,
    keys: impl Fn(&CaseHistory) -> Vec<Key>,
    rows: Rows,
) -> Table {
    counted_items(id, chart, years, |c: &&CaseHistory| keys(c), rows)
}

/// As [`counted`], for anything counted by year (each year's items, oldest year first).
pub(super) fn counted_items<T>(
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
pub(super) fn each(ids: &[String]) -> Vec<Key> {
    if ids.is_empty() {
        vec![None]
    } else {
        ids.iter().cloned().map(Some).collect()
    }
}

pub(super) fn one(value: &str) -> Vec<Key> {
    vec![Some(value.to_owned())]
}

pub(super) fn maybe(value: Option<&String>) -> Vec<Key> {
    vec![value.filter(|v| !v.trim().is_empty()).cloned()]
}

pub(super) fn labelled<T: Copy>(
    all: &[T],
    as_str: fn(T) -> &'static str,
    prefix: &str,
) -> Vec<(&'static str, String)> {
    all.iter()
        .map(|v| (as_str(*v), format!("{prefix}{}", as_str(*v))))
        .collect()
}

/// Each year's cases that `keep` keeps.
pub(super) fn only<'c>(
    years: &Years<'c>,
    keep: impl Fn(&CaseHistory) -> bool,
) -> Vec<Vec<&'c CaseHistory>> {
    years
        .iter()
        .map(|cases| cases.iter().copied().filter(|c| keep(c)).collect())
        .collect()
}

pub(super) fn of_kind(case: &CaseHistory, kind: CaseKind) -> bool {
    case.case.kind == kind.as_str()
}

/// A complaint of a procedure the scope takes in.
pub(super) fn in_scope(case: &CaseHistory, scope: Scope) -> bool {
    of_kind(case, CaseKind::Complaint)
        && Procedure::parse(&case.case.procedure).is_some_and(|p| scope.includes(p))
}

impl Table {
    /// The table, about one procedure or kind.
    pub(super) fn about(mut self, part: Part) -> Self {
        self.part = Some(part);
        self
    }

    /// The table, with percentages of a number shown elsewhere under `key`, and its total
    /// row (if any) that number.
    pub(super) fn of(mut self, key: impl Into<String>) -> Self {
        let key = key.into();
        for row in &mut self.rows {
            if row.kind == RowKind::Total {
                row.quantity = Some(key.clone());
            }
        }
        self.base = Some(key);
        self
    }
}
