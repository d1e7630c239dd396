//! The case page's part for the council's own lists: what the case carries (by current label)
//! and the forms to set categories, teams, actions taken, the council's outcome and how it
//! arrived. A refused form comes back ticked as it was sent.

use super::case::FormError;
use crate::casework::Lifecycle;
use crate::domain::CaseKind;
use crate::i18n::Words;
use crate::lists::Lists;

pub struct Choice {
    pub id: String,
    pub label: String,
    pub checked: bool,
}

/// Choices under a heading: categories by group, teams by service.
pub struct ChoiceGroup {
    pub label: String,
    pub choices: Vec<Choice>,
}

pub struct ListedView {
    pub category_groups: Vec<ChoiceGroup>,
    pub team_groups: Vec<ChoiceGroup>,
    pub actions: Vec<Choice>,
    pub outcomes: Vec<Choice>,
    pub methods: Vec<Choice>,
    /// Every mention, by current label, with its stage: "Delay (Stage 1)".
    pub mentions: Vec<String>,
    pub teams: Vec<String>,
    /// A team name typed before teams were a list, that is not on it ("" when none).
    pub team_not_listed: String,
    pub actions_taken: Vec<String>,
    pub council_outcome: String,
    pub method: String,
}

/// Which ids are ticked in `action`'s form: as sent when that form was refused, else `now`.
fn ticked(error: Option<&FormError>, action: &str, field: &str, now: &[String]) -> Vec<String> {
    match error {
        Some(e) if e.action == action => e
            .kept
            .iter()
            .filter(|(n, _)| n == field)
            .map(|(_, v)| v.clone())
            .collect(),
        _ => now.to_vec(),
    }
}

pub fn view(
    lists: &Lists,
    case: &Lifecycle,
    error: Option<&FormError>,
    t: &Words<'_>,
) -> ListedView {
    let listed = &case.listed;
    let compliment = case.kind == CaseKind::Compliment;
    let stage = case.stage.map(|s| s.number);
    let at_stage: Vec<String> = listed
        .mentions
        .iter()
        .filter(|m| m.stage == stage)
        .map(|m| m.category.clone())
        .collect();
    let checked = ticked(error, "categories", "categories", &at_stage);
    let choice = |id: &str, label: &str, on: &[String]| Choice {
        id: id.to_owned(),
        label: label.to_owned(),
        checked: on.iter().any(|c| c == id),
    };
    let category_groups = if compliment {
        vec![ChoiceGroup {
            label: String::new(),
            choices: lists
                .compliment_categories
                .iter()
                .map(|c| choice(&c.id, &c.label, &checked))
                .collect(),
        }]
    } else {
        lists
            .complaint_groups
            .iter()
            .map(|g| ChoiceGroup {
                label: g.label.clone(),
                choices: g
                    .categories
                    .iter()
                    .map(|c| choice(&c.id, &c.label, &checked))
                    .collect(),
            })
            .collect()
    };
    let teams_on = ticked(error, "teams", "teams", &listed.teams);
    let team_groups = lists
        .services
        .iter()
        .map(|s| ChoiceGroup {
            label: s.label.clone(),
            choices: lists
                .teams
                .iter()
                .filter(|team| team.service == s.id)
                .map(|team| choice(&team.id, &team.label, &teams_on))
                .collect(),
        })
        .filter(|g| !g.choices.is_empty())
        .collect();
    let actions_on = ticked(
        error,
        "actions_taken",
        "actions_taken",
        &listed.actions_taken,
    );
    let outcome_on = ticked(
        error,
        "council_outcome",
        "council_outcome",
        listed.council_outcome.as_slice(),
    );
    let method_on = ticked(
        error,
        "receipt",
        "method",
        std::slice::from_ref(&case.receipt),
    );
    let label_of = |found: Option<&str>, id: &str| found.unwrap_or(id).to_owned();
    let mentions = listed
        .mentions
        .iter()
        .map(|m| {
            let label = label_of(
                lists
                    .category(compliment, &m.category)
                    .map(|c| c.label.as_str()),
                &m.category,
            );
            match m.stage {
                Some(n) => format!("{label} ({})", t.get(&format!("stage-{n}"))),
                None => label,
            }
        })
        .collect();
    ListedView {
        category_groups,
        team_groups,
        actions: lists
            .actions_taken
            .iter()
            .map(|a| choice(&a.id, &a.label, &actions_on))
            .collect(),
        outcomes: lists
            .outcomes
            .iter()
            .map(|o| choice(&o.id, &o.label, &outcome_on))
            .collect(),
        methods: lists
            .receipt_methods
            .iter()
            .map(|m| choice(&m.id, &m.label, &method_on))
            .collect(),
        mentions,
        teams: listed
            .teams
            .iter()
            .map(|id| label_of(lists.team(id).map(|t| t.label.as_str()), id))
            .collect(),
        team_not_listed: case.team.clone().unwrap_or_default(),
        actions_taken: listed
            .actions_taken
            .iter()
            .map(|id| label_of(lists.action_taken(id).map(|a| a.label.as_str()), id))
            .collect(),
        council_outcome: listed
            .council_outcome
            .as_deref()
            .map(|id| label_of(lists.outcome(id).map(|o| o.label.as_str()), id))
            .unwrap_or_default(),
        method: label_of(
            lists
                .receipt_method(&case.receipt)
                .map(|m| m.label.as_str()),
            &case.receipt,
        ),
    }
}
