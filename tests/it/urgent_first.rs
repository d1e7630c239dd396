//! Urgent first, always, and a crash never holds an urgent email back: the worker sends urgent
//! rows before routine ones, even when they arrive while a routine batch is being sent; a row
//! whose worker died comes back when its short lease runs out, and a live worker renews its
//! lease so nobody takes a row it is still sending; on SQLite a restart releases at once what
//! the dead process held; and after a SIGKILL of the real binary the urgent email it was
//! sending arrives within 30 s of the restart.
//!
//! Every test runs on SQLite, and on PostgreSQL when `TEST_DATABASE_URL` is set. The mail
//! server is aiosmtpd on loopback, run from a small script here that logs each message's
//! Message-ID in order of arrival and can hold back the messages to one address (a send in
//! flight) until told to let them go. Except the kill test, the tests build the service without
//! running it, so no worker but the test's own touches the outbox, and drive the worker one
//! round at a time.

use crate::helpers;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use have_your_say::app::App;
use have_your_say::config::Config;
use have_your_say::intake::{self, Outcome};
use have_your_say::notify::worker::{Round, Worker};
use have_your_say::store::now_ms;
use have_your_say::web::AppState;
use helpers::process::Server;
use helpers::smtp::free_port;
use serde_json::{Value, json};
use sqlx::Connection;
use tokio::sync::watch;

const CRO: &str = "cro@testshire.gov.uk";
const ADVOCACY: &str = "referrals@advocacy-testshire.org.uk";
const DUTY: &str = "duty@testshire.gov.uk";
/// A compliment: one routine email, to the rights officer.
const ROUTINE: &[(&str, Option<&str>)] = &[
    ("kind", Some("compliment")),
    ("role", Some("young_person")),
    ("about", Some("school")),
    ("what-was-good", Some("My teacher listened")),
    ("contact", Some("none")),
    ("first-name", None),
    ("age", Some("11")),
    ("about-you", Some("skip")),
    ("check", None),
];
/// A complaint in words that sound like the child is not safe: the case is urgent, so two
/// urgent emails, to the duty team and the rights officer (no referral: no advocate wanted).
const URGENT: &[(&str, Option<&str>)] = &[
    ("kind", Some("complaint")),
    ("role", Some("young_person")),
    ("about", Some("money")),
    (
        "what-happened",
        Some("My carer hits me when I come home late"),
    ),
    ("what-would-help", Some("Someone to talk to")),
    ("advocate", Some("no")),
    ("contact", Some("none")),
    ("first-name", None),
    ("age", Some("14")),
    ("about-you", Some("skip")),
    ("check", None),
];
/// aiosmtpd with a handler that logs `held` and `arrived` events with each message's
/// Message-ID, and holds every message to one address while the hold file exists. Run as
/// `python3 sink.py HOST:PORT EVENTS.jsonl HOLD_FILE HELD_ADDRESS`.
const SINK: &str = r#"
import asyncio, email, json, os, sys, time
from aiosmtpd.smtp import SMTP

listen, log_path, hold_path, held = sys.argv[1:5]
host, port = listen.rsplit(":", 1)
log = open(log_path, "a", buffering=1)


def record(event, envelope):
    message = email.message_from_bytes(envelope.content)
    log.write(json.dumps({
        "at_ms": time.time() * 1000,
        "event": event,
        "message_id": (message.get("Message-ID") or "").strip(),
        "to": [a.lower() for a in envelope.rcpt_tos],
    }) + "\n")


class Handler:
    async def handle_DATA(self, server, session, envelope):
        if held in [a.lower() for a in envelope.rcpt_tos] and os.path.exists(hold_path):
            record("held", envelope)
            while os.path.exists(hold_path):
                await asyncio.sleep(0.02)
        record("arrived", envelope)
        return "250 OK"


loop = asyncio.new_event_loop()
loop.run_until_complete(loop.create_server(lambda: SMTP(Handler()), host, int(port)))
log.write(json.dumps({"at_ms": time.time() * 1000, "event": "listening"}) + "\n")
loop.run_forever()
"#;

#[derive(Debug, Clone, serde::Deserialize)]
struct Event {
    event: String,
    #[serde(default)]
    message_id: String,
    #[serde(default)]
    to: Vec<String>,
}

