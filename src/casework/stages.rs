//! The clock of a formal procedure's stages: how many a procedure has, the working days
//! each allows, and when a new stage falls due.

use time::Date;

use super::Rules;
use crate::domain::Procedure;
use crate::timescale::{Calendar, Deadline};

/// A stage of a formal procedure and its clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageClock {
    /// 1-based; Stage 3 is the statutory review panel.
    pub number: u8,
    /// Day 0 of the stage's clock: the start date for Stage 1, the day the request to move on
    /// arrived for later stages.
    pub started_on: Date,
    pub due_on: Date,
    pub extended_due_on: Option<Date>,
    /// The day the stage's response was sent (its outcome recorded).
    pub responded_on: Option<Date>,
}

impl StageClock {
    pub fn current_due(&self) -> Date {
        self.extended_due_on.unwrap_or(self.due_on)
    }
}

/// The working days a stage has, and its extended limit if it may be extended.
pub fn stage_limits(rules: &Rules, procedure: Procedure, stage: u8) -> Option<(u32, Option<u32>)> {
    let days = Deadline::working_days;
    match (procedure, stage) {
        (Procedure::Statutory, 1) => Some((
            days(Deadline::StageOne),
            Some(days(Deadline::StageOneExtended)),
        )),
        (Procedure::Statutory, 2) => Some((
            days(Deadline::StageTwo),
            Some(days(Deadline::StageTwoExtended)),
        )),
        (Procedure::Statutory, 3) => Some((days(Deadline::StageThreePanel), None)),
        (Procedure::Corporate, n) if n >= 1 => rules
            .corporate_stage_days
            .get(usize::from(n - 1))
            .map(|d| (*d, None)),
        _ => None,
    }
}

/// How many stages a procedure has.
pub fn stage_count(rules: &Rules, procedure: Procedure) -> u8 {
    match procedure {
        Procedure::Statutory => 3,
        Procedure::Corporate => u8::try_from(rules.corporate_stage_days.len()).unwrap_or(u8::MAX),
        Procedure::Informal => 0,
    }
}

/// The escalation window: working days after a stage's response in which the complainant
/// may ask for the next stage without a reason for lateness.
pub(super) fn escalation_window() -> u32 {
    Deadline::EscalationWindow.working_days()
}

/// A new stage's clock, from the day it starts.
pub(super) fn start_stage(
    rules: &Rules,
    procedure: Procedure,
    number: u8,
    started_on: Date,
    calendar: &Calendar,
) -> Option<StageClock> {
    let (days, _) = stage_limits(rules, procedure, number)?;
    Some(StageClock {
        number,
        started_on,
        due_on: calendar.add_working_days(started_on, days),
        extended_due_on: None,
        responded_on: None,
    })
}

/// The first stage's clock of a complaint received (its start date) on `start`.
pub fn first_stage(
    rules: &Rules,
    procedure: Procedure,
    start: Date,
    calendar: &Calendar,
) -> Option<StageClock> {
    start_stage(rules, procedure, 1, start, calendar)
}
