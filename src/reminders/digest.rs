//! The daily digest: on each working day, from the configured London time, every active officer
//! gets one email listing the cases assigned to them that need attention (response overdue,
//! acknowledgement overdue, response due within two working days, the complainant's window to
//! ask for the next stage closing), and every manager the same for the whole service. Nobody
//! gets an empty one.
//!
//! Every instance runs the tick; the store's unique `(staff, day)` row decides which one
//! queues each person's digest, in the same transaction as its outbox row, so it is sent,
//! retried and recorded like every other email. The digest names cases by reference, kind,
//! topic and date, with a link: never a child's words or name, and its subject only a count
//! and the day.

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use askama::Template;
use fluent::{FluentArgs, FluentValue};
use time::{Date, OffsetDateTime};
use tokio::sync::watch;

use super::risk::{Reminder, assess};
use crate::config::Config;
use crate::domain::{Case, StaffRole};
use crate::i18n::{Locale, Localizer};
use crate::store::reminders::NewDigest;
use crate::store::staff::StaffMember;
use crate::store::{Store, StoreError};
use crate::timescale::Calendar;

/// Message ids formatted here (with `digest-section-*` and `digest-line-*` per reminder).
pub const MESSAGE_IDS: &[&str] = &[
    "digest-subject",
    "digest-intro-officer",
    "digest-intro-manager",
    "digest-topic-none",
    "digest-open-inbox",
    "digest-footer",
];

/// How often each instance looks whether the digest is due. The first look waits as long, so
/// an instance starting up does its other work first.
const TICK: Duration = Duration::from_secs(60);

pub struct Digester {
    store: Store,
    config: Arc<Config>,
    words: Arc<Localizer>,
    calendar: Calendar,
    outbox: crate::notify::Outbox,
    /// The Julian day this instance last finished a pass for: nothing more to do until the
    /// next day (an empty list then is still empty later, as dates only move daily).
    done_on: AtomicI32,
}

/// One case's line in a section.
struct Line {
    reference: String,
    link: String,
    text: String,
}

struct Section {
    heading: String,
    lines: Vec<Line>,
}

#[derive(Template)]
#[template(path = "email_digest.html", config = "src/web/askama.toml")]
struct DigestHtml<'a> {
    subject: &'a str,
    intro: &'a str,
    sections: &'a [Section],
    inbox: &'a str,
    inbox_label: &'a str,
    footer: &'a str,
}

impl Digester {
    pub fn new(
        store: Store,
        config: Arc<Config>,
        words: Arc<Localizer>,
        calendar: Calendar,
        outbox: crate::notify::Outbox,
    ) -> Self {
        Self {
            store,
            config,
            words,
            calendar,
            outbox,
            done_on: AtomicI32::new(i32::MIN),
        }
    }

