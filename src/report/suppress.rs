//! Small numbers in anything published. A count from 1 to the council's threshold (default 4;
//! 0 turns this off) is hidden ("primary" suppression). That alone is not enough: a hidden
//! cell could be worked out by subtracting the visible rows from a total, from another table
//! showing the same number, or from a percentage of a hidden base. So more cells are hidden
//! ("secondary" suppression) until none can be:
//!
//! - for every relation (rows that add up to a total, in one year's column, within a table
//!   or across tables), taken together with every other, no hidden cell may be pinned to one
//!   value; every hidden cell shows the same "not shown", so a reader knows only that it is
//!   not zero;
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

    /// The range a reader knows a cell lies in: a hidden cell says only that it is not
    /// zero (small or not, every hidden cell reads the same, so the marker itself tells
    /// nothing).
    pub fn bounds(&self, value: i64, at: At) -> (i64, i64) {
        match self.hidden(at) {
            None => (value, value),
            Some(_) => (1, MANY),
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
        let all = links(report);
        let known = ranges(report, self, c, &all);
        let value = |(t, r): Place| value(report, (t, r, c));
        let pinned = |p: &Place| {
            self.cells.contains_key(&(p.0, p.1, c)) && known.get(p).is_some_and(|(lo, hi)| lo == hi)
        };
        // The relation that pins a cell down is the one with the fewest hidden cells: open
        // one more cell there.
        let hidden_in = |link: &Link| {
            link.parts
                .iter()
                .chain([&link.total])
                .filter(|p| self.cells.contains_key(&(p.0, p.1, c)))
                .count()
        };
        let mut candidates: Vec<&Link> = all
            .iter()
            .filter(|link| link.parts.iter().chain([&link.total]).any(pinned))
            .collect();
        candidates.sort_by_key(|link| hidden_in(link));
        for link in candidates {
            // Hide the smallest visible part that is not zero, preferring one not shown
            // elsewhere (hiding that would hide it there too); failing that, the total.
            let open = |p: &Place| !self.cells.contains_key(&(p.0, p.1, c));
            let shared = |p: &Place| {
                report
                    .tables
                    .get(p.0)
                    .and_then(|t| t.rows.get(p.1))
                    .is_some_and(|row| row.quantity.is_some())
            };
            let pick = link
                .parts
                .iter()
                .copied()
                .filter(|p| open(p) && value(*p) > 0)
                .min_by_key(|p| (shared(p), value(*p), *p));
            let pick = pick.or_else(|| open(&link.total).then_some(link.total));
            if let Some((t, r)) = pick {
                self.cells.insert((t, r, c), Hidden::Withheld);
                return true;
            }
        }
        false
    }
}

/// What a reader can work out about each count in column `c`: its range, narrowed by every
/// relation and by the same number shown elsewhere, until nothing more follows.
pub fn ranges(
    report: &Report,
    s: &Suppression,
    c: usize,
    all: &[Link],
) -> BTreeMap<Place, (i64, i64)> {
    let mut range: BTreeMap<Place, (i64, i64)> = BTreeMap::new();
    let mut same: BTreeMap<&str, Vec<Place>> = BTreeMap::new();
    for (t, table) in report.tables.iter().enumerate() {
        for (r, row) in table.rows.iter().enumerate() {
            if row.kind == RowKind::Money {
                continue;
            }
            range.insert((t, r), s.bounds(value(report, (t, r, c)), (t, r, c)));
            if let Some(key) = &row.quantity {
                same.entry(key.as_str()).or_default().push((t, r));
            }
        }
    }
    let get =
        |range: &BTreeMap<Place, (i64, i64)>, p: &Place| range.get(p).copied().unwrap_or((0, 0));
    for _ in 0..100 {
        let before = range.clone();
        for places in same.values() {
            let lo = places.iter().map(|p| get(&range, p).0).max().unwrap_or(0);
            let hi = places.iter().map(|p| get(&range, p).1).min().unwrap_or(0);
            for p in places {
                range.insert(*p, (lo, hi));
            }
        }
        for link in all {
            let (lows, highs): (Vec<i64>, Vec<i64>) =
                link.parts.iter().map(|p| get(&range, p)).unzip();
            let low: i64 = lows.iter().fold(0, |a, b| a.saturating_add(*b));
            let high: i64 = highs.iter().fold(0, |a, b| a.saturating_add(*b));
            let (tlo, thi) = get(&range, &link.total);
            let total = (tlo.max(low), thi.min(high));
            range.insert(link.total, total);
            for (i, p) in link.parts.iter().enumerate() {
                let (lo, hi) = (lows[i], highs[i]);
                let others = (low.saturating_sub(lo), high.saturating_sub(hi));
                let narrowed = (
                    lo.max(total.0.saturating_sub(others.1)),
                    hi.min(total.1.saturating_sub(others.0)),
                );
                range.insert(*p, narrowed);
            }
        }
        if range == before {
            break;
        }
    }
    range
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

#[cfg(test)]
mod tests;
