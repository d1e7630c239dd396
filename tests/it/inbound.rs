//! Email both ways (issue 18), through real servers on loopback: our emails thread and carry a
//! Reply-To naming the case by its token (read back from aiosmtpd), and replies put in a real
//! Dovecot mailbox with IMAP APPEND are filed by the poller's own step: each routing rule, the
//! unmatched list in the staff area, bad input, and two pollers filing each message once.

use crate::helpers;

use have_your_say::config::Config;
use have_your_say::config::inbound::InboundSettings;
use have_your_say::domain::Reference;
use have_your_say::inbound::Poller;
use helpers::imap::Dovecot;
use helpers::smtp::SmtpSink;
use helpers::{TestApp, spawn_app_with};

const OFFICER: &str = "cro@testshire.gov.uk";
const CHILD: &str = "robin@example.net";

fn route(config: &mut Config, smtp: u16, dovecot: Option<&Dovecot>, reply: &str) {
    config.mail.smtp_url = Some(format!("smtp://127.0.0.1:{smtp}").into());
    config.mail.from = "Have Your Say <hys@testshire.gov.uk>".into();
    config.public_url = "https://hys.testshire.gov.uk".into();
    config.routing.rights_officer = vec![OFFICER.into()];
    config.routing.advocacy_provider = vec!["referrals@advocacy.org.uk".into()];
    config.routing.urgent = vec!["mash@testshire.gov.uk".into()];
    config.inbound = InboundSettings {
        reply_address: Some(reply.into()),
        imap: dovecot.map(Dovecot::settings),
    };
}

fn complaint(contact: &str) -> Vec<&str> {
    vec![
        "complaint",
        "young_person",
        "leaving_care",
        "Nobody told me about my flat",
        "A proper plan",
        "yes",
        "email",
        contact,
        "Robin",
        "17",
    ]
}

async fn case_id(app: &TestApp, reference: &str) -> i64 {
    app.store
        .case_by_reference(&Reference::parse(reference).unwrap())
        .await
        .unwrap()
        .unwrap()
        .id
}

/// One header's value, unfolded.
fn header(raw: &str, name: &str) -> Option<String> {
    let raw = raw.replace("\r\n", "\n");
    let head = raw
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .replace("\n ", " ");
    head.split('\n')
        .find(|l| {
            l.len() > name.len()
                && l[..name.len()].eq_ignore_ascii_case(name)
                && l.as_bytes()[name.len()] == b':'
        })
        .map(|l| l[name.len() + 1..].trim().to_owned())
}

#[tokio::test]
async fn every_email_threads_under_the_case_and_names_it_by_token() {
    let smtp = SmtpSink::start();
    let port = smtp.port;
    let app = spawn_app_with(|c| route(c, port, None, "replies+@testshire.gov.uk")).await;
    let reference = app.send(&complaint(CHILD)).await.reference();
    app.get("/leave").await;
    let compliment = app.send(helpers::COMPLIMENT).await.reference();
    // complaint: officer + advocacy referral; compliment: officer
    app.dispatch_emails().await;
    let mail = smtp.received();
    assert_eq!(mail.len(), 3);
    let token = app
        .store
        .reply_token(case_id(&app, &reference).await)
        .await
        .unwrap();
    assert_eq!(token.len(), 16);
    assert!(
        !token
            .to_uppercase()
            .contains(&reference.replace("HYS-", ""))
    );

    let first = app
        .store
        .first_message_id(case_id(&app, &reference).await)
        .await
        .unwrap()
        .unwrap();
    let about_case: Vec<_> = mail
        .iter()
        .filter(|m| m.subject.contains(&reference))
        .collect();
    assert_eq!(about_case.len(), 2);
    for m in &about_case {
        assert_eq!(
            header(&m.raw, "Auto-Submitted").as_deref(),
            Some("auto-generated"),
            "{}",
            m.raw
        );
        assert_eq!(
            header(&m.raw, "Reply-To"),
            Some(format!("replies+{token}@testshire.gov.uk")),
            "{}",
            m.raw
        );
        if m.message_id != first {
            assert_eq!(
                header(&m.raw, "In-Reply-To").as_deref(),
                Some(first.as_str()),
                "{}",
                m.raw
            );
            assert_eq!(
                header(&m.raw, "References").as_deref(),
                Some(first.as_str()),
                "{}",
                m.raw
            );
        } else {
            assert_eq!(header(&m.raw, "In-Reply-To").as_deref(), None);
        }
        // Nothing personal in any header we add.
        assert!(!header(&m.raw, "Reply-To").unwrap().contains("robin"));
    }
    // The subject follows the kind: only a complaint has a reply-by date.
    let thanks = mail
        .iter()
        .find(|m| m.subject.contains(&compliment))
        .unwrap();
    assert_eq!(thanks.subject, format!("New compliment {compliment}"));
    // ...and so does the first line: a compliment has no Stage 1 response to be due.
    assert!(
        thanks
            .text
            .contains("A new compliment has arrived through Have Your Say."),
        "{}",
        thanks.text
    );
    assert!(!thanks.text.contains("Stage 1"), "{}", thanks.text);
    assert!(about_case.iter().any(|m| m.subject.contains("reply due")));
}

