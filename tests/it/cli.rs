//! The binary as an operator uses it: `serve` with nothing set, `serve --help`, and `check`
//! on good and broken flows.

use crate::helpers;

use std::path::Path;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_have-your-say");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn serve_help_lists_every_setting_and_its_environment_variable() {
    let out = Command::new(BIN)
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for var in [
        "HYS_BIND",
        "HYS_PUBLIC_URL",
        "HYS_DATABASE_URL",
        "HYS_AUTHORITY_NAME",
        "HYS_HELP_PHONE",
        "HYS_OUT_OF_HOURS_PHONE",
        "HYS_CONFIG",
    ] {
        assert!(help.contains(var), "{var} missing from:\n{help}");
    }
}

#[test]
fn serve_with_no_settings_uses_a_sqlite_file_in_the_working_folder_and_says_where_it_listens() {
    let dir = tempfile::tempdir().unwrap();
    // Only the port is chosen, so this test never clashes with a service on 8080.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(BIN)
        .current_dir(dir.path())
        .env_clear()
        .env("HYS_BIND", format!("127.0.0.1:{port}"))
        .env("HYS_FLOWS_DIR", root().join("flows"))
        .env("HYS_LOCALES_DIR", root().join("locales"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let up =
        helpers::eventually_blocking(|| std::net::TcpStream::connect(("127.0.0.1", port)).is_ok());
    child.kill().unwrap();
    let out = child.wait_with_output().unwrap();
    let log =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(up, "service did not start: {log}");
    assert!(
        log.contains(&format!("listening on http://127.0.0.1:{port}")),
        "{log}"
    );
    assert!(
        dir.path().join("have-your-say.db").exists(),
        "SQLite file in the working folder"
    );
}

fn check_with(flows: &Path) -> (bool, String) {
    let out = Command::new(BIN)
        .args(["check", "--locales-dir"])
        .arg(root().join("locales"))
        .arg("--flows-dir")
        .arg(flows)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

#[test]
fn check_passes_on_the_shipped_flows() {
    let (ok, text) = check_with(&root().join("flows"));
    assert!(ok, "{text}");
    assert!(text.contains("ok: flows feedback"), "{text}");
}

#[test]
fn check_fails_with_a_clear_message_on_each_broken_flow() {
    let shipped = std::fs::read_to_string(root().join("flows/feedback.toml")).unwrap();
    let cases = [
        (
            "dangling goto",
            shipped.replace("{ goto = \"about\" }", "{ goto = \"nowhere\" }"),
            "step \"role\": goto \"nowhere\" does not exist",
        ),
        (
            "unreachable step",
            shipped.replace(
                "{ goto = \"what-to-say\" },",
                "{ goto = \"what-happened\" },",
            ),
            "step \"what-to-say\": cannot be reached from the start step",
        ),
        (
            "missing translation",
            shipped.replace("ask = \"ask-age\"", "ask = \"ask-how-old\""),
            "step \"age\": message \"ask-how-old\" is missing from locale en-GB",
        ),
    ];
    for (name, text, want) in cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("feedback.toml"), text).unwrap();
        let (ok, output) = check_with(dir.path());
        assert!(!ok, "{name}: check should fail");
        assert!(
            output.contains("feedback.toml"),
            "{name}: names the file: {output}"
        );
        assert!(output.contains(want), "{name}: wants {want:?} in {output}");
    }
}

#[test]
fn production_refuses_to_start_with_placeholder_recipients_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .env_clear()
        .env("HYS_ENV", "production")
        .env("HYS_PUBLIC_URL", "https://hys.example.gov.uk")
        .env("HYS_RIGHTS_OFFICER_EMAIL", "cro@council.gov.uk")
        .arg("serve")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(text.contains("refusing to start in production"), "{text}");
    assert!(
        text.contains("HYS_URGENT_EMAIL is the placeholder"),
        "{text}"
    );
    assert!(
        text.contains("HYS_ADVOCACY_EMAIL is the placeholder"),
        "{text}"
    );
    assert!(text.contains("HYS_SMTP_URL is not set"), "{text}");
    assert!(!text.contains("HYS_RIGHTS_OFFICER_EMAIL is"), "{text}");
}

#[test]
fn check_reports_placeholder_recipients() {
    let out = Command::new(BIN)
        .env_remove("HYS_URGENT_EMAIL")
        .args(["check", "--flows-dir"])
        .arg(root().join("flows"))
        .arg("--locales-dir")
        .arg(root().join("locales"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "outside production these are warnings"
    );
    assert!(
        text.contains("warning: HYS_URGENT_EMAIL is the placeholder safeguarding@example.invalid"),
        "{text}"
    );
}

#[test]
fn check_fails_on_an_incomplete_locale_and_names_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let locales = copied_locales(dir.path());
    let flow = locales.join("pl/flow.ftl");
    let text = std::fs::read_to_string(&flow).unwrap();
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("ask-age ="))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(text.len(), without.len(), "the Polish file defines ask-age");
    std::fs::write(&flow, without).unwrap();

    let out = Command::new(BIN)
        .args(["check", "--flows-dir"])
        .arg(root().join("flows"))
        .arg("--locales-dir")
        .arg(&locales)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        text.contains("locale pl is missing message \"ask-age\""),
        "{text}"
    );
}

