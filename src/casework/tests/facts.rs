//! Stage 2 and 3 facts and the Ombudsman's enquiry: when each may be recorded.

use super::*;

#[test]
fn stage_two_facts_wait_for_stage_two_and_the_panel_for_statutory_stage_three() {
    let case = run(
        &complaint(),
        outcome(Outcome::NotUpheld),
        date!(2026 - 01 - 12),
    )
    .unwrap();
    let io = StageFacts {
        investigating_officer: Some("A. Investigator".into()),
        ..StageFacts::default()
    };
    assert_eq!(
        run(&case, Action::RecordFacts(io.clone()), TODAY),
        Err(CaseworkError::NotAtStage)
    );
    let remedy_only = StageFacts {
        remedy_pence: Some(25_000),
        remedy_for: Some("lost allowance".into()),
        ..StageFacts::default()
    };
    let paid = run(&case, Action::RecordFacts(remedy_only.clone()), TODAY).unwrap();
    assert_eq!(paid.facts, remedy_only, "a remedy may be paid at Stage 1");
    assert_eq!(
        apply(
            &Action::RecordFacts(remedy_only),
            &paid,
            TODAY,
            TODAY,
            &cal(),
            &Rules::default()
        ),
        Ok(Change::Nothing)
    );

    let two = run(
        &case,
        Action::Escalate { late_reason: None },
        date!(2026 - 01 - 20),
    )
    .unwrap();
    let two = run(&two, Action::RecordFacts(io), TODAY).unwrap();
    assert_eq!(
        two.facts.investigating_officer.as_deref(),
        Some("A. Investigator")
    );
    let panel = StageFacts {
        panel_on: Some(date!(2026 - 03 - 02)),
        ..two.facts.clone()
    };
    assert_eq!(
        run(&two, Action::RecordFacts(panel.clone()), TODAY),
        Err(CaseworkError::NotAtStage)
    );
    let two = run(&two, outcome(Outcome::NotUpheld), date!(2026 - 02 - 02)).unwrap();
    let three = run(
        &two,
        Action::Escalate { late_reason: None },
        date!(2026 - 02 - 10),
    )
    .unwrap();
    let early = StageFacts {
        panel_on: Some(date!(2026 - 02 - 09)),
        ..panel.clone()
    };
    assert_eq!(
        run(&three, Action::RecordFacts(early), TODAY),
        Err(CaseworkError::PanelBeforeStage)
    );
    let three = run(&three, Action::RecordFacts(panel), TODAY).unwrap();
    assert_eq!(three.facts.panel_on, Some(date!(2026 - 03 - 02)));
    assert_eq!(invariant_broken(&three, &Rules::default()), None);
}

#[test]
fn the_ombudsman_comes_after_closing_and_only_for_complaints() {
    let case = run(
        &complaint(),
        outcome(Outcome::Upheld),
        date!(2026 - 01 - 12),
    )
    .unwrap();
    let closed = run(&case, Action::Close, date!(2026 - 01 - 13)).unwrap();
    let enquiry = Ombudsman {
        received_on: date!(2026 - 04 - 01),
        decision: crate::domain::OmbudsmanDecision::Fault,
        remedy: Some("apology".into()),
    };
    let after = run(&closed, Action::RecordOmbudsman(enquiry.clone()), TODAY).unwrap();
    assert_eq!(after.ombudsman, Some(enquiry.clone()));
    let future = Ombudsman {
        received_on: date!(2026 - 07 - 01),
        ..enquiry.clone()
    };
    assert_eq!(
        run(&closed, Action::RecordOmbudsman(future), TODAY),
        Err(CaseworkError::FutureDate)
    );
    let compliment = of_kind(CaseKind::Compliment);
    assert_eq!(
        run(&compliment, Action::RecordOmbudsman(enquiry), TODAY),
        Err(CaseworkError::NotOffered)
    );
}
