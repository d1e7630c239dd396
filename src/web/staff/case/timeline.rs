//! Which timeline entries a member of staff reads, and how: the advocacy provider reads only
//! what the child sent and notes shared with them; everyone's "Viewed" entries fold into one
//! line per person per day, so the casework is not buried under page views (the audit trail
//! in the store keeps every view).

use crate::domain::{CaseEvent, StaffRole};
use crate::store::casework::EventRecord;

/// One line of the timeline as shown: the entry, and for a folded "Viewed" line how many
/// views of that person on that day it stands for.
#[derive(Debug)]
pub struct Line<'a> {
    pub record: &'a EventRecord,
    pub views: usize,
}

/// The entries `role` may read, oldest first, with views folded. `day_of` gives the day (in
/// England) of an entry's instant, in unix milliseconds.
pub fn lines<D: PartialEq>(
    records: &[EventRecord],
    role: StaffRole,
    day_of: impl Fn(i64) -> D,
) -> Vec<Line<'_>> {
    let readable = records.iter().filter(|r| match role {
        StaffRole::Advocate => r.event.shared_with_advocate(),
        StaffRole::Officer | StaffRole::Manager => true,
        StaffRole::Admin => false,
    });
    let mut out: Vec<Line<'_>> = Vec::new();
    for record in readable {
        if record.event == CaseEvent::Viewed {
            let day = day_of(record.created_at);
            // The latest view of the day stands for all of them, where it happened.
            if let Some(at) = out.iter().position(|l| {
                l.record.event == CaseEvent::Viewed
                    && l.record.actor == record.actor
                    && day_of(l.record.created_at) == day
            }) {
                let earlier = out.remove(at);
                out.push(Line {
                    record,
                    views: earlier.views + 1,
                });
                continue;
            }
            out.push(Line { record, views: 1 });
        } else {
            out.push(Line { record, views: 0 });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Actor, NoteVisibility};

    const DAY: i64 = 86_400_000;

    fn record(id: i64, actor: &str, at: i64, event: CaseEvent) -> EventRecord {
        EventRecord {
            id,
            kind: event.kind().to_owned(),
            actor: Actor::parse(actor),
            actor_name: None,
            event,
            effective_on: None,
            created_at: at,
        }
    }

    fn note(text: &str, visibility: NoteVisibility) -> CaseEvent {
        CaseEvent::Note {
            text: text.into(),
            visibility,
        }
    }

    fn sample() -> Vec<EventRecord> {
        vec![
            record(1, "child", 0, CaseEvent::Submitted),
            record(2, "staff:1", 10, CaseEvent::Viewed),
            record(3, "staff:1", 20, CaseEvent::Viewed),
            record(4, "staff:2", 30, CaseEvent::Viewed),
            record(5, "staff:1", 40, note("inside", NoteVisibility::Internal)),
            record(6, "staff:1", 50, CaseEvent::Viewed),
            record(7, "staff:1", DAY + 5, CaseEvent::Viewed),
            record(
                8,
                "staff:1",
                DAY + 6,
                note("for the advocate", NoteVisibility::SharedWithAdvocate),
            ),
            record(
                9,
                "child",
                DAY + 7,
                CaseEvent::MessageFromChild { text: "hi".into() },
            ),
            record(
                10,
                "staff:1",
                DAY + 8,
                CaseEvent::MessageToChild {
                    text: "reply".into(),
                },
            ),
        ]
    }

    fn ids(lines: &[Line<'_>]) -> Vec<(i64, usize)> {
        lines.iter().map(|l| (l.record.id, l.views)).collect()
    }

    #[test]
    fn views_fold_to_one_line_per_person_per_day_at_the_latest_view() {
        let records = sample();
        let lines = lines(&records, StaffRole::Officer, |ms| ms / DAY);
        assert_eq!(
            ids(&lines),
            vec![
                (1, 0),
                (4, 1),
                (5, 0),
                (6, 3),
                (7, 1),
                (8, 0),
                (9, 0),
                (10, 0)
            ]
        );
    }

    #[test]
    fn the_advocate_reads_only_what_the_child_sent_and_shared_notes() {
        let records = sample();
        let lines = lines(&records, StaffRole::Advocate, |ms| ms / DAY);
        assert_eq!(ids(&lines), vec![(1, 0), (8, 0), (9, 0)]);
    }

    #[test]
    fn managers_read_everything_and_admins_nothing() {
        let records = sample();
        assert_eq!(lines(&records, StaffRole::Manager, |ms| ms / DAY).len(), 8);
        assert!(lines(&records, StaffRole::Admin, |ms| ms / DAY).is_empty());
    }
}
