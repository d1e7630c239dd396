//! What a message from the reply mailbox says, read once with `mail-parser` into plain values:
//! who sent it, what names its case (a token, or the Message-ID it answers), whether it is an
//! auto-reply or a bounce, and only the plain text of its new part (quoted history stripped,
//! HTML turned into text, attachments listed by name and size and never kept). Nothing here
//! trusts the message: every value is cut to size, and the text is shown escaped wherever it
//! goes.

use mail_parser::{HeaderValue, MessageParser, MimeHeaders};

/// The most text kept from one message; a longer one is cut and says so.
pub const MAX_TEXT_CHARS: usize = 20_000;
const MAX_HEADER_CHARS: usize = 300;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub size: usize,
}

/// What kind of message this is, before looking for its case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A person's message.
    Personal,
    /// An out-of-office or other automatic answer (RFC 3834 and the common vendor headers).
    AutoReply,
    /// A delivery status notification: the Message-IDs it quotes, and the status it gives.
    Bounce { about: Vec<String>, status: String },
}

/// One message, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inbound {
    /// The Message-ID, with angle brackets, when it has one.
    pub message_id: Option<String>,
    /// The sender's address, lower-cased; `None` when there is none that parses.
    pub from: Option<String>,
    pub subject: String,
    /// The Date header, unix milliseconds.
    pub sent_at: Option<i64>,
    /// Case tokens found in the recipient addresses (`replies+<token>@…`) and the subject.
    pub tokens: Vec<String>,
    /// The Message-IDs it answers (In-Reply-To, then References), with angle brackets.
    pub answers: Vec<String>,
    pub kind: Kind,
    /// The sender's own domain failed DMARC at the council's mail server.
    pub failed_authentication: bool,
    /// The new part's plain text.
    pub text: String,
    pub attachments: Vec<Attachment>,
}

/// Read raw message bytes. `None` only when nothing in them parses as a message at all.
pub fn read(raw: &[u8]) -> Option<Inbound> {
    let message = MessageParser::default().parse(raw)?;
    let header_text = |name: &str| message.header_raw(name).map(str::trim).map(str::to_owned);
    let subject = clean_line(message.subject().unwrap_or_default());
    let from = message
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(|a| a.trim().to_ascii_lowercase())
        .filter(|a| a.contains('@') && a.len() <= MAX_HEADER_CHARS);

    let mut tokens = Vec::new();
    let recipients = message
        .to()
        .into_iter()
        .chain(message.cc())
        .flat_map(|a| a.iter())
        .filter_map(|a| a.address().map(str::to_owned))
        .chain(
            ["Delivered-To", "X-Original-To"]
                .iter()
                .filter_map(|h| header_text(h)),
        );
    for address in recipients {
        if let Some(token) = token_in_address(&address) {
            push_unique(&mut tokens, token);
        }
    }
    if let Some(token) = token_in_subject(&subject) {
        push_unique(&mut tokens, token);
    }

    let mut answers = Vec::new();
    for value in [message.in_reply_to(), message.references()] {
        for id in ids_of(value) {
            push_unique(&mut answers, id);
        }
    }

    let kind = if is_bounce(&message) {
        let raw_text = String::from_utf8_lossy(raw);
        Kind::Bounce {
            about: quoted_message_ids(&raw_text),
            status: dsn_status(&raw_text),
        }
    } else if is_auto_reply(&message, &subject) {
        Kind::AutoReply
    } else {
        Kind::Personal
    };

    let failed_authentication = message
        .header_values("Authentication-Results")
        .filter_map(HeaderValue::as_text)
        .any(|v| v.to_ascii_lowercase().contains("dmarc=fail"));

    let body = match message.text_bodies().next() {
        Some(part) if part.is_text() && !part.is_text_html() => {
            part.text_contents().unwrap_or_default().to_owned()
        }
        _ => message
            .body_html(0)
            .map(|html| html_to_text(&html))
            .unwrap_or_default(),
    };
    let attachments = message
        .attachments()
        .map(|part| Attachment {
            name: clean_line(part.attachment_name().unwrap_or("(no name)")),
            size: part.len(),
        })
        .take(50)
        .collect();

    Some(Inbound {
        message_id: message.message_id().map(bracket),
        from,
        subject,
        sent_at: message.date().map(|d| d.to_timestamp() * 1000),
        tokens,
        answers,
        kind,
        failed_authentication,
        text: new_part(&body),
        attachments,
    })
}

fn push_unique(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) && list.len() < 50 {
        list.push(value);
    }
}

fn bracket(id: &str) -> String {
    let id = id.trim().trim_start_matches('<').trim_end_matches('>');
    let id: String = id.chars().take(MAX_HEADER_CHARS).collect();
    format!("<{id}>")
}

fn ids_of(value: &HeaderValue<'_>) -> Vec<String> {
    match value {
        HeaderValue::Text(t) => vec![bracket(t)],
        HeaderValue::TextList(list) => list.iter().map(|t| bracket(t)).collect(),
        _ => Vec::new(),
    }
}

/// A case token: 16 characters of lower-case base32 (see `store::inbound`).
pub fn is_token(s: &str) -> bool {
    s.len() == 16 && s.bytes().all(|b| matches!(b, b'a'..=b'z' | b'2'..=b'7'))
}

fn token_in_address(address: &str) -> Option<String> {
    let local = address.trim().trim_matches(['<', '>']).split('@').next()?;
    let (_, tag) = local.rsplit_once('+')?;
    let tag = tag.to_ascii_lowercase();
    is_token(&tag).then_some(tag)
}

