//! The report as words: cell text (with small numbers hidden where published), CSV and JSON.
//!
//! In anything meant for publishing, a count from 1 to the council's threshold, and any cell
//! that would give one away, is "not shown" ([`super::suppress`]): one marker for both, so the
//! marker itself gives nothing away. A percentage or average worked out from a hidden count
//! is not shown either. Managers see
//! exact figures on the page and in their own CSV. Averages have two decimal places (councils
//! publish 15.79 working days), percentages one.

use fluent::FluentValue;
use serde_json::{Value, json};

use super::suppress::{Hidden, Suppression};
use super::tables::{Label, Report, Row, RowKind, Table};
use crate::i18n::Words;

/// Who the output is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Managers: exact figures.
    Exact,
    /// Publishing: small numbers hidden.
    Public,
}

pub fn label(t: &Words<'_>, label: &Label) -> String {
    match label {
        Label::Message(id) => t.get(id),
        Label::Text(text) => text.clone(),
        Label::Pair(a, b) => format!("{}: {}", self::label(t, a), self::label(t, b)),
    }
}

pub fn title(t: &Words<'_>, table: &Table) -> String {
    let title = t.get(&format!("report-table-{}", table.id));
    match table.part {
        None => title,
        Some(part) => t.get_with(
            "report-title-part",
            &[
                ("title", FluentValue::from(title)),
                ("part", FluentValue::from(t.get(&part.message_id()))),
            ],
        ),
    }
}

pub fn about(t: &Words<'_>, table: &Table) -> String {
    t.get(&format!("report-about-{}", table.id))
}

/// What one cell says.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    Number(i64),
    /// An average: two decimal places.
    Average(f64),
    /// A percentage: one decimal place.
    Percent(f64),
    /// Whole pence.
    Money(i64),
    /// A small number, one that would give a small one away, or a percentage or average
    /// from one.
    Withheld,
    Nothing,
}

/// The report as one audience sees it: what each cell shows.
pub struct Published<'r> {
    pub report: &'r Report,
    pub suppression: Suppression,
}

impl<'r> Published<'r> {
    pub fn new(report: &'r Report, audience: Audience) -> Self {
        let suppression = match audience {
            Audience::Exact => Suppression::none(),
            Audience::Public => Suppression::of(report, report.small_numbers),
        };
        Self {
            report,
            suppression,
        }
    }

    fn hidden(&self, t: usize, r: usize, c: usize) -> Option<Hidden> {
        self.suppression.hidden((t, r, c))
    }

    /// The number of table `t`, row `r`, year column `c` (oldest first).
    pub fn count(&self, t: usize, r: usize, c: usize) -> Shown {
        let Some(row) = self.report.tables.get(t).and_then(|x| x.rows.get(r)) else {
            return Shown::Nothing;
        };
        let Some(cell) = row.cells().get(c).copied().copied() else {
            return Shown::Nothing;
        };
        match (row.kind, self.hidden(t, r, c)) {
            (RowKind::Money, _) => Shown::Money(cell.count),
            (RowKind::Average, Some(_)) => Shown::Withheld,
            (RowKind::Average, None) => cell.average.map_or(Shown::Nothing, Shown::Average),
            (_, Some(_)) => Shown::Withheld,
            (_, None) => Shown::Number(cell.count),
        }
    }

    pub fn percent(&self, t: usize, r: usize, c: usize) -> Shown {
        let Some(row) = self.report.tables.get(t).and_then(|x| x.rows.get(r)) else {
            return Shown::Nothing;
        };
        let Some(cell) = row.cells().get(c).copied().copied() else {
            return Shown::Nothing;
        };
        match cell.percent {
            None => Shown::Nothing,
            Some(_) if matches!(row.kind, RowKind::Average | RowKind::Money) => Shown::Nothing,
            Some(_) if self.hidden(t, r, c).is_some() || self.suppression.percent_hidden(t, c) => {
                Shown::Withheld
            }
            Some(p) => Shown::Percent(p),
        }
    }

    /// Whether a cell is hidden, for JSON.
    pub fn is_hidden(&self, t: usize, r: usize, c: usize) -> bool {
        self.hidden(t, r, c).is_some()
    }
}

fn one_place(x: f64) -> String {
    format!("{x:.1}")
}

fn two_places(x: f64) -> String {
    format!("{x:.2}")
}

/// Pence as pounds with thousands separated: `31,027.24`.
pub fn pounds(pence: i64) -> String {
    let (pounds, pence) = (pence / 100, (pence % 100).abs());
    let digits = pounds.abs().to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if pounds < 0 { "-" } else { "" };
    format!("{sign}{grouped}.{pence:02}")
}

