//! The annual report the law requires (Regulation 13(3)): the tables the councils publish,
//! counted from the case store for a financial year (1 April – 31 March) and the year before.
//!
//! A guided tour: [`values`] has the financial year and the sets counted by; [`stages`] reads
//! each case's timeline into the stages it reached and how each went; [`tables`] counts them
//! into tables ([`procedure`] those about stages, outcomes and timescales); [`output`] and
//! [`html`] turn tables into CSV, JSON and a page with charts, with the small-number rule for
//! anything published; [`record`] checks the form for cases that arrived another way; [`demo`]
//! makes fake cases to look at. The staff pages are `web::staff::report`; the command line is
//! [`run_report`] and [`run_demo_data`].

pub mod breakdowns;
pub mod contents;
pub mod demo;
pub mod equality;
pub mod feeling;
pub mod html;
pub mod output;
pub mod procedure;
pub mod record;
pub mod redress;
pub mod stages;
pub mod suppress;
pub mod tables;
pub mod values;

use std::collections::HashMap;

use fluent::FluentValue;

pub use output::Audience;
pub use tables::{Cell, Label, Report, Row, RowKind, Table};
pub use values::FinancialYear;

use crate::casework::Rules;
use crate::config::Config;
use crate::i18n::Words;
use crate::store::{Store, StoreError};
use crate::timescale::Calendar;

/// Count the report for `year` and the years before it, from the cases received in each,
/// with the council's `lists` (and their counting rules), the default corporate stages and
/// the equality tables in the default age bands.
pub async fn build(
    store: &Store,
    calendar: &Calendar,
    lists: &crate::lists::Lists,
    year: FinancialYear,
) -> Result<Report, StoreError> {
    let rules = Rules {
        lists: std::sync::Arc::new(lists.clone()),
        ..Rules::default()
    };
    let equality = crate::equality::EqualityConfig::default();
    build_for(store, calendar, &rules, year, &equality).await
}

/// As [`build`], with the council's procedures (corporate stages, lists and counting rules)
/// and its own age bands for the equality tables.
pub async fn build_for(
    store: &Store,
    calendar: &Calendar,
    rules: &Rules,
    year: FinancialYear,
    equality: &crate::equality::EqualityConfig,
) -> Result<Report, StoreError> {
    let lists = &rules.lists;
    let back = i32::from(
        lists
            .report
            .previous_years
            .min(crate::lists::counting::MAX_PREVIOUS_YEARS),
    );
    let first = FinancialYear::new(year.start_year() - back)
        .unwrap_or_else(|| FinancialYear::new(FinancialYear::EARLIEST).unwrap_or(year));
    let shown: Vec<FinancialYear> = (first.start_year()..=year.start_year())
        .filter_map(FinancialYear::new)
        .collect();
    let (from, to) = (first.start_ms(), year.end_ms());
    let cases = store.report_cases(from, to).await?;
    let mut events: HashMap<i64, Vec<_>> = HashMap::new();
    for event in store.report_events(from, to).await? {
        events.entry(event.case_id).or_default().push(event);
    }
    let mut listed = store.report_listed(from, to).await?;
    let mut by_year: Vec<Vec<stages::CaseHistory>> = shown.iter().map(|_| Vec::new()).collect();
    for mut case in cases {
        let id = case.id;
        // The council's own outcome counts as the statutory outcome its list entry names,
        // where no statutory outcome was recorded.
        if case.outcome.is_none() {
            case.outcome = case
                .council_outcome
                .as_deref()
                .and_then(|o| lists.outcome(o))
                .and_then(crate::lists::CouncilOutcome::statutory)
                .map(|o| o.as_str().to_owned());
        }
        let at = FinancialYear::of_ms(case.received_at);
        let Some(slot) = shown.iter().position(|y| *y == at) else {
            continue;
        };
        let history = stages::history(
            case,
            events.get(&id).map(Vec::as_slice).unwrap_or_default(),
            listed.remove(&id).unwrap_or_default(),
            calendar,
        );
        by_year[slot].push(history);
    }
    let setting = procedure::Setting {
        rules,
        calendar,
        today: crate::timescale::today_in_england(time::OffsetDateTime::now_utc()),
    };
    let years: Vec<(FinancialYear, &[stages::CaseHistory])> = shown
        .iter()
        .copied()
        .zip(by_year.iter().map(Vec::as_slice))
        .collect();
    let enquiries = store
        .report_ombudsman(&first.first_day().to_string(), &year.last_day().to_string())
        .await?;
    let ombudsman = redress::enquiries_by_year(&shown, &enquiries);
    let mut report = contents::build(&years, &ombudsman, &setting);
    let answers = store.report_equality(from, to).await?;
    let sets: Vec<&[stages::CaseHistory]> = by_year.iter().map(Vec::as_slice).collect();
    report
        .tables
        .extend(equality::tables(&sets, &answers, equality));
    let feelings = store.report_feelings(from, to).await?;
    report.tables.push(feeling::table(&sets, &feelings));
    Ok(report)
}

