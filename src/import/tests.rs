//! Rows replayed through the casework rules: steps on the same day in the order that works,
//! pauses, procedures, and the problems named where they are.

use time::Date;
use time::macros::date;

use super::{Context, Problem, plan};
use crate::casework::Rules;
use crate::domain::{
    CaseEvent, CaseStatus, Ombudsman, OmbudsmanDecision, Outcome, Procedure, StageFacts,
};
use crate::store::import::ImportedCase;

const TODAY: Date = date!(2026 - 06 - 01);

fn run(header: &str, rows: &[&str]) -> Result<Vec<ImportedCase>, Vec<Problem>> {
    let text = format!("{header}\n{}\n", rows.join("\n"));
    let ctx = Context {
        calendar: crate::timescale::calendar(),
        rules: &Rules::default(),
        today: TODAY,
    };
    plan(text.as_bytes(), &ctx)
}

fn kinds(case: &ImportedCase) -> Vec<&str> {
    case.events.iter().map(|(e, _)| e.kind()).collect()
}

const STAGE_ONE: &str = "external_id,kind,procedure,received_on,method_of_receipt,submitted_by,\
    stage1_extended_on,stage1_extension_reason,stage1_paused_on,stage1_resumed_on,\
    stage1_responded_on,stage1_outcome,closed_on";

#[test]
fn steps_on_one_day_are_taken_in_the_order_the_rules_allow() {
    // Paused and resumed the same day, extended that day too, then two more pauses with the
    // last one still running.
    let cases = run(
        STAGE_ONE,
        &[
            "A,complaint,statutory,2025-06-02,letter,child,2025-06-04,complex,\
           2025-06-04;2025-06-09;2025-06-16,2025-06-04;2025-06-11,,,",
        ],
    )
    .unwrap();
    let case = &cases[0];
    assert_eq!(case.case.status, CaseStatus::Paused);
    assert_eq!(case.case.paused_on, Some(date!(2025 - 06 - 16)));
    assert_eq!(
        kinds(case)[2..],
        [
            "extended", "paused", "resumed", "paused", "resumed", "paused"
        ]
    );
    let stage = case.case.stage.unwrap();
    // 2 June + 20 working days, moved on by the 2 working days of the finished pauses.
    assert_eq!(stage.extended_due_on, Some(date!(2025 - 07 - 02)));
    assert!(case.events.iter().skip(2).all(|(_, on)| on.is_some()));
}

#[test]
fn a_response_and_the_next_request_on_one_day_go_stage_by_stage() {
    let header = "external_id,kind,received_on,method_of_receipt,submitted_by,acknowledged_on,\
                  stage1_responded_on,stage1_outcome,stage2_requested_on,stage2_responded_on,\
                  stage2_outcome,stage3_requested_on,closed_on";
    let cases = run(
        header,
        &[
            "B,complaint,2025-06-02,email,advocate,2025-06-13,2025-06-13,not_upheld,2025-06-13,\
           2025-07-01,upheld,,2025-07-01",
        ],
    )
    .unwrap();
    let case = &cases[0];
    assert_eq!(
        kinds(case)[2..],
        [
            "acknowledged",
            "outcome",
            "stage_changed",
            "outcome",
            "closed"
        ]
    );
    assert_eq!(case.case.stage.map(|s| s.number), Some(2));
    assert_eq!(case.case.outcome, Some(Outcome::Upheld));
    assert_eq!(case.closed_on, Some(date!(2025 - 07 - 01)));
    assert_eq!(case.acknowledged_on, Some(date!(2025 - 06 - 13)));
}

#[test]
fn informal_and_corporate_complaints_follow_their_own_procedure() {
    let cases = run(
        STAGE_ONE,
        &[
            "I,complaint,informal,2025-06-02,letter,child,,,,,2025-06-03,withdrawn,2025-06-03",
            "C,complaint,corporate,2025-06-02,letter,child,,,,,2025-06-10,upheld,2025-06-11",
        ],
    )
    .unwrap();
    assert_eq!(cases[0].case.procedure, Procedure::Informal);
    assert_eq!(cases[0].case.stage, None);
    assert_eq!(
        cases[1].case.stage.map(|s| s.due_on),
        Some(date!(2025 - 06 - 16))
    );
    let refused = run(
        STAGE_ONE,
        &[
            "I,complaint,informal,2025-06-02,letter,child,,,2025-06-03,,,,",
            "C,complaint,corporate,2025-06-02,letter,child,2025-06-03,why,,,,,",
        ],
    )
    .unwrap_err();
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert_eq!(refused[0].column.as_deref(), Some("stage1_paused_on"));
    assert!(
        refused[1].message.contains("cannot be extended"),
        "{refused:?}"
    );
}

