//! Durability (issue 11): a reference once given is a whole case on disk, whatever happens to
//! the process after, and a database someone else holds locked delays a child's message instead
//! of losing it.
//!
//! Both tests run the real binary as a child process (`helpers::process`) on SQLite, and on
//! PostgreSQL when `TEST_DATABASE_URL` is set. They use the debug build cargo makes for the test
//! run; to crash the release build instead, point `HYS_TEST_BINARY` at it:
//!
//! ```text
//! cargo build --release
//! HYS_TEST_BINARY=$PWD/target/release/have-your-say cargo nextest run --test durability
//! ```

use crate::helpers;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::time::Duration;

use helpers::process::Server;
use rand::Rng;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use sqlx::{Connection, Row};
use tokio::task::JoinSet;

const CLIENTS: usize = 200;
const KILLS: u32 = 20;
/// A client that has repeated this many requests is stuck, not unlucky.
const GIVE_UP_AFTER: u32 = 400;

const RIGHTS_OFFICER: &str = "cro@testshire.gov.uk";
const ADVOCACY: &str = "referrals@advocacy-testshire.org.uk";
const DUTY: &str = "duty@testshire.gov.uk";

/// The three shapes of conversation the clients take; each leaves a different set of emails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Journey {
    Complaint,
    Compliment,
    Unsafe,
}

impl Journey {
    const ALL: [Journey; 3] = [Journey::Complaint, Journey::Compliment, Journey::Unsafe];

    /// Every step in order with its answer (`None` leaves an optional question or confirms the
    /// check page); the last is the submit step.
    fn steps(self) -> &'static [(&'static str, Option<&'static str>)] {
        match self {
            Journey::Complaint => &[
                ("kind", Some("complaint")),
                ("role", Some("young_person")),
                ("about", Some("money")),
                ("what-happened", Some("My allowance was paid late again")),
                ("what-would-help", Some("Pay it on Fridays")),
                ("advocate", Some("yes")),
                ("contact", Some("phone")),
                ("contact-phone", Some("07700 900123")),
                ("first-name", Some("Sam")),
                ("age", Some("14")),
                ("about-you", Some("skip")),
                ("check", None),
                ("send", None),
            ],
            Journey::Compliment => &[
                ("kind", Some("compliment")),
                ("role", Some("young_person")),
                ("about", Some("school")),
                ("what-was-good", Some("My teacher listened")),
                ("contact", Some("none")),
                ("first-name", None),
                ("age", Some("11")),
                ("about-you", Some("skip")),
                ("check", None),
                ("send", None),
            ],
            Journey::Unsafe => &[
                ("kind", Some("unsafe")),
                ("unsafe-help", Some("yes")),
                ("urgent-what", Some("I need to talk to someone today")),
                ("urgent-name", None),
                ("urgent-where", None),
                ("urgent-call", Some("not_sure")),
                ("urgent-reach", Some("Ring the home after school")),
                ("urgent-send", None),
            ],
        }
    }

    /// The free text the case must hold as its summary.
    fn summary(self) -> &'static str {
        let step = match self {
            Journey::Unsafe => 2,
            _ => 3,
        };
        self.steps()[step].1.unwrap_or_default()
    }

    /// (kind, urgent, advocate wanted) as stored.
    fn case_fields(self) -> (&'static str, i16, &'static str) {
        match self {
            Journey::Complaint => ("complaint", 0, "yes"),
            Journey::Compliment => ("compliment", 0, "no"),
            Journey::Unsafe => ("safety_concern", 1, "no"),
        }
    }

    /// The outbox rows (kind, recipient) the routing set in `routed_server` calls for, sorted.
    fn emails(self) -> Vec<(String, String)> {
        let rows: &[(&str, &str)] = match self {
            Journey::Complaint => &[
                ("advocacy_referral", ADVOCACY),
                ("new_case", RIGHTS_OFFICER),
            ],
            Journey::Compliment => &[("new_case", RIGHTS_OFFICER)],
            Journey::Unsafe => &[("urgent", DUTY), ("urgent", RIGHTS_OFFICER)],
        };
        let mut rows: Vec<_> = rows
            .iter()
            .map(|(k, r)| ((*k).to_owned(), (*r).to_owned()))
            .collect();
        rows.sort();
        rows
    }
}

