//! A row's history replayed through the casework rules, step by step with the dates it gives,
//! exactly as an officer catching up on the case page would record it: `casework::apply`
//! decides what each step may be and does, so an imported case cannot hold a history the
//! service would refuse, and its timeline events are the ones staff would have written.

use time::Date;

use super::Problem;
use super::columns::{Row, STAGE_COLUMNS, StageColumns};
use crate::casework::{self, Action, ActionKind, CaseworkError, Change, Lifecycle, Rules};
use crate::domain::{CaseEvent, CaseKind, CaseStatus, Ombudsman, Procedure, StageFacts};
use crate::report::values::{instant, london_ms};
use crate::store::cases::format_date;
use crate::store::import::ImportedCase;
use crate::timescale::{Calendar, Deadline, today_in_england};

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

/// One of the council's lists set as the case page's form sets it (undated), or the column
/// it is refused at.
fn list_action(
    row: &Row,
    action: &Action,
    case: &mut Lifecycle,
    events: &mut Vec<(CaseEvent, Option<Date>)>,
    ctx: &Context<'_>,
) -> Result<(), Vec<Problem>> {
    match casework::apply(action, case, ctx.today, ctx.today, ctx.calendar, ctx.rules) {
        Ok(Change::Changed { after, event }) => {
            events.push((event, None));
            *case = *after;
            Ok(())
        }
        Ok(Change::Nothing) => Ok(()),
        Err(e) => {
            let column = match action {
                Action::Categories { .. } => "categories",
                Action::Teams { .. } => "teams",
                Action::ActionsTaken { .. } => "actions_taken",
                _ => "council_outcome",
            };
            let message = match e {
                CaseworkError::NotOnList { .. } => {
                    "an entry is not on the council's lists (ids as in the lists file)".to_owned()
                }
                other => other.to_string(),
            };
            Err(vec![Problem::at(row.line, column, message)])
        }
    }
}

/// The row's facts and Ombudsman columns as the staff forms' actions, facts first.
fn facts_actions(row: &Row) -> Vec<Action> {
    let mut actions = Vec::new();
    if row.facts != StageFacts::default() {
        actions.push(Action::RecordFacts(row.facts.clone()));
    }
    if let (Some(received_on), Some(decision)) = (row.ombudsman.received_on, row.ombudsman.decision)
    {
        actions.push(Action::RecordOmbudsman(Ombudsman {
            received_on,
            decision,
            remedy: row.ombudsman.remedy.clone(),
        }));
    }
    actions
}

/// Facts or an Ombudsman enquiry the rules refused, named by the column it is about.
fn facts_refused(row: &Row, action: &Action, case: &Lifecycle, e: &CaseworkError) -> Problem {
    let stage = case.stage.map_or(0, |s| s.number);
    let first = |columns: &[&'static str]| {
        row.filled_facts()
            .into_iter()
            .find(|c| columns.contains(c))
            .unwrap_or(columns[0])
    };
    let (column, message) = match (action, e) {
        (Action::RecordFacts(facts), CaseworkError::NotAtStage) => {
            let stage_two = facts.investigating_officer.is_some()
                || facts.independent_person.is_some()
                || facts.cost_investigation_pence.is_some()
                || facts.cost_independent_person_pence.is_some();
            if stage_two && stage < 2 {
                (
                    first(&[
                        "investigating_officer",
                        "independent_person",
                        "cost_investigation",
                        "cost_independent_person",
                    ]),
                    format!(
                        "stage 2 facts, but the complaint {} (stage2_requested_on)",
                        reached(case)
                    ),
                )
            } else {
                let why = if case.procedure == Procedure::Statutory {
                    format!("this complaint {}", reached(case))
                } else {
                    format!("this complaint follows the {} procedure", case.procedure)
                };
                (
                    first(&["stage3_panel_on", "cost_panel"]),
                    format!(
                        "the stage 3 panel belongs to a statutory complaint that reached \
                         stage 3, but {why} (stage3_requested_on)"
                    ),
                )
            }
        }
        (Action::RecordFacts(facts), CaseworkError::PanelBeforeStage) => (
            "stage3_panel_on",
            format!(
                "{} is before stage 3 was requested ({})",
                facts.panel_on.map(format_date).unwrap_or_default(),
                case.stage
                    .map(|s| format_date(s.started_on))
                    .unwrap_or_default()
            ),
        ),
        (Action::RecordOmbudsman(o), CaseworkError::FutureDate) => (
            "ombudsman_received_on",
            format!("{} is in the future", o.received_on),
        ),
        (Action::RecordOmbudsman(o), CaseworkError::BeforeReceipt) => (
            "ombudsman_received_on",
            format!(
                "{} is before the case was received ({})",
                o.received_on, row.received_on
            ),
        ),
        (Action::RecordOmbudsman(_), e) => ("ombudsman_decision", e.to_string()),
        (_, e) => (first(super::columns::FACT_COLUMNS), e.to_string()),
    };
    Problem::at(row.line, column, message)
}

