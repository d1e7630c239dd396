//! The staff session cookie is `SameSite=Lax`, so a link from a webmail opens a case signed in;
//! under it, every form post must come from our own origin, compared whole with the public URL
//! (scheme, host and port). A refusal is a kind, uncached page in the staff look. (The child's
//! cookie stays `SameSite=Strict`: tests/it/conversation.rs.)

use crate::helpers;

use helpers::{Page, TestApp, spawn_app, spawn_app_with};

const OFFICER: &str = "cro@testshire.gov.uk";

/// A signed-in officer's browser that sends no `Origin` of its own (the test sets it).
async fn bare_signed_in(app: &TestApp) -> (reqwest::Client, String) {
    let password = app.add_staff(OFFICER, "officer").await;
    let (_, _) = app.sign_in(OFFICER, &password, None).await;
    // Sign in again with a plain client, so no default header hides what each request sends.
    let browser = helpers::browser();
    let form = app.get_as(&browser, "/staff/login").await;
    let token = helpers::between(&form.body, "name=\"form_token\" value=\"", "\"").unwrap();
    let own = app.config.public_url.clone();
    let home = Page::from(
        browser
            .post(app.url("/staff/login"))
            .header("origin", &own)
            .form(&[
                ("form_token", token.as_str()),
                ("next", ""),
                ("email", OFFICER),
                ("password", password.as_str()),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(home.status, 200);
    (browser, home.csrf())
}

#[tokio::test]
async fn a_link_from_another_site_opens_the_case_signed_in() {
    let app = spawn_app().await;
    let reference = app.send(helpers::COMPLIMENT_ABOUT_A_TRIP).await.reference();
    let (browser, _) = bare_signed_in(&app).await;
    // What a browser sends following a link in a webmail page: a top-level GET from another
    // site, which a Lax cookie accompanies.
    let page = Page::from(
        browser
            .get(app.url(&format!("/staff/cases/{reference}")))
            .header("sec-fetch-site", "cross-site")
            .header("sec-fetch-mode", "navigate")
            .header("referer", "https://webmail.example/inbox")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(page.status, 200);
    assert!(page.url.ends_with(&reference), "{}", page.url);
}

#[tokio::test]
async fn staff_posts_are_taken_only_from_our_own_origin() {
    let app = spawn_app().await;
    let (browser, csrf) = bare_signed_in(&app).await;
    let own = app.config.public_url.clone();
    let port = own.rsplit(':').next().unwrap().to_owned();
    let other_port = format!("http://127.0.0.1:{}", port.parse::<u32>().unwrap() + 1);
    let https = own.replace("http://", "https://");
    let with_path = format!("{own}/staff");
    let referer_own = format!("{own}/staff/cases/HYS-7K4P-Q2MX");
    // (headers, taken?)
    let table: Vec<(Vec<(&str, &str)>, bool)> = vec![
        (vec![("origin", own.as_str())], true),
        (vec![("origin", "null")], false),
        (vec![("origin", https.as_str())], false),
        (vec![("origin", other_port.as_str())], false),
        (vec![("origin", "http://127.0.0.1")], false),
        (vec![("origin", "https://evil.example")], false),
        (vec![("origin", with_path.as_str())], true),
        (vec![("referer", referer_own.as_str())], true),
        (vec![("referer", "https://evil.example/staff")], false),
        (vec![], false),
        (
            vec![("origin", own.as_str()), ("sec-fetch-site", "cross-site")],
            false,
        ),
        (
            vec![("origin", own.as_str()), ("sec-fetch-site", "same-site")],
            false,
        ),
    ];
    for (headers, taken) in table {
        // Marking emails for retry is a harmless post every officer may make.
        let mut request = browser
            .post(app.url("/staff/outbox/retry"))
            .form(&[("csrf", csrf.as_str())]);
        for (name, value) in &headers {
            request = request.header(*name, *value);
        }
        let page = Page::from(request.send().await.unwrap()).await;
        if taken {
            assert_eq!(page.status, 200, "{headers:?}");
        } else {
            assert_eq!(page.status, 403, "{headers:?}");
            assert!(
                page.body.contains("That cannot be done from here"),
                "{headers:?}: {}",
                page.body
            );
            assert!(page.body.contains("href=\"/staff\""), "staff look");
            assert_eq!(page.headers["cache-control"], "no-store");
            assert!(
                page.headers["content-type"]
                    .to_str()
                    .unwrap()
                    .starts_with("text/html")
            );
        }
    }
    let audited = app
        .count_where("staff_audit", "action = 'emails_retried'")
        .await;
    assert_eq!(audited, 3, "only the posts from our origin did anything");
}

#[tokio::test]
async fn on_https_a_page_on_plain_http_cannot_post() {
    let app = spawn_app_with(|c| c.public_url = "https://hys.testshire.gov.uk".into()).await;
    for (origin, status) in [
        ("http://hys.testshire.gov.uk", 403),
        ("https://hys.testshire.gov.uk.evil.example", 403),
        ("https://hys.testshire.gov.uk:443", 200),
        ("https://hys.testshire.gov.uk", 200),
    ] {
        let page = Page::from(
            helpers::browser()
                .post(app.url("/chat/start"))
                .header("origin", origin)
                .form(&[("x", "")])
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(page.status, status, "{origin}");
    }
    assert_eq!(app.count("conversations").await, 2);
}

#[tokio::test]
async fn the_session_cookie_is_lax_and_the_sign_in_form_cookie_stays_strict() {
    let app = spawn_app().await;
    let password = app.add_staff(OFFICER, "officer").await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let form = client.get(app.url("/staff/login")).send().await.unwrap();
    let form_cookie: Vec<String> = form
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert!(
        form_cookie[0].contains("SameSite=Strict"),
        "{form_cookie:?}"
    );
    let body = form.text().await.unwrap();
    let token = helpers::between(&body, "name=\"form_token\" value=\"", "\"").unwrap();
    let pair = form_cookie[0].split(';').next().unwrap().to_owned();
    let signed_in = client
        .post(app.url("/staff/login"))
        .header("cookie", pair)
        .header("origin", &app.config.public_url)
        .form(&[
            ("form_token", token.as_str()),
            ("next", ""),
            ("email", OFFICER),
            ("password", password.as_str()),
        ])
        .send()
        .await
        .unwrap();
    let session = signed_in
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("hys-staff="))
        .unwrap();
    assert!(session.contains("SameSite=Lax"), "{session}");
    assert!(session.contains("HttpOnly"), "{session}");
}
