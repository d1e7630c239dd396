//! What happened to a case, as values. The timeline, the report and the case page read these;
//! labels are looked up when a page is drawn, so no message id is ever stored or parsed back.
//! The store keeps each event's kind (the tag) in its own column and the rest as JSON, and
//! reads rows written before this type existed too (see `store::casework`).

use serde::{Deserialize, Serialize};
use time::Date;

use super::{Category, Ombudsman, Outcome, Procedure, StageFacts};

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

/// Who did something on a case's timeline, read from its stored form (`child`, `system`,
/// `staff:<id>`, `email:<who>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Child,
    System,
    Staff(i64),
    /// Filed from a reply to one of our emails.
    Email,
}

impl Actor {
    /// Anything not recognised reads as the service itself rather than being dropped.
    pub fn parse(stored: &str) -> Self {
        match stored.split_once(':') {
            Some(("staff", id)) => id.parse().map_or(Self::System, Self::Staff),
            Some(("email", _)) => Self::Email,
            _ if stored == "child" => Self::Child,
            _ if stored == "email" => Self::Email,
            _ => Self::System,
        }
    }

    /// The group its label is found under (`actor-<group>`).
    pub fn group(self) -> &'static str {
        match self {
            Self::Child => "child",
            Self::System => "system",
            Self::Staff(_) => "staff",
            Self::Email => "email",
        }
    }
}

/// Who may read a note: officers and managers only, or the child's advocate too.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteVisibility {
    #[default]
    Internal,
    SharedWithAdvocate,
}

impl NoteVisibility {
    pub fn is_internal(&self) -> bool {
        *self == Self::Internal
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

    /// The same entry with every free text emptied, for anonymising a case: the values the
    /// report counts (stages, outcomes, dates, procedures) stay.
    pub fn without_words(&self) -> Self {
        let gone = String::new;
        match self.clone() {
            Self::Assigned { staff_id, .. } => Self::Assigned {
                staff_id,
                name: gone(),
            },
            Self::DetailsSet { category, .. } => Self::DetailsSet {
                team: None,
                category,
            },
            Self::MessageToChild { .. } => Self::MessageToChild { text: gone() },
            Self::MessageFromChild { .. } => Self::MessageFromChild { text: gone() },
            Self::Note { visibility, .. } => Self::Note {
                text: gone(),
                visibility,
            },
            Self::StageChanged { from, to, .. } => Self::StageChanged {
                from,
                to,
                late_reason: None,
            },
            Self::Extended { until, .. } => Self::Extended {
                reason: gone(),
                until,
            },
            Self::OutcomeRecorded { outcome, .. } => Self::OutcomeRecorded {
                outcome,
                resolution: None,
            },
            Self::Reopened { .. } => Self::Reopened { reason: gone() },
            Self::ProcedureChanged { from, to, .. } => Self::ProcedureChanged {
                from,
                to,
                reason: gone(),
            },
            Self::Legacy { kind, .. } => Self::Legacy { kind, text: None },
            // Names of investigators and what a remedy was for are words; sums and dates stay.
            Self::FactsRecorded { facts } => Self::FactsRecorded {
                facts: StageFacts {
                    investigating_officer: None,
                    independent_person: None,
                    remedy_for: None,
                    ..facts
                },
            },
            Self::OmbudsmanRecorded { ombudsman } => Self::OmbudsmanRecorded {
                ombudsman: Ombudsman {
                    remedy: None,
                    ..ombudsman
                },
            },
            other => other,
        }
    }

    /// The stored JSON: the variant's fields without its tag (the tag is the kind column).
    pub fn detail_json(&self) -> Option<String> {
        let mut value = serde_json::to_value(self).ok()?;
        let map = value.as_object_mut()?;
        map.remove("event");
        (!map.is_empty()).then(|| value.to_string())
    }

    /// Read a stored event written by this version: the kind column and the JSON detail.
    pub fn from_stored(kind: &str, detail: Option<&serde_json::Value>) -> Option<Self> {
        let mut value = match detail {
            Some(serde_json::Value::Object(map)) => serde_json::Value::Object(map.clone()),
            None | Some(serde_json::Value::Null) => serde_json::Value::Object(Default::default()),
            Some(_) => return None,
        };
        value
            .as_object_mut()?
            .insert("event".into(), serde_json::Value::String(kind.into()));
        serde_json::from_value(value).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn actors_read_back_from_their_stored_form() {
        assert_eq!(Actor::parse("staff:12"), Actor::Staff(12));
        assert_eq!(Actor::parse("child"), Actor::Child);
        assert_eq!(Actor::parse("email:advocacy"), Actor::Email);
        assert_eq!(Actor::parse("staff:x"), Actor::System);
        assert_eq!(Actor::parse("something new"), Actor::System);
    }

    #[test]
    fn every_event_round_trips_through_its_stored_form() {
        let events = [
            CaseEvent::Submitted,
            CaseEvent::Assigned {
                staff_id: Some(3),
                name: "Sam".into(),
            },
            CaseEvent::DetailsSet {
                team: Some("South".into()),
                category: Some(Category::Money),
            },
            CaseEvent::StageChanged {
                from: Some(1),
                to: 2,
                late_reason: None,
            },
            CaseEvent::Extended {
                reason: "complex".into(),
                until: date!(2026 - 01 - 30),
            },
            CaseEvent::OutcomeRecorded {
                outcome: Outcome::PartlyUpheld,
                resolution: Some("apology".into()),
            },
            CaseEvent::ProcedureChanged {
                from: Procedure::Statutory,
                to: Procedure::Corporate,
                reason: "not a children's services matter".into(),
            },
            CaseEvent::Closed,
            CaseEvent::CategoriesSet {
                stage: Some(1),
                categories: vec![ListRef::of("delay", "Delay"), ListRef::of("delay", "Delay")],
            },
            CaseEvent::TeamsSet {
                teams: vec![ListRef::of("south", "South Team")],
            },
            CaseEvent::CouncilOutcomeSet { outcome: None },
            CaseEvent::Note {
                text: "internal".into(),
                visibility: NoteVisibility::Internal,
            },
            CaseEvent::Note {
                text: "for the advocate".into(),
                visibility: NoteVisibility::SharedWithAdvocate,
            },
        ];
        for event in events {
            let detail = event
                .detail_json()
                .map(|d| serde_json::from_str::<serde_json::Value>(&d).unwrap());
            assert_eq!(
                CaseEvent::from_stored(event.kind(), detail.as_ref()),
                Some(event.clone()),
                "{event:?}"
            );
        }
    }

    #[test]
    fn a_note_written_before_visibility_existed_reads_as_internal() {
        let old = serde_json::json!({ "text": "spoke to the team" });
        assert_eq!(
            CaseEvent::from_stored("note", Some(&old)),
            Some(CaseEvent::Note {
                text: "spoke to the team".into(),
                visibility: NoteVisibility::Internal,
            })
        );
    }
}