#[tokio::test]
async fn without_a_plus_mailbox_the_token_rides_in_the_subject() {
    let smtp = SmtpSink::start();
    let port = smtp.port;
    let app = spawn_app_with(|c| route(c, port, None, "replies@testshire.gov.uk")).await;
    let reference = app.send(&complaint(CHILD)).await.reference();
    app.dispatch_emails().await;
    let mail = smtp.received();
    let token = app
        .store
        .reply_token(case_id(&app, &reference).await)
        .await
        .unwrap();
    for m in &mail {
        assert!(
            m.subject.ends_with(&format!("[HYS-{token}]")),
            "{}",
            m.subject
        );
        assert_eq!(
            header(&m.raw, "Reply-To").as_deref(),
            Some("replies@testshire.gov.uk")
        );
    }
}

/// An app with SMTP and Dovecot, one complaint from the child with an email address, and an
/// officer account; returns the case's reference and token.
async fn mailbox_app(dovecot: &Dovecot, smtp: &SmtpSink) -> (TestApp, String, String) {
    let port = smtp.port;
    let settings = dovecot.settings();
    let app = spawn_app_with(move |c| {
        route(c, port, None, "replies+@testshire.gov.uk");
        c.inbound.imap = Some(settings);
    })
    .await;
    let reference = app.send(&complaint(CHILD)).await.reference();
    app.get("/leave").await;
    let token = app
        .store
        .reply_token(case_id(&app, &reference).await)
        .await
        .unwrap();
    app.add_staff(OFFICER, "officer").await;
    (app, reference, token)
}

fn reply(from: &str, to: &str, subject: &str, extra: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n\
         Message-ID: <{}@mail.example>\r\n{extra}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n",
        rand_id()
    )
    .into_bytes()
}

fn rand_id() -> String {
    use rand::Rng;
    format!("{:016x}", rand::rng().random::<u64>())
}

async fn events(app: &TestApp, case: i64, kind: &str) -> Vec<(String, String)> {
    sqlx::query_as::<_, (String, Option<String>)>(
        "select actor, detail from case_events where case_id = $1 and kind = $2 order by id",
    )
    .bind(case)
    .bind(kind)
    .fetch_all(app.store.pool())
    .await
    .unwrap()
    .into_iter()
    .map(|(a, d)| (a, d.unwrap_or_default()))
    .collect()
}

async fn unmatched_reasons(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar::<_, String>(
        "select reason from inbound_mail where status = 'unmatched' order by id",
    )
    .fetch_all(app.store.pool())
    .await
    .unwrap()
}

