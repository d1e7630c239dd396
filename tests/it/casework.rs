//! The casework rules over HTTP, as a rights officer would meet them: only the actions the
//! procedure allows are offered and taken, every step keeps the day it really happened, a form
//! from before someone else's change is refused, a refused form comes back with the message
//! next to its field and what was typed, and nothing changes when nothing would.

use crate::helpers;

use have_your_say::domain::Reference;
use have_your_say::domain::{Case, CaseKind, CaseStatus, OmbudsmanDecision, Procedure};
use have_your_say::store::cases::format_date;
use have_your_say::timescale::{Calendar, today_in_england};
use helpers::{Page, TestApp, spawn_app, spawn_app_with};
use time::Date;

use helpers::COMPLAINT;
use helpers::COMPLIMENT;

/// A signed-in officer looking at one case.
struct Officer<'a> {
    app: &'a TestApp,
    browser: reqwest::Client,
    csrf: String,
    reference: String,
}

impl<'a> Officer<'a> {
    async fn on(app: &'a TestApp, reference: &str, email: &str) -> Officer<'a> {
        let password = app.add_staff(email, "officer").await;
        let (browser, page) = app.sign_in(email, &password, None).await;
        Officer {
            app,
            browser,
            csrf: page.csrf(),
            reference: reference.to_owned(),
        }
    }

    async fn page(&self) -> Page {
        self.app
            .get_as(&self.browser, &format!("/staff/cases/{}", self.reference))
            .await
    }

    /// Open the case page, then send one of its forms, as a person would.
    async fn act(&self, action: &str, fields: &[(&str, &str)]) -> Page {
        let revision = self.page().await.revision();
        self.act_at(&revision, action, fields).await
    }

    /// Send a form drawn at `revision`.
    async fn act_at(&self, revision: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let mut form = vec![("csrf", self.csrf.as_str()), ("revision", revision)];
        form.extend_from_slice(fields);
        self.app
            .post_as(
                &self.browser,
                &format!("/staff/cases/{}/{action}", self.reference),
                &form,
            )
            .await
    }

    async fn stored(&self) -> Case {
        self.app
            .store
            .case_by_reference(&Reference::parse(&self.reference).unwrap())
            .await
            .unwrap()
            .unwrap()
    }

    async fn events(&self, kind: &str) -> i64 {
        self.app
            .count_where(
                "case_events",
                &format!(
                    "kind = '{kind}' and case_id = (select id from cases where reference = '{}')",
                    self.reference
                ),
            )
            .await
    }
}

async fn case(app: &TestApp, values: &[&str]) -> String {
    let reference = app.send(values).await.reference();
    app.get("/leave").await;
    reference
}

fn cal() -> Calendar {
    Calendar::england_and_wales()
}

fn today() -> Date {
    today_in_england(time::OffsetDateTime::now_utc())
}

/// Make the case as if it had arrived `working_days` ago (its Stage 1 clock with it), so that
/// steps can be dated in the past as an officer catching up would date them.
async fn received_days_ago(app: &TestApp, reference: &str, working_days: u32) -> Date {
    let mut start = today();
    for _ in 0..working_days {
        start = previous_working_day(start);
    }
    let noon = start
        .with_hms(12, 0, 0)
        .unwrap()
        .assume_utc()
        .unix_timestamp()
        * 1000;
    sqlx::query(
        "update cases set received_at = $1, stage_started_on = $2, due_on = $3, \
         last_step_on = $2 where reference = $4",
    )
    .bind(noon)
    .bind(format_date(start))
    .bind(format_date(cal().add_working_days(start, 10)))
    .bind(reference)
    .execute(app.store.pool())
    .await
    .unwrap();
    start
}

fn previous_working_day(from: Date) -> Date {
    let mut day = from.previous_day().unwrap();
    while !cal().is_working_day(day) {
        day = day.previous_day().unwrap();
    }
    day
}

#[tokio::test]
async fn a_compliment_has_no_stage_outcome_or_reply_by_date_and_closes_without_an_outcome() {
    let app = spawn_app().await;
    let reference = case(&app, COMPLIMENT).await;
    let officer = Officer::on(&app, &reference, "cro@council.gov.uk").await;
    let stored = officer.stored().await;
    assert_eq!(stored.due_on, None, "no statutory reply-by date");

    let page = officer.page().await;
    for absent in ["/escalate\"", "/outcome\"", "/extend\"", "/pause\"", "Late"] {
        assert!(!page.body.contains(absent), "a compliment shows {absent}");
    }
    assert!(page.body.contains("no procedure, stages or reply-by date"));

    let refused = officer.act("escalate", &[("reason", "asked")]).await;
    assert_eq!(refused.status, 409);
    assert!(
        refused
            .body
            .contains("That action is not open to this case now.")
    );
    assert_eq!(officer.events("stage_changed").await, 0);

    let closed = officer.act("close", &[]).await;
    assert_eq!(closed.status, 200, "{}", closed.body);
    assert_eq!(officer.stored().await.status, CaseStatus::Closed);
}

#[tokio::test]
async fn not_safe_is_a_safety_concern_acknowledged_the_same_day() {
    let app = spawn_app().await;
    let reference = app
        .send_urgent("He hits me", "after school")
        .await
        .reference();
    app.get("/leave").await;
    let officer = Officer::on(&app, &reference, "duty@council.gov.uk").await;
    let stored = officer.stored().await;
    assert_eq!(stored.kind, CaseKind::SafetyConcern);
    assert!(stored.urgent);
    assert_eq!(stored.due_on, None);
    assert_eq!(stored.acknowledge_by, Some(today()));
    let page = officer.page().await;
    assert!(page.body.contains("Safety concern"));
    assert!(!page.body.contains("/outcome\""));
}

#[tokio::test]
async fn stages_move_one_two_three_in_order_with_the_dates_staff_give() {
    let app = spawn_app().await;
    let reference = case(&app, COMPLAINT).await;
    let start = received_days_ago(&app, &reference, 40).await;
    let officer = Officer::on(&app, &reference, "cro@council.gov.uk").await;
    let page = officer.page().await;
    assert!(page.body.contains("Move to Stage 2"));
    assert!(!page.body.contains("Move to Stage 3"), "no jump to Stage 3");
    assert!(!page.body.to_lowercase().contains("restart"));
    assert_eq!(
        officer.act("restart", &[]).await.status,
        404,
        "no restart action"
    );

    // The Stage 1 response went out on day 8, recorded today.
    let responded = cal().add_working_days(start, 8);
    let done = officer
        .act(
            "outcome",
            &[
                ("outcome", "not_upheld"),
                ("effective_on", &format_date(responded)),
            ],
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(officer.stored().await.responded_on, Some(responded));

    // The request for Stage 2 arrived 5 working days after the response: inside the window.
    let asked = cal().add_working_days(responded, 5);
    let two = officer
        .act("escalate", &[("effective_on", &format_date(asked))])
        .await;
    assert_eq!(two.status, 200, "{}", two.body);
    let stored = officer.stored().await;
    assert_eq!(stored.stage, 2);
    assert_eq!(stored.stage_started_on, Some(asked));
    assert_eq!(stored.due_on, Some(cal().add_working_days(asked, 25)));
    // The timeline says when it happened and when it was recorded.
    assert!(two.body.contains("(recorded "), "{}", two.body);

    // A step cannot be dated before the one before it, nor in the future.
    let before = officer
        .act(
            "outcome",
            &[
                ("outcome", "upheld"),
                ("effective_on", &format_date(responded)),
            ],
        )
        .await;
    assert_eq!(before.status, 422);
    assert!(
        before
            .body
            .contains("The date cannot be before the step recorded before it.")
    );
    let tomorrow = today().next_day().unwrap();
    let future = officer
        .act(
            "outcome",
            &[
                ("outcome", "upheld"),
                ("effective_on", &format_date(tomorrow)),
            ],
        )
        .await;
    assert_eq!(future.status, 422);
    assert!(future.body.contains("The date cannot be in the future."));

    officer.act("outcome", &[("outcome", "upheld")]).await;
    let three = officer.act("escalate", &[]).await;
    assert_eq!(three.status, 200, "{}", three.body);
    assert_eq!(officer.stored().await.stage, 3);
    officer.act("outcome", &[("outcome", "upheld")]).await;
    assert_eq!(
        officer.act("escalate", &[("reason", "x")]).await.status,
        409
    );
    assert_eq!(officer.events("stage_changed").await, 2);
}

#[tokio::test]
async fn a_late_request_or_one_before_a_response_needs_a_reason_and_the_form_keeps_what_was_typed()
{
    let app = spawn_app().await;
    let reference = case(&app, COMPLAINT).await;
    let start = received_days_ago(&app, &reference, 45).await;
    let officer = Officer::on(&app, &reference, "cro@council.gov.uk").await;

    let early = officer.act("escalate", &[]).await;
    assert_eq!(early.status, 422);
    assert!(early.body.contains("This stage has no response yet."));
    assert!(early.body.contains("id=\"escalate-reason-error\""));

    officer
        .act(
            "outcome",
            &[
                ("outcome", "not_upheld"),
                (
                    "effective_on",
                    &format_date(cal().add_working_days(start, 5)),
                ),
            ],
        )
        .await;
    // Today is 40 working days after the response: outside the 20-day window.
    let late = officer.act("escalate", &[("reason", "  ")]).await;
    assert_eq!(late.status, 422);
    assert!(late.body.contains("more than 20 working days after"));
    assert_eq!(officer.stored().await.stage, 1);

    let typed = "The letter went to an old address <b>";
    let bad_date = officer
        .act(
            "escalate",
            &[("reason", typed), ("effective_on", "31/02/2026")],
        )
        .await;
    assert_eq!(bad_date.status, 422);
    assert!(
        bad_date
            .body
            .contains("The letter went to an old address &#60;b&#62;"),
        "what was typed comes back, escaped"
    );
    assert!(
        bad_date
            .body
            .contains("Please give a date as day, month and year.")
    );

    let accepted = officer.act("escalate", &[("reason", typed)]).await;
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    assert_eq!(officer.stored().await.stage, 2);
}

#[tokio::test]
async fn an_extension_needs_a_reason_stays_within_the_limit_and_happens_once() {
    let app = spawn_app().await;
    let reference = case(&app, COMPLAINT).await;
    let officer = Officer::on(&app, &reference, "cro@council.gov.uk").await;
    let refused = officer.act("extend", &[("reason", "")]).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Please write something."));
    let started = officer.stored().await.stage_started_on.unwrap();
    officer
        .act("extend", &[("reason", "Advocate being arranged")])
        .await;
    assert_eq!(
        officer.stored().await.extended_due_on,
        Some(cal().add_working_days(started, 20))
    );
    assert!(!officer.page().await.body.contains("/extend\""));
    assert_eq!(
        officer.act("extend", &[("reason", "again")]).await.status,
        409
    );
    assert_eq!(officer.events("extended").await, 1);
}

#[tokio::test]
async fn a_pause_needs_the_complainants_agreement_and_a_paused_case_cannot_close() {
    let app = spawn_app().await;
    let reference = case(&app, COMPLAINT).await;
    let officer = Officer::on(&app, &reference, "cro@council.gov.uk").await;
    let refused = officer.act("pause", &[]).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Tick the box"));
    officer.act("pause", &[("agreed", "yes")]).await;
    assert_eq!(officer.stored().await.status, CaseStatus::Paused);
    assert_eq!(officer.act("close", &[]).await.status, 409);
    officer.act("resume", &[]).await;
    assert_eq!(officer.stored().await.status, CaseStatus::Open);
}

#[tokio::test]
async fn a_form_drawn_before_someone_elses_change_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let reference = case(&app, COMPLAINT).await;
    let first = Officer::on(&app, &reference, "one@council.gov.uk").await;
    let second = Officer::on(&app, &reference, "two@council.gov.uk").await;
    let drawn = first.page().await.revision();

    second.act("outcome", &[("outcome", "upheld")]).await;
    second.act("escalate", &[]).await;
    assert_eq!(second.stored().await.stage, 2);

    let stale = first
        .act_at(&drawn, "outcome", &[("outcome", "not_upheld")])
        .await;
    assert_eq!(stale.status, 409);
    assert!(
        stale
            .body
            .contains("Someone changed this case while you had it open.")
    );
    let stored = first.stored().await;
    assert_eq!(stored.stage, 2);
    assert_eq!(stored.outcome, None);
    // Notes never clash.
    let note = first
        .act_at(&drawn, "note", &[("text", "Phoned the carer")])
        .await;
    assert_eq!(note.status, 200);
}

#[tokio::test]
async fn an_action_that_changes_nothing_records_nothing() {
    let app = spawn_app().await;
    let reference = case(&app, COMPLAINT).await;
    let officer = Officer::on(&app, &reference, "cro@council.gov.uk").await;
    for _ in 0..3 {
        let page = officer.act("details", &[("category", "school")]).await;
        assert_eq!(page.status, 200);
    }
    assert_eq!(officer.events("details_set").await, 1);
    officer.act("acknowledge", &[]).await;
    assert_eq!(officer.act("acknowledge", &[]).await.status, 409);
    assert_eq!(officer.events("acknowledged").await, 1);
}

#[tokio::test]
async fn the_corporate_procedure_has_the_councils_stages_and_informal_complaints_have_none() {
    let app = spawn_app_with(|c| c.procedures.corporate_stage_days = vec![20, 25]).await;
    let reference = case(&app, COMPLAINT).await;
    let officer = Officer::on(&app, &reference, "cro@council.gov.uk").await;
    let started = officer.stored().await.stage_started_on.unwrap();

    let no_reason = officer
        .act("procedure", &[("procedure", "corporate")])
        .await;
    assert_eq!(no_reason.status, 422);
    officer
        .act(
            "procedure",
            &[
                ("procedure", "corporate"),
                ("reason", "About council tax, not children's services"),
            ],
        )
        .await;
    let stored = officer.stored().await;
    assert_eq!(stored.procedure, Procedure::Corporate);
    assert_eq!(stored.due_on, Some(cal().add_working_days(started, 20)));
    officer.act("outcome", &[("outcome", "not_upheld")]).await;
    officer.act("escalate", &[]).await;
    let stored = officer.stored().await;
    assert_eq!(stored.stage, 2);
    assert_eq!(stored.due_on, Some(cal().add_working_days(today(), 25)));
    assert!(
        !officer.page().await.body.contains("/escalate\""),
        "two stages"
    );

    let informal = case(&app, COMPLAINT).await;
    let officer = Officer {
        reference: informal,
        ..officer
    };
    officer
        .act(
            "procedure",
            &[("procedure", "informal"), ("reason", "Sorted on the phone")],
        )
        .await;
    let stored = officer.stored().await;
    assert_eq!(stored.procedure, Procedure::Informal);
    assert_eq!(stored.due_on, None);
    assert_eq!(officer.act("close", &[]).await.status, 409, "outcome first");
    officer.act("outcome", &[("outcome", "upheld")]).await;
    assert_eq!(officer.act("close", &[]).await.status, 200);
}

#[tokio::test]
async fn over_json_a_refused_action_is_a_409_or_422_with_a_code() {
    let app = spawn_app().await;
    let reference = case(&app, COMPLIMENT).await;
    let officer = Officer::on(&app, &reference, "cro@council.gov.uk").await;
    let revision = officer.page().await.revision();
    let post = |action: &'static str, fields: Vec<(&'static str, String)>| {
        let mut form = vec![
            ("csrf", officer.csrf.clone()),
            ("revision", revision.clone()),
        ];
        form.extend(fields);
        officer
            .browser
            .post(app.url(&format!("/staff/cases/{reference}/{action}")))
            .header("accept", "application/json")
            .form(&form)
            .send()
    };
    let refused = post("escalate", vec![]).await.unwrap();
    assert_eq!(refused.status(), 409);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["error"], "not_offered");
    let empty = post("reply", vec![("text", String::new())]).await.unwrap();
    assert_eq!(empty.status(), 422);
    let body: serde_json::Value = empty.json().await.unwrap();
    assert_eq!(body["error"], "invalid_field");
    assert_eq!(body["field"], "text");
    let done = post("close", vec![]).await.unwrap();
    assert_eq!(done.status(), 204);
}

