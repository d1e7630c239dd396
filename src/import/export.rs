//! `have-your-say export --year Y`: the cases the annual report counts for a financial year, one
//! row each in the import format. Stages, responses and outcomes are read by the report's own
//! reading of the timeline (`report::stages::history`), and every date is the one the report
//! counts from, so importing the file into an empty store gives the same report.

use std::collections::HashMap;
use std::path::Path;

use time::Date;

use super::columns::COLUMNS;
use super::{ImportError, csv};
use crate::config::Config;
use crate::domain::CaseEvent;
use crate::domain::facts::format_pounds;
use crate::report::FinancialYear;
use crate::report::stages::{self, UNKNOWN_OUTCOME};
use crate::report::values::instant;
use crate::store::Store;
use crate::store::cases::format_date;
use crate::store::import::{Acknowledgement, ExportExtra};
use crate::store::report::{ReportCase, ReportEvent};
use crate::timescale::{Calendar, Deadline, london_offset, today_in_england};

/// Written where an extension or a late request was recorded without its reason (before
/// reasons were kept, or after the case was anonymised): the rules need one.
const NO_REASON: &str = "not recorded";

fn london_date(ms: i64) -> Date {
    today_in_england(instant(ms))
}

/// What one stage's timeline holds beyond what the report's reading gives.
#[derive(Debug, Default)]
struct StageSteps {
    late_reason: Option<String>,
    extended: Option<(Date, String)>,
    paused: Vec<Date>,
    resumed: Vec<Date>,
}

/// Everything the export needs about one case.
pub struct Source<'a> {
    pub case: ReportCase,
    pub events: &'a [ReportEvent],
    pub listed: crate::store::report::Listed,
    pub extra: &'a ExportExtra,
    pub acknowledgement: Option<&'a Acknowledgement>,
}

