use super::*;

fn words() -> Localizer {
    Localizer::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")).unwrap()
}

fn shipped_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/flows/feedback.toml")).unwrap()
}

fn problems_in(text: &str) -> Vec<String> {
    let flow: Flow = toml::from_str(text).unwrap();
    lint(&flow, &words())
        .into_iter()
        .map(|(step, problem)| format!("{}: {problem}", step.unwrap_or_default()))
        .collect()
}

#[test]
fn the_shipped_flows_pass_the_linter() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("flows");
    let flows = Flows::load(&dir, &words()).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(flows.get("feedback").is_some());
}

#[test]
fn each_broken_flow_is_reported_with_its_step_and_problem() {
    let shipped = shipped_text();
    let cases = [
        (
            shipped.replace("{ goto = \"about\" }", "{ goto = \"abuot\" }"),
            "role: goto \"abuot\" does not exist",
        ),
        (
            shipped.replace(
                "{ goto = \"what-to-say\" },",
                "{ goto = \"what-happened\" },",
            ),
            "what-to-say: cannot be reached from the start step",
        ),
        (
            shipped.replace("ask = \"ask-age\"", "ask = \"ask-age-typo\""),
            "age: message \"ask-age-typo\" is missing from locale en-GB",
        ),
        (
            shipped.replace(
                "next = [{ goto = \"check\" }]",
                "next = [{ goto = \"first-name\" }]",
            ),
            "is part of a loop",
        ),
        (
            shipped.replace("save = \"contact_method\"", "save = \"contact_way\""),
            "send: a path reaches this submit step without saving \"contact_method\"",
        ),
        (
            shipped.replace(
                "next = [{ goto = \"first-name\" }]\n\n[[step]]\nid = \"contact-email\"",
                "\n[[step]]\nid = \"contact-email\"",
            ),
            "contact-phone: has no next rule",
        ),
    ];
    for (text, want) in cases {
        let problems = problems_in(&text);
        assert!(
            problems.iter().any(|p| p.contains(want)),
            "expected {want:?} in {problems:#?}"
        );
    }
}

#[test]
fn a_flow_folder_reports_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.toml"), "id = 3").unwrap();
    let errors = Flows::load(dir.path(), &words()).err().unwrap();
    assert!(
        errors[0].to_string().contains("broken.toml"),
        "{}",
        errors[0]
    );
}
