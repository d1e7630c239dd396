//! Which tables the report has, in order, and the relations between tables that a published
//! copy must respect ([`super::suppress`]). Every table is counted here from the same cases,
//! so the page, the CSVs, JSON and the command line cannot disagree.

use super::breakdowns;
use super::procedure::{self, Setting};
use super::redress;
use super::stages::CaseHistory;
use super::tables::{
    Link, Part, Report, Rows, Table, Years, counted, each, fixed, in_scope, labelled, listed,
    maybe, of_kind, one, only, teams,
};
use super::values::{AgeBand, FinancialYear};
use crate::domain::{AdvocateWanted, CaseKind, Category, Procedure, SubmitterRole};
use crate::lists::counting::{CategoryCounting, Scope, StageCounting};

/// Every table id, each with a title `report-table-<id>` and a sentence `report-about-<id>`
/// in `locales/`.
pub const TABLE_IDS: &[&str] = &[
    "received-by-kind",
    "received-by-procedure",
    "complaints-by-stage",
    "escalations",
    "submitted-by",
    "advocacy",
    "method-of-receipt",
    "complaints-by-category",
    "complaint-aspects",
    "complaint-groups",
    "complaints-by-team",
    "team-stage-1",
    "team-stage-2",
    "team-stage-3",
    "outcomes",
    "outcomes-stage-1",
    "outcomes-stage-2",
    "outcomes-stage-3",
    "timescales-stage-1",
    "timescales-stage-2",
    "timescales-stage-3",
    "dispute-resolution",
    "times-by-service",
    "times-by-team",
    "complaints-by-quarter",
    "days-by-quarter",
    "acknowledgement",
    "ombudsman",
    "costs",
    "compliments-by-category",
    "compliment-categories",
    "compliments-by-team",
    "urgent",
    "age-bands",
    "languages",
];

/// The quantity key of a kind's count.
fn kind_key(kind: CaseKind) -> String {
    if kind == CaseKind::Complaint {
        "complaints:all".to_owned()
    } else {
        format!("kind:{}", kind.as_str())
    }
}

/// Build every table for the last of `years` (oldest first, each with the cases received in
/// it) beside the years before.
/// `ombudsman` holds each year's Ombudsman decisions, counted by the year of the enquiry
/// ([`redress::enquiries_by_year`]).
pub fn build(
    years: &[(FinancialYear, &[CaseHistory])],
    ombudsman: &[Vec<Option<String>>],
    setting: &Setting<'_>,
) -> Report {
    let lists = &setting.rules.lists;
    let counting = &lists.report;
    let all: Vec<Vec<&CaseHistory>> = years.iter().map(|(_, c)| c.iter().collect()).collect();
    let complaints = only(&all, |c| of_kind(c, CaseKind::Complaint));
    let compliments = only(&all, |c| of_kind(c, CaseKind::Compliment));
    let mut tables = vec![received_by_kind(&all), received_by_procedure(&complaints)];
    for &scope in &counting.procedures {
        let cases = only(&all, |c| in_scope(c, scope));
        let stages = procedure::stages_of(scope, setting.rules);
        tables.push(procedure::by_stage(&cases, scope, stages));
        tables.push(procedure::escalations(&cases, scope, stages));
    }
    tables.extend(who_and_how(&all, counting.split_by_kind, lists));
    tables.extend(categories(&complaints, counting.categories, lists));
    tables.push(counted(
        "complaints-by-team",
        true,
        &complaints,
        |c| each(&c.teams),
        teams(lists),
    ));
    for stage in 1..=3 {
        tables.push(breakdowns::team_at_stage(&complaints, stage, lists));
    }
    let mut links = Vec::new();
    for &scope in &counting.procedures {
        let cases = only(&all, |c| in_scope(c, scope));
        let stages = procedure::stages_of(scope, setting.rules);
        let final_at = (counting.outcomes == StageCounting::FinalStage).then_some(tables.len());
        if final_at.is_some() {
            tables.push(procedure::final_outcomes(&cases, scope));
        }
        let first = tables.len();
        for stage in 1..=stages {
            tables.push(procedure::outcomes(&cases, scope, stage, counting.outcomes));
        }
        // Each complaint once at its last stage: the stage tables add up, row by row, to
        // the table of final outcomes.
        if let Some(whole) = final_at {
            let rows = tables[whole].rows.len();
            for r in 0..rows {
                links.push(Link {
                    parts: (first..tables.len()).map(|t| (t, r)).collect(),
                    total: (whole, r),
                });
            }
        }
        for stage in 1..=stages {
            tables.push(procedure::timescales(&cases, scope, stage, setting));
        }
        tables.push(procedure::dispute_resolution(&cases, scope));
    }
    tables.push(breakdowns::times_by(&complaints, setting, true));
    tables.push(breakdowns::times_by(&complaints, setting, false));
    tables.push(breakdowns::by_quarter(&complaints));
    if let Some(&scope) = counting.procedures.first() {
        tables.push(breakdowns::days_by_quarter(&complaints, setting, scope));
    }
    tables.push(breakdowns::acknowledgement(&complaints, setting));
    tables.push(redress::ombudsman(ombudsman));
    tables.push(redress::costs(&complaints));
    tables.extend(compliments_and_more(&all, &compliments, lists));
    let last = years.last().map_or(FinancialYear::of_ms(0), |(y, _)| *y);
    Report {
        year: last,
        years: years.iter().map(|(y, _)| *y).collect(),
        tables,
        links,
        small_numbers: counting.small_numbers,
    }
}