#[test]
fn check_fails_on_a_safety_list_line_it_cannot_read_and_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let locales = copied_locales(dir.path());
    let list = locales.join("cy/safety.txt");
    let mut text = std::fs::read_to_string(&list).unwrap();
    text.push_str("\n{taro|curo fi\n");
    let broken_line = text.lines().count();
    std::fs::write(&list, text).unwrap();

    let (ok, text) = check_locales(&locales);
    assert!(!ok, "{text}");
    assert!(
        text.contains(&format!("safety.txt:{broken_line}")),
        "names the file and line: {text}"
    );
}

#[test]
fn check_names_each_problem_of_a_lists_file_and_passes_the_birmingham_example() {
    let dir = tempfile::tempdir().unwrap();
    let lists = dir.path().join("lists.toml");
    std::fs::write(
        &lists,
        r#"
[[receipt_methods]]
id = "online"
label = "Online"

[[services]]
id = "east"
label = "East"

[[teams]]
id = "fostering"
label = "Fostering"
service = "west"

[[outcomes]]
id = "nfa"
label = ""
counts_as = "sorted"

[equality]
age_bands = ["0-10"]
"#,
    )
    .unwrap();
    let run = |file: &Path| {
        let out = Command::new(BIN)
            .args(["check", "--flows-dir"])
            .arg(root().join("flows"))
            .arg("--locales-dir")
            .arg(root().join("locales"))
            .arg("--lists")
            .arg(file)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        (out.status.success(), text)
    };
    let (ok, text) = run(&lists);
    assert!(!ok, "{text}");
    for expected in [
        "lists.toml has problems",
        r#"teams[1] "fostering": names the service "west", which is not listed"#,
        r#"outcomes[1] "nfa": has an empty label"#,
        r#"outcomes[1] "nfa": counts_as "sorted""#,
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    assert!(
        !text.contains("equality"),
        "the equality table is not ours: {text}"
    );

    let (ok, text) = run(&root().join("locales/en-GB/lists.birmingham.toml"));
    assert!(ok, "{text}");
    assert!(
        text.contains("60 complaint categories in 4 groups"),
        "{text}"
    );
}

#[test]
fn check_fails_on_equality_age_bands_that_overlap_or_leave_a_gap_and_passes_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let run = |bands: &str| {
        let file = dir.path().join("lists.toml");
        std::fs::write(
            &file,
            format!(
                "{}\n[equality]\nage_bands = {bands}\n",
                std::fs::read_to_string(root().join("locales/en-GB/lists.toml")).unwrap()
            ),
        )
        .unwrap();
        let out = Command::new(BIN)
            .env("HYS_LISTS", &file)
            .args(["check", "--flows-dir"])
            .arg(root().join("flows"))
            .arg("--locales-dir")
            .arg(root().join("locales"))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        (out.status.success(), text)
    };
    let (ok, text) = run(r#"["0-15", "15-24", "25+"]"#);
    assert!(!ok, "{text}");
    assert!(text.contains("age 15 is in two bands"), "{text}");
    let (ok, text) = run(r#"["0-9", "13-17", "18+"]"#);
    assert!(!ok, "{text}");
    assert!(text.contains("age 10 is in no band (a gap)"), "{text}");
    let (ok, text) = run(r#"[{ from = 0, to = 25, label = "" }]"#);
    assert!(!ok, "{text}");
    assert!(text.contains("empty label"), "{text}");
    let (ok, text) = run(r#"["0-9", "10-12", "13-15", "16-17", "18+"]"#);
    assert!(ok, "{text}");
}

/// `check` on the shipped flows and these locales: whether it passed, and what it wrote to stderr.
fn check_locales(locales: &Path) -> (bool, String) {
    let out = Command::new(BIN)
        .args(["check", "--flows-dir"])
        .arg(root().join("flows"))
        .arg("--locales-dir")
        .arg(locales)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A copy of the shipped locales in a temporary folder, to break one file of.
fn copied_locales(dir: &Path) -> std::path::PathBuf {
    let locales = dir.join("locales");
    for entry in std::fs::read_dir(root().join("locales")).unwrap() {
        let entry = entry.unwrap();
        let target = locales.join(entry.file_name());
        std::fs::create_dir_all(&target).unwrap();
        for file in std::fs::read_dir(entry.path()).unwrap() {
            let file = file.unwrap();
            std::fs::copy(file.path(), target.join(file.file_name())).unwrap();
        }
    }
    locales
}

#[test]
fn check_fails_on_a_bad_secret_word_list_and_names_each_problem_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let locales = copied_locales(dir.path());
    let list = locales.join("pl/words.txt");
    // Two lines left of the shipped list: far too few for 40 bits, and three bad lines.
    let kept: Vec<String> = std::fs::read_to_string(&list)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .take(2)
        .map(str::to_owned)
        .collect();
    let text = format!("{}\nlody waniliowe\nKOT\nx\n", kept.join("\n"));
    std::fs::write(&list, text).unwrap();

    let (ok, text) = check_locales(&locales);

    assert!(!ok, "{text}");
    for expected in [
        "pl/words.txt:3: \"lody waniliowe\" has a space",
        "pl/words.txt:4: \"KOT\" repeats line 1",
        "pl/words.txt:5: \"x\" has 1 letters",
        "usable words give",
    ] {
        assert!(text.contains(expected), "{expected:?} in: {text}");
    }
}
