//! Two councils' published annual reports, reproduced figure for figure from cases loaded the
//! way a council would load them: `have-your-say import` (the real command) into an empty
//! store, then the staff report page, its CSVs and `have-your-say report`.
//!
//! The fixtures are `tests/fixtures/report/` (written by `make_fixtures.py`, which says where
//! every row comes from). Every expected value below is typed from the published report (the
//! text in the seeds), not computed by our code. Where a council's own figures do not add up,
//! the comment says so and the test checks what can be matched.
//!
//! Coventry City Council, children's social care comments, compliments and complaints annual
//! report 2017/18 publishes about representations: complaints by procedure (156 statutory,
//! 12 corporate, 11 informal, 179 in all); statutory complaints in 2016/17 (147) and 2015/16
//! (133); complaints from children and young people or an advocate (21) and through an
//! advocate (7; 15 in 2016/17, 17 in 2015/16); method of receipt (email 83, form 80, letter 9,
//! telephone 5, not known 2); statutory complaints by outcome (16, 66, 63, 10 withdrawn, 1
//! open); statutory complaints by team (14 teams and "unknown"); comments (none); compliments
//! (64) by category (26, 15, 10, 10, 3); resolved at Stage 1 (153, 98%); Stage 2
//! investigations (3; one in 2016/17); Stage 3 (none); Stage 1 timescales (67 within 10
//! working days, 86 over) and Stage 2 (0 within 25, 3 over); average working days (Stage 1
//! 15.79, 15 in 2016/17; Stage 2 124.66, 109 in 2016/17); Stage 1 average in quarters 1-3
//! (16.52) and quarter 4 (12.94); complaints by category (206, 76, 9, 4, 4, 3 mentions); the
//! Ombudsman's investigations (3, all upheld); compensation paid (£31,027.24 over six lines).
//!
//! Birmingham Children's Trust, complaints annual report 2021/22 publishes: Stage 1
//! complaints (362: 234 statutory, 128 local; 310 in 2020/21), Stage 2 (50; 47) and Stage 3
//! (14; 10); escalation from Stage 1 to 2 (13.8%) and 2 to 3 (42.6%); outcomes at each stage
//! as percentages; Stage 1 responses within 20 working days (142) and the average (28.81);
//! statutory Stage 2 within 25 (0), within 65 (10, 30.3%), later (23, 69.7%), average 87.48;
//! local Stage 2 within 25 (9, 64.3%), later (5, 35.7%), average 29.93; reasons for complaint
//! (1,018 aspects in four groups and 60 sub-categories; 44% service quality, 35% service
//! failure); the services with most complaints at each stage; complaints from children,
//! young people and care leavers (22; 8 in 2020/21); mediation (7 meetings: 3 resolved, 4
//! went on to Stage 2); the Ombudsman (23 complainants; 13 in 2020/21: 4 premature, 13
//! declined, 6 investigated, fault in 3); costs of investigation and compensation by stage
//! for both years; compliments (52; 84 in 2020/21, "a decrease of 38.1%").

use crate::helpers;

use std::path::PathBuf;
use std::process::Output;

use have_your_say::equality::EqualityConfig;
use have_your_say::report::{self, Cell, FinancialYear, Report};
use helpers::{Page, TestApp, fresh_database_url};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> String {
    root()
        .join("tests/fixtures/report")
        .join(name)
        .display()
        .to_string()
}

/// A council: its lists file, corporate stages and import file.
struct Council {
    lists: PathBuf,
    corporate_days: &'static str,
    file: String,
}

fn coventry() -> Council {
    Council {
        lists: PathBuf::from(fixture("coventry-lists.toml")),
        corporate_days: "10,20",
        file: fixture("coventry-2017-18.csv"),
    }
}

fn birmingham() -> Council {
    Council {
        lists: root().join("locales/en-GB/lists.birmingham.toml"),
        corporate_days: "20,25",
        file: fixture("birmingham-2021-22.csv"),
    }
}

