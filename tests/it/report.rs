//! The annual report: every table checked against a fixture counted by hand, the working-day
//! calendar shared with the staff area, the small-number rule, who may see the page, the
//! command line, and cases recorded by staff appearing in it.

use crate::helpers;

use std::collections::BTreeMap;

use have_your_say::report::{self, Audience, FinancialYear, Report, RowKind};
use have_your_say::timescale::{Deadline, calendar};
use helpers::{Page, TestApp};
use time::OffsetDateTime;
use time::macros::{date, datetime};

// ---- The fixture ---------------------------------------------------------------------------

/// The shipped lists with the fixture's teams (teams are the council's list, never free text).
fn lists() -> have_your_say::lists::Lists {
    let text = format!(
        "{}\n{}",
        have_your_say::lists::SHIPPED,
        r#"
[[services]]
id = "area"
label = "Area teams"

[[teams]]
id = "north"
label = "North"
service = "area"

[[teams]]
id = "south"
label = "South"
service = "area"

[[teams]]
id = "formula"
label = "=cmd|'<script>x</script>"
service = "area"

# The counting this file's figures were counted by hand with: every complaint together, at
# each stage it reached, with withdrawn ones counted for time, one year before. (The
# defaults are tested in tests/it/report_councils.rs and below.)
[report]
outcomes = "each_stage"
timescales = "each_stage"
timescales_exclude = []
split_by_kind = false
procedures = ["all"]
categories = "complaint"
previous_years = 1
"#
    );
    have_your_say::lists::Lists::parse(&text, "test lists").unwrap()
}

async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

async fn spawn_app_with(adjust: impl FnOnce(&mut have_your_say::config::Config)) -> TestApp {
    helpers::spawn_app_with(|c| {
        c.procedures.lists = std::sync::Arc::new(lists());
        adjust(c);
    })
    .await
}

/// One case as it would be stored, with its timeline. Times carry their London offset (+1 in
/// British Summer Time) so the dates below read as the council's calendar does.
struct Fx {
    kind: &'static str,
    procedure: &'static str,
    submitted_by: &'static str,
    method: &'static str,
    category: &'static str,
    team: Option<&'static str>,
    age: Option<i64>,
    locale: &'static str,
    advocate: &'static str,
    urgent: bool,
    received: OffsetDateTime,
    stage: i64,
    status: &'static str,
    outcome: Option<&'static str>,
    closed: Option<OffsetDateTime>,
    aspects: &'static [&'static str],
    events: Vec<Event>,
}

/// A timeline entry: kind, the `label` of its detail, when.
type Event = (&'static str, Option<&'static str>, OffsetDateTime);

fn on(kind: &'static str, at: OffsetDateTime) -> Event {
    (kind, None, at)
}

fn with(kind: &'static str, label: &'static str, at: OffsetDateTime) -> Event {
    (kind, Some(label), at)
}

impl Default for Fx {
    fn default() -> Self {
        Self {
            kind: "complaint",
            procedure: "statutory",
            submitted_by: "child",
            method: "online",
            category: "where_i_live",
            team: None,
            age: None,
            locale: "en-GB",
            advocate: "no",
            urgent: false,
            received: datetime!(2000-01-01 00:00 UTC),
            stage: 1,
            status: "open",
            outcome: None,
            closed: None,
            aspects: &[],
            events: Vec::new(),
        }
    }
}

