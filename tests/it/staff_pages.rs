//! The staff pages rights officers work from all day, over HTTP per role: notes that stay
//! inside (internal or shared with the advocate), search, pages of 25, filters in the URL,
//! bulk assign and team, the CSV export, and the case page (assigned to, why urgent, the
//! safety help in the transcript, folded views, cases recorded from a letter or a call).

use crate::helpers;

use helpers::{Page, TestApp, between, spawn_app};

use helpers::COMPLAINT_WANTING_ADVOCATE_BY_EMAIL as COMPLAINT;
use helpers::WANTS_ADVOCATE;

async fn case(app: &TestApp, values: &[&str]) -> String {
    let reference = app.send(values).await.reference();
    app.get("/leave").await;
    reference
}

struct Staff {
    browser: reqwest::Client,
}

async fn signed_in(app: &TestApp, email: &str, role: &str) -> Staff {
    let password = app.add_staff(email, role).await;
    let (browser, _) = app.sign_in(email, &password, None).await;
    Staff { browser }
}

impl Staff {
    async fn get(&self, app: &TestApp, path: &str) -> Page {
        app.get_as(&self.browser, path).await
    }

    async fn post(&self, app: &TestApp, path: &str, fields: &[(&str, &str)]) -> Page {
        app.post_as(&self.browser, path, fields).await
    }