#[tokio::test]
async fn each_routing_rule_files_through_dovecot() {
    let dovecot = Dovecot::start();
    let smtp = SmtpSink::start();
    let (app, reference, token) = mailbox_app(&dovecot, &smtp).await;
    let case = case_id(&app, &reference).await;
    let to = format!("Have Your Say <replies+{token}@testshire.gov.uk>");
    let other = app
        .send(&complaint("someone@example.net"))
        .await
        .reference();
    app.get("/leave").await;
    let other_token = app
        .store
        .reply_token(case_id(&app, &other).await)
        .await
        .unwrap();
    app.dispatch_emails().await;
    let first = app.store.first_message_id(case).await.unwrap().unwrap();

    // Staff: an internal note, the quoted history gone.
    dovecot
        .append(&reply(
            &format!("Sam Officer <{}>", OFFICER.to_uppercase()),
            &to,
            "Re: New complaint",
            "",
            "I have called the team.\r\n\r\nOn Mon, 7 Dec 2026 at 09:00, Have Your Say wrote:\r\n> New complaint",
        ))
        .await;
    // The advocacy provider: a note shared with the advocate.
    dovecot
        .append(&reply(
            "Advocate <worker@advocacy.org.uk>",
            &to,
            "Re: Advocacy referral",
            "",
            "Robin has an advocate now.",
        ))
        .await;
    // The child, by In-Reply-To only (no token): a message from the child.
    dovecot
        .append(&reply(
            CHILD,
            "replies@testshire.gov.uk",
            "Re: your complaint",
            &format!("In-Reply-To: {first}\r\n"),
            "Thank you for listening",
        ))
        .await;
    // The child again, with words that bring help: urgent, as if typed on the tracking page.
    dovecot
        .append(&reply(CHILD, &to, "Re: x", "", "he hits me when I ask"))
        .await;
    // A stranger with the right token; a stranger with none; the other case's child with this
    // case's token; an out-of-office; a forged officer address that failed DMARC.
    dovecot
        .append(&reply("nosy@example.org", &to, "hello", "", "Who is this?"))
        .await;
    dovecot
        .append(&reply(
            "lost@example.org",
            "replies@testshire.gov.uk",
            "hi",
            "",
            "Nothing to match",
        ))
        .await;
    dovecot
        .append(&reply("someone@example.net", &to, "Re:", "", "Not my case"))
        .await;
    dovecot
        .append(&reply(
            OFFICER,
            &to,
            "Automatic reply: New complaint",
            "Auto-Submitted: auto-replied\r\n",
            "I am away until Monday.",
        ))
        .await;
    dovecot
        .append(&reply(
            OFFICER,
            &to,
            "Re: x",
            "Authentication-Results: mx.testshire.gov.uk; dmarc=fail header.from=testshire.gov.uk\r\n",
            "Forged words",
        ))
        .await;
    // A bounce about the case's first email.
    let bounce = format!(
        "From: MAILER-DAEMON@testshire.gov.uk\r\nTo: hys@testshire.gov.uk\r\nSubject: Undelivered Mail\r\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\nIt failed.\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n\
         Reporting-MTA: dns; mx\r\n\r\nFinal-Recipient: rfc822; {OFFICER}\r\nAction: failed\r\nStatus: 5.1.1\r\n\
         Diagnostic-Code: smtp; 550 5.1.1 no such user\r\n--b\r\nContent-Type: text/rfc822-headers\r\n\r\n\
         Message-ID: {first}\r\nSubject: New complaint\r\n--b--\r\n"
    );
    dovecot.append(bounce.as_bytes()).await;
    // The other case's token, from that case's own child: filed there, not here.
    dovecot
        .append(&reply(
            "someone@example.net",
            &format!("replies+{other_token}@testshire.gov.uk"),
            "Re:",
            "",
            "This one is mine",
        ))
        .await;

    let report = Poller::new(app.state.tracking.clone())
        .step()
        .await
        .expect("a poll");
    assert_eq!((report.filed, report.unmatched), (6, 5), "{report:?}");

    let notes = events(&app, case, "note").await;
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[0].0.starts_with("staff:"), "{notes:?}");
    assert!(notes[0].1.contains("I have called the team"));
    assert!(
        !notes[0].1.contains("New complaint"),
        "quoted history kept: {notes:?}"
    );
    assert!(
        !notes[0].1.contains("visibility"),
        "internal is the default: {notes:?}"
    );
    assert_eq!(notes[1].0, "email:advocacy");
    assert!(
        notes[1]
            .1
            .contains("\"visibility\":\"shared_with_advocate\""),
        "{notes:?}"
    );

    let from_child = events(&app, case, "message_from_child").await;
    assert_eq!(from_child.len(), 2, "{from_child:?}");
    assert!(from_child[0].1.contains("Thank you for listening"));
    let urgent: i64 = sqlx::query_scalar("select urgent from cases where id = $1")
        .bind(case)
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(urgent, 1, "worrying words by email make the case urgent");
    assert!(
        app.count_where("outbox", &format!("case_id = {case} and kind = 'urgent'"))
            .await
            >= 1
    );
    let other_case = case_id(&app, &other).await;
    assert_eq!(
        events(&app, other_case, "message_from_child").await.len(),
        1
    );

    // The bounce marked the first email failed; the staff banner counts it.
    let status: String = sqlx::query_scalar("select status from outbox where message_id = $1")
        .bind(&first)
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    assert_eq!(status, "failed");

    let mut reasons = unmatched_reasons(&app).await;
    reasons.sort();
    assert_eq!(
        reasons,
        [
            "auto_reply",
            "no_case",
            "other_case",
            "unauthenticated",
            "unknown_sender"
        ]
    );
    // Everything dealt with left the inbox for the Filed folder.
    assert_eq!(dovecot.count("INBOX").await, 0);
    assert_eq!(dovecot.count("Filed").await, 11);
    // A second poll finds nothing new and files nothing twice.
    let again = Poller::new(app.state.tracking.clone())
        .step()
        .await
        .unwrap();
    assert_eq!((again.filed, again.unmatched), (0, 0));
}

