//! Shared by every integration test binary: start the real service on a random port with a
//! fresh database (SQLite in a temp folder, or a new PostgreSQL database when
//! `TEST_DATABASE_URL` is set, dropped again when the test is done), and talk HTTP to it like a
//! browser.
//!
//! [`spawn_app`] serves without the email worker, the digest and the inbound poller: a test
//! sends the queued emails with [`TestApp::dispatch_emails`], which runs the worker's own round
//! until nothing is due, so nothing races. [`spawn_app_with_worker`] runs the real loops, for the
//! tests about them (a crash, an outage, retry timing, two instances).
#![allow(dead_code)]

pub mod answers;
pub mod axe;
pub mod imap;
pub mod process;
pub mod smtp;
pub mod webdriver;

#[allow(unused_imports)] // not every test file walks the chat
pub use answers::*;

use std::net::SocketAddr;
use std::path::PathBuf;

use have_your_say::app::App;
use have_your_say::config::Config;
use have_your_say::notify::Mailer;
use have_your_say::notify::worker::{Round, Worker};
use have_your_say::store::Store;
use have_your_say::web::AppState;
use reqwest::redirect::Policy;

pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub store: Store,
    pub config: Config,
    pub state: AppState,
    /// The app's mail transport, for a test that builds a worker of its own.
    pub mailer: Mailer,
    pub dir: tempfile::TempDir,
    /// The worker `dispatch_emails` drives (the same code the background loop runs).
    worker: Worker,
    running: tokio::sync::watch::Receiver<bool>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    /// Last, so the databases go after the app has been told to stop.
    databases: Vec<TestDatabase>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// A brand-new, empty database: a file in `dir` on SQLite, or its own PostgreSQL database when
/// `TEST_DATABASE_URL` is set, dropped (with its connections) when this value is. Reads as its
/// URL.
pub struct TestDatabase {
    url: String,
    /// The admin URL and database name to drop, on PostgreSQL.
    postgres: Option<(String, String)>,
}

impl std::ops::Deref for TestDatabase {
    type Target = String;
    fn deref(&self) -> &String {
        &self.url
    }
}

impl std::fmt::Display for TestDatabase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.url)
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Some((admin, name)) = self.postgres.take() else {
            return;
        };
        // Drop runs inside the test's runtime, which cannot block on itself: a short-lived
        // thread with its own runtime drops the database, ending any connection still open.
        let what = name.clone();
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime to drop the test database");
            runtime.block_on(async {
                use sqlx::Connection;
                let mut conn = sqlx::PgConnection::connect(&admin).await?;
                sqlx::query(&format!("drop database if exists {name} with (force)"))
                    .execute(&mut conn)
                    .await?;
                conn.close().await
            })
        })
        .join();
        if let Ok(Err(e)) = dropped {
            eprintln!("could not drop test database {what}: {e}");
        }
    }
}

/// A brand-new, empty database (see [`TestDatabase`]); keep it as long as it is used.
pub async fn fresh_database_url(dir: &std::path::Path) -> TestDatabase {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(admin) if admin.starts_with("postgres") => {
            use sqlx::Connection;
            let name = format!("hys_test_{}", uuid_like());
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .expect("TEST_DATABASE_URL must point at a PostgreSQL server that answers");
            sqlx::query(&format!("create database {name}"))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
            TestDatabase {
                url: format!("{base}/{name}"),
                postgres: Some((admin, name)),
            }
        }
        _ => TestDatabase {
            url: format!("sqlite://{}", dir.join("test.db").display()),
            postgres: None,
        },
    }
}

pub fn is_postgres() -> bool {
    std::env::var("TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres"))
}

fn uuid_like() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    (0..16)
        .map(|_| char::from(b"abcdefghijklmnopqrstuvwxyz0123456789"[rng.random_range(0..36)]))
        .collect()
}

pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(local_redirects())
        .build()
        .expect("client")
}

/// Follow our own redirects, like a browser; never leave the machine (the exit page).
fn local_redirects() -> Policy {
    Policy::custom(|attempt| {
        if attempt.url().host_str() == Some("127.0.0.1") {
            attempt.follow()
        } else {
            attempt.stop()
        }
    })
}

/// The service without its mail loops; see [`TestApp::dispatch_emails`].
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// [`spawn_app`] with settings changed first.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    start(adjust, false).await
}

