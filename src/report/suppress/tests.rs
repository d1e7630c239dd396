//! The secondary-suppression property: over randomly generated years of cases, a reader of
//! the published report who tries every recovery by subtraction (every row, column and total
//! relation, within and across tables, the same number shown twice, and percentages of a
//! hidden base), combining what each step tells them until nothing more follows, pins down
//! no hidden cell.

use std::collections::BTreeMap;

use proptest::prelude::*;
use time::macros::date;

use super::{Hidden, Suppression, links, value};
use crate::casework::Rules;
use crate::lists::Lists;
use crate::report::contents;
use crate::report::output::{Audience, Published, Shown};
use crate::report::procedure::Setting;
use crate::report::stages::{CaseHistory, StageRun};
use crate::report::tables::{Report, RowKind};
use crate::report::values::{FinancialYear, london_ms};
use crate::store::report::ReportCase;

#[derive(Debug, Clone)]
struct Made {
    year: usize,
    kind: usize,
    procedure: usize,
    last: u8,
    outcomes: [usize; 3],
    answered: bool,
    days: [i64; 3],
    team: usize,
    method: usize,
    who: usize,
    mentions: Vec<usize>,
    ombudsman: Option<usize>,
    month: u8,
}

const KINDS: [&str; 3] = ["complaint", "compliment", "comment"];
const PROCEDURES: [&str; 3] = ["statutory", "corporate", "informal"];
const OUTCOMES: [&str; 6] = [
    "upheld",
    "partly_upheld",
    "not_upheld",
    "withdrawn",
    "outside_jurisdiction",
    "inconclusive",
];
const TEAMS: [&str; 4] = ["assessment", "safeguarding", "fostering", ""];
const METHODS: [&str; 4] = ["online", "email", "letter", "telephone"];
const WHO: [&str; 4] = ["child", "advocate", "parent_family", "carer"];
const MENTIONS: [&str; 4] = ["delay", "communication", "decision", "staff_conduct"];
const DECISIONS: [&str; 3] = ["declined", "premature", "investigated_fault"];

fn made() -> impl Strategy<Value = Made> {
    (
        (
            0usize..3,
            0usize..3,
            0usize..3,
            1u8..=3,
            [0usize..6, 0usize..6, 0usize..6],
        ),
        (
            any::<bool>(),
            [1i64..40, 1i64..80, 1i64..40],
            0usize..4,
            0usize..4,
            0usize..4,
        ),
        (
            proptest::collection::vec(0usize..4, 0..3),
            proptest::option::of(0usize..3),
            1u8..=12,
        ),
    )
        .prop_map(
            |(
                (year, kind, procedure, last, outcomes),
                (answered, days, team, method, who),
                (mentions, ombudsman, month),
            )| Made {
                year,
                kind,
                procedure,
                last,
                outcomes,
                answered,
                days,
                team,
                method,
                who,
                mentions,
                ombudsman,
                month,
            },
        )
}

