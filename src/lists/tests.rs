use super::*;

fn problems(text: &str) -> Vec<String> {
    match Lists::parse(text, "lists.toml") {
        Ok(_) => Vec::new(),
        Err(ListsError::Invalid { problems, .. }) => {
            problems.iter().map(ToString::to_string).collect()
        }
        Err(e) => vec![e.to_string()],
    }
}

const MINIMAL: &str = r#"
[[receipt_methods]]
id = "online"
label = "Online"
"#;

#[test]
fn the_shipped_set_and_the_birmingham_example_pass_the_lint() {
    let shipped = Lists::parse(SHIPPED, "lists.toml").unwrap();
    assert!(shipped.receipt_method(ONLINE).is_some());
    // The built-in aspects and receipt methods keep their meaning as list ids.
    for id in [
        "delay",
        "communication",
        "service_failure",
        "service_quality",
        "decision",
        "staff_conduct",
    ] {
        assert!(shipped.category(false, id).is_some(), "{id}");
    }
    for id in [
        "email",
        "letter",
        "telephone",
        "in_person",
        "councillor",
        "ombudsman",
        "paper_form",
        "another_app",
        "not_known",
    ] {
        assert!(shipped.receipt_method(id).is_some(), "{id}");
    }
    let birmingham = Lists::parse(
        include_str!("../../locales/en-GB/lists.birmingham.toml"),
        "lists.birmingham.toml",
    )
    .unwrap();
    assert_eq!(birmingham.complaint_groups.len(), 4);
    let categories = birmingham.complaint_categories().count();
    assert_eq!(categories, 8 + 12 + 25 + 15);
    assert_eq!(
        birmingham
            .team("south_safeguarding")
            .map(|t| t.service.as_str()),
        Some("south")
    );
}

#[test]
fn an_equality_table_is_accepted_and_left_to_equality_monitoring() {
    let text = format!("{MINIMAL}\n[equality]\nage_bands = [\"0-10\", \"11-15\"]\n");
    assert_eq!(problems(&text), Vec::<String>::new());
}

#[test]
fn an_unknown_table_is_refused_with_its_line() {
    let text = format!("{MINIMAL}\n[[squads]]\nid = \"a\"\n");
    let found = problems(&text);
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("squads"), "{found:?}");
    assert!(found[0].contains("line"), "{found:?}");
}

#[test]
fn the_lint_names_each_problem_with_its_place() {
    let cases: &[(&str, &str)] = &[
        (
            r#"[[actions_taken]]
id = "apology"
label = "Apology"
[[actions_taken]]
id = "apology"
label = "Sorry"
"#,
            r#"actions_taken[2] "apology": the id "apology" is already used by actions_taken[1] "apology""#,
        ),
        (
            r#"[[actions_taken]]
id = "apology"
label = "  "
"#,
            r#"actions_taken[1] "apology": has an empty label"#,
        ),
        (
            r#"[[actions_taken]]
label = "Apology"
"#,
            "actions_taken[1]: has no id",
        ),
        (
            r#"[[actions_taken]]
id = "Apology Given"
label = "Apology"
"#,
            r#"actions_taken[1] "Apology Given": the id may hold only a-z, 0-9, _ and - (at most 60)"#,
        ),
        (
            r#"[[services]]
id = "east"
label = "East"
[[teams]]
id = "fostering"
label = "Fostering"
service = "west"
"#,
            r#"teams[1] "fostering": names the service "west", which is not listed"#,
        ),
        (
            r#"[[services]]
id = "east"
label = "East"
[[teams]]
id = "north"
label = "North"
service = "east"
[[teams]]
id = "south"
label = "South"
service = "east"
formerly = ["North"]
"#,
            r#"teams[2] "south": the former label "North" is the current label of teams[1] "north""#,
        ),
        (
            r#"[[services]]
id = "east"
label = "East"
[[teams]]
id = "north"
label = "North"
service = "east"
formerly = ["Old"]
[[teams]]
id = "south"
label = "South"
service = "east"
formerly = ["old"]
"#,
            r#"teams[2] "south": the former label "old" is already teams[1] "north"'s"#,
        ),
        (
            r#"[[outcomes]]
id = "nfa"
label = "No further action"
counts_as = "sorted"
"#,
            r#"outcomes[1] "nfa": counts_as "sorted" is not "none" or a statutory outcome"#,
        ),
        (
            r#"[[complaint_groups]]
id = "delay"
label = "Delay"
categories = [{ id = "late", label = "Late" }]
[[complaint_groups]]
id = "quality"
label = "Quality"
categories = [{ id = "late", label = "Late again" }]
"#,
            r#"complaint_groups[2] "quality".categories[1] "late": the id "late" is already used by complaint_groups[1] "delay".categories[1] "late""#,
        ),
        (
            r#"[[complaint_groups]]
id = "delay"
label = "Delay"
"#,
            r#"complaint_groups[1] "delay": has no categories"#,
        ),
    ];
    for (text, expected) in cases {
        let found = problems(&format!("{MINIMAL}\n{text}"));
        assert!(
            found.iter().any(|p| p.starts_with(expected)),
            "expected {expected:?} in {found:?}"
        );
    }
    assert_eq!(
        problems("[[actions_taken]]\nid = \"a\"\nlabel = \"A\"\n"),
        vec![
            "receipt_methods: has no \"online\" entry (the children's conversation records it)"
                .to_owned()
        ]
    );
}

#[test]
fn a_renamed_team_is_found_by_its_former_name() {
    let lists = Lists::parse(
        &format!(
            r#"{MINIMAL}
[[services]]
id = "south_area"
label = "South"
[[teams]]
id = "south"
label = "South Team"
service = "south_area"
formerly = ["Demo South Team"]
"#
        ),
        "lists.toml",
    )
    .unwrap();
    assert_eq!(
        lists.team_named(" demo south team ").map(|t| t.id.as_str()),
        Some("south")
    );
    assert_eq!(
        lists.team_named("South Team").map(|t| t.id.as_str()),
        Some("south")
    );
    assert!(lists.team_named("Nowhere").is_none());
    assert!(lists.team_named("").is_none());
}
