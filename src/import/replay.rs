//! A row's history replayed through the casework rules, step by step with the dates it gives,
//! exactly as an officer catching up on the case page would record it: `casework::apply`
//! decides what each step may be and does, so an imported case cannot hold a history the
//! service would refuse, and its timeline events are the ones staff would have written.

use time::Date;

use super::Problem;
use super::columns::{Row, STAGE_COLUMNS, StageColumns};
use crate::casework::{self, Action, ActionKind, Change, Lifecycle, Rules};
use crate::domain::{CaseEvent, CaseKind, CaseStatus, Procedure, StageFacts};
use crate::report::values::{instant, london_ms};
use crate::store::import::ImportedCase;
use crate::timescale::{Calendar, Deadline, today_in_england};

mod actions;
mod problems;

use actions::{facts_actions, list_action};
use problems::{facts_refused, out_of_order, refused};

/// What the rules are judged against.
pub struct Context<'a> {
    pub calendar: &'a Calendar,
    pub rules: &'a Rules,
    pub today: Date,
}

/// One dated step of the row.
struct Step {
    date: Date,
    /// 0 for the acknowledgement, the stage number for a stage's steps, 4 for closing.
    stage: u8,
    /// Order among one stage's steps on the same day.
    rank: u8,
    column: &'static str,
    action: Action,
}

fn stage_steps(n: usize, columns: &StageColumns, steps: &mut Vec<Step>) {
    let [requested, _, extended, _, paused, resumed, responded, _] = STAGE_COLUMNS[n];
    let stage = u8::try_from(n + 1).unwrap_or(3);
    let mut push = |date: Date, rank: u8, column: Option<&'static str>, action: Action| {
        steps.push(Step {
            date,
            stage,
            rank,
            column: column.unwrap_or_default(),
            action,
        });
    };
    if let Some(date) = columns.requested_on {
        let late_reason = columns.late_reason.clone();
        push(date, 0, requested, Action::Escalate { late_reason });
    }
    if let Some(date) = columns.extended_on {
        let reason = columns.extension_reason.clone().unwrap_or_default();
        push(date, 1, extended, Action::Extend { reason });
    }
    for date in &columns.paused_on {
        push(*date, 2, paused, Action::Pause { agreed: true });
    }
    for date in &columns.resumed_on {
        push(*date, 3, resumed, Action::Resume);
    }
    if let (Some(date), Some(outcome)) = (columns.responded_on, columns.outcome) {
        let action = Action::RecordOutcome {
            outcome,
            resolution: None,
        };
        push(date, 4, responded, action);
    }
}

