//! The generated demo year: fake, internally consistent, never in the future.

use super::*;

#[test]
fn demo_cases_are_fake_consistent_and_never_in_the_future() {
    let cal = crate::timescale::calendar();
    let now = crate::store::now_ms();
    let rows = generate(400, 2, cal, now);
    assert_eq!(rows.len(), 400);
    for row in &rows {
        assert!(row.first_name.as_deref().unwrap().starts_with("Demo-"));
        assert!(row.summary.starts_with("Demo "));
        let lists = crate::lists::Lists::shipped();
        assert!(row.teams.iter().all(|t| lists.team(t).is_some()));
        assert!(
            row.mentions
                .iter()
                .all(|c| lists.category(false, c).is_some())
        );
        assert!(row.received_at < now && row.received_at > now - 2 * 366 * 86_400_000);
        assert!(row.events.iter().all(|e| e.created_at <= now + 86_400_000));
        assert!(
            row.events
                .windows(2)
                .all(|w| w[0].created_at <= w[1].created_at),
            "timeline in order"
        );
        if row.status == "closed" {
            assert!(row.closed_at.is_some());
        }
        if row.kind == "complaint" && row.status == "closed" {
            assert!(row.outcome.is_some(), "a complaint closes with an outcome");
        }
    }
    let escalated = rows.iter().filter(|r| r.stage > 1).count();
    let kinds = ["complaint", "compliment", "comment"]
        .iter()
        .filter(|k| rows.iter().any(|r| r.kind == **k))
        .count();
    assert!(escalated > 0, "some complaints escalate");
    assert_eq!(kinds, 3);
}

#[test]
fn no_corporate_complaint_is_extended_as_the_rules_forbid() {
    let cal = crate::timescale::calendar();
    let rows = generate(2000, 2, cal, crate::store::now_ms());
    let corporate: Vec<_> = rows.iter().filter(|r| r.procedure == "corporate").collect();
    assert!(!corporate.is_empty());
    for row in corporate {
        assert!(row.extended_due_on.is_none());
        assert!(row.events.iter().all(|e| e.kind != "extended"));
    }
    let statutory_extended = rows
        .iter()
        .filter(|r| r.procedure == "statutory")
        .any(|r| r.events.iter().any(|e| e.kind == "extended"));
    assert!(statutory_extended, "statutory stages still are, sometimes");
}
