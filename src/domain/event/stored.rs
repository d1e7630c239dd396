//! An event's stored form: the kind column holds its tag and the detail column the rest as
//! JSON, read back into the same value.

use super::CaseEvent;

impl CaseEvent {
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
    use time::macros::date;

    use super::*;
    use crate::domain::event::{ListRef, NoteVisibility};
    use crate::domain::{Category, Outcome, Procedure};

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