fn cli(council: &Council, db: &str, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_have-your-say"))
        .args(args)
        .env_clear()
        .env("HYS_DATABASE_URL", db)
        .env("HYS_LOCALES_DIR", root().join("locales"))
        .env("HYS_FLOWS_DIR", root().join("flows"))
        .env("HYS_LISTS", &council.lists)
        .env("HYS_CORPORATE_STAGE_DAYS", council.corporate_days)
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

/// Import the council's file with the command line, then start the service on that store.
async fn loaded(council: &Council) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database_url(dir.path()).await;
    let said = ok(&cli(council, &db, &["import", &council.file]));
    assert!(said.starts_with("ok: "), "{said}");
    let lists = have_your_say::lists::Lists::read(&council.lists).unwrap();
    let days: Vec<u32> = council
        .corporate_days
        .split(',')
        .map(|d| d.parse().unwrap())
        .collect();
    let lists_file = council.lists.clone();
    let url = db.to_string();
    let app = helpers::spawn_app_with(move |c| {
        c.database_url = url;
        c.lists_file = Some(lists_file);
        c.procedures.lists = std::sync::Arc::new(lists);
        c.procedures.corporate_stage_days = days;
    })
    .await;
    // The temporary folder holds the SQLite file: keep it for the app's life.
    std::mem::forget(dir);
    app.keeping(db)
}

async fn build(app: &TestApp, year: i32) -> Report {
    report::build_for(
        &app.store,
        &app.state.calendar,
        &app.config.procedures,
        FinancialYear::new(year).unwrap(),
        &EqualityConfig::default(),
    )
    .await
    .unwrap()
}

/// The cells of a row, oldest year first.
fn cells(report: &Report, table: &str, part: Option<&str>, row: &str) -> Vec<Cell> {
    let t = match part {
        Some(part) => report.table_for(table, part),
        None => report.table(table),
    }
    .unwrap_or_else(|| panic!("no table {table} {part:?}"));
    let r = t
        .row(row)
        .unwrap_or_else(|| panic!("no row {row} in {table} {part:?}"));
    r.cells().into_iter().copied().collect()
}

fn now(report: &Report, table: &str, part: Option<&str>, row: &str) -> Cell {
    *cells(report, table, part, row).last().unwrap()
}

fn count(report: &Report, table: &str, part: Option<&str>, row: &str) -> i64 {
    now(report, table, part, row).count
}

fn pct(cell: Cell) -> String {
    format!("{:.1}", cell.percent.unwrap_or(f64::NAN))
}

fn avg(cell: Cell) -> String {
    format!("{:.2}", cell.average.unwrap_or(f64::NAN))
}

async fn manager(app: &TestApp) -> reqwest::Client {
    let password = app.add_staff("manager@council.gov.uk", "manager").await;
    app.sign_in("manager@council.gov.uk", &password, None)
        .await
        .0
}

async fn get(browser: &reqwest::Client, app: &TestApp, path: &str) -> Page {
    Page::from(browser.get(app.url(path)).send().await.unwrap()).await
}

