//! Importing historic cases and exporting a year: the round trip (export a year, import it into
//! an empty store, the report is the same), re-importing changes nothing, a dry run writes
//! nothing, a bad file is refused whole with every problem named by line and column, and an
//! imported case sends no email, cannot be tracked and shows its history on the staff page.

use crate::helpers;

use std::path::Path;
use std::process::Output;

use have_your_say::casework::{self, Lifecycle, Rules};
use have_your_say::domain::Reference;
use have_your_say::report::{self, FinancialYear};
use have_your_say::store::Store;
use have_your_say::store::cases::format_date;
use have_your_say::timescale::{Calendar, today_in_england};
use helpers::{Page, TestApp, fresh_database_url, spawn_app, spawn_app_with};
use time::macros::datetime;
use time::{Date, OffsetDateTime};

fn cli(db: &str, args: &[&str]) -> Output {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::process::Command::new(env!("CARGO_BIN_EXE_have-your-say"))
        .args(args)
        .env_clear()
        .env("HYS_DATABASE_URL", db)
        .env("HYS_LOCALES_DIR", root.join("locales"))
        .env("HYS_FLOWS_DIR", root.join("flows"))
        .env("HYS_LOG", "warn")
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .display()
        .to_string()
}

async fn count(db: &str, sql: &str) -> i64 {
    let store = Store::connect(db, 1).await.unwrap();
    // A refused import never touched the database, not even to set it up.
    store.migrate().await.unwrap();
    let (n,): (i64,) = sqlx::query_as(sql).fetch_one(store.pool()).await.unwrap();
    store.close().await;
    n
}

/// Export `years` from `from` into files, import them into a new empty store, and check the
/// report of each year is the same there, figure for figure, and so is a second export.
/// `flags` are added to each export (`--with-summaries`). Returns the new store's URL (and
/// the folder holding it).
async fn round_trip(
    from: &str,
    years: &[i32],
    flags: &[&str],
) -> (helpers::TestDatabase, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let to = fresh_database_url(dir.path()).await;
    let mut exports = Vec::new();
    for year in years {
        let file = dir.path().join(format!("{year}.csv"));
        let file = file.to_str().unwrap();
        let year = year.to_string();
        let mut args = vec!["export", "--year", &year, "--output", file];
        args.extend_from_slice(flags);
        let said = ok(&cli(from, &args));
        assert!(said.starts_with("ok: "), "{said}");
        let imported = ok(&cli(&to, &["import", file]));
        assert!(imported.starts_with("ok: "), "{imported}");
        exports.push((year, std::fs::read_to_string(file).unwrap()));
    }
    let calendar = Calendar::england_and_wales();
    let (a, b) = (
        Store::connect(from, 1).await.unwrap(),
        Store::connect(&to, 1).await.unwrap(),
    );
    for year in years.iter().skip(1) {
        let fy = FinancialYear::new(*year).unwrap();
        // Equality monitoring answers never leave the store case by case, so they do not
        // travel in an export: an imported year counts its children as "not asked".
        let lists = have_your_say::lists::Lists::shipped();
        let before = without_equality(report::build(&a, &calendar, &lists, fy).await.unwrap());
        let after = without_equality(report::build(&b, &calendar, &lists, fy).await.unwrap());
        for (x, y) in before.tables.iter().zip(&after.tables) {
            assert_eq!(
                x, y,
                "table {} of {year} differs after the round trip",
                x.id
            );
        }
        assert_eq!(before, after);
        let year = year.to_string();
        let args = ["report", "--year", year.as_str(), "--format", "json"];
        let json = |db: &str| {
            let mut value: serde_json::Value = serde_json::from_str(&ok(&cli(db, &args))).unwrap();
            if let Some(tables) = value["tables"].as_array_mut() {
                tables.retain(|t| {
                    !t["id"]
                        .as_str()
                        .is_some_and(|id| id.starts_with("equality-"))
                });
            }
            value
        };
        assert_eq!(json(from), json(&to));
    }
    a.close().await;
    b.close().await;
    for (year, first) in exports {
        let year = year.to_string();
        let mut args = vec!["export", "--year", &year];
        args.extend_from_slice(flags);
        let again = ok(&cli(&to, &args));
        assert_eq!(
            first, again,
            "exporting {year} again from the imported store"
        );
    }
    (to, dir)
}

