//! The routing rules, applied to configured recipients: every case → the rights officer (and
//! any extra recipients for its category); an urgent case → the duty / safeguarding inbox and
//! the rights officer, as an urgent email; an advocate wanted (or "not sure") → a referral to the
//! advocacy provider. Compliments go to the rights officer to pass on, like every case.

use crate::config::Routing;
use crate::domain::{AdvocateWanted, EmailKind};
use crate::flow::CaseDraft;
use crate::store::outbox::NewEmail;

pub fn emails_for(draft: &CaseDraft, routing: &Routing) -> Vec<NewEmail> {
    let mut out: Vec<NewEmail> = Vec::new();
    let mut add = |kind: EmailKind, list: &[String]| {
        for recipient in list {
            let email = NewEmail {
                kind,
                recipient: recipient.clone(),
            };
            if !out.contains(&email) {
                out.push(email);
            }
        }
    };
    if draft.urgent {
        add(EmailKind::Urgent, &routing.urgent);
        add(EmailKind::Urgent, &routing.rights_officer);
    } else {
        add(EmailKind::NewCase, &routing.rights_officer);
        if let Some(extra) = routing.by_category.get(draft.category.as_str()) {
            add(EmailKind::NewCase, extra);
        }
    }
    for email in advocacy_referrals(draft.advocate_wanted, routing) {
        if !out.contains(&email) {
            out.push(email);
        }
    }
    out
}

/// The referral to the advocacy provider, for a case sent through the service or recorded by
/// staff from a letter or a call alike. The council must offer advocacy (s26A): "not sure" is
/// a referral too.
pub fn advocacy_referrals(advocate: AdvocateWanted, routing: &Routing) -> Vec<NewEmail> {
    if !matches!(advocate, AdvocateWanted::Yes | AdvocateWanted::NotSure) {
        return Vec::new();
    }
    routing
        .advocacy_provider
        .iter()
        .map(|recipient| NewEmail {
            kind: EmailKind::AdvocacyReferral,
            recipient: recipient.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::domain::{CaseKind, Category, ContactMethod, SubmitterRole};

    fn routing() -> Routing {
        Routing {
            rights_officer: vec!["cro@c.gov.uk".into(), "cro2@c.gov.uk".into()],
            advocacy_provider: vec!["ref@advocacy.org.uk".into()],
            urgent: vec!["mash@c.gov.uk".into()],
            urgent_fallback: Vec::new(),
            by_category: BTreeMap::from([("leaving_care".into(), vec!["lc@c.gov.uk".into()])]),
            advocacy_gets_words: false,
        }
    }

    fn draft(
        kind: CaseKind,
        category: Category,
        advocate: AdvocateWanted,
        urgent: bool,
    ) -> CaseDraft {
        CaseDraft {
            kind,
            submitted_by: SubmitterRole::Child,
            category,
            summary: "words".into(),
            desired_outcome: None,
            advocate_wanted: advocate,
            contact: ContactMethod::NoContact,
            contact_value: None,
            first_name: None,
            age: Some(12),
            urgent,
            submitter: None,
        }
    }

    fn sent(emails: &[NewEmail]) -> Vec<(String, &str)> {
        emails
            .iter()
            .map(|e| (e.recipient.clone(), e.kind.as_str()))
            .collect()
    }

    #[test]
    fn each_rule_reaches_the_right_people() {
        use AdvocateWanted::*;
        use CaseKind::*;
        use Category::*;
        let cases = [
            (
                draft(Complaint, Money, No, false),
                vec![("cro@c.gov.uk", "new_case"), ("cro2@c.gov.uk", "new_case")],
            ),
            (
                draft(Compliment, School, No, false),
                vec![("cro@c.gov.uk", "new_case"), ("cro2@c.gov.uk", "new_case")],
            ),
            (
                draft(Complaint, LeavingCare, Yes, false),
                vec![
                    ("cro@c.gov.uk", "new_case"),
                    ("cro2@c.gov.uk", "new_case"),
                    ("lc@c.gov.uk", "new_case"),
                    ("ref@advocacy.org.uk", "advocacy_referral"),
                ],
            ),
            (
                draft(Comment, Health, NotSure, false),
                vec![
                    ("cro@c.gov.uk", "new_case"),
                    ("cro2@c.gov.uk", "new_case"),
                    ("ref@advocacy.org.uk", "advocacy_referral"),
                ],
            ),
            (
                draft(Comment, SomethingElse, No, true),
                vec![
                    ("mash@c.gov.uk", "urgent"),
                    ("cro@c.gov.uk", "urgent"),
                    ("cro2@c.gov.uk", "urgent"),
                ],
            ),
        ];
        for (draft, want) in cases {
            let want: Vec<(String, &str)> =
                want.into_iter().map(|(a, k)| (a.to_owned(), k)).collect();
            assert_eq!(sent(&emails_for(&draft, &routing())), want, "{draft:?}");
        }
    }

    #[test]
    fn an_address_on_two_lists_gets_one_email_of_each_kind() {
        let mut r = routing();
        r.urgent = r.rights_officer.clone();
        let emails = emails_for(
            &draft(CaseKind::Comment, Category::Money, AdvocateWanted::No, true),
            &r,
        );
        assert_eq!(emails.len(), 2);
    }
}
