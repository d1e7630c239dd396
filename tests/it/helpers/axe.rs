//! axe-core (from npm; `.ci/lib.sh` installs it) injected into the page in headless Chromium:
//! every WCAG 2.2 A and AA violation it finds.

use super::webdriver::Browser;

pub fn axe_source() -> String {
    let path = std::env::var("AXE_CORE_JS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/.ci/axe/node_modules/axe-core/axe.min.js"
        )
        .to_owned()
    });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("axe-core not found at {path} ({e}); run .ci/test-all, which installs it")
    })
}

/// Every WCAG A and AA violation axe finds on the current page, as "rule: selectors".
pub async fn violations(browser: &Browser, axe: &str) -> Vec<String> {
    browser.run(axe).await;
    let found = browser
        .run_async(
            "var done = arguments[arguments.length - 1];
             axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
               .then(function (r) { done(r.violations.map(function (v) {
                 return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
               })); })
               .catch(function (e) { done(['axe failed: ' + e]); });",
        )
        .await;
    found
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_else(|| vec![format!("unexpected axe result {found}")])
}
