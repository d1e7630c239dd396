//! No child's words, contact details, reference or secret words in any log line, at any level:
//! the real binary runs with every log switched to `trace` while a child sends a message, comes
//! back and adds more, and an officer signs in and reads it.

use crate::helpers;

use std::process::{Command, Stdio};

use helpers::{Page, between, browser};

const BIN: &str = env!("CARGO_BIN_EXE_have-your-say");

#[tokio::test]
async fn nothing_a_child_wrote_reaches_the_logs_even_at_trace_level() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let port = helpers::smtp::free_port();
    let database = helpers::fresh_database_url(dir.path()).await;
    let log_path = dir.path().join("log.txt");
    let log = std::fs::File::create(&log_path).unwrap();
    let settings = |command: &mut Command| {
        command
            .current_dir(dir.path())
            .env("HYS_BIND", format!("127.0.0.1:{port}"))
            .env("HYS_DATABASE_URL", database.as_str())
            .env("HYS_FLOWS_DIR", root.join("flows"))
            .env("HYS_LOCALES_DIR", root.join("locales"))
            .env("HYS_LOG", "trace");
    };
    let mut add = Command::new(BIN);
    settings(&mut add);
    let mut add = add
        .args([
            "staff",
            "add",
            "--email",
            "cro@council.gov.uk",
            "--name",
            "Chris",
            "--role",
            "officer",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write;
    add.stdin
        .take()
        .unwrap()
        .write_all(b"a very long password\n")
        .unwrap();
    assert!(add.wait().unwrap().success());

    let mut serve = Command::new(BIN);
    settings(&mut serve);
    let mut child = serve
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .unwrap();
    helpers::eventually("the service starting", || async {
        tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
    })
    .await;
    let url = |path: &str| format!("http://127.0.0.1:{port}{path}");
    let child_browser = browser();
    let post = |client: &reqwest::Client, path: &str, fields: Vec<(&str, String)>| {
        let request = client.post(url(path)).form(&fields);
        async move { Page::from(request.send().await.unwrap()).await }
    };

    let secrets = [
        "Zebracornish happened",
        "Quillimina",
        "zebra.unique@example.org",
        "Pineapplewordy",
        "Tangerinewhale",
    ];
    post(&child_browser, "/chat/start", vec![]).await;
    for (step, value) in [
        ("kind", "complaint"),
        ("role", "young_person"),
        ("about", "money"),
        ("what-happened", secrets[0]),
        ("what-would-help", secrets[4]),
        ("advocate", "yes"),
        ("contact", "email"),
        ("contact-email", secrets[2]),
        ("first-name", secrets[1]),
        ("age", "14"),
        ("about-you", "skip"),
        ("check", ""),
    ] {
        post(
            &child_browser,
            "/chat/answer",
            vec![("step", step.into()), ("value", value.into())],
        )
        .await;
    }
    let done = post(
        &child_browser,
        "/chat/submit",
        vec![("step", "send".into())],
    )
    .await;
    let reference = done.reference();
    let words = done.secret().unwrap();
    child_browser.get(url("/leave")).send().await.unwrap();
    post(
        &child_browser,
        "/track",
        vec![("reference", reference.clone()), ("secret", words.clone())],
    )
    .await;
    post(
        &child_browser,
        "/track/add",
        vec![("text", secrets[3].into())],
    )
    .await;

    let staff = browser();
    let form = Page::from(staff.get(url("/staff/login")).send().await.unwrap()).await;
    let token = between(&form.body, "name=\"form_token\" value=\"", "\"").unwrap();
    post(
        &staff,
        "/staff/login",
        vec![
            ("form_token", token),
            ("next", String::new()),
            ("email", "cro@council.gov.uk".into()),
            ("password", "a very long password".into()),
        ],
    )
    .await;
    let case = Page::from(
        staff
            .get(url(&format!("/staff/cases/{reference}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(case.body.contains(secrets[0]), "the officer does see it");
    // The service's worker sends (and logs) the case's emails before it is stopped.
    let store = have_your_say::store::Store::connect(&database, 1)
        .await
        .unwrap();
    helpers::eventually("the service's worker sending every email", || async {
        let waiting: i64 = sqlx::query_scalar("select count(*) from outbox where status <> 'sent'")
            .fetch_one(store.pool())
            .await
            .unwrap();
        waiting == 0
    })
    .await;
    store.close().await;

    child.kill().unwrap();
    child.wait().unwrap();
    let logs = std::fs::read_to_string(&log_path).unwrap();
    assert!(logs.lines().count() > 20, "trace logging was on: {logs}");
    let distinctive = secrets
        .iter()
        .map(|s| s.split(' ').next().unwrap().to_owned());
    for needle in distinctive.chain([
        reference.clone(),
        words.clone(),
        "a very long password".into(),
    ]) {
        assert!(!logs.contains(&needle), "{needle:?} found in the logs");
        let encoded = needle.replace('@', "%40");
        assert!(!logs.contains(&encoded), "{encoded:?} found in the logs");
    }
}
