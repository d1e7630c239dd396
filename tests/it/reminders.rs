//! Reminders as staff and children meet them: the daily digest reaches each officer (their own
//! cases) and each manager (the whole service) once a day through a real SMTP server, even
//! with two instances on one database, and never an empty one; and the inbox shows a late
//! acknowledgement as late and at risk. (The child's reply emails: `reply_emails.rs`.)

use crate::helpers;

use have_your_say::domain::Reference;
use have_your_say::reminders::digest::Digester;
use have_your_say::store::cases::format_date;
use have_your_say::timescale::{Calendar, london_offset};
use helpers::smtp::SmtpSink;
use helpers::{StaffBrowser as Staff, TestApp, spawn_app_with};
use time::{Date, OffsetDateTime};

use helpers::COMPLAINT_BY_EMAIL as COMPLAINT;
use helpers::COMPLIMENT_ABOUT_BEING_HEARD as COMPLIMENT;

/// An instance; given another's, a second instance of the same service: its database and its
/// public URL (each test app otherwise gets the URL of its own port).
async fn app_on(smtp: &SmtpSink, same_service_as: Option<&TestApp>) -> TestApp {
    let port = smtp.port;
    let shared =
        same_service_as.map(|a| (a.config.database_url.clone(), a.config.public_url.clone()));
    spawn_app_with(move |c| {
        c.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}").into());
        c.mail.from = "Have Your Say <hys@council.gov.uk>".into();
        c.routing.rights_officer = vec!["cro-inbox@council.gov.uk".into()];
        if let Some((database_url, public_url)) = shared {
            c.database_url = database_url;
            c.public_url = public_url;
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
        s.outbox.clone(),
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

#[tokio::test]
async fn each_officer_and_manager_gets_one_digest_a_day_from_two_instances() {
    // Arrange: two instances on one database, one real SMTP server.
    let smtp = SmtpSink::start();
    let first = app_on(&smtp, None).await;
    let second = app_on(&smtp, Some(&first)).await;
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
    first.dispatch_emails().await;

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
    first.dispatch_emails().await;

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
    // (The column's label, "On time?", is on every card; the state is the tag.)
    assert!(!late_row.contains(">On time<"), "{late_row}");
    assert!(late_row.contains("At risk"), "{late_row}");
    let fresh_row = row(&fresh);
    assert!(fresh_row.contains(">On time<"), "{fresh_row}");
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
async fn a_bounced_digest_is_failed_and_shown_without_breaking_the_inbox() {
    let smtp = SmtpSink::start();
    let app = app_on(&smtp, None).await;
    let mo = Staff::sign_in(&app, "mo@council.gov.uk", "manager").await;
    let reference = case(&app, COMPLAINT).await;
    let day =
        Calendar::england_and_wales().add_working_days(acknowledge_by(&app, &reference).await, 1);
    assert_eq!(
        digester(&app)
            .try_execute_tick(london(day, 9))
            .await
            .unwrap(),
        1
    );
    app.dispatch_emails().await;
    let (message_id,): (String,) =
        sqlx::query_as("select message_id from outbox where kind = 'digest'")
            .fetch_one(app.store.pool())
            .await
            .unwrap();

    // As the reply mailbox reader does when a bounce names it.
    let cases = app
        .store
        .mark_bounced(&[message_id], "5.1.1 no such user")
        .await
        .unwrap();

    assert!(cases.is_empty(), "a digest is about no one case");
    assert_eq!(
        app.count_where("outbox", "kind = 'digest' and status = 'failed'")
            .await,
        1
    );
    let inbox = app.get_as(&mo.browser, "/staff").await;
    assert_eq!(inbox.status, 200);
    assert!(
        inbox.body.contains("/staff/outbox/retry"),
        "the failed email is shown"
    );
}
