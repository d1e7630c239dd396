//! The tables of the annual report, each for the chosen financial year beside the year before,
//! counted from the cases received in each year (by their date in London). A case is counted
//! in the year it was received even when its later stages ran into the next year, so every
//! figure for a year describes the same set of representations.

use std::collections::{BTreeMap, BTreeSet};

use super::procedure::{escalations, outcomes, timescales};
use super::stages::CaseHistory;
use super::values::{AgeBand, FinancialYear};
use crate::domain::{AdvocateWanted, CaseKind, Category, Procedure, SubmitterRole};
use crate::lists::Lists;
use crate::timescale::Calendar;

/// Every table, in the order the report shows them. Each has a title `report-table-<id>` and
/// a sentence `report-about-<id>` in `locales/`.
pub const TABLE_IDS: &[&str] = &[
    "received-by-kind",
    "received-by-procedure",
    "complaints-by-stage",
    "escalations",
    "submitted-by",
    "advocacy",
    "method-of-receipt",
    "complaints-by-category",
    "complaint-aspects",
    "complaints-by-team",
    "outcomes-stage-1",
    "outcomes-stage-2",
    "outcomes-stage-3",
    "timescales-stage-1",
    "timescales-stage-2",
    "timescales-stage-3",
    "compliments-by-category",
    "compliments-by-team",
    "urgent",
    "age-bands",
    "languages",
];

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
    "report-row-awaiting",
    "report-row-average-days",
    "report-row-extensions",
    "report-row-pauses",
];

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub year: FinancialYear,
    pub tables: Vec<Table>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub id: &'static str,
    /// Worth a bar chart (counts that add up to something).
    pub chart: bool,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Stable key for machines: the stored value, or a fixed name like `total`.
    pub id: String,
    pub label: Label,
    pub kind: RowKind,
    pub previous: Cell,
    pub current: Cell,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// A Fluent message id.
    Message(String),
    /// Text from the data (a team's name, a language tag), shown as it is.
    Text(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A number of cases (or events), with a percentage where one makes sense.
    Count,
    /// An average over `count` cases.
    Average,
    /// The sum of the rows above it.
    Total,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Cell {
    pub count: i64,
    pub percent: Option<f64>,
    pub average: Option<f64>,
}

impl Report {
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }
}

impl Table {
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
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
    }
}

/// Rows for entries of the council's lists: `(id, current label)`, each always shown.
fn listed<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Rows {
    Rows {
        fixed: entries
            .into_iter()
            .map(|(id, label)| (id.to_owned(), Label::Text(label.to_owned())))
            .collect(),
        ..fixed([])
    }
}

/// Rows for the entries found in the data only, named by their current labels.
fn named<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Rows {
    Rows {
        names: entries
            .into_iter()
            .map(|(id, label)| (id.to_owned(), label.to_owned()))
            .collect(),
        ..fixed([])
    }
}

/// A case's list ids as keys; none at all is "not recorded".
fn each(ids: &[String]) -> Vec<Key> {
    if ids.is_empty() {
        vec![None]
    } else {
        ids.iter().cloned().map(Some).collect()
    }
}

/// One year's cases, worked out.
pub struct Year<'a> {
    pub cases: &'a [CaseHistory],
}

impl Year<'_> {
    fn of_kind(&self, kind: CaseKind) -> impl Iterator<Item = &CaseHistory> {
        self.cases
            .iter()
            .filter(move |c| c.case.kind == kind.as_str())
    }
}

/// Count the `keys` of each case, in both years. Percentages are of the cases given (a case
/// with several keys, e.g. aspects, counts once in the base).
pub(super) fn counted<'c>(
    id: &'static str,
    chart: bool,
    years: [&'c [&'c CaseHistory]; 2],
    keys: impl Fn(&CaseHistory) -> Vec<Key>,
    rows: Rows,
) -> Table {
    let tallies: Vec<(BTreeMap<Key, i64>, i64)> = years
        .iter()
        .map(|cases| {
            let mut tally = BTreeMap::new();
            for case in *cases {
                for key in keys(case) {
                    *tally.entry(key).or_insert(0) += 1;
                }
            }
            (tally, i64::try_from(cases.len()).unwrap_or(i64::MAX))
        })
        .collect();
    let get = |year: usize, key: &Key| tallies[year].0.get(key).copied().unwrap_or(0);
    let mut out: Vec<Row> = Vec::new();
    let mut shown: BTreeSet<Key> = BTreeSet::new();
    for (value, label) in &rows.fixed {
        let key = Some(value.clone());
        out.push(Row {
            id: value.clone(),
            label: label.clone(),
            kind: RowKind::Count,
            previous: count_cell(get(0, &key), tallies[0].1),
            current: count_cell(get(1, &key), tallies[1].1),
        });
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
    others.sort_by_key(|k| (k.is_none(), -get(1, k), -get(0, k), k.clone()));
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
        out.push(Row {
            id,
            label,
            kind: RowKind::Count,
            previous: count_cell(get(0, &key), tallies[0].1),
            current: count_cell(get(1, &key), tallies[1].1),
        });
    }
    if rows.total {
        out.push(Row {
            id: "total".into(),
            label: Label::Message("report-row-total".into()),
            kind: RowKind::Total,
            previous: count_cell(tallies[0].1, tallies[0].1),
            current: count_cell(tallies[1].1, tallies[1].1),
        });
    }
    Table {
        id,
        chart,
        rows: out,
    }
}

fn one(value: &str) -> Vec<Key> {
    vec![Some(value.to_owned())]
}