#[tokio::test]
async fn coventry_2017_18_is_reproduced_figure_for_figure() {
    let app = loaded(&coventry()).await;
    let r = build(&app, 2017).await;
    let st = Some("statutory");
    assert_eq!(
        r.years.iter().map(|y| y.label()).collect::<Vec<_>>(),
        ["2015/16", "2016/17", "2017/18"]
    );

    // "156 statutory complaints, 12 corporate complaints and 11 informal complaints", 179.
    for (row, n) in [
        ("statutory", 156),
        ("corporate", 12),
        ("informal", 11),
        ("total", 179),
    ] {
        assert_eq!(count(&r, "received-by-procedure", None, row), n, "{row}");
    }
    // "up from 147 in 2016/17 and 133 in 2015/16".
    let statutory = cells(&r, "received-by-procedure", None, "statutory");
    assert_eq!([statutory[0].count, statutory[1].count], [133, 147]);
    // Method of receipt, every complaint.
    for (row, n) in [
        ("email", 83),
        ("paper_form", 80),
        ("letter", 9),
        ("telephone", 5),
        ("not_known", 2),
        ("total", 179),
    ] {
        assert_eq!(
            count(&r, "method-of-receipt", Some("complaint"), row),
            n,
            "{row}"
        );
    }
    // "21 complaints were made by children and young people themselves or from an advocate
    // ... 7 used an advocate"; advocates "15 in 2016/17 and 17 in 2015/16". (The 2016/17
    // report itself says 13 supported by an advocate; this report's 15 is used.)
    let child = count(&r, "submitted-by", Some("complaint"), "child");
    let advocate = cells(&r, "submitted-by", Some("complaint"), "advocate");
    assert_eq!(child + advocate[2].count, 21);
    assert_eq!(
        advocate.iter().map(|c| c.count).collect::<Vec<_>>(),
        [17, 15, 7]
    );

    // Formal statutory complaints by upheld status, each complaint once (its last stage).
    // Coventry's percentages (10.5, 42.5, 40, 6, 1) are not those of its counts out of 156
    // (10.3, 42.3, 40.4, 6.4, 0.6): the counts are matched.
    for (row, n) in [
        ("upheld", 16),
        ("partly_upheld", 66),
        ("not_upheld", 63),
        ("withdrawn", 10),
        ("outstanding", 1),
        ("total", 156),
    ] {
        assert_eq!(count(&r, "outcomes", st, row), n, "{row}");
    }
    // "156 complaints, of which 153 were resolved at Stage 1. That is, 98%"; "3 investigations
    // carried out at Stage 2, compared with one in 2016/17"; no Stage 3.
    let stage1 = now(&r, "outcomes-stage-1", st, "total");
    assert_eq!(stage1.count, 153);
    assert_eq!(format!("{:.0}", 100.0 * 153.0 / 156.0), "98");
    let stage2 = cells(&r, "complaints-by-stage", st, "stage-2");
    assert_eq!([stage2[1].count, stage2[2].count], [1, 3]);
    assert_eq!(count(&r, "complaints-by-stage", st, "stage-3"), 0);

    // Teams. The published rows add up to 116, not the "Total 156" under them: each team is
    // matched, and the other 40 complaints (with the 2 "Unknown") have no team.
    for (team, n) in [
        ("referral_assessment", 21),
        ("south_neighbourhood", 19),
        ("lac_permanency", 18),
        ("fostering_adoption", 13),
        ("team_south", 10),
        ("throughcare", 10),
        ("north_west_neighbourhood", 7),
        ("north_east_neighbourhood", 4),
        ("willenhall", 4),
        ("safeguarding", 3),
        ("commissioning", 2),
        ("radford", 1),
        ("gosford", 1),
        ("hillfields", 1),
    ] {
        assert_eq!(count(&r, "complaints-by-team", None, team), n, "{team}");
    }

    // Compliments (64) by category; no comments.
    assert_eq!(count(&r, "received-by-kind", None, "compliment"), 64);
    assert_eq!(count(&r, "received-by-kind", None, "comment"), 0);
    for (row, n) in [
        ("standard_of_practice", 26),
        ("standards_of_service", 15),
        ("partnership_working", 10),
        ("child_focus", 10),
        ("good_communication", 3),
    ] {
        assert_eq!(count(&r, "compliment-categories", None, row), n, "{row}");
    }
    // Complaints by category, by mention.
    for (row, n) in [
        ("poor_communication", 206),
        ("standards_of_service", 76),
        ("child_protection", 9),
        ("finance", 4),
        ("standard_of_environment", 4),
        ("staff_conduct", 3),
    ] {
        assert_eq!(count(&r, "complaint-aspects", None, row), n, "{row}");
    }

    // Statutory complaints by stage and timescales: Stage 1 within 10 working days 67, over
    // 86 (one of them the complaint still open, counted as over its limit as Coventry does);
    // Stage 2 within 25 none, over 3. Each complaint at its last stage (153 at Stage 1).
    let t1 = |row| count(&r, "timescales-stage-1", st, row);
    assert_eq!(t1("within-standard"), 67);
    assert_eq!(t1("within-extended") + t1("over") + t1("open-over"), 86);
    assert_eq!(t1("responded") + t1("open-over"), 153);
    let t2 = |row| count(&r, "timescales-stage-2", st, row);
    assert_eq!((t2("within-standard"), t2("over")), (0, 3));
    // Averages: Stage 1 15.79 over the 153 complaints the table counts (the open one with
    // its working days so far at the year end), 15 in 2016/17; Stage 2 109 in 2016/17.
    //
    // Stage 2's 124.66 cannot be matched, and no counting rule would match it without
    // losing another published figure. Three responses in whole working days average to
    // x.00, x.33 or x.67 (374 / 3 = 124.666...): 124.66 is that average cut short (rounded
    // down), not rounded. But Coventry's Stage 1 figures show it rounds: 15.79 overall,
    // 16.52 for quarters 1-3 and 12.94 for quarter 4 come from one set of whole-day times
    // rounded (122 complaints, 2015 days, 16.516; 31 complaints, 401 days, 12.935; 153,
    // 2416, 15.791), while no 152 or 153 whole-day times, split in any way between quarters
    // 1-3 and quarter 4, give all three cut short (every total and every split checked). So
    // its figures do not add up under either rule; the service rounds (the rule that gives
    // three of Coventry's four averages) and shows 124.67.
    let a1 = cells(&r, "timescales-stage-1", st, "average-days");
    assert_eq!((avg(a1[1]), avg(a1[2])), ("15.00".into(), "15.79".into()));
    assert_eq!(a1[2].count, 153, "the table's own 153");
    let a2 = cells(&r, "timescales-stage-2", st, "average-days");
    assert_eq!(avg(a2[1]), "109.00");
    assert_eq!(avg(a2[2]), "124.67");
    // "For the first three quarters ... 16.52 working days, compared to 12.94 working days in
    // quarter 4."
    let quarter = |q: &str| now(&r, "days-by-quarter", st, q);
    let (days, n) = ["q1", "q2", "q3"]
        .iter()
        .map(|q| quarter(q))
        .fold((0.0, 0), |(d, n), c| {
            (d + c.average.unwrap_or(0.0) * c.count as f64, n + c.count)
        });
    assert_eq!(n, 122);
    assert_eq!(format!("{:.2}", days / n as f64), "16.52");
    assert_eq!(avg(quarter("q4")), "12.94");

    // The Ombudsman "undertook full investigations for three children's services complaints
    // ... It upheld all three". (Its 29 enquiries mix education with children's services, so
    // they are not about these complaints.)
    // Counted by the year of the Ombudsman's enquiry, as councils publish them: one of the
    // three is about a complaint received in 2016/17 (the fixture's COV16-S101).
    assert_eq!(count(&r, "ombudsman", None, "investigated_fault"), 3);
    let total = cells(&r, "ombudsman", None, "total");
    assert_eq!([total[1].count, total[2].count], [0, 3]);
    // Compensation paid: £31,027.24 (the Ombudsman's £100 among it).
    assert_eq!(count(&r, "costs", None, "remedy-total"), 3_102_724);
    assert_eq!(count(&r, "costs", None, "remedy-ombudsman"), 10_000);

    // The same figures in the page, both CSVs and the command line: one computation.
    // Coventry publishes exact figures (`small_numbers = 0`), so all four agree exactly.
    let browser = manager(&app).await;
    let page = get(&browser, &app, "/staff/report?year=2017").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<td>15.79</td>"), "the Stage 1 average");
    assert!(page.body.contains("<td>£31,027.24</td>"), "compensation");
    let exact = get(&browser, &app, "/staff/report.csv?year=2017")
        .await
        .body;
    let public = get(&browser, &app, "/staff/report.csv?year=2017&public=1")
        .await
        .body;
    let command = ok(&cli(
        &coventry(),
        &app.config.database_url,
        &["report", "--year", "2017", "--format", "csv"],
    ));
    assert_eq!(exact, public, "nothing to hide at a threshold of 0");
    assert_eq!(public, command);
    assert!(
        exact.contains("Timescales at Stage 1: statutory complaints,Average working days to respond,10.00,,15.00,,15.79,"),
        "{exact}"
    );
}

