//! CSV as RFC 4180 writes it (and spreadsheets save it): commas, fields in double quotes when
//! they hold a comma, a quote or a line break, a quote inside doubled. Small enough to own, so
//! every problem can name the line it is on, including lines inside a quoted field.

/// One record and the line of the file it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Why the file cannot be read as CSV at all, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub message: String,
}

/// Split `text` into records. A UTF-8 byte order mark is skipped; blank lines are skipped; a
/// line ends with `\n`, `\r\n` or a lone `\r`.
pub fn parse(text: &str) -> Result<Vec<Record>, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start = 1;
    // Inside a quoted field; and whether the field began with a quote (so text after its
    // closing quote is an error rather than part of it).
    let mut quoted = false;
    let mut was_quoted = false;
    let mut chars = text.chars().peekable();
    let finish_record = |fields: &mut Vec<String>, records: &mut Vec<Record>, start: usize| {
        let record = std::mem::take(fields);
        if !(record.len() == 1 && record[0].is_empty()) {
            records.push(Record {
                line: start,
                fields: record,
            });
        }
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    field.push('\n');
                }
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() && !was_quoted => {
                field.clear();
                quoted = true;
                was_quoted = true;
            }
            '"' => {
                return Err(SyntaxError {
                    line,
                    message: "a double quote inside a field that does not start with one \
                              (put the whole field in quotes and double the quote)"
                        .into(),
                });
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                fields.push(std::mem::take(&mut field));
                was_quoted = false;
                finish_record(&mut fields, &mut records, start);
                line += 1;
                start = line;
            }
            c if was_quoted && !c.is_whitespace() => {
                return Err(SyntaxError {
                    line,
                    message: "text after the closing double quote of a field".into(),
                });
            }
            _ if was_quoted => {}
            c => field.push(c),
        }
    }
    if quoted {
        return Err(SyntaxError {
            line: start,
            message: "a double quote opens a field that never closes".into(),
        });
    }
    if !field.is_empty() || !fields.is_empty() || was_quoted {
        fields.push(field);
        finish_record(&mut fields, &mut records, start);
    }
    Ok(records)
}

/// A cell a spreadsheet will show as text, never run as a formula: one that starts with
/// `=`, `+`, `-`, `@` (or a tab or carriage return) gets a leading `'`. For files people open
/// in a spreadsheet (the case list); the import format keeps its cells as they are.
pub fn spreadsheet_safe(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// Append one record, quoting the fields that need it, ending with `\r\n` as RFC 4180 says.
pub fn write_record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = field.as_ref();
        let needs_quotes = field.contains([',', '"', '\n', '\r'])
            || field.starts_with(char::is_whitespace)
            || field.ends_with(char::is_whitespace);
        if needs_quotes {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        parse(text).unwrap().into_iter().map(|r| r.fields).collect()
    }

    #[test]
    fn cells_that_would_run_as_formulas_are_kept_as_text() {
        for (cell, safe) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("North team", "North team"),
            ("a=b", "a=b"),
        ] {
            assert_eq!(spreadsheet_safe(cell), safe);
        }
    }

    #[test]
    fn quotes_commas_and_line_breaks_survive_a_round_trip() {
        let rows = [
            vec!["a", "b,c", "say \"hi\""],
            vec!["line\nbreak", "", " padded "],
            vec!["", "", ""],
        ];
        let mut out = String::new();
        for row in &rows {
            write_record(&mut out, row);
        }
        let back = parse(&out).unwrap();
        assert_eq!(back.len(), 3);
        for (got, want) in back.iter().zip(&rows) {
            assert_eq!(&got.fields, want);
        }
        assert_eq!(back[0].line, 1);
        assert_eq!(back[1].line, 2);
        assert_eq!(back[2].line, 4, "the quoted line break counts as a line");
    }

    #[test]
    fn a_byte_order_mark_blank_lines_and_line_endings_are_all_taken() {
        let text = "\u{feff}a,b\r\n\r\n1,2\n3,4\r5,6";
        let records = parse(text).unwrap();
        assert_eq!(
            records.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![1, 3, 4, 5]
        );
        assert_eq!(records[0].fields, vec!["a", "b"]);
        assert_eq!(fields("x,\"\"\n"), vec![vec!["x", ""]]);
    }

    #[test]
    fn broken_quoting_names_its_line() {
        let open = parse("a,b\n1,\"never\nclosed\n").unwrap_err();
        assert_eq!(open.line, 2);
        let stray = parse("a,b\n1,x\"y\n").unwrap_err();
        assert_eq!(stray.line, 2);
        let after = parse("a\n\"x\"y\n").unwrap_err();
        assert_eq!(after.line, 2);
        assert!(parse("").unwrap().is_empty());
    }
}
