//! Every staff page on a phone: at 390 px in headless Chromium, with realistic long data (a
//! long unbroken word, long names, a council's long team names, many notes), nothing scrolls
//! sideways, the inbox is a list of cards, and axe-core finds no WCAG 2.2 AA violation.
//! Screenshots go to `test-artifacts/staff-*-390.png` for a person to look at.

use crate::helpers;

use helpers::axe::{axe_source, violations};
use helpers::webdriver::{Browser, Options};
use helpers::{TestApp, spawn_app};

const LONG_WORD: &str = "Supercalifragilisticexpialidociousandthensomemorewithoutanyspaces";

async fn seed(app: &TestApp) -> String {
    let what =
        format!("{LONG_WORD} and my placement keeps changing every few weeks so I cannot settle");
    let reference = app
        .send(&[
            "complaint",
            "young_person",
            "money",
            what.as_str(),
            "",
            "yes",
            "email",
            "a.very.long.email.address.for.testing@averylongdomainname.example.org",
            "Maximiliana-Alexandrina",
            "16",
        ])
        .await
        .reference();
    app.get("/leave").await;
    for _ in 0..3 {
        app.send(helpers::WANTS_ADVOCATE).await;
        app.get("/leave").await;
    }
    // A team typed before teams were a list, as long as some councils' names are.
    sqlx::query(
        "update cases set team = 'Children in Care and Care Leavers Service (North and West Localities)' \
         where reference = $1",
    )
    .bind(&reference)
    .execute(app.store.pool())
    .await
    .expect("team");
    reference
}

/// How far the page is wider than the window (0 when it fits).
async fn overflow(browser: &Browser) -> i64 {
    browser
        .run("return document.documentElement.scrollWidth - window.innerWidth;")
        .await
        .as_i64()
        .unwrap_or(i64::MAX)
}

async fn look(browser: &Browser, name: &str, problems: &mut Vec<String>) {
    let width = browser.run("return window.innerWidth;").await;
    if width.as_i64() != Some(390) {
        let wide = browser
            .run(
                "return Array.from(document.querySelectorAll('body *')) \
                 .filter(e => e.getBoundingClientRect().right > 392) \
                 .slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' \
                 + Math.round(e.getBoundingClientRect().width)).join(' | ');",
            )
            .await;
        problems.push(format!("{name}: wider than the screen: {wide}"));
    }
    browser.screenshot(&format!("staff-{name}-390")).await;
    let over = overflow(browser).await;
    if over > 0 {
        problems.push(format!("{name}: {over} px wider than the screen"));
    }
    for v in violations(browser, &axe_source()).await {
        problems.push(format!("{name}: {v}"));
    }
}

/// A screenshot with `css` scrolled to the top, for the parts below the first screen.
async fn part(browser: &Browser, css: &str, name: &str) {
    browser
        .run(&format!(
            "document.querySelector('{css}').scrollIntoView(); return true;"
        ))
        .await;
    browser.screenshot(&format!("staff-{name}-390")).await;
}

async fn sign_in(app: &TestApp, browser: &Browser, email: &str, password: &str, lands: &str) {
    browser.goto(&app.url("/staff/login")).await;
    browser.type_into("#email", email).await;
    browser.type_into("#password", password).await;
    browser.click("form.step button[type=submit]").await;
    browser.wait_for_text(lands).await;
}

/// A browser drawing pages 390 px wide, like a phone.
async fn phone() -> Browser {
    let browser = Browser::start(Options {
        width: 390,
        height: 844,
        javascript: true,
    })
    .await;
    browser.phone_screen(390, 844).await;
    browser
}

#[tokio::test]
async fn no_staff_page_scrolls_sideways_at_390_pixels_and_axe_finds_nothing() {
    let app = spawn_app().await;
    let reference = seed(&app).await;
    let officer = app.add_staff("cro@council.gov.uk", "officer").await;
    let manager = app.add_staff("manager@council.gov.uk", "manager").await;
    let admin = app.add_staff("admin@council.gov.uk", "admin").await;
    let browser = Browser::start(Options {
        width: 390,
        height: 844,
        javascript: true,
    })
    .await;
    browser.phone_screen(390, 844).await;
    let mut problems = Vec::new();

    browser.goto(&app.url("/staff/login")).await;
    look(&browser, "login", &mut problems).await;
    sign_in(
        &app,
        &browser,
        "cro@council.gov.uk",
        &officer,
        "class=\"cases\"",
    )
    .await;
    look(&browser, "inbox", &mut problems).await;
    // Under 600 px the inbox is cards: the column headings are out of sight, each row a box.
    let cards = browser
        .run(
            "var r = document.querySelector('.case-list tbody tr'); \
             return getComputedStyle(r).display;",
        )
        .await;
    assert_eq!(cards.as_str(), Some("block"), "rows are cards on a phone");
    part(&browser, "table.cases", "inbox-cards").await;
    part(&browser, "fieldset.bulk", "inbox-bulk").await;

    // Work the case a little (over HTTP, as the case page's form does), so its page has a
    // long note.
    let (client, _) = app.sign_in("cro@council.gov.uk", &officer, None).await;
    let page = app
        .get_as(&client, &format!("/staff/cases/{reference}"))
        .await;
    let note = format!("Spoke to {LONG_WORD} at the placement review");
    let added = app
        .post_as(
            &client,
            &format!("/staff/cases/{reference}/note"),
            &[
                ("csrf", page.csrf().as_str()),
                ("text", note.as_str()),
                ("visibility", "shared"),
            ],
        )
        .await;
    assert_eq!(added.status, 200, "{}", added.body);
    browser
        .goto(&app.url(&format!("/staff/cases/{reference}")))
        .await;
    browser.wait_for_text("Spoke to").await;
    look(&browser, "case", &mut problems).await;
    part(&browser, ".transcript", "case-transcript").await;
    part(&browser, ".actions-grid", "case-actions").await;
    part(&browser, ".timeline", "case-timeline").await;

    browser.goto(&app.url("/staff?q=placement")).await;
    look(&browser, "search", &mut problems).await;
    browser.goto(&app.url("/staff/cases/new")).await;
    look(&browser, "record", &mut problems).await;
    browser.goto(&app.url("/staff/mail")).await;
    look(&browser, "mail", &mut problems).await;
    browser.goto(&app.url("/staff?view=held")).await;
    look(&browser, "held", &mut problems).await;

    let manager_browser = phone().await;
    sign_in(
        &app,
        &manager_browser,
        "manager@council.gov.uk",
        &manager,
        "class=\"cases\"",
    )
    .await;
    manager_browser.goto(&app.url("/staff/report")).await;
    look(&manager_browser, "report", &mut problems).await;
    part(&manager_browser, ".table-wrap", "report-table").await;

    let admin_browser = phone().await;
    sign_in(
        &app,
        &admin_browser,
        "admin@council.gov.uk",
        &admin,
        "/staff/accounts",
    )
    .await;
    admin_browser.goto(&app.url("/staff/accounts")).await;
    look(&admin_browser, "accounts", &mut problems).await;

    assert!(problems.is_empty(), "on a phone:\n{}", problems.join("\n"));
}
