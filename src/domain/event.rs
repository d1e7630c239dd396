//! What happened to a case, as values. The timeline, the report and the case page read these;
//! labels are looked up when a page is drawn, so no message id is ever stored or parsed back.
//! The store keeps each event's kind (the tag) in its own column and the rest as JSON, and
//! reads rows written before this type existed too (see `store::casework`).

use serde::{Deserialize, Serialize};
use time::Date;

use super::{Category, Ombudsman, Outcome, Procedure, StageFacts};

mod actor;
mod anonymise;
mod stored;

pub use actor::{Actor, NoteVisibility};

/// Carries `time::Date` as `YYYY-MM-DD` in the stored JSON, the same form as the date columns.
mod ymd {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    const FORMAT: &[time::format_description::FormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        let text = date.format(FORMAT).map_err(serde::ser::Error::custom)?;
        s.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse(&text, FORMAT).map_err(serde::de::Error::custom)
    }
}

/// An entry of the council's lists as it was when an event was recorded: the id the report
/// counts by, and the label it had then, so history shows the name at the time even after a
/// rename (the report shows the current one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListRef {
    pub id: String,
    pub label: String,
}

impl ListRef {
    pub fn of(id: &str, label: &str) -> Self {
        Self {
            id: id.to_owned(),
            label: label.to_owned(),
        }
    }
}

/// One timeline entry. Free text (notes, messages, reasons) may hold a child's or an officer's
/// words: it is shown to staff escaped and never logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum CaseEvent {
    Submitted,
    Viewed,
    Held,
    Released,
    MarkedSpam,
    Acknowledged,
    Assigned {
        staff_id: Option<i64>,
        name: String,
    },
    Unassigned,
    DetailsSet {
        team: Option<String>,
        category: Option<Category>,
    },
    MessageToChild {
        text: String,
    },
    MessageFromChild {
        text: String,
    },
    Note {
        text: String,
        /// Who may read it; notes written before there was a choice are internal.
        #[serde(default, skip_serializing_if = "NoteVisibility::is_internal")]
        visibility: NoteVisibility,
    },
    /// Moved on to the next stage; `late_reason` when the request came after the escalation
    /// window, or before the stage had its response.
    StageChanged {
        from: Option<u8>,
        to: u8,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        late_reason: Option<String>,
    },
    /// The stage's response date moved to its extended limit.
    Extended {
        reason: String,
        #[serde(with = "ymd")]
        until: Date,
    },
    /// Alternative dispute resolution, agreed with the complainant: the clock stands still.
    Paused,
    /// The clock runs again; its dates moved on by `working_days`.
    Resumed {
        /// 0 for entries written before it was kept.
        #[serde(default)]
        working_days: i64,
    },
    #[serde(rename = "outcome")]
    OutcomeRecorded {
        outcome: Outcome,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        resolution: Option<String>,
    },
    Closed,
    Reopened {
        reason: String,
    },
    ProcedureChanged {
        from: Procedure,
        to: Procedure,
        reason: String,
    },
    /// Stage 2 and 3 facts as they now stand (investigators, panel date, costs, remedy).
    FactsRecorded {
        facts: StageFacts,
    },
    /// The Ombudsman's enquiry and decision as they now stand.
    #[serde(rename = "ombudsman")]
    OmbudsmanRecorded {
        ombudsman: Ombudsman,
    },
    /// The complaint (or compliment) categories mentioned at `stage`.
    CategoriesSet {
        #[serde(default)]
        stage: Option<u8>,
        categories: Vec<ListRef>,
    },
    TeamsSet {
        teams: Vec<ListRef>,
    },
    ActionsTakenSet {
        actions: Vec<ListRef>,
    },
    /// The council's own outcome (none: taken away).
    CouncilOutcomeSet {
        outcome: Option<ListRef>,
    },
    /// How it reached the council, corrected.
    ReceiptSet {
        method: ListRef,
    },
    /// Written before events were typed: a stage move whose target was lost when the case was
    /// anonymised, or any entry this version does not recognise. Kept so the timeline stays
    /// complete; the report reads only what it can be sure of.
    Legacy {
        kind: String,
        #[serde(default)]
        text: Option<String>,
    },
}

impl CaseEvent {
    /// The kind column's value, and the Fluent id suffix of the timeline label
    /// (`event-<kind>`).
    pub fn kind(&self) -> &str {
        match self {
            Self::Submitted => "submitted",
            Self::Viewed => "viewed",
            Self::Held => "held",
            Self::Released => "released",
            Self::MarkedSpam => "marked_spam",
            Self::Acknowledged => "acknowledged",
            Self::Assigned { .. } => "assigned",
            Self::Unassigned => "unassigned",
            Self::DetailsSet { .. } => "details_set",
            Self::MessageToChild { .. } => "message_to_child",
            Self::MessageFromChild { .. } => "message_from_child",
            Self::Note { .. } => "note",
            Self::StageChanged { .. } => "stage_changed",
            Self::Extended { .. } => "extended",
            Self::Paused => "paused",
            Self::Resumed { .. } => "resumed",
            Self::OutcomeRecorded { .. } => "outcome",
            Self::Closed => "closed",
            Self::Reopened { .. } => "reopened",
            Self::ProcedureChanged { .. } => "procedure_changed",
            Self::FactsRecorded { .. } => "facts_recorded",
            Self::OmbudsmanRecorded { .. } => "ombudsman",
            Self::CategoriesSet { .. } => "categories_set",
            Self::TeamsSet { .. } => "teams_set",
            Self::ActionsTakenSet { .. } => "actions_taken_set",
            Self::CouncilOutcomeSet { .. } => "council_outcome_set",
            Self::ReceiptSet { .. } => "receipt_set",
            Self::Legacy { kind, .. } => kind,
        }
    }

    /// Every kind a current version writes, for the locale completeness check.
    pub const KINDS: &'static [&'static str] = &[
        "submitted",
        "viewed",
        "held",
        "released",
        "marked_spam",
        "acknowledged",
        "assigned",
        "unassigned",
        "details_set",
        "message_to_child",
        "message_from_child",
        "note",
        "stage_changed",
        "extended",
        "paused",
        "resumed",
        "outcome",
        "closed",
        "reopened",
        "procedure_changed",
        "facts_recorded",
        "ombudsman",
        "categories_set",
        "teams_set",
        "actions_taken_set",
        "council_outcome_set",
        "receipt_set",
    ];

    /// Whether the advocacy provider may read the entry: what the child sent and notes shared
    /// with the advocate, nothing the council wrote for itself (internal notes, reasons,
    /// replies, who is assigned).
    pub fn shared_with_advocate(&self) -> bool {
        matches!(
            self,
            Self::Submitted
                | Self::MessageFromChild { .. }
                | Self::Note {
                    visibility: NoteVisibility::SharedWithAdvocate,
                    ..
                }
        )
    }

    /// The free text the entry carries, if any.
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::MessageToChild { text }
            | Self::MessageFromChild { text }
            | Self::Note { text, .. }
            | Self::Reopened { reason: text }
            | Self::Extended { reason: text, .. }
            | Self::ProcedureChanged { reason: text, .. } => Some(text),
            Self::StageChanged { late_reason, .. } => late_reason.as_deref(),
            Self::OutcomeRecorded { resolution, .. } => resolution.as_deref(),
            Self::Legacy { text, .. } => text.as_deref(),
            Self::Assigned { name, .. } => Some(name),
            _ => None,
        }
    }
}