/// "reached stage 1 only", for a message.
fn reached(case: &Lifecycle) -> String {
    match case.stage {
        Some(s) => format!("reached stage {} only", s.number),
        None => "has no stages".to_owned(),
    }
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

fn out_of_order(row: &Row, step: &Step, current: u8) -> Problem {
    let message = if step.stage < current || matches!(step.action, Action::Escalate { .. }) {
        format!(
            "{} is after stage {current} was requested ({}): each stage's steps come \
             before the next stage is requested",
            step.date,
            row.stages[usize::from(current.max(1) - 1)]
                .requested_on
                .map(format_date)
                .unwrap_or_default()
        )
    } else {
        format!(
            "{} is before stage {} was requested (stage{}_requested_on)",
            step.date, step.stage, step.stage
        )
    };
    Problem::at(row.line, step.column, message)
}

/// A step the rules refused, in the words of the import file.
fn refused(
    row: &Row,
    step: &Step,
    case: &Lifecycle,
    e: &CaseworkError,
    previous: Option<(&'static str, Date)>,
) -> Problem {
    let date = step.date;
    let stage = case.stage.map_or(1, |s| s.number);
    let (column, message) = match e {
        CaseworkError::FutureDate => (step.column, format!("{date} is in the future")),
        CaseworkError::BeforeReceipt => (
            step.column,
            format!(
                "{date} is before the case was received ({})",
                row.received_on
            ),
        ),
        CaseworkError::BeforePreviousStep => (
            step.column,
            match previous {
                Some((column, on)) => format!("{date} is before {column} ({on})"),
                None => format!("{date} is before the step recorded before it"),
            },
        ),
        CaseworkError::ReasonNeeded => (step.column, "a reason is needed".to_owned()),
        CaseworkError::LateEscalation => (
            late_reason_column(step.stage),
            format!(
                "stage {} was requested more than {} working days after the stage {stage} \
                 response: give the reason it was accepted",
                step.stage,
                Deadline::EscalationWindow.working_days()
            ),
        ),
        CaseworkError::EscalationBeforeResponse => (
            late_reason_column(step.stage),
            format!(
                "stage {} was requested before stage {stage} had its response: give the \
                 reason, or stage{stage}_responded_on and stage{stage}_outcome",
                step.stage
            ),
        ),
        CaseworkError::OutcomeFirst => (
            step.column,
            format!("a complaint is closed only after its outcome (stage{stage}_outcome)"),
        ),
        CaseworkError::NotOffered
        | CaseworkError::AgreementNeeded
        | CaseworkError::PausedFirst
        | CaseworkError::NotAtStage
        | CaseworkError::PanelBeforeStage
        // Dated steps carry no list ids; `list_action` names its own columns.
        | CaseworkError::NotOnList { .. } => (step.column, not_offered(step, case)),
    };
    Problem::at(row.line, column, message)
}

fn late_reason_column(stage: u8) -> &'static str {
    match stage {
        2 => "stage2_late_reason",
        _ => "stage3_late_reason",
    }
}

/// Why a step is not open to the case at its date.
fn not_offered(step: &Step, case: &Lifecycle) -> String {
    let date = step.date;
    let stage = case.stage.map_or(1, |s| s.number);
    if case.status == CaseStatus::Closed {
        return format!("{date}: the case was already closed (closed_on)");
    }
    if let Some(paused) = case.paused_on {
        return format!(
            "{date}: the clock is paused from {paused}; give the day it resumed \
             (stage{stage}_resumed_on) first"
        );
    }
    let responded = case.stage.and_then(|s| s.responded_on);
    match step.action.kind() {
        ActionKind::Acknowledge => {
            format!("{date}: the case was already acknowledged by then (a later stage began)")
        }
        ActionKind::Resume => format!("{date}: the clock was not paused then"),
        ActionKind::Extend | ActionKind::Pause if responded.is_some() => format!(
            "{date}: stage {stage} already had its response ({})",
            responded.map(format_date).unwrap_or_default()
        ),
        ActionKind::Extend => format!(
            "{date}: stage {stage} of the {} procedure cannot be extended",
            case.procedure
        ),
        _ => format!("{date}: the procedure does not allow this step at this point"),
    }
}
