//! One record of the import file read cell by cell into a [`Row`]. Every cell is checked and
//! every problem kept with its line and column, so one run lists them all.

use std::collections::HashSet;

use time::Date;

use super::Problem;
use super::columns::{Header, OmbudsmanColumns, Row, STAGE_COLUMNS, StageColumns};
use crate::domain::facts::parse_pounds;
use crate::domain::{
    AdvocateWanted, CaseKind, Category, OmbudsmanDecision, Outcome, Procedure, StageFacts,
    SubmitterRole,
};
use crate::report::values::FinancialYear;

const ID_MAX: usize = 100;
const SHORT_MAX: usize = 100;
const REASON_MAX: usize = 2000;
const SUMMARY_MAX: usize = 5000;
/// The staff page's limits for the same fields.
const NAME_MAX: usize = 100;
const REMEDY_FOR_MAX: usize = 500;
const OMBUDSMAN_REMEDY_MAX: usize = 1000;

/// The cells of one record, by column name.
pub struct Cells<'a> {
    pub line: usize,
    header: &'a Header,
    fields: &'a [String],
    problems: Vec<Problem>,
}

const DATE: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

impl<'a> Cells<'a> {
    pub fn new(line: usize, header: &'a Header, fields: &'a [String]) -> Self {
        Self {
            line,
            header,
            fields,
            problems: Vec::new(),
        }
    }

    /// The cell, trimmed; empty when the file has no such column.
    pub fn text(&self, column: &'static str) -> &'a str {
        self.header
            .position(column)
            .and_then(|i| self.fields.get(i))
            .map_or("", |s| s.trim())
    }

    pub fn refuse(&mut self, column: &str, message: impl Into<String>) {
        self.problems.push(Problem::at(self.line, column, message));
    }

    /// A closed set: `parse` of the cell, or a problem listing what is allowed.
    fn one_of<T>(
        &mut self,
        column: &'static str,
        parse: impl Fn(&str) -> Option<T>,
        allowed: &[&str],
        default: Option<T>,
    ) -> Option<T> {
        let text = self.text(column);
        if text.is_empty() {
            if default.is_none() {
                self.refuse(column, "a value is required");
            }
            return default;
        }
        let value = parse(&text.to_lowercase());
        if value.is_none() {
            self.refuse(
                column,
                format!("{text:?} is not one of: {}", allowed.join(", ")),
            );
        }
        value
    }

    fn text_up_to(&mut self, column: &'static str, max: usize) -> Option<String> {
        let text = self.text(column);
        if text.chars().count() > max {
            self.refuse(column, format!("longer than {max} characters"));
        }
        (!text.is_empty()).then(|| text.to_owned())
    }

    fn date(&mut self, column: &'static str) -> Option<Date> {
        let text = self.text(column);
        if text.is_empty() {
            return None;
        }
        let date = Date::parse(text, DATE)
            .ok()
            .filter(|d| d.year() >= FinancialYear::EARLIEST);
        if date.is_none() {
            self.refuse(
                column,
                format!("{text:?} is not a date as YYYY-MM-DD (e.g. 2025-06-07), from 2000 on"),
            );
        }
        date
    }

    /// Several dates separated by `;`, oldest first.
    fn dates(&mut self, column: &'static str) -> Vec<Date> {
        let text = self.text(column);
        let mut dates = Vec::new();
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            match Date::parse(part, DATE)
                .ok()
                .filter(|d| d.year() >= FinancialYear::EARLIEST)
            {
                Some(d) => dates.push(d),
                None => {
                    self.refuse(
                        column,
                        format!("{part:?} is not a date as YYYY-MM-DD (several: separate with ;)"),
                    );
                    return Vec::new();
                }
            }
        }
        if dates.windows(2).any(|w| w[0] > w[1]) {
            self.refuse(column, "the dates are not in order, oldest first");
        }
        dates
    }

    fn yes_no(&mut self, column: &'static str) -> bool {
        match self.text(column).to_lowercase().as_str() {
            "" | "no" => false,
            "yes" => true,
            other => {
                self.refuse(column, format!("{other:?} is not yes or no"));
                false
            }
        }
    }