fn history(m: &Made, id: i64) -> (usize, CaseHistory) {
    let complaint = m.kind == 0;
    let procedure = PROCEDURES[m.procedure];
    // A corporate complaint has two stages, an informal one one.
    let last = match (complaint, procedure) {
        (false, _) | (true, "informal") => 1,
        (true, "corporate") => m.last.min(2),
        _ => m.last,
    };
    let start_year = 2022 + i32::try_from(m.year).unwrap_or(0);
    let (year, month) = if m.month <= 9 {
        (start_year, m.month + 3)
    } else {
        (start_year + 1, m.month - 9)
    };
    let received = time::Date::from_calendar_date(
        year,
        time::Month::try_from(month).unwrap_or(time::Month::April),
        10,
    )
    .unwrap_or(date!(2022 - 04 - 11));
    let mut stages = BTreeMap::new();
    let mut escalations = Vec::new();
    let mut from = received;
    for stage in 1..=last {
        let mut run = StageRun::new(Some(from));
        let to = from + time::Duration::days(m.days[usize::from(stage - 1)]);
        if stage < last {
            run.escalated = true;
            run.responded = Some(to);
            run.outcome = Some("not_upheld".into());
            escalations.push((stage, stage + 1));
        } else if m.answered && complaint {
            run.responded = Some(to);
            run.outcome = Some(OUTCOMES[m.outcomes[usize::from(stage - 1)]].into());
        }
        if stage == 1 && m.days[0] % 7 == 0 {
            run.pauses = 1;
        }
        stages.insert(stage, run);
        from = to + time::Duration::days(2);
    }
    let case = ReportCase {
        id,
        kind: KINDS[m.kind].into(),
        procedure: if complaint {
            procedure.into()
        } else {
            String::new()
        },
        stage: i64::from(last),
        status: if m.answered { "closed" } else { "open" }.into(),
        submitted_by: WHO[m.who].into(),
        category: None,
        advocate_wanted: if m.who == 1 { "yes" } else { "no" }.into(),
        age: None,
        locale: "en-GB".into(),
        urgent: 0,
        method_of_receipt: METHODS[m.method].into(),
        outcome: None,
        received_at: london_ms(received, 10, 0),
        stage_started_on: None,
        closed_at: None,
        council_outcome: None,
        acknowledged_at: (m.days[1] % 2 == 0).then(|| london_ms(received, 15, 0)),
        cost_investigation_pence: None,
        cost_independent_person_pence: None,
        cost_panel_pence: None,
        remedy_pence: None,
        ombudsman_received_on: m.ombudsman.map(|_| "2025-01-06".into()),
        ombudsman_decision: m.ombudsman.map(|d| DECISIONS[d].into()),
    };
    let teams = Some(TEAMS[m.team])
        .filter(|t| !t.is_empty())
        .map(|t| t.to_owned())
        .into_iter()
        .collect();
    let mentions = if complaint {
        m.mentions.iter().map(|i| MENTIONS[*i].to_owned()).collect()
    } else {
        Vec::new()
    };
    (
        m.year,
        CaseHistory {
            case,
            stages,
            escalations,
            mentions,
            teams,
        },
    )
}

fn report(cases: &[Made], final_stage: bool) -> Report {
    let mut lists = Lists::shipped();
    if final_stage {
        lists.report.outcomes = crate::lists::counting::StageCounting::FinalStage;
        lists.report.timescales = crate::lists::counting::StageCounting::FinalStage;
    } else {
        lists.report.outcomes = crate::lists::counting::StageCounting::EachStage;
    }
    let rules = Rules {
        lists: std::sync::Arc::new(lists),
        ..Rules::default()
    };
    let mut years: Vec<Vec<CaseHistory>> = vec![Vec::new(), Vec::new(), Vec::new()];
    for (i, m) in cases.iter().enumerate() {
        let (year, h) = history(m, i64::try_from(i).unwrap_or(0));
        years[year].push(h);
    }
    let setting = Setting {
        rules: &rules,
        calendar: crate::timescale::calendar(),
        today: date!(2026 - 12 - 07),
    };
    let shown: Vec<(FinancialYear, &[CaseHistory])> = years
        .iter()
        .enumerate()
        .filter_map(|(i, cases)| {
            FinancialYear::new(2022 + i32::try_from(i).unwrap_or(0)).map(|y| (y, cases.as_slice()))
        })
        .collect();
    let enquiries: Vec<(String, Option<String>)> = years
        .iter()
        .flatten()
        .filter_map(|h| {
            let day = h.case.ombudsman_received_on.clone()?;
            Some((day, h.case.ombudsman_decision.clone()))
        })
        .collect();
    let in_years: Vec<FinancialYear> = shown.iter().map(|(y, _)| *y).collect();
    let ombudsman = crate::report::redress::enquiries_by_year(&in_years, &enquiries);
    contents::build(&shown, &ombudsman, &setting)
}

/// What a reader can work out: each count row's range, narrowed by every relation and by the
/// same number shown elsewhere, until nothing changes. Returns the hidden cells pinned down.
fn recovered(report: &Report, s: &Suppression) -> Vec<String> {
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
fn leaking_percentages(report: &Report) -> Vec<String> {
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