/// The report without its equality monitoring tables.
fn without_equality(mut report: report::Report) -> report::Report {
    report
        .tables
        .retain(|t| !report::equality::TABLE_IDS.contains(&t.id));
    report
}

#[tokio::test]
async fn demonstration_data_round_trips_to_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database_url(dir.path()).await;
    ok(&cli(&db, &["demo-data", "--cases", "400", "--years", "2"]));
    // Demonstration data extends corporate stages, which the casework rules do not allow
    // (corporate stages have no extended limit): the import refuses such a case, as staff
    // could not have recorded it. Shown once here, then those cases are left out.
    let store = Store::connect(&db, 1).await.unwrap();
    let corporate_extended = "procedure = 'corporate' and id in \
        (select case_id from case_events where kind = 'extended')";
    let (n,): (i64,) = sqlx::query_as(&format!(
        "select count(*) from cases where {corporate_extended}"
    ))
    .fetch_one(store.pool())
    .await
    .unwrap();
    let this = report::this_year().start_year();
    if n > 0 {
        let file = dir.path().join("corporate.csv");
        let file = file.to_str().unwrap();
        let target = tempfile::tempdir().unwrap();
        let to = fresh_database_url(target.path()).await;
        let mut refused = String::new();
        for year in [this - 2, this - 1, this] {
            ok(&cli(
                &db,
                &["export", "--year", &year.to_string(), "--output", file],
            ));
            let out = cli(&to, &["import", file]);
            refused.push_str(&String::from_utf8_lossy(&out.stderr));
        }
        assert!(
            refused.contains("of the corporate procedure cannot be extended"),
            "{refused}"
        );
    }
    sqlx::query(&format!("delete from cases where {corporate_extended}"))
        .execute(store.pool())
        .await
        .unwrap();
    store.close().await;
    let (to, _dir) = round_trip(&db, &[this - 2, this - 1, this], &[]).await;
    assert!(count(&to, "select count(*) from cases").await > 100);
}

// ---- Written by earlier versions ------------------------------------------------------------

/// A case as earlier versions stored it: timeline entries with a label and no effective date.
async fn insert_legacy(
    store: &Store,
    kind: &str,
    procedure: &str,
    received: OffsetDateTime,
    (stage, status, outcome, closed): (i64, &str, Option<&str>, Option<OffsetDateTime>),
    events: &[(&str, Option<&str>, OffsetDateTime)],
) {
    let ms = |t: OffsetDateTime| (t.unix_timestamp_nanos() / 1_000_000) as i64;
    let (id,): (i64,) = sqlx::query_as(
        "insert into cases (reference, secret_hash, kind, procedure, stage, status, \
         submitted_by, category, advocate_wanted, contact_method, locale, method_of_receipt, \
         received_at, outcome, closed_at, answers, created_at, updated_at) \
         values ($1, '', $2, $3, $4, $5, 'child', 'money', 'no', 'none', 'en-GB', 'letter', \
         $6, $7, $8, '{}', $6, $6) returning id",
    )
    .bind(Reference::generate().as_ref().to_owned())
    .bind(kind)
    .bind(procedure)
    .bind(stage)
    .bind(status)
    .bind(ms(received))
    .bind(outcome)
    .bind(closed.map(ms))
    .fetch_one(store.pool())
    .await
    .unwrap();
    for (kind, label, at) in events {
        sqlx::query(
            "insert into case_events (case_id, kind, actor, detail, created_at) \
             values ($1, $2, 'staff:1', $3, $4)",
        )
        .bind(id)
        .bind(*kind)
        .bind(label.map(|l| format!("{{\"label\":\"{l}\"}}")))
        .bind(ms(*at))
        .execute(store.pool())
        .await
        .unwrap();
    }
}

