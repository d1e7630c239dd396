//! Acknowledgements and letters as an officer and the person who raised the case meet them:
//! acknowledging can email an acknowledgement in the case's language (through a real SMTP
//! server), or open a letter to print for other contact routes, and sends nothing to someone
//! who asked not to be contacted; the reply box starts from a template without JavaScript; the
//! council's own templates replace the shipped ones, and `check` lints them.

use crate::helpers;

use std::path::Path;
use std::process::Command;

use helpers::smtp::SmtpSink;
use helpers::{Page, TestApp, spawn_app, spawn_app_with};

const BIN: &str = env!("CARGO_BIN_EXE_have-your-say");

fn complaint(contact: &[&'static str]) -> Vec<&'static str> {
    let mut values = vec![
        "complaint",
        "young_person",
        "money",
        "My allowance was late again",
        "",
        "no",
    ];
    values.extend_from_slice(contact);
    values.extend(["Sam", "14"]);
    values
}

async fn case(app: &TestApp, values: &[&str]) -> String {
    let reference = app.send(values).await.reference();
    app.get("/leave").await;
    reference
}

/// A signed-in officer and the case page's forms.
struct Officer<'a> {
    app: &'a TestApp,
    browser: reqwest::Client,
    csrf: String,
}

impl<'a> Officer<'a> {
    async fn sign_in(app: &'a TestApp, role: &str) -> Officer<'a> {
        let email = format!("{role}@council.gov.uk");
        let password = app.add_staff(&email, role).await;
        let (browser, page) = app.sign_in(&email, &password, None).await;
        // An admin lands on no staff page with a form (they see no cases).
        let csrf = helpers::between(&page.body, "name=\"csrf\" value=\"", "\"");
        Officer {
            app,
            browser,
            csrf: csrf.unwrap_or_default(),
        }
    }

    async fn page(&self, path: &str) -> Page {
        self.app.get_as(&self.browser, path).await
    }

    async fn acknowledge(&self, reference: &str, send: bool) -> Page {
        let revision = self
            .page(&format!("/staff/cases/{reference}"))
            .await
            .revision();
        let mut form = vec![
            ("csrf", self.csrf.as_str()),
            ("revision", revision.as_str()),
        ];
        if send {
            form.push(("send_acknowledgement", "yes"));
        }
        self.app
            .post_as(
                &self.browser,
                &format!("/staff/cases/{reference}/acknowledge"),
                &form,
            )
            .await
    }
}

async fn acknowledgements(app: &TestApp) -> i64 {
    app.count_where("outbox", "kind = 'acknowledgement'").await
}

#[tokio::test]
async fn acknowledging_emails_them_an_acknowledgement_in_their_language() {
    let smtp = SmtpSink::start();
    let port = smtp.port;
    let app = spawn_app_with(move |c| {
        c.mail.smtp_url = Some(format!("smtp://127.0.0.1:{port}").into());
    })
    .await;
    app.get("/help?lang=cy").await;
    let reference = case(&app, &complaint(&["email", "sam@example.org"])).await;
    let officer = Officer::sign_in(&app, "officer").await;
    let page = officer.page(&format!("/staff/cases/{reference}")).await;
    assert!(
        page.body
            .contains("Also email them an acknowledgement, in their language, to sam@example.org"),
        "{}",
        page.body
    );

    let page = officer.acknowledge(&reference, true).await;
    assert!(page.url.ends_with(&format!("/staff/cases/{reference}")));
    assert_eq!(acknowledgements(&app).await, 1);
    // The new case's email to the rights officer, and the acknowledgement.
    app.dispatch_emails().await;
    let mail = smtp.received();
    let ack = mail
        .iter()
        .find(|m| m.rcpt_to == "sam@example.org")
        .expect("the acknowledgement reached them");
    assert_eq!(ack.subject, "Rydyn ni wedi cael dy neges");
    assert!(ack.text.starts_with("Annwyl Sam,"), "{}", ack.text);
    assert!(ack.text.contains(&reference), "{}", ack.text);
    assert!(ack.text.contains("/track"), "{}", ack.text);
    assert!(!ack.text.contains("allowance was late"), "{}", ack.text);
    // Shown on the case among its emails.
    let page = officer.page(&format!("/staff/cases/{reference}")).await;
    assert!(
        page.body.contains("Acknowledgement to them"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn acknowledging_with_the_box_unticked_sends_nothing() {
    let app = spawn_app().await;
    let reference = case(&app, &complaint(&["email", "sam@example.org"])).await;
    let officer = Officer::sign_in(&app, "officer").await;
    let page = officer.acknowledge(&reference, false).await;
    assert_eq!(page.status, 200);
    assert_eq!(acknowledgements(&app).await, 0);
    assert_eq!(
        app.count_where("case_events", "kind = 'acknowledged'")
            .await,
        1
    );
}

#[tokio::test]
async fn no_contact_wanted_means_nothing_is_sent_and_the_form_says_so() {
    let app = spawn_app().await;
    let reference = case(&app, &complaint(&["none"])).await;
    let officer = Officer::sign_in(&app, "officer").await;
    let page = officer.page(&format!("/staff/cases/{reference}")).await;
    assert!(
        page.body
            .contains("They asked not to be contacted, so no acknowledgement is sent to them.")
    );
    assert!(!page.body.contains("name=\"send_acknowledgement\""));
    // Even a forged tick sends nothing and prints nothing.
    let page = officer.acknowledge(&reference, true).await;
    assert!(page.url.ends_with(&format!("/staff/cases/{reference}")));
    assert_eq!(acknowledgements(&app).await, 0);
}

#[tokio::test]
async fn another_contact_route_gets_a_letter_to_print_in_their_language() {
    let app = spawn_app().await;
    app.get("/help?lang=ar").await;
    let reference = case(&app, &complaint(&["worker"])).await;
    let officer = Officer::sign_in(&app, "officer").await;
    let page = officer.page(&format!("/staff/cases/{reference}")).await;
    assert!(
        page.body
            .contains("make an acknowledgement letter to print")
    );

    let letter = officer.acknowledge(&reference, true).await;
    assert_eq!(letter.status, 200);
    assert!(
        letter
            .url
            .ends_with(&format!("/staff/cases/{reference}/letters/acknowledgement")),
        "{}",
        letter.url
    );
    assert!(
        letter
            .body
            .contains("class=\"letter\" lang=\"ar\" dir=\"rtl\"")
    );
    assert!(letter.body.contains("عزيزي/عزيزتي Sam"), "{}", letter.body);
    assert!(letter.body.contains(&reference));
    assert!(letter.body.contains("Testshire Council"));
    assert_eq!(acknowledgements(&app).await, 0, "nothing is emailed");
    assert_eq!(
        app.count_where("case_events", "kind = 'acknowledged'")
            .await,
        1
    );
}

#[tokio::test]
async fn the_reply_box_starts_from_a_template_without_javascript() {
    let app = spawn_app().await;
    let reference = case(&app, &complaint(&["email", "sam@example.org"])).await;
    let officer = Officer::sign_in(&app, "officer").await;
    let page = officer.page(&format!("/staff/cases/{reference}")).await;
    assert!(page.body.contains("Start from this"));
    assert!(
        page.body
            .contains("<option value=\"closing\">Closing letter (next rights)")
    );

    let page = officer
        .page(&format!("/staff/cases/{reference}?letter=closing"))
        .await;
    let reply = helpers::between(&page.body, "<textarea id=\"reply\"", "</textarea>").unwrap();
    assert!(reply.contains("Dear Sam,"), "{reply}");
    assert!(
        reply.contains("independent investigation (Stage 2"),
        "{reply}"
    );
    assert!(
        reply.contains("20 working days after our answer"),
        "{reply}"
    );
    assert!(
        reply.contains("Local Government and Social Care Ombudsman"),
        "{reply}"
    );
    assert!(page.body.contains("<option value=\"closing\" selected>"));

    // An unknown template is simply an empty box.
    let page = officer
        .page(&format!("/staff/cases/{reference}?letter=nonsense"))
        .await;
    assert_eq!(page.status, 200);
    let reply = helpers::between(&page.body, "<textarea id=\"reply\"", "</textarea>").unwrap();
    assert!(reply.ends_with('>'), "{reply}");
}

#[tokio::test]
async fn letters_are_for_officers_and_managers_only() {
    let app = spawn_app().await;
    let reference = case(&app, &complaint(&["phone", "07700900123"])).await;
    for (role, status) in [
        ("officer", 200),
        ("manager", 200),
        ("advocate", 404),
        // Admins open no page but the accounts pages (tests/it/accounts.rs).
        ("admin", 403),
    ] {
        let staff = Officer::sign_in(&app, role).await;
        let page = staff
            .page(&format!("/staff/cases/{reference}/letters/extension"))
            .await;
        assert_eq!(page.status, status, "{role}");
    }
    let page = Page::from(
        helpers::browser()
            .get(app.url(&format!("/staff/cases/{reference}/letters/extension")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.url.contains("/staff/login"),
        "signed out: {}",
        page.url
    );
}

fn council_templates(dir: &Path, text: &str) {
    std::fs::create_dir_all(dir.join("en-GB")).unwrap();
    std::fs::write(dir.join("en-GB").join("letters.ftl"), text).unwrap();
}

#[tokio::test]
async fn the_councils_templates_replace_the_shipped_ones() {
    let dir = tempfile::tempdir().unwrap();
    council_templates(
        dir.path(),
        "letter-closing = Anyshire has finished with { $reference }. Ask for Stage 2 by { $next_stage_by }.\n",
    );
    let templates = dir.path().to_owned();
    let app = spawn_app_with(move |c| c.reminders.templates_dir = Some(templates)).await;
    let reference = case(&app, &complaint(&["none"])).await;
    let officer = Officer::sign_in(&app, "officer").await;
    let page = officer
        .page(&format!("/staff/cases/{reference}?letter=closing"))
        .await;
    assert!(
        page.body.contains(&format!(
            "Anyshire has finished with {reference}. Ask for Stage 2 by"
        )),
        "{}",
        page.body
    );
    // The letters it does not name stay as shipped.
    let page = officer
        .page(&format!("/staff/cases/{reference}?letter=extension"))
        .await;
    assert!(page.body.contains("We are still working on your complaint"));
}

#[test]
fn check_lints_the_councils_templates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let check = |templates: &Path| {
        let out = Command::new(BIN)
            .args(["check", "--flows-dir"])
            .arg(root.join("flows"))
            .arg("--locales-dir")
            .arg(root.join("locales"))
            .arg("--templates")
            .arg(templates)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        (out.status.success(), text)
    };
    let good = tempfile::tempdir().unwrap();
    council_templates(good.path(), "letter-extension = We need until { $due }.\n");
    let (ok, text) = check(good.path());
    assert!(ok, "{text}");
    assert!(text.contains("ok: letter templates in"), "{text}");

    let bad = tempfile::tempdir().unwrap();
    council_templates(
        bad.path(),
        "letter-extension = We need until { $deadline }.\nletter-thanks = Thanks\n",
    );
    let (ok, text) = check(bad.path());
    assert!(!ok, "{text}");
    assert!(
        text.contains("the letter templates have problems"),
        "{text}"
    );
    assert!(text.contains("letter-extension"), "{text}");
    assert!(
        text.contains("\"letter-thanks\" is not a letter template"),
        "{text}"
    );
}

/// As an officer sees them at 320 and 390 px: the inbox's "At risk" flag, the acknowledge form's
/// choice, "Start from this", and the letter to print; no sideways scroll, no axe violations.
#[tokio::test]
async fn the_letter_and_reminder_parts_read_well_on_a_phone() {
    use helpers::webdriver::{Browser, Options};
    let app = spawn_app().await;
    let reference = case(&app, &complaint(&["carer"])).await;
    sqlx::query("update cases set acknowledge_by = '2026-01-05' where reference = $1")
        .bind(&reference)
        .execute(app.store.pool())
        .await
        .unwrap();
    // Where tests/it/accessibility.rs finds it (`.ci/lib.sh` installs it).
    let axe_path = std::env::var("AXE_CORE_JS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/.ci/axe/node_modules/axe-core/axe.min.js"
        )
        .to_owned()
    });
    let axe = std::fs::read_to_string(&axe_path).expect("axe-core (run .ci/test-all)");
    let password = app.add_staff("cro@council.gov.uk", "officer").await;
    for width in [320, 390] {
        let browser = Browser::start(Options {
            width,
            ..Options::default()
        })
        .await;
        browser.goto(&app.url("/staff/login")).await;
        browser.type_into("#email", "cro@council.gov.uk").await;
        browser.type_into("#password", &password).await;
        browser.click("form.step button[type=submit]").await;
        browser.wait_for_text("class=\"cases\"").await;
        let mut problems = Vec::new();
        for (name, path, anchor) in [
            ("inbox", "/staff".to_owned(), ".tag-at-risk"),
            (
                "case-acknowledge",
                format!("/staff/cases/{reference}"),
                "input[name=send_acknowledgement]",
            ),
            (
                "case-start-from",
                format!("/staff/cases/{reference}?letter=stage1_response"),
                "#start-from",
            ),
            (
                "letter",
                format!("/staff/cases/{reference}/letters/closing"),
                ".letter",
            ),
        ] {
            browser.goto(&app.url(&path)).await;
            browser.wait_for_text("</html>").await;
            browser
                .run(&format!(
                    "document.querySelector('{anchor}').scrollIntoView({{block: 'center'}});"
                ))
                .await;
            browser
                .screenshot(&format!("reminders-{name}-{width}"))
                .await;
            let wide = browser
                .run("return document.documentElement.scrollWidth > document.documentElement.clientWidth;")
                .await;
            if wide != serde_json::json!(false) {
                problems.push(format!("{name} at {width} px scrolls sideways"));
            }
            browser.run(&axe).await;
            let found = browser
                .run_async(
                    "var done = arguments[arguments.length - 1];
                     axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                       .then(function (r) { done(r.violations.map(function (v) { return v.id; })); })
                       .catch(function (e) { done(['axe failed: ' + e]); });",
                )
                .await;
            if found != serde_json::json!([]) {
                problems.push(format!("{name} at {width} px: {found}"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
