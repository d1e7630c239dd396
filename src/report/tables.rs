//! The tables of the annual report, each for the chosen financial year beside the years before
//! it, counted from the cases received in each year (by their date in London). A case is
//! counted in the year it was received even when its later stages ran into the next year, so
//! every figure for a year describes the same set of representations.
//!
//! One computation serves every output: the page, both CSVs, JSON and the command line all
//! read the [`Report`] built here, and [`super::suppress`] decides what a published copy hides.

use super::values::FinancialYear;
use crate::domain::CaseKind;
use crate::lists::counting::Scope;

mod count;

pub(super) use count::{
    Key, Rows, Years, counted, counted_items, each, fixed, in_scope, labelled, listed, maybe,
    of_kind, one, only, teams,
};

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