fn routed_server(dir: &Path, database_url: &str) -> Server {
    let mut server = Server::new(dir, database_url);
    server
        .set("HYS_RIGHTS_OFFICER_EMAIL", RIGHTS_OFFICER)
        .set("HYS_ADVOCACY_EMAIL", ADVOCACY)
        .set("HYS_URGENT_EMAIL", DUTY);
    server
}

/// A reply from the API: its status and JSON body (`Null` when empty, a string when not JSON).
type Reply = (StatusCode, Value);

/// A started conversation: its id and bearer token.
#[derive(Debug, Clone)]
struct Conv {
    id: String,
    token: String,
}

#[derive(Clone)]
struct Api {
    http: reqwest::Client,
    base: String,
}

impl Api {
    fn new(server: &Server) -> Self {
        let http = reqwest::Client::builder()
            // A new connection for every request, as after a crash a kept one is dead anyway;
            // so a request that fails after connecting was really cut by a crash.
            .pool_max_idle_per_host(0)
            // Only a guard against a hung test; no answer is expected to come near it.
            .timeout(Duration::from_secs(60))
            .build()
            .expect("client");
        Self {
            http,
            base: server.url(""),
        }
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Result<Reply, reqwest::Error> {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await?;
        let status = response.status();
        let text = response.text().await?;
        let body = match text.as_str() {
            "" => Value::Null,
            _ => serde_json::from_str(&text).unwrap_or(Value::String(text)),
        };
        Ok((status, body))
    }

    async fn start(&self) -> Result<Reply, reqwest::Error> {
        let body = json!({"flow": "feedback", "locale": "en-GB"});
        self.call(Method::POST, "/api/v1/conversations", None, Some(body))
            .await
    }

    async fn current(&self, conv: &Conv) -> Result<Reply, reqwest::Error> {
        let path = format!("/api/v1/conversations/{}", conv.id);
        self.call(Method::GET, &path, Some(&conv.token), None).await
    }

    async fn answer(
        &self,
        conv: &Conv,
        step: &str,
        value: Option<&str>,
    ) -> Result<Reply, reqwest::Error> {
        let path = format!("/api/v1/conversations/{}/answers", conv.id);
        let body = json!({"step": step, "value": value});
        self.call(Method::POST, &path, Some(&conv.token), Some(body))
            .await
    }

    async fn submit(&self, conv: &Conv) -> Result<Reply, reqwest::Error> {
        let path = format!("/api/v1/conversations/{}/submit", conv.id);
        self.call(Method::POST, &path, Some(&conv.token), None)
            .await
    }

    async fn track(&self, reference: &str, secret: &str) -> Result<Reply, reqwest::Error> {
        let body = json!({"reference": reference, "secret": secret});
        self.call(Method::POST, "/api/v1/track", None, Some(body))
            .await
    }

    /// Start and answer the first `steps` questions of `journey`, with no crash about.
    async fn walk(&self, journey: Journey, steps: usize) -> Conv {
        let (status, body) = self.start().await.expect("start");
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let conv = Conv {
            id: text(&body["id"]),
            token: text(&body["token"]),
        };
        for (step, value) in &journey.steps()[..steps] {
            let (status, body) = self.answer(&conv, step, *value).await.expect("answer");
            assert_eq!(status, StatusCode::OK, "{journey:?} at {step}: {body}");
        }
        conv
    }
}

fn text(value: &Value) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("expected a string, got {value}"))
        .to_owned()
}

/// What a client was given in the end, and what it went through to get it.
#[derive(Debug)]
struct Sent {
    journey: Journey,
    reference: String,
    tally: Tally,
}

/// Requests a client had to repeat, by what went wrong.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    /// Nobody was listening: the server was down or starting.
    refused: u32,
    /// Sent, but the answer never came: the crash cut it.
    cut: u32,
    server_errors: u32,
    /// A send was cut, and the next one found the case already made (200, not 201): the
    /// crash came after the commit and before the answer.
    stored_before_cut: u32,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.refused += other.refused;
        self.cut += other.cut;
        self.server_errors += other.server_errors;
        self.stored_before_cut += other.stored_before_cut;
    }

    /// Count a request that must be repeated, then pause a little, unevenly, so a restart is
    /// not met by one burst.
    async fn again(&mut self, journey: Journey, what: &str, failed: Result<Reply, reqwest::Error>) {
        match failed {
            Ok((status, body)) => {
                assert!(
                    status.is_server_error(),
                    "{journey:?}: {what}: {status} {body}"
                );
                self.server_errors += 1;
            }
            Err(e) if e.is_connect() => self.refused += 1,
            Err(_) => self.cut += 1,
        }
        let repeated = self.refused + self.cut + self.server_errors;
        assert!(
            repeated < GIVE_UP_AFTER,
            "{journey:?}: still failing at {what}"
        );
        pause(50..150).await;
    }
}