#[tokio::test]
async fn cases_stored_before_steps_were_dated_round_trip_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database_url(dir.path()).await;
    let store = Store::connect(&db, 1).await.unwrap();
    store.migrate().await.unwrap();
    // No timeline: the case row gives the outcome, and its closing the day of the response.
    insert_legacy(
        &store,
        "complaint",
        "corporate",
        datetime!(2025-11-03 09:00 UTC),
        (
            1,
            "closed",
            Some("outside_jurisdiction"),
            Some(datetime!(2025-11-10 12:00 UTC)),
        ),
        &[],
    )
    .await;
    // After the 17:00 cut-off: the clock starts the next day.
    insert_legacy(
        &store,
        "complaint",
        "statutory",
        datetime!(2025-07-01 17:30 +1),
        (
            1,
            "closed",
            Some("upheld"),
            Some(datetime!(2025-07-16 10:00 +1)),
        ),
        &[
            (
                "outcome",
                Some("outcome-upheld"),
                datetime!(2025-07-15 11:00 +1),
            ),
            ("closed", None, datetime!(2025-07-16 10:00 +1)),
        ],
    )
    .await;
    // Extended with no reason kept, then Stage 2.
    insert_legacy(
        &store,
        "complaint",
        "statutory",
        datetime!(2025-05-01 09:00 +1),
        (
            2,
            "closed",
            Some("not_upheld"),
            Some(datetime!(2025-07-08 10:00 +1)),
        ),
        &[
            ("extended", None, datetime!(2025-05-08 10:00 +1)),
            (
                "outcome",
                Some("outcome-partly_upheld"),
                datetime!(2025-05-23 15:00 +1),
            ),
            (
                "stage_changed",
                Some("stage-2"),
                datetime!(2025-06-02 10:00 +1),
            ),
            (
                "outcome",
                Some("outcome-not_upheld"),
                datetime!(2025-07-07 11:00 +1),
            ),
            ("closed", None, datetime!(2025-07-08 10:00 +1)),
        ],
    )
    .await;
    // The first minutes of the year, closed with no timeline entry.
    insert_legacy(
        &store,
        "compliment",
        "statutory",
        datetime!(2025-04-01 00:30 +1),
        (1, "closed", None, Some(datetime!(2025-04-03 10:00 +1))),
        &[],
    )
    .await;
    store.close().await;
    let (to, dir) = round_trip(&db, &[2024, 2025], &[]).await;
    let file = std::fs::read_to_string(dir.path().join("2025.csv")).unwrap();
    assert!(file.contains(",2025-07-01,17:30,"), "{file}");
    assert!(file.contains(",2025-05-08,not recorded,"), "{file}");
    assert_eq!(count(&to, "select count(*) from cases").await, 4);
}

// ---- Through the service ------------------------------------------------------------------

/// A signed-in officer on the staff pages.
struct Officer<'a> {
    app: &'a TestApp,
    browser: reqwest::Client,
    csrf: String,
}

