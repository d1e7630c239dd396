//! Just enough of the W3C WebDriver protocol to drive Debian's headless Chromium through
//! `chromedriver` (both installed by `.ci/lib.sh`): open pages, click, type, press keys, read the
//! page, go back, run a script, take a screenshot.

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Browser {
    http: reqwest::Client,
    base: String,
    driver: Child,
    _profile: tempfile::TempDir,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub width: u32,
    pub height: u32,
    pub javascript: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            width: 360,
            height: 800,
            javascript: true,
        }
    }
}

impl Browser {
    pub async fn start(options: Options) -> Self {
        let port = super::smtp::free_port();
        // Its own process group, so the browser it starts goes with it (see `Drop`).
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("chromedriver (apt-get install chromium-driver)");
        let base = format!("http://127.0.0.1:{port}");
        // A hung browser fails the test instead of hanging the whole run.
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(120))
            .build()
            .expect("http client");
        super::eventually("chromedriver starting", || async {
            http.get(format!("{base}/status")).send().await.is_ok()
        })
        .await;
        let profile = tempfile::tempdir().expect("profile dir");
        let mut args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--no-first-run".into(),
            "--disable-quic".into(),
            format!("--window-size={},{}", options.width, options.height),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        if !options.javascript {
            args.push("--blink-settings=scriptEnabled=false".into());
        }
        let mut browser = Self {
            http,
            base,
            driver,
            _profile: profile,
        };
        let session = browser
            .call(
                reqwest::Method::POST,
                "/session",
                json!({"capabilities": {"alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": args}
                }}}),
            )
            .await;
        let id = session["sessionId"].as_str().expect("a session").to_owned();
        browser.base = format!("{}/session/{id}", browser.base);
        // Finding an element waits for it, so a click that loads a page needs no sleeps.
        browser
            .call(
                reqwest::Method::POST,
                "/timeouts",
                json!({"implicit": 15000, "script": 60000}),
            )
            .await;
        browser
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        self.try_call(method, path, body)
            .await
            .unwrap_or_else(|error| panic!("webdriver {path}: {error}"))
    }

    /// The command's value, or WebDriver's error and message.
    async fn try_call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Value,
    ) -> Result<Value, String> {
        let request = self
            .http
            .request(method.clone(), format!("{}{path}", self.base));
        let request = if method == reqwest::Method::GET {
            request
        } else {
            request.json(&body)
        };
        let response: Value = request
            .send()
            .await
            .expect("webdriver")
            .json()
            .await
            .expect("json");
        let value = response.get("value").cloned().unwrap_or(Value::Null);
        if let Some(error) = value.get("error") {
            return Err(format!(
                "{error} {}",
                value.get("message").unwrap_or(&Value::Null)
            ));
        }
        Ok(if path == "/session" {
            response.get("value").cloned().unwrap_or(response)
        } else {
            value
        })
    }

    /// Click or type on the element `css` names on the page as it is now: an element found
    /// just before the page moved on is stale, so it is found again, as a person's tap would
    /// land on the page they see.
    async fn on_element(&self, css: &str, action: &str, body: Value) {
        let mut tries = 0;
        loop {
            let id = self.find(css).await;
            let path = format!("/element/{id}/{action}");
            match self
                .try_call(reqwest::Method::POST, &path, body.clone())
                .await
            {
                Ok(_) => return,
                Err(error) if error.contains("stale element reference") && tries < 5 => {
                    tries += 1;
                }
                Err(error) => panic!("webdriver {action} on {css}: {error}"),
            }
        }
    }

    pub async fn goto(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", json!({"url": url}))
            .await;
    }

    pub async fn url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", Value::Null)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    pub async fn source(&self) -> String {
        self.call(reqwest::Method::GET, "/source", Value::Null)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    pub async fn find(&self, css: &str) -> String {
        let found = self
            .call(
                reqwest::Method::POST,
                "/element",
                json!({"using": "css selector", "value": css}),
            )
            .await;
        found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {found}"))
            .to_owned()
    }

    pub async fn click(&self, css: &str) {
        self.on_element(css, "click", json!({})).await;
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        self.on_element(css, "value", json!({"text": text})).await;
    }

    /// Press and release one key (WebDriver key codes, e.g. "\u{E008}" for Shift) `times` times.
    pub async fn press(&self, key: &str, times: usize) {
        let mut actions = Vec::new();
        for _ in 0..times {
            actions.push(json!({"type": "keyDown", "value": key}));
            actions.push(json!({"type": "keyUp", "value": key}));
        }
        self.call(
            reqwest::Method::POST,
            "/actions",
            json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}),
        )
        .await;
    }

    /// Type text with the keyboard into whatever has focus.
    pub async fn keys(&self, text: &str) {
        let mut actions = Vec::new();
        for c in text.chars() {
            actions.push(json!({"type": "keyDown", "value": c.to_string()}));
            actions.push(json!({"type": "keyUp", "value": c.to_string()}));
        }
        self.call(
            reqwest::Method::POST,
            "/actions",
            json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}),
        )
        .await;
    }

    /// Press Tab until the focused element matches `css` (as a keyboard user would).
    pub async fn tab_to(&self, css: &str) {
        for _ in 0..60 {
            let script = format!(
                "return !!document.activeElement && document.activeElement.matches({css:?});"
            );
            if self.run(&script).await == json!(true) {
                return;
            }
            self.press("\u{E004}", 1).await;
        }
        panic!("Tab never reached {css}");
    }

    /// An element's current `value` (what is in a box now, typed or restored), read through
    /// the driver so it works with the page's scripts off too.
    pub async fn value(&self, css: &str) -> String {
        let id = self.find(css).await;
        self.call(
            reqwest::Method::GET,
            &format!("/element/{id}/property/value"),
            Value::Null,
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    /// Cut the network (as a phone losing signal does), or bring it back.
    pub async fn offline(&self, offline: bool) {
        self.call(
            reqwest::Method::POST,
            "/chromium/network_conditions",
            json!({"network_conditions": {
                "offline": offline,
                "latency": 0,
                "download_throughput": 1_000_000,
                "upload_throughput": 1_000_000
            }}),
        )
        .await;
    }

    /// The browser's reload button.
    pub async fn refresh(&self) {
        self.call(reqwest::Method::POST, "/refresh", json!({}))
            .await;
    }

    pub async fn back(&self) {
        self.call(reqwest::Method::POST, "/back", json!({})).await;
    }

    pub async fn run(&self, script: &str) -> Value {
        self.call(
            reqwest::Method::POST,
            "/execute/sync",
            json!({"script": script, "args": []}),
        )
        .await
    }

    /// Run an asynchronous script; it calls `arguments[arguments.length - 1]` with its result.
    pub async fn run_async(&self, script: &str) -> Value {
        self.call(
            reqwest::Method::POST,
            "/execute/async",
            json!({"script": script, "args": []}),
        )
        .await
    }

    /// Save a PNG of the page under `test-artifacts/` for a person to look at.
    pub async fn screenshot(&self, name: &str) {
        use base64::Engine;
        let data = self
            .call(reqwest::Method::GET, "/screenshot", Value::Null)
            .await;
        if let Some(png) = data
            .as_str()
            .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
        {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test-artifacts");
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(dir.join(format!("{name}.png")), png);
        }
    }

    /// Wait until the page's source contains `text`.
    pub async fn wait_for_text(&self, text: &str) {
        // Generous: a loaded CI machine runs several browsers at once.
        super::eventually(&format!("{text:?} appearing"), || async {
            self.source().await.contains(text)
        })
        .await;
    }

    /// Wait until `script` (a function body) returns `true` on the page, or panic after the
    /// same generous time, naming `what` was awaited.
    pub async fn wait_for_script(&self, script: &str, what: &str) {
        super::eventually(what, || async { self.run(script).await == json!(true) }).await;
    }

    /// Wait until the URL satisfies `done`, or panic after a few seconds.
    pub async fn wait_for_url(&self, done: impl Fn(&str) -> bool) -> String {
        super::eventually("the URL changing as expected", || async {
            done(&self.url().await)
        })
        .await;
        self.url().await
    }

    /// Make the page exactly `width` × `height` CSS pixels, as on a phone: headless Chromium
    /// keeps its window at least 500 px wide whatever `--window-size` asks, so a narrower
    /// screen is set through the DevTools protocol (it stays for the rest of the session).
    pub async fn phone_screen(&self, width: u32, height: u32) {
        self.call(
            reqwest::Method::POST,
            "/goog/cdp/execute",
            json!({"cmd": "Emulation.setDeviceMetricsOverride", "params": {
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": true
            }}),
        )
        .await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Killing chromedriver alone leaves Chromium and its helpers running: hundreds of
        // processes per test run, enough to make a machine swap. End the whole group.
        let _ = Command::new("kill")
            .args(["-9", "--", &format!("-{}", self.driver.id())])
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A script's array of strings (what a page reports back), empty if it returned something else.
pub fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