/// About time: a client takes a moment over each answer, as a person does, so that answers and
/// sends are spread over the whole run and its crashes.
async fn pause(ms: std::ops::Range<u64>) {
    let ms = rand::rng().random_range(ms);
    tokio::time::sleep(Duration::from_millis(ms)).await;
}

/// A child's front end that does not give up: after a connection error or a 5xx it pauses,
/// looks again at where the conversation is, and repeats the request with the same token. It
/// takes a moment over each answer, as a person does, and sends only once `send_after` crashes
/// have happened, so that answers and sends are spread over the whole run.
async fn send_through_crashes(
    api: Api,
    journey: Journey,
    send_after: u32,
    crashes: Arc<AtomicU32>,
    sending: Arc<AtomicUsize>,
) -> Sent {
    let steps = journey.steps();
    let mut tally = Tally::default();
    // A start whose reply is lost leaves a conversation nobody holds the token of, as when a
    // child closes the tab; it is never sent, and the client simply starts another.
    let (conv, mut current) = loop {
        match api.start().await {
            Ok((StatusCode::CREATED, body)) => {
                let conv = Conv {
                    id: text(&body["id"]),
                    token: text(&body["token"]),
                };
                break (conv, Some(text(&body["step"]["id"])));
            }
            failed => tally.again(journey, "starting", failed).await,
        }
    };
    // The furthest step the server has said this conversation is at.
    let mut acknowledged = 0;
    let mut send_was_cut = false;
    loop {
        let step = match current.take() {
            Some(step) => step,
            None => match api.current(&conv).await {
                Ok((StatusCode::OK, body)) => text(&body["step"]["id"]),
                Ok((StatusCode::CONFLICT, body)) if body["code"] == "already_submitted" => {
                    steps[steps.len() - 1].0.to_owned()
                }
                failed => {
                    tally.again(journey, "reading the step", failed).await;
                    continue;
                }
            },
        };
        let at = steps
            .iter()
            .position(|(id, _)| *id == step)
            .unwrap_or_else(|| panic!("{journey:?} reached the unexpected step {step}"));
        assert!(
            at >= acknowledged,
            "{journey:?}: the server had moved this conversation to {} and then came back at \
             {step}: an acknowledged answer was lost",
            steps[acknowledged].0
        );
        acknowledged = at;
        if at == steps.len() - 1 {
            while crashes.load(Ordering::SeqCst) < send_after {
                pause(10..30).await;
            }
            pause(0..600).await;
            sending.fetch_add(1, Ordering::SeqCst);
            let sent = api.submit(&conv).await;
            sending.fetch_sub(1, Ordering::SeqCst);
            match sent {
                Ok((status @ (StatusCode::CREATED | StatusCode::OK), body)) => {
                    if send_was_cut && status == StatusCode::OK {
                        tally.stored_before_cut += 1;
                    }
                    return Sent {
                        journey,
                        reference: text(&body["reference"]),
                        tally,
                    };
                }
                failed => {
                    send_was_cut |= matches!(&failed, Err(e) if !e.is_connect());
                    tally.again(journey, "sending", failed).await;
                }
            }
            continue;
        }
        pause(0..300).await;
        match api.answer(&conv, &step, steps[at].1).await {
            Ok((StatusCode::OK, body)) => {
                let next = text(&body["step"]["id"]);
                assert_eq!(next, steps[at + 1].0, "{journey:?} after {step}");
                acknowledged = at + 1;
                current = Some(next);
            }
            failed => tally.again(journey, "answering", failed).await,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_reference_given_is_a_whole_case_after_twenty_crashes() {
    // Arrange
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = helpers::fresh_database_url(dir.path()).await;
    let mut server = routed_server(dir.path(), &database_url);
    server.start().await;
    let api = Api::new(&server);
    let crashes = Arc::new(AtomicU32::new(0));
    let finished = Arc::new(AtomicUsize::new(0));
    let sending = Arc::new(AtomicUsize::new(0));
    let mut clients = JoinSet::new();
    for n in 0..CLIENTS {
        let journey = Journey::ALL[n % 3];
        let send_after = rand::rng().random_range(0..KILLS);
        let (crashes, sending) = (crashes.clone(), sending.clone());
        let (api, finished) = (api.clone(), finished.clone());
        clients.spawn(async move {
            let sent = send_through_crashes(api, journey, send_after, crashes, sending).await;
            finished.fetch_add(1, Ordering::SeqCst);
            sent
        });
    }

    // Act: crash at random moments, and start again on the same port and database at once.
    let mut unfinished_at_crash = Vec::new();
    for crash in 1..=KILLS {
        pause(150..600).await;
        // Aim at a send in progress when there is one soon: that is the moment that matters.
        for _ in 0..200 {
            if sending.load(Ordering::SeqCst) > 0 {
                pause(0..40).await;
                break;
            }
            pause(1..3).await;
        }
        unfinished_at_crash.push(CLIENTS - finished.load(Ordering::SeqCst));
        server.kill();
        server.start().await;
        crashes.store(crash, Ordering::SeqCst);
    }
    let mut sent = Vec::new();
    while let Some(client) = clients.join_next().await {
        sent.push(client.expect("a client gave up or saw something wrong"));
    }
    server.kill();

    // Assert
    let mut tally = Tally::default();
    sent.iter().for_each(|s| tally.add(&s.tally));
    eprintln!(
        "{} starts; clients still sending at each crash: {unfinished_at_crash:?}; {tally:?}",
        server.starts()
    );
    if !helpers::is_postgres() {
        assert_sqlite_intact(&database_url).await;
    }
    let problems = problems_in_store(&database_url, &sent, &server.mail_dir()).await;
    assert!(
        problems.is_empty(),
        "{} problems, the first:\n{}\nserver log:\n{}",
        problems.len(),
        problems[..problems.len().min(20)].join("\n"),
        server.log_tail()
    );
}

/// Opened directly, with the server dead: SQLite's own checks find nothing wrong.
async fn assert_sqlite_intact(database_url: &str) {
    let mut db = sqlx::SqliteConnection::connect(database_url)
        .await
        .expect("open the database file");
    let integrity: Vec<(String,)> = sqlx::query_as("pragma integrity_check")
        .fetch_all(&mut db)
        .await
        .expect("integrity check");
    assert_eq!(integrity, [("ok".to_owned(),)]);
    let orphans = sqlx::query("pragma foreign_key_check")
        .fetch_all(&mut db)
        .await
        .expect("foreign key check");
    assert!(
        orphans.is_empty(),
        "{} rows break a foreign key",
        orphans.len()
    );
    db.close().await.expect("close");
}

/// Everything wrong with the stored cases, given what the clients were told.
async fn problems_in_store(database_url: &str, sent: &[Sent], mail_dir: &Path) -> Vec<String> {
    sqlx::any::install_default_drivers();
    let mut db = sqlx::AnyConnection::connect(database_url)
        .await
        .expect("open the database");
    let mut problems = Vec::new();
    let cases = sqlx::query(
        "select id, reference, submission_key, kind, urgent, advocate_wanted, summary, answers \
         from cases",
    )
    .fetch_all(&mut db)
    .await
    .expect("cases");
    let cases: BTreeMap<String, _> = cases
        .into_iter()
        .map(|row| (row.get::<String, _>("reference"), row))
        .collect();
    let mut emails: BTreeMap<i64, Vec<(String, String)>> = BTreeMap::new();
    let outbox = sqlx::query("select case_id, kind, recipient, status, message_id from outbox")
        .fetch_all(&mut db)
        .await
        .expect("outbox");
    for row in &outbox {
        let status: String = row.get("status");
        let message_id: String = row.get("message_id");
        emails
            .entry(row.get("case_id"))
            .or_default()
            .push((row.get("kind"), row.get("recipient")));
        // A row is marked sent only after its file is written: the file must be there.
        let file: String = message_id
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'))
            .collect();
        if status == "sent" && !mail_dir.join(format!("{file}.eml")).is_file() {
            problems.push(format!(
                "email {message_id} is marked sent but was never written"
            ));
        }
        if !["pending", "sending", "sent"].contains(&status.as_str()) {
            problems.push(format!("email {message_id} is {status}"));
        }
    }
    let mut submitted: BTreeMap<i64, usize> = BTreeMap::new();
    for row in sqlx::query("select case_id from case_events where kind = 'submitted'")
        .fetch_all(&mut db)
        .await
        .expect("events")
    {
        *submitted.entry(row.get("case_id")).or_default() += 1;
    }
    let conversations: Vec<String> = sqlx::query("select id from conversations")
        .fetch_all(&mut db)
        .await
        .expect("conversations")
        .iter()
        .map(|row| row.get("id"))
        .collect();
    db.close().await.expect("close");

    if cases.len() != sent.len() {
        problems.push(format!(
            "{} clients were given a reference but there are {} cases",
            sent.len(),
            cases.len()
        ));
    }
    for client in sent {
        let reference = &client.reference;
        let Some(case) = cases.get(reference) else {
            problems.push(format!(
                "{reference} was given to a client but is not stored"
            ));
            continue;
        };
        let journey = client.journey;
        let id: i64 = case.get("id");
        let stored = (
            case.get::<String, _>("kind"),
            case.get::<i16, _>("urgent"),
            case.get::<String, _>("advocate_wanted"),
        );
        let (kind, urgent, advocate) = journey.case_fields();
        if stored != (kind.to_owned(), urgent, advocate.to_owned()) {
            problems.push(format!("{reference} ({journey:?}) is stored as {stored:?}"));
        }
        let summary: Option<String> = case.get("summary");
        let answers: String = case.get("answers");
        let answers_hold_words = serde_json::from_str::<Value>(&answers)
            .is_ok_and(|a| a.is_object() && answers.contains(journey.summary()));
        if summary.as_deref() != Some(journey.summary()) || !answers_hold_words {
            problems.push(format!("{reference} lacks its words or its answers"));
        }
        if submitted.get(&id) != Some(&1) {
            problems.push(format!(
                "{reference} has {} submitted events, not 1",
                submitted.get(&id).unwrap_or(&0)
            ));
        }
        let mut queued = emails.remove(&id).unwrap_or_default();
        queued.sort();
        if queued != journey.emails() {
            problems.push(format!(
                "{reference} ({journey:?}) has the emails {queued:?}"
            ));
        }
        if conversations.contains(&case.get::<String, _>("submission_key")) {
            problems.push(format!(
                "{reference} was sent but its conversation is still there"
            ));
        }
    }
    problems
}

/// Another process holding the database's write lock, as a backup tool or a person at a
/// database prompt might.
enum Lock {
    Sqlite {
        holder: Child,
        said: BufReader<ChildStdout>,
    },
    Postgres(sqlx::PgConnection),
}

/// Python's own sqlite3 module, not our driver: it takes the lock and holds it until told.
const HOLD_SQLITE_LOCK: &str = r#"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
db.execute("begin immediate")
print("locked", flush=True)
sys.stdin.readline()
db.execute("rollback")
print("released", flush=True)
"#;

impl Lock {
    async fn take(database_url: &str) -> Self {
        if helpers::is_postgres() {
            let mut db = sqlx::PgConnection::connect(database_url)
                .await
                .expect("a second connection");
            // The submit's first write is to conversations, then cases: hold both.
            for statement in ["begin", "lock table conversations, cases in exclusive mode"] {
                sqlx::query(statement)
                    .execute(&mut db)
                    .await
                    .expect(statement);
            }
            return Lock::Postgres(db);
        }
        let path = database_url
            .strip_prefix("sqlite://")
            .expect("a sqlite:// URL")
            .to_owned();
        tokio::task::spawn_blocking(move || {
            let mut holder = Command::new("python3")
                .args(["-c", HOLD_SQLITE_LOCK, &path])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .expect("python3");
            let mut said = BufReader::new(holder.stdout.take().expect("stdout"));
            let mut line = String::new();
            said.read_line(&mut line).expect("python3 says");
            assert_eq!(line.trim(), "locked");
            Lock::Sqlite { holder, said }
        })
        .await
        .expect("lock taken")
    }

    async fn release(self) {
        match self {
            Lock::Postgres(mut db) => {
                sqlx::query("rollback")
                    .execute(&mut db)
                    .await
                    .expect("rollback");
                db.close().await.expect("close");
            }
            Lock::Sqlite {
                mut holder,
                mut said,
            } => tokio::task::spawn_blocking(move || {
                let mut stdin = holder.stdin.take().expect("stdin");
                stdin.write_all(b"release\n").expect("tell python3");
                drop(stdin);
                let mut line = String::new();
                said.read_line(&mut line).expect("python3 says");
                assert_eq!(line.trim(), "released");
                assert!(holder.wait().expect("python3 exits").success());
            })
            .await
            .expect("lock released"),
        }
    }
}

/// What a request during the lock was, and what came back.
#[derive(Debug)]
struct Seen {
    what: &'static str,
    status: Option<StatusCode>,
    body: String,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_locked_by_another_process_delays_sends_and_reads_but_fails_none() {
    // Arrange: 20 conversations at their send step, 10 part-way through, 5 cases to check on.
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = helpers::fresh_database_url(dir.path()).await;
    let mut server = routed_server(dir.path(), &database_url);
    server.start().await;
    let api = Api::new(&server);
    let mut ready = Vec::new();
    for n in 0..20 {
        let journey = Journey::ALL[n % 3];
        ready.push(api.walk(journey, journey.steps().len() - 1).await);
    }
    let mut reading = Vec::new();
    for n in 0..10 {
        reading.push(api.walk(Journey::ALL[n % 3], 2).await);
    }
    let mut tracked = Vec::new();
    for journey in [Journey::Complaint, Journey::Compliment]
        .into_iter()
        .cycle()
        .take(5)
    {
        let conv = api.walk(journey, journey.steps().len() - 1).await;
        let (status, body) = api.submit(&conv).await.expect("submit");
        assert_eq!(status, StatusCode::CREATED, "{body}");
        tracked.push((text(&body["reference"]), text(&body["secret"])));
    }

    // Act
    let lock = Lock::take(&database_url).await;
    let given = Arc::new(AtomicUsize::new(0));
    let mut requests = JoinSet::new();
    for conv in ready {
        let (api, given) = (api.clone(), given.clone());
        requests.spawn(async move {
            let reply = api.submit(&conv).await;
            if matches!(&reply, Ok((_, body)) if body["reference"].is_string()) {
                given.fetch_add(1, Ordering::SeqCst);
            }
            seen("send", reply)
        });
    }
    let read = Arc::new(AtomicUsize::new(0));
    for conv in reading {
        let (api, read) = (api.clone(), read.clone());
        requests.spawn(async move {
            let reply = api.current(&conv).await;
            read.fetch_add(1, Ordering::SeqCst);
            seen("read a step", reply)
        });
    }
    for (reference, secret) in tracked.iter().cycle().take(10) {
        let (api, reference, secret) = (api.clone(), reference.clone(), secret.clone());
        requests.spawn(async move { seen("track", api.track(&reference, &secret).await) });
    }
    // About time: the lock is held for 2 s, and the requests wait behind it meanwhile.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let given_while_locked = given.load(Ordering::SeqCst);
    let read_while_locked = read.load(Ordering::SeqCst);
    lock.release().await;
    let mut all = Vec::new();
    while let Some(request) = requests.join_next().await {
        all.push(request.expect("request task"));
    }
    server.kill();

    // Assert
    let failed: Vec<&Seen> = all
        .iter()
        .filter(|s| {
            let wanted = match s.what {
                "send" => StatusCode::CREATED,
                _ => StatusCode::OK,
            };
            s.status != Some(wanted) || s.body.to_lowercase().contains("database is locked")
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{failed:#?}\nserver log:\n{}",
        server.log_tail()
    );
    assert_eq!(all.len(), 40);
    assert_eq!(
        given_while_locked, 0,
        "a reference was given while the database was locked, so that case was not on disk"
    );
    let log = std::fs::read_to_string(server.log_path()).unwrap_or_default();
    assert!(!log.contains("database is locked"), "{log}");
    eprintln!("{read_while_locked} of 10 step reads were answered while the lock was held");
    sqlx::any::install_default_drivers();
    let mut db = sqlx::AnyConnection::connect(&database_url)
        .await
        .expect("open the database");
    let (cases,): (i64,) = sqlx::query_as("select count(*) from cases")
        .fetch_one(&mut db)
        .await
        .expect("count");
    assert_eq!(cases, 25);
}

fn seen(what: &'static str, reply: Result<Reply, reqwest::Error>) -> Seen {
    match reply {
        Ok((status, body)) => Seen {
            what,
            status: Some(status),
            body: body.to_string(),
        },
        Err(e) => Seen {
            what,
            status: None,
            body: e.to_string(),
        },
    }
}