impl<'a> Officer<'a> {
    async fn new(app: &'a TestApp) -> Officer<'a> {
        let password = app.add_staff("cro@council.gov.uk", "officer").await;
        let (browser, page) = app.sign_in("cro@council.gov.uk", &password, None).await;
        Officer {
            app,
            browser,
            csrf: page.csrf(),
        }
    }

    /// Record a case that arrived another way; returns its reference.
    async fn record(&self, fields: &[(&str, &str)]) -> String {
        let mut form = vec![("csrf", self.csrf.as_str())];
        form.extend_from_slice(fields);
        for default in [
            ("submitted_by", "child"),
            ("category", "where_i_live"),
            ("summary", "Demo: moved without being asked"),
            ("contact", "worker"),
        ] {
            if !fields.iter().any(|(name, _)| *name == default.0) {
                form.push(default);
            }
        }
        let page = self
            .app
            .post_as(&self.browser, "/staff/cases/new", &form)
            .await;
        assert!(page.url.contains("/staff/cases/HYS-"), "{}", page.body);
        page.url.rsplit('/').next().unwrap().to_owned()
    }

    async fn page(&self, reference: &str) -> Page {
        self.app
            .get_as(&self.browser, &format!("/staff/cases/{reference}"))
            .await
    }

    /// Take one action on the case page, dated `on`.
    async fn act(&self, reference: &str, action: &str, on: Date, fields: &[(&str, &str)]) {
        let revision = self.page(reference).await.revision();
        let on = format_date(on);
        let mut form = vec![
            ("csrf", self.csrf.as_str()),
            ("revision", revision.as_str()),
            ("effective_on", on.as_str()),
        ];
        form.extend_from_slice(fields);
        let page = self
            .app
            .post_as(
                &self.browser,
                &format!("/staff/cases/{reference}/{action}"),
                &form,
            )
            .await;
        assert_eq!(page.status, 200, "{action} on {on}: {}", page.body);
        assert!(
            !page.body.contains("error-summary"),
            "{action}: {}",
            page.body
        );
    }
}

fn cal() -> Calendar {
    Calendar::england_and_wales()
}

fn today() -> Date {
    today_in_england(time::OffsetDateTime::now_utc())
}

/// The working day `n` working days before today.
fn working_days_ago(n: u32) -> Date {
    let mut day = today();
    let mut left = n;
    while left > 0 {
        day = day.previous_day().unwrap();
        if cal().is_working_day(day) {
            left -= 1;
        }
    }
    day
}

/// `(kind, effective_on)` of a case's dated timeline entries, oldest first.
async fn steps(db: &str, reference_or_id: &str) -> Vec<(String, String)> {
    let store = Store::connect(db, 1).await.unwrap();
    let rows: Vec<(String, String)> = sqlx::query_as(
        "select e.kind, e.effective_on from case_events e join cases c on c.id = e.case_id \
         where (c.reference = $1 or c.external_id = $1) and e.effective_on is not null \
         and e.kind <> 'submitted' order by e.id",
    )
    .bind(reference_or_id)
    .fetch_all(store.pool())
    .await
    .unwrap();
    store.close().await;
    rows
}

/// A case's fact and Ombudsman columns, as text.
async fn facts(db: &str, reference_or_id: &str) -> Vec<Option<String>> {
    let store = Store::connect(db, 1).await.unwrap();
    let row = sqlx::query(
        "select investigating_officer, independent_person, panel_on, \
         cast(cost_investigation_pence as text) as a, \
         cast(cost_independent_person_pence as text) as b, cast(cost_panel_pence as text) as c, \
         cast(remedy_pence as text) as d, remedy_for, ombudsman_received_on, \
         ombudsman_decision, ombudsman_remedy from cases \
         where reference = $1 or external_id = $1",
    )
    .bind(reference_or_id)
    .fetch_one(store.pool())
    .await
    .unwrap();
    store.close().await;
    (0..11)
        .map(|i| sqlx::Row::try_get::<Option<String>, _>(&row, i).unwrap())
        .collect()
}

// Several threads: the service runs in this test's runtime while the command line runs
// beside it, and a write the service began must be able to finish while the test waits for
// the command (on one thread it would hold SQLite's write lock until the command gave up).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cases_worked_through_the_staff_pages_round_trip_with_their_history() {
    let app = spawn_app().await;
    let officer = Officer::new(&app).await;
    let d0 = working_days_ago(110);
    let day = |n: u32| cal().add_working_days(d0, n);
    let iso = |n: u32| format_date(day(n));

    // Through all three stages: extended, paused, a late request for Stage 3.
    let a = officer
        .record(&[
            ("method", "letter"),
            ("kind", "complaint"),
            ("procedure", "statutory"),
            ("received", &iso(0)),
            ("aspect", "delay"),
            ("aspect", "decision"),
            ("age", "15"),
            ("advocate", "yes"),
            ("team", "assessment"),
        ])
        .await;
    officer.act(&a, "acknowledge", day(1), &[]).await;
    officer
        .act(&a, "extend", day(5), &[("reason", "complex")])
        .await;
    officer
        .act(&a, "outcome", day(15), &[("outcome", "not_upheld")])
        .await;
    officer.act(&a, "escalate", day(20), &[]).await;
    officer
        .act(&a, "pause", day(22), &[("agreed", "yes")])
        .await;
    officer.act(&a, "resume", day(27), &[]).await;
    officer
        .act(&a, "outcome", day(50), &[("outcome", "partly_upheld")])
        .await;
    officer
        .act(
            &a,
            "escalate",
            day(80),
            &[("reason", "asked late; accepted")],
        )
        .await;
    officer
        .act(&a, "outcome", day(100), &[("outcome", "upheld")])
        .await;
    officer.act(&a, "close", day(101), &[]).await;
    // Stage 2 and 3 facts on the closed case, then the Ombudsman's enquiry.
    officer
        .act(
            &a,
            "facts",
            day(101),
            &[
                ("investigating_officer", "Pat Investigator"),
                ("independent_person", "Sam Independent"),
                ("panel_on", &iso(90)),
                ("cost_investigation", "£1,250.50"),
                ("cost_independent_person", "600"),
                ("cost_panel", "900"),
                ("remedy", "250"),
                ("remedy_for", "Allowance paid late"),
            ],
        )
        .await;
    officer
        .act(
            &a,
            "ombudsman",
            day(105),
            &[
                ("decision", "investigated_fault"),
                ("remedy_text", "Apology and £300"),
            ],
        )
        .await;

