//! Small numbers in anything published. A count from 1 to the council's threshold (default 4;
//! 0 turns this off) is hidden ("primary" suppression). That alone is not enough: a hidden
//! cell could be worked out by subtracting the visible rows from a total, from another table
//! showing the same number, or from a percentage of a hidden base. So more cells are hidden
//! ("secondary" suppression) until none can be:
//!
//! - for every relation of a table (rows that add up to a total, in one year's column), no
//!   hidden cell may be pinned to one value by the others, knowing that a "fewer than N" cell
//!   is 1 to N and a "withheld" cell is more than N;
//! - a number hidden in one row is hidden in every row showing the same number (the same
//!   quantity key, in any table);
//! - percentages in a column are hidden when any cell of that column, or the number they are
//!   of, is hidden.
//!
//! Each year's column is worked on its own: no figure of one year is a sum of another's.

use std::collections::{BTreeMap, BTreeSet};

use super::tables::{Link, Place, Report, RowKind};

/// Why a cell is hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// A count from 1 to the threshold.
    Small,
    /// A larger number that would give a small one away.
    Withheld,
}

/// A cell: table, row and year column (oldest first).
pub type At = (usize, usize, usize);

/// What a published copy hides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppression {
    pub threshold: i64,
    pub cells: BTreeMap<At, Hidden>,
    /// `(table, column)` whose percentages are hidden.
    pub percents: BTreeSet<(usize, usize)>,
}

/// Effectively unbounded, for a withheld cell's largest value.
const MANY: i64 = i64::MAX / 4;

impl Suppression {
    /// Nothing hidden: managers' exact figures.
    pub fn none() -> Self {
        Self::default()
    }

    pub fn hidden(&self, at: At) -> Option<Hidden> {
        self.cells.get(&at).copied()
    }

    pub fn percent_hidden(&self, table: usize, column: usize) -> bool {
        self.percents.contains(&(table, column))
    }

    /// The range a reader knows a cell lies in.
    pub fn bounds(&self, value: i64, at: At) -> (i64, i64) {
        match self.hidden(at) {
            None => (value, value),
            Some(Hidden::Small) => (1, self.threshold),
            Some(Hidden::Withheld) => (self.threshold + 1, MANY),
        }
    }

    /// Work out what to hide in `report` for counts from 1 to `threshold`.
    pub fn of(report: &Report, threshold: u32) -> Self {
        let mut s = Self {
            threshold: i64::from(threshold),
            ..Self::default()
        };
        if threshold == 0 {
            return s;
        }
        let columns = report.years.len();
        for (t, table) in report.tables.iter().enumerate() {
            for (r, row) in table.rows.iter().enumerate() {
                if row.kind == RowKind::Money {
                    continue;
                }
                for (c, cell) in row.cells().into_iter().enumerate() {
                    if (1..=s.threshold).contains(&cell.count) {
                        s.cells.insert((t, r, c), Hidden::Small);
                    }
                }
            }
        }
        for c in 0..columns {
            while s.widen(report, c) {}
        }
        for c in 0..columns {
            let hidden_keys = s.hidden_keys(report, c);
            for (t, table) in report.tables.iter().enumerate() {
                let any = (0..table.rows.len()).any(|r| s.cells.contains_key(&(t, r, c)));
                let base = table.base.as_ref().is_some_and(|k| hidden_keys.contains(k));
                if any || base {
                    s.percents.insert((t, c));
                }
            }
        }
        s
    }

    fn hidden_keys(&self, report: &Report, c: usize) -> BTreeSet<String> {
        let mut keys = BTreeSet::new();
        for (t, table) in report.tables.iter().enumerate() {
            for (r, row) in table.rows.iter().enumerate() {
                if let Some(key) = &row.quantity {
                    if self.cells.contains_key(&(t, r, c)) {
                        keys.insert(key.clone());
                    }
                }
            }
        }
        keys
    }

    /// Hide one more cell of column `c` where something could be recovered; false when
    /// nothing can.
    fn widen(&mut self, report: &Report, c: usize) -> bool {
        // The same number hidden somewhere is hidden everywhere.
        let keys = self.hidden_keys(report, c);
        let mut changed = false;
        for (t, table) in report.tables.iter().enumerate() {
            for (r, row) in table.rows.iter().enumerate() {
                if row.quantity.as_ref().is_some_and(|k| keys.contains(k))
                    && !self.cells.contains_key(&(t, r, c))
                {
                    self.cells.insert((t, r, c), Hidden::Withheld);
                    changed = true;
                }
            }
        }
        if changed {
            return true;
        }
        let value = |(t, r): Place| value(report, (t, r, c));
        for link in links(report) {
            if recoverable(self, c, &link, &value).is_none() {
                continue;
            }
            // Hide the smallest visible part that is not zero; failing that, the total.
            let open = |p: &Place| !self.cells.contains_key(&(p.0, p.1, c));
            let pick = link
                .parts
                .iter()
                .copied()
                .filter(|p| open(p) && value(*p) > 0)
                .min_by_key(|p| (value(*p), *p));
            let pick = pick.or_else(|| open(&link.total).then_some(link.total));
            if let Some((t, r)) = pick {
                self.cells.insert((t, r, c), Hidden::Withheld);
                return true;
            }
        }
        false
    }
}

/// A cell's count (0 where there is no such cell).
pub fn value(report: &Report, (t, r, c): At) -> i64 {
    report
        .tables
        .get(t)
        .and_then(|table| table.rows.get(r))
        .and_then(|row| row.cells().get(c).map(|cell| cell.count))
        .unwrap_or(0)
}

/// Every relation of the report: each table's own, and those across tables.
pub fn links(report: &Report) -> Vec<Link> {
    let mut out: Vec<Link> = report
        .tables
        .iter()
        .enumerate()
        .flat_map(|(t, table)| {
            table.relations.iter().map(move |rel| Link {
                parts: rel.parts.iter().map(|r| (t, *r)).collect(),
                total: (t, rel.total),
            })
        })
        .collect();
    out.extend(report.links.iter().cloned());
    out
}

/// The first hidden cell of `link` (in column `c`) whose value the others pin down, if any:
/// total = sum of parts, each known exactly or within its bounds.
pub fn recoverable(
    s: &Suppression,
    c: usize,
    link: &Link,
    value: &dyn Fn(Place) -> i64,
) -> Option<Place> {
    let bounds = |p: Place| s.bounds(value(p), (p.0, p.1, c));
    let hidden: Vec<Place> = link
        .parts
        .iter()
        .copied()
        .chain([link.total])
        .filter(|p| s.cells.contains_key(&(p.0, p.1, c)))
        .collect();
    let (total_lo, total_hi) = bounds(link.total);
    for &p in &hidden {
        let (lo, hi) = bounds(p);
        // Its own marker already says it (a threshold of 1: "fewer than 2" is 1).
        if lo == hi {
            continue;
        }
        let (others_lo, others_hi) = link
            .parts
            .iter()
            .filter(|q| **q != p)
            .map(|q| bounds(*q))
            .fold((0i64, 0i64), |(a, b), (l, h)| {
                (a.saturating_add(l), b.saturating_add(h))
            });
        let (from, to) = if p == link.total {
            (others_lo, others_hi)
        } else {
            (
                total_lo.saturating_sub(others_hi),
                total_hi.saturating_sub(others_lo),
            )
        };
        if from.max(lo) >= to.min(hi) {
            return Some(p);
        }
    }
    None
}