#[tokio::test]
async fn birmingham_2021_22_is_reproduced_figure_for_figure() {
    let app = loaded(&birmingham()).await;
    let r = build(&app, 2021).await;
    let all = Some("all");

    // "362 stage 1 complaints ... 234 complaints (65%) ... statutory ... 128 complaints (35%)
    // ... local"; 2020/21 had 310 (the text's "increase of 18.4%" does not fit 310; the
    // summary's 16.8% and "eight (2.58%)" do).
    let stage1 = cells(&r, "complaints-by-stage", all, "stage-1");
    assert_eq!([stage1[1].count, stage1[2].count], [310, 362]);
    let statutory = now(&r, "received-by-procedure", None, "statutory");
    assert_eq!(
        (
            statutory.count,
            format!("{:.0}", statutory.percent.unwrap())
        ),
        (234, "65".into())
    );
    let local = now(&r, "received-by-procedure", None, "corporate");
    assert_eq!(
        (local.count, format!("{:.0}", local.percent.unwrap())),
        (128, "35".into())
    );
    // Stage 2: 50 (47 in 2020/21); Stage 3: 14 (10).
    let s2 = cells(&r, "complaints-by-stage", all, "stage-2");
    let s3 = cells(&r, "complaints-by-stage", all, "stage-3");
    assert_eq!(
        [s2[1].count, s2[2].count, s3[1].count, s3[2].count],
        [47, 50, 10, 14]
    );
    // Escalation from Stage 1 to 2: 13.8% (15.2% in 2020/21). The published 42.6% from Stage
    // 2 to 3 is not 14 of 50 (28.0%), nor 28.6% in 2020/21 10 of 47: not matched.
    let up = cells(&r, "escalations", all, "1-2");
    assert_eq!((pct(up[1]), pct(up[2])), ("15.2".into(), "13.8".into()));

    // Outcomes at each stage, as percentages. At Stage 1, 11.1% outside jurisdiction and
    // 16.5% withdrawn cannot both come from 362 complaints (the rest are exact): 40 (11.0%)
    // and 60 (16.6%) are the nearest.
    for (stage, row, published) in [
        (1, "upheld", "13.3"),
        (1, "partly_upheld", "21.3"),
        (1, "not_upheld", "35.1"),
        (1, "inconclusive", "1.9"),
        (1, "outstanding", "0.8"),
        (2, "upheld", "2.0"),
        (2, "partly_upheld", "54.0"),
        (2, "not_upheld", "28.0"),
        (2, "outside_jurisdiction", "4.0"),
        (2, "withdrawn", "2.0"),
        (2, "outstanding", "10.0"),
        (3, "partly_upheld", "71.4"),
        (3, "not_upheld", "14.3"),
        (3, "inconclusive", "7.1"),
        (3, "withdrawn", "7.1"),
    ] {
        let table = format!("outcomes-stage-{stage}");
        assert_eq!(
            pct(now(&r, &table, all, row)),
            published,
            "stage {stage} {row}"
        );
    }
    assert_eq!(
        pct(now(&r, "outcomes-stage-1", all, "outside_jurisdiction")),
        "11.0"
    );
    assert_eq!(pct(now(&r, "outcomes-stage-1", all, "withdrawn")), "16.6");
    assert_eq!(
        count(&r, "outcomes-stage-3", all, "upheld"),
        0,
        "'–' at Stage 3"
    );

    // Stage 1: "142 ... stage 1 complaints responses were issued within deadline" (20 working
    // days: 10, or 20 extended, for statutory; 20 for local), average 28.81. The report's
    // base ("142 of 265 (53.4%)", Appendix A 23.7/29.7/46.6 of 266) does not match its own
    // outcome table: 259 Stage 1 responses were neither withdrawn nor outside jurisdiction.
    // Appendix A's bands by area cannot be matched: each area's percentages need at least
    // 103 (Citywide), 26 (East), 116 (North, West & Central) and 61 (South) complaints,
    // 306 in all, while its own TOTAL row is 266 (63, 79 and 124 in the three bands) and
    // only 262 Stage 1 complaints were neither withdrawn nor outside jurisdiction; the
    // arithmetic is in make_fixtures.py. Its 0-10 and 11-20 bands (63 + 79) are the 142.
    let t1 = |row| count(&r, "timescales-stage-1", all, row);
    assert_eq!(t1("within-standard") + t1("within-extended"), 142);
    assert_eq!(
        avg(now(&r, "timescales-stage-1", all, "average-days")),
        "28.81"
    );
    // Statutory Stage 2: none within 25 working days, ten (30.3%) within 65, 23 (69.7%) later
    // (five of them still open, past 65 days). Average 87.48: of the same 33 complaints the
    // bands count, the five still open with their working days so far at the year end (2887
    // days over 33). Over the 28 responses alone no whole number of days gives it (2449 / 28
    // is 87.46, 2450 / 28 is 87.50).
    let st = Some("statutory");
    let t2 = |row| now(&r, "timescales-stage-2", st, row);
    assert_eq!(t2("within-standard").count, 0);
    assert_eq!(
        (t2("within-extended").count, pct(t2("within-extended"))),
        (10, "30.3".into())
    );
    assert_eq!(t2("over").count + t2("open-over").count, 23);
    assert_eq!(
        format!(
            "{:.1}",
            t2("over").percent.unwrap() + t2("open-over").percent.unwrap()
        ),
        "69.7"
    );
    assert_eq!(avg(t2("average-days")), "87.48");
    assert_eq!(t2("average-days").count, 33);
    // Local Stage 2: nine (64.3%) within 25 working days, five (35.7%) later; 29.93 (the
    // text's 32.80 is the year before's figure repeated).
    let l2 = |row| now(&r, "timescales-stage-2", Some("corporate"), row);
    assert_eq!(
        (l2("within-standard").count, pct(l2("within-standard"))),
        (9, "64.3".into())
    );
    assert_eq!((l2("over").count, pct(l2("over"))), (5, "35.7".into()));
    assert_eq!(avg(l2("average-days")), "29.93");

    // Reasons for complaint: 1,018 aspects; Delay 43, Service Failure / Refusal 353, Service
    // Quality 449 (44%), Staff Conduct 173; 35% service failure.
    assert_eq!(count(&r, "complaint-groups", None, "total"), 1018);
    for (group, n) in [
        ("delay", 43),
        ("failure", 353),
        ("quality", 449),
        ("conduct", 173),
    ] {
        assert_eq!(count(&r, "complaint-groups", None, group), n, "{group}");
    }
    assert_eq!(
        format!(
            "{:.0}",
            now(&r, "complaint-groups", None, "quality")
                .percent
                .unwrap()
        ),
        "44"
    );
    assert_eq!(
        format!(
            "{:.0}",
            now(&r, "complaint-groups", None, "failure")
                .percent
                .unwrap()
        ),
        "35"
    );
    for (id, n) in APPENDIX_B {
        assert_eq!(count(&r, "complaint-aspects", None, id), *n, "{id}");
    }

    // The services receiving most complaints at each stage.
    for (stage, team, n) in [
        (1, "north_west_central_child_in_care", 44),
        (1, "disabled_children_s_social_care", 37),
        (1, "south_safeguarding", 34),
        (1, "east_asti", 28),
        (1, "south_child_in_care", 28),
        (2, "disabled_children_s_social_care", 10),
        (2, "south_safeguarding", 7),
        (2, "south_asti", 4),
        (2, "east_child_in_care", 3),
        (2, "east_safeguarding", 3),
        (3, "south_safeguarding", 3),
        (3, "east_child_in_care", 3),
        (3, "disabled_children_s_social_care", 2),
    ] {
        let table = format!("team-stage-{stage}");
        assert_eq!(count(&r, &table, None, team), n, "stage {stage} {team}");
    }
    // "Six other services received one stage 3 complaint."
    let ones = r
        .table("team-stage-3")
        .unwrap()
        .rows
        .iter()
        .filter(|row| row.current.count == 1)
        .count();
    assert_eq!(ones, 6);

    // "22 of the stage 1 complaints ... made by children, young people or care leavers" (8 in
    // 2020/21, 2.58%). Its 5.99% is not 22 of 362 (6.08%).
    let children = cells(&r, "submitted-by", Some("complaint"), "child");
    assert_eq!([children[1].count, children[2].count], [8, 22]);
    assert_eq!(pct(children[1]), "2.6");

    // "seven mediation meetings ... three complaints were successfully resolved, with four
    // complaints escalating to the stage 2".
    for (row, n) in [("held", 7), ("resolved", 3), ("went-on", 4)] {
        assert_eq!(count(&r, "dispute-resolution", all, row), n, "{row}");
    }

    // The Ombudsman: 23 complainants (13 in 2020/21); four premature, 13 declined, six
    // investigated, fault found in three.
    let total = cells(&r, "ombudsman", None, "total");
    assert_eq!([total[1].count, total[2].count], [13, 23]);
    assert_eq!(count(&r, "ombudsman", None, "premature"), 4);
    assert_eq!(count(&r, "ombudsman", None, "declined"), 13);
    assert_eq!(
        count(&r, "ombudsman", None, "investigated_fault")
            + count(&r, "ombudsman", None, "investigated_no_fault")
            + count(&r, "ombudsman", None, "pending"),
        6
    );
    assert_eq!(count(&r, "ombudsman", None, "investigated_fault"), 3);

    // Complaint costs, both years, in pence. 2020/21's compensation lines add up to
    // £13,699.48, not the £13,699.49 printed; the lines and the £96,369.29 total match.
    for (row, before, now_) in [
        ("investigating-officer", 5_781_831, 9_039_900),
        ("independent-person", 1_860_050, 2_478_350),
        ("panel", 625_100, 2_799_546),
        ("investigation-total", 8_266_981, 14_317_796),
        ("remedy-stage-1", 367_448, 140_000),
        ("remedy-stage-2", 655_000, 373_900),
        ("remedy-stage-3", 0, 60_000),
        ("remedy-ombudsman", 347_500, 135_000),
        ("remedy-total", 1_369_948, 708_900),
        ("all-total", 9_636_929, 15_026_696),
    ] {
        let c = cells(&r, "costs", None, row);
        assert_eq!((c[1].count, c[2].count), (before, now_), "{row}");
    }

    // 52 compliments, "a decrease of approximately 38.1%" from 84.
    let compliments = cells(&r, "received-by-kind", None, "compliment");
    assert_eq!([compliments[1].count, compliments[2].count], [84, 52]);

    // The page and the exact CSV say the same; the published copies (page for publishing,
    // CSV, command line) hide the same cells.
    let browser = manager(&app).await;
    let page = get(&browser, &app, "/staff/report?year=2021").await;
    assert!(page.body.contains("<td>28.81</td>"));
    assert!(page.body.contains("<td>£143,177.96</td>"));
    let public = get(&browser, &app, "/staff/report.csv?year=2021&public=1")
        .await
        .body;
    let command = ok(&cli(
        &birmingham(),
        &app.config.database_url,
        &["report", "--year", "2021", "--format", "csv"],
    ));
    assert_eq!(public, command);
    assert!(
        public.contains("not shown"),
        "Birmingham hides 1 to 4 (the default)"
    );
}

