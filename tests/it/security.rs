//! Headers every response carries, and form posts from other sites refused before they write.

use crate::helpers;

use helpers::{Page, spawn_app, spawn_app_with};

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in [
        "/",
        "/chat",
        "/help",
        "/track",
        "/staff/login",
        "/assets/app.css",
        "/no-such-page",
    ] {
        let response = app.get(path).await;
        let h = response.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        for needed in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "script-src 'self'",
        ] {
            assert!(csp.contains(needed), "{path}: {csp}");
        }
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        // Nothing to other sites; our own origin to ourselves, so posts carry a real `Origin`.
        assert_eq!(h["referrer-policy"], "same-origin", "{path}");
        assert!(
            h.get("strict-transport-security").is_none(),
            "no HSTS over plain http"
        );
    }
}

#[tokio::test]
async fn https_deployments_get_hsts() {
    let app = spawn_app_with(|c| c.public_url = "https://hys.example.gov.uk".into()).await;
    let response = app.get("/").await;
    assert!(
        response.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .contains("max-age=")
    );
}

#[tokio::test]
async fn posts_from_another_site_are_refused_and_write_nothing() {
    let app = spawn_app().await;
    let own = format!("http://{}", app.addr);
    let cases: &[(&[(&str, &str)], u16)] = &[
        (&[("origin", "https://evil.example")], 403),
        (&[("sec-fetch-site", "cross-site")], 403),
        (
            &[
                ("origin", "https://evil.example"),
                ("sec-fetch-site", "cross-site"),
            ],
            403,
        ),
        (
            &[("origin", own.as_str()), ("sec-fetch-site", "same-origin")],
            200,
        ),
    ];
    for (headers, status) in cases {
        for path in ["/chat/start", "/staff/login", "/track"] {
            let mut request = helpers::browser().post(app.url(path)).form(&[("x", "")]);
            for (name, value) in *headers {
                request = request.header(*name, *value);
            }
            let page = Page::from(request.send().await.unwrap()).await;
            if *status == 403 {
                assert_eq!(page.status, 403, "{path} {headers:?}");
            } else if path != "/staff/login" {
                // (sign-in also needs its own form token, so it is 403 either way)
                assert_ne!(page.status, 403, "{path} {headers:?}");
            }
        }
    }
    // Only the last, same-site start made a conversation.
    assert_eq!(app.count("conversations").await, 1);
}

#[tokio::test]
async fn a_spoofed_forwarded_for_header_does_not_reset_the_throttle() {
    let app = spawn_app().await;
    for n in 0..30 {
        let forged = format!("203.0.113.{n}");
        let reference = format!("HYS-AAAA-AA{}", ["AC", "AD", "AE", "AF", "AG", "AH"][n % 6]);
        helpers::browser()
            .post(app.url("/track"))
            .header("x-forwarded-for", forged)
            .form(&[("reference", reference.as_str()), ("secret", "guess")])
            .send()
            .await
            .unwrap();
    }
    let page = Page::from(
        helpers::browser()
            .post(app.url("/track"))
            .header("x-forwarded-for", "198.51.100.7")
            .form(&[("reference", "HYS-CCCC-CCCC"), ("secret", "guess")])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(page.status, 429, "the peer address counts, not the header");
}

#[tokio::test]
async fn names_from_requests_never_reach_the_file_system() {
    let app = spawn_app().await;
    for lang in [
        "../../etc/passwd",
        "%2e%2e%2f",
        "en%00",
        "..",
        "en-GB/../../",
    ] {
        let page = Page::from(app.get(&format!("/?lang={lang}")).await).await;
        assert_eq!(page.status, 200, "{lang}");
        assert!(
            page.body.contains("lang=\"en-GB\""),
            "{lang}: falls back to English"
        );
    }
    for flow in [
        "../flows/feedback",
        "..%2ffeedback",
        "feedback\u{0}",
        "/etc/passwd",
    ] {
        let response = app
            .client
            .post(app.url("/api/v1/conversations"))
            .json(&serde_json::json!({"flow": flow, "locale": "en-GB"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 404, "{flow:?}");
    }
}

/// Everything the server sends on `stream` until it closes it, or `None` if it never does
/// (the guard is generous: it only stops a broken server from hanging the test run).
async fn read_until_closed(stream: &mut tokio::net::TcpStream) -> Option<String> {
    use tokio::io::AsyncReadExt;
    let mut received = Vec::new();
    let read = stream.read_to_end(&mut received);
    match tokio::time::timeout(std::time::Duration::from_secs(60), read).await {
        Ok(_) => Some(String::from_utf8_lossy(&received).into_owned()),
        Err(_) => None,
    }
}

#[tokio::test]
async fn slow_clients_are_cut_off_and_the_service_keeps_serving() {
    use tokio::io::AsyncWriteExt;
    let app = spawn_app_with(|c| {
        c.header_timeout_seconds = 1;
        c.request_timeout_seconds = 2;
    })
    .await;

    // Connects and says nothing.
    let mut silent = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    // Sends half a request head, then stops (slowloris).
    let mut half_head = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    half_head
        .write_all(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        .await
        .unwrap();
    // Sends a whole head promising a body, and only part of the body.
    let mut slow_body = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    slow_body
        .write_all(
            b"POST /chat/answer HTTP/1.1\r\nHost: 127.0.0.1\r\n\
              Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\nstep=ki",
        )
        .await
        .unwrap();

    let silent = read_until_closed(&mut silent).await;
    assert!(silent.is_some(), "a silent connection is closed");
    let half_head = read_until_closed(&mut half_head)
        .await
        .expect("a connection that never finishes its head is closed");
    assert!(
        !half_head.contains("HTTP/1.1 5"),
        "no server error: {half_head}"
    );
    let slow_body = read_until_closed(&mut slow_body)
        .await
        .expect("a request whose body never comes is answered and closed");
    assert!(
        slow_body.starts_with("HTTP/1.1 408"),
        "a slow body gets 408: {slow_body}"
    );

    // Meanwhile and afterwards, everyone else is served.
    let page = Page::from(app.get("/").await).await;
    assert_eq!(page.status, 200);
}