    // Corporate, answered and closed.
    let b = officer
        .record(&[
            ("method", "telephone"),
            ("kind", "complaint"),
            ("procedure", "corporate"),
            ("received", &iso(3)),
            ("category", "money"),
            ("aspect", "service_failure"),
        ])
        .await;
    officer
        .act(&b, "outcome", day(10), &[("outcome", "upheld")])
        .await;
    officer.act(&b, "close", day(11), &[]).await;
    officer.act(&b, "facts", day(11), &[("remedy", "45")]).await;
    officer
        .act(&b, "ombudsman", day(20), &[("decision", "premature")])
        .await;

    // A compliment, acknowledged and closed.
    let c = officer
        .record(&[
            ("method", "email"),
            ("kind", "compliment"),
            ("received", &iso(4)),
            ("submitted_by", "carer"),
            ("team", "fostering"),
        ])
        .await;
    officer.act(&c, "acknowledge", day(5), &[]).await;
    officer.act(&c, "close", day(6), &[]).await;

    // Informal, withdrawn.
    let d = officer
        .record(&[
            ("method", "in_person"),
            ("kind", "complaint"),
            ("procedure", "informal"),
            ("received", &iso(10)),
        ])
        .await;
    officer
        .act(&d, "outcome", day(12), &[("outcome", "withdrawn")])
        .await;
    officer.act(&d, "close", day(12), &[]).await;

    // Paused now, for dispute resolution.
    let e = officer
        .record(&[
            ("method", "letter"),
            ("kind", "complaint"),
            ("received", &iso(30)),
            ("submitted_by", "parent_family"),
        ])
        .await;
    officer
        .act(&e, "pause", day(35), &[("agreed", "yes")])
        .await;

    // Moved on before Stage 1 answered, with the reason.
    let f = officer
        .record(&[
            ("method", "ombudsman"),
            ("kind", "complaint"),
            ("received", &iso(40)),
        ])
        .await;
    officer
        .act(
            &f,
            "escalate",
            day(45),
            &[("reason", "the complainant asked at once")],
        )
        .await;
    officer
        .act(
            &f,
            "facts",
            day(45),
            &[
                ("investigating_officer", "Jo Officer"),
                ("cost_investigation", "800.05"),
            ],
        )
        .await;

    // Online: a complaint acknowledged today, and a safety concern closed today.
    let g = app
        .send(&[
            "complaint",
            "young_person",
            "money",
            "My allowance was late",
            "",
            "no",
            "none",
            "",
            "14",
        ])
        .await
        .reference();
    app.get("/leave").await;
    officer.act(&g, "acknowledge", today(), &[]).await;
    let h = app
        .send_urgent("Demo: not safe", "after school")
        .await
        .reference();
    app.get("/leave").await;
    officer.act(&h, "acknowledge", today(), &[]).await;
    officer.act(&h, "close", today(), &[]).await;

    let this = report::this_year().start_year();
    let from = app.config.database_url.clone();
    let (to, dir) = round_trip(&from, &[this - 1, this], &["--with-summaries"]).await;

