//! The report as words: cell text (with the small-number rule), CSV and JSON.
//!
//! Small numbers: in anything meant for publishing, a count from 1 to 4 is shown as "fewer than
//! 5" (0 stays 0), and the percentage or average worked out from it is not shown either, since
//! either would give the number away. Managers see exact figures on the page and in their own
//! CSV.

use fluent::FluentValue;
use serde_json::{Value, json};

use super::tables::{Cell, Label, Report, Row, RowKind, Table};
use crate::web::view::Words;

/// Counts from 1 to this are hidden in public output.
pub const SMALL: i64 = 4;

/// Who the output is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Managers: exact figures.
    Exact,
    /// Publishing: small numbers hidden.
    Public,
}

pub fn is_small(n: i64) -> bool {
    (1..=SMALL).contains(&n)
}

pub fn label(t: &Words<'_>, label: &Label) -> String {
    match label {
        Label::Message(id) => t.get(id),
        Label::Text(text) => text.clone(),
    }
}

pub fn title(t: &Words<'_>, table: &Table) -> String {
    t.get(&format!("report-table-{}", table.id))
}

pub fn about(t: &Words<'_>, table: &Table) -> String {
    t.get(&format!("report-about-{}", table.id))
}

/// What one cell says.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    Number(i64),
    Decimal(f64),
    /// A count from 1 to 4, in public output.
    FewerThanFive,
    /// A percentage or average from such a count.
    Withheld,
    Nothing,
}

pub fn count(row: &Row, cell: &Cell, audience: Audience) -> Shown {
    let hide = audience == Audience::Public && is_small(cell.count);
    match row.kind {
        RowKind::Count | RowKind::Total if hide => Shown::FewerThanFive,
        RowKind::Count | RowKind::Total => Shown::Number(cell.count),
        RowKind::Average if hide => Shown::Withheld,
        RowKind::Average => cell.average.map_or(Shown::Nothing, Shown::Decimal),
    }
}

pub fn percent(row: &Row, cell: &Cell, audience: Audience) -> Shown {
    match cell.percent {
        None => Shown::Nothing,
        Some(_) if audience == Audience::Public && is_small(cell.count) => Shown::Withheld,
        Some(_) if row.kind == RowKind::Average => Shown::Nothing,
        Some(p) => Shown::Decimal(p),
    }
}

fn one_place(x: f64) -> String {
    format!("{x:.1}")
}

/// For people: `42.5%`, `fewer than 5`, `–`.
pub fn text(t: &Words<'_>, shown: &Shown, is_percent: bool) -> String {
    match shown {
        Shown::Number(n) => n.to_string(),
        Shown::Decimal(x) if is_percent => t.get_with(
            "report-percent",
            &[("value", FluentValue::from(one_place(*x)))],
        ),
        Shown::Decimal(x) => one_place(*x),
        Shown::FewerThanFive => t.get("report-fewer-than-five"),
        Shown::Withheld => t.get("report-withheld"),
        Shown::Nothing => t.get("report-nothing"),
    }
}

/// For spreadsheets: bare numbers, words only where a number is hidden, empty for nothing.
fn csv_text(t: &Words<'_>, shown: &Shown) -> String {
    match shown {
        Shown::Number(n) => n.to_string(),
        Shown::Decimal(x) => one_place(*x),
        Shown::FewerThanFive => t.get("report-fewer-than-five"),
        Shown::Withheld => t.get("report-withheld"),
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
    let years = [report.year.previous().label(), report.year.label()];
    let mut header = vec![t.get("report-csv-table"), t.get("report-csv-row")];
    for year in &years {
        let year = || [("year", FluentValue::from(year.as_str()))];
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
    for table in &report.tables {
        let title = title(t, table);
        for row in &table.rows {
            let mut cells = vec![title.clone(), label(t, &row.label)];
            for cell in [&row.previous, &row.current] {
                cells.push(csv_text(t, &count(row, cell, audience)));
                cells.push(csv_text(t, &percent(row, cell, audience)));
            }
            lines.push(cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        }
    }
    let mut out = lines.join("\r\n");
    out.push_str("\r\n");
    out
}

fn json_cell(row: &Row, cell: &Cell, audience: Audience) -> Value {
    let number = |shown: Shown| match shown {
        Shown::Number(n) => json!(n),
        Shown::Decimal(x) => json!((x * 10.0).round() / 10.0),
        _ => Value::Null,
    };
    let hidden = audience == Audience::Public && is_small(cell.count);
    match row.kind {
        RowKind::Average => json!({
            "average": number(count(row, cell, audience)),
            "cases": if hidden { Value::Null } else { json!(cell.count) },
            "suppressed": hidden,
        }),
        RowKind::Count | RowKind::Total => json!({
            "count": number(count(row, cell, audience)),
            "percent": number(percent(row, cell, audience)),
            "suppressed": hidden,
        }),
    }
}

pub fn json(t: &Words<'_>, report: &Report, audience: Audience) -> Value {
    let year = report.year;
    json!({
        "year": year.label(),
        "from": year.first_day().to_string(),
        "to": year.last_day().to_string(),
        "previous_year": year.previous().label(),
        "small_numbers_hidden": audience == Audience::Public,
        "tables": report.tables.iter().map(|table| json!({
            "id": table.id,
            "title": title(t, table),
            "rows": table.rows.iter().map(|row| json!({
                "id": row.id,
                "label": label(t, &row.label),
                "previous": json_cell(row, &row.previous, audience),
                "current": json_cell(row, &row.current, audience),
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
    fn only_one_to_four_is_small() {
        assert!(!is_small(0));
        assert!(is_small(1));
        assert!(is_small(4));
        assert!(!is_small(5));
    }
}
