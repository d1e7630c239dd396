//! Reminders as staff and children meet them: the daily digest reaches each officer (their own
//! cases) and each manager (the whole service) once a day through a real SMTP server, even
//! with two instances on one database, and never an empty one; the inbox shows a late
//! acknowledgement as late and at risk; and a burst of replies sends the child one email.

mod helpers;

use std::time::Duration;

use have_your_say::domain::Reference;
use have_your_say::reminders::digest::Digester;
use have_your_say::store::cases::format_date;
use have_your_say::timescale::{Calendar, london_offset};
use helpers::smtp::SmtpSink;
use helpers::{Page, TestApp, spawn_app_with};
use time::{Date, OffsetDateTime};

const WAIT: Duration = Duration::from_secs(20);

/// A complaint from a young person who wants replies by email.
const COMPLAINT: &[&str] = &[
    "complaint",
    "young_person",
    "money",
    "My allowance was late again",
    "",
    "no",
    "email",
    "sam@example.org",
    "Sam",
    "14",
];
const COMPLIMENT: &[&str] = &[
    "compliment",
    "young_person",
    "school",
    "My teacher listened to me",
    "none",
    "",
    "11",
];

async fn app_on(smtp: &SmtpSink, database_url: Option<String>) -> TestApp {
    let port = smtp.port;
    spawn_app_with(move |c| {
        c.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        c.mail.from = "Have Your Say <hys@council.gov.uk>".into();
        c.routing.rights_officer = vec!["cro-inbox@council.gov.uk".into()];
        if let Some(url) = database_url {
            c.database_url = url;
        }
    })
    .await
}

fn digester(app: &TestApp) -> Digester {
    let s = &app.state;
    Digester::new(
        s.store.clone(),
        s.config.clone(),
        s.words.clone(),
        s.calendar.clone(),
        s.mailer.wake.clone(),
    )
}

async fn case(app: &TestApp, values: &[&str]) -> String {
    let reference = app.send(values).await.reference();
    app.get("/leave").await;
    reference
}

async fn staff_id(app: &TestApp, email: &str) -> String {
    let id: (i64,) = sqlx::query_as("select id from staff where email = $1")
        .bind(email)
        .fetch_one(app.store.pool())
        .await
        .unwrap();
    id.0.to_string()
}

/// A signed-in member of staff.
struct Staff<'a> {
    app: &'a TestApp,
    browser: reqwest::Client,
    csrf: String,
}