#[tokio::test]
async fn unmatched_mail_is_listed_escaped_and_filed_or_dismissed_by_staff() {
    let dovecot = Dovecot::start();
    let smtp = SmtpSink::start();
    let (app, reference, _) = mailbox_app(&dovecot, &smtp).await;
    let case = case_id(&app, &reference).await;
    dovecot
        .append(&reply(
            "stranger@example.org",
            "replies@testshire.gov.uk",
            "<script>alert(1)</script> subject",
            "",
            "Words <img src=x onerror=alert(2)> here",
        ))
        .await;
    let html = "From: other@example.org\r\nTo: replies@testshire.gov.uk\r\nSubject: html\r\n\
                Content-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p><script>steal()</script><p>there</p>\r\n";
    dovecot.append(html.as_bytes()).await;
    Poller::new(app.state.tracking.clone())
        .step()
        .await
        .unwrap();

    let password = app.add_staff("manager@testshire.gov.uk", "manager").await;
    let (browser, _) = app
        .sign_in("manager@testshire.gov.uk", &password, None)
        .await;
    let page = app.get_as(&browser, "/staff/mail").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("stranger@example.org"));
    assert!(!page.body.contains("<script>alert(1)"), "{}", page.body);
    assert!(!page.body.contains("<img src=x"), "{}", page.body);
    assert!(page.body.contains("&#60;img") || page.body.contains("&lt;img"));
    assert!(
        page.body.contains("Hi") && !page.body.contains("steal()"),
        "{}",
        page.body
    );
    let inbox = app.get_as(&browser, "/staff").await;
    assert!(inbox.body.contains("/staff/mail"));

    let ids: Vec<i64> =
        sqlx::query_scalar("select id from inbound_mail where status = 'unmatched' order by id")
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    assert_eq!(ids.len(), 2);
    let csrf = page.csrf();
    // A reference that is no case: the page again, the message by the field, what was typed kept.
    let wrong = app
        .post_as(
            &browser,
            &format!("/staff/mail/{}/file", ids[0]),
            &[("csrf", &csrf), ("reference", "HYS-ZZZZ-ZZZZ")],
        )
        .await;
    assert_eq!(wrong.status, 200);
    assert!(
        wrong.body.contains("There is no case with that reference"),
        "{}",
        wrong.body
    );
    assert!(wrong.body.contains("value=\"HYS-ZZZZ-ZZZZ\""));
    let filed = app
        .post_as(
            &browser,
            &format!("/staff/mail/{}/file", ids[0]),
            &[("csrf", &csrf), ("reference", &reference)],
        )
        .await;
    assert_eq!(filed.status, 200);
    let notes = events(&app, case, "note").await;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].0, "email");
    assert!(notes[0].1.contains("stranger@example.org"));
    app.post_as(
        &browser,
        &format!("/staff/mail/{}/dismiss", ids[1]),
        &[("csrf", &csrf)],
    )
    .await;
    assert_eq!(
        app.count_where("inbound_mail", "status = 'unmatched'")
            .await,
        0
    );
    assert_eq!(
        app.count_where("staff_audit", "action in ('mail_filed', 'mail_dismissed')")
            .await,
        2
    );
    // An advocate may not see the list.
    let password = app.add_staff("adv@advocacy.org.uk", "advocate").await;
    let (advocate, _) = app.sign_in("adv@advocacy.org.uk", &password, None).await;
    assert_eq!(app.get_as(&advocate, "/staff/mail").await.status, 404);
}

