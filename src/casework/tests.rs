//! Unit tests of the casework rules, by topic; the shared fixtures live here.

use proptest::prelude::*;
use time::macros::date;

use super::*;
use crate::domain::{CaseEvent, ListRef, NoteVisibility};
use crate::timescale::Calendar;

mod facts;
mod lists;
mod property;
mod stages;
mod steps;

fn cal() -> Calendar {
    Calendar::england_and_wales()
}

/// A complaint received on Monday 5 January 2026, Stage 1 statutory, not yet acknowledged.
fn complaint() -> Lifecycle {
    let start = date!(2026 - 01 - 05);
    Lifecycle {
        kind: CaseKind::Complaint,
        procedure: Procedure::Statutory,
        stage: first_stage(&Rules::default(), Procedure::Statutory, start, &cal()),
        status: CaseStatus::New,
        received_on: start,
        acknowledged: false,
        outcome: None,
        resolution: None,
        last_step_on: start,
        paused_on: None,
        team: None,
        category: None,
        assignee_id: None,
        receipt: "online".into(),
        trackable: true,
        listed: Listed::default(),
        facts: StageFacts::default(),
        ombudsman: None,
    }
}

fn of_kind(kind: CaseKind) -> Lifecycle {
    Lifecycle {
        kind,
        stage: None,
        ..complaint()
    }
}

const TODAY: Date = date!(2026 - 06 - 30);

fn run(case: &Lifecycle, action: Action, on: Date) -> Result<Lifecycle, CaseworkError> {
    match apply(&action, case, on, TODAY, &cal(), &Rules::default())? {
        Change::Changed { after, .. } => Ok(*after),
        Change::Nothing => Ok(case.clone()),
    }
}

fn outcome(o: Outcome) -> Action {
    Action::RecordOutcome {
        outcome: o,
        resolution: None,
    }
}

fn escalate(reason: Option<&str>) -> Action {
    Action::Escalate {
        late_reason: reason.map(str::to_owned),
    }
}
