//! A step the rules refused or that came out of order, told in the words of the import file:
//! the column it is about and what the row would need instead.

use time::Date;

use super::Step;
use crate::casework::{Action, ActionKind, CaseworkError, Lifecycle};
use crate::domain::{CaseStatus, Procedure};
use crate::import::Problem;
use crate::import::columns::Row;
use crate::store::cases::format_date;
use crate::timescale::Deadline;

/// Facts or an Ombudsman enquiry the rules refused, named by the column it is about.
pub(super) fn facts_refused(
    row: &Row,
    action: &Action,
    case: &Lifecycle,
    e: &CaseworkError,
) -> Problem {
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
        (_, e) => (first(crate::import::columns::FACT_COLUMNS), e.to_string()),
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

pub(super) fn out_of_order(row: &Row, step: &Step, current: u8) -> Problem {
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
pub(super) fn refused(
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
