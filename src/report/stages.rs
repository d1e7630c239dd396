//! Which stages a case reached, and how each went, read from its timeline. The timeline is the
//! audit trail staff already write (`stage_changed`, `extended`, `paused`, `resumed`,
//! `outcome`, `closed`), so the report needs no column of its own that could disagree with it.
//!
//! For each stage: the day its clock started (the start date of the representation for Stage
//! 1; of the `stage_changed` event for a later stage, as on the case page), the day of its
//! response (the last `outcome` recorded at that stage, else the case's closing), the outcome,
//! the extensions and the pauses for alternative dispute resolution.

use std::collections::BTreeMap;

use time::Date;

use super::values::instant;
use crate::casework::Rules;
use crate::domain::CaseEvent;
use crate::domain::Procedure;
use crate::store::report::{Listed, ReportCase, ReportEvent};
use crate::timescale::{Calendar, Deadline, today_in_england};

/// One stage of one case.
#[derive(Debug, Clone, PartialEq)]
pub struct StageRun {
    /// Unknown only when a case was moved on without a `stage_changed` event.
    pub started: Option<Date>,
    pub responded: Option<Date>,
    pub outcome: Option<String>,
    pub extensions: u32,
    pub pauses: u32,
    /// Working days the clock stood still for alternative dispute resolution.
    pub paused_days: i64,
    paused_since: Option<Date>,
    /// Moved on to a later stage.
    pub escalated: bool,
}

impl StageRun {
    pub(crate) fn new(started: Option<Date>) -> Self {
        Self {
            started,
            responded: None,
            outcome: None,
            extensions: 0,
            pauses: 0,
            paused_days: 0,
            paused_since: None,
            escalated: false,
        }
    }

    /// Working days from the start of the stage to its response, less time paused.
    pub fn working_days(&self, calendar: &Calendar) -> Option<i64> {
        let (from, to) = (self.started?, self.responded?);
        Some((calendar.working_days_between(from, to) - self.paused_days).max(0))
    }
}

/// A case with its stages worked out.
#[derive(Debug, Clone)]
pub struct CaseHistory {
    pub case: ReportCase,
    /// Stage number (1 to 3) to how it went; every case has Stage 1.
    pub stages: BTreeMap<u8, StageRun>,
    /// `(from, to)` for each move to a later stage.
    pub escalations: Vec<(u8, u8)>,
    /// Every category mention (ids from the council's lists), at any stage.
    pub mentions: Vec<String>,
    /// The teams from the council's lists.
    pub teams: Vec<String>,
}

impl CaseHistory {
    /// The last stage the complaint reached.
    pub fn final_stage(&self) -> u8 {
        self.stages.keys().next_back().copied().unwrap_or(1)
    }
}

/// How a stage's response compares with its time limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timeliness {
    WithinStandard,
    /// Within the extended limit, and the stage was extended.
    WithinExtended,
    Over,
}

/// The standard and (if any) extended limit of a stage, in working days: the same limits the
/// case page gives the stage (a corporate stage has the council's days and no extension).
/// An informal complaint has no stages; its one response is held to Stage 1's standard limit.
pub fn limits(stage: u8, procedure: &str, rules: &Rules) -> (i64, Option<i64>) {
    let standard = (i64::from(Deadline::StageOne.working_days()), None);
    match Procedure::parse(procedure) {
        Some(p @ (Procedure::Statutory | Procedure::Corporate)) => {
            crate::casework::stage_limits(rules, p, stage).map_or(standard, |(days, extended)| {
                (i64::from(days), extended.map(i64::from))
            })
        }
        _ => standard,
    }
}

pub fn timeliness(days: i64, limits: (i64, Option<i64>), extended: bool) -> Timeliness {
    let (standard, extended_limit) = limits;
    if days <= standard {
        Timeliness::WithinStandard
    } else if extended && extended_limit.is_some_and(|limit| days <= limit) {
        Timeliness::WithinExtended
    } else {
        Timeliness::Over
    }
}

/// An outcome was recorded, but its detail is gone (the case was anonymised).
pub const UNKNOWN_OUTCOME: &str = "unknown";

fn london_date(ms: i64) -> Date {
    today_in_england(instant(ms))
}

