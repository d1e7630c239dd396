//! The procedures' stages in order: escalation and its window, corporate and informal
//! procedures, switching between them, extensions and pauses.

use super::*;

#[test]
fn stage_one_is_due_ten_working_days_after_the_start() {
    let case = complaint();
    let stage = case.stage.unwrap();
    assert_eq!(stage.number, 1);
    assert_eq!(stage.due_on, date!(2026 - 01 - 19));
}

#[test]
fn compliments_comments_and_safety_concerns_have_no_stage_outcome_or_escalation() {
    for kind in [
        CaseKind::Compliment,
        CaseKind::Comment,
        CaseKind::SafetyConcern,
    ] {
        let case = of_kind(kind);
        let actions = offered(&case, &Rules::default());
        for never in [
            ActionKind::Escalate,
            ActionKind::Extend,
            ActionKind::Pause,
            ActionKind::RecordOutcome,
            ActionKind::SwitchProcedure,
        ] {
            assert!(!actions.contains(&never), "{kind:?} offers {never:?}");
        }
        assert_eq!(
            run(&case, escalate(Some("asked")), date!(2026 - 01 - 06)),
            Err(CaseworkError::NotOffered)
        );
        // Closed without an outcome.
        let closed = run(&case, Action::Close, date!(2026 - 01 - 06)).unwrap();
        assert_eq!(closed.status, CaseStatus::Closed);
        assert_eq!(invariant_broken(&closed, &Rules::default()), None);
    }
}

#[test]
fn statutory_stages_go_one_two_three_in_order_only() {
    let case = complaint();
    let responded = run(&case, outcome(Outcome::NotUpheld), date!(2026 - 01 - 15)).unwrap();
    let two = run(&responded, escalate(None), date!(2026 - 01 - 20)).unwrap();
    let stage = two.stage.unwrap();
    assert_eq!(stage.number, 2);
    assert_eq!(stage.started_on, date!(2026 - 01 - 20));
    assert_eq!(
        stage.due_on,
        cal().add_working_days(date!(2026 - 01 - 20), 25)
    );
    assert_eq!(two.outcome, None);
    let answered = run(&two, outcome(Outcome::PartlyUpheld), date!(2026 - 02 - 20)).unwrap();
    let three = run(&answered, escalate(None), date!(2026 - 02 - 23)).unwrap();
    assert_eq!(three.stage.unwrap().number, 3);
    // No Stage 4.
    let done = run(&three, outcome(Outcome::NotUpheld), date!(2026 - 03 - 20)).unwrap();
    assert_eq!(
        run(&done, escalate(Some("again")), date!(2026 - 03 - 23)),
        Err(CaseworkError::NotOffered)
    );
}

#[test]
fn escalation_after_the_window_needs_a_reason() {
    let case = complaint();
    let responded = run(&case, outcome(Outcome::NotUpheld), date!(2026 - 01 - 15)).unwrap();
    // 20 working days after Thu 15 Jan 2026 is Thu 12 Feb.
    assert!(run(&responded, escalate(None), date!(2026 - 02 - 12)).is_ok());
    assert_eq!(
        run(&responded, escalate(None), date!(2026 - 02 - 13)),
        Err(CaseworkError::LateEscalation)
    );
    let late = run(
        &responded,
        escalate(Some("letter went to an old address")),
        date!(2026 - 02 - 13),
    )
    .unwrap();
    assert_eq!(late.stage.unwrap().number, 2);
}

#[test]
fn escalation_before_a_response_needs_a_reason() {
    let case = complaint();
    assert_eq!(
        run(&case, escalate(None), date!(2026 - 01 - 20)),
        Err(CaseworkError::EscalationBeforeResponse)
    );
    assert!(
        run(
            &case,
            escalate(Some("no reply in time")),
            date!(2026 - 01 - 20)
        )
        .is_ok()
    );
}

#[test]
fn corporate_stages_come_from_the_rules() {
    let rules = Rules {
        corporate_stage_days: vec![20, 25],
        ..Rules::default()
    };
    let start = date!(2026 - 01 - 05);
    let mut case = complaint();
    case.procedure = Procedure::Corporate;
    case.stage = first_stage(&rules, Procedure::Corporate, start, &cal());
    assert_eq!(
        case.stage.unwrap().due_on,
        cal().add_working_days(start, 20)
    );
    let step = |case: &Lifecycle, action: Action, on: Date| match apply(
        &action,
        case,
        on,
        TODAY,
        &cal(),
        &rules,
    )
    .unwrap()
    {
        Change::Changed { after, .. } => *after,
        Change::Nothing => case.clone(),
    };
    let responded = step(&case, outcome(Outcome::NotUpheld), date!(2026 - 01 - 20));
    let two = step(&responded, escalate(None), date!(2026 - 01 - 21));
    assert_eq!(
        two.stage.unwrap().due_on,
        cal().add_working_days(date!(2026 - 01 - 21), 25)
    );
    assert!(!offered(&two, &rules).contains(&ActionKind::Escalate));
    // The corporate procedure has no extension unless the council sets one.
    assert!(!offered(&two, &rules).contains(&ActionKind::Extend));
}