    fn stage(&mut self, n: usize) -> StageColumns {
        let [
            requested,
            late,
            extended,
            reason,
            paused,
            resumed,
            responded,
            outcome,
        ] = STAGE_COLUMNS[n];
        let outcomes: Vec<&str> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
        StageColumns {
            requested_on: requested.and_then(|c| self.date(c)),
            late_reason: late.and_then(|c| self.text_up_to(c, REASON_MAX)),
            extended_on: extended.and_then(|c| self.date(c)),
            extension_reason: reason.and_then(|c| self.text_up_to(c, REASON_MAX)),
            paused_on: paused.map(|c| self.dates(c)).unwrap_or_default(),
            resumed_on: resumed.map(|c| self.dates(c)).unwrap_or_default(),
            responded_on: responded.and_then(|c| self.date(c)),
            outcome: outcome
                .and_then(|c| (!self.text(c).is_empty()).then_some(c))
                .and_then(|c| self.one_of(c, Outcome::parse, &outcomes, None)),
        }
    }

    /// Read every cell; `Err` with every problem found.
    pub fn row(mut self, seen: &mut HashSet<String>) -> Result<Row, Vec<Problem>> {
        if self.fields.len() != self.header.width {
            self.problems.push(Problem::line(
                self.line,
                format!(
                    "{} fields, but the first line names {} columns",
                    self.fields.len(),
                    self.header.width
                ),
            ));
            return Err(self.problems);
        }
        let external_id = self.text("external_id").to_owned();
        if external_id.is_empty() {
            self.refuse("external_id", "a value is required");
        } else if external_id.chars().count() > ID_MAX {
            self.refuse("external_id", format!("longer than {ID_MAX} characters"));
        } else if !seen.insert(external_id.clone()) {
            self.refuse("external_id", "the same id is on an earlier line");
        }
        let kinds: Vec<&str> = CaseKind::ALL.iter().map(|k| k.as_str()).collect();
        let kind = self.one_of("kind", CaseKind::parse, &kinds, None);
        let procedures: Vec<&str> = Procedure::ALL.iter().map(|p| p.as_str()).collect();
        let procedure = if self.text("procedure").is_empty() {
            Some(None)
        } else {
            self.one_of("procedure", Procedure::parse, &procedures, None)
                .map(Some)
        };
        let received_on = self.date("received_on");
        if received_on.is_none() && self.text("received_on").is_empty() {
            self.refuse("received_on", "a value is required");
        }
        let received_time = self.time("received_time");
        let method = self.text("method_of_receipt").to_lowercase();
        if method.is_empty() {
            self.refuse("method_of_receipt", "a value is required");
        }
        let roles: Vec<&str> = SubmitterRole::ALL.iter().map(|r| r.as_str()).collect();
        let submitted_by = self.one_of("submitted_by", SubmitterRole::parse, &roles, None);
        let categories: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        let category = if self.text("category").is_empty() {
            None
        } else {
            self.one_of("category", Category::parse, &categories, None)
        };
        let categories = self.ids("categories");
        let teams = self.ids("teams");
        let actions_taken = self.ids("actions_taken");
        let council_outcome = self.text_up_to("council_outcome", SHORT_MAX);
        let advocates: Vec<&str> = AdvocateWanted::ALL.iter().map(|a| a.as_str()).collect();
        let advocate = self.one_of(
            "advocate_wanted",
            AdvocateWanted::parse,
            &advocates,
            Some(AdvocateWanted::No),
        );
        let age = self.age();
        let language = self.language();
        let urgent = self.yes_no("urgent");
        let summary = self.text_up_to("summary", SUMMARY_MAX);
        let acknowledged_on = self.date("acknowledged_on");
        let stages = [self.stage(0), self.stage(1), self.stage(2)];
        let closed_on = self.date("closed_on");
        let facts = self.facts();
        let ombudsman = self.ombudsman();
        match (
            kind,
            procedure,
            received_on,
            submitted_by,
            advocate,
            self.problems.is_empty(),
        ) {
            (
                Some(kind),
                Some(procedure),
                Some(received_on),
                Some(submitted_by),
                Some(advocate),
                true,
            ) => Ok(Row {
                line: self.line,
                external_id,
                kind,
                procedure,
                received_on,
                received_time,
                method,
                submitted_by,
                category,
                categories,
                teams,
                actions_taken,
                council_outcome,
                advocate,
                age,
                language,
                urgent,
                summary,
                acknowledged_on,
                stages,
                closed_on,
                facts,
                ombudsman,
            }),
            _ => Err(self.problems),
        }
    }

