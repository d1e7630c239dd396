use proptest::prelude::*;
use time::macros::date;

use super::*;

fn cal() -> Calendar {
    Calendar::england_and_wales()
}

/// A complaint received on Monday 5 January 2026, Stage 1 statutory, not yet acknowledged.
fn complaint() -> Lifecycle {
    let start = date!(2026 - 01 - 05);
    Lifecycle {
        kind: CaseKind::Complaint,
        procedure: Procedure::Statutory,
        stage: first_stage(&Rules::default(), Procedure::Statutory, start, &cal()),
        status: CaseStatus::New,
        received_on: start,
        acknowledged: false,
        outcome: None,
        resolution: None,
        last_step_on: start,
        paused_on: None,
        team: None,
        category: None,
        assignee_id: None,
        receipt: "online".into(),
        trackable: true,
        listed: Listed::default(),
        facts: StageFacts::default(),
        ombudsman: None,
    }
}

fn of_kind(kind: CaseKind) -> Lifecycle {
    Lifecycle {
        kind,
        stage: None,
        ..complaint()
    }
}

const TODAY: Date = date!(2026 - 06 - 30);

fn run(case: &Lifecycle, action: Action, on: Date) -> Result<Lifecycle, CaseworkError> {
    match apply(&action, case, on, TODAY, &cal(), &Rules::default())? {
        Change::Changed { after, .. } => Ok(*after),
        Change::Nothing => Ok(case.clone()),
    }
}

fn outcome(o: Outcome) -> Action {
    Action::RecordOutcome {
        outcome: o,
        resolution: None,
    }
}

fn escalate(reason: Option<&str>) -> Action {
    Action::Escalate {
        late_reason: reason.map(str::to_owned),
    }
}

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

fn any_action() -> impl Strategy<Value = Action> {
    let reason = prop_oneof![Just(String::new()), Just("because".to_owned())];
    let outcome = prop::sample::select(Outcome::ALL.to_vec());
    let procedure = prop::sample::select(Procedure::ALL.to_vec());
    prop_oneof![
        Just(Action::Acknowledge),
        (1i64..4).prop_map(|id| Action::Assign {
            staff_id: id,
            name: "x".into()
        }),
        Just(Action::Details {
            category: Category::Money
        }),
        prop::collection::vec(
            prop::sample::select(vec!["delay", "decision", "worker", "nonsense"]),
            0..4
        )
        .prop_map(|ids| Action::Categories {
            ids: ids.into_iter().map(str::to_owned).collect()
        }),
        prop::collection::vec(
            prop::sample::select(vec!["fostering", "leaving_care", "nowhere"]),
            0..3
        )
        .prop_map(|ids| Action::Teams {
            ids: ids.into_iter().map(str::to_owned).collect()
        }),
        prop::collection::vec(prop::sample::select(vec!["apology", "training"]), 0..3).prop_map(
            |ids| Action::ActionsTaken {
                ids: ids.into_iter().map(str::to_owned).collect()
            }
        ),
        prop::option::of(prop::sample::select(vec!["no_further_action", "made_up"])).prop_map(
            |id| Action::CouncilOutcome {
                id: id.map(str::to_owned)
            }
        ),
        prop::sample::select(vec!["letter", "not_known", "pigeon"]).prop_map(|m| {
            Action::Receipt {
                method: m.to_owned(),
            }
        }),
        Just(Action::Note {
            text: "n".into(),
            visibility: NoteVisibility::Internal
        }),
        Just(Action::Unassign),
        prop::option::of(reason.clone()).prop_map(|late_reason| Action::Escalate { late_reason }),
        reason.clone().prop_map(|reason| Action::Extend { reason }),
        any::<bool>().prop_map(|agreed| Action::Pause { agreed }),
        Just(Action::Resume),
        outcome.prop_map(|outcome| Action::RecordOutcome {
            outcome,
            resolution: None
        }),
        Just(Action::Close),
        reason.clone().prop_map(|reason| Action::Reopen { reason }),
        (procedure, reason).prop_map(|(to, reason)| Action::SwitchProcedure { to, reason }),
        (any::<bool>(), any::<bool>(), 0i64..100_000).prop_map(|(io, panel, pence)| {
            Action::RecordFacts(StageFacts {
                investigating_officer: io.then(|| "I. O.".to_owned()),
                panel_on: panel.then_some(date!(2026 - 05 - 01)),
                remedy_pence: Some(pence),
                ..StageFacts::default()
            })
        }),
        prop::sample::select(crate::domain::OmbudsmanDecision::ALL.to_vec()).prop_map(|decision| {
            Action::RecordOmbudsman(Ombudsman {
                received_on: date!(2026 - 03 - 02),
                decision,
                remedy: None,
            })
        }),
    ]
}