    // Each case's steps, with the days they happened, are the staff's own.
    for reference in [&a, &b, &c, &d, &e, &f, &g, &h] {
        assert_eq!(
            steps(&from, reference).await,
            steps(&to, reference).await,
            "{reference}"
        );
    }
    assert_eq!(count(&to, "select count(*) from cases").await, 8);
    // The facts and the Ombudsman's enquiry came across, names too (with summaries), and the
    // timeline has their typed entries.
    for reference in [&a, &b, &c, &d, &e, &f, &g, &h] {
        assert_eq!(
            facts(&from, reference).await,
            facts(&to, reference).await,
            "{reference}"
        );
    }
    let (a_facts, b_facts) = (facts(&to, &a).await, facts(&to, &b).await);
    assert_eq!(a_facts[0].as_deref(), Some("Pat Investigator"));
    assert_eq!(a_facts[2], Some(iso(90)));
    assert_eq!(a_facts[3].as_deref(), Some("125050"));
    assert_eq!(a_facts[9].as_deref(), Some("investigated_fault"));
    assert_eq!(a_facts[10].as_deref(), Some("Apology and £300"));
    assert_eq!(b_facts[6].as_deref(), Some("4500"));
    assert_eq!(b_facts[9].as_deref(), Some("premature"));
    assert_eq!(
        count(
            &to,
            "select count(*) from case_events where kind in ('facts_recorded', 'ombudsman')"
        )
        .await,
        5
    );
    // Without --with-summaries the names and what remedies were for stay behind; the sums,
    // the panel date and the decisions go.
    let plain = ok(&cli(&from, &["export", "--year", &this.to_string()]))
        + &ok(&cli(&from, &["export", "--year", &(this - 1).to_string()]));
    for words in [
        "Pat Investigator",
        "Sam Independent",
        "Jo Officer",
        "Allowance paid late",
        "Apology",
    ] {
        assert!(!plain.contains(words), "{words} in:\n{plain}");
    }
    for value in [
        "1250.50",
        "600.00",
        "900.00",
        "250.00",
        "45.00",
        "800.05",
        "investigated_fault",
        "premature",
        iso(90).as_str(),
    ] {
        assert!(plain.contains(value), "{value} not in:\n{plain}");
    }
    // Each imported case is one the casework rules could have left.
    let store = Store::connect(&to, 1).await.unwrap();
    let references: Vec<(String,)> = sqlx::query_as("select reference from cases")
        .fetch_all(store.pool())
        .await
        .unwrap();
    for (reference,) in references {
        let record = store
            .case_by_reference(&Reference::parse(&reference).unwrap())
            .await
            .unwrap()
            .unwrap();
        let lifecycle = Lifecycle::try_from(&record).unwrap();
        assert_eq!(
            casework::invariant_broken(&lifecycle, &Rules::default()),
            None,
            "{record:?}"
        );
    }
    store.close().await;
    // A store's own export imported back into it adds nothing: rows are named by reference.
    let file = dir.path().join("again.csv");
    let file = file.to_str().unwrap();
    ok(&cli(
        &from,
        &["export", "--year", &this.to_string(), "--output", file],
    ));
    let again = ok(&cli(&from, &["import", file]));
    assert!(again.starts_with("ok: 0 cases imported"), "{again}");
    assert_eq!(
        count(&to, "select count(*) from outbox").await,
        0,
        "no email"
    );
    assert_eq!(
        count(&to, "select count(*) from cases where secret_hash <> ''").await,
        0,
        "no secret words: nobody can track an imported case"
    );

    // The staff page of the imported case shows its history as staff would have left it.
    let imported = spawn_app_with(|c| c.database_url = to.clone()).await;
    let store = &imported.store;
    let (reference, status, stage, paused_on): (String, String, i64, Option<String>) =
        sqlx::query_as(
            "select reference, status, stage, paused_on from cases where external_id = $1",
        )
        .bind(&e)
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_ne!(reference, e, "a fresh reference");
    assert_eq!(
        (status.as_str(), stage, paused_on),
        ("paused", 1, Some(iso(35)))
    );
    let (reference,): (String,) =
        sqlx::query_as("select reference from cases where external_id = $1")
            .bind(&a)
            .fetch_one(store.pool())
            .await
            .unwrap();
    let password = imported.add_staff("cro@council.gov.uk", "officer").await;
    let (browser, _) = imported
        .sign_in("cro@council.gov.uk", &password, None)
        .await;
    let page = imported
        .get_as(&browser, &format!("/staff/cases/{reference}"))
        .await;
    assert_eq!(page.status, 200);
    for shown in [
        &format!("Imported from another system (id {a})"),
        "complex",
        "asked late; accepted",
        "Not upheld",
        "Partly upheld",
        "Stage 3",
    ] {
        assert!(page.body.contains(shown), "{shown} missing: {}", page.body);
    }
    assert!(
        !page.body.contains("/acknowledge\""),
        "nothing left to do but reopen"
    );
    let tracked = Page::from(
        imported
            .post("/track", &[("reference", &reference), ("secret", "")])
            .await,
    )
    .await;
    assert_eq!(tracked.status, 422);
}

// ---- The file -----------------------------------------------------------------------------

