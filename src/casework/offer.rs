//! Which actions are open to a case in its present state, before any form is read: the
//! staff pages show only these, and [`super::apply`] refuses the rest.

use super::{ActionKind, CaseworkError, Lifecycle, Rules, stage_count, stage_limits};
use crate::domain::{CaseKind, CaseStatus};

/// Whether `kind` is open to the case now, before looking at what the form says.
pub fn check_offered(
    case: &Lifecycle,
    kind: ActionKind,
    rules: &Rules,
) -> Result<(), CaseworkError> {
    use ActionKind as K;
    let closed = case.status == CaseStatus::Closed;
    let paused = case.status == CaseStatus::Paused;
    let complaint = case.kind.has_procedure();
    let open_stage = case.stage.filter(|s| s.responded_on.is_none());
    let ok = match kind {
        K::Note => true,
        // The Ombudsman, costs and remedies often come after the council's procedure ends.
        K::Facts | K::Ombudsman => complaint,
        // The report is often tidied after a case closes: what it was about, who dealt with
        // it and how it arrived may be set at any time.
        K::Categories => matches!(case.kind, CaseKind::Complaint | CaseKind::Compliment),
        K::Teams | K::Receipt => true,
        K::ActionsTaken | K::CouncilOutcome => complaint,
        K::Reopen => closed,
        _ if closed => false,
        K::Acknowledge => !case.acknowledged,
        K::Assign | K::Details => true,
        // A reply is read on the tracking page: nobody can read it on a case they cannot track.
        K::Reply => case.trackable,
        K::Close => !paused,
        K::Escalate => {
            !paused
                && case
                    .stage
                    .is_some_and(|s| s.number < stage_count(rules, case.procedure))
        }
        K::Extend => {
            !paused
                && open_stage.is_some_and(|s| {
                    s.extended_due_on.is_none()
                        && stage_limits(rules, case.procedure, s.number)
                            .is_some_and(|(_, ext)| ext.is_some())
                })
        }
        K::Pause => open_stage.is_some() && !paused,
        K::Resume => paused,
        K::RecordOutcome => complaint && !paused,
        K::SwitchProcedure => {
            complaint
                && !paused
                && case
                    .stage
                    .is_none_or(|s| s.number == 1 && s.responded_on.is_none())
        }
    };
    if ok {
        Ok(())
    } else {
        Err(CaseworkError::NotOffered)
    }
}

/// The actions open to the case now, for the case page and the API.
pub fn offered(case: &Lifecycle, rules: &Rules) -> Vec<ActionKind> {
    ActionKind::ALL
        .iter()
        .copied()
        .filter(|k| check_offered(case, *k, rules).is_ok())
        .collect()
}
