//! What staff do with cases: the inbox, the timeline, and every change, each written with its
//! timeline event (and any email it causes) in one transaction, so the audit trail is complete.
//! Cases held as possible bots (see `cases::Screening`) have their own list and two actions of
//! their own: release and mark as spam.
use super::cases::{CaseRow, SELECT_CASE};
use super::staff::StaffMember;
use super::{Store, StoreError};
use crate::domain::{Case, Reference, StaffRole};

mod change;
mod lifecycle;
mod listed;
mod screening;
mod timeline;

pub use change::{Field, RecordedChange, Value};
pub use lifecycle::midday_ms;
pub(crate) use listed::write_listed;
pub use screening::{Screen, ScreenCounts};
pub(crate) use timeline::stored_event;
pub use timeline::{EventRecord, NewEvent};

/// Filters from the inbox page; each is optional and bound as a parameter.
#[derive(Debug, Clone, Default)]
pub struct InboxFilter {
    pub status: Option<String>,
    pub kind: Option<String>,
    pub stage: Option<i64>,
    pub team: Option<String>,
    /// `Some(0)`: cases nobody is assigned to.
    pub assignee_id: Option<i64>,
    pub procedure: Option<String>,
    /// Only cases at risk of missing a date (see [`AtRisk`]).
    pub at_risk: Option<AtRisk>,
    pub screen: Screen,
}

/// A running case is at risk when its response is due by `due_by` (a couple of working days
/// ahead) or its acknowledgement was due before `today` and has not been sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AtRisk {
    pub today: time::Date,
    pub due_by: time::Date,
}
/// Which cases a staff member may see: advocates only those referred for advocacy (never a
/// held or spam case: it was never referred); admins none.
pub(super) fn visibility(member: &StaffMember) -> &'static str {
    match member.role {
        StaffRole::Officer | StaffRole::Manager => "1 = 1",
        StaffRole::Advocate => "advocate_wanted in ('yes', 'not_sure') and held = 0 and spam = 0",
        StaffRole::Admin => "1 = 0",
    }
}

impl Store {
    /// The case if this staff member may see it; `None` alike for "absent" and "not yours",
    /// so a guessed reference reveals nothing.
    pub async fn case_for_staff(
        &self,
        viewer: &StaffMember,
        reference: &Reference,
    ) -> Result<Option<Case>, StoreError> {
        sqlx::query_as::<_, CaseRow>(&format!(
            "{SELECT_CASE} where reference = $1 and {}",
            visibility(viewer)
        ))
        .bind(reference.as_ref())
        .fetch_optional(self.pool())
        .await?
        .map(Case::try_from)
        .transpose()
    }
}