fn maybe(value: Option<&String>) -> Vec<Key> {
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

fn refs<'a, 'c>(sets: &'a [Vec<&'c CaseHistory>; 2]) -> [&'a [&'c CaseHistory]; 2] {
    [sets[0].as_slice(), sets[1].as_slice()]
}

/// Build every table for `year` (the cases received in it) beside `previous`.
pub fn build(
    year: FinancialYear,
    previous: &Year<'_>,
    current: &Year<'_>,
    calendar: &Calendar,
    lists: &Lists,
) -> Report {
    let all: [Vec<&CaseHistory>; 2] = [
        previous.cases.iter().collect(),
        current.cases.iter().collect(),
    ];
    let complaints: [Vec<&CaseHistory>; 2] = [
        previous.of_kind(CaseKind::Complaint).collect(),
        current.of_kind(CaseKind::Complaint).collect(),
    ];
    let compliments: [Vec<&CaseHistory>; 2] = [
        previous.of_kind(CaseKind::Compliment).collect(),
        current.of_kind(CaseKind::Compliment).collect(),
    ];
    let categories = labelled(Category::ALL, Category::as_str, "label-category-");
    let mut tables = vec![
        counted(
            "received-by-kind",
            true,
            refs(&all),
            |c| one(&c.case.kind),
            Rows {
                total: true,
                ..fixed(labelled(CaseKind::ALL, CaseKind::as_str, "label-kind-"))
            },
        ),
        counted(
            "received-by-procedure",
            false,
            refs(&complaints),
            |c| one(&c.case.procedure),
            fixed(labelled(
                Procedure::ALL,
                Procedure::as_str,
                "report-procedure-",
            )),
        ),
        counted(
            "complaints-by-stage",
            true,
            refs(&complaints),
            |c| {
                c.stages
                    .keys()
                    .map(|s| Some(format!("stage-{s}")))
                    .collect()
            },
            Rows {
                others: false,
                ..fixed(["stage-1", "stage-2", "stage-3"].map(|s| (s, s.to_owned())))
            },
        ),
        escalations(refs(&complaints)),
        counted(
            "submitted-by",
            true,
            refs(&all),
            |c| one(&c.case.submitted_by),
            fixed(labelled(
                SubmitterRole::ALL,
                SubmitterRole::as_str,
                "report-submitted-by-",
            )),
        ),
        counted(
            "advocacy",
            false,
            refs(&all),
            |c| one(&c.case.advocate_wanted),
            fixed(labelled(
                AdvocateWanted::ALL,
                AdvocateWanted::as_str,
                "report-advocate-",
            )),
        ),
        counted(
            "method-of-receipt",
            true,
            refs(&all),
            |c| one(&c.case.method_of_receipt),
            listed(
                lists
                    .receipt_methods
                    .iter()
                    .map(|m| (m.id.as_str(), m.label.as_str())),
            ),
        ),
        counted(
            "complaints-by-category",
            true,
            refs(&complaints),
            |c| maybe(c.case.category.as_ref()),
            fixed(categories.clone()),
        ),
        // Every mention counts (one complaint about two delays counts twice); percentages
        // are of complaints.
        counted(
            "complaint-aspects",
            false,
            refs(&complaints),
            |c| c.mentions.iter().cloned().map(Some).collect(),
            listed(
                lists
                    .complaint_categories()
                    .map(|(_, c)| (c.id.as_str(), c.label.as_str())),
            ),
        ),
        // Teams from the list only, under their current names; a complaint about two teams
        // counts in each. A typed team name that is not on the list is not a row.
        counted(
            "complaints-by-team",
            true,
            refs(&complaints),
            |c| each(&c.teams),
            named(
                lists
                    .teams
                    .iter()
                    .map(|t| (t.id.as_str(), t.label.as_str())),
            ),
        ),
    ];
    for stage in 1..=3u8 {
        let reached = [
            complaints[0]
                .iter()
                .copied()
                .filter(|c| c.stages.contains_key(&stage))
                .collect::<Vec<_>>(),
            complaints[1]
                .iter()
                .copied()
                .filter(|c| c.stages.contains_key(&stage))
                .collect::<Vec<_>>(),
        ];
        tables.push(outcomes(stage, refs(&reached)));
    }
    for stage in 1..=3u8 {
        tables.push(timescales(stage, refs(&complaints), calendar));
    }
    tables.extend([
        counted(
            "compliments-by-category",
            true,
            refs(&compliments),
            |c| maybe(c.case.category.as_ref()),
            fixed(categories),
        ),
        counted(
            "compliments-by-team",
            false,
            refs(&compliments),
            |c| each(&c.teams),
            named(
                lists
                    .teams
                    .iter()
                    .map(|t| (t.id.as_str(), t.label.as_str())),
            ),
        ),
        counted(
            "urgent",
            false,
            refs(&all),
            |c| {
                if c.case.urgent == 1 {
                    one("urgent")
                } else {
                    Vec::new()
                }
            },
            Rows {
                others: false,
                ..fixed([("urgent", "report-row-urgent".to_owned())])
            },
        ),
        counted(
            "age-bands",
            true,
            refs(&all),
            |c| one(AgeBand::of(c.case.age).as_str()),
            Rows {
                others: false,
                ..fixed(labelled(AgeBand::ALL, AgeBand::as_str, "report-age-"))
            },
        ),
        counted(
            "languages",
            false,
            refs(&all),
            |c| one(&c.case.locale),
            fixed([]),
        ),
    ]);
    Report { year, tables }
}