#[test]
fn informal_complaints_have_no_stage_but_an_outcome() {
    let case = complaint();
    let informal = run(
        &case,
        Action::SwitchProcedure {
            to: Procedure::Informal,
            reason: "sorted on the phone".into(),
        },
        date!(2026 - 01 - 06),
    )
    .unwrap();
    assert_eq!(informal.stage, None);
    assert!(!offered(&informal, &Rules::default()).contains(&ActionKind::Escalate));
    assert_eq!(
        run(&informal, Action::Close, date!(2026 - 01 - 07)),
        Err(CaseworkError::OutcomeFirst)
    );
    let resolved = run(&informal, outcome(Outcome::Upheld), date!(2026 - 01 - 07)).unwrap();
    let closed = run(&resolved, Action::Close, date!(2026 - 01 - 07)).unwrap();
    assert_eq!(invariant_broken(&closed, &Rules::default()), None);
}

#[test]
fn switching_procedure_needs_a_reason_and_only_at_stage_one() {
    let case = complaint();
    assert_eq!(
        run(
            &case,
            Action::SwitchProcedure {
                to: Procedure::Corporate,
                reason: "  ".into()
            },
            date!(2026 - 01 - 06)
        ),
        Err(CaseworkError::ReasonNeeded)
    );
    let corporate = run(
        &case,
        Action::SwitchProcedure {
            to: Procedure::Corporate,
            reason: "about council tax".into(),
        },
        date!(2026 - 01 - 06),
    )
    .unwrap();
    // Stage 1 keeps its start under the corporate limit.
    assert_eq!(corporate.stage.unwrap().started_on, date!(2026 - 01 - 05));
    let responded = run(&case, outcome(Outcome::NotUpheld), date!(2026 - 01 - 15)).unwrap();
    let two = run(&responded, escalate(None), date!(2026 - 01 - 16)).unwrap();
    assert!(!offered(&two, &Rules::default()).contains(&ActionKind::SwitchProcedure));
}

#[test]
fn extension_needs_a_reason_stays_within_the_limit_and_happens_once() {
    let case = complaint();
    assert_eq!(
        run(
            &case,
            Action::Extend {
                reason: String::new()
            },
            date!(2026 - 01 - 06)
        ),
        Err(CaseworkError::ReasonNeeded)
    );
    let extended = run(
        &case,
        Action::Extend {
            reason: "advocate being arranged".into(),
        },
        date!(2026 - 01 - 06),
    )
    .unwrap();
    let stage = extended.stage.unwrap();
    assert_eq!(
        stage.extended_due_on,
        Some(cal().add_working_days(date!(2026 - 01 - 05), 20))
    );
    assert!(!offered(&extended, &Rules::default()).contains(&ActionKind::Extend));
    // Stage 3 (the panel) cannot be extended.
    let mut three = complaint();
    three.stage = Some(StageClock {
        number: 3,
        ..three.stage.unwrap()
    });
    assert!(!offered(&three, &Rules::default()).contains(&ActionKind::Extend));
}

#[test]
fn a_pause_needs_agreement_and_moves_the_dates_on() {
    let case = complaint();
    assert_eq!(
        run(
            &case,
            Action::Pause { agreed: false },
            date!(2026 - 01 - 06)
        ),
        Err(CaseworkError::AgreementNeeded)
    );
    let paused = run(&case, Action::Pause { agreed: true }, date!(2026 - 01 - 06)).unwrap();
    assert_eq!(paused.status, CaseStatus::Paused);
    assert_eq!(
        run(&paused, Action::Close, date!(2026 - 01 - 07)),
        Err(CaseworkError::NotOffered)
    );
    let resumed = run(&paused, Action::Resume, date!(2026 - 01 - 13)).unwrap();
    // Five working days (7th to 13th) paused: due 19 Jan becomes 26 Jan.
    assert_eq!(resumed.stage.unwrap().due_on, date!(2026 - 01 - 26));
    assert_eq!(resumed.paused_on, None);
}