fn ms(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

async fn insert(app: &TestApp, fx: &Fx) {
    let pool = app.store.pool();
    let (id,): (i64,) = sqlx::query_as(
        "insert into cases (reference, secret_hash, kind, procedure, stage, status, \
         submitted_by, category, advocate_wanted, contact_method, age, locale, urgent, \
         method_of_receipt, received_at, outcome, closed_at, answers, created_at, updated_at) \
         values ($1, '', $2, $3, $4, $5, $6, $7, $8, 'none', $9, $10, $11, $12, $13, $14, \
         $15, '{}', $13, $13) returning id",
    )
    .bind(
        have_your_say::domain::Reference::generate()
            .as_ref()
            .to_owned(),
    )
    .bind(fx.kind)
    .bind(fx.procedure)
    .bind(fx.stage)
    .bind(fx.status)
    .bind(fx.submitted_by)
    .bind(fx.category)
    .bind(fx.advocate)
    .bind(fx.age)
    .bind(fx.locale)
    .bind(i16::from(fx.urgent))
    .bind(fx.method)
    .bind(ms(fx.received))
    .bind(fx.outcome)
    .bind(fx.closed.map(ms))
    .fetch_one(pool)
    .await
    .unwrap();
    let submitted = ("submitted", None, fx.received);
    for (kind, label, at) in std::iter::once(&submitted).chain(&fx.events) {
        sqlx::query(
            "insert into case_events (case_id, kind, actor, detail, created_at) \
             values ($1, $2, 'staff:1', $3, $4)",
        )
        .bind(id)
        .bind(*kind)
        .bind(label.map(|l| format!("{{\"label\":\"{l}\"}}")))
        .bind(ms(*at))
        .execute(pool)
        .await
        .unwrap();
    }
    for aspect in fx.aspects {
        sqlx::query(
            "insert into case_mentions (case_id, category, stage, created_at) \
             values ($1, $2, 1, 0)",
        )
        .bind(id)
        .bind(*aspect)
        .execute(pool)
        .await
        .unwrap();
    }
    if let Some(team) = fx.team {
        sqlx::query("insert into case_teams (case_id, team, created_at) values ($1, $2, 0)")
            .bind(id)
            .bind(team)
            .execute(pool)
            .await
            .unwrap();
    }
}

/// Nine cases in 2025/26, four in 2024/25 and two outside both. The working days in the
/// comments count England and Wales bank holidays: Good Friday 18 April and Easter Monday 21
/// April 2025, 5 and 26 May 2025, 25 August 2025.
fn fixture() -> Vec<Fx> {
    vec![
        // C1: Stage 1 from Mon 14 Apr to Wed 30 Apr 2025 = 10 working days (Easter skipped).
        Fx {
            team: Some("north"),
            age: Some(14),
            advocate: "yes",
            received: datetime!(2025-04-14 10:00 +1),
            status: "closed",
            outcome: Some("upheld"),
            closed: Some(datetime!(2025-05-01 10:00 +1)),
            aspects: &["delay", "communication"],
            events: vec![
                with("outcome", "outcome-upheld", datetime!(2025-04-30 11:00 +1)),
                on("closed", datetime!(2025-05-01 10:00 +1)),
            ],
            ..Fx::default()
        },
        // C2: Stage 1 Thu 1 May to Fri 23 May = 15, extended; Stage 2 Mon 2 Jun to Mon 7 Jul = 25.
        Fx {
            submitted_by: "advocate",
            method: "email",
            team: Some("north"),
            age: Some(16),
            locale: "pl",
            advocate: "yes",
            received: datetime!(2025-05-01 09:00 +1),
            stage: 2,
            status: "closed",
            outcome: Some("not_upheld"),
            closed: Some(datetime!(2025-07-08 10:00 +1)),
            aspects: &["staff_conduct"],
            events: vec![
                on("extended", datetime!(2025-05-08 10:00 +1)),
                with(
                    "outcome",
                    "outcome-partly_upheld",
                    datetime!(2025-05-23 15:00 +1),
                ),
                with("stage_changed", "stage-2", datetime!(2025-06-02 10:00 +1)),
                with(
                    "outcome",
                    "outcome-not_upheld",
                    datetime!(2025-07-07 11:00 +1),
                ),
                on("closed", datetime!(2025-07-08 10:00 +1)),
            ],
            ..Fx::default()
        },
        // C3: a Saturday letter, so Stage 1 starts Mon 9 Jun; to Fri 4 Jul = 19 working days,
        // less 5 paused (Tue 10 to Tue 17 Jun) = 14, not extended: over. Stage 2 still open.
        Fx {
            submitted_by: "parent_family",
            method: "letter",
            category: "seeing_family",
            team: Some("south"),
            age: Some(9),
            received: datetime!(2025-06-07 11:00 +1),
            stage: 2,
            events: vec![
                on("paused", datetime!(2025-06-10 10:00 +1)),
                on("resumed", datetime!(2025-06-17 10:00 +1)),
                with(
                    "outcome",
                    "outcome-not_upheld",
                    datetime!(2025-07-04 11:00 +1),
                ),
                with("stage_changed", "stage-2", datetime!(2025-07-14 10:00 +1)),
                on("extended", datetime!(2025-07-15 10:00 +1)),
            ],
            ..Fx::default()
        },
        // C4: 16:30 is before the 17:00 cut-off. Stage 1 Tue 1 Jul to Tue 15 Jul = 10; Stage 2
        // Wed 16 Jul to Wed 24 Sep = 49 (25 Aug skipped), not extended; Stage 3 Mon 29 Sep to
        // Fri 31 Oct = 24.
        Fx {
            method: "telephone",
            category: "social_worker",
            team: Some("south"),
            age: Some(17),
            advocate: "not_sure",
            received: datetime!(2025-07-01 16:30 +1),
            stage: 3,
            status: "closed",
            outcome: Some("upheld"),
            closed: Some(datetime!(2025-11-03 10:00 UTC)),
            aspects: &["decision"],
            events: vec![
                with(
                    "outcome",
                    "outcome-not_upheld",
                    datetime!(2025-07-15 11:00 +1),
                ),
                with("stage_changed", "stage-2", datetime!(2025-07-16 10:00 +1)),
                with(
                    "outcome",
                    "outcome-partly_upheld",
                    datetime!(2025-09-24 11:00 +1),
                ),
                with("stage_changed", "stage-3", datetime!(2025-09-29 10:00 +1)),
                with("outcome", "outcome-upheld", datetime!(2025-10-31 11:00 UTC)),
                on("closed", datetime!(2025-11-03 10:00 UTC)),
            ],
            ..Fx::default()
        },
        // C5: corporate; no timeline, so the case row gives the outcome and the response date
        // (closed Mon 10 Nov: 5 working days).
        Fx {
            procedure: "corporate",
            submitted_by: "carer",
            method: "councillor",
            category: "money",
            received: datetime!(2025-11-03 09:00 UTC),
            status: "closed",
            outcome: Some("outside_jurisdiction"),
            closed: Some(datetime!(2025-11-10 12:00 UTC)),
            ..Fx::default()
        },
        // C6: urgent, still open.
        Fx {
            team: Some("north"),
            age: Some(12),
            locale: "ar",
            advocate: "yes",
            urgent: true,
            received: datetime!(2026-03-04 14:00 UTC),
            status: "new",
            ..Fx::default()
        },
        // C7: the first minutes of the year (still 31 March in UTC).
        Fx {
            kind: "compliment",
            submitted_by: "parent_family",
            method: "email",
            category: "social_worker",
            team: Some("north"),
            age: Some(10),
            received: datetime!(2025-04-01 00:30 +1),
            status: "closed",
            closed: Some(datetime!(2025-04-03 10:00 +1)),
            ..Fx::default()
        },
        // C8: the last minute of the year.
        Fx {
            kind: "compliment",
            submitted_by: "carer",
            method: "in_person",
            category: "where_i_live",
            team: Some("fostering"),
            age: Some(20),
            received: datetime!(2026-03-31 23:59 +1),
            ..Fx::default()
        },
        Fx {
            kind: "comment",
            submitted_by: "other",
            method: "ombudsman",
            category: "health",
            team: Some("south"),
            age: Some(25),
            received: datetime!(2025-12-10 10:00 UTC),
            ..Fx::default()
        },
        // P1: Mon 3 Mar to Fri 14 Mar 2025 = 9 working days.
        Fx {
            team: Some("north"),
            age: Some(15),
            advocate: "yes",
            received: datetime!(2025-03-03 10:00 UTC),
            status: "closed",
            outcome: Some("upheld"),
            closed: Some(datetime!(2025-03-14 12:00 UTC)),
            aspects: &["delay"],
            events: vec![
                with("outcome", "outcome-upheld", datetime!(2025-03-14 11:00 UTC)),
                on("closed", datetime!(2025-03-14 12:00 UTC)),
            ],
            ..Fx::default()
        },
        // P2: 23:30 on the last day of 2024/25, after the cut-off: Stage 1 starts Tue 1 Apr;
        // to Tue 29 Apr = 18 working days (Easter skipped): over.
        Fx {
            submitted_by: "parent_family",
            method: "letter",
            category: "money",
            team: Some("south"),
            received: datetime!(2025-03-31 23:30 +1),
            status: "closed",
            outcome: Some("not_upheld"),
            closed: Some(datetime!(2025-04-29 12:00 +1)),
            events: vec![with(
                "outcome",
                "outcome-not_upheld",
                datetime!(2025-04-29 11:00 +1),
            )],
            ..Fx::default()
        },
        Fx {
            kind: "compliment",
            category: "school",
            team: Some("north"),
            age: Some(13),
            received: datetime!(2024-06-10 12:00 +1),
            ..Fx::default()
        },
        Fx {
            kind: "comment",
            submitted_by: "advocate",
            method: "telephone",
            category: "health",
            team: Some("south"),
            age: Some(18),
            locale: "pl",
            advocate: "yes",
            received: datetime!(2024-04-01 08:00 +1),
            ..Fx::default()
        },
        // Outside both years: 31 March 2024 in London, and 1 April 2026 in London.
        Fx {
            received: datetime!(2024-03-31 22:00 +1),
            ..Fx::default()
        },
        Fx {
            received: datetime!(2026-04-01 00:10 +1),
            ..Fx::default()
        },
    ]
}

async fn fixture_app() -> TestApp {
    let app = spawn_app().await;
    for fx in fixture() {
        insert(&app, &fx).await;
    }
    app
}

fn year() -> FinancialYear {
    FinancialYear::new(2025).unwrap()
}

/// `(table, row, 2024/25 count, 2024/25 %, 2025/26 count, 2025/26 %)`: every figure that is
/// not zero, counted by hand from the fixture. Every other row of every table must be zero.
type Expected = (
    &'static str,
    &'static str,
    i64,
    Option<&'static str>,
    i64,
    Option<&'static str>,
);

#[rustfmt::skip]
const EXPECTED: &[Expected] = &[
    ("received-by-kind", "complaint", 2, Some("50.0"), 6, Some("66.7")),
    ("received-by-kind", "compliment", 1, Some("25.0"), 2, Some("22.2")),
    ("received-by-kind", "comment", 1, Some("25.0"), 1, Some("11.1")),
    ("received-by-kind", "total", 4, Some("100.0"), 9, Some("100.0")),
    ("received-by-procedure", "statutory", 2, Some("100.0"), 5, Some("83.3")),
    ("received-by-procedure", "corporate", 0, Some("0.0"), 1, Some("16.7")),
    ("received-by-procedure", "total", 2, Some("100.0"), 6, Some("100.0")),
    ("complaints-by-stage", "stage-1", 2, Some("100.0"), 6, Some("100.0")),
    ("complaints-by-stage", "stage-2", 0, Some("0.0"), 3, Some("50.0")),
    ("complaints-by-stage", "stage-3", 0, Some("0.0"), 1, Some("16.7")),
    ("escalations", "1-2", 0, Some("0.0"), 3, Some("50.0")),
    ("escalations", "2-3", 0, None, 1, Some("33.3")),
    ("submitted-by", "child", 2, Some("50.0"), 3, Some("33.3")),
    ("submitted-by", "advocate", 1, Some("25.0"), 1, Some("11.1")),
    ("submitted-by", "parent_family", 1, Some("25.0"), 2, Some("22.2")),
    ("submitted-by", "carer", 0, Some("0.0"), 2, Some("22.2")),
    ("submitted-by", "other", 0, Some("0.0"), 1, Some("11.1")),
    ("submitted-by", "total", 4, Some("100.0"), 9, Some("100.0")),
    ("advocacy", "yes", 2, Some("50.0"), 3, Some("33.3")),
    ("advocacy", "not_sure", 0, Some("0.0"), 1, Some("11.1")),
    ("advocacy", "no", 2, Some("50.0"), 5, Some("55.6")),
    ("advocacy", "total", 4, Some("100.0"), 9, Some("100.0")),
    ("method-of-receipt", "online", 2, Some("50.0"), 2, Some("22.2")),
    ("method-of-receipt", "email", 0, Some("0.0"), 2, Some("22.2")),
    ("method-of-receipt", "letter", 1, Some("25.0"), 1, Some("11.1")),
    ("method-of-receipt", "telephone", 1, Some("25.0"), 1, Some("11.1")),
    ("method-of-receipt", "in_person", 0, Some("0.0"), 1, Some("11.1")),
    ("method-of-receipt", "councillor", 0, Some("0.0"), 1, Some("11.1")),
    ("method-of-receipt", "ombudsman", 0, Some("0.0"), 1, Some("11.1")),
    ("method-of-receipt", "total", 4, Some("100.0"), 9, Some("100.0")),
    ("complaints-by-category", "where_i_live", 1, Some("50.0"), 3, Some("50.0")),
    ("complaints-by-category", "seeing_family", 0, Some("0.0"), 1, Some("16.7")),
    ("complaints-by-category", "social_worker", 0, Some("0.0"), 1, Some("16.7")),
    ("complaints-by-category", "money", 1, Some("50.0"), 1, Some("16.7")),
    ("complaint-aspects", "delay", 1, Some("50.0"), 1, Some("16.7")),
    ("complaint-aspects", "communication", 0, Some("0.0"), 1, Some("16.7")),
    ("complaint-aspects", "decision", 0, Some("0.0"), 1, Some("16.7")),
    ("complaint-aspects", "staff_conduct", 0, Some("0.0"), 1, Some("16.7")),
    ("complaints-by-team", "north", 1, Some("50.0"), 3, Some("50.0")),
    ("complaints-by-team", "south", 1, Some("50.0"), 2, Some("33.3")),
    ("complaints-by-team", "not-recorded", 0, Some("0.0"), 1, Some("16.7")),
    ("outcomes-stage-1", "upheld", 1, Some("50.0"), 1, Some("16.7")),
    ("outcomes-stage-1", "partly_upheld", 0, Some("0.0"), 1, Some("16.7")),
    ("outcomes-stage-1", "not_upheld", 1, Some("50.0"), 2, Some("33.3")),
    ("outcomes-stage-1", "outside_jurisdiction", 0, Some("0.0"), 1, Some("16.7")),
    ("outcomes-stage-1", "outstanding", 0, Some("0.0"), 1, Some("16.7")),
    ("outcomes-stage-1", "total", 2, Some("100.0"), 6, Some("100.0")),
    ("outcomes-stage-2", "partly_upheld", 0, None, 1, Some("33.3")),
    ("outcomes-stage-2", "not_upheld", 0, None, 1, Some("33.3")),
    ("outcomes-stage-2", "outstanding", 0, None, 1, Some("33.3")),
    ("outcomes-stage-2", "total", 0, None, 3, Some("100.0")),
    ("outcomes-stage-3", "upheld", 0, None, 1, Some("100.0")),
    ("outcomes-stage-3", "total", 0, None, 1, Some("100.0")),
    // Percentages are of those answered and those still open past their limit at the end of
    // the year (C3 at Stage 2 and C6 at Stage 1 are past theirs on 31 March 2026); so is the
    // average, the open ones with their working days so far.
    ("timescales-stage-1", "responded", 2, None, 5, None),
    ("timescales-stage-1", "within-standard", 1, Some("50.0"), 3, Some("50.0")),
    ("timescales-stage-1", "within-extended", 0, Some("0.0"), 1, Some("16.7")),
    ("timescales-stage-1", "over", 1, Some("50.0"), 1, Some("16.7")),
    ("timescales-stage-1", "open-over", 0, Some("0.0"), 1, Some("16.7")),
    ("timescales-stage-1", "average-days", 2, None, 6, None),
    ("timescales-stage-1", "extensions", 0, None, 1, None),
    ("timescales-stage-1", "pauses", 0, None, 1, None),
    ("timescales-stage-2", "responded", 0, None, 2, None),
    ("timescales-stage-2", "within-standard", 0, None, 1, Some("33.3")),
    ("timescales-stage-2", "over", 0, None, 1, Some("33.3")),
    ("timescales-stage-2", "open-over", 0, None, 1, Some("33.3")),
    ("timescales-stage-2", "average-days", 0, None, 3, None),
    ("timescales-stage-2", "extensions", 0, None, 1, None),
    ("timescales-stage-3", "responded", 0, None, 1, None),
    ("timescales-stage-3", "within-standard", 0, None, 1, Some("100.0")),
    ("timescales-stage-3", "average-days", 0, None, 1, None),
    ("compliments-by-category", "social_worker", 0, Some("0.0"), 1, Some("50.0")),
    ("compliments-by-category", "where_i_live", 0, Some("0.0"), 1, Some("50.0")),
    ("compliments-by-category", "school", 1, Some("100.0"), 0, Some("0.0")),
    ("compliments-by-team", "north", 1, Some("100.0"), 1, Some("50.0")),
    ("compliments-by-team", "fostering", 0, Some("0.0"), 1, Some("50.0")),
    ("urgent", "urgent", 0, Some("0.0"), 1, Some("11.1")),
    ("age-bands", "under-11", 0, Some("0.0"), 2, Some("22.2")),
    ("age-bands", "11-15", 2, Some("50.0"), 2, Some("22.2")),
    ("age-bands", "16-17", 0, Some("0.0"), 2, Some("22.2")),
    ("age-bands", "18-25", 1, Some("25.0"), 2, Some("22.2")),
    ("age-bands", "not-given", 1, Some("25.0"), 1, Some("11.1")),
    ("languages", "en-GB", 3, Some("75.0"), 7, Some("77.8")),
    ("languages", "ar", 0, Some("0.0"), 1, Some("11.1")),
    ("languages", "pl", 1, Some("25.0"), 1, Some("11.1")),
];

/// The tables [`EXPECTED`] covers whole.
const COUNTED_BY_HAND: &[&str] = &[
    "received-by-kind",
    "received-by-procedure",
    "complaints-by-stage",
    "escalations",
    "submitted-by",
    "advocacy",
    "method-of-receipt",
    "complaints-by-category",
    "complaint-aspects",
    "complaints-by-team",
    "outcomes-stage-1",
    "outcomes-stage-2",
    "outcomes-stage-3",
    "timescales-stage-1",
    "timescales-stage-2",
    "timescales-stage-3",
    "compliments-by-category",
    "compliments-by-team",
    "urgent",
    "age-bands",
    "languages",
];

/// Average working days to respond, `(stage, 2024/25, 2025/26)`. In 2025/26 Stage 1 is the
/// five responses (54 working days) and C6, open 19 working days by 31 March 2026 (Wed 4
/// March is its first day): 73 / 6; Stage 2 the two responses (74) and C3, open 182 working
/// days from Mon 14 July 2025 to 31 March 2026: 256 / 3.
const AVERAGES: &[(u8, Option<&str>, Option<&str>)] = &[
    (1, Some("13.5"), Some("12.2")),
    (2, None, Some("85.3")),
    (3, None, Some("24.0")),
];

fn pct(p: Option<f64>) -> Option<String> {
    p.map(|p| format!("{p:.1}"))
}

async fn build(app: &TestApp) -> Report {
    report::build(
        &app.store,
        &app.state.calendar,
        &app.config.procedures.lists,
        year(),
    )
    .await
    .unwrap()
}

// ---- Every table ---------------------------------------------------------------------------

#[tokio::test]
async fn every_table_matches_the_figures_counted_by_hand() {
    let app = fixture_app().await;
    let report = build(&app).await;

    let ids: Vec<&str> = report.tables.iter().map(|t| t.id).collect();
    for id in &ids {
        assert!(
            report::contents::TABLE_IDS.contains(id)
                || report::equality::TABLE_IDS.contains(id)
                || *id == report::feeling::TABLE_ID,
            "{id}"
        );
    }
    let expected: BTreeMap<(&str, &str), &Expected> =
        EXPECTED.iter().map(|e| ((e.0, e.1), e)).collect();
    for (table, row, ..) in EXPECTED {
        assert!(
            report.table(table).and_then(|t| t.row(row)).is_some(),
            "{table}/{row} is missing"
        );
    }
    // The equality tables are checked by the test of their own at the end of this file; the
    // tables added for councils' publishing by tests/it/report_councils.rs.
    for table in report
        .tables
        .iter()
        .filter(|t| COUNTED_BY_HAND.contains(&t.id))
    {
        for row in &table.rows {
            let at = format!("{}/{}", table.id, row.id);
            match expected.get(&(table.id, row.id.as_str())) {
                Some((_, _, prev, prev_pct, cur, cur_pct)) => {
                    assert_eq!(row.previous.count, *prev, "{at} 2024/25");
                    assert_eq!(row.current.count, *cur, "{at} 2025/26");
                    if row.kind != RowKind::Average {
                        assert_eq!(
                            pct(row.previous.percent).as_deref(),
                            *prev_pct,
                            "{at} 2024/25 %"
                        );
                        assert_eq!(
                            pct(row.current.percent).as_deref(),
                            *cur_pct,
                            "{at} 2025/26 %"
                        );
                    }
                }
                None => {
                    assert_eq!(row.previous.count, 0, "{at} 2024/25 should be 0");
                    assert_eq!(row.current.count, 0, "{at} 2025/26 should be 0");
                }
            }
        }
    }
    for (stage, prev, cur) in AVERAGES {
        let row = report
            .table(&format!("timescales-stage-{stage}"))
            .and_then(|t| t.row("average-days"))
            .unwrap();
        assert_eq!(pct(row.previous.average).as_deref(), *prev, "stage {stage}");
        assert_eq!(pct(row.current.average).as_deref(), *cur, "stage {stage}");
    }
    // Teams and languages: largest this year first, "not recorded" last.
    let order = |id: &str| -> Vec<String> {
        report
            .table(id)
            .unwrap()
            .rows
            .iter()
            .map(|r| r.id.clone())
            .collect()
    };
    assert_eq!(
        order("complaints-by-team"),
        ["north", "south", "not-recorded"]
    );
    assert_eq!(
        order("languages"),
        ["en-GB", "pl", "ar"],
        "ties: last year decides"
    );
}

#[tokio::test]
async fn working_day_averages_use_the_calendar_of_the_staff_area() {
    // A local closure day inside C1's Stage 1 (14 to 30 April 2025) takes a day off its time.
    let app = spawn_app_with(|c| c.closure_days = vec![date!(2025 - 04 - 29)]).await;
    let c1 = fixture().into_iter().next().unwrap();
    insert(&app, &c1).await;

    let report = build(&app).await;
    let row = report
        .table("timescales-stage-1")
        .and_then(|t| t.row("average-days"))
        .unwrap();
    assert_eq!(row.current.average, Some(9.0));
    let shipped = report::build(
        &app.store,
        &have_your_say::timescale::Calendar::england_and_wales(),
        &app.config.procedures.lists,
        year(),
    )
    .await
    .unwrap();
    let row = shipped
        .table("timescales-stage-1")
        .and_then(|t| t.row("average-days"))
        .unwrap();
    assert_eq!(row.current.average, Some(10.0));
}

// ---- Who may see it, and what they get -------------------------------------------------------

async fn signed_in(app: &TestApp, email: &str, role: &str) -> reqwest::Client {
    let password = app.add_staff(email, role).await;
    let (browser, _) = app.sign_in(email, &password, None).await;
    browser
}

async fn get(browser: &reqwest::Client, app: &TestApp, path: &str) -> Page {
    Page::from(browser.get(app.url(path)).send().await.unwrap()).await
}

#[tokio::test]
async fn only_managers_may_see_the_report_and_its_csv() {
    let app = fixture_app().await;
    for (email, role, status) in [
        ("officer@council.gov.uk", "officer", 404),
        ("advocate@advocacy.org.uk", "advocate", 404),
        // Admins open no page but the accounts pages: 403 (tests/it/accounts.rs).
        ("admin@council.gov.uk", "admin", 403),
        ("manager@council.gov.uk", "manager", 200),
    ] {
        let browser = signed_in(&app, email, role).await;
        for path in [
            "/staff/report?year=2025",
            "/staff/report.csv?year=2025",
            "/staff/report.csv?year=2025&public=1",
        ] {
            let page = get(&browser, &app, path).await;
            assert_eq!(page.status, status, "{role} opening {path}");
            if status != 200 {
                assert!(!page.body.contains("Representations received"), "{role}");
            }
        }
    }
    let stranger = get(&helpers::browser(), &app, "/staff/report").await;
    assert!(
        stranger.url.contains("/staff/login?next="),
        "{}",
        stranger.url
    );

    // The manager's view and two exports are in the audit trail, and nobody else's tries are.
    let manager: i64 =
        sqlx::query_scalar("select id from staff where email = 'manager@council.gov.uk'")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    let mut audit = app.store.audit_events(10).await.unwrap();
    audit.reverse();
    let seen: Vec<(Option<i64>, &str, bool)> = audit
        .iter()
        .map(|e| {
            (
                e.staff_id,
                e.action.as_str(),
                e.detail.as_ref().is_some_and(|d| d["public"] == true),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (Some(manager), "report_viewed", false),
            (Some(manager), "report_exported", false),
            (Some(manager), "report_exported", true),
        ]
    );
}

#[tokio::test]
async fn the_page_shows_exact_figures_with_charts_and_a_year_picker() {
    let app = fixture_app().await;
    let browser = signed_in(&app, "manager@council.gov.uk", "manager").await;

    let page = get(&browser, &app, "/staff/report?year=2025").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.heading(), "Annual report 2025/26");
    assert!(page.body.contains("1 April 2025 to 31 March 2026"));
    assert!(page.body.contains("<svg"), "charts are drawn on the server");
    assert!(!page.body.contains("<script"), "no script");
    assert!(!page.body.contains("style=\""), "no inline styles (CSP)");
    assert!(
        page.body
            .contains("<option value=\"2024\">2024/25</option>"),
        "{}",
        page.body.split("<select").nth(1).unwrap_or_default()
    );
    // Exact: three complaints from the North team, the Stage 1 average.
    assert!(page.body.contains("<td>12.17</td>"), "{}", page.body);
    assert!(!page.body.contains("<td>not shown</td>"), "exact figures");
    assert!(
        page.body
            .contains("Statutory</th><td>2</td><td>100.0%</td><td>5</td><td>83.3%</td>"),
        "{}",
        page.body
    );

    let last_year = get(&browser, &app, "/staff/report?year=2024").await;
    assert_eq!(last_year.heading(), "Annual report 2024/25");
    let nonsense = get(&browser, &app, "/staff/report?year=banana").await;
    assert_eq!(nonsense.status, 200, "an unknown year shows this year");
    assert_eq!(
        nonsense.heading(),
        format!("Annual report {}", report::this_year().label())
    );
}

#[tokio::test]
async fn a_team_name_is_escaped_in_the_page_and_chart_and_never_a_csv_formula() {
    let app = spawn_app().await;
    insert(
        &app,
        &Fx {
            team: Some("formula"),
            received: datetime!(2025-06-02 10:00 +1),
            ..Fx::default()
        },
    )
    .await;
    let browser = signed_in(&app, "manager@council.gov.uk", "manager").await;
    let page = get(&browser, &app, "/staff/report?year=2025").await;
    assert!(!page.body.contains("<script>x"), "escaped");
    let csv = get(&browser, &app, "/staff/report.csv?year=2025").await;
    assert!(
        csv.body
            .contains("Complaints by team,'=cmd|'<script>x</script>,0,,1,100.0"),
        "{}",
        csv.body
    );
}

// ---- Small numbers ---------------------------------------------------------------------------

#[tokio::test]
async fn the_public_csv_shows_one_to_four_as_fewer_than_five_and_managers_see_exact_figures() {
    let app = fixture_app().await;
    let browser = signed_in(&app, "manager@council.gov.uk", "manager").await;

    let exact = get(&browser, &app, "/staff/report.csv?year=2025").await;
    assert_eq!(exact.status, 200);
    assert!(
        exact.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert_eq!(
        exact.headers["content-disposition"],
        "attachment; filename=\"have-your-say-2025-26.csv\""
    );
    let public = get(&browser, &app, "/staff/report.csv?year=2025&public=1").await;
    assert_eq!(
        public.headers["content-disposition"],
        "attachment; filename=\"have-your-say-2025-26-public.csv\""
    );

    let header = "Table,Row,2024/25 number,2024/25 %,2025/26 number,2025/26 %";
    for (csv, lines) in [
        (
            &exact.body,
            [
                header,
                "Representations received,Complaint,2,50.0,6,66.7",
                "Representations received,Compliment,1,25.0,2,22.2",
                "Complaints by procedure,Corporate,0,0.0,1,16.7",
                "Timescales at Stage 1: all complaints,Average working days to respond,13.50,,12.17,",
                "Language used,en-GB,3,75.0,7,77.8",
            ],
        ),
        (
            &public.body,
            [
                header,
                // Six complaints, five statutory, one corporate: the one is hidden, and so is
                // the five (six less five would give the one away).
                "Representations received,Complaint,not shown,not shown,6,not shown",
                "Representations received,Compliment,not shown,not shown,not shown,not shown",
                "Complaints by procedure,Corporate,0,not shown,not shown,not shown",
                "Timescales at Stage 1: all complaints,Average working days to respond,not shown,,12.17,",
                "Language used,en-GB,not shown,not shown,7,not shown",
            ],
        ),
    ] {
        for line in lines {
            assert!(
                csv.lines().any(|l| l == line),
                "{line:?} missing from:\n{csv}"
            );
        }
    }
    assert_no_small_numbers(&public.body);
    assert_eq!(
        exact.body.lines().count(),
        public.body.lines().count(),
        "the same tables"
    );
}

/// No number column of a public CSV holds 1 to 4.
fn assert_no_small_numbers(csv: &str) {
    for line in csv.lines().skip(1) {
        let columns = csv.lines().next().unwrap_or_default().split(',').count();
        let cells: Vec<&str> = line.rsplitn(columns - 1, ',').collect();
        for cell in cells.iter().take(columns - 2).skip(1).step_by(2) {
            if let Ok(n) = cell.parse::<f64>() {
                assert!(n == 0.0 || n >= 5.0 || cell.contains('.'), "{line}");
            }
        }
    }
}

// ---- The command line ------------------------------------------------------------------------

fn cli(db: &str, args: &[&str]) -> std::process::Output {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::process::Command::new(env!("CARGO_BIN_EXE_have-your-say"))
        .args(args)
        .env_clear()
        .env("HYS_DATABASE_URL", db)
        .env("HYS_LOCALES_DIR", root.join("locales"))
        .env("HYS_FLOWS_DIR", root.join("flows"))
        .output()
        .unwrap()
}

#[test]
fn the_report_command_works_on_a_database_filled_with_demo_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("demo.db").display());
    let this_year = report::this_year().start_year().to_string();

    let out = cli(&db, &["demo-data", "--cases", "600", "--years", "2"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("600 demonstration cases"));

    let csv = cli(&db, &["report", "--year", &this_year, "--format", "csv"]);
    assert!(
        csv.status.success(),
        "{}",
        String::from_utf8_lossy(&csv.stderr)
    );
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with("Table,Row,"), "{csv}");
    assert!(csv.contains("\nRepresentations received,Total,"));
    assert_no_small_numbers(&csv);

    let json = cli(&db, &["report", "--year", &this_year, "--format", "json"]);
    assert!(json.status.success());
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["small_numbers_hidden"], true);
    let tables = json["tables"].as_array().unwrap();
    for table in tables {
        let id = table["id"].as_str().unwrap();
        assert!(
            report::contents::TABLE_IDS.contains(&id)
                || report::equality::TABLE_IDS.contains(&id)
                || id == report::feeling::TABLE_ID,
            "{id}"
        );
    }
    let total = tables[0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["id"] == "total")
        .unwrap();
    let both = total["previous"]["count"].as_i64().unwrap_or(0)
        + total["current"]["count"].as_i64().unwrap_or(0);
    assert!(
        both > 300,
        "most of the 600 cases fall in the two years: {both}"
    );

    let html = cli(&db, &["report", "--year", &this_year, "--format", "html"]);
    assert!(html.status.success());
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg") && html.contains("<table"));
    assert!(
        html.contains("<style>"),
        "a standalone page carries its stylesheet"
    );
    assert!(!html.contains("/staff/report.csv"), "no staff-area links");

    for bad in [
        vec!["report", "--year", "2025", "--format", "pdf"],
        vec!["report", "--year", "1066", "--format", "csv"],
        vec!["demo-data", "--cases", "0"],
    ] {
        let out = cli(&db, &bad);
        assert!(!out.status.success(), "{bad:?}");
    }
}

