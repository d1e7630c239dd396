//! Which of a case's deadlines need someone's attention today: the pure rule behind the inbox's
//! red / amber / green state, its "at risk" flag and the lines of the daily digest. One rule,
//! so the inbox and the email never disagree.
//!
//! A case's clock is the later of two deadlines while it is unacknowledged: the
//! acknowledgement (3 working days from the start date) and the current stage's response. An
//! acknowledgement due two days ago is late even when the response is weeks away, so the state
//! is the worse of the two.

use time::Date;

use crate::domain::{Case, CaseStatus};
use crate::timescale::{Calendar, Deadline, Rag};

/// "Due soon" means this many working days left or fewer, counting the due date itself (the
/// same threshold as amber).
const SOON_WORKING_DAYS: i64 = 2;

/// One thing a person should act on, with the date it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reminder {
    /// The current stage's response date has passed.
    Overdue(Date),
    /// The acknowledgement date has passed and the case is still unacknowledged.
    AcknowledgementOverdue(Date),
    /// The current stage's response is due within two working days.
    DueSoon(Date),
    /// The complainant's window to ask for the next stage closes within two working days.
    EscalationClosing(Date),
}

impl Reminder {
    /// The id part of its Fluent messages (`digest-line-<kind>`, `risk-<kind>`).
    pub fn kind(self) -> &'static str {
        match self {
            Reminder::Overdue(_) => "overdue",
            Reminder::AcknowledgementOverdue(_) => "ack_overdue",
            Reminder::DueSoon(_) => "due_soon",
            Reminder::EscalationClosing(_) => "escalation_closing",
        }
    }

    pub fn date(self) -> Date {
        match self {
            Reminder::Overdue(d)
            | Reminder::AcknowledgementOverdue(d)
            | Reminder::DueSoon(d)
            | Reminder::EscalationClosing(d) => d,
        }
    }

    pub const KINDS: &[&str] = &["overdue", "ack_overdue", "due_soon", "escalation_closing"];
}

/// What today means for one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// `None` when no clock runs (closed, paused, held, spam, or no dates).
    pub rag: Option<Rag>,
    /// Due within two working days, late, or the acknowledgement is late: the inbox's flag.
    pub at_risk: bool,
    /// What the digest lists, most pressing first.
    pub reminders: Vec<Reminder>,
}

impl Assessment {
    /// "green", "amber", "red" or "none", as the inbox's CSS class and message ids use.
    pub fn rag_name(&self) -> &'static str {
        match self.rag {
            Some(Rag::Green) => "green",
            Some(Rag::Amber) => "amber",
            Some(Rag::Red) => "red",
            None => "none",
        }
    }
}

fn worse(a: Option<Rag>, b: Option<Rag>) -> Option<Rag> {
    let rank = |r: Option<Rag>| match r {
        None => 0,
        Some(Rag::Green) => 1,
        Some(Rag::Amber) => 2,
        Some(Rag::Red) => 3,
    };
    if rank(b) > rank(a) { b } else { a }
}