fn received_by_kind(all: &Years<'_>) -> Table {
    let mut table = counted(
        "received-by-kind",
        true,
        all,
        |c| one(&c.case.kind),
        Rows {
            total: true,
            ..fixed(labelled(CaseKind::ALL, CaseKind::as_str, "label-kind-"))
        },
    )
    .of("all");
    for row in &mut table.rows {
        if let Some(kind) = CaseKind::parse(&row.id) {
            row.quantity = Some(kind_key(kind));
        }
    }
    table
}

fn received_by_procedure(complaints: &Years<'_>) -> Table {
    let mut table = counted(
        "received-by-procedure",
        false,
        complaints,
        |c| one(&c.case.procedure),
        Rows {
            total: true,
            ..fixed(labelled(
                Procedure::ALL,
                Procedure::as_str,
                "report-procedure-",
            ))
        },
    )
    .of("complaints:all");
    for row in &mut table.rows {
        if Procedure::parse(&row.id).is_some() {
            row.quantity = Some(format!("complaints:{}", row.id));
        }
    }
    table
}

/// Who made them and how they arrived: one table of each per kind, or one mixing the kinds.
fn who_and_how(all: &Years<'_>, split: bool, lists: &crate::lists::Lists) -> Vec<Table> {
    let methods = || {
        listed(
            lists
                .receipt_methods
                .iter()
                .map(|m| (m.id.as_str(), m.label.as_str())),
        )
    };
    let submitters = || {
        fixed(labelled(
            SubmitterRole::ALL,
            SubmitterRole::as_str,
            "report-submitted-by-",
        ))
    };
    let pair = |cases: &Years<'_>| {
        [
            counted(
                "submitted-by",
                true,
                cases,
                |c| one(&c.case.submitted_by),
                Rows {
                    total: true,
                    ..submitters()
                },
            ),
            counted(
                "method-of-receipt",
                true,
                cases,
                |c| one(&c.case.method_of_receipt),
                Rows {
                    total: true,
                    ..methods()
                },
            ),
        ]
    };
    let mut out = Vec::new();
    if split {
        let mut whos = Vec::new();
        let mut hows = Vec::new();
        for &kind in CaseKind::ALL {
            let cases = only(all, |c| of_kind(c, kind));
            // Kinds nobody sent in any year shown would be empty tables.
            if cases.iter().all(Vec::is_empty) && kind != CaseKind::Complaint {
                continue;
            }
            let [who, how] = pair(&cases);
            whos.push(who.of(kind_key(kind)).about(Part::Kind(kind)));
            hows.push(how.of(kind_key(kind)).about(Part::Kind(kind)));
        }
        out.extend(whos);
        out.extend(hows);
    } else {
        let [who, how] = pair(all);
        out.extend([who.of("all"), how.of("all")]);
    }
    out.insert(
        out.len() / 2,
        counted(
            "advocacy",
            false,
            all,
            |c| one(&c.case.advocate_wanted),
            Rows {
                total: true,
                ..fixed(labelled(
                    AdvocateWanted::ALL,
                    AdvocateWanted::as_str,
                    "report-advocate-",
                ))
            },
        )
        .of("all"),
    );
    out
}