/// The `[HYS-<token>]` our subjects carry when the reply mailbox has no `+` form.
fn token_in_subject(subject: &str) -> Option<String> {
    let lower = subject.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("[hys-") {
        let after = &rest[at + 5..];
        if let Some(end) = after.find(']') {
            let tag = &after[..end];
            if is_token(tag) {
                return Some(tag.to_owned());
            }
        }
        rest = after;
    }
    None
}

fn is_bounce(message: &mail_parser::Message<'_>) -> bool {
    let report = message.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("multipart")
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("report"))
            && ct
                .attribute("report-type")
                .is_none_or(|t| t.eq_ignore_ascii_case("delivery-status"))
    });
    report
        || message.parts.iter().any(|part| {
            part.content_type().is_some_and(|ct| {
                ct.ctype().eq_ignore_ascii_case("message")
                    && ct
                        .subtype()
                        .is_some_and(|s| s.eq_ignore_ascii_case("delivery-status"))
            })
        })
}

fn is_auto_reply(message: &mail_parser::Message<'_>, subject: &str) -> bool {
    let header = |name: &str| {
        message
            .header_raw(name)
            .map(|v| v.trim().to_ascii_lowercase())
    };
    if header("Auto-Submitted").is_some_and(|v| !v.is_empty() && v != "no") {
        return true;
    }
    if ["X-Autoreply", "X-Autorespond"]
        .iter()
        .any(|h| header(h).is_some())
    {
        return true;
    }
    if header("Precedence").is_some_and(|p| matches!(p.as_str(), "auto_reply" | "bulk" | "junk")) {
        return true;
    }
    let subject = subject.to_lowercase();
    [
        "automatic reply",
        "auto reply",
        "auto-reply",
        "autoreply",
        "out of office",
        "out of the office",
        "abwesenheitsnotiz",
    ]
    .iter()
    .any(|p| subject.starts_with(p) || subject.contains(&format!(": {p}")))
}

/// Every Message-ID quoted anywhere in a bounce (the returned headers hold the one we sent).
fn quoted_message_ids(raw: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for line in raw.lines() {
        let lower = line.to_ascii_lowercase();
        if !(lower.starts_with("message-id:")
            || lower.starts_with("references:")
            || lower.starts_with("in-reply-to:"))
        {
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find('<') {
            let Some(len) = rest[start..].find('>') else {
                break;
            };
            push_unique(&mut ids, bracket(&rest[start..start + len + 1]));
            rest = &rest[start + len + 1..];
        }
    }
    ids
}

/// The DSN's `Status:` and `Diagnostic-Code:` lines, for the outbox row's error.
fn dsn_status(raw: &str) -> String {
    let mut parts = Vec::new();
    for line in raw.lines() {
        let lower = line.to_ascii_lowercase();
        if lower.starts_with("status:") || lower.starts_with("diagnostic-code:") {
            parts.push(clean_line(line));
        }
        if parts.len() >= 2 {
            break;
        }
    }
    if parts.is_empty() {
        "bounced".to_owned()
    } else {
        format!("bounced: {}", parts.join("; "))
    }
}

/// One line of header text: no control characters, cut to size.
fn clean_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX_HEADER_CHARS)
        .collect::<String>()
        .trim()
        .to_owned()
}

/// HTML to plain text: scripts, styles and comments dropped, block ends as line breaks, tags
/// removed, the common entities decoded. The result is text; it is escaped wherever shown.
pub fn html_to_text(html: &str) -> String {
    mail_parser::decoders::html::html_to_text(html)
}

/// The new part of a reply: everything before the quoted history. Cuts at the first
/// "On … wrote:" (which mail clients may wrap over two lines), an Outlook header block
/// ("From: …" with "Sent: …" or "Date: …" just after it), an "Original Message" line or the
/// underscore rule Outlook draws; drops every `>` line before that; keeps at most
/// [`MAX_TEXT_CHARS`].
pub fn new_part(body: &str) -> String {
    // Control characters go first, so none can hide a quote marker from the checks below.
    let body: String = body
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    let lines: Vec<&str> = body.lines().collect();
    let mut kept: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        let lower = trimmed.to_lowercase();
        let next = lines.get(i + 1).map(|l| l.trim().to_lowercase());
        let wrote = (lower.starts_with("on ") && lower.ends_with("wrote:"))
            || (lower.starts_with("on ")
                && next.as_deref().is_some_and(|n| n.ends_with("wrote:"))
                && !lower.ends_with('.'));
        let outlook = (lower.starts_with("from:") || lower.starts_with("*from:*"))
            && lines[i + 1..].iter().take(4).any(|l| {
                let l = l.trim().to_lowercase();
                l.starts_with("sent:") || l.starts_with("*sent:*") || l.starts_with("date:")
            });
        let rule = lower.starts_with("-----original message")
            || lower.starts_with("----- original message")
            || (trimmed.len() >= 20 && trimmed.chars().all(|c| c == '_'));
        if wrote || outlook || rule {
            break;
        }
        if trimmed.starts_with('>') {
            continue;
        }
        kept.push(line.trim_end());
    }
    let mut text = String::new();
    let mut blank = 0;
    for line in kept {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        text.push_str(line);
        text.push('\n');
    }
    let text = text.trim();
    if text.chars().count() > MAX_TEXT_CHARS {
        let cut: String = text.chars().take(MAX_TEXT_CHARS).collect();
        format!("{cut}\n[…]")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests;