#[tokio::test]
async fn stage_two_and_three_facts_and_the_ombudsman_are_recorded_where_the_procedure_has_them() {
    let app = spawn_app().await;
    let reference = case(&app, COMPLAINT).await;
    let start = received_days_ago(&app, &reference, 60).await;
    let officer = Officer::on(&app, &reference, "cro@council.gov.uk").await;

    // At Stage 1 an Investigating Officer makes no sense: refused by the field, typing kept.
    let early = officer
        .act("facts", &[("investigating_officer", "Pat Investigator")])
        .await;
    assert_eq!(early.status, 422, "{}", early.body);
    assert!(early.body.contains("has not reached"), "{}", early.body);
    assert!(early.body.contains("value=\"Pat Investigator\""));
    // A sum that is not money is refused by its field.
    let bad = officer.act("facts", &[("remedy", "ten pounds")]).await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains("Write an amount in pounds"),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("value=\"ten pounds\""));

    let responded = cal().add_working_days(start, 8);
    officer
        .act(
            "outcome",
            &[
                ("outcome", "not_upheld"),
                ("effective_on", &format_date(responded)),
            ],
        )
        .await;
    let asked = cal().add_working_days(responded, 3);
    officer
        .act("escalate", &[("effective_on", &format_date(asked))])
        .await;
    let page = officer
        .act(
            "facts",
            &[
                ("investigating_officer", "Pat Investigator"),
                ("independent_person", "Sam Independent"),
                ("cost_investigation", "£1,250.50"),
                ("cost_independent_person", "600"),
                ("remedy", "250"),
                ("remedy_for", "Allowance paid late"),
            ],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    let stored = officer.stored().await;
    assert_eq!(
        stored.facts.investigating_officer.as_deref(),
        Some("Pat Investigator")
    );
    assert_eq!(stored.facts.cost_investigation_pence, Some(125_050));
    assert_eq!(stored.facts.cost_independent_person_pence, Some(60_000));
    assert_eq!(stored.facts.remedy_pence, Some(25_000));
    assert!(page.body.contains("value=\"1250.50\""), "shown as stored");
    assert_eq!(officer.events("facts_recorded").await, 1);
    // The same details again record nothing.
    officer
        .act(
            "facts",
            &[
                ("investigating_officer", "Pat Investigator"),
                ("independent_person", "Sam Independent"),
                ("cost_investigation", "1250.50"),
                ("cost_independent_person", "600.00"),
                ("remedy", "250"),
                ("remedy_for", "Allowance paid late"),
            ],
        )
        .await;
    assert_eq!(officer.events("facts_recorded").await, 1);
    // The panel belongs to Stage 3.
    let panel = officer
        .act(
            "facts",
            &[
                ("investigating_officer", "Pat Investigator"),
                ("panel_on", &format_date(today())),
            ],
        )
        .await;
    assert_eq!(panel.status, 422);

    // Closed, and then the Ombudsman writes: recorded on the closed case.
    let decided = cal().add_working_days(asked, 10);
    officer
        .act(
            "outcome",
            &[
                ("outcome", "partly_upheld"),
                ("effective_on", &format_date(decided)),
            ],
        )
        .await;
    officer
        .act("close", &[("effective_on", &format_date(decided))])
        .await;
    let lgsco = officer
        .act(
            "ombudsman",
            &[
                ("effective_on", &format_date(today())),
                ("decision", "investigated_fault"),
                ("remedy_text", "Apology and £300"),
            ],
        )
        .await;
    assert_eq!(lgsco.status, 200, "{}", lgsco.body);
    let stored = officer.stored().await;
    assert_eq!(
        stored.ombudsman.as_ref().map(|o| o.decision),
        Some(OmbudsmanDecision::Fault)
    );
    assert_eq!(stored.ombudsman.map(|o| o.received_on), Some(today()));
    assert!(lgsco.body.contains("Investigated: fault found"));

    // Compliments have none of this.
    let compliment = case(&app, COMPLIMENT).await;
    let other = Officer::on(&app, &compliment, "cro2@council.gov.uk").await;
    let page = other.page().await;
    assert!(!page.body.contains("/facts\""), "{}", page.body);
    assert!(!page.body.contains("/ombudsman\""));
}