/// Check the row and replay it: the case to write, or every problem found.
pub fn prepare(row: &Row, ctx: &Context<'_>) -> Result<ImportedCase, Vec<Problem>> {
    let problems = super::shape::check(row, ctx);
    if !problems.is_empty() {
        return Err(problems);
    }
    let (hour, minute) = row.received_time;
    let received_at = london_ms(row.received_on, hour, minute);
    let received_on = today_in_england(instant(received_at));
    let started_on = ctx.calendar.start_date(instant(received_at));
    let complaint = row.kind.has_procedure();
    let procedure = row
        .procedure
        .filter(|_| complaint)
        .unwrap_or(Procedure::Statutory);
    let mut case = Lifecycle {
        kind: row.kind,
        procedure,
        stage: casework::first_stage(ctx.rules, procedure, started_on, ctx.calendar)
            .filter(|_| complaint),
        status: CaseStatus::New,
        received_on,
        acknowledged: false,
        outcome: None,
        resolution: None,
        last_step_on: received_on,
        paused_on: None,
        team: None,
        category: row.category,
        assignee_id: None,
        receipt: String::new(),
        trackable: false,
        listed: casework::Listed::default(),
        facts: StageFacts::default(),
        ombudsman: None,
    };
    let lists = &ctx.rules.lists;
    let Some(method) = lists.receipt_method(&row.method) else {
        let known: Vec<&str> = lists
            .receipt_methods
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        return Err(vec![Problem::at(
            row.line,
            "method_of_receipt",
            format!("{:?} is not one of: {}", row.method, known.join(", ")),
        )]);
    };
    case.receipt.clone_from(&method.id);
    // Teams may be named by label (current or former) as another system wrote them.
    let mut teams = Vec::new();
    for given in &row.teams {
        match lists.team(given).or_else(|| lists.team_named(given)) {
            Some(team) => teams.push(team.id.clone()),
            None => {
                return Err(vec![Problem::at(
                    row.line,
                    "teams",
                    format!("{given:?} is not a team on the council's list"),
                )]);
            }
        }
    }
    let mut steps = Vec::new();
    if let Some(date) = row.acknowledged_on {
        steps.push(Step {
            date,
            stage: 0,
            rank: 0,
            column: "acknowledged_on",
            action: Action::Acknowledge,
        });
    }
    for (n, stage) in row.stages.iter().enumerate() {
        stage_steps(n, stage, &mut steps);
    }
    if let Some(date) = row.closed_on {
        steps.push(Step {
            date,
            stage: 4,
            rank: 0,
            column: "closed_on",
            action: Action::Close,
        });
    }
    steps.sort_by_key(|s| (s.date, s.stage, s.rank));

    let mut events = vec![
        (CaseEvent::Submitted, Some(received_on)),
        (
            CaseEvent::Note {
                text: format!("Imported from another system (id {}).", row.external_id),
                visibility: Default::default(),
            },
            None,
        ),
    ];
    if let Some(summary) = &row.summary {
        // As for a case recorded by hand: what was written down shows in the timeline.
        events.push((
            CaseEvent::Note {
                text: summary.clone(),
                visibility: Default::default(),
            },
            None,
        ));
    }
    // Categories and teams as recorded when the case arrived: the mentions are Stage 1's.
    let first = [
        (!row.categories.is_empty()).then(|| Action::Categories {
            ids: row.categories.clone(),
        }),
        (!teams.is_empty()).then(|| Action::Teams { ids: teams.clone() }),
    ];
    for action in first.into_iter().flatten() {
        list_action(row, &action, &mut case, &mut events, ctx)?;
    }
    let mut acknowledged_on = None;
    let mut closed_on = None;
    let mut previous: Option<(&'static str, Date)> = None;
    while !steps.is_empty() {
        let day = steps[0].date;
        let group = steps.iter().take_while(|s| s.date == day).count();
        let current = case.stage.map_or(1, |s| s.number);
        // A step of a stage already left behind is out of order, whatever else that day holds.
        if let Some(late) = steps[..group].iter().find(|s| behind(s, current)) {
            return Err(vec![out_of_order(row, late, current)]);
        }
        let pick = (0..group).find(|&k| {
            let s = &steps[k];
            ready(s, current) && casework::check_offered(&case, s.action.kind(), ctx.rules).is_ok()
        });
        let step = steps.remove(pick.unwrap_or(0));
        if pick.is_none() && !ready(&step, current) {
            return Err(vec![out_of_order(row, &step, current)]);
        }
        let applied = casework::apply(
            &step.action,
            &case,
            step.date,
            ctx.today,
            ctx.calendar,
            ctx.rules,
        );
        match applied {
            Ok(Change::Changed { after, event }) => {
                if after.acknowledged && !case.acknowledged {
                    acknowledged_on = Some(step.date);
                }
                if step.action.kind() == ActionKind::Close {
                    closed_on = Some(step.date);
                }
                events.push((event, Some(step.date)));
                case = *after;
                previous = Some((step.column, step.date));
            }
            Ok(Change::Nothing) => {}
            Err(e) => return Err(vec![refused(row, &step, &case, &e, previous)]),
        }
    }
    // The Stage 2 and 3 facts and the Ombudsman's enquiry, on the case as its steps left it
    // (they may be recorded on a closed complaint), as the staff page's forms record them.
    for action in facts_actions(row) {
        match casework::apply(
            &action,
            &case,
            ctx.today,
            ctx.today,
            ctx.calendar,
            ctx.rules,
        ) {
            Ok(Change::Changed { after, event }) => {
                // Undated, as on the staff page: the form records how things stand.
                events.push((event, None));
                case = *after;
            }
            Ok(Change::Nothing) => {}
            Err(e) => return Err(vec![facts_refused(row, &action, &case, &e)]),
        }
    }
    let last = [
        (!row.actions_taken.is_empty()).then(|| Action::ActionsTaken {
            ids: row.actions_taken.clone(),
        }),
        row.council_outcome
            .clone()
            .map(|id| Action::CouncilOutcome { id: Some(id) }),
    ];
    for action in last.into_iter().flatten() {
        list_action(row, &action, &mut case, &mut events, ctx)?;
    }
    let acknowledge_by = match row.kind {
        CaseKind::SafetyConcern => received_on,
        _ => ctx.calendar.due(Deadline::Acknowledge, started_on),
    };
    Ok(ImportedCase {
        external_id: row.external_id.clone(),
        method_of_receipt: case.receipt.clone(),
        case,
        submitted_by: row.submitted_by.as_str().to_owned(),
        advocate_wanted: row.advocate.as_str().to_owned(),
        age: row.age,
        locale: row.language.clone(),
        urgent: row.urgent,
        summary: row.summary.clone(),
        received_at,
        started_on,
        acknowledge_by,
        acknowledged_on,
        closed_on,
        events,
    })
}

/// Whether a step belongs to a stage the case has moved past.
fn behind(step: &Step, current: u8) -> bool {
    match (&step.action, step.stage) {
        (_, 0 | 4) => false,
        (Action::Escalate { .. }, n) => n <= current,
        (_, n) => n < current,
    }
}

/// Whether the case is at the stage the step belongs to.
fn ready(step: &Step, current: u8) -> bool {
    match (&step.action, step.stage) {
        (_, 0 | 4) => true,
        (Action::Escalate { .. }, n) => n == current + 1,
        (_, n) => n == current,
    }
}
