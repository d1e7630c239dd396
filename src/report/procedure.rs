//! The tables about the complaints procedures themselves, each for one procedure (or all):
//! how far complaints went, escalations between stages, the outcome at each stage, how long
//! each stage took against its time limit, and what alternative dispute resolution led to.
//! Which stages a complaint counts at, and which responses count for time, are the council's
//! counting rules ([`crate::lists::counting::Counting`]).

use time::Date;

use super::stages::{CaseHistory, StageRun, Timeliness, limits, timeliness};
use super::tables::{
    Cell, Label, Part, Relation, Row, RowKind, Rows, Table, Years, average_cell, count_cell,
    counted, fixed, labelled, len, only, plain,
};
use crate::casework::Rules;
use crate::domain::{Outcome, Procedure};
use crate::lists::counting::{Scope, StageCounting};
use crate::timescale::Calendar;

/// What the procedure tables need besides the cases.
pub struct Setting<'a> {
    pub rules: &'a Rules,
    pub calendar: &'a Calendar,
    /// The day the report is made: an open stage past its limit by then counts as over.
    pub today: Date,
}

/// The stages a procedure has (a corporate procedure the council's number of them; an
/// informal complaint one response, shown as Stage 1).
pub fn stages_of(scope: Scope, rules: &Rules) -> u8 {
    match scope {
        Scope::Statutory | Scope::All => 3,
        Scope::Corporate => crate::casework::stage_count(rules, Procedure::Corporate).clamp(1, 3),
        Scope::Informal => 1,
    }
}

/// Whether a complaint counts at `stage` under the rule.
fn counts_at(case: &CaseHistory, stage: u8, rule: StageCounting) -> bool {
    match rule {
        StageCounting::EachStage => case.stages.contains_key(&stage),
        StageCounting::FinalStage => case.final_stage() == stage,
    }
}

fn key(scope: Scope) -> String {
    format!("complaints:{}", scope.as_str())
}

fn reached(scope: Scope, stage: u8) -> String {
    if stage == 1 {
        key(scope)
    } else {
        format!("reached:{}:{stage}", scope.as_str())
    }
}