/// Appendix B, typed from the report: sub-category ids (the shipped Birmingham lists) and
/// their counts.
const APPENDIX_B: &[(&str, i64)] = &[
    ("delay_follow_guidance_policy_procedure", 1),
    ("delay_make_a_decision", 1),
    ("delay_meet_or_contact_customer", 1),
    ("delay_provide_a_service_support", 7),
    ("delay_provide_advice_information", 8),
    ("delay_respond_to_emails_letters_text_message", 2),
    ("delay_respond_to_telephone_call_message", 2),
    ("delay_take_action", 21),
    ("failure_consult_notify", 25),
    ("failure_follow_guidance_policy_procedure", 4),
    ("failure_invite_to_meeting", 9),
    ("failure_listen", 25),
    ("failure_make_a_decision", 1),
    ("failure_meet_or_contact_customer", 24),
    ("failure_provide_a_service_support", 69),
    ("failure_provide_advice_information", 66),
    ("failure_provide_identification", 4),
    ("failure_respond_to_emails_letters_text_message", 18),
    ("failure_respond_to_telephone_call_message", 22),
    ("failure_take_action", 86),
    ("quality_appropriateness_of_venue", 1),
    ("quality_availability_of_staff", 1),
    ("quality_breach_of_confidentiality", 23),
    ("quality_breach_of_court_order", 2),
    ("quality_change_of_allocated_worker", 5),
    ("quality_concerns_about_care_provision", 11),
    ("quality_disagreement_with_assessment", 31),
    ("quality_disagreement_with_decision", 41),
    ("quality_equalities_diversity_issues", 2),
    ("quality_inaccurate_information_recorded", 48),
    ("quality_inadequate_service_support", 63),
    ("quality_inappropriate_action_taken", 80),
    ("quality_inappropriate_service_offered", 16),
    ("quality_incorrect_advice_given", 8),
    ("quality_lateness_non_attendance", 10),
    ("quality_loss_or_damage_to_property", 1),
    ("quality_meeting_cancelled_re_scheduled", 8),
    ("quality_meeting_terminated", 1),
    ("quality_organisational_discrimination", 5),
    ("quality_other_miscellaneous", 6),
    ("quality_poor_communication", 21),
    ("quality_service_cancelled_reduced_withdrawn", 6),
    ("quality_unable_to_reach_staff", 14),
    ("quality_unreasonable_decision", 29),
    ("quality_wrong_information_provided", 16),
    ("conduct_accusatory_conduct", 6),
    ("conduct_bias", 13),
    ("conduct_bullying_threatening", 17),
    ("conduct_conflict_of_interest", 3),
    ("conduct_discriminatory_behaviour", 7),
    ("conduct_dishonest_conduct", 12),
    ("conduct_inappropriate_conduct", 46),
    ("conduct_lack_of_customer_care", 11),
    ("conduct_lack_of_knowledge_training", 9),
    ("conduct_lack_of_ownership", 1),
    ("conduct_lack_of_professionalism", 19),
    ("conduct_no_consent_to_act", 4),
    ("conduct_other_miscellaneous", 3),
    ("conduct_rude_or_aggressive_behaviour", 18),
    ("conduct_unhelpful_attitude", 4),
];