/// One case as a row of cells, in [`COLUMNS`] order.
pub fn row(source: Source<'_>, calendar: &Calendar, with_summaries: bool) -> Vec<String> {
    let Source {
        case,
        events,
        listed,
        extra,
        acknowledgement,
    } = source;
    // The same two readings of an entry's date as the report's: a step's clock counts from
    // the day it happened (legacy entries: the next working day after a late recording); a
    // response from that day.
    let clock = |e: &ReportEvent| {
        e.effective_on
            .unwrap_or_else(|| calendar.start_date(instant(e.created_at)))
    };
    let day = |e: &ReportEvent| e.effective_on.unwrap_or_else(|| london_date(e.created_at));
    let complaint = case.kind == "complaint";
    let history = stages::history(case.clone(), events, listed.clone(), calendar);
    let stored = u8::try_from(case.stage).unwrap_or(1).clamp(1, 3);

    // Walk the timeline with the report's stage bookkeeping, to find each stage's steps.
    let mut steps: [StageSteps; 3] = Default::default();
    let mut current: u8 = 1;
    let mut closed = None;
    let mut escalated = false;
    for event in events {
        let slot = usize::from(current - 1).min(2);
        match &event.event {
            CaseEvent::StageChanged {
                to, late_reason, ..
            } if *to > current && *to <= 3 => {
                current = *to;
                escalated = true;
                steps[usize::from(current - 1)].late_reason = late_reason.clone();
            }
            CaseEvent::Legacy { kind, .. } if kind == "stage_changed" && current < stored => {
                current += 1;
                escalated = true;
            }
            CaseEvent::Extended { reason, .. } if steps[slot].extended.is_none() => {
                steps[slot].extended = Some((day(event), reason.clone()));
            }
            CaseEvent::Legacy { kind, text }
                if kind == "extended" && steps[slot].extended.is_none() =>
            {
                steps[slot].extended = Some((day(event), text.clone().unwrap_or_default()));
            }
            CaseEvent::Paused => steps[slot].paused.push(clock(event)),
            CaseEvent::Resumed { .. } if steps[slot].paused.len() > steps[slot].resumed.len() => {
                steps[slot].resumed.push(clock(event));
            }
            CaseEvent::ProcedureChanged { .. } if current != 1 => current = 1,
            CaseEvent::Closed => closed = Some(day(event)),
            _ => {}
        }
    }
    let received = instant(case.received_at);
    let local = received.to_offset(london_offset(received));
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_owned();
    let date = |d: Option<Date>| d.map(format_date).unwrap_or_default();
    let dates = |list: &[Date]| {
        list.iter()
            .map(|d| format_date(*d))
            .collect::<Vec<_>>()
            .join(";")
    };
    let acknowledged_on = match acknowledgement {
        Some(a) => Some(a.effective_on.unwrap_or_else(|| london_date(a.created_at))),
        // Moving to a later stage acknowledges a case without an entry of its own; the
        // replayed escalation does that again.
        None if escalated => None,
        None => extra.acknowledged_at.map(london_date),
    };
    let closed_on = (case.status == "closed")
        .then(|| closed.or_else(|| case.closed_at.map(london_date)))
        .flatten();

    let mut cells: HashMap<&'static str, String> = HashMap::new();
    let mut set = |column: &'static str, value: String| {
        cells.insert(column, value);
    };
    set(
        "external_id",
        extra
            .external_id
            .clone()
            .unwrap_or_else(|| extra.reference.clone()),
    );
    set("kind", case.kind.clone());
    set(
        "procedure",
        if complaint {
            case.procedure.clone()
        } else {
            String::new()
        },
    );
    set("received_on", format_date(local.date()));
    set(
        "received_time",
        format!("{:02}:{:02}", local.hour(), local.minute()),
    );
    set("method_of_receipt", case.method_of_receipt.clone());
    set("submitted_by", case.submitted_by.clone());
    set("category", case.category.clone().unwrap_or_default());
    set("categories", listed.mentions.join(";"));
    set("teams", listed.teams.join(";"));
    if complaint {
        set("actions_taken", listed.actions_taken.join(";"));
        set(
            "council_outcome",
            case.council_outcome.clone().unwrap_or_default(),
        );
    }
    set("advocate_wanted", case.advocate_wanted.clone());
    set("age", case.age.map(|a| a.to_string()).unwrap_or_default());
    set("language", case.locale.clone());
    set("urgent", yes_no(case.urgent == 1));
    if with_summaries {
        set("summary", extra.summary.clone().unwrap_or_default());
    }
    set("acknowledged_on", date(acknowledged_on));
    if complaint {
        for (n, run) in &history.stages {
            let i = usize::from(*n - 1);
            let s = &steps[i];
            let prefix = format!("stage{n}_");
            let mut put = |name: &str, value: String| {
                if let Some(column) = COLUMNS.iter().find(|c| **c == format!("{prefix}{name}")) {
                    set(column, value);
                }
            };
            if *n > 1 {
                put("requested_on", date(run.started));
                let previous = history.stages.get(&(n - 1)).and_then(|p| p.responded);
                let late = match (previous, run.started) {
                    (None, _) => true,
                    (Some(responded), Some(asked)) => {
                        asked
                            > calendar.add_working_days(
                                responded,
                                Deadline::EscalationWindow.working_days(),
                            )
                    }
                    (Some(_), None) => false,
                };
                let reason = s.late_reason.clone().filter(|r| !r.trim().is_empty());
                put(
                    "late_reason",
                    reason
                        .or_else(|| late.then(|| NO_REASON.to_owned()))
                        .unwrap_or_default(),
                );
            }
            if let Some((on, reason)) = &s.extended {
                put("extended_on", format_date(*on));
                let reason = if reason.trim().is_empty() {
                    NO_REASON
                } else {
                    reason
                };
                put("extension_reason", reason.to_owned());
            }
            put("paused_on", dates(&s.paused));
            put("resumed_on", dates(&s.resumed));
            // An outcome whose value was lost before outcomes were typed cannot be imported:
            // the cell stays empty and the import names it.
            let outcome = run.outcome.clone().filter(|o| o != UNKNOWN_OUTCOME);
            put("responded_on", date(run.responded));
            put("outcome", outcome.unwrap_or_default());
        }
    }
    set("closed_on", date(closed_on));
    if complaint {
        let pounds = |pence: Option<i64>| pence.map(format_pounds).unwrap_or_default();
        set(
            "stage3_panel_on",
            extra.panel_on.clone().unwrap_or_default(),
        );
        set("cost_investigation", pounds(extra.cost_investigation_pence));
        set(
            "cost_independent_person",
            pounds(extra.cost_independent_person_pence),
        );
        set("cost_panel", pounds(extra.cost_panel_pence));
        set("remedy", pounds(extra.remedy_pence));
        set(
            "ombudsman_received_on",
            extra.ombudsman_received_on.clone().unwrap_or_default(),
        );
        set(
            "ombudsman_decision",
            extra.ombudsman_decision.clone().unwrap_or_default(),
        );
        // Names and what a remedy was for are words, as summaries are; an anonymised case
        // has none left to give.
        if with_summaries && extra.anonymised_at.is_none() {
            let words = |w: &Option<String>| w.clone().unwrap_or_default();
            set("investigating_officer", words(&extra.investigating_officer));
            set("independent_person", words(&extra.independent_person));
            set("remedy_for", words(&extra.remedy_for));
            set("ombudsman_remedy", words(&extra.ombudsman_remedy));
        }
    }
    COLUMNS
        .iter()
        .map(|c| cells.remove(c).unwrap_or_default())
        .collect()
}