// ---- Recording a case that arrived another way -----------------------------------------------

fn letter(csrf: &str, received: &str) -> Vec<(&'static str, String)> {
    vec![
        ("csrf", csrf.to_owned()),
        ("method", "letter".into()),
        ("received", received.to_owned()),
        ("kind", "complaint".into()),
        ("procedure", "statutory".into()),
        ("submitted_by", "parent_family".into()),
        ("category", "money".into()),
        ("aspect", "delay".into()),
        ("aspect", "communication".into()),
        (
            "summary",
            "Demo: the allowance has been late <b>twice</b>".into(),
        ),
        ("first_name", "Demo-Alex".into()),
        ("age", "13".into()),
        ("advocate", "yes".into()),
        ("contact", "worker".into()),
        ("contact_value", String::new()),
        ("team", "Leaving care".into()),
    ]
}

async fn post(
    browser: &reqwest::Client,
    app: &TestApp,
    path: &str,
    form: &[(&str, String)],
) -> Page {
    Page::from(browser.post(app.url(path)).form(form).send().await.unwrap()).await
}

#[tokio::test]
async fn a_case_recorded_from_the_form_is_stored_with_its_due_dates_and_appears_in_the_report() {
    let app = spawn_app().await;
    let officer = signed_in(&app, "officer@council.gov.uk", "officer").await;
    let form = get(&officer, &app, "/staff/cases/new").await;
    assert_eq!(form.status, 200);
    let today = have_your_say::store::cases::format_date(
        have_your_say::timescale::today_in_england(OffsetDateTime::now_utc()),
    );

    let page = post(
        &officer,
        &app,
        "/staff/cases/new",
        &letter(&form.csrf(), &today),
    )
    .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.url.contains("/staff/cases/HYS-"), "{}", page.url);
    assert!(
        page.body.contains("Recorded by staff: Letter"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("the allowance has been late &#60;b&#62;twice")
            || page.body.contains("&lt;b&gt;twice")
    );

    let reference = page.url.rsplit('/').next().unwrap().to_owned();
    let case = app
        .store
        .case_by_reference(&have_your_say::domain::Reference::parse(&reference).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(case.method_of_receipt.as_str(), "letter");
    assert_eq!(case.secret_hash, "", "no secret words: nobody can track it");
    assert_eq!(case.status.as_str(), "new");
    assert_eq!(case.flow_id, None);
    let started = calendar().start_date(case.received_at);
    assert_eq!(case.stage_started_on, Some(started));
    assert_eq!(
        case.due_on,
        Some(calendar().due(Deadline::StageOne, started))
    );
    assert_eq!(
        case.acknowledge_by,
        Some(calendar().due(Deadline::Acknowledge, started))
    );
    let (officer_id,): (i64,) = sqlx::query_as("select id from staff")
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(
        app.count_where(
            "case_events",
            &format!(
                "kind = 'submitted' and actor = 'staff:{officer_id}' and case_id = {}",
                case.id
            ),
        )
        .await,
        1
    );
    assert_eq!(
        app.count_where("case_mentions", &format!("case_id = {}", case.id))
            .await,
        2
    );
    // Staff already have it, so no new-case email; the child asked for an advocate, so the
    // advocacy provider is sent a referral.
    assert_eq!(
        app.count_where("outbox", "kind = 'new_case'").await,
        0,
        "staff already have it"
    );
    assert_eq!(
        app.count_where("outbox", "kind = 'advocacy_referral'")
            .await,
        app.count("outbox").await
    );

    let report = report::build(
        &app.store,
        &app.state.calendar,
        &app.config.procedures.lists,
        report::this_year(),
    )
    .await
    .unwrap();
    let cell = |table: &str, row: &str| report.table(table).unwrap().row(row).unwrap().current;
    assert_eq!(cell("method-of-receipt", "letter").count, 1);
    assert_eq!(cell("complaint-aspects", "communication").count, 1);
    assert_eq!(cell("complaints-by-team", "leaving_care").count, 1);
    assert_eq!(cell("timescales-stage-1", "awaiting").count, 1);

    let manager = signed_in(&app, "manager@council.gov.uk", "manager").await;
    let csv = get(&manager, &app, "/staff/report.csv").await;
    assert!(
        csv.body
            .contains("How they were received,Letter,0,,1,100.0"),
        "{}",
        csv.body
    );
}

#[tokio::test]
async fn a_recorded_case_with_a_problem_comes_back_filled_in_and_nothing_is_stored() {
    let app = spawn_app().await;
    let officer = signed_in(&app, "officer@council.gov.uk", "officer").await;
    let csrf = get(&officer, &app, "/staff/cases/new").await.csrf();
    let tomorrow = have_your_say::store::cases::format_date(
        have_your_say::timescale::today_in_england(OffsetDateTime::now_utc())
            .next_day()
            .unwrap(),
    );
    let long = "t".repeat(101);

    for (field, value, message) in [
        ("method", "online", "Choose how it arrived."),
        ("method", "", "Choose how it arrived."),
        ("kind", "moan", "Choose complaint, compliment or comment."),
        ("submitted_by", "", "Choose who made it."),
        ("category", "weather", "Choose what it is about."),
        ("summary", "   ", "Write a short summary."),
        ("received", "7/6/2025", "Enter the date it was received"),
        ("received", tomorrow.as_str(), "cannot be in the future"),
        ("age", "twelve", "Enter the age as a whole number"),
        (
            "contact",
            "phone",
            "Enter the phone number or email address.",
        ),
        ("team", long.as_str(), "That is too long."),
    ] {
        let mut form = letter(&csrf, "2025-06-07");
        for entry in form.iter_mut().filter(|(name, _)| *name == field) {
            entry.1 = value.to_owned();
        }
        let page = post(&officer, &app, "/staff/cases/new", &form).await;
        assert_eq!(page.status, 400, "{field}={value:?}");
        assert!(
            page.body.contains(message),
            "{field}={value:?}: {}",
            page.body
        );
        assert!(page.body.contains("There is a problem"));
        assert!(page.body.contains("Demo-Alex"), "what was typed comes back");
    }
    assert_eq!(app.count("cases").await, 0);
}

#[tokio::test]
async fn only_officers_and_managers_may_record_and_only_with_the_csrf_token() {
    let app = spawn_app().await;
    let officer = signed_in(&app, "officer@council.gov.uk", "officer").await;
    let csrf = get(&officer, &app, "/staff/cases/new").await.csrf();
    let forged = post(
        &officer,
        &app,
        "/staff/cases/new",
        &letter("forged-token-0123456789abcdef01", "2025-06-07"),
    )
    .await;
    assert_eq!(forged.status, 403);
    let mut bare = letter(&csrf, "2025-06-07");
    bare.remove(0);
    assert_eq!(
        post(&officer, &app, "/staff/cases/new", &bare).await.status,
        403
    );

    for (email, role, status) in [
        ("advocate@advocacy.org.uk", "advocate", 404),
        // Admins open no page but the accounts pages (tests/it/accounts.rs).
        ("admin@council.gov.uk", "admin", 403),
    ] {
        let browser = signed_in(&app, email, role).await;
        assert_eq!(get(&browser, &app, "/staff/cases/new").await.status, status);
        // Their own session's token, so only the role stops them.
        let (token,): (String,) = sqlx::query_as(
            "select s.csrf_token from staff_sessions s join staff m on m.id = s.staff_id \
             where m.email = $1",
        )
        .bind(email)
        .fetch_one(app.store.pool())
        .await
        .unwrap();
        let refused = post(
            &browser,
            &app,
            "/staff/cases/new",
            &letter(&token, "2025-06-07"),
        )
        .await;
        assert_eq!(refused.status, status, "{role}");
    }
    let manager = signed_in(&app, "manager@council.gov.uk", "manager").await;
    let csrf = get(&manager, &app, "/staff/cases/new").await.csrf();
    let page = post(
        &manager,
        &app,
        "/staff/cases/new",
        &letter(&csrf, "2025-06-07"),
    )
    .await;
    assert!(page.url.contains("/staff/cases/HYS-"), "{}", page.body);
    assert_eq!(app.count("cases").await, 1);
}

#[tokio::test]
async fn public_output_hides_small_numbers_in_every_format() {
    let app = fixture_app().await;
    let report = build(&app).await;
    let locale = app.state.words.fallback();
    let t = have_your_say::i18n::Words::new(&app.state.words, &locale);
    let json = report::output::json(&t, &report, Audience::Public);
    let exact = report::output::json(&t, &report, Audience::Exact);
    let kinds = &json["tables"][0]["rows"];
    assert_eq!(kinds[1]["current"]["count"], serde_json::Value::Null);
    assert_eq!(kinds[1]["current"]["suppressed"], true);
    assert_eq!(kinds[1]["current"]["percent"], serde_json::Value::Null);
    assert_eq!(exact["tables"][0]["rows"][1]["current"]["count"], 2);
    // Every count of 1 to 4 is hidden, and every cell not hidden shows its exact number.
    let tables = json["tables"].as_array().unwrap();
    for (ti, table) in tables.iter().enumerate() {
        for (ri, row) in table["rows"].as_array().unwrap().iter().enumerate() {
            for key in ["previous", "current"] {
                let published = &row[key];
                let exact = &exact["tables"][ti]["rows"][ri][key];
                let Some(n) = exact["count"].as_i64() else {
                    continue;
                };
                if (1..=4).contains(&n) {
                    assert_eq!(
                        published["suppressed"], true,
                        "{} {}",
                        table["id"], row["id"]
                    );
                }
                if published["suppressed"] == false {
                    assert_eq!(
                        published["count"], exact["count"],
                        "{} {}",
                        table["id"], row["id"]
                    );
                }
            }
        }
    }

    use askama::Template;
    let html = report::page(t, &report, Audience::Public).render().unwrap();
    assert!(html.contains("<td>not shown</td><td>not shown</td>"));
    assert!(!html.contains("<td>2</td>"), "no 2 anywhere in a table");
}

// ---- Equality monitoring -----------------------------------------------------------------------

/// A child's complaint that answers the "About you" questions (and asks for an advocate, so
/// the advocacy referral is among the emails checked).
const ANSWERS_ABOUT_YOU: &[&str] = &[
    "complaint",
    "young_person",
    "money",
    "My allowance was late",
    "",
    "yes",
    "none",
    "",
    "14",
    "yes",
    "another_way",
    "yes",
    "black",
];

use helpers::ADULT_COMMENT;

/// One stored equality answer: a value, or none when the questions were skipped.
type Answer = Option<String>;

#[tokio::test]
async fn equality_answers_are_kept_apart_and_leave_only_as_counts_in_the_councils_bands() {
    let smtp = helpers::smtp::SmtpSink::start();
    let port = smtp.port;
    let app = spawn_app_with(move |c| {
        c.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}").into());
        c.mail.from = "Have Your Say <hys@testshire.gov.uk>".into();
        c.routing.rights_officer = vec!["cro@testshire.gov.uk".into()];
        c.routing.advocacy_provider = vec!["referrals@advocacy.org.uk".into()];
        c.routing.urgent = vec!["mash@testshire.gov.uk".into()];
        c.routing.advocacy_gets_words = true;
        c.equality = have_your_say::equality::EqualityConfig::from_toml_str(
            "[equality]\nage_bands = [\"0-12\", { from = 13, to = 15, label = \"13 to 15\" }, \"16+\"]\n",
        )
        .unwrap();
    })
    .await;

    // One child answers, one skips with one tap, an adult is not asked, nor is "I'm not safe".
    let answered = app.send(ANSWERS_ABOUT_YOU).await.reference();
    let walked = app
        .walk(&[
            "compliment",
            "young_person",
            "school",
            "Great trip",
            "none",
            "",
            "12",
        ])
        .await;
    assert_eq!(walked.step_id(), "about-you");
    assert!(walked.body.contains("Skip these questions"));
    let check = app.answer_step("about-you", &["skip"]).await;
    assert_eq!(check.step_id(), "check", "one tap skips them all");
    finish(&app).await;
    let other = send_adult(&app).await;
    assert!(!other.contains("about-you"), "adults are not asked");
    app.send_urgent("he hits me", "at school after 3").await;

    // Stored as values in their own table, one row per asked case; never in the case's answers.
    let rows: Vec<(String, Answer, Answer, Answer)> = sqlx::query_as(
        "select c.reference, e.gender, e.disability, e.ethnicity from case_equality e \
         join cases c on c.id = e.case_id order by e.case_id",
    )
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        rows[0],
        (
            answered.clone(),
            Some("another_way".into()),
            Some("yes".into()),
            Some("black".into())
        )
    );
    assert_eq!((&rows[1].1, &rows[1].2, &rows[1].3), (&None, &None, &None));
    let answers: Vec<(String,)> = sqlx::query_as("select answers from cases")
        .fetch_all(app.store.pool())
        .await
        .unwrap();
    assert_eq!(answers.len(), 4);
    for (json,) in &answers {
        for word in ["equality", "another_way", "black"] {
            assert!(!json.contains(word), "{word} in the case's answers: {json}");
        }
    }

    // Not on the case page.
    let officer = signed_in(&app, "cro@testshire.gov.uk", "officer").await;
    let page = get(&officer, &app, &format!("/staff/cases/{answered}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("My allowance was late"), "the case page");
    for word in [
        "Black",
        "another way",
        "another_way",
        "long-term health",
        "describes you",
        "About you",
        "equality",
    ] {
        assert!(!page.body.contains(word), "{word} on the case page");
    }

    // Not in any email (the officer's, the advocacy referral quoting the child's words, the
    // duty team's).
    let queued = app.count("outbox").await;
    assert!(queued >= 4, "{queued}");
    app.dispatch_emails().await;
    let mail = smtp.received();
    assert_eq!(mail.len(), usize::try_from(queued).unwrap());
    assert!(mail.iter().any(|m| m.rcpt_to.contains("referrals@")));
    for m in &mail {
        for word in [
            "Black",
            "another way",
            "another_way",
            "long-term health",
            "disability",
        ] {
            assert!(
                !m.raw.contains(word) && !m.text.contains(word) && !m.html.contains(word),
                "{word} in an email to {}",
                m.rcpt_to
            );
        }
    }

    // Only counts, in the council's own age bands, with the rows that say who was not asked.
    let this = report::this_year();
    let manager = signed_in(&app, "manager@testshire.gov.uk", "manager").await;
    let exact = get(
        &manager,
        &app,
        &format!("/staff/report.csv?year={}", this.start_year()),
    )
    .await;
    assert_eq!(exact.status, 200);
    for line in [
        "Equality monitoring: age,0-12,0,,2,50.0",
        "Equality monitoring: age,13 to 15,0,,1,25.0",
        "Equality monitoring: age,16+,0,,0,0.0",
        "Equality monitoring: age,Not given or not asked,0,,1,25.0",
        "Equality monitoring: age,Total,0,,4,100.0",
        "Equality monitoring: gender,Describes themselves another way,0,,1,25.0",
        "Equality monitoring: gender,Girl or young woman,0,,0,0.0",
        "Equality monitoring: gender,Skipped the questions,0,,1,25.0",
        "Equality monitoring: disability,Disability or long-term health condition,0,,1,25.0",
        "Equality monitoring: ethnic group,\"Black, Black British, Caribbean or African\",0,,1,25.0",
        "Equality monitoring: ethnic group,Preferred not to say,0,,0,0.0",
        "Equality monitoring: ethnic group,Skipped the questions,0,,1,25.0",
    ] {
        assert!(
            exact.body.lines().any(|l| l == line),
            "{line:?} missing from:\n{}",
            exact.body
        );
    }
    let not_asked = exact
        .body
        .lines()
        .find(|l| l.starts_with("Equality monitoring: ethnic group,\"Not asked"))
        .unwrap_or_default()
        .to_owned();
    assert!(not_asked.ends_with(",0,,2,50.0"), "{not_asked}");
    let public = get(
        &manager,
        &app,
        &format!("/staff/report.csv?year={}&public=1", this.start_year()),
    )
    .await;
    assert!(
        public.body.lines().any(|l| l
            == "Equality monitoring: ethnic group,\"Black, Black British, Caribbean or African\",0,,not shown,not shown"),
        "{}",
        public.body
    );
    assert_no_small_numbers(&public.body);
    let html = get(
        &manager,
        &app,
        &format!("/staff/report?year={}", this.start_year()),
    )
    .await;
    assert!(html.body.contains("Equality monitoring: ethnic group"));

    // The retention purge deletes a case's answers with its words.
    sqlx::query("update cases set status = 'closed', closed_at = 1 where reference = $1")
        .bind(&answered)
        .execute(app.store.pool())
        .await
        .unwrap();
    app.store.purge(2).await.unwrap();
    assert_eq!(
        app.count("case_equality").await,
        1,
        "only the skipped case's row is left"
    );
}

/// From the check page: on to "Ready to send?", and send.
async fn finish(app: &TestApp) {
    let page = app.answer_step("check", &[]).await;
    assert_eq!(page.step_id(), "send");
    let done = Page::from(app.post("/chat/submit", &[("step", "send")]).await).await;
    assert!(done.url.ends_with("/chat/done"), "{}", done.body);
}

/// An adult's comment on a child's behalf, sent; the steps it passed through.
async fn send_adult(app: &TestApp) -> String {
    let mut page = app.start().await;
    let mut steps = String::new();
    for value in ADULT_COMMENT {
        steps.push_str(&page.step_id());
        steps.push(' ');
        page = app.answer(value).await;
    }
    assert_eq!(page.step_id(), "check", "{steps}");
    finish(app).await;
    steps
}
