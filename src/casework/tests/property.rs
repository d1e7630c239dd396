//! Random sequences of actions never reach a case that breaks the invariant.

use super::*;

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
