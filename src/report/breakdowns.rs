//! Complaints broken down by where and when: by team at each stage, Stage 1 response times by
//! service (area) and by team, by quarter of the year, and how soon each was acknowledged.

use time::Month;

use super::procedure::{Setting, average_of};
use super::stages::CaseHistory;
use super::tables::{Label, Row, RowKind, Rows, Table, Years, counted, each, fixed, only, teams};
use super::values::instant;
use crate::lists::Lists;
use crate::timescale::today_in_england;

/// Complaints that reached `stage`, by team (a complaint about two teams counts in each).
pub(super) fn team_at_stage(years: &Years<'_>, stage: u8, lists: &Lists) -> Table {
    let at = only(years, |c| c.stages.contains_key(&stage));
    let id = ["team-stage-1", "team-stage-2", "team-stage-3"][usize::from(stage.clamp(1, 3) - 1)];
    counted(id, false, &at, |c| each(&c.teams), teams(lists))
}

/// Average Stage 1 working days, by service (area) or by team, with the responses counted as
/// the timescale tables count them.
pub(super) fn times_by(years: &Years<'_>, setting: &Setting<'_>, by_service: bool) -> Table {
    let lists = &setting.rules.lists;
    let groups: Vec<(String, String)> = if by_service {
        lists
            .services
            .iter()
            .map(|s| (s.id.clone(), s.label.clone()))
            .collect()
    } else {
        lists
            .teams
            .iter()
            .map(|t| (t.id.clone(), t.label.clone()))
            .collect()
    };
    let belongs = |case: &CaseHistory, id: &str| {
        if by_service {
            case.teams
                .iter()
                .any(|t| lists.team(t).is_some_and(|team| team.service == id))
        } else {
            case.teams.iter().any(|t| t == id)
        }
    };
    let rows = groups
        .iter()
        .map(|(id, label)| {
            Row::new(
                id.clone(),
                Label::Text(label.clone()),
                RowKind::Average,
                years
                    .iter()
                    .map(|cases| average_of(cases, 1, setting, &|c| belongs(c, id)))
                    .collect(),
            )
        })
        // Only the services or teams that answered complaints in some year shown.
        .filter(|row| row.cells().iter().any(|c| c.count > 0))
        .collect();
    Table {
        id: if by_service {
            "times-by-service"
        } else {
            "times-by-team"
        },
        part: None,
        chart: false,
        relations: Vec::new(),
        base: None,
        rows,
    }
}

/// The quarter of the financial year a case was received in: 1 is April to June.
fn quarter(case: &CaseHistory) -> u8 {
    let month = today_in_england(instant(case.case.received_at)).month();
    match month {
        Month::April | Month::May | Month::June => 1,
        Month::July | Month::August | Month::September => 2,
        Month::October | Month::November | Month::December => 3,
        _ => 4,
    }
}

const QUARTERS: [&str; 4] = ["q1", "q2", "q3", "q4"];

/// Message ids for the quarters.
pub fn quarter_ids() -> Vec<String> {
    QUARTERS.iter().map(|q| format!("report-row-{q}")).collect()
}

/// Complaints received in each quarter.
pub(super) fn by_quarter(years: &Years<'_>) -> Table {
    counted(
        "complaints-by-quarter",
        false,
        years,
        |c| vec![Some(QUARTERS[usize::from(quarter(c) - 1)].to_owned())],
        Rows {
            total: true,
            ..fixed(QUARTERS.map(|q| (q, format!("report-row-{q}"))))
        },
    )
    .of("complaints:all")
}

/// Average Stage 1 working days of the complaints received in each quarter (those a
/// `scope` complaint's timescale table counts).
pub(super) fn days_by_quarter(
    years: &Years<'_>,
    setting: &Setting<'_>,
    scope: crate::lists::counting::Scope,
) -> Table {
    let rows = (1..=4u8)
        .map(|q| {
            let id = QUARTERS[usize::from(q - 1)];
            Row::new(
                id,
                Label::Message(format!("report-row-{id}")),
                RowKind::Average,
                years
                    .iter()
                    .map(|cases| {
                        average_of(cases, 1, setting, &|c| {
                            quarter(c) == q && super::tables::in_scope(c, scope)
                        })
                    })
                    .collect(),
            )
        })
        .collect();
    Table {
        id: "days-by-quarter",
        part: Some(super::tables::Part::Procedure(scope)),
        chart: false,
        relations: Vec::new(),
        base: None,
        rows,
    }
}

/// Complaints acknowledged within 3 working days of the day their clock started, later, or
/// not at all.
pub(super) fn acknowledgement(years: &Years<'_>, setting: &Setting<'_>) -> Table {
    let calendar = setting.calendar;
    counted(
        "acknowledgement",
        false,
        years,
        |c| {
            let start = calendar.start_date(instant(c.case.received_at));
            // A case stored before moving on acknowledged it has no acknowledgement of its
            // own: the move to Stage 2 did, on its day (as an import replays it).
            let on = c
                .case
                .acknowledged_at
                .map(|at| today_in_england(instant(at)))
                .or_else(|| c.stages.get(&2).and_then(|run| run.started));
            let key = match on {
                None => "not-acknowledged",
                Some(on) => {
                    if calendar.working_days_between(start, on) <= ACKNOWLEDGE_DAYS {
                        "within-3"
                    } else {
                        "later"
                    }
                }
            };
            vec![Some(key.to_owned())]
        },
        Rows {
            total: true,
            ..fixed(
                ["within-3", "later", "not-acknowledged"]
                    .map(|k| (k, format!("report-row-ack-{k}"))),
            )
        },
    )
    .of("complaints:all")
}

/// The acknowledgement the Regulations expect: within 3 working days.
const ACKNOWLEDGE_DAYS: i64 = 3;

/// Message ids for [`acknowledgement`]'s rows.
pub const ACK_ROW_IDS: &[&str] = &[
    "report-row-ack-within-3",
    "report-row-ack-later",
    "report-row-ack-not-acknowledged",
];