    /// Look once a minute until `stop`; a failed look is logged and tried at the next.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        if self.config.reminders.digest_at.is_none() {
            return;
        }
        loop {
            tokio::select! {
                _ = stop.changed() => return,
                () = tokio::time::sleep(TICK) => {}
            }
            if *stop.borrow() {
                return;
            }
            if let Err(e) = self.try_execute_tick(OffsetDateTime::now_utc()).await {
                tracing::warn!(error = %e, "daily digest not queued; will try again");
            }
        }
    }

    /// Queue every digest due at `now` that no instance has queued yet; returns how many this
    /// call queued. Tests call this directly, with the time they want.
    pub async fn try_execute_tick(&self, now: OffsetDateTime) -> Result<usize, StoreError> {
        let Some(at) = self.config.reminders.digest_at else {
            return Ok(0);
        };
        let local = now.to_offset(crate::timescale::london_offset(now));
        let today = local.date();
        // Reminders are for the working day: none at weekends or on bank holidays.
        if local.time() < at
            || !self.calendar.is_working_day(today)
            || self.done_on.load(Ordering::Relaxed) == today.to_julian_day()
        {
            return Ok(0);
        }
        let done = self.store.digests_queued_on(today).await?;
        let people: Vec<StaffMember> = self
            .store
            .list_staff()
            .await?
            .into_iter()
            .filter(|s| {
                !s.disabled
                    && matches!(s.role, StaffRole::Officer | StaffRole::Manager)
                    && !done.contains(&s.id)
            })
            .collect();
        let mut queued = 0;
        if !people.is_empty() {
            let cases: Vec<(Case, Vec<Reminder>)> = self
                .store
                .open_cases_for_reminders()
                .await?
                .into_iter()
                .filter_map(|case| {
                    let reminders = assess(&case, today, &self.calendar).reminders;
                    (!reminders.is_empty()).then_some((case, reminders))
                })
                .collect();
            let domain = crate::notify::message_domain(&self.config.mail.from);
            for person in &people {
                let theirs: Vec<&(Case, Vec<Reminder>)> = cases
                    .iter()
                    .filter(|(case, _)| {
                        person.role == StaffRole::Manager || case.assignee_id == Some(person.id)
                    })
                    .collect();
                let Some(digest) = self.render(person, today, &theirs) else {
                    continue;
                };
                if self.store.queue_digest(&digest, domain).await? {
                    queued += 1;
                }
            }
        }
        self.done_on.store(today.to_julian_day(), Ordering::Relaxed);
        if queued > 0 {
            tracing::info!(digests = queued, "daily digests queued");
            self.outbox.queued();
        }
        Ok(queued)
    }

    /// The digest for one person, or `None` when nothing of theirs needs attention.
    fn render(
        &self,
        person: &StaffMember,
        today: Date,
        cases: &[&(Case, Vec<Reminder>)],
    ) -> Option<NewDigest> {
        if cases.is_empty() {
            return None;
        }
        let locale = self.words.fallback();
        let text = |id: &str, args: &[(&str, FluentValue)]| self.text(&locale, id, args);
        let day = self.words.short_date(&locale, today);
        let count = i64::try_from(cases.len()).unwrap_or(i64::MAX);
        let subject = text(
            "digest-subject",
            &[("count", count.into()), ("day", day.clone().into())],
        );
        let intro = text(
            match person.role {
                StaffRole::Manager => "digest-intro-manager",
                _ => "digest-intro-officer",
            },
            &[],
        );
        let sections = self.sections(&locale, cases);
        let inbox = format!("{}/staff", self.config.public_url);
        let inbox_label = text("digest-open-inbox", &[]);
        let footer = text(
            "digest-footer",
            &[("authority", self.config.authority_name.clone().into())],
        );
        let mut body = format!("{intro}\n");
        for section in &sections {
            body.push_str(&format!("\n{}\n", section.heading));
            for line in &section.lines {
                body.push_str(&format!(
                    "- {} · {}\n  {}\n",
                    line.reference, line.text, line.link
                ));
            }
        }
        body.push_str(&format!("\n{inbox_label}: {inbox}\n\n-- \n{footer}\n"));
        let html = DigestHtml {
            subject: &subject,
            intro: &intro,
            sections: &sections,
            inbox: &inbox,
            inbox_label: &inbox_label,
            footer: &footer,
        }
        .render()
        .map_err(|e| tracing::error!(error = %e, "digest email could not be built"))
        .ok()?;
        Some(NewDigest {
            staff_id: person.id,
            recipient: person.email.clone(),
            day: today,
            cases: count,
            subject,
            text: body,
            html,
        })
    }

    /// One section per kind of reminder, most pressing first; a case may be in two.
    fn sections(&self, locale: &Locale, cases: &[&(Case, Vec<Reminder>)]) -> Vec<Section> {
        Reminder::KINDS
            .iter()
            .filter_map(|kind| {
                let lines: Vec<Line> = cases
                    .iter()
                    .flat_map(|(case, reminders)| {
                        reminders
                            .iter()
                            .filter(|r| r.kind() == *kind)
                            .map(|r| self.line(locale, case, *r))
                    })
                    .collect();
                (!lines.is_empty()).then(|| Section {
                    heading: self.text(locale, &format!("digest-section-{kind}"), &[]),
                    lines,
                })
            })
            .collect()
    }

    fn line(&self, locale: &Locale, case: &Case, reminder: Reminder) -> Line {
        let label = |id: String| {
            if self.words.has(locale, &id) {
                self.text(locale, &id, &[])
            } else {
                String::new()
            }
        };
        let topic = case
            .category
            .map(|c| label(format!("label-category-{}", c.as_str())))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| self.text(locale, "digest-topic-none", &[]));
        let date = self.words.short_date(locale, reminder.date());
        Line {
            reference: case.reference.to_string(),
            link: format!("{}/staff/cases/{}", self.config.public_url, case.reference),
            text: self.text(
                locale,
                &format!("digest-line-{}", reminder.kind()),
                &[
                    (
                        "kind",
                        label(format!("label-kind-{}", case.kind.as_str())).into(),
                    ),
                    ("topic", topic.into()),
                    ("date", date.into()),
                ],
            ),
        }
    }

    fn text(&self, locale: &Locale, id: &str, args: &[(&str, FluentValue)]) -> String {
        let mut fluent = FluentArgs::new();
        for (k, v) in args {
            fluent.set(*k, v.clone());
        }
        self.words.text(locale, id, Some(&fluent))
    }
}