/// Read one case's timeline (its procedure events, oldest first). Each step counts from the
/// day staff said it happened; entries written before steps were dated count from when they
/// were recorded.
pub fn history(
    case: ReportCase,
    events: &[ReportEvent],
    listed: Listed,
    calendar: &Calendar,
) -> CaseHistory {
    let clock = |e: &ReportEvent| {
        e.effective_on
            .unwrap_or_else(|| calendar.start_date(instant(e.created_at)))
    };
    let day = |e: &ReportEvent| e.effective_on.unwrap_or_else(|| london_date(e.created_at));
    let stored = u8::try_from(case.stage).unwrap_or(1).clamp(1, 3);
    let mut stages = BTreeMap::new();
    let mut escalations = Vec::new();
    let mut current: u8 = 1;
    let mut run = StageRun::new(Some(calendar.start_date(instant(case.received_at))));
    for event in events {
        let to = match &event.event {
            CaseEvent::StageChanged { to, .. } => Some(*to),
            // Anonymised before events were typed: a step towards the stage the case ended at
            // is the likeliest reading.
            CaseEvent::Legacy { kind, .. } if kind == "stage_changed" && current < stored => {
                Some(current + 1)
            }
            _ => None,
        };
        if let Some(to) = to {
            // A move to the same stage was "restart the clock", which no longer exists: the
            // response is judged against the stage's original start, as the procedure does.
            if to > current {
                escalations.push((current, to));
                run.escalated = true;
                stages.insert(current, run);
                current = to;
                run = StageRun::new(Some(clock(event)));
            }
            continue;
        }
        match &event.event {
            CaseEvent::OutcomeRecorded { outcome, .. } => {
                run.outcome = Some(outcome.as_str().to_owned());
                run.responded = Some(day(event));
            }
            CaseEvent::Legacy { kind, .. } if kind == "outcome" => {
                run.outcome = Some(UNKNOWN_OUTCOME.to_owned());
                run.responded = Some(day(event));
            }
            CaseEvent::Closed if run.responded.is_none() => {
                run.responded = Some(day(event));
            }
            CaseEvent::Extended { .. } => run.extensions += 1,
            CaseEvent::Legacy { kind, .. } if kind == "extended" => run.extensions += 1,
            CaseEvent::Paused => {
                run.pauses += 1;
                run.paused_since = Some(clock(event));
            }
            CaseEvent::Resumed { .. } => {
                if let Some(since) = run.paused_since.take() {
                    run.paused_days += calendar.working_days_between(since, clock(event)).max(0);
                }
            }
            // Before procedures were checked, the case page put a case back to Stage 1 of the
            // other procedure from any stage.
            CaseEvent::ProcedureChanged { .. } if current != 1 => current = 1,
            CaseEvent::Legacy { kind, .. } if kind == "procedure_changed" && current != 1 => {
                current = 1;
            }
            _ => {}
        }
    }
    // A case moved on without a timeline entry (imported, or changed by hand in the database):
    // it still reached its stage, with the clock the case row gives.
    if stored > current {
        escalations.push((current, stored));
        run.escalated = true;
        stages.insert(current, run);
        current = stored;
        run = StageRun::new(
            case.stage_started_on
                .as_deref()
                .and_then(|d| crate::store::cases::parse_date(d).ok()),
        );
    }
    // The case row speaks for its current stage where the timeline is silent.
    if stored == current
        && run.outcome.as_deref().is_none_or(|o| o == UNKNOWN_OUTCOME)
        && case.outcome.is_some()
    {
        run.outcome.clone_from(&case.outcome);
    }
    if run.responded.is_none() && (run.outcome.is_some() || case.status == "closed") {
        run.responded = case.closed_at.map(london_date);
    }
    stages.insert(current, run);
    CaseHistory {
        case,
        stages,
        escalations,
        mentions: listed.mentions,
        teams: listed.teams,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::values::london_ms;
    use time::macros::date;

    fn case(stage: i64) -> ReportCase {
        ReportCase {
            id: 1,
            kind: "complaint".into(),
            procedure: "statutory".into(),
            stage,
            status: "open".into(),
            submitted_by: "child".into(),
            category: None,
            advocate_wanted: "no".into(),
            age: None,
            locale: "en-GB".into(),
            urgent: 0,
            method_of_receipt: "online".into(),
            council_outcome: None,
            outcome: None,
            received_at: london_ms(date!(2025 - 07 - 01), 10, 0),
            stage_started_on: None,
            closed_at: None,
            acknowledged_at: None,
            cost_investigation_pence: None,
            cost_independent_person_pence: None,
            cost_panel_pence: None,
            remedy_pence: None,
            ombudsman_received_on: None,
            ombudsman_decision: None,
        }
    }

    /// An event as an earlier version stored it (kind and label), read the way the store
    /// reads it.
    fn event(kind: &str, label: Option<&str>, day: Date) -> ReportEvent {
        let detail = label.map(|l| serde_json::json!({ "label": l }));
        ReportEvent {
            case_id: 1,
            event: crate::store::casework::stored_event(kind, detail.as_ref()),
            effective_on: None,
            created_at: london_ms(day, 11, 0),
        }
    }

    #[test]
    fn a_case_escalated_twice_has_three_stages_each_with_its_own_clock() {
        let cal = crate::timescale::calendar();
        let events = [
            event("outcome", Some("outcome-not_upheld"), date!(2025 - 07 - 15)),
            event("stage_changed", Some("stage-2"), date!(2025 - 07 - 16)),
            event("extended", None, date!(2025 - 07 - 17)),
            event("stage_changed", Some("stage-3"), date!(2025 - 09 - 29)),
            event("outcome", Some("outcome-upheld"), date!(2025 - 10 - 31)),
        ];
        let h = history(case(3), &events, Listed::default(), cal);
        assert_eq!(h.escalations, vec![(1, 2), (2, 3)]);
        assert_eq!(h.stages[&1].working_days(cal), Some(10));
        assert_eq!(h.stages[&1].outcome.as_deref(), Some("not_upheld"));
        assert_eq!(h.stages[&2].outcome, None);
        assert_eq!(h.stages[&2].extensions, 1);
        assert!(h.stages[&2].escalated);
        assert_eq!(h.stages[&3].started, Some(date!(2025 - 09 - 29)));
        assert_eq!(h.stages[&3].working_days(cal), Some(24));
    }

    #[test]
    fn time_paused_for_dispute_resolution_does_not_count() {
        let cal = crate::timescale::calendar();
        let events = [
            event("paused", None, date!(2025 - 07 - 02)),
            event("resumed", None, date!(2025 - 07 - 09)),
            event("outcome", Some("outcome-upheld"), date!(2025 - 07 - 15)),
        ];
        let h = history(case(1), &events, Listed::default(), cal);
        assert_eq!(h.stages[&1].paused_days, 5);
        assert_eq!(h.stages[&1].working_days(cal), Some(5));
    }

    #[test]
    fn the_case_row_fills_in_what_the_timeline_lacks() {
        let cal = crate::timescale::calendar();
        let mut closed = case(2);
        closed.status = "closed".into();
        closed.outcome = Some("withdrawn".into());
        closed.stage_started_on = Some("2025-07-07".into());
        closed.closed_at = Some(london_ms(date!(2025 - 07 - 14), 12, 0));
        let h = history(closed, &[], Listed::default(), cal);
        assert_eq!(h.escalations, vec![(1, 2)]);
        assert_eq!(h.stages[&1].outcome, None);
        assert_eq!(h.stages[&2].outcome.as_deref(), Some("withdrawn"));
        assert_eq!(h.stages[&2].working_days(cal), Some(5));
    }

    #[test]
    fn an_anonymised_timeline_still_gives_the_stages_and_response_times() {
        let cal = crate::timescale::calendar();
        let mut closed = case(3);
        closed.status = "closed".into();
        closed.outcome = Some("upheld".into());
        // The purge empties every event's detail.
        let events = [
            event("outcome", None, date!(2025 - 07 - 15)),
            event("stage_changed", None, date!(2025 - 07 - 16)),
            event("outcome", None, date!(2025 - 09 - 24)),
            event("stage_changed", None, date!(2025 - 09 - 29)),
            event("outcome", None, date!(2025 - 10 - 31)),
        ];
        let h = history(closed, &events, Listed::default(), cal);
        assert_eq!(h.escalations, vec![(1, 2), (2, 3)]);
        assert_eq!(h.stages[&1].outcome.as_deref(), Some(UNKNOWN_OUTCOME));
        assert_eq!(h.stages[&1].working_days(cal), Some(10));
        assert_eq!(h.stages[&3].outcome.as_deref(), Some("upheld"));
        assert_eq!(h.stages[&3].working_days(cal), Some(24));
    }

    #[test]
    fn the_extended_limit_counts_only_when_the_stage_was_extended() {
        let rules = Rules::default();
        let at = |days, stage, procedure, extended| {
            timeliness(days, limits(stage, procedure, &rules), extended)
        };
        assert_eq!(at(10, 1, "statutory", false), Timeliness::WithinStandard);
        assert_eq!(at(15, 1, "statutory", false), Timeliness::Over);
        assert_eq!(at(15, 1, "statutory", true), Timeliness::WithinExtended);
        assert_eq!(at(21, 1, "corporate", true), Timeliness::Over);
        assert_eq!(at(65, 2, "statutory", true), Timeliness::WithinExtended);
        assert_eq!(at(31, 3, "statutory", true), Timeliness::Over);
    }

    #[test]
    fn a_corporate_stage_has_the_councils_days_and_is_never_extended() {
        let rules = Rules {
            corporate_stage_days: vec![20, 25],
            ..Rules::default()
        };
        assert_eq!(limits(1, "corporate", &rules), (20, None));
        assert_eq!(limits(2, "corporate", &rules), (25, None));
        assert_eq!(
            timeliness(22, limits(2, "corporate", &rules), true),
            Timeliness::WithinStandard
        );
        assert_eq!(
            timeliness(30, limits(2, "corporate", &rules), true),
            Timeliness::Over
        );
        assert_eq!(limits(1, "statutory", &rules), (10, Some(20)));
    }
}
