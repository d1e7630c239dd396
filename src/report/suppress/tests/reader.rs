//! The reader of the published report the property plays: every recovery by subtraction it
//! can try, and percentages that would give a hidden base away.

use std::collections::BTreeMap;

use crate::report::output::{Audience, Published, Shown};
use crate::report::suppress::{Suppression, links, value};
use crate::report::tables::{Report, RowKind};

/// What a reader can work out: each count row's range, narrowed by every relation and by the
/// same number shown elsewhere, until nothing changes. Returns the hidden cells pinned down.
pub(super) fn recovered(report: &Report, s: &Suppression) -> Vec<String> {
    let mut found = Vec::new();
    let all = links(report);
    for c in 0..report.years.len() {
        let mut range: BTreeMap<(usize, usize), (i64, i64)> = BTreeMap::new();
        for (t, table) in report.tables.iter().enumerate() {
            for (r, row) in table.rows.iter().enumerate() {
                if row.kind != RowKind::Money {
                    range.insert((t, r), s.bounds(value(report, (t, r, c)), (t, r, c)));
                }
            }
        }
        // Rows showing the same number.
        let mut same: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
        for (t, table) in report.tables.iter().enumerate() {
            for (r, row) in table.rows.iter().enumerate() {
                if let Some(key) = &row.quantity {
                    same.entry(key.as_str()).or_default().push((t, r));
                }
            }
        }
        for _ in 0..200 {
            let before = range.clone();
            for places in same.values() {
                let lo = places.iter().map(|p| range[p].0).max().unwrap_or(0);
                let hi = places.iter().map(|p| range[p].1).min().unwrap_or(0);
                for p in places {
                    range.insert(*p, (lo, hi));
                }
            }
            for link in &all {
                let sum = |range: &BTreeMap<(usize, usize), (i64, i64)>,
                           f: fn((i64, i64)) -> i64,
                           skip: Option<(usize, usize)>|
                 -> i64 {
                    link.parts
                        .iter()
                        .filter(|p| Some(**p) != skip)
                        .map(|p| f(range[p]))
                        .fold(0i64, i64::saturating_add)
                };
                let (tlo, thi) = range[&link.total];
                let total = (
                    tlo.max(sum(&range, |b| b.0, None)),
                    thi.min(sum(&range, |b| b.1, None)),
                );
                range.insert(link.total, total);
                for p in &link.parts {
                    let (lo, hi) = range[p];
                    let narrowed = (
                        lo.max(total.0.saturating_sub(sum(&range, |b| b.1, Some(*p)))),
                        hi.min(total.1.saturating_sub(sum(&range, |b| b.0, Some(*p)))),
                    );
                    range.insert(*p, narrowed);
                }
            }
            if range == before {
                break;
            }
        }
        for (&(t, r, col), hidden) in &s.cells {
            if col != c {
                continue;
            }
            let (lo, hi) = range[&(t, r)];
            let marker = s.bounds(0, (t, r, c));
            if lo == hi && marker.0 != marker.1 {
                found.push(format!(
                    "{} row {} year {c} ({hidden:?}) is {lo}",
                    report.tables[t].key(),
                    report.tables[t].rows[r].id
                ));
            }
        }
    }
    found
}

/// A percentage shown where a cell of its column is hidden would give the base away.
pub(super) fn leaking_percentages(report: &Report) -> Vec<String> {
    let view = Published::new(report, Audience::Public);
    let mut found = Vec::new();
    for (t, table) in report.tables.iter().enumerate() {
        for c in 0..report.years.len() {
            let hidden = (0..table.rows.len()).any(|r| view.is_hidden(t, r, c));
            for r in 0..table.rows.len() {
                if hidden && matches!(view.percent(t, r, c), Shown::Percent(_)) {
                    found.push(format!("{} {} year {c}", table.key(), table.rows[r].id));
                }
                if view.is_hidden(t, r, c) && matches!(view.count(t, r, c), Shown::Number(_)) {
                    found.push(format!("{} {} shown", table.key(), table.rows[r].id));
                }
            }
        }
    }
    found
}