struct Sink {
    port: u16,
    dir: tempfile::TempDir,
    child: Child,
}

impl Sink {
    /// A sink that holds messages to `held` whenever [`Sink::hold`] is on.
    fn start(held: &str) -> Self {
        let dir = tempfile::tempdir().expect("sink folder");
        std::fs::write(dir.path().join("sink.py"), SINK).expect("sink script");
        let port = free_port();
        let errors = dir.path().join("sink.stderr");
        let child = Command::new("python3")
            .arg(dir.path().join("sink.py"))
            .arg(format!("127.0.0.1:{port}"))
            .arg(dir.path().join("events.jsonl"))
            .arg(dir.path().join("hold"))
            .arg(held.to_lowercase())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&errors).expect("sink error log"))
            .spawn()
            .expect("python3 with aiosmtpd (pip install aiosmtpd)");
        let sink = Self { port, dir, child };
        assert!(
            helpers::eventually_blocking(|| sink.events().iter().any(|e| e.event == "listening")),
            "the sink did not start: {}",
            std::fs::read_to_string(&errors).unwrap_or_default()
        );
        sink
    }

    fn hold_file(&self) -> PathBuf {
        self.dir.path().join("hold")
    }

    fn hold(&self) {
        std::fs::write(self.hold_file(), b"").expect("hold file");
    }

    fn let_go(&self) {
        std::fs::remove_file(self.hold_file()).expect("hold file removed");
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    fn events(&self) -> Vec<Event> {
        std::fs::read_to_string(self.dir.path().join("events.jsonl"))
            .unwrap_or_default()
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| serde_json::from_str(line).expect("a sink event"))
            .collect()
    }

    /// Message-IDs in the order the server took the messages.
    fn arrived(&self) -> Vec<String> {
        self.events()
            .into_iter()
            .filter(|e| e.event == "arrived")
            .map(|e| e.message_id)
            .collect()
    }

    fn arrived_to(&self, address: &str) -> usize {
        self.events()
            .iter()
            .filter(|e| e.event == "arrived" && e.to.iter().any(|t| t == address))
            .count()
    }

    /// Wait until a message is being held.
    async fn wait_until_holding(&self) {
        helpers::eventually("a message being held", || async {
            self.events().iter().any(|e| e.event == "held")
        })
        .await;
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The service built but never run: its store, mailer and worker, and no worker of its own.
struct Quiet {
    app: App,
    config: Config,
    _dir: tempfile::TempDir,
    _database: helpers::TestDatabase,
}

impl Quiet {
    async fn new(smtp: &Sink) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let database = helpers::fresh_database_url(dir.path()).await;
        let mut config = Config {
            bind: "127.0.0.1:0".parse().expect("addr"),
            database_url: database.to_string(),
            flows_dir: root.join("flows"),
            locales_dir: root.join("locales"),
            authority_name: "Testshire Council".into(),
            max_connections: 5,
            min_completion_seconds: 0,
            ..Config::default()
        };
        config.mail.smtp_url = Some(smtp.url().into());
        config.mail.from = "Have Your Say <hys@testshire.gov.uk>".into();
        config.mail.drop_dir = dir.path().join("mail");
        config.mail.retry_base = Duration::from_millis(100);
        config.routing.rights_officer = vec![CRO.into()];
        config.routing.advocacy_provider = vec![ADVOCACY.into()];
        config.routing.urgent = vec![DUTY.into()];
        let app = App::build(config.clone()).await.expect("app builds");
        Self {
            app,
            config,
            _dir: dir,
            _database: database,
        }
    }

    /// Stop and build the service again on the same database, as a restart would.
    async fn restart(self) -> Self {
        self.app.state().store.close().await;
        let app = App::build(self.config.clone())
            .await
            .expect("app builds again");
        Self { app, ..self }
    }

    fn state(&self) -> &AppState {
        self.app.state()
    }

    fn worker(&self) -> Worker {
        self.app.worker()
    }

    /// A compliment: one routine email, to the rights officer.
    async fn queue_routine(&self, n: usize) {
        for _ in 0..n {
            self.send(ROUTINE).await;
        }
    }

    /// An urgent case: two urgent emails, to the duty team and the rights officer.
    async fn queue_urgent(&self) {
        self.send(URGENT).await;
    }

    /// Answer every step through the same functions the pages and the API call, then send.
    async fn send(&self, steps: &[(&str, Option<&str>)]) {
        let state = self.state();
        let locale = state.words.fallback();
        let (token, mut conversation) =
            intake::start(&state.intake, intake::DEFAULT_FLOW, &locale, None)
                .await
                .expect("start");
        for (step, value) in steps {
            let values: Vec<String> = value.iter().map(|v| (*v).to_owned()).collect();
            conversation = match intake::answer(&state.intake, conversation, step, &values)
                .await
                .unwrap_or_else(|e| panic!("answer {step}: {e}"))
            {
                Outcome::Saved(next) => *next,
                Outcome::Stale => panic!("{step}: stale"),
            };
        }
        intake::submit(&state.intake, &token).await.expect("submit");
    }

    async fn message_ids(&self, condition: &str) -> Vec<String> {
        sqlx::query_as::<_, (String,)>(&format!(
            "select message_id from outbox where {condition} order by id"
        ))
        .fetch_all(self.state().store.pool())
        .await
        .expect("message ids")
        .into_iter()
        .map(|(id,)| id)
        .collect()
    }

    async fn count(&self, condition: &str) -> i64 {
        sqlx::query_as::<_, (i64,)>(&format!("select count(*) from outbox where {condition}"))
            .fetch_one(self.state().store.pool())
            .await
            .expect("count")
            .0
    }

    /// The latest lease on any row being sent.
    async fn lease_until(&self) -> i64 {
        sqlx::query_as::<_, (i64,)>(
            "select max(lease_until) from outbox where status = 'sending' and lease_until is not null",
        )
        .fetch_one(self.state().store.pool())
        .await
        .expect("lease")
        .0
    }
}