// ---- The council's own lists -----------------------------------------------------------------

/// How many entries of a list table the case has.
async fn listed(app: &TestApp, table: &str, reference: &str) -> i64 {
    app.count_where(
        table,
        &format!("case_id = (select id from cases where reference = '{reference}')"),
    )
    .await
}

#[tokio::test]
async fn categories_teams_actions_outcome_and_receipt_are_set_from_the_case_page_once_each() {
    let app = spawn_app().await;
    let reference = case(&app, COMPLAINT).await;
    let officer = Officer::on(&app, &reference, "cro@council.gov.uk").await;
    let page = officer.page().await;
    // Grouped checkboxes, as the shipped lists hold them.
    assert!(
        page.body.contains("name=\"categories\" value=\"delay\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("Children in care and care leavers"));

    for (action, fields, event) in [
        (
            "categories",
            vec![("categories", "delay"), ("categories", "decision")],
            "categories_set",
        ),
        (
            "teams",
            vec![("teams", "fostering"), ("teams", "leaving_care")],
            "teams_set",
        ),
        (
            "actions_taken",
            vec![("actions_taken", "apology"), ("actions_taken", "training")],
            "actions_taken_set",
        ),
        (
            "council_outcome",
            vec![("council_outcome", "resolved_informally")],
            "council_outcome_set",
        ),
        ("receipt", vec![("method", "paper_form")], "receipt_set"),
    ] {
        let done = officer.act(action, &fields).await;
        assert_eq!(done.status, 200, "{action}: {}", done.body);
        assert_eq!(officer.events(event).await, 1, "{action}");
        // The same again records nothing.
        officer.act(action, &fields).await;
        assert_eq!(officer.events(event).await, 1, "{action} repeated");
    }
    assert_eq!(listed(&app, "case_mentions", &reference).await, 2);
    assert_eq!(listed(&app, "case_teams", &reference).await, 2);
    assert_eq!(listed(&app, "case_actions_taken", &reference).await, 2);
    let stored = officer.stored().await;
    assert_eq!(stored.method_of_receipt, "paper_form");
    assert_eq!(
        stored.council_outcome.as_deref(),
        Some("resolved_informally")
    );
    let page = officer.page().await;
    for label in [
        "Delay (Stage 1)",
        "Disagreement with a decision (Stage 1)",
        "Fostering",
        "Leaving care",
        "Apology",
        "Resolved informally",
        "Paper form",
    ] {
        assert!(page.body.contains(label), "{label}");
    }

    // Over JSON, with a category mentioned twice: two mentions.
    let revision = officer.page().await.revision();
    let done = officer
        .browser
        .post(app.url(&format!("/staff/cases/{reference}/categories")))
        .header("accept", "application/json")
        .form(&[
            ("csrf", officer.csrf.as_str()),
            ("revision", revision.as_str()),
            ("categories", "staff_conduct"),
            ("categories", "staff_conduct"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 204);
    assert_eq!(listed(&app, "case_mentions", &reference).await, 2);
    assert_eq!(
        app.count_where("case_mentions", "category = 'staff_conduct' and stage = 1")
            .await,
        2
    );
}

#[tokio::test]
async fn an_id_not_on_the_lists_is_refused_with_the_form_shown_again_and_a_422_over_json() {
    let app = spawn_app().await;
    let reference = case(&app, COMPLAINT).await;
    let officer = Officer::on(&app, &reference, "cro@council.gov.uk").await;

    let refused = officer
        .act(
            "categories",
            &[("categories", "delay"), ("categories", "made_up")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("That is not on the council&#39;s list")
            || refused.body.contains("That is not on the council's list"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("id=\"categories-categories-error\""));
    // What was ticked is ticked again.
    assert!(
        refused
            .body
            .contains("name=\"categories\" value=\"delay\" checked"),
        "kept"
    );
    assert_eq!(officer.events("categories_set").await, 0);
    assert_eq!(listed(&app, "case_mentions", &reference).await, 0);

    let revision = officer.page().await.revision();
    for (action, field, value) in [
        ("teams", "teams", "nowhere"),
        ("actions_taken", "actions_taken", "flowers"),
        ("council_outcome", "council_outcome", "sorted"),
        ("receipt", "method", "pigeon"),
    ] {
        let response = officer
            .browser
            .post(app.url(&format!("/staff/cases/{reference}/{action}")))
            .header("accept", "application/json")
            .form(&[
                ("csrf", officer.csrf.as_str()),
                ("revision", revision.as_str()),
                (field, value),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 422, "{action}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"], "not_on_list", "{action}");
        assert_eq!(body["field"], field, "{action}");
    }
    assert_eq!(officer.stored().await.method_of_receipt, "online");
}

/// The shipped lists with one team, labelled `label`, that was once "Demo South Team".
fn lists_with_south(label: &str) -> have_your_say::lists::Lists {
    let text = format!(
        "{}\n[[services]]\nid = \"south_area\"\nlabel = \"South\"\n\n[[teams]]\nid = \"south\"\n\
         label = \"{label}\"\nservice = \"south_area\"\nformerly = [\"Demo South Team\", \"South Team\"]\n",
        have_your_say::lists::SHIPPED
    );
    let text = if label == "South Team" {
        text.replace(", \"South Team\"]", "]")
    } else {
        text
    };
    have_your_say::lists::Lists::parse(&text, "test lists").unwrap()
}

#[tokio::test]
async fn a_renamed_team_keeps_its_old_name_in_history_and_typed_names_find_their_team() {
    let first = spawn_app_with(|c| {
        c.procedures.lists = std::sync::Arc::new(lists_with_south("South Team"));
    })
    .await;
    let reference = case(&first, COMPLAINT).await;
    let officer = Officer::on(&first, &reference, "cro@council.gov.uk").await;
    officer.act("teams", &[("teams", "south")]).await;
    // Two older cases whose team was typed: one names the team by its old name, one no team.
    let typed = case(&first, COMPLAINT).await;
    let stray = case(&first, COMPLAINT).await;
    for (reference, team) in [(&typed, "demo south team"), (&stray, "Nowhere Team")] {
        sqlx::query("update cases set team = $1 where reference = $2")
            .bind(team)
            .bind(reference)
            .execute(first.store.pool())
            .await
            .unwrap();
    }

    // The council renames the team and starts the service again.
    let url = first.config.database_url.clone();
    let second = spawn_app_with(|c| {
        c.database_url = url;
        c.procedures.lists = std::sync::Arc::new(lists_with_south("Southern Team"));
    })
    .await;
    let officer = Officer::on(&second, &reference, "manager@council.gov.uk").await;
    let page = officer.page().await;
    let facts = helpers::between(&page.body, "<dl class=\"facts\">", "</dl>").unwrap();
    assert!(
        facts.contains("Southern Team"),
        "current name on the case: {facts}"
    );
    // "South Team" is no longer on the page's lists: only the history still says it.
    assert!(
        page.body.contains("South Team") && page.body.contains("Teams set"),
        "the name at the time in the history"
    );
    assert_eq!(listed(&second, "case_teams", &typed).await, 1);
    let typed_page = Officer::on(&second, &typed, "cro2@council.gov.uk")
        .await
        .page()
        .await;
    assert!(typed_page.body.contains("Southern Team"));
    let stray_page = Officer::on(&second, &stray, "cro3@council.gov.uk")
        .await
        .page()
        .await;
    assert!(stray_page.body.contains("Nowhere Team"));
    assert!(stray_page.body.contains("not on the team list"));

    let report = have_your_say::report::build(
        &second.store,
        &second.state.calendar,
        &second.config.procedures.lists,
        have_your_say::report::this_year(),
    )
    .await
    .unwrap();
    let teams = report.table("complaints-by-team").unwrap();
    let south = teams.row("south").unwrap();
    assert_eq!(south.current.count, 2);
    assert_eq!(
        south.label,
        have_your_say::report::Label::Text("Southern Team".into())
    );
    assert!(
        teams.rows.iter().all(|r| !r.id.contains("Nowhere")),
        "free text is never a row"
    );
    assert_eq!(teams.row("not-recorded").unwrap().current.count, 1);
}

#[tokio::test]
async fn enquiries_and_members_enquiries_are_recorded_counted_and_have_no_stage() {
    let app = spawn_app().await;
    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    let (browser, page) = app.sign_in("cro@council.gov.uk", &password, None).await;
    let form = app.get_as(&browser, "/staff/cases/new").await;
    assert!(
        form.body.contains("value=\"member_enquiry\""),
        "{}",
        form.body
    );
    let today = format_date(today());
    for kind in ["enquiry", "member_enquiry"] {
        let done = app
            .post_as(
                &browser,
                "/staff/cases/new",
                &[
                    ("csrf", page.csrf().as_str()),
                    ("method", "councillor"),
                    ("received", today.as_str()),
                    ("kind", kind),
                    ("submitted_by", "other"),
                    ("category", "money"),
                    ("summary", "Demo: a councillor asks about an allowance"),
                    ("contact", "worker"),
                    ("team", "leaving_care"),
                ],
            )
            .await;
        assert_eq!(done.status, 200, "{kind}: {}", done.body);
    }
    let report = have_your_say::report::build(
        &app.store,
        &app.state.calendar,
        &app.config.procedures.lists,
        have_your_say::report::this_year(),
    )
    .await
    .unwrap();
    let kinds = report.table("received-by-kind").unwrap();
    assert_eq!(kinds.row("enquiry").unwrap().current.count, 1);
    assert_eq!(kinds.row("member_enquiry").unwrap().current.count, 1);
    assert_eq!(kinds.row("complaint").unwrap().current.count, 0);
    // No stage, so no reply-by date and no escalation.
    let reference: (String,) =
        sqlx::query_as("select reference from cases where kind = 'member_enquiry'")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    let officer = Officer::on(&app, &reference.0, "cro2@council.gov.uk").await;
    let case = officer.page().await;
    assert!(case.body.contains("Member&#39;s enquiry") || case.body.contains("Member's enquiry"));
    assert!(!case.body.contains("/escalate\""));
    assert!(case.body.contains("/teams\""));
}

#[tokio::test]
async fn an_old_database_is_carried_forward_aspects_become_mentions_and_typed_teams_their_team() {
    use have_your_say::store::Store;
    let dir = tempfile::tempdir().unwrap();
    let url = helpers::fresh_database_url(dir.path()).await;
    // The database as it was before the lists: every migration older than theirs.
    let backend = if helpers::is_postgres() {
        "postgres"
    } else {
        "sqlite"
    };
    let old = tempfile::tempdir().unwrap();
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    for entry in std::fs::read_dir(&shipped).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        if name.as_str() < "20261207100000" {
            std::fs::copy(entry.path(), old.path().join(&name)).unwrap();
        }
    }
    let store = Store::connect(&url, 1).await.unwrap();
    {
        let mut conn = store.pool().acquire().await.unwrap();
        if backend == "sqlite" {
            sqlx::query("pragma foreign_keys = off")
                .execute(&mut *conn)
                .await
                .unwrap();
        }
        let migrator = sqlx::migrate::Migrator::new(old.path()).await.unwrap();
        migrator.run(&mut *conn).await.unwrap();
    }
    let now = time::OffsetDateTime::now_utc().unix_timestamp() * 1000;
    let mut ids = Vec::new();
    for team in ["Demo South Team", "Nowhere Team"] {
        let (id,): (i64,) = sqlx::query_as(
            "insert into cases (reference, secret_hash, kind, procedure, stage, status, \
             submitted_by, category, advocate_wanted, contact_method, locale, urgent, team, \
             method_of_receipt, received_at, answers, created_at, updated_at) \
             values ($1, '', 'complaint', 'statutory', 2, 'open', 'child', 'money', 'no', \
             'none', 'en-GB', 0, $2, 'telephone', $3, '{}', $3, $3) returning id",
        )
        .bind(Reference::generate().as_ref().to_owned())
        .bind(team)
        .bind(now)
        .fetch_one(store.pool())
        .await
        .unwrap();
        ids.push(id);
    }
    for aspect in ["delay", "communication"] {
        sqlx::query("insert into case_aspects (case_id, aspect, created_at) values ($1, $2, $3)")
            .bind(ids[0])
            .bind(aspect)
            .bind(now)
            .execute(store.pool())
            .await
            .unwrap();
    }
    store.close().await;

    // Today's service starts on it: the migrations carry it forward.
    let app = spawn_app_with(|c| {
        c.database_url = url.to_string();
        c.procedures.lists = std::sync::Arc::new(lists_with_south("South Team"));
    })
    .await;
    assert_eq!(
        app.count_where(
            "case_mentions",
            &format!("case_id = {} and stage = 1", ids[0])
        )
        .await,
        2
    );
    assert_eq!(
        app.count_where(
            "case_teams",
            &format!("case_id = {} and team = 'south'", ids[0])
        )
        .await,
        1
    );
    assert_eq!(
        app.count_where("case_teams", &format!("case_id = {}", ids[1]))
            .await,
        0
    );
    let kept: (Option<String>, Option<String>) = sqlx::query_as(
        "select (select team from cases where id = $1), (select team from cases where id = $2)",
    )
    .bind(ids[0])
    .bind(ids[1])
    .fetch_one(app.store.pool())
    .await
    .unwrap();
    assert_eq!(kept, (None, Some("Nowhere Team".to_owned())));
    let report = have_your_say::report::build(
        &app.store,
        &app.state.calendar,
        &app.config.procedures.lists,
        have_your_say::report::this_year(),
    )
    .await
    .unwrap();
    let cell =
        |table: &str, row: &str| report.table(table).unwrap().row(row).unwrap().current.count;
    assert_eq!(cell("complaint-aspects", "delay"), 1);
    assert_eq!(cell("complaint-aspects", "communication"), 1);
    assert_eq!(cell("complaints-by-team", "south"), 1);
    assert_eq!(cell("complaints-by-team", "not-recorded"), 1);
    assert_eq!(cell("method-of-receipt", "telephone"), 2);
}