/// What is late or close for `case` on `today`.
pub fn assess(case: &Case, today: Date, calendar: &Calendar) -> Assessment {
    let running = !matches!(case.status, CaseStatus::Closed | CaseStatus::Paused)
        && !case.screening.held
        && !case.screening.spam;
    if !running {
        return Assessment {
            rag: None,
            at_risk: false,
            reminders: Vec::new(),
        };
    }
    let mut reminders = Vec::new();
    // Whatever the kind: a date the inbox shows as due is a date the reminders watch.
    let response_due = case.current_due_on();
    let ack_due = case
        .acknowledge_by
        .filter(|_| case.acknowledged_at.is_none());
    let soon =
        |due: Date| today <= due && calendar.working_days_between(today, due) <= SOON_WORKING_DAYS;
    // A response already sent is not due: its clock has stopped until the next stage.
    let awaiting_response = response_due.filter(|_| case.responded_on.is_none());
    if let Some(due) = awaiting_response {
        if today > due {
            reminders.push(Reminder::Overdue(due));
        } else if soon(due) {
            reminders.push(Reminder::DueSoon(due));
        }
    }
    if let Some(due) = ack_due.filter(|due| today > *due) {
        reminders.push(Reminder::AcknowledgementOverdue(due));
    }
    if let Some(responded) = case
        .responded_on
        .filter(|_| case.is_complaint() && case.stage < 3)
    {
        let closes = calendar.due(Deadline::EscalationWindow, responded);
        if soon(closes) {
            reminders.push(Reminder::EscalationClosing(closes));
        }
    }
    reminders.sort();
    let rag = worse(
        awaiting_response.map(|due| calendar.rag(today, due)),
        ack_due.map(|due| calendar.rag(today, due)),
    );
    let at_risk = reminders.iter().any(|r| {
        matches!(
            r,
            Reminder::Overdue(_) | Reminder::DueSoon(_) | Reminder::AcknowledgementOverdue(_)
        )
    });
    Assessment {
        rag,
        at_risk,
        reminders,
    }
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;
    use crate::domain::CaseKind;

    /// A Stage 1 complaint received on Monday 7 December 2026: acknowledge by Thursday 10th,
    /// respond by Monday 21st.
    fn complaint() -> Case {
        Case::sample()
    }

    fn calendar() -> Calendar {
        Calendar::england_and_wales()
    }

    #[test]
    fn a_new_case_with_time_on_both_clocks_is_green_and_not_at_risk() {
        let a = assess(&complaint(), date!(2026 - 12 - 07), &calendar());
        assert_eq!(a.rag, Some(Rag::Green));
        assert!(!a.at_risk);
        assert!(a.reminders.is_empty());
    }

    #[test]
    fn an_acknowledgement_two_days_late_is_red_though_the_response_is_weeks_away() {
        let a = assess(&complaint(), date!(2026 - 12 - 14), &calendar());
        assert_eq!(a.rag, Some(Rag::Red));
        assert!(a.at_risk);
        assert_eq!(
            a.reminders,
            vec![Reminder::AcknowledgementOverdue(date!(2026 - 12 - 10))]
        );
    }

    #[test]
    fn once_acknowledged_only_the_response_counts() {
        let mut case = complaint();
        case.acknowledged_at = Some(datetime!(2026-12-08 09:00 UTC));
        let a = assess(&case, date!(2026 - 12 - 14), &calendar());
        assert_eq!(a.rag, Some(Rag::Green));
        assert!(!a.at_risk);
    }

    #[test]
    fn a_response_due_within_two_working_days_is_due_soon_and_at_risk() {
        let mut case = complaint();
        case.acknowledged_at = Some(datetime!(2026-12-08 09:00 UTC));
        // Thursday 17th: Friday 18th and Monday 21st are the two working days left.
        let a = assess(&case, date!(2026 - 12 - 17), &calendar());
        assert_eq!(a.rag, Some(Rag::Amber));
        assert!(a.at_risk);
        assert_eq!(a.reminders, vec![Reminder::DueSoon(date!(2026 - 12 - 21))]);
        // Wednesday 16th: three working days left.
        assert!(!assess(&case, date!(2026 - 12 - 16), &calendar()).at_risk);
    }

    #[test]
    fn a_late_response_is_overdue_and_listed_before_a_late_acknowledgement() {
        let a = assess(&complaint(), date!(2026 - 12 - 22), &calendar());
        assert_eq!(a.rag, Some(Rag::Red));
        assert_eq!(
            a.reminders,
            vec![
                Reminder::Overdue(date!(2026 - 12 - 21)),
                Reminder::AcknowledgementOverdue(date!(2026 - 12 - 10)),
            ]
        );
    }

    #[test]
    fn the_extended_date_is_the_one_that_counts() {
        let mut case = complaint();
        case.acknowledged_at = Some(datetime!(2026-12-08 09:00 UTC));
        case.extended_due_on = Some(date!(2027 - 01 - 08));
        let a = assess(&case, date!(2026 - 12 - 22), &calendar());
        assert_eq!(a.rag, Some(Rag::Green));
        assert!(a.reminders.is_empty());
    }

    #[test]
    fn closed_paused_held_and_spam_cases_run_no_clock() {
        let today = date!(2027 - 02 - 01);
        let mut closed = complaint();
        closed.status = CaseStatus::Closed;
        let mut paused = complaint();
        paused.status = CaseStatus::Paused;
        let mut held = complaint();
        held.screening.held = true;
        let mut spam = complaint();
        spam.screening.spam = true;
        for case in [closed, paused, held, spam] {
            let a = assess(&case, today, &calendar());
            assert_eq!((a.rag, a.at_risk), (None, false), "{:?}", case.status);
            assert!(a.reminders.is_empty());
        }
    }

    #[test]
    fn a_compliment_has_only_its_acknowledgement_to_watch() {
        let mut case = complaint();
        case.kind = CaseKind::Compliment;
        // As the store keeps them: no reply-by date.
        case.due_on = None;
        let a = assess(&case, date!(2026 - 12 - 22), &calendar());
        assert_eq!(
            a.reminders,
            vec![Reminder::AcknowledgementOverdue(date!(2026 - 12 - 10))]
        );
    }

    #[test]
    fn an_escalation_window_closing_in_two_working_days_is_listed_but_not_at_risk() {
        let mut case = complaint();
        case.acknowledged_at = Some(datetime!(2026-12-08 09:00 UTC));
        case.status = CaseStatus::Open;
        // Responded Friday 18 December: 20 working days (Christmas and Boxing Day observed
        // on the 25th and 28th, New Year's Day on 1 January) end on Wednesday 20 January.
        case.responded_on = Some(date!(2026 - 12 - 18));
        let closes = calendar().due(Deadline::EscalationWindow, date!(2026 - 12 - 18));
        assert_eq!(closes, date!(2027 - 01 - 20));
        let a = assess(&case, date!(2027 - 01 - 18), &calendar());
        assert_eq!(a.reminders, vec![Reminder::EscalationClosing(closes)]);
        assert!(!a.at_risk);
        assert!(
            assess(&case, date!(2027 - 01 - 04), &calendar())
                .reminders
                .is_empty()
        );
    }
}