/// Never told to stop (a round only reads the value, so the sender need not live).
fn running() -> watch::Receiver<bool> {
    watch::channel(false).1
}

/// Rounds until one finds nothing due; their totals.
async fn drain(worker: &Worker) -> Round {
    let running = running();
    let mut total = Round::default();
    loop {
        let round = worker.try_execute_round(&running).await.expect("a round");
        if round.claimed() == 0 {
            return total;
        }
        total.sent += round.sent;
        total.retried += round.retried;
        total.failed += round.failed;
        total.released += round.released;
    }
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

#[tokio::test]
async fn urgent_emails_queued_after_100_routine_ones_reach_the_mail_server_first() {
    // Arrange
    let smtp = Sink::start(DUTY);
    let quiet = Quiet::new(&smtp).await;
    quiet.queue_routine(100).await;
    quiet.queue_urgent().await;
    let urgent = quiet.message_ids("kind = 'urgent'").await;
    assert_eq!(urgent.len(), 2);

    // Act
    let total = drain(&quiet.worker()).await;

    // Assert
    assert_eq!(total.sent, 102, "{total:?}");
    let arrived = smtp.arrived();
    assert_eq!(arrived.len(), 102);
    assert_eq!(
        sorted(arrived[..2].to_vec()),
        sorted(urgent),
        "the first two messages the server took were not the urgent ones"
    );
    assert_eq!(
        sorted(arrived),
        sorted(quiet.message_ids("true").await),
        "each email once"
    );
}

#[tokio::test]
async fn a_claim_takes_urgent_rows_before_older_routine_ones() {
    // Arrange
    let smtp = Sink::start(DUTY);
    let quiet = Quiet::new(&smtp).await;
    quiet.queue_routine(10).await;
    quiet.queue_urgent().await;

    // Act
    let claimed = quiet
        .state()
        .store
        .claim_due_emails("a-worker", 2, 15_000)
        .await
        .expect("claim");

    // Assert
    let ids: Vec<String> = claimed.into_iter().map(|row| row.message_id).collect();
    assert_eq!(
        sorted(ids),
        sorted(quiet.message_ids("kind = 'urgent'").await)
    );
}

#[tokio::test]
async fn an_urgent_email_queued_while_a_routine_batch_is_being_sent_goes_before_the_rest_of_it() {
    // Arrange: a round has claimed a batch of routine rows and is sending the first.
    let smtp = Sink::start(CRO);
    let quiet = Quiet::new(&smtp).await;
    quiet.queue_routine(40).await;
    smtp.hold();
    let worker = quiet.worker();
    let round = tokio::spawn(async move { worker.try_execute_round(&running()).await });
    smtp.wait_until_holding().await;

    // Act: an urgent case arrives while the batch is in hand.
    quiet.queue_urgent().await;
    smtp.let_go();
    let first = round.await.expect("round task").expect("round");
    let rest = drain(&quiet.worker()).await;

    // Assert: the routine email in flight, then both urgent ones, then the rest of the batch.
    assert_eq!(
        first.sent, 22,
        "the batch of 20 and both urgent emails: {first:?}"
    );
    assert_eq!(rest.sent, 20);
    let arrived = smtp.arrived();
    assert_eq!(arrived.len(), 42);
    let urgent = quiet.message_ids("kind = 'urgent'").await;
    assert!(!urgent.contains(&arrived[0]));
    assert_eq!(
        sorted(arrived[1..3].to_vec()),
        sorted(urgent),
        "the urgent emails waited for the routine batch"
    );
}

#[tokio::test]
async fn a_row_left_sending_with_an_expired_lease_is_claimed_again() {
    // Arrange: a worker claimed the row and died before sending it.
    let smtp = Sink::start(DUTY);
    let quiet = Quiet::new(&smtp).await;
    quiet.queue_routine(1).await;
    let store = &quiet.state().store;
    let dead = store
        .claim_due_emails("a-worker-that-died", 20, 15_000)
        .await
        .expect("claim");
    assert_eq!(dead.len(), 1);
    let worker = quiet.worker();
    assert_eq!(
        drain(&worker).await.claimed(),
        0,
        "a row was taken while its lease ran"
    );

    // Act: the lease runs out.
    sqlx::query("update outbox set lease_until = $1")
        .bind(now_ms() - 1)
        .execute(store.pool())
        .await
        .expect("lease ends");
    let round = drain(&worker).await;

    // Assert
    assert_eq!(round.sent, 1, "{round:?}");
    assert_eq!(smtp.arrived(), quiet.message_ids("true").await);
    assert_eq!(
        quiet
            .count("status = 'sent' and attempts = 2 and lease_until is null")
            .await,
        1,
        "the dead worker's attempt and this one, each counted once"
    );
}

#[tokio::test]
async fn lease_renewal_keeps_another_worker_from_taking_a_row_still_being_sent() {
    // Arrange: a worker with a 3 s lease is sending the duty team's email, and the server is
    // holding it.
    let smtp = Sink::start(DUTY);
    let quiet = Quiet::new(&smtp).await;
    quiet.queue_urgent().await;
    smtp.hold();
    let sending = quiet.worker().with_lease(Duration::from_secs(3));
    let round = tokio::spawn(async move { sending.try_execute_round(&running()).await });
    smtp.wait_until_holding().await;
    let first_lease = quiet.lease_until().await;

    // Act: wait until the lease taken with the claim has run out and the sending worker has
    // renewed it; then another worker looks for due rows.
    // (About time: the lease running out is what this test watches.)
    helpers::eventually("the lease running out and being renewed", || async {
        now_ms() > first_lease && quiet.lease_until().await > first_lease
    })
    .await;
    let other = drain(&quiet.worker()).await;
    smtp.let_go();
    let first = round.await.expect("round task").expect("round");

    // Assert
    assert_eq!(other.claimed(), 0, "a row still being sent was taken over");
    assert_eq!(first.sent, 2, "{first:?}");
    assert_eq!(smtp.arrived_to(DUTY), 1, "the urgent email went once");
    assert_eq!(
        sorted(smtp.arrived()),
        sorted(quiet.message_ids("true").await)
    );
}

#[tokio::test]
async fn a_restart_on_sqlite_queues_rows_left_sending_at_once() {
    // Arrange: a process claimed both urgent rows and died.
    let smtp = Sink::start(DUTY);
    let quiet = Quiet::new(&smtp).await;
    quiet.queue_urgent().await;
    let dead = quiet
        .state()
        .store
        .claim_due_emails("a-process-that-died", 20, 15_000)
        .await
        .expect("claim");
    assert_eq!(dead.len(), 2);

    // Act
    let quiet = quiet.restart().await;
    let round = drain(&quiet.worker()).await;

    // Assert
    if helpers::is_postgres() {
        // Other instances may be alive and sending: only the lease decides there.
        assert_eq!(round.claimed(), 0, "{round:?}");
        assert_eq!(quiet.count("status = 'sending'").await, 2);
        return;
    }
    assert_eq!(round.sent, 2, "{round:?}");
    assert_eq!(smtp.arrived_to(DUTY), 1);
    assert_eq!(
        quiet.count("status = 'sent' and attempts = 2").await,
        2,
        "the dead process's attempt and this one, each counted once"
    );
}

/// The feedback flow through the JSON API of a running binary.
async fn api_send(http: &reqwest::Client, server: &Server, steps: &[(&str, Option<&str>)]) {
    let started: Value = http
        .post(server.url("/api/v1/conversations"))
        .json(&json!({"flow": "feedback", "locale": "en-GB"}))
        .send()
        .await
        .expect("start")
        .json()
        .await
        .expect("start body");
    let id = started["id"].as_str().expect("id");
    let token = started["token"].as_str().expect("token");
    for (step, value) in steps {
        let response = http
            .post(server.url(&format!("/api/v1/conversations/{id}/answers")))
            .bearer_auth(token)
            .json(&json!({"step": step, "value": value}))
            .send()
            .await
            .expect("answer");
        assert!(response.status().is_success(), "{step}: {response:?}");
    }
    let response = http
        .post(server.url(&format!("/api/v1/conversations/{id}/submit")))
        .bearer_auth(token)
        .send()
        .await
        .expect("submit");
    assert_eq!(response.status(), reqwest::StatusCode::CREATED);
}

fn routed_server(dir: &Path, database_url: &str, smtp: &Sink) -> Server {
    let mut server = Server::new(dir, database_url);
    server
        .set("HYS_SMTP_URL", smtp.url())
        .set("HYS_MAIL_FROM", "Have Your Say <hys@testshire.gov.uk>")
        .set("HYS_RIGHTS_OFFICER_EMAIL", CRO)
        .set("HYS_ADVOCACY_EMAIL", ADVOCACY)
        .set("HYS_URGENT_EMAIL", DUTY);
    server
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_server_sends_the_urgent_email_it_was_sending_within_30_s_of_its_restart() {
    // Arrange: the real binary is sending the duty team's urgent email (the mail server holds
    // it), with routine emails queued behind it.
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = helpers::fresh_database_url(dir.path()).await;
    let holding = Sink::start(DUTY);
    holding.hold();
    let mut server = routed_server(dir.path(), &database_url, &holding);
    server.start().await;
    let http = reqwest::Client::new();
    api_send(&http, &server, URGENT).await;
    holding.wait_until_holding().await;
    for _ in 0..30 {
        api_send(&http, &server, ROUTINE).await;
    }

    sqlx::any::install_default_drivers();
    let mut db = sqlx::AnyConnection::connect(&database_url)
        .await
        .expect("open the database");
    let (in_hand,): (i64,) = sqlx::query_as(
        "select count(*) from outbox where kind = 'urgent' and recipient = $1 \
         and status = 'sending'",
    )
    .bind(DUTY)
    .fetch_one(&mut db)
    .await
    .expect("count");
    db.close().await.expect("close");
    assert_eq!(in_hand, 1, "the urgent email is not the one in hand");

    // Act: SIGKILL, and start again at once, with a mail server that holds nothing (a new one,
    // so the message held by the dead connection cannot count as arriving).
    server.kill();
    let smtp = Sink::start(DUTY);
    server.set("HYS_SMTP_URL", smtp.url());
    let restarted = Instant::now();
    server.start().await;

    // Assert
    // `eventually` gives up after 30 s: the promise this test checks.
    helpers::eventually("the urgent email arriving after the restart", || async {
        smtp.arrived_to(DUTY) > 0
    })
    .await;
    eprintln!(
        "the urgent email arrived {} ms after the restart",
        restarted.elapsed().as_millis()
    );
    server.kill();
}