/// For people: `42.5%`, `15.79`, `£31,027.24`, `not shown`, `–`.
pub fn text(t: &Words<'_>, shown: &Shown) -> String {
    match shown {
        Shown::Number(n) => n.to_string(),
        Shown::Average(x) => two_places(*x),
        Shown::Percent(x) => t.get_with(
            "report-percent",
            &[("value", FluentValue::from(one_place(*x)))],
        ),
        Shown::Money(p) => t.get_with("report-money", &[("value", FluentValue::from(pounds(*p)))]),
        Shown::Withheld => t.get("report-withheld"),
        Shown::Nothing => t.get("report-nothing"),
    }
}

/// For spreadsheets: bare numbers, words only where a number is hidden, empty for nothing.
fn csv_text(t: &Words<'_>, shown: &Shown) -> String {
    match shown {
        Shown::Number(n) => n.to_string(),
        Shown::Average(x) => two_places(*x),
        Shown::Percent(x) => one_place(*x),
        Shown::Money(p) => format!("{}.{:02}", p / 100, (p % 100).abs()),
        Shown::Withheld => text(t, shown),
        Shown::Nothing => String::new(),
    }
}

/// One CSV field: quoted when it must be, and never read as a formula by a spreadsheet (a team
/// name is typed by staff and could start with `=`).
fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// Every table in one sheet: table, row, then number and percentage for each year.
pub fn csv(t: &Words<'_>, report: &Report, audience: Audience) -> String {
    let view = Published::new(report, audience);
    let mut header = vec![t.get("report-csv-table"), t.get("report-csv-row")];
    for year in &report.years {
        let label = year.label();
        let year = || [("year", FluentValue::from(label.as_str()))];
        header.push(t.get_with("report-csv-number", &year()));
        header.push(t.get_with("report-csv-percent", &year()));
    }
    let mut lines = vec![
        header
            .iter()
            .map(|h| field(h))
            .collect::<Vec<_>>()
            .join(","),
    ];
    for (ti, table) in report.tables.iter().enumerate() {
        let title = title(t, table);
        for (ri, row) in table.rows.iter().enumerate() {
            let mut cells = vec![title.clone(), label(t, &row.label)];
            for c in 0..report.years.len() {
                cells.push(csv_text(t, &view.count(ti, ri, c)));
                cells.push(csv_text(t, &view.percent(ti, ri, c)));
            }
            lines.push(cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        }
    }
    let mut out = lines.join("\r\n");
    out.push_str("\r\n");
    out
}

fn json_cell(view: &Published<'_>, row: &Row, at: (usize, usize, usize)) -> Value {
    let (t, r, c) = at;
    let number = |shown: Shown| match shown {
        Shown::Number(n) | Shown::Money(n) => json!(n),
        Shown::Average(x) => json!((x * 100.0).round() / 100.0),
        Shown::Percent(x) => json!((x * 10.0).round() / 10.0),
        _ => Value::Null,
    };
    let hidden = view.is_hidden(t, r, c);
    let count = row.cells().get(c).map_or(0, |cell| cell.count);
    match row.kind {
        RowKind::Average => json!({
            "average": number(view.count(t, r, c)),
            "cases": if hidden || view.suppression.threshold > 0 { Value::Null } else { json!(count) },
            "suppressed": hidden,
        }),
        RowKind::Money => json!({ "pence": count }),
        RowKind::Count | RowKind::Total => json!({
            "count": number(view.count(t, r, c)),
            "percent": number(view.percent(t, r, c)),
            "suppressed": hidden,
        }),
    }
}

pub fn json(t: &Words<'_>, report: &Report, audience: Audience) -> Value {
    let view = Published::new(report, audience);
    let year = report.year;
    let last = report.years.len().saturating_sub(1);
    json!({
        "year": year.label(),
        "from": year.first_day().to_string(),
        "to": year.last_day().to_string(),
        "previous_year": year.previous().label(),
        "years": report.years.iter().map(|y| y.label()).collect::<Vec<_>>(),
        "small_numbers_hidden": audience == Audience::Public && report.small_numbers > 0,
        "tables": report.tables.iter().enumerate().map(|(ti, table)| json!({
            "id": table.id,
            "part": table.part.map(|p| p.as_str()),
            "title": title(t, table),
            "rows": table.rows.iter().enumerate().map(|(ri, row)| json!({
                "id": row.id,
                "label": label(t, &row.label),
                "previous": json_cell(&view, row, (ti, ri, last.saturating_sub(1))),
                "current": json_cell(&view, row, (ti, ri, last)),
                "years": (0..=last).map(|c| json_cell(&view, row, (ti, ri, c))).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1"), "'-1");
    }

    #[test]
    fn money_is_grouped_in_thousands_with_pence() {
        assert_eq!(pounds(3_102_724), "31,027.24");
        assert_eq!(pounds(5_850), "58.50");
        assert_eq!(pounds(14_317_796), "143,177.96");
        assert_eq!(pounds(0), "0.00");
        assert_eq!(two_places(373.0 / 3.0), "124.33");
        assert_eq!(two_places(2400.0 / 152.0), "15.79");
    }
}