/// The financial year today is in (London time).
pub fn this_year() -> FinancialYear {
    FinancialYear::of_ms(crate::store::now_ms())
}

/// Years the picker offers: from the year of the first case (at most 30 back) to this year,
/// newest first, always including the one chosen.
pub fn year_choices(first_received_at: Option<i64>, chosen: FinancialYear) -> Vec<FinancialYear> {
    let latest = this_year();
    let floor = (latest.start_year() - 30).max(FinancialYear::EARLIEST);
    let earliest = first_received_at
        .map(FinancialYear::of_ms)
        .unwrap_or(latest)
        .max(FinancialYear::new(floor).unwrap_or(latest))
        .min(chosen);
    let latest = latest.max(chosen);
    (earliest.start_year()..=latest.start_year())
        .rev()
        .filter_map(FinancialYear::new)
        .collect()
}

/// "1 April 2025 to 31 March 2026".
pub fn period(t: &Words<'_>, year: FinancialYear) -> String {
    t.get_with(
        "report-period",
        &[
            ("start", FluentValue::from(year.start_year().to_string())),
            (
                "end",
                FluentValue::from((year.start_year() + 1).to_string()),
            ),
        ],
    )
}

/// The page for `report`; the staff handler fills in who is signed in and the year picker.
pub fn page<'a>(t: Words<'a>, report: &Report, audience: Audience) -> html::ReportPage<'a> {
    html::ReportPage {
        t,
        urgent_alerts: Vec::new(),
        has_error: false,
        csrf: String::new(),
        me: String::new(),
        standalone: true,
        public: audience == Audience::Public,
        year: report.year.start_year(),
        year_label: report.year.label(),
        year_labels: report.years.iter().map(|y| y.label()).collect(),
        period: period(&t, report.year),
        years: Vec::new(),
        tables: html::tables(&t, report, audience),
    }
}

/// Message ids the report builds from values, for the start-up check that every word exists.
pub fn message_ids() -> Vec<String> {
    use crate::domain::{AdvocateWanted, CaseKind, Category, Outcome, Procedure, SubmitterRole};
    use values::AgeBand;
    let mut ids: Vec<String> = [
        "report-period",
        "report-percent",
        "report-money",
        "report-col-amount",
        "report-title-part",
        "report-withheld",
        "report-nothing",
        "report-csv-table",
        "report-csv-row",
        "report-csv-number",
        "report-csv-percent",
    ]
    .iter()
    .chain(tables::FIXED_ROW_IDS)
    .chain(equality::FIXED_ROW_IDS)
    .chain(record::ERROR_IDS)
    .chain(procedure::ADR_ROW_IDS)
    .chain(breakdowns::ACK_ROW_IDS)
    .map(|s| (*s).to_owned())
    .collect();
    ids.extend(redress::message_ids());
    ids.extend(breakdowns::quarter_ids());
    ids.extend(contents::part_ids());
    for id in contents::TABLE_IDS.iter().chain(equality::TABLE_IDS) {
        ids.push(format!("report-table-{id}"));
        ids.push(format!("report-about-{id}"));
    }
    ids.extend(CaseKind::ALL.iter().map(|v| format!("label-kind-{v}")));
    ids.extend(Category::ALL.iter().map(|v| format!("label-category-{v}")));
    ids.extend(Outcome::ALL.iter().map(|v| format!("outcome-{v}")));
    ids.extend((1..=3).map(|s| format!("stage-{s}")));
    ids.extend(
        Procedure::ALL
            .iter()
            .map(|v| format!("report-procedure-{v}")),
    );
    ids.extend(
        SubmitterRole::ALL
            .iter()
            .map(|v| format!("report-submitted-by-{v}")),
    );
    ids.extend(
        AdvocateWanted::ALL
            .iter()
            .map(|v| format!("report-advocate-{}", v.as_str())),
    );
    ids.extend(
        AgeBand::ALL
            .iter()
            .map(|v| format!("report-age-{}", v.as_str())),
    );
    ids.extend(crate::equality::report_message_ids());
    ids.extend(feeling::message_ids());
    ids.sort();
    ids.dedup();
    ids
}