/// Complaint categories: the service's own, and the council's by mention or by complaint,
/// each category and each group.
fn categories(
    complaints: &Years<'_>,
    rule: CategoryCounting,
    lists: &crate::lists::Lists,
) -> Vec<Table> {
    // Every mention, or each category (or group) once per complaint.
    let by_rule = |mut ids: Vec<String>| -> Vec<Option<String>> {
        if rule == CategoryCounting::Complaint {
            ids.sort();
            ids.dedup();
        }
        ids.into_iter().map(Some).collect()
    };
    let group_of = |id: &str| {
        lists
            .complaint_categories()
            .find(|(_, c)| c.id == id)
            .map_or_else(|| id.to_owned(), |(g, _)| g.id.clone())
    };
    let per_key = rule == CategoryCounting::Mention;
    vec![
        counted(
            "complaints-by-category",
            true,
            complaints,
            |c| maybe(c.case.category.as_ref()),
            fixed(labelled(Category::ALL, Category::as_str, "label-category-")),
        ),
        counted(
            "complaint-aspects",
            false,
            complaints,
            |c| by_rule(c.mentions.clone()),
            Rows {
                per_key,
                total: per_key,
                ..listed(
                    lists
                        .complaint_categories()
                        .map(|(_, c)| (c.id.as_str(), c.label.as_str())),
                )
            },
        ),
        counted(
            "complaint-groups",
            true,
            complaints,
            |c| by_rule(c.mentions.iter().map(|m| group_of(m)).collect()),
            Rows {
                per_key,
                total: per_key,
                ..listed(
                    lists
                        .complaint_groups
                        .iter()
                        .map(|g| (g.id.as_str(), g.label.as_str())),
                )
            },
        ),
    ]
}

fn compliments_and_more(
    all: &Years<'_>,
    compliments: &Years<'_>,
    lists: &crate::lists::Lists,
) -> Vec<Table> {
    vec![
        counted(
            "compliments-by-category",
            true,
            compliments,
            |c| maybe(c.case.category.as_ref()),
            fixed(labelled(Category::ALL, Category::as_str, "label-category-")),
        ),
        counted(
            "compliment-categories",
            true,
            compliments,
            |c| c.mentions.iter().cloned().map(Some).collect(),
            listed(
                lists
                    .compliment_categories
                    .iter()
                    .map(|c| (c.id.as_str(), c.label.as_str())),
            ),
        ),
        counted(
            "compliments-by-team",
            false,
            compliments,
            |c| each(&c.teams),
            teams(lists),
        ),
        counted(
            "urgent",
            false,
            all,
            |c| {
                if c.case.urgent == 1 {
                    one("urgent")
                } else {
                    Vec::new()
                }
            },
            Rows {
                others: false,
                ..fixed([("urgent", "report-row-urgent".to_owned())])
            },
        ),
        counted(
            "age-bands",
            true,
            all,
            |c| one(AgeBand::of(c.case.age).as_str()),
            Rows {
                others: false,
                ..fixed(labelled(AgeBand::ALL, AgeBand::as_str, "report-age-"))
            },
        ),
        counted("languages", false, all, |c| one(&c.case.locale), fixed([])),
    ]
}

/// Message ids the procedure scopes and kinds use.
pub fn part_ids() -> Vec<String> {
    let mut ids: Vec<String> = [
        Scope::Statutory,
        Scope::Corporate,
        Scope::Informal,
        Scope::All,
    ]
    .iter()
    .map(|s| Part::Procedure(*s).message_id())
    .collect();
    ids.extend(CaseKind::ALL.iter().map(|k| Part::Kind(*k).message_id()));
    ids
}