#[test]
fn steps_out_of_order_are_named_by_their_column() {
    let header = "external_id,kind,received_on,method_of_receipt,submitted_by,acknowledged_on,\
                  stage1_responded_on,stage1_outcome,stage2_requested_on,stage2_extended_on,\
                  stage2_extension_reason,closed_on";
    let refused = run(
        header,
        &[
            // Acknowledged after closing.
            "A,compliment,2025-06-02,letter,child,2025-06-10,,,,,,2025-06-05",
            // Stage 2 extended before it was requested.
            "B,complaint,2025-06-02,letter,child,,2025-06-10,upheld,2025-06-20,2025-06-12,busy,",
            // A reason with no date.
            "C,complaint,2025-06-02,letter,child,,2025-06-10,upheld,2025-06-20,,busy,",
            // Received after today.
            "D,complaint,2026-07-02,letter,child,,,,,,,",
        ],
    )
    .unwrap_err();
    let found: Vec<String> = refused.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "line 2, column acknowledged_on: 2025-06-10: the case was already closed (closed_on)",
            "line 3, column stage2_extended_on: 2025-06-12 is before stage 2 was requested \
             (stage2_requested_on)",
            "line 4, column stage2_extended_on: needed with stage2_extension_reason",
            "line 5, column received_on: 2026-07-02 is in the future",
        ]
    );
}

#[test]
fn an_imported_case_says_where_it_came_from_and_keeps_what_was_written_down() {
    let header = "external_id,kind,received_on,method_of_receipt,submitted_by,summary,language";
    let cases = run(
        header,
        &["X-9,comment,2025-06-02,telephone,carer,\"Rang about contact, twice\",PL"],
    )
    .unwrap();
    let case = &cases[0];
    assert_eq!(case.locale, "pl");
    assert_eq!(
        case.events[1].0,
        CaseEvent::Note {
            text: "Imported from another system (id X-9).".into(),
            visibility: Default::default(),
        }
    );
    assert_eq!(
        case.events[2].0,
        CaseEvent::Note {
            text: "Rang about contact, twice".into(),
            visibility: Default::default(),
        }
    );
    assert_eq!(
        case.events[0],
        (CaseEvent::Submitted, Some(date!(2025 - 06 - 02)))
    );
}

const FACTS: &str = "external_id,kind,procedure,received_on,method_of_receipt,submitted_by,\
    stage1_responded_on,stage1_outcome,stage2_requested_on,stage2_responded_on,stage2_outcome,\
    stage3_requested_on,stage3_responded_on,stage3_outcome,closed_on,investigating_officer,\
    independent_person,stage3_panel_on,cost_investigation,cost_independent_person,cost_panel,\
    remedy,remedy_for,ombudsman_received_on,ombudsman_decision,ombudsman_remedy";

#[test]
fn stage_facts_and_the_ombudsman_are_recorded_after_the_steps_as_staff_would() {
    let cases = run(
        FACTS,
        &[
            "F,complaint,,2025-06-02,letter,child,2025-06-10,not_upheld,2025-06-12,2025-07-10,\
             partly_upheld,2025-07-14,2025-08-20,upheld,2025-08-21,Pat Investigator,\
             Sam Independent,2025-08-18,\"1,250.50\",600,£900,250,Allowance paid late,\
             2025-11-03,investigated_fault,Apology and £300",
            // Only a remedy at Stage 1, and an enquiry the Ombudsman thought premature.
            "R,complaint,,2025-06-02,letter,child,2025-06-10,upheld,,,,,,,,,,,,,,45,,\
             2025-06-20,premature,",
        ],
    )
    .unwrap();
    let case = &cases[0];
    assert_eq!(case.case.status, CaseStatus::Closed);
    assert_eq!(
        case.case.facts,
        StageFacts {
            investigating_officer: Some("Pat Investigator".into()),
            independent_person: Some("Sam Independent".into()),
            panel_on: Some(date!(2025 - 08 - 18)),
            cost_investigation_pence: Some(125_050),
            cost_independent_person_pence: Some(60_000),
            cost_panel_pence: Some(90_000),
            remedy_pence: Some(25_000),
            remedy_for: Some("Allowance paid late".into()),
        }
    );
    assert_eq!(
        case.case.ombudsman,
        Some(Ombudsman {
            received_on: date!(2025 - 11 - 03),
            decision: OmbudsmanDecision::Fault,
            remedy: Some("Apology and £300".into()),
        })
    );
    // The last entries, undated as on the staff page, after closing.
    let all = kinds(case);
    assert_eq!(
        all[all.len() - 3..],
        ["closed", "facts_recorded", "ombudsman"]
    );
    assert!(case.events.iter().rev().take(2).all(|(_, on)| on.is_none()));
    assert_eq!(case.case.last_step_on, date!(2025 - 08 - 21));

    let remedy = &cases[1];
    assert_eq!(remedy.case.facts.remedy_pence, Some(4500));
    assert_eq!(
        remedy.case.ombudsman.as_ref().map(|o| o.decision),
        Some(OmbudsmanDecision::Premature)
    );
}