/// The service with the real email worker, digest and inbound poller running, for the tests
/// about those loops themselves (a crash, an outage, retry timing, two instances).
pub async fn spawn_app_with_worker(adjust: impl FnOnce(&mut Config)) -> TestApp {
    start(adjust, true).await
}

async fn start(adjust: impl FnOnce(&mut Config), mail_loops: bool) -> TestApp {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(std::env::var("TEST_LOG").unwrap_or_else(|_| "warn".into()))
        .with_test_writer()
        .try_init();
    let dir = tempfile::tempdir().expect("temp dir");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let database = fresh_database_url(dir.path()).await;
    let mut config = Config {
        bind: "127.0.0.1:0".parse().expect("addr"),
        // Port 0: the app puts in the port it was given, so our own `Origin` matches.
        public_url: "http://127.0.0.1:0".into(),
        database_url: database.to_string(),
        flows_dir: root.join("flows"),
        locales_dir: root.join("locales"),
        authority_name: "Testshire Council".into(),
        help_phone: "0300 123 4567".into(),
        out_of_hours_phone: "0300 765 4321".into(),
        max_connections: 5,
        min_completion_seconds: 0, // tests answer at machine speed; tests/it/bots.rs sets its own
        ..Config::default()
    };
    config.mail.drop_dir = dir.path().join("mail");
    config.mail.poll = std::time::Duration::from_millis(100);
    config.mail.retry_base = std::time::Duration::from_millis(100);
    adjust(&mut config);
    let mut app = App::build(config.clone()).await.expect("app starts");
    if !mail_loops {
        app = app.without_mail_loops();
    }
    let addr = app.local_addr().expect("addr");
    let store = app.state().store.clone();
    let state = app.state().clone();
    let config = state.config.as_ref().clone();
    let worker = app.worker();
    let mailer = app.mailer().clone();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    TestApp {
        addr,
        client: browser(),
        store,
        config,
        state,
        mailer,
        dir,
        worker,
        running: tokio::sync::watch::channel(false).1,
        stop: Some(stop),
        databases: vec![database],
    }
}

impl TestApp {
    /// Send every email that is due now, as the worker would, one round after another until a
    /// round finds nothing (an email put back for a retry later is not due). Returns what the
    /// rounds did, added up.
    pub async fn dispatch_emails(&self) -> Round {
        let mut total = Round::default();
        loop {
            let round = self
                .worker
                .try_execute_round(&self.running)
                .await
                .expect("a round of the email worker");
            if round.claimed() == 0 {
                return total;
            }
            total.sent += round.sent;
            total.retried += round.retried;
            total.failed += round.failed;
            total.released += round.released;
        }
    }

    /// [`TestApp::dispatch_emails`], and every retry it books brought forward to now (the clock
    /// moved on, not waited for), until no email is waiting: each one sent or failed for good.
    pub async fn dispatch_emails_and_retries(&self) -> Round {
        let mut total = Round::default();
        for _ in 0..=self.config.mail.max_attempts {
            let round = self.dispatch_emails().await;
            total.sent += round.sent;
            total.retried += round.retried;
            total.failed += round.failed;
            total.released += round.released;
            if round.retried == 0 {
                return total;
            }
            sqlx::query("update outbox set next_attempt_at = 0 where status = 'pending'")
                .execute(self.store.pool())
                .await
                .expect("retries brought forward");
        }
        panic!("emails still retried after the attempt limit: {total:?}");
    }

