//! Reading real-shaped mail: tokens and answered ids, quoted history of each mail client,
//! HTML-only mail, auto-replies and bounces, attachments, DMARC, and properties over random
//! bytes and random MIME structures.

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
    let gmail =
        "Yes please.\n\nOn Mon, 7 Dec 2026 at 10:00, Have Your Say <\nhys@x.gov.uk> wrote:\n> old";
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
            status: "bounced: Status: 5.1.1; Diagnostic-Code: smtp; 550 5.1.1 no such user".into()
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
