//! The tables about the statutory procedure itself: escalations between stages, the outcome
//! at each stage, and how long each stage took against its time limit.

use super::stages::{CaseHistory, Timeliness, timeliness};
use super::tables::{Cell, Label, Row, RowKind, Table, count_cell, counted, fixed, labelled};
use crate::domain::Outcome;
use crate::timescale::Calendar;

pub(super) fn escalations(complaints: [&[&CaseHistory]; 2]) -> Table {
    let row = |from: u8, to: u8| {
        let cell = |cases: &[&CaseHistory]| {
            let base = cases
                .iter()
                .filter(|c| c.stages.contains_key(&from))
                .count();
            let moved = cases
                .iter()
                .filter(|c| c.escalations.contains(&(from, to)))
                .count();
            let (moved, base) = (
                i64::try_from(moved).unwrap_or(0),
                i64::try_from(base).unwrap_or(0),
            );
            count_cell(moved, base)
        };
        Row {
            id: format!("{from}-{to}"),
            label: Label::Message(format!("report-row-escalation-{from}-{to}")),
            kind: RowKind::Count,
            previous: cell(complaints[0]),
            current: cell(complaints[1]),
        }
    };
    Table {
        id: "escalations",
        chart: false,
        rows: vec![row(1, 2), row(2, 3), row(1, 3)],
    }
}

pub(super) fn outcomes(stage: u8, reached: [&[&CaseHistory]; 2]) -> Table {
    let mut rows = fixed(labelled(Outcome::ALL, Outcome::as_str, "outcome-"));
    rows.fixed.extend([
        (
            "escalated".to_owned(),
            Label::Message("report-row-escalated".to_owned()),
        ),
        (
            "outstanding".to_owned(),
            Label::Message("report-row-outstanding".to_owned()),
        ),
        (
            super::stages::UNKNOWN_OUTCOME.to_owned(),
            Label::Message("report-row-outcome-unknown".to_owned()),
        ),
    ]);
    let id = ["outcomes-stage-1", "outcomes-stage-2", "outcomes-stage-3"][usize::from(stage - 1)];
    counted(
        id,
        stage == 1,
        reached,
        |c| {
            let run = &c.stages[&stage];
            vec![Some(match (&run.outcome, run.escalated) {
                (Some(outcome), _) => outcome.clone(),
                (None, true) => "escalated".into(),
                (None, false) => "outstanding".into(),
            })]
        },
        rows,
    )
}

pub(super) fn timescales(
    stage: u8,
    complaints: [&[&CaseHistory]; 2],
    calendar: &Calendar,
) -> Table {
    #[derive(Default)]
    struct Tally {
        responded: i64,
        within: i64,
        extended: i64,
        over: i64,
        awaiting: i64,
        days: i64,
        timed: i64,
        extensions: i64,
        pauses: i64,
    }
    let tally = |cases: &[&CaseHistory]| {
        let mut t = Tally::default();
        for case in cases {
            let Some(run) = case.stages.get(&stage) else {
                continue;
            };
            t.extensions += i64::from(run.extensions);
            t.pauses += i64::from(run.pauses);
            if run.responded.is_none() {
                // Moved on with no response at this stage: not waiting for one either.
                if !run.escalated {
                    t.awaiting += 1;
                }
                continue;
            }
            t.responded += 1;
            let Some(days) = run.working_days(calendar) else {
                continue;
            };
            t.timed += 1;
            t.days += days;
            match timeliness(days, stage, &case.case.procedure, run.extensions > 0) {
                Timeliness::WithinStandard => t.within += 1,
                Timeliness::WithinExtended => t.extended += 1,
                Timeliness::Over => t.over += 1,
            }
        }
        t
    };
    let [before, now] = [tally(complaints[0]), tally(complaints[1])];
    let row = |id: &str, kind: RowKind, cell: &dyn Fn(&Tally) -> Cell| Row {
        id: id.to_owned(),
        label: Label::Message(format!("report-row-{id}")),
        kind,
        previous: cell(&before),
        current: cell(&now),
    };
    let plain = |n: i64| Cell {
        count: n,
        percent: None,
        average: None,
    };
    let id = [
        "timescales-stage-1",
        "timescales-stage-2",
        "timescales-stage-3",
    ][usize::from(stage - 1)];
    Table {
        id,
        chart: false,
        rows: vec![
            row("responded", RowKind::Count, &|t| plain(t.responded)),
            row("within-standard", RowKind::Count, &|t| {
                count_cell(t.within, t.timed)
            }),
            row("within-extended", RowKind::Count, &|t| {
                count_cell(t.extended, t.timed)
            }),
            row("over", RowKind::Count, &|t| count_cell(t.over, t.timed)),
            row("awaiting", RowKind::Count, &|t| plain(t.awaiting)),
            row("average-days", RowKind::Average, &|t| Cell {
                count: t.timed,
                percent: None,
                average: (t.timed > 0).then(|| t.days as f64 / t.timed as f64),
            }),
            row("extensions", RowKind::Count, &|t| plain(t.extensions)),
            row("pauses", RowKind::Count, &|t| plain(t.pauses)),
        ],
    }
}