impl<'a> Staff<'a> {
    async fn sign_in(app: &'a TestApp, email: &str, role: &str) -> Staff<'a> {
        let password = app.add_staff(email, role).await;
        let (browser, page) = app.sign_in(email, &password, None).await;
        Staff {
            app,
            browser,
            csrf: page.csrf(),
        }
    }

    /// Open the case page, then send one of its forms, as a person would.
    async fn act(&self, reference: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let page = self
            .app
            .get_as(&self.browser, &format!("/staff/cases/{reference}"))
            .await;
        let revision = page.revision();
        let mut form = vec![
            ("csrf", self.csrf.as_str()),
            ("revision", revision.as_str()),
        ];
        form.extend_from_slice(fields);
        let page = self
            .app
            .post_as(
                &self.browser,
                &format!("/staff/cases/{reference}/{action}"),
                &form,
            )
            .await;
        assert_eq!(page.status, 200, "{action}: {}", page.body);
        page
    }
}

async fn acknowledge_by(app: &TestApp, reference: &str) -> Date {
    app.store
        .case_by_reference(&Reference::parse(reference).unwrap())
        .await
        .unwrap()
        .unwrap()
        .acknowledge_by
        .expect("an acknowledgement date")
}

/// `day` at `hour`:00 in London.
fn london(day: Date, hour: u8) -> OffsetDateTime {
    let guess = day.with_hms(hour, 0, 0).unwrap().assume_utc();
    guess - time::Duration::seconds(i64::from(london_offset(guess).whole_seconds()))
}

/// Poll until no email is waiting to go now (every due row sent), or time runs out.
async fn outbox_drained(app: &TestApp) {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let now = have_your_say::store::now_ms();
        let waiting = app
            .count_where(
                "outbox",
                &format!("status in ('pending', 'sending') and next_attempt_at <= {now}"),
            )
            .await;
        if waiting == 0 {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "emails still waiting");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn each_officer_and_manager_gets_one_digest_a_day_from_two_instances() {
    // Arrange: two instances on one database, one real SMTP server.
    let smtp = SmtpSink::start();
    let first = app_on(&smtp, None).await;
    let second = app_on(&smtp, Some(first.config.database_url.clone())).await;
    let ana = Staff::sign_in(&first, "ana@council.gov.uk", "officer").await;
    let ben = Staff::sign_in(&first, "ben@council.gov.uk", "officer").await;
    first.add_staff("mo@council.gov.uk", "manager").await;
    first.add_staff("ada@advocacy.org.uk", "advocate").await;
    first.add_staff("admin@council.gov.uk", "admin").await;
    first.add_staff("dee@council.gov.uk", "officer").await;
    first
        .store
        .disable_staff("dee@council.gov.uk")
        .await
        .unwrap();
    let (ana_id, ben_id) = (
        staff_id(&first, "ana@council.gov.uk").await,
        staff_id(&first, "ben@council.gov.uk").await,
    );
    let dee_id = staff_id(&first, "dee@council.gov.uk").await;

    // Ana's: one never acknowledged, one acknowledged whose response is due tomorrow.
    let late_ack = case(&first, COMPLAINT).await;
    ana.act(&late_ack, "assign", &[("assignee", &ana_id)]).await;
    let due_soon = case(&first, COMPLAINT).await;
    ana.act(&due_soon, "assign", &[("assignee", &ana_id)]).await;
    ana.act(&due_soon, "acknowledge", &[]).await;
    // Ben's: acknowledged, weeks to go: nothing to remind him of, so no email at all.
    let fine = case(&first, COMPLAINT).await;
    ben.act(&fine, "assign", &[("assignee", &ben_id)]).await;
    ben.act(&fine, "acknowledge", &[]).await;
    // Nobody's: a compliment never acknowledged (managers see it).
    let compliment = case(&first, COMPLIMENT).await;
    // A disabled officer's case is still the service's.
    let orphan = case(&first, COMPLAINT).await;
    sqlx::query("update cases set assignee_id = $1 where reference = $2")
        .bind(dee_id.parse::<i64>().unwrap())
        .bind(&orphan)
        .execute(first.store.pool())
        .await
        .unwrap();

    // The digest day: the first working day after the acknowledgements were due.
    let calendar = Calendar::england_and_wales();
    let ack_by = acknowledge_by(&first, &late_ack).await;
    let day = calendar.add_working_days(ack_by, 1);
    let tomorrow = calendar.add_working_days(day, 1);
    sqlx::query("update cases set due_on = $1 where reference = $2")
        .bind(format_date(tomorrow))
        .bind(&due_soon)
        .execute(first.store.pool())
        .await
        .unwrap();
    outbox_drained(&first).await;

    // Act: before 08:00 nothing goes; at 09:00 both instances tick at once, then again.
    let (one, two) = (digester(&first), digester(&second));
    assert_eq!(one.try_execute_tick(london(day, 7)).await.unwrap(), 0);
    let (a, b) = tokio::join!(
        one.try_execute_tick(london(day, 9)),
        two.try_execute_tick(london(day, 9))
    );
    let queued = a.unwrap() + b.unwrap();
    let (again_one, again_two) = (digester(&first), digester(&second));
    let (c, d) = tokio::join!(
        again_one.try_execute_tick(london(day, 10)),
        again_two.try_execute_tick(london(day, 11))
    );
    outbox_drained(&first).await;

    // Assert: Ana and Mo, once each; Ben (nothing due), the advocate, the admin and the
    // disabled officer get nothing.
    assert_eq!(queued, 2);
    assert_eq!((c.unwrap(), d.unwrap()), (0, 0));
    assert_eq!(first.count("digests").await, 2);
    let mail = smtp.received();
    let digests: Vec<_> = mail
        .iter()
        .filter(|m| m.subject.starts_with("Have Your Say:"))
        .collect();
    let mut to: Vec<&str> = digests.iter().map(|m| m.rcpt_to.as_str()).collect();
    to.sort();
    assert_eq!(to, ["ana@council.gov.uk", "mo@council.gov.uk"], "{mail:#?}");
    let words = &first.state.words;
    let day_text = words.short_date(&words.fallback(), day);
    let of = |who: &str| *digests.iter().find(|m| m.rcpt_to == who).unwrap();

    let ana_mail = of("ana@council.gov.uk");
    assert_eq!(
        ana_mail.subject,
        format!("Have Your Say: 2 cases need attention today, {day_text}")
    );
    for (reference, listed) in [
        (&late_ack, true),
        (&due_soon, true),
        (&fine, false),
        (&compliment, false),
        (&orphan, false),
    ] {
        assert_eq!(
            ana_mail.text.contains(reference.as_str()),
            listed,
            "{reference}"
        );
    }
    assert!(ana_mail.text.contains("Not acknowledged in time"));
    assert!(
        ana_mail
            .text
            .contains("Response due in the next 2 working days")
    );
    assert!(ana_mail.text.contains(&format!(
        "{due_soon} · Complaint, Money and allowances: the response is due {}",
        words.short_date(&words.fallback(), tomorrow)
    )));
    assert!(ana_mail.text.contains(&format!(
        "{}/staff/cases/{late_ack}",
        first.config.public_url
    )));
    assert!(
        ana_mail
            .html
            .contains(&format!("/staff/cases/{due_soon}\""))
    );

    let mo_mail = of("mo@council.gov.uk");
    assert_eq!(
        mo_mail.subject,
        format!("Have Your Say: 4 cases need attention today, {day_text}")
    );
    for reference in [&late_ack, &due_soon, &compliment, &orphan] {
        assert!(mo_mail.text.contains(reference.as_str()), "{reference}");
    }
    assert!(!mo_mail.text.contains(fine.as_str()));
    assert!(mo_mail.text.contains("across the service"));

    // No child's words, name or address anywhere in either.
    for m in [ana_mail, mo_mail] {
        for private in ["was late again", "teacher", "Sam", "sam@example.org"] {
            let shown = format!("{}\n{}\n{}", m.subject, m.text, m.html);
            assert!(!shown.contains(private), "{private} in {shown}");
        }
    }
}

#[tokio::test]
async fn nobody_gets_a_digest_at_weekends_or_when_it_is_turned_off() {
    let smtp = SmtpSink::start();
    let app = app_on(&smtp, None).await;
    let ana = Staff::sign_in(&app, "ana@council.gov.uk", "officer").await;
    let ana_id = staff_id(&app, "ana@council.gov.uk").await;
    let reference = case(&app, COMPLAINT).await;
    ana.act(&reference, "assign", &[("assignee", &ana_id)])
        .await;
    let ack_by = acknowledge_by(&app, &reference).await;
    let calendar = Calendar::england_and_wales();
    let mut saturday = ack_by;
    while saturday.weekday() != time::Weekday::Saturday {
        saturday = saturday.next_day().unwrap();
    }
    assert_eq!(
        digester(&app)
            .try_execute_tick(london(saturday, 9))
            .await
            .unwrap(),
        0
    );

    let off = spawn_app_with(|c| c.reminders.digest_at = None).await;
    let day = calendar.add_working_days(ack_by, 1);
    assert_eq!(
        digester(&off)
            .try_execute_tick(london(day, 9))
            .await
            .unwrap(),
        0
    );
    assert_eq!(app.count("digests").await, 0);
}

#[tokio::test]
async fn the_inbox_shows_a_late_acknowledgement_as_late_and_at_risk() {
    let smtp = SmtpSink::start();
    let app = app_on(&smtp, None).await;
    let ana = Staff::sign_in(&app, "ana@council.gov.uk", "officer").await;
    let late = case(&app, COMPLAINT).await;
    let fresh = case(&app, COMPLAINT).await;
    // Acknowledgement due two working days ago; the response is still weeks away.
    let calendar = Calendar::england_and_wales();
    let today = have_your_say::timescale::today_in_england(OffsetDateTime::now_utc());
    let mut two_ago = today;
    for _ in 0..2 {
        two_ago = two_ago.previous_day().unwrap();
        while !calendar.is_working_day(two_ago) {
            two_ago = two_ago.previous_day().unwrap();
        }
    }
    sqlx::query("update cases set acknowledge_by = $1 where reference = $2")
        .bind(format_date(two_ago))
        .bind(&late)
        .execute(app.store.pool())
        .await
        .unwrap();

    let inbox = app.get_as(&ana.browser, "/staff").await;
    assert_eq!(inbox.status, 200);
    let row = |reference: &str| {
        let from = inbox.body.find(&format!(">{reference}</a>")).unwrap();
        let to = inbox.body[from..].find("</tr>").unwrap() + from;
        inbox.body[from..to].to_owned()
    };
    let late_row = row(&late);
    assert!(late_row.contains("tag-red\">Late"), "{late_row}");
    assert!(!late_row.contains("On time"), "{late_row}");
    assert!(late_row.contains("At risk"), "{late_row}");
    let fresh_row = row(&fresh);
    assert!(fresh_row.contains("On time"), "{fresh_row}");
    assert!(!fresh_row.contains("At risk"), "{fresh_row}");

    // The case page says the same.
    let page = app
        .get_as(&ana.browser, &format!("/staff/cases/{late}"))
        .await;
    assert!(page.body.contains("tag-red\">Late"), "{}", page.body);

    // Once acknowledged, only the response's date counts.
    ana.act(&late, "acknowledge", &[]).await;
    let inbox = app.get_as(&ana.browser, "/staff").await;
    let from = inbox.body.find(&format!(">{late}</a>")).unwrap();
    let to = inbox.body[from..].find("</tr>").unwrap() + from;
    assert!(inbox.body[from..to].contains("On time"));
}

#[tokio::test]
async fn a_burst_of_replies_sends_the_child_one_email_and_the_next_waits_an_hour() {
    let smtp = SmtpSink::start();
    let app = app_on(&smtp, None).await;
    let ana = Staff::sign_in(&app, "ana@council.gov.uk", "officer").await;
    let reference = case(&app, COMPLAINT).await;
    outbox_drained(&app).await;

    for n in 1..=12 {
        ana.act(
            &reference,
            "reply",
            &[("text", &format!("Reply number {n}: we are on it."))],
        )
        .await;
    }
    outbox_drained(&app).await;

    let to_child: Vec<_> = smtp
        .received()
        .into_iter()
        .filter(|m| m.rcpt_to == "sam@example.org")
        .collect();
    assert_eq!(to_child.len(), 1, "{to_child:#?}");
    // Every reply is on the tracking page all the same.
    let replies = app
        .count_where("case_events", "kind = 'message_to_child'")
        .await;
    assert_eq!(replies, 12);
    // At most one more is waiting, due exactly an hour after the one that went.
    let hour = 60 * 60 * 1000;
    let rows: Vec<(String, i64, Option<i64>)> = sqlx::query_as(
        "select status, next_attempt_at, sent_at from outbox \
         where kind = 'reply_to_child' order by id",
    )
    .fetch_all(app.store.pool())
    .await
    .unwrap();
    assert!(rows.len() <= 2, "{rows:?}");
    assert_eq!(rows[0].0, "sent");
    // The window runs from when the first went: its send time, or (if a reply came while
    // it was on its way) the moment it was going.
    if let Some((status, due, _)) = rows.get(1) {
        assert_eq!(status, "pending");
        let (went_due, went_sent) = (rows[0].1, rows[0].2.unwrap());
        assert!(
            (went_due..=went_sent + 1000).contains(&(due - hour)),
            "{rows:?}"
        );
    }
}

#[tokio::test]
async fn with_no_window_each_reply_may_email_the_child() {
    let smtp = SmtpSink::start();
    let port = smtp.port;
    let app = spawn_app_with(move |c| {
        c.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        c.reminders.child_reply_every = Duration::ZERO;
    })
    .await;
    let ana = Staff::sign_in(&app, "ana@council.gov.uk", "officer").await;
    let reference = case(&app, COMPLAINT).await;
    for n in 1..=3 {
        ana.act(&reference, "reply", &[("text", &format!("Reply {n}"))])
            .await;
        outbox_drained(&app).await;
    }
    assert_eq!(
        app.count_where("outbox", "kind = 'reply_to_child' and status = 'sent'")
            .await,
        3
    );
}