    /// Every email the drop-folder transport wrote (the default when no SMTP server is set).
    pub fn dropped_emails(&self) -> Vec<String> {
        std::fs::read_dir(self.dir.path().join("mail"))
            .map(|d| {
                d.filter_map(Result::ok)
                    // A message is written under a hidden temporary name, then renamed.
                    .filter(|e| e.file_name().to_string_lossy().ends_with(".eml"))
                    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Keep `database` until this app is dropped: for an app started on a database the test
    /// made and filled first.
    pub fn keeping(mut self, database: TestDatabase) -> Self {
        self.databases.push(database);
        self
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .expect("POST")
    }

    /// Start a conversation as the first page's Start button does; returns the first step page.
    pub async fn start(&self) -> Page {
        Page::from(self.post("/chat/start", &[]).await).await
    }

    /// Answer the current step (whose id is read from the page) with one value.
    pub async fn answer(&self, value: &str) -> Page {
        let page = Page::from(self.get("/chat").await).await;
        self.answer_step(&page.step_id(), &[value]).await
    }

    pub async fn answer_step(&self, step: &str, values: &[&str]) -> Page {
        let mut fields = vec![("step", step)];
        fields.extend(values.iter().map(|v| ("value", *v)));
        Page::from(self.post("/chat/answer", &fields).await).await
    }

    /// Answer several steps in turn, checking each lands on a question.
    pub async fn walk(&self, values: &[&str]) -> Page {
        let mut page = self.start().await;
        for value in values {
            assert_eq!(
                page.status, 200,
                "before answering {value:?}: {}",
                page.body
            );
            page = self.answer(value).await;
        }
        page
    }

    /// Walk a whole conversation, check the answers, send it; returns the confirmation page.
    /// A child's optional "About you" questions are skipped unless `values` answered them.
    pub async fn send(&self, values: &[&str]) -> Page {
        let mut page = self.walk(values).await;
        if page.step_id() == "about-you" {
            page = self.answer_step("about-you", &["skip"]).await;
        }
        assert_eq!(page.step_id(), "check", "{}", page.body);
        // Send sits on the check page itself, as a child meets it.
        let done = Page::from(
            self.post("/chat/answer", &[("step", "check"), ("then", "send")])
                .await,
        )
        .await;
        assert!(done.url.ends_with("/chat/done"), "{}", done.body);
        done
    }

    /// "I'm not safe right now" → tell someone → what is happening → where to reach → send.
    pub async fn send_urgent(&self, what: &str, reach: &str) -> Page {
        self.send_urgent_with(what, "", "", "not_sure", reach).await
    }

    /// The "I'm not safe" route with every question: what is happening, first name, where they
    /// are, whether a call is safe (yes / no / not_sure), and how to reach them.
    pub async fn send_urgent_with(
        &self,
        what: &str,
        name: &str,
        place: &str,
        call: &str,
        reach: &str,
    ) -> Page {
        let page = self
            .walk(&["unsafe", "yes", what, name, place, call, reach])
            .await;
        assert_eq!(page.step_id(), "urgent-send", "{}", page.body);
        let done = Page::from(self.post("/chat/submit", &[("step", "urgent-send")]).await).await;
        assert!(done.url.ends_with("/chat/done"), "{}", done.body);
        done
    }

    pub async fn count_where(&self, table: &str, condition: &str) -> i64 {
        let row: (i64,) =
            sqlx::query_as(&format!("select count(*) from {table} where {condition}"))
                .fetch_one(self.store.pool())
                .await
                .expect("count");
        row.0
    }

    /// Create a staff account directly in the store; returns its password.
    pub async fn add_staff(&self, email: &str, role: &str) -> String {
        let password = format!("{email} has a long password");
        let role = have_your_say::domain::StaffRole::parse(role).expect("role");
        let hash = have_your_say::domain::password::hash_password(&password).expect("hash");
        self.store
            .insert_staff(email, &email.replace('@', " at "), role, &hash)
            .await
            .expect("staff added");
        password
    }

    /// A new browser that signs in as this person; returns it and the page it landed on.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        next: Option<&str>,
    ) -> (reqwest::Client, Page) {
        let browser = self.staff_browser();
        let login_url = match next {
            Some(next) => self.url(&format!("/staff/login?next={next}")),
            None => self.url("/staff/login"),
        };
        let form = Page::from(browser.get(login_url).send().await.expect("login page")).await;
        let token = between(&form.body, "name=\"form_token\" value=\"", "\"").expect("form token");
        let next_field = between(&form.body, "name=\"next\" value=\"", "\"").unwrap_or_default();
        let page = Page::from(
            browser
                .post(self.url("/staff/login"))
                .form(&[
                    ("form_token", token.as_str()),
                    ("next", next_field.as_str()),
                    ("email", email),
                    ("password", password),
                ])
                .send()
                .await
                .expect("login"),
        )
        .await;
        (browser, page)
    }

    /// GET `path` with another browser (a signed-in staff member, a tracking session).
    pub async fn get_as(&self, browser: &reqwest::Client, path: &str) -> Page {
        Page::from(browser.get(self.url(path)).send().await.expect("GET")).await
    }

    /// POST a form to `path` with another browser.
    pub async fn post_as(
        &self,
        browser: &reqwest::Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Page {
        Page::from(
            browser
                .post(self.url(path))
                .form(fields)
                .send()
                .await
                .expect("POST"),
        )
        .await
    }

    pub async fn count(&self, table: &str) -> i64 {
        let row: (i64,) = sqlx::query_as(&format!("select count(*) from {table}"))
            .fetch_one(self.store.pool())
            .await
            .expect("count");
        row.0
    }
}

/// A fetched page: its status, final URL and body.
pub struct Page {
    pub status: u16,
    pub url: String,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    pub async fn from(response: reqwest::Response) -> Self {
        Self {
            status: response.status().as_u16(),
            url: response.url().to_string(),
            headers: response.headers().clone(),
            body: response.text().await.expect("body"),
        }
    }

    /// The current step's id, from the hidden field every step form carries.
    pub fn step_id(&self) -> String {
        between(&self.body, "name=\"step\" value=\"", "\"")
            .unwrap_or_else(|| panic!("no step id on page: {}", self.body))
    }

    pub fn heading(&self) -> String {
        let h1 = between(&self.body, "<h1", "</h1>").unwrap_or_default();
        let text = h1.split_once('>').map(|(_, t)| t).unwrap_or(&h1);
        strip_tags(text)
    }

    pub fn reference(&self) -> String {
        between(&self.body, "<p class=\"reference\">", "</p>").expect("reference on page")
    }

    /// The CSRF token every staff form carries.
    pub fn csrf(&self) -> String {
        between(&self.body, "name=\"csrf\" value=\"", "\"").expect("csrf token on page")
    }

    /// The case revision a staff case page's forms carry.
    pub fn revision(&self) -> String {
        between(&self.body, "name=\"revision\" value=\"", "\"").expect("revision on page")
    }

    pub fn secret(&self) -> Option<String> {
        between(&self.body, "<p class=\"secret\">", "</p>")
    }
}

pub fn between(haystack: &str, start: &str, end: &str) -> Option<String> {
    let from = haystack.find(start)? + start.len();
    let to = haystack[from..].find(end)? + from;
    Some(haystack[from..to].to_owned())
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.trim().to_owned()
}

impl TestApp {
    /// A browser as staff use one: cookies kept, our own redirects followed, and `Origin` on
    /// every request as a real browser sends it on a post (a signed-in post without it is
    /// refused).
    pub fn staff_browser(&self) -> reqwest::Client {
        let origin = self
            .config
            .public_url
            .split('/')
            .take(3)
            .collect::<Vec<_>>()
            .join("/");
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            reqwest::header::ORIGIN,
            reqwest::header::HeaderValue::from_str(&origin).expect("origin"),
        );
        reqwest::Client::builder()
            .cookie_store(true)
            .default_headers(headers)
            .redirect(local_redirects())
            .build()
            .expect("client")
    }
}

/// A signed-in member of staff working cases through the case page's forms.
pub struct StaffBrowser<'a> {
    pub app: &'a TestApp,
    pub browser: reqwest::Client,
    pub csrf: String,
}

impl<'a> StaffBrowser<'a> {
    pub async fn sign_in(app: &'a TestApp, email: &str, role: &str) -> StaffBrowser<'a> {
        let password = app.add_staff(email, role).await;
        let (browser, page) = app.sign_in(email, &password, None).await;
        StaffBrowser {
            app,
            browser,
            csrf: page.csrf(),
        }
    }

    /// Open the case page, then send one of its forms, as a person would.
    pub async fn act(&self, reference: &str, action: &str, fields: &[(&str, &str)]) -> Page {
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

/// Wait for something another task or process does (a real worker in
/// [`spawn_app_with_worker`], a lease running out, a browser, a server starting), checking
/// `done` every 50 ms, or fail after 30 s naming `what`. The one poll loop, for tests that
/// cannot drive that task's own step (emails: [`TestApp::dispatch_emails`]).
pub async fn eventually<F, Fut>(what: &str, mut done: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !done().await {
        assert!(
            std::time::Instant::now() < deadline,
            "{what} never happened"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// [`eventually`] for code that cannot wait asynchronously (starting a helper process from a
/// plain function): whether `done` came true within the same 30 s, checked every 50 ms.
pub fn eventually_blocking(mut done: impl FnMut() -> bool) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !done() {
        if std::time::Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    true
}