/// `have-your-say report --year Y --format csv|json|html`: the report for publishing, so small
/// numbers are hidden in every format (managers get exact figures in the staff area).
pub async fn run_report(config: &Config, year: i32, format: &str) -> Result<String, String> {
    let year = FinancialYear::new(year).ok_or_else(|| {
        format!(
            "the year must be from {} to {}",
            FinancialYear::EARLIEST,
            FinancialYear::LATEST
        )
    })?;
    if !matches!(format, "csv" | "json" | "html") {
        return Err("the format must be csv, json or html".into());
    }
    let mut words = crate::i18n::Localizer::load(&config.locales_dir).map_err(|e| e.to_string())?;
    words.prepare(config.council());
    let locale = words.fallback();
    let t = Words::new(&words, &locale);
    let calendar = Calendar::with_closures(config.closure_days.iter().copied());
    let store = Store::open(&config.database_url, 1)
        .await
        .map_err(|e| e.to_string())?;
    let built = async {
        store
            .audit_from_command_line(
                crate::store::audit::AuditAction::ReportExported,
                serde_json::json!({ "year": year.start_year(), "format": format, "via": "command line" }),
            )
            .await?;
        build_for(&store, &calendar, &config.procedures, year, &config.equality).await
    }
    .await;
    store.close().await;
    let report = built.map_err(|e| e.to_string())?;
    let audience = Audience::Public;
    match format {
        "csv" => Ok(output::csv(&t, &report, audience)),
        "json" => serde_json::to_string_pretty(&output::json(&t, &report, audience))
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| e.to_string()),
        _ => {
            use askama::Template;
            let html = page(t, &report, audience)
                .render()
                .map_err(|e| e.to_string())?;
            Ok(standalone(&html))
        }
    }
}

/// The page with the service's stylesheet written into it, so the file reads the same opened
/// from a disk or an email as in the staff area. (Served pages link the stylesheet instead: the
/// Content Security Policy forbids inline styles there, but a saved file has no such policy.)
fn standalone(html: &str) -> String {
    const LINK: &str = "<link rel=\"stylesheet\" href=\"/assets/app.css\">";
    const STYLESHEET: &str = include_str!("../web/assets/app.css");
    html.replacen(LINK, &format!("<style>\n{STYLESHEET}\n</style>"), 1)
}

/// `have-your-say demo-data --cases N --years K`.
pub async fn run_demo_data(config: &Config, cases: u32, years: u32) -> Result<String, String> {
    if !(1..=100_000).contains(&cases) {
        return Err("--cases must be from 1 to 100000".into());
    }
    if !(1..=20).contains(&years) {
        return Err("--years must be from 1 to 20".into());
    }
    let calendar = Calendar::with_closures(config.closure_days.iter().copied());
    let rows = demo::generate(cases, years, &calendar, crate::store::now_ms());
    let store = Store::open(&config.database_url, 1)
        .await
        .map_err(|e| e.to_string())?;
    let written = async {
        for batch in rows.chunks(250) {
            store.insert_case_rows(batch).await?;
        }
        Ok::<_, StoreError>(())
    }
    .await;
    store.close().await;
    written.map_err(|e| e.to_string())?;
    Ok(format!(
        "ok: {cases} demonstration cases over {years} years written (all names start \"Demo-\")\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_picker_runs_from_the_first_case_to_this_year() {
        let now = this_year();
        let first = FinancialYear::new(now.start_year() - 2).unwrap();
        let years = year_choices(Some(first.start_ms()), now);
        assert_eq!(years.first(), Some(&now));
        assert_eq!(years.last(), Some(&first));
        assert_eq!(years.len(), 3);
        assert_eq!(year_choices(None, now), vec![now]);
        let long_ago = FinancialYear::new(2001).unwrap();
        assert_eq!(year_choices(None, long_ago).last(), Some(&long_ago));
    }
}