#[test]
fn facts_the_rules_refuse_are_named_by_their_column() {
    let refused = run(
        FACTS,
        &[
            // An Investigating Officer at Stage 1.
            "A,complaint,,2025-06-02,letter,child,2025-06-10,upheld,,,,,,,,Pat,,,,,,,,,,",
            // A sum that is not money, and a decision that is not one.
            "B,complaint,,2025-06-02,letter,child,,,,,,,,,,,,,,,ten pounds,,,2025-07-01,guilty,",
            // A panel at Stage 2, and one before Stage 3 was asked for.
            "C,complaint,,2025-06-02,letter,child,2025-06-10,upheld,2025-06-12,,,,,,,,,\
             2025-07-01,,,,,,,,",
            "D,complaint,,2025-06-02,letter,child,2025-06-10,upheld,2025-06-12,2025-07-10,\
             upheld,2025-07-14,,,,,,2025-07-11,,,,,,,,",
            // A panel in the corporate procedure, and a compliment with a remedy.
            "E,complaint,corporate,2025-06-02,letter,child,,,,,,,,,,,,,,,500,,,,,",
            "G,compliment,,2025-06-02,letter,child,,,,,,,,,,,,,,,,10,,,,",
            // The Ombudsman: in the future, before receipt, a decision without its date.
            "H,complaint,,2025-06-02,letter,child,,,,,,,,,,,,,,,,,,2026-06-02,declined,",
            "I,complaint,,2025-06-02,letter,child,,,,,,,,,,,,,,,,,,2025-06-01,declined,",
            "J,complaint,,2025-06-02,letter,child,,,,,,,,,,,,,,,,,,,fault_found,sorry",
        ],
    )
    .unwrap_err();
    let found: Vec<String> = refused.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "line 2, column investigating_officer: stage 2 facts, but the complaint reached \
             stage 1 only (stage2_requested_on)",
            "line 3, column cost_panel: \"ten pounds\" is not an amount in pounds such as 1250.50",
            "line 3, column ombudsman_decision: \"guilty\" is not one of: pending, premature, \
             declined, investigated_fault, investigated_no_fault",
            "line 4, column stage3_panel_on: the stage 3 panel belongs to a statutory complaint \
             that reached stage 3, but this complaint reached stage 2 only (stage3_requested_on)",
            "line 5, column stage3_panel_on: 2025-07-11 is before stage 3 was requested \
             (2025-07-14)",
            "line 6, column cost_panel: the stage 3 panel belongs to a statutory complaint that \
             reached stage 3, but this complaint follows the corporate procedure \
             (stage3_requested_on)",
            "line 7, column remedy: a compliment has no stage facts or Ombudsman enquiry: leave \
             it empty",
            "line 8, column ombudsman_received_on: 2026-06-02 is in the future",
            "line 9, column ombudsman_received_on: 2025-06-01 is before the case was received \
             (2025-06-02)",
            "line 10, column ombudsman_decision: \"fault_found\" is not one of: pending, \
             premature, declined, investigated_fault, investigated_no_fault",
        ]
    );
    let missing = run(
        FACTS,
        &["K,complaint,,2025-06-02,letter,child,,,,,,,,,,,,,,,,,,,declined,"],
    )
    .unwrap_err();
    assert_eq!(
        missing[0].to_string(),
        "line 2, column ombudsman_received_on: needed when other ombudsman columns are filled"
    );
}
