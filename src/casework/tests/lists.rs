//! The council's lists on a case: category mentions per stage, teams, actions taken, the
//! council's outcome and the receipt method.

use super::*;

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