    /// Post a case page's form with its CSRF token and revision.
    async fn act(
        &self,
        app: &TestApp,
        reference: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> Page {
        let page = self.get(app, &format!("/staff/cases/{reference}")).await;
        let (csrf, revision) = (page.csrf(), page.revision());
        let mut form = vec![("csrf", csrf.as_str()), ("revision", revision.as_str())];
        form.extend_from_slice(fields);
        self.post(app, &format!("/staff/cases/{reference}/{action}"), &form)
            .await
    }
}

async fn staff_id(app: &TestApp, email: &str) -> i64 {
    sqlx::query_as::<_, (i64,)>("select id from staff where email = $1")
        .bind(email)
        .fetch_one(app.store.pool())
        .await
        .unwrap()
        .0
}

#[tokio::test]
async fn an_advocate_reads_shared_notes_and_what_the_child_sent_and_never_internal_notes() {
    let app = spawn_app().await;
    let referred = case(&app, WANTS_ADVOCATE).await;
    let officer = signed_in(&app, "officer@council.gov.uk", "officer").await;
    let manager = signed_in(&app, "manager@council.gov.uk", "manager").await;
    let advocate = signed_in(&app, "advocate@advocacy.org.uk", "advocate").await;
    let admin = signed_in(&app, "admin@council.gov.uk", "admin").await;

    // The form offers the choice, internal ticked: sharing by mistake cannot be undone.
    let page = officer.get(&app, &format!("/staff/cases/{referred}")).await;
    assert!(
        page.body
            .contains("name=\"visibility\" value=\"internal\" checked"),
        "{}",
        page.body
    );
    officer
        .act(
            &app,
            &referred,
            "note",
            &[
                ("text", "Internal: spoke to team manager Sarah K"),
                ("visibility", "internal"),
            ],
        )
        .await;
    officer
        .act(
            &app,
            &referred,
            "note",
            &[
                ("text", "Appointment moved to Tuesday"),
                ("visibility", "shared"),
            ],
        )
        .await;
    // A form without the choice keeps the note inside.
    officer
        .act(
            &app,
            &referred,
            "note",
            &[("text", "Unmarked thought about budgets")],
        )
        .await;
    let bad = officer
        .act(
            &app,
            &referred,
            "note",
            &[("text", "Kept words"), ("visibility", "everyone")],
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(bad.body.contains("Kept words"), "what was typed comes back");
    // The advocate's own note is shared, whatever the form says.
    let own = advocate
        .post(
            &app,
            &format!("/staff/cases/{referred}/note"),
            &[
                (
                    "csrf",
                    advocate
                        .get(&app, &format!("/staff/cases/{referred}"))
                        .await
                        .csrf()
                        .as_str(),
                ),
                ("text", "Advocate met the young person"),
                ("visibility", "internal"),
            ],
        )
        .await;
    assert_eq!(own.status, 200, "{}", own.body);

    for (who, staff, sees_internal) in [
        ("officer", &officer, true),
        ("manager", &manager, true),
        ("advocate", &advocate, false),
    ] {
        let page = staff.get(&app, &format!("/staff/cases/{referred}")).await;
        assert_eq!(page.status, 200, "{who}");
        assert!(page.body.contains("Appointment moved to Tuesday"), "{who}");
        assert!(page.body.contains("Advocate met the young person"), "{who}");
        assert!(
            page.body.contains("Dentist is far"),
            "{who} reads what the child sent"
        );
        for internal in ["Sarah K", "Unmarked thought"] {
            assert_eq!(
                page.body.contains(internal),
                sees_internal,
                "{who}: {internal}"
            );
        }
        // Searching for words of an internal note finds the case only for those who may read it.
        let search = staff.get(&app, "/staff?q=sarah+k").await;
        assert_eq!(
            search.body.contains(&referred),
            sees_internal,
            "{who} search"
        );
        let shared = staff.get(&app, "/staff?q=TUESDAY").await;
        assert!(shared.body.contains(&referred), "{who} finds a shared note");
        let csv = staff.get(&app, "/staff/cases.csv?q=appointment").await;
        assert!(csv.body.contains(&referred), "{who} csv");
        assert!(
            !csv.body.contains("Sarah K") && !csv.body.contains("Appointment"),
            "no notes in CSV"
        );
    }
    let advocate_page = advocate
        .get(&app, &format!("/staff/cases/{referred}"))
        .await;
    assert!(
        !advocate_page.body.contains("name=\"visibility\""),
        "no choice for the advocate"
    );
    assert!(
        !advocate_page.body.contains(">Viewed"),
        "the council's audit stays inside"
    );
    // The admin manages accounts and reads no case: refused, and nothing of the case shown.
    for path in [
        format!("/staff/cases/{referred}"),
        "/staff/cases.csv".to_owned(),
        "/staff?q=tuesday".to_owned(),
    ] {
        let page = admin.get(&app, &path).await;
        let sent_away = page.status == 200 && !page.url.ends_with(&path);
        assert!(
            matches!(page.status, 403 | 404) || sent_away,
            "{path}: {} {}",
            page.status,
            page.url
        );
        assert!(
            !page.body.contains("Appointment") && !page.body.contains(&referred),
            "{path}"
        );
    }
    assert_eq!(
        app.count_where(
            "case_events",
            "kind = 'note' and detail like '%shared_with_advocate%'"
        )
        .await,
        2
    );
}

#[tokio::test]
async fn search_finds_reference_name_team_and_words_and_is_audited_without_the_words() {
    let app = spawn_app().await;
    let samira = case(&app, COMPLAINT).await;
    let other = case(&app, WANTS_ADVOCATE).await;
    let officer = signed_in(&app, "officer@council.gov.uk", "officer").await;
    officer
        .act(&app, &other, "teams", &[("teams", "leaving_care")])
        .await;
    officer
        .act(
            &app,
            &other,
            "note",
            &[
                ("text", "Called the 50% discount line"),
                ("visibility", "internal"),
            ],
        )
        .await;

    for (q, finds_samira, finds_other) in [
        (samira.as_str(), true, false),
        ("samira", true, false),
        ("ALLOWANCE was", true, false),
        ("dentist", false, true),
        ("leaving care", false, true),
        ("50%", false, true),
        // The wildcards are escaped: "%" and "_" are only themselves.
        ("%", false, true),
        ("_", false, false),
        // JSON keys of a stored note are not words of the case.
        ("visibility", false, false),
        ("nothing like this", false, false),
    ] {
        let page = officer
            .get(&app, &format!("/staff?q={}", urlencode(q)))
            .await;
        assert_eq!(page.status, 200, "{q}");
        assert_eq!(
            page.body.contains(&samira),
            finds_samira,
            "{q}: {}",
            page.body
        );
        assert_eq!(page.body.contains(&other), finds_other, "{q}");
        assert!(
            page.body
                .contains(&format!("value=\"{}\"", q.replace('&', "&amp;")))
                || q.contains(['%', '_'])
                || q.starts_with("HYS"),
            "the search box keeps {q}"
        );
    }
    let audit: Vec<(String, String)> =
        sqlx::query_as("select action, detail from staff_audit where action = 'cases_searched'")
            .fetch_all(app.store.pool())
            .await
            .unwrap();
    assert_eq!(audit.len(), 10, "each search is recorded");
    assert!(
        audit
            .iter()
            .all(|(_, d)| !d.to_lowercase().contains("samira") && !d.contains("dentist")),
        "who and when, never the words: {audit:?}"
    );
    assert!(audit.iter().all(|(_, d)| d.contains("\"cases\"")));
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' => (b as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn lists_come_in_pages_of_25_with_their_filters_kept_in_the_links() {
    let app = spawn_app().await;
    let mut references = Vec::new();
    for _ in 0..27 {
        references.push(case(&app, WANTS_ADVOCATE).await);
    }
    let complaint = case(&app, COMPLAINT).await;
    let officer = signed_in(&app, "officer@council.gov.uk", "officer").await;

    let first = officer.get(&app, "/staff?kind=comment").await;
    assert!(first.body.contains("Cases 1 to 25 of 27"), "{}", first.body);
    assert!(!first.body.contains(&complaint));
    let on_first = references
        .iter()
        .filter(|r| first.body.contains(r.as_str()))
        .count();
    assert_eq!(on_first, 25);
    let next = between(&first.body, "<a href=\"", "\" rel=\"next\"")
        .map(|s| {
            s.rsplit("<a href=\"")
                .next()
                .unwrap_or_default()
                .replace("&#38;", "&")
        })
        .expect("a next link");
    assert!(
        next.contains("kind=comment") && next.contains("page=2"),
        "{next}"
    );
    let second = officer.get(&app, &next).await;
    assert!(
        second.body.contains("Cases 26 to 27 of 27"),
        "{}",
        second.body
    );
    let on_second = references
        .iter()
        .filter(|r| second.body.contains(r.as_str()))
        .count();
    assert_eq!(on_second, 2);
    assert!(second.body.contains("aria-current=\"page\">2<"));

    // A page past the end, or nonsense, is an empty page or the first: never an error.
    for path in [
        "/staff?page=99",
        "/staff?page=-3",
        "/staff?page=x&risk=maybe&assignee=%27",
    ] {
        assert_eq!(officer.get(&app, path).await.status, 200, "{path}");
    }
}

#[tokio::test]
async fn bulk_assign_and_team_change_each_ticked_case_with_its_own_timeline_entry() {
    let app = spawn_app().await;
    let a = case(&app, COMPLAINT).await;
    let b = case(&app, WANTS_ADVOCATE).await;
    let untouched = case(&app, WANTS_ADVOCATE).await;
    let officer = signed_in(&app, "officer@council.gov.uk", "officer").await;
    let _colleague = signed_in(&app, "colleague@council.gov.uk", "officer").await;
    let advocate = signed_in(&app, "advocate@advocacy.org.uk", "advocate").await;
    let colleague = staff_id(&app, "colleague@council.gov.uk").await.to_string();
    let advocate_id = staff_id(&app, "advocate@advocacy.org.uk").await.to_string();
    let inbox = officer.get(&app, "/staff?kind=comment").await;
    let csrf = inbox.csrf();
    let back = between(&inbox.body, "name=\"back\" value=\"", "\"")
        .expect("back")
        .replace("&#38;", "&");

    let done = officer
        .post(
            &app,
            "/staff/cases/bulk",
            &[
                ("csrf", &csrf),
                ("back", &back),
                ("cases", &a),
                ("cases", &b),
                ("assignee", &colleague),
                ("bulk", "assign"),
            ],
        )
        .await;
    assert_eq!(done.status, 200);
    assert!(
        done.url.contains("kind=comment"),
        "back to the same list: {}",
        done.url
    );
    assert!(done.body.contains("2 cases changed"), "{}", done.body);
    let assigned = app
        .count_where("cases", &format!("assignee_id = {colleague}"))
        .await;
    assert_eq!(assigned, 2);
    assert_eq!(
        app.count_where("case_events", "kind = 'assigned'").await,
        2,
        "one entry per case"
    );

    let moved = officer
        .post(
            &app,
            "/staff/cases/bulk",
            &[
                ("csrf", &csrf),
                ("cases", &b),
                ("team", "leaving_care"),
                ("bulk", "team"),
            ],
        )
        .await;
    assert!(moved.body.contains("1 case changed"), "{}", moved.body);
    assert_eq!(
        app.count_where("case_teams", "team = 'leaving_care'").await,
        1
    );
    assert_eq!(
        app.count_where("case_events", "kind = 'teams_set'").await,
        1
    );

    // Only valid targets: an advocate cannot be assigned, a team must be on the list.
    for fields in [
        vec![("assignee", advocate_id.as_str()), ("bulk", "assign")],
        vec![("team", "no_such_team"), ("bulk", "team")],
        vec![("bulk", "delete")],
    ] {
        let mut form = vec![("csrf", csrf.as_str()), ("cases", untouched.as_str())];
        form.extend(fields);
        let page = officer.post(&app, "/staff/cases/bulk", &form).await;
        assert!(page.body.contains("No case was changed"), "{}", page.body);
    }
    // Without the token, or as an advocate, nothing happens.
    let forged = officer
        .post(
            &app,
            "/staff/cases/bulk",
            &[
                ("csrf", "forged"),
                ("cases", &untouched),
                ("assignee", &colleague),
                ("bulk", "assign"),
            ],
        )
        .await;
    assert_eq!(forged.status, 403);
    let advocate_csrf = advocate.get(&app, "/staff").await.csrf();
    let refused = advocate
        .post(
            &app,
            "/staff/cases/bulk",
            &[
                ("csrf", &advocate_csrf),
                ("cases", &untouched),
                ("assignee", &colleague),
                ("bulk", "assign"),
            ],
        )
        .await;
    assert_eq!(refused.status, 404);
    assert_eq!(
        app.count_where(
            "cases",
            &format!("assignee_id is not null and reference = '{untouched}'")
        )
        .await,
        0
    );
    // Unassign at once.
    officer
        .post(
            &app,
            "/staff/cases/bulk",
            &[
                ("csrf", &csrf),
                ("cases", &a),
                ("assignee", "none"),
                ("bulk", "assign"),
            ],
        )
        .await;
    let unassigned = officer.get(&app, "/staff?assignee=none").await;
    assert!(unassigned.body.contains(&a) && !unassigned.body.contains(&format!(">{b}<")));
}

#[tokio::test]
async fn the_csv_export_is_the_filtered_list_audited_and_safe_in_a_spreadsheet() {
    let app = spawn_app().await;
    let complaint = case(&app, COMPLAINT).await;
    let comment = case(&app, WANTS_ADVOCATE).await;
    // A team name typed before teams were a list, the way a formula would be typed.
    sqlx::query("update cases set team = '=HYPERLINK(\"http://x\")' where reference = $1")
        .bind(&complaint)
        .execute(app.store.pool())
        .await
        .unwrap();
    let manager = signed_in(&app, "manager@council.gov.uk", "manager").await;
    let response = manager
        .browser
        .get(app.url("/staff/cases.csv?kind=complaint"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let body = response.text().await.unwrap();
    let mut lines = body.lines();
    assert!(lines.next().unwrap().starts_with("Reference,"), "{body}");
    assert!(
        body.contains(&complaint) && !body.contains(&comment),
        "{body}"
    );
    assert!(
        body.contains("\"'=HYPERLINK(\"\"http://x\"\")\""),
        "a formula stays text: {body}"
    );
    assert!(
        !body.contains("Samira") && !body.contains("allowance"),
        "no names or words"
    );
    assert_eq!(
        app.count_where("staff_audit", "action = 'cases_exported'")
            .await,
        1
    );
}

#[tokio::test]
async fn the_case_page_says_who_works_it_why_it_is_urgent_and_folds_views() {
    let app = spawn_app().await;
    let urgent = case(
        &app,
        &[
            "complaint",
            "young_person",
            "where_i_live",
            "my foster dad hits me when i ask for dinner",
            "",
            "no",
            "worker",
            "Jo",
            "12",
        ],
    )
    .await;
    let officer = signed_in(&app, "officer@council.gov.uk", "officer").await;
    let _b = signed_in(&app, "b@council.gov.uk", "officer").await;
    let b_id = staff_id(&app, "b@council.gov.uk").await.to_string();
    for _ in 0..4 {
        officer.get(&app, &format!("/staff/cases/{urgent}")).await;
    }
    let page = officer.get(&app, &format!("/staff/cases/{urgent}")).await;
    assert!(page.body.contains("Why it is urgent"), "{}", page.body);
    assert!(page.body.contains("hits me"), "the words that matched");
    assert!(
        page.body.contains("Assigned to</dt><dd>Nobody"),
        "{}",
        page.body
    );
    // The safety help shows right after the answer that caused it.
    let answer = page.body.find("my foster dad hits me").unwrap();
    let help = page
        .body
        .find("bubble safety")
        .expect("the safety help in the transcript");
    assert!(help > answer, "after the answer");
    // Five views (and the act's own) fold to one line for the day.
    let views = page.body.matches("<strong>Viewed").count();
    assert_eq!(views, 1, "{}", page.body);
    assert!(
        page.body.contains("Viewed (5 times that day)"),
        "{}",
        page.body
    );

    officer
        .act(&app, &urgent, "assign", &[("assignee", &b_id)])
        .await;
    let page = officer.get(&app, &format!("/staff/cases/{urgent}")).await;
    assert!(
        page.body
            .contains("Assigned to</dt><dd>b at council.gov.uk"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains(&format!("<option value=\"{b_id}\" selected>")),
        "the assign form shows who"
    );
    officer
        .act(&app, &urgent, "assign", &[("assignee", "")])
        .await;
    let page = officer.get(&app, &format!("/staff/cases/{urgent}")).await;
    assert!(page.body.contains("Assigned to</dt><dd>Nobody"));
    assert!(page.body.contains("No longer assigned"));
    assert_eq!(app.count_where("cases", "assignee_id is not null").await, 0);
}

#[tokio::test]
async fn a_case_recorded_from_a_letter_reads_as_one_and_refers_to_advocacy_when_asked() {
    let app = spawn_app().await;
    let officer = signed_in(&app, "officer@council.gov.uk", "officer").await;
    let form = officer.get(&app, "/staff/cases/new").await;
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let recorded = officer
        .post(
            &app,
            "/staff/cases/new",
            &[
                ("csrf", form.csrf().as_str()),
                ("method", "letter"),
                ("received", today.as_str()),
                ("kind", "complaint"),
                ("procedure", "statutory"),
                ("submitted_by", "child"),
                ("category", "money"),
                ("summary", "Wrote to say the pocket money stopped in May"),
                ("advocate", "yes"),
                ("contact", "worker"),
                ("first_name", "Ola"),
                ("age", "13"),
            ],
        )
        .await;
    assert_eq!(recorded.status, 200, "{}", recorded.body);
    assert!(
        recorded.url.contains("/staff/cases/HYS-"),
        "{}",
        recorded.url
    );
    let body = &recorded.body;
    assert!(
        body.contains("Wrote to say the pocket money stopped in May"),
        "their summary as what they told us"
    );
    assert!(body.contains("Recorded by staff</strong>"), "{body}");
    assert!(!body.contains("Sent through Have Your Say"));
    assert!(
        !body.contains("/reply\""),
        "nobody can read a reply on a tracking page"
    );
    assert_eq!(
        app.count_where("outbox", "kind = 'advocacy_referral'")
            .await,
        1,
        "referred like a case sent online"
    );
}

#[tokio::test]
async fn the_at_risk_and_procedure_filters_keep_to_their_cases() {
    let app = spawn_app().await;
    let late_ack = case(&app, COMPLAINT).await;
    let due_soon = case(&app, COMPLAINT).await;
    let fine = case(&app, COMPLAINT).await;
    let today = time::OffsetDateTime::now_utc().date();
    let set = |sql: &'static str, value: String, reference: String| {
        let pool = app.store.pool().clone();
        async move {
            sqlx::query(sql)
                .bind(value)
                .bind(reference)
                .execute(&pool)
                .await
                .unwrap();
        }
    };
    set(
        "update cases set acknowledge_by = $1 where reference = $2",
        (today - time::Duration::days(5)).to_string(),
        late_ack.clone(),
    )
    .await;
    set(
        "update cases set due_on = $1, acknowledged_at = 1 where reference = $2",
        today.to_string(),
        due_soon.clone(),
    )
    .await;
    set(
        "update cases set acknowledged_at = 1, procedure = $1 where reference = $2",
        "corporate".to_owned(),
        fine.clone(),
    )
    .await;
    let officer = signed_in(&app, "officer@council.gov.uk", "officer").await;

    let risky = officer.get(&app, "/staff?risk=yes").await;
    assert!(risky.body.contains(&late_ack), "acknowledgement late");
    assert!(risky.body.contains(&due_soon), "due today");
    assert!(!risky.body.contains(&fine), "{}", risky.body);
    assert!(risky.body.contains("name=\"risk\" value=\"yes\" checked"));
    let corporate = officer.get(&app, "/staff?procedure=corporate").await;
    assert!(corporate.body.contains(&fine) && !corporate.body.contains(&late_ack));
}