/// The file for `year`: the header line, then one line per case.
pub async fn csv_for_year(
    store: &Store,
    calendar: &Calendar,
    year: FinancialYear,
    with_summaries: bool,
) -> Result<(String, usize), ImportError> {
    let (from, to) = (year.start_ms(), year.end_ms());
    let cases = store.report_cases(from, to).await?;
    let mut events: HashMap<i64, Vec<ReportEvent>> = HashMap::new();
    for event in store.report_events(from, to).await? {
        events.entry(event.case_id).or_default().push(event);
    }
    let mut listed = store.report_listed(from, to).await?;
    let extras: HashMap<i64, ExportExtra> = store
        .export_extras(from, to)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let mut acknowledgements: HashMap<i64, Acknowledgement> = HashMap::new();
    for a in store.export_acknowledgements(from, to).await? {
        acknowledgements.entry(a.case_id).or_insert(a);
    }
    let mut out = String::new();
    csv::write_record(&mut out, COLUMNS);
    let mut written = 0;
    for case in cases {
        // Written between the two reads: it belongs to the next export.
        let Some(extra) = extras.get(&case.id) else {
            continue;
        };
        let id = case.id;
        let cells = row(
            Source {
                case,
                events: events.get(&id).map(Vec::as_slice).unwrap_or_default(),
                listed: listed.remove(&id).unwrap_or_default(),
                extra,
                acknowledgement: acknowledgements.get(&id),
            },
            calendar,
            with_summaries,
        );
        csv::write_record(&mut out, &cells);
        written += 1;
    }
    Ok((out, written))
}

/// `have-your-say export --year Y [--output FILE] [--with-summaries]`: the file's text when
/// there is no `--output`, else a line saying what was written.
pub async fn run_export(
    config: &Config,
    year: i32,
    output: Option<&Path>,
    with_summaries: bool,
) -> Result<String, ImportError> {
    let year = FinancialYear::new(year).ok_or(ImportError::Year)?;
    let calendar = Calendar::with_closures(config.closure_days.iter().copied());
    let store = Store::open(&config.database_url, 1).await?;
    let result = async {
        let (text, written) = csv_for_year(&store, &calendar, year, with_summaries).await?;
        // Recorded before the file is handed out, as the report's export is.
        store.audit_export(year.start_year(), written).await?;
        Ok::<_, ImportError>((text, written))
    }
    .await;
    store.close().await;
    let (text, written) = result?;
    match output {
        None => Ok(text),
        Some(path) => {
            std::fs::write(path, text).map_err(|source| ImportError::Write {
                path: path.display().to_string(),
                source,
            })?;
            Ok(format!(
                "ok: {written} cases received in {} written to {}\n",
                year.label(),
                path.display()
            ))
        }
    }
}
