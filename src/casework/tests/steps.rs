//! The dates a step may carry, closing and reopening, and repeats that record nothing.

use super::*;

#[test]
fn dates_are_never_in_the_future_before_receipt_or_before_the_last_step() {
    let case = complaint();
    assert_eq!(
        run(&case, Action::Acknowledge, date!(2026 - 07 - 01)),
        Err(CaseworkError::FutureDate)
    );
    assert_eq!(
        run(&case, Action::Acknowledge, date!(2026 - 01 - 02)),
        Err(CaseworkError::BeforeReceipt)
    );
    let responded = run(&case, outcome(Outcome::NotUpheld), date!(2026 - 01 - 15)).unwrap();
    assert_eq!(
        run(&responded, escalate(None), date!(2026 - 01 - 14)),
        Err(CaseworkError::BeforePreviousStep)
    );
}

#[test]
fn the_response_date_is_the_day_given_not_the_day_recorded() {
    let case = complaint();
    let responded = run(&case, outcome(Outcome::Upheld), date!(2026 - 01 - 16)).unwrap();
    assert_eq!(
        responded.stage.unwrap().responded_on,
        Some(date!(2026 - 01 - 16))
    );
}

#[test]
fn a_complaint_closes_only_with_an_outcome() {
    let case = complaint();
    assert_eq!(
        run(&case, Action::Close, date!(2026 - 01 - 06)),
        Err(CaseworkError::OutcomeFirst)
    );
}

#[test]
fn a_closed_case_takes_only_notes_the_councils_lists_and_a_reopen_with_a_reason() {
    let case = of_kind(CaseKind::Compliment);
    let closed = run(&case, Action::Close, date!(2026 - 01 - 06)).unwrap();
    // What it was about, who dealt with it and how it came are often tidied for the report
    // after a case closes; nothing else changes.
    assert_eq!(
        offered(&closed, &Rules::default()),
        vec![
            ActionKind::Note,
            ActionKind::Reopen,
            ActionKind::Categories,
            ActionKind::Teams,
            ActionKind::Receipt
        ]
    );
    assert_eq!(
        run(
            &closed,
            Action::Reopen {
                reason: String::new()
            },
            date!(2026 - 01 - 07)
        ),
        Err(CaseworkError::ReasonNeeded)
    );
}

#[test]
fn an_action_that_changes_nothing_records_nothing() {
    let case = complaint();
    let details = Action::Details {
        category: Category::Money,
    };
    let once = run(&case, details.clone(), TODAY).unwrap();
    assert_eq!(
        apply(&details, &once, TODAY, TODAY, &cal(), &Rules::default()),
        Ok(Change::Nothing)
    );
    let assign = Action::Assign {
        staff_id: 4,
        name: "Sam".into(),
    };
    let assigned = run(&case, assign.clone(), TODAY).unwrap();
    assert_eq!(
        apply(&assign, &assigned, TODAY, TODAY, &cal(), &Rules::default()),
        Ok(Change::Nothing)
    );
    let acknowledged = run(&case, Action::Acknowledge, date!(2026 - 01 - 06)).unwrap();
    assert_eq!(
        apply(
            &Action::Acknowledge,
            &acknowledged,
            TODAY,
            TODAY,
            &cal(),
            &Rules::default()
        ),
        Err(CaseworkError::NotOffered)
    );
}