#[tokio::test]
async fn bad_mail_is_filed_safely_or_kept_unmatched() {
    let dovecot = Dovecot::start();
    let smtp = SmtpSink::start();
    let (app, reference, token) = mailbox_app(&dovecot, &smtp).await;
    let case = case_id(&app, &reference).await;
    let to = format!("replies+{token}@testshire.gov.uk");
    // Malformed MIME: a multipart with no boundary, then a broken base64 part.
    dovecot
        .append(
            format!(
                "From: {OFFICER}\r\nTo: {to}\r\nSubject: broken\r\nContent-Type: multipart/mixed\r\n\r\nNo boundary here\r\n"
            )
            .as_bytes(),
        )
        .await;
    dovecot
        .append(
            format!(
                "From: {OFFICER}\r\nTo: {to}\r\nSubject: b64\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64***\r\n"
            )
            .as_bytes(),
        )
        .await;
    // A wrong charset: Latin-1 bytes labelled UTF-8, and an unknown charset.
    let mut latin = format!(
        "From: {OFFICER}\r\nTo: {to}\r\nSubject: charset\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nCaf"
    )
    .into_bytes();
    latin.extend_from_slice(&[0xe9, b' ', b'o', b'k', b'\r', b'\n']);
    dovecot.append(&latin).await;
    dovecot
        .append(
            format!(
                "From: {OFFICER}\r\nTo: {to}\r\nSubject: x\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\nqapla\r\n"
            )
            .as_bytes(),
        )
        .await;
    // 10 MB: a short text and a large attachment, listed but not kept.
    let big = "QUFB".repeat(10 * 1024 * 1024 / 4);
    let mut lines = String::new();
    for chunk in big.as_bytes().chunks(76) {
        lines.push_str(std::str::from_utf8(chunk).unwrap());
        lines.push_str("\r\n");
    }
    dovecot
        .append(
            format!(
                "From: {OFFICER}\r\nTo: {to}\r\nSubject: big\r\nContent-Type: multipart/mixed; boundary=\"q\"\r\n\r\n\
                 --q\r\nContent-Type: text/plain\r\n\r\nSee the scan\r\n--q\r\nContent-Type: application/pdf; name=\"scan.pdf\"\r\n\
                 Content-Disposition: attachment; filename=\"scan.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{lines}--q--\r\n"
            )
            .as_bytes(),
        )
        .await;
    // HTML with scripts from staff: a note with the text only.
    dovecot
        .append(
            format!(
                "From: {OFFICER}\r\nTo: {to}\r\nSubject: html\r\nContent-Type: text/html\r\n\r\n<div>Agreed<script>document.cookie</script></div>\r\n"
            )
            .as_bytes(),
        )
        .await;
    // Not an email at all.
    dovecot
        .append(b"\x00\x01\x02 garbage with no headers")
        .await;

    let report = Poller::new(app.state.tracking.clone())
        .step()
        .await
        .expect("a poll");
    assert_eq!(report.filed + report.unmatched, 7, "{report:?}");
    assert_eq!(report.retried, 0);
    let notes = events(&app, case, "note").await;
    let all: String = notes.iter().map(|(_, d)| d.as_str()).collect();
    assert!(all.contains("Caf"), "{all}");
    assert!(all.contains("See the scan"), "{all}");
    assert!(
        all.contains("Agreed") && !all.contains("document.cookie"),
        "{all}"
    );
    assert!(!all.contains("QUFB"), "attachments are not kept");
    let attachments: String =
        sqlx::query_scalar("select attachments from inbound_mail where subject = 'big'")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert!(attachments.contains("scan.pdf"), "{attachments}");
    // Whatever could not be filed is in the list with its reason, never lost.
    for reason in unmatched_reasons(&app).await {
        assert!(!reason.is_empty());
    }
    assert_eq!(app.count("inbound_mail").await, 7);
    assert_eq!(dovecot.count("INBOX").await, 0);
}

