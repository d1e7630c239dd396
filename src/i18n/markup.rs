//! Words as markup: text escaped for HTML with its phone numbers made `tel:` links.

use std::borrow::Cow;
use std::fmt::Write;

/// Escape text for HTML and make each phone number in it a `tel:` link, so a child can tap to
/// call from any page: 999, and UK numbers written from 0 or +44 with at least eight digits.
/// The result is safe to insert as markup (`|safe`): everything else is escaped.
pub fn link_phones(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    // Writing to a String cannot fail.
    let _ = write_linked(&mut out, text);
    out
}

/// Text to be written as markup with its phone numbers linked, straight into the page (use
/// with `|safe`): no copy of the text is made on the way.
pub struct Linked<'a>(pub Cow<'a, str>);

impl std::fmt::Display for Linked<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_linked(f, &self.0)
    }
}

/// [`link_phones`] into any writer.
pub fn write_linked<W: Write + ?Sized>(out: &mut W, text: &str) -> std::fmt::Result {
    // Every step page links its whole transcript: walk the text once, copying plain runs whole.
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let starts_number = (b.is_ascii_digit() || b == b'+')
            && !text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        if starts_number {
            let end = number_end(bytes, i);
            let written = &text[i..end];
            let glued = text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            let digits = written.bytes().filter(u8::is_ascii_digit).count();
            let callable = written.bytes().filter(u8::is_ascii_digit).eq(*b"999")
                || ((written.starts_with('0') || written.starts_with("+44"))
                    && (8..=13).contains(&digits));
            if callable && !glued {
                escape_into(out, &text[plain_from..i])?;
                // `dir` isolates the number, so a right-to-left page keeps its groups in order.
                out.write_str("<a class=\"tel\" dir=\"ltr\" href=\"tel:")?;
                if written.starts_with('+') {
                    out.write_char('+')?;
                }
                for digit in written.chars().filter(char::is_ascii_digit) {
                    out.write_char(digit)?;
                }
                out.write_str("\">")?;
                escape_into(out, written)?;
                out.write_str("</a>")?;
                i = end;
                plain_from = end;
                continue;
            }
        }
        i += 1;
    }
    escape_into(out, &text[plain_from..])
}

/// Where a number that starts at `start` ends: digits, with single spaces between groups.
fn number_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start + 1;
    while end < bytes.len() {
        if bytes[end].is_ascii_digit() {
            end += 1;
        } else if bytes[end] == b' ' && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end += 2;
        } else {
            break;
        }
    }
    end
}

fn escape_into<W: Write + ?Sized>(out: &mut W, text: &str) -> std::fmt::Result {
    let mut from = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&text[from..i])?;
        out.write_str(entity)?;
        from = i + 1;
    }
    out.write_str(&text[from..])
}

#[cfg(test)]
mod tests {
    use super::link_phones;

    #[test]
    fn numbers_a_child_can_call_become_links_and_the_rest_is_escaped() {
        assert_eq!(
            link_phones("If you are in danger now, call 999."),
            "If you are in danger now, call <a class=\"tel\" dir=\"ltr\" href=\"tel:999\">999</a>."
        );
        assert_eq!(
            link_phones("Childline: 0800 1111 <free>"),
            "Childline: <a class=\"tel\" dir=\"ltr\" href=\"tel:08001111\">0800 1111</a> &lt;free&gt;"
        );
        assert!(link_phones("call +44 300 123 4567").contains("href=\"tel:+443001234567\""));
        // Dates, years, references and short numbers stay text.
        for plain in [
            "Sent on 7 December 2026",
            "HYS-7K4P-0999",
            "Stage 2",
            "9990",
            "a999",
        ] {
            assert!(!link_phones(plain).contains("<a"), "{plain}");
        }
        assert_eq!(
            link_phones("\"x\" & 'y'"),
            "&quot;x&quot; &amp; &#39;y&#39;"
        );
        // Around other scripts, and a plus that does not start a UK number.
        assert_eq!(
            link_phones("اتصل بـ 999 الآن"),
            "اتصل بـ <a class=\"tel\" dir=\"ltr\" href=\"tel:999\">999</a> الآن"
        );
        assert_eq!(
            link_phones("+0800 1111"),
            "+<a class=\"tel\" dir=\"ltr\" href=\"tel:08001111\">0800 1111</a>"
        );
    }
}