/// The report of a council with every table filled (Birmingham, with its long service names)
/// on a real 320 px phone screen: axe-core finds no WCAG 2.2 AA violation, and the page never
/// scrolls sideways (a wide table scrolls inside its own frame). The screenshots go to
/// `test-artifacts/report-320*.png` for a person to look at.
#[tokio::test]
async fn the_report_with_every_table_passes_axe_at_320_pixels() {
    use helpers::axe::{axe_source, violations};
    use helpers::webdriver::{Browser, Options};

    let app = loaded(&birmingham()).await;
    let password = app.add_staff("manager@council.gov.uk", "manager").await;
    let browser = Browser::start(Options {
        width: 320,
        ..Options::default()
    })
    .await;
    browser.phone_screen(320, 800).await;
    browser.goto(&app.url("/staff/login")).await;
    browser.type_into("#email", "manager@council.gov.uk").await;
    browser.type_into("#password", &password).await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text("class=\"cases\"").await;
    browser.goto(&app.url("/staff/report?year=2021")).await;
    browser.wait_for_text("28.81").await;
    assert_eq!(browser.run("return window.innerWidth;").await, 320);
    browser.screenshot("report-320").await;
    let wider = browser
        .run("return document.documentElement.scrollWidth - window.innerWidth;")
        .await;
    assert_eq!(wider, 0, "the page scrolls sideways at 320 px");
    for (css, name) in [
        ("[id^=timescales-stage-2]", "report-320-timescales"),
        ("[id^=ombudsman]", "report-320-ombudsman"),
        ("[id^=acknowledgement]", "report-320-acknowledgement"),
    ] {
        let found = browser
            .run(&format!(
                "var e = document.querySelector('{css}'); if (e) {{ e.scrollIntoView(); }} return !!e;"
            ))
            .await;
        if found == true {
            browser.screenshot(name).await;
        }
    }
    let found = violations(&browser, &axe_source()).await;
    assert!(found.is_empty(), "axe at 320 px:\n{}", found.join("\n"));
}