#[tokio::test]
async fn a_dry_run_writes_nothing_and_importing_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database_url(dir.path()).await;
    let file = fixture("good.csv");
    let dry = ok(&cli(&db, &["import", &file, "--dry-run"]));
    assert!(dry.contains("6 cases would be imported"), "{dry}");
    assert!(dry.contains("nothing was written"), "{dry}");
    assert_eq!(count(&db, "select count(*) from cases").await, 0);

    let first = ok(&cli(&db, &["import", &file]));
    assert!(first.starts_with("ok: 6 cases imported"), "{first}");
    let events = count(&db, "select count(*) from case_events").await;
    let again = ok(&cli(&db, &["import", &file]));
    assert!(
        again.starts_with("ok: 0 cases imported, 6 already imported, unchanged"),
        "{again}"
    );
    let dry = ok(&cli(&db, &["import", &file, "--dry-run"]));
    assert!(
        dry.contains("0 cases would be imported, 6 already"),
        "{dry}"
    );
    assert_eq!(count(&db, "select count(*) from cases").await, 6);
    assert_eq!(count(&db, "select count(*) from case_events").await, events);
    assert_eq!(count(&db, "select count(*) from outbox").await, 0);

    // What the rows said, as the casework rules left it.
    let store = Store::connect(&db, 1).await.unwrap();
    let (status, stage, outcome, extended): (String, i64, Option<String>, Option<String>) =
        sqlx::query_as(
            "select status, stage, outcome, extended_due_on from cases where external_id = 'OLD-2'",
        )
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(status, "closed");
    assert_eq!(stage, 2);
    assert_eq!(outcome.as_deref(), Some("not_upheld"));
    assert_eq!(extended, None, "stage 2 was not extended");
    let (acknowledge_by,): (String,) =
        sqlx::query_as("select acknowledge_by from cases where external_id = 'OLD-6'")
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert_eq!(
        acknowledge_by, "2025-12-10",
        "a safety concern: the same day"
    );
    store.close().await;
    let report = ok(&cli(&db, &["report", "--year", "2025", "--format", "csv"]));
    assert!(report.contains("Letter"), "{report}");
}

#[tokio::test]
async fn a_bad_file_names_every_problem_by_line_and_column_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database_url(dir.path()).await;
    let out = cli(&db, &["import", &fixture("bad.csv")]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    for problem in [
        "10 problems found, nothing was imported",
        "line 3, column kind: \"moan\" is not one of: complaint, compliment, comment, safety_concern",
        "line 3, column received_on: \"07/06/2025\" is not a date as YYYY-MM-DD",
        "line 4, column external_id: the same id is on an earlier line",
        "line 5, column stage1_outcome: a compliment has no stages or outcomes",
        "line 6, column stage2_late_reason: stage 2 was requested more than 20 working days",
        "line 7, column stage1_responded_on: 2025-04-20 is before the case was received",
        "line 8, column closed_on: a complaint is closed only after its outcome",
        "line 9, column received_on: 2099-05-01 is in the future",
        "line 12, column stage1_paused_on: 2025-05-06 is after stage 2 was requested",
        "line 13: 5 fields, but the first line names 12 columns",
    ] {
        assert!(said.contains(problem), "{problem:?} not in:\n{said}");
    }
    assert!(!said.contains("line 2,"), "line 2 is good: {said}");
    for good in ["line 10", "line 11"] {
        assert!(
            !said.contains(good),
            "a quoted field over two lines is good: {said}"
        );
    }
    assert_eq!(count(&db, "select count(*) from cases").await, 0);
}

