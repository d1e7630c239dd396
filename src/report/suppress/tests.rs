//! The secondary-suppression property: over randomly generated years of cases, a reader of
//! the published report who tries every recovery by subtraction (every row, column and total
//! relation, within and across tables, the same number shown twice, and percentages of a
//! hidden base), combining what each step tells them until nothing more follows, pins down
//! no hidden cell.

mod reader;
mod year;

use proptest::prelude::*;

use super::{Hidden, Suppression};
use crate::report::tables::RowKind;
use reader::{leaking_percentages, recovered};
use year::{Made, made, report};

proptest! {
    // A case proptest once shrank a failure to is kept below as a plain test, so no
    // regression file sits outside the agreed layout.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(48) })]

    #[test]
    fn no_hidden_cell_can_be_worked_out_by_subtraction(
        cases in proptest::collection::vec(made(), 0..70),
        final_stage in any::<bool>(),
    ) {
        let report = report(&cases, final_stage);
        let s = Suppression::of(&report, report.small_numbers);
        let found = recovered(&report, &s);
        prop_assert!(found.is_empty(), "{found:?}");
        let leaks = leaking_percentages(&report);
        prop_assert!(leaks.is_empty(), "{leaks:?}");
        // Every count from 1 to 4 is hidden.
        for (t, table) in report.tables.iter().enumerate() {
            for (r, row) in table.rows.iter().enumerate() {
                for (c, cell) in row.cells().into_iter().enumerate() {
                    if row.kind != RowKind::Money && (1..=4).contains(&cell.count) {
                        prop_assert_eq!(s.hidden((t, r, c)), Some(Hidden::Small));
                    }
                }
            }
        }
    }
}

#[test]
fn four_complaints_in_three_months_and_one_compliment_hide_nothing_that_can_be_worked_out() {
    // Once found by the property test above, shrunk to this.
    let made = |kind, month| Made {
        year: 2,
        kind,
        procedure: 0,
        last: 1,
        outcomes: [0, 0, 0],
        answered: false,
        days: [1, 1, 1],
        team: 0,
        method: 0,
        who: 0,
        mentions: vec![],
        ombudsman: None,
        month,
    };
    let cases = [made(0, 1), made(0, 4), made(1, 1), made(0, 12)];
    let report = report(&cases, false);
    let s = Suppression::of(&report, report.small_numbers);
    assert_eq!(recovered(&report, &s), Vec::<String>::new());
    assert_eq!(leaking_percentages(&report), Vec::<String>::new());
}

#[test]
fn one_hidden_part_of_a_total_takes_another_with_it() {
    // Five statutory complaints and one corporate: the one is small, and showing five and
    // six would give it away.
    let made = |procedure| Made {
        year: 2,
        kind: 0,
        procedure,
        last: 1,
        outcomes: [2, 2, 2],
        answered: true,
        days: [8, 8, 8],
        team: 0,
        method: 1,
        who: 2,
        mentions: vec![0],
        ombudsman: None,
        month: 2,
    };
    let cases: Vec<Made> = [0, 0, 0, 0, 0, 1].into_iter().map(made).collect();
    let report = report(&cases, true);
    let s = Suppression::of(&report, 4);
    let t = report
        .tables
        .iter()
        .position(|t| t.id == "received-by-procedure")
        .unwrap_or_default();
    let row = |id: &str| {
        report.tables[t]
            .rows
            .iter()
            .position(|r| r.id == id)
            .unwrap_or_default()
    };
    assert_eq!(s.hidden((t, row("corporate"), 2)), Some(Hidden::Small));
    assert_eq!(s.hidden((t, row("statutory"), 2)), Some(Hidden::Withheld));
    assert!(recovered(&report, &s).is_empty());
    // A threshold of 0 publishes exact figures.
    assert!(Suppression::of(&report, 0).cells.is_empty());
}