    /// A sum in pounds as typed (`1250.50`, `£1,250.50`, `45`), in pence.
    fn pounds(&mut self, column: &'static str) -> Option<i64> {
        let text = self.text(column);
        if text.is_empty() {
            return None;
        }
        let pence = parse_pounds(text);
        if pence.is_none() {
            self.refuse(
                column,
                format!("{text:?} is not an amount in pounds such as 1250.50"),
            );
        }
        pence
    }

    fn facts(&mut self) -> StageFacts {
        StageFacts {
            investigating_officer: self.text_up_to("investigating_officer", NAME_MAX),
            independent_person: self.text_up_to("independent_person", NAME_MAX),
            panel_on: self.date("stage3_panel_on"),
            cost_investigation_pence: self.pounds("cost_investigation"),
            cost_independent_person_pence: self.pounds("cost_independent_person"),
            cost_panel_pence: self.pounds("cost_panel"),
            remedy_pence: self.pounds("remedy"),
            remedy_for: self.text_up_to("remedy_for", REMEDY_FOR_MAX),
        }
    }

    fn ombudsman(&mut self) -> OmbudsmanColumns {
        let decisions: Vec<&str> = OmbudsmanDecision::ALL.iter().map(|d| d.as_str()).collect();
        OmbudsmanColumns {
            received_on: self.date("ombudsman_received_on"),
            decision: if self.text("ombudsman_decision").is_empty() {
                None
            } else {
                self.one_of(
                    "ombudsman_decision",
                    OmbudsmanDecision::parse,
                    &decisions,
                    None,
                )
            },
            remedy: self.text_up_to("ombudsman_remedy", OMBUDSMAN_REMEDY_MAX),
        }
    }

    fn time(&mut self, column: &'static str) -> (u8, u8) {
        let text = self.text(column);
        if text.is_empty() {
            // Midday: the clock starts that day if it was a working day, as for a letter
            // opened that morning.
            return (12, 0);
        }
        let parsed = text.split_once(':').and_then(|(h, m)| {
            let (h, m) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
            (h < 24 && m < 60 && text.len() == 5).then_some((h, m))
        });
        parsed.unwrap_or_else(|| {
            self.refuse(
                column,
                format!("{text:?} is not a time as HH:MM (e.g. 09:30)"),
            );
            (12, 0)
        })
    }

    /// A `;`-separated list of ids from the council's lists, in order, repeats kept (a
    /// category mentioned twice counts twice); the replay checks each is on the lists.
    fn ids(&mut self, column: &'static str) -> Vec<String> {
        let parts: Vec<String> = self
            .text(column)
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect();
        if parts.iter().any(|p| p.chars().count() > SHORT_MAX) {
            self.refuse(
                column,
                format!("an entry is longer than {SHORT_MAX} characters"),
            );
        }
        parts
    }

    fn age(&mut self) -> Option<i64> {
        let text = self.text("age");
        if text.is_empty() {
            return None;
        }
        let age = text.parse::<i64>().ok().filter(|a| (0..=120).contains(a));
        if age.is_none() {
            self.refuse(
                "age",
                format!("{text:?} is not a whole number from 0 to 120"),
            );
        }
        age
    }

    /// A language tag such as `en-GB` or `pl`, stored in its usual form.
    fn language(&mut self) -> String {
        let text = self.text("language");
        if text.is_empty() {
            return crate::i18n::FALLBACK.to_owned();
        }
        match text.parse::<unic_langid::LanguageIdentifier>() {
            Ok(tag) if text.len() <= 35 => tag.to_string(),
            _ => {
                self.refuse(
                    "language",
                    format!("{text:?} is not a language tag such as en-GB or pl"),
                );
                String::new()
            }
        }
    }
}