#[tokio::test]
async fn stage_facts_and_the_ombudsman_are_checked_like_every_other_cell() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database_url(dir.path()).await;
    let out = cli(&db, &["import", &fixture("bad-facts.csv")]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    for problem in [
        "6 problems found, nothing was imported",
        "line 3, column investigating_officer: stage 2 facts, but the complaint reached stage 1 \
         only",
        "line 4, column cost_panel: \"12.345\" is not an amount in pounds such as 1250.50",
        "line 5, column stage3_panel_on: the stage 3 panel belongs to a statutory complaint \
         that reached stage 3, but this complaint reached stage 2 only",
        "line 6, column ombudsman_received_on: a compliment has no stage facts or Ombudsman \
         enquiry",
        "line 6, column ombudsman_decision: a compliment has no stage facts or Ombudsman enquiry",
        "line 7, column ombudsman_decision: \"upheld\" is not one of: pending, premature",
    ] {
        assert!(said.contains(problem), "{problem:?} not in:\n{said}");
    }
    assert!(!said.contains("line 2,"), "line 2 is good: {said}");
    assert_eq!(count(&db, "select count(*) from cases").await, 0);

    // The good line alone is taken, its facts stored as the staff page would.
    let good = dir.path().join("good.csv");
    let text = std::fs::read_to_string(fixture("bad-facts.csv")).unwrap();
    std::fs::write(&good, text.lines().take(2).collect::<Vec<_>>().join("\n")).unwrap();
    let out = ok(&cli(&db, &["import", good.to_str().unwrap()]));
    assert!(out.starts_with("ok: 1 cases imported"), "{out}");
    assert_eq!(
        facts(&db, "P1").await,
        [
            Some("Pat Investigator".to_owned()),
            None,
            None,
            Some("80000".to_owned()),
            None,
            None,
            Some("10000".to_owned()),
            None,
            Some("2025-09-01".to_owned()),
            Some("pending".to_owned()),
            None,
        ]
    );
}

#[tokio::test]
async fn files_that_are_not_what_they_should_be_are_refused_without_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database_url(dir.path()).await;
    let header = "external_id,kind,received_on,method_of_receipt,submitted_by";
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    };
    let refused = |path: &str| {
        let out = cli(&db, &["import", path]);
        assert!(!out.status.success(), "{path} was taken");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    for (name, bytes, expected) in [
        ("empty.csv", b"".to_vec(), "line 1: the file is empty"),
        (
            "wrong.csv",
            b"id,type,date\n1,complaint,2025-05-01\n".to_vec(),
            "line 1, column id: unknown column",
        ),
        (
            "missing.csv",
            b"external_id,kind\nX,complaint\n".to_vec(),
            "line 1, column received_on: this column is required",
        ),
        (
            "latin1.csv",
            format!("{header}\nX,complaint,2025-05-01,letter,child\nY,comment,2025-05-01,letter,Z")
                .into_bytes()
                .into_iter()
                .chain([0xe9, b'\n'])
                .collect(),
            "line 3: not UTF-8 text",
        ),
        (
            "quote.csv",
            format!("{header}\nX,\"complaint,2025-05-01,letter,child\n").into_bytes(),
            "line 2: a double quote opens a field that never closes",
        ),
    ] {
        let said = refused(&write(name, &bytes));
        assert!(said.contains(expected), "{name}: {said}");
    }

    // A byte order mark and Windows line endings, as spreadsheets save CSV, are fine.
    let excel = format!(
        "\u{feff}{header}\r\n\"X-1\",complaint,2025-05-01,letter,child\r\nX-2,comment,2025-05-02,email,carer\r\n"
    );
    let out = ok(&cli(
        &db,
        &["import", &write("excel.csv", excel.as_bytes())],
    ));
    assert!(out.starts_with("ok: 2 cases imported"), "{out}");
    let only_header = ok(&cli(
        &db,
        &["import", &write("header.csv", header.as_bytes())],
    ));
    assert!(
        only_header.starts_with("ok: 0 cases imported"),
        "{only_header}"
    );

    // Ten megabytes of good rows are checked in one dry run; one long junk field is one problem.
    let mut big = format!("{header}\n");
    let mut n = 0;
    while big.len() < 10 * 1024 * 1024 {
        n += 1;
        big.push_str(&format!("BIG-{n},compliment,2025-06-02,email,child\n"));
    }
    let dry = ok(&cli(
        &db,
        &["import", &write("big.csv", big.as_bytes()), "--dry-run"],
    ));
    assert!(
        dry.contains(&format!("{n} cases would be imported")),
        "{dry}"
    );
    let junk = format!("{header}\n{}\n", "x".repeat(10 * 1024 * 1024));
    let said = refused(&write("junk.csv", junk.as_bytes()));
    assert!(
        said.contains("line 2: 1 fields, but the first line names 5 columns"),
        "{said}"
    );
    let huge = dir.path().join("huge.csv");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    let said = refused(huge.to_str().unwrap());
    assert!(said.contains("larger than 64 MB"), "{said}");
    assert_eq!(count(&db, "select count(*) from cases").await, 2);
}

#[test]
fn export_refuses_a_year_out_of_range() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("t.db").display());
    let out = cli(&db, &["export", "--year", "1066"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("the year must be from 2000"));
}
