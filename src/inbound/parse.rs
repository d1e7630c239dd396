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
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn mail(headers: &str, body: &str) -> Vec<u8> {
        format!("{headers}\r\n\r\n{body}").into_bytes()
    }

    #[test]
    fn reads_sender_tokens_and_answers() {
        let raw = mail(
            "From: Sam Officer <Sam@Testshire.gov.uk>\r\nTo: replies+abcdefghijkmnpq2@testshire.gov.uk\r\n\
             Subject: Re: New complaint HYS-7K4P [HYS-bcdefghijkmnpq23]\r\nMessage-ID: <m1@x>\r\n\
             In-Reply-To: <first.1@testshire.gov.uk>\r\nReferences: <a@b> <first.1@testshire.gov.uk>",
            "Thanks, on it.\r\n\r\nOn Mon, 7 Dec 2026 at 10:00, Have Your Say wrote:\r\n> New complaint",
        );
        let m = read(&raw).unwrap();
        assert_eq!(m.from.as_deref(), Some("sam@testshire.gov.uk"));
        assert_eq!(m.tokens, ["abcdefghijkmnpq2", "bcdefghijkmnpq23"]);
        assert_eq!(m.answers, ["<first.1@testshire.gov.uk>", "<a@b>"]);
        assert_eq!(m.message_id.as_deref(), Some("<m1@x>"));
        assert_eq!(m.kind, Kind::Personal);
        assert_eq!(m.text, "Thanks, on it.");
    }

    #[test]
    fn strips_quoted_history_of_each_client() {
        let gmail = "Yes please.\n\nOn Mon, 7 Dec 2026 at 10:00, Have Your Say <\nhys@x.gov.uk> wrote:\n> old";
        assert_eq!(new_part(gmail), "Yes please.");
        let outlook = "Seen, thanks\n\n________________________________\nFrom: Have Your Say\nSent: 07 December 2026 10:00\nTo: me\nSubject: x\n\nold";
        assert_eq!(new_part(outlook), "Seen, thanks");
        let outlook_plain = "Fine.\r\nFrom: Have Your Say <hys@x>\r\nSent: Monday\r\nold";
        assert_eq!(new_part(outlook_plain), "Fine.");
        let inline = "> quoted\nmine\n> more\nalso mine";
        assert_eq!(new_part(inline), "mine\nalso mine");
        let original = "ok\n-----Original Message-----\nFrom: x";
        assert_eq!(new_part(original), "ok");
        // A sentence that starts with "On" is not a quote header.
        assert_eq!(
            new_part("On Tuesday I was moved.\nIt was bad."),
            "On Tuesday I was moved.\nIt was bad."
        );
    }

    #[test]
    fn html_only_mail_becomes_text_without_scripts() {
        let raw = mail(
            "From: a@b.org\r\nSubject: hi\r\nContent-Type: text/html; charset=utf-8",
            "<p>Hello <b>there</b></p><script>alert('x')</script><style>p{}</style><p>Bye &amp; thanks</p>",
        );
        let m = read(&raw).unwrap();
        assert!(m.text.contains("Hello there"), "{}", m.text);
        assert!(m.text.contains("Bye & thanks"), "{}", m.text);
        assert!(!m.text.contains("alert"), "{}", m.text);
        assert!(!m.text.contains('<'), "{}", m.text);
    }

    #[test]
    fn recognises_auto_replies_and_bounces() {
        for headers in [
            "From: a@b.org\r\nAuto-Submitted: auto-replied\r\nSubject: Re: x",
            "From: a@b.org\r\nX-Autoreply: yes\r\nSubject: Re: x",
            "From: a@b.org\r\nPrecedence: auto_reply\r\nSubject: Re: x",
            "From: a@b.org\r\nSubject: Automatic reply: New complaint",
            "From: a@b.org\r\nSubject: Out of Office: away",
        ] {
            assert_eq!(
                read(&mail(headers, "away")).unwrap().kind,
                Kind::AutoReply,
                "{headers}"
            );
        }
        assert_eq!(
            read(&mail(
                "From: a@b.org\r\nAuto-Submitted: no\r\nSubject: hi",
                "x"
            ))
            .unwrap()
            .kind,
            Kind::Personal
        );
        let dsn = "From: MAILER-DAEMON@x.org\r\nSubject: Undelivered\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n\
                   --b\r\nContent-Type: text/plain\r\n\r\nIt failed.\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n\
                   Reporting-MTA: dns; x.org\r\n\r\nFinal-Recipient: rfc822; cro@x.org\r\nAction: failed\r\nStatus: 5.1.1\r\n\
                   Diagnostic-Code: smtp; 550 5.1.1 no such user\r\n--b\r\nContent-Type: text/rfc822-headers\r\n\r\n\
                   Message-ID: <abc.7@testshire.gov.uk>\r\nSubject: New complaint\r\n--b--\r\n";
        let m = read(dsn.as_bytes()).unwrap();
        assert_eq!(
            m.kind,
            Kind::Bounce {
                about: vec!["<abc.7@testshire.gov.uk>".into()],
                status: "bounced: Status: 5.1.1; Diagnostic-Code: smtp; 550 5.1.1 no such user"
                    .into()
            }
        );
    }

    #[test]
    fn lists_attachments_without_keeping_them() {
        let raw = "From: a@b.org\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
                   --b\r\nContent-Type: text/plain\r\n\r\nSee attached\r\n--b\r\n\
                   Content-Type: application/pdf; name=\"plan.pdf\"\r\nContent-Disposition: attachment; filename=\"plan.pdf\"\r\n\
                   Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n";
        let m = read(raw.as_bytes()).unwrap();
        assert_eq!(m.text, "See attached");
        assert_eq!(
            m.attachments,
            [Attachment {
                name: "plan.pdf".into(),
                size: 9
            }]
        );
    }

    #[test]
    fn dmarc_failure_is_seen() {
        let raw = mail(
            "Authentication-Results: mx.testshire.gov.uk; spf=fail; dmarc=fail header.from=testshire.gov.uk\r\nFrom: cro@testshire.gov.uk\r\nSubject: s",
            "x",
        );
        assert!(read(&raw).unwrap().failed_authentication);
    }

    proptest! {
        #[test]
        fn any_bytes_read_safely(raw in proptest::collection::vec(any::<u8>(), 0..4000)) {
            if let Some(m) = read(&raw) {
                prop_assert!(m.text.chars().count() <= MAX_TEXT_CHARS + 2);
                prop_assert!(!m.subject.chars().any(char::is_control));
                prop_assert!(m.tokens.iter().all(|t| is_token(t)));
            }
        }

        #[test]
        fn new_part_never_keeps_a_quoted_line_or_grows(body in "(?s).{0,2000}") {
            let text = new_part(&body);
            prop_assert!(text.lines().all(|l| !l.trim_start().starts_with('>')));
            prop_assert!(text.chars().filter(|c| !c.is_whitespace()).count()
                <= body.chars().filter(|c| !c.is_whitespace()).count() + 3);
            prop_assert!(!text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
        }

        #[test]
        fn structured_mail_with_random_parts_reads(
            from in "[a-z]{1,8}@[a-z]{1,8}\\.org",
            subject in "\\PC{0,80}",
            text in "\\PC{0,400}",
            charset in prop::sample::select(vec!["utf-8", "iso-8859-1", "windows-1252", "koi8-r", "x-unknown"]),
        ) {
            let raw = format!(
                "From: {from}\r\nSubject: {subject}\r\nContent-Type: text/plain; charset={charset}\r\n\r\n{text}"
            );
            let m = read(raw.as_bytes());
            prop_assert!(m.is_some());
        }
    }
}