proptest! {
    /// Whatever staff click, in whatever order and on whatever dates, no case reaches a state
    /// the procedure does not have: a compliment with a stage, Stage 3 without Stage 2, a closed
    /// case with a running clock, a complaint closed without an outcome.
    #[test]
    fn random_action_sequences_never_reach_an_invalid_state(
        kind in prop::sample::select(CaseKind::ALL.to_vec()),
        steps in prop::collection::vec((any_action(), 0i64..30), 0..40),
    ) {
        let rules = Rules::default();
        let mut case = match kind {
            CaseKind::Complaint => complaint(),
            other => of_kind(other),
        };
        let mut highest = case.stage.map_or(0, |s| s.number);
        let mut day = case.received_on;
        for (action, gap) in steps {
            day = cal().add_working_days(day, u32::try_from(gap % 5).unwrap());
            let before = case.stage.map_or(0, |s| s.number);
            if let Ok(Change::Changed { after, .. }) = apply(&action, &case, day, TODAY, &cal(), &rules) {
                case = *after;
            }
            prop_assert_eq!(invariant_broken(&case, &rules), None, "{:?}", case);
            let now = case.stage.map_or(0, |s| s.number);
            // Stages only ever move one at a time, upwards (or to none, when made informal).
            prop_assert!(now == 0 || now == before || now == before + 1 || (before == 0 && now == 1));
            if now > highest {
                prop_assert_eq!(now, highest + 1);
                highest = now;
            }
            if !kind.has_procedure() {
                prop_assert!(case.stage.is_none() && case.outcome.is_none());
            }
        }
    }
}

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

/// The council's lists as shipped (`locales/en-GB/lists.toml`).
fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn categories_are_mentions_at_the_current_stage_and_may_repeat() {
    let case = complaint();
    let set = Action::Categories {
        ids: ids(&["delay", "delay", "decision"]),
    };
    let Change::Changed { after, event } =
        apply(&set, &case, TODAY, TODAY, &cal(), &Rules::default()).unwrap()
    else {
        panic!("nothing changed");
    };
    assert_eq!(after.listed.mentions.len(), 3);
    assert!(after.listed.mentions.iter().all(|m| m.stage == Some(1)));
    let CaseEvent::CategoriesSet { stage, categories } = event else {
        panic!("{event:?}");
    };
    assert_eq!(stage, Some(1));
    assert_eq!(categories[0], ListRef::of("delay", "Delay"));
    // The same mentions in another order change nothing.
    let again = Action::Categories {
        ids: ids(&["decision", "delay", "delay"]),
    };
    assert_eq!(
        apply(&again, &after, TODAY, TODAY, &cal(), &Rules::default()),
        Ok(Change::Nothing)
    );
    // At Stage 2 the Stage 1 mentions stay and Stage 2 has its own.
    let responded = run(&after, outcome(Outcome::NotUpheld), date!(2026 - 01 - 20)).unwrap();
    let two = run(
        &responded,
        Action::Escalate { late_reason: None },
        date!(2026 - 01 - 22),
    )
    .unwrap();
    let two = run(
        &two,
        Action::Categories {
            ids: ids(&["staff_conduct"]),
        },
        TODAY,
    )
    .unwrap();
    let stages: Vec<Option<u8>> = two.listed.mentions.iter().map(|m| m.stage).collect();
    assert_eq!(stages, [Some(1), Some(1), Some(1), Some(2)]);
}

#[test]
fn an_id_not_on_the_lists_is_refused_and_names_its_field() {
    let case = complaint();
    for (action, field) in [
        (
            Action::Categories {
                ids: ids(&["delay", "nonsense"]),
            },
            "categories",
        ),
        (
            // A compliment category is not a complaint category.
            Action::Categories {
                ids: ids(&["worker"]),
            },
            "categories",
        ),
        (
            Action::Teams {
                ids: ids(&["south"]),
            },
            "teams",
        ),
        (
            Action::ActionsTaken {
                ids: ids(&["flowers"]),
            },
            "actions_taken",
        ),
        (
            Action::CouncilOutcome {
                id: Some("sorted".into()),
            },
            "council_outcome",
        ),
        (
            Action::Receipt {
                method: "pigeon".into(),
            },
            "method",
        ),
    ] {
        let e = apply(&action, &case, TODAY, TODAY, &cal(), &Rules::default()).unwrap_err();
        assert_eq!(e, CaseworkError::NotOnList { field });
        assert_eq!(e.code(), "not_on_list");
        assert_eq!(e.field(), field);
    }
}

#[test]
fn teams_actions_outcome_and_receipt_are_set_once_and_repeats_record_nothing() {
    let mut case = complaint();
    case.team = Some("Old South Team".into());
    let rules = Rules::default();
    for action in [
        Action::Teams {
            ids: ids(&["fostering", "leaving_care", "fostering"]),
        },
        Action::ActionsTaken {
            ids: ids(&["apology", "explanation"]),
        },
        Action::CouncilOutcome {
            id: Some("no_further_action".into()),
        },
        Action::Receipt {
            method: "paper_form".into(),
        },
    ] {
        case = run(&case, action.clone(), TODAY).unwrap();
        assert_eq!(
            apply(&action, &case, TODAY, TODAY, &cal(), &rules),
            Ok(Change::Nothing),
            "{action:?}"
        );
    }
    assert_eq!(case.listed.teams, ids(&["fostering", "leaving_care"]));
    assert_eq!(case.team, None, "teams from the list replace typed text");
    assert_eq!(case.receipt, "paper_form");
    assert_eq!(
        case.listed.council_outcome.as_deref(),
        Some("no_further_action")
    );
    // Only complaints carry actions taken and a council outcome; comments have no categories.
    let comment = of_kind(CaseKind::Comment);
    for kind in [
        ActionKind::ActionsTaken,
        ActionKind::CouncilOutcome,
        ActionKind::Categories,
    ] {
        assert_eq!(
            check_offered(&comment, kind, &rules),
            Err(CaseworkError::NotOffered)
        );
    }
    let enquiry = of_kind(CaseKind::MemberEnquiry);
    assert!(offered(&enquiry, &rules).contains(&ActionKind::Teams));
    assert!(!offered(&enquiry, &rules).contains(&ActionKind::Escalate));
}