/// How many complaints reached each stage.
pub(super) fn by_stage(years: &Years<'_>, scope: Scope, stages: u8) -> Table {
    let ids: Vec<(&'static str, String)> = ["stage-1", "stage-2", "stage-3"]
        .into_iter()
        .take(usize::from(stages))
        .map(|s| (s, s.to_owned()))
        .collect();
    let mut table = counted(
        "complaints-by-stage",
        true,
        years,
        |c| {
            c.stages
                .keys()
                .map(|s| Some(format!("stage-{s}")))
                .collect()
        },
        Rows {
            others: false,
            ..fixed(ids)
        },
    );
    for (i, row) in table.rows.iter_mut().enumerate() {
        let stage = u8::try_from(i + 1).unwrap_or(1);
        row.quantity = Some(reached(scope, stage));
    }
    table.base = Some(key(scope));
    table.about(Part::Procedure(scope))
}

pub(super) fn escalations(years: &Years<'_>, scope: Scope, stages: u8) -> Table {
    let moves: Vec<(u8, u8)> = [(1, 2), (2, 3), (1, 3)]
        .into_iter()
        .filter(|(_, to)| *to <= stages)
        .collect();
    let skipped = |cases: &Vec<&CaseHistory>| cases.iter().any(|c| c.escalations.contains(&(1, 3)));
    let any_skipped = years.iter().any(skipped);
    let rows = moves
        .into_iter()
        // Straight from Stage 1 to 3 was possible only before stages were checked; the row
        // shows only when some complaint did it.
        .filter(|m| *m != (1, 3) || any_skipped)
        .map(|(from, to)| {
            let cells = years
                .iter()
                .map(|cases| {
                    let base = cases
                        .iter()
                        .filter(|c| c.stages.contains_key(&from))
                        .count();
                    let moved = cases
                        .iter()
                        .filter(|c| c.escalations.contains(&(from, to)))
                        .count();
                    count_cell(len(moved), len(base))
                })
                .collect();
            let row = Row::new(
                format!("{from}-{to}"),
                Label::Message(format!("report-row-escalation-{from}-{to}")),
                RowKind::Count,
                cells,
            );
            // Reaching a later stage is escalating to it, unless a complaint skipped one.
            if any_skipped {
                row
            } else {
                row.same_as(reached(scope, to))
            }
        })
        .collect();
    Table {
        id: "escalations",
        part: Some(Part::Procedure(scope)),
        chart: false,
        relations: Vec::new(),
        base: None,
        rows,
    }
}

fn outcome_rows() -> Rows {
    let mut rows = fixed(labelled(Outcome::ALL, Outcome::as_str, "outcome-"));
    rows.fixed.extend(
        [
            ("escalated", "report-row-escalated"),
            ("outstanding", "report-row-outstanding"),
            (super::stages::UNKNOWN_OUTCOME, "report-row-outcome-unknown"),
        ]
        .map(|(v, id)| (v.to_owned(), Label::Message(id.to_owned()))),
    );
    Rows {
        total: true,
        ..rows
    }
}

fn outcome_of(run: &StageRun) -> String {
    match (&run.outcome, run.escalated) {
        (Some(outcome), _) => outcome.clone(),
        (None, true) => "escalated".into(),
        (None, false) => "outstanding".into(),
    }
}

/// Each complaint once, with its outcome at the last stage it reached.
pub(super) fn final_outcomes(years: &Years<'_>, scope: Scope) -> Table {
    counted(
        "outcomes",
        true,
        years,
        |c| {
            let last = c.final_stage();
            vec![c.stages.get(&last).map(outcome_of)]
        },
        outcome_rows(),
    )
    .of(key(scope))
    .about(Part::Procedure(scope))
}

pub(super) fn outcomes(years: &Years<'_>, scope: Scope, stage: u8, rule: StageCounting) -> Table {
    let at = only(years, |c| counts_at(c, stage, rule));
    let id = ["outcomes-stage-1", "outcomes-stage-2", "outcomes-stage-3"][usize::from(stage - 1)];
    let table = counted(
        id,
        stage == 1,
        &at,
        |c| vec![c.stages.get(&stage).map(outcome_of)],
        outcome_rows(),
    );
    let table = match rule {
        StageCounting::EachStage => table.of(reached(scope, stage)),
        StageCounting::FinalStage => table,
    };
    table.about(Part::Procedure(scope))
}

#[derive(Default)]
struct Tally {
    within: i64,
    extended: i64,
    over: i64,
    open_over: i64,
    awaiting: i64,
    excluded: i64,
    days: i64,
    extensions: i64,
    pauses: i64,
}

impl Tally {
    fn answered(&self) -> i64 {
        self.within + self.extended + self.over
    }

    /// The average working days, over the responses and the stages still open past their
    /// limit (with their days so far).
    fn average(&self) -> Cell {
        average_cell(self.days, self.answered() + self.open_over)
    }
}

fn tally(
    cases: &[&CaseHistory],
    stage: u8,
    setting: &Setting<'_>,
    keep: &dyn Fn(&CaseHistory) -> bool,
) -> Tally {
    let counting = &setting.rules.lists.report;
    let mut t = Tally::default();
    for case in cases.iter().filter(|c| keep(c)) {
        if !counts_at(case, stage, counting.timescales) {
            continue;
        }
        let Some(run) = case.stages.get(&stage) else {
            continue;
        };
        t.extensions += i64::from(run.extensions);
        t.pauses += i64::from(run.pauses);
        let limit = limits(stage, &case.case.procedure, setting.rules);
        let extended = run.extensions > 0;
        if run.responded.is_none() {
            // Moved on with no response at this stage: not waiting for one either.
            if run.escalated {
                continue;
            }
            // Counted as at the end of the year the complaint was received in (today, for
            // the year still running), so a past year's report stays the same.
            let as_at = setting
                .today
                .min(super::values::FinancialYear::of_ms(case.case.received_at).last_day());
            let so_far = run.started.map(|from| {
                (setting.calendar.working_days_between(from, as_at) - run.paused_days).max(0)
            });
            match so_far.map(|d| (d, timeliness(d, limit, extended))) {
                // Still open past its limit: counted as over, and in the average with the
                // working days so far (the average is of the complaints the table counts).
                Some((days, Timeliness::Over)) => {
                    t.open_over += 1;
                    t.days += days;
                }
                _ => t.awaiting += 1,
            }
            continue;
        }
        let excluded = run
            .outcome
            .as_deref()
            .and_then(Outcome::parse)
            .is_some_and(|o| counting.timescales_exclude.contains(&o));
        if excluded {
            t.excluded += 1;
            continue;
        }
        let Some(days) = run.working_days(setting.calendar) else {
            continue;
        };
        t.days += days;
        match timeliness(days, limit, extended) {
            Timeliness::WithinStandard => t.within += 1,
            Timeliness::WithinExtended => t.extended += 1,
            Timeliness::Over => t.over += 1,
        }
    }
    t
}

/// How long a stage took: within its standard limit, within the extended limit (when
/// extended), over; those still open past their limit; the average in working days.
pub(super) fn timescales(
    years: &Years<'_>,
    scope: Scope,
    stage: u8,
    setting: &Setting<'_>,
) -> Table {
    let tallies: Vec<Tally> = years
        .iter()
        .map(|cases| tally(cases, stage, setting, &|_| true))
        .collect();
    let quantity = format!("timed:{}:{stage}", scope.as_str());
    let row = |id: &str, kind: RowKind, cell: &dyn Fn(&Tally) -> Cell| {
        Row::new(
            id,
            Label::Message(format!("report-row-{id}")),
            kind,
            tallies.iter().map(cell).collect(),
        )
    };
    let of_base =
        |n: fn(&Tally) -> i64| move |t: &Tally| count_cell(n(t), t.answered() + t.open_over);
    let id = [
        "timescales-stage-1",
        "timescales-stage-2",
        "timescales-stage-3",
    ][usize::from(stage - 1)];
    Table {
        id,
        part: Some(Part::Procedure(scope)),
        chart: false,
        // Within, within the extended limit and over add up to those answered.
        relations: vec![Relation {
            parts: vec![0, 1, 2],
            total: 3,
        }],
        base: None,
        rows: vec![
            row("within-standard", RowKind::Count, &of_base(|t| t.within)),
            row("within-extended", RowKind::Count, &of_base(|t| t.extended)),
            row("over", RowKind::Count, &of_base(|t| t.over)),
            row("responded", RowKind::Total, &|t| plain(t.answered())).same_as(quantity),
            row("open-over", RowKind::Count, &of_base(|t| t.open_over)),
            row("awaiting", RowKind::Count, &|t| plain(t.awaiting)),
            row("excluded", RowKind::Count, &|t| plain(t.excluded)),
            row("average-days", RowKind::Average, &Tally::average),
            row("extensions", RowKind::Count, &|t| plain(t.extensions)),
            row("pauses", RowKind::Count, &|t| plain(t.pauses)),
        ],
    }
}

/// The average working days of the responses a timescale table counts, for the cases
/// `keep` keeps (a quarter, a team): `(days in all, responses)`.
pub(super) fn average_of(
    cases: &[&CaseHistory],
    stage: u8,
    setting: &Setting<'_>,
    keep: &dyn Fn(&CaseHistory) -> bool,
) -> Cell {
    tally(cases, stage, setting, keep).average()
}

/// Alternative dispute resolution (mediation): stages paused for it, and whether the
/// complaint then ended there, went on to the next stage, or is still at it.
pub(super) fn dispute_resolution(years: &Years<'_>, scope: Scope) -> Table {
    let tallies: Vec<[i64; 4]> = years
        .iter()
        .map(|cases| {
            let mut t = [0; 4];
            for run in cases.iter().flat_map(|c| c.stages.values()) {
                if run.pauses == 0 {
                    continue;
                }
                t[0] += 1;
                let i = if run.escalated {
                    2
                } else if run.responded.is_some() {
                    1
                } else {
                    3
                };
                t[i] += 1;
            }
            t
        })
        .collect();
    let row = |id: &str, i: usize| {
        let kind = if i == 0 {
            RowKind::Total
        } else {
            RowKind::Count
        };
        Row::new(
            id,
            Label::Message(format!("report-row-adr-{id}")),
            kind,
            tallies.iter().map(|t| count_cell(t[i], t[0])).collect(),
        )
    };
    Table {
        id: "dispute-resolution",
        part: Some(Part::Procedure(scope)),
        chart: false,
        relations: vec![Relation {
            parts: vec![1, 2, 3],
            total: 0,
        }],
        base: None,
        rows: vec![
            row("held", 0),
            row("resolved", 1),
            row("went-on", 2),
            row("open", 3),
        ],
    }
}

/// Row ids [`dispute_resolution`] uses.
pub const ADR_ROW_IDS: &[&str] = &[
    "report-row-adr-held",
    "report-row-adr-resolved",
    "report-row-adr-went-on",
    "report-row-adr-open",
];