#[tokio::test]
async fn two_pollers_on_one_database_file_each_message_once() {
    let dovecot = Dovecot::start();
    let smtp = SmtpSink::start();
    let (app, reference, token) = mailbox_app(&dovecot, &smtp).await;
    let case = case_id(&app, &reference).await;
    let to = format!("replies+{token}@testshire.gov.uk");
    for n in 0..12 {
        dovecot
            .append(&reply(OFFICER, &to, "Re:", "", &format!("Note number {n}")))
            .await;
    }
    let (a, b) = (
        Poller::new(app.state.tracking.clone()),
        Poller::new(app.state.tracking.clone()),
    );
    let (ra, rb) = tokio::join!(a.step(), b.step());
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    assert_eq!(ra.filed + rb.filed, 12, "{ra:?} {rb:?}");
    let notes = events(&app, case, "note").await;
    assert_eq!(notes.len(), 12);
    for n in 0..12 {
        let needle = format!("Note number {n}\"");
        assert_eq!(
            notes.iter().filter(|(_, d)| d.contains(&needle)).count(),
            1,
            "{needle}"
        );
    }
    assert_eq!(app.count("inbound_mail").await, 12);
}

#[tokio::test]
async fn a_message_that_cannot_be_filed_is_retried_then_kept_with_its_error() {
    let dovecot = Dovecot::start();
    let smtp = SmtpSink::start();
    let (app, reference, token) = mailbox_app(&dovecot, &smtp).await;
    dovecot
        .append(&reply(
            CHILD,
            &format!("replies+{token}@testshire.gov.uk"),
            "Re:",
            "",
            "Please call me",
        ))
        .await;
    // The timeline cannot be written to: each try fails.
    sqlx::query("alter table case_events rename to case_events_away")
        .execute(app.store.pool())
        .await
        .unwrap();
    let poller = Poller::new(app.state.tracking.clone());
    for _ in 0..2 {
        let r = poller.step().await.unwrap();
        assert_eq!(r.retried, 1, "{r:?}");
        assert_eq!(
            dovecot.count("INBOX").await,
            1,
            "kept in the mailbox until dealt with"
        );
    }
    let r = poller.step().await.unwrap();
    assert_eq!((r.retried, r.unmatched), (0, 1), "{r:?}");
    sqlx::query("alter table case_events_away rename to case_events")
        .execute(app.store.pool())
        .await
        .unwrap();
    let (reason, error): (String, String) =
        sqlx::query_as("select reason, last_error from inbound_mail where status = 'unmatched'")
            .fetch_one(app.store.pool())
            .await
            .unwrap();
    assert_eq!(reason, "error");
    assert!(!error.is_empty());
    assert!(!error.contains("Please call me"), "no words in the error");
    let _ = reference;
}

#[tokio::test]
async fn xoauth2_signs_in_with_a_bearer_token() {
    let dovecot = Dovecot::start();
    let mut settings = dovecot.settings();
    settings.auth =
        have_your_say::config::inbound::ImapAuth::OAuth2(helpers::imap::PASSWORD.into());
    let mut session = have_your_say::inbound::imap::connect(&settings)
        .await
        .expect("XOAUTH2 sign-in");
    session.select("INBOX").await.expect("select");
    let _ = session.logout().await;
    assert!(
        dovecot.log().contains("method=XOAUTH2"),
        "{}",
        dovecot.log()
    );
}
