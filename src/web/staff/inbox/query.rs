//! The inbox's query string, read into the store's filter and search: what each field means,
//! what a value that means nothing becomes, and how the query is written back into links and
//! the audit trail.

use serde::{Deserialize, Serialize};

use crate::domain::{CaseKind, CaseStatus, Procedure};
use crate::error::WebError;
use crate::store::casework::{AtRisk, InboxFilter, Screen};
use crate::store::inbox::Search;
use crate::web::AppState;
use crate::web::staff::session::StaffSession;

/// The inbox's query string. Every field is text as typed: a filter is a view, not an input,
/// so a value that means nothing is dropped rather than refused.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
pub struct FilterQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// What a bulk action just did ("3", "none", "invalid"); never carried on.
    #[serde(default, skip_serializing)]
    pub bulk: Option<String>,
}

/// Longer searches are cut here: nobody types more to find a case.
const SEARCH_MAX: usize = 100;

pub(super) fn some(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

impl FilterQuery {
    pub fn to_filter(&self, app: &AppState) -> InboxFilter {
        let today = crate::timescale::today_in_england(time::OffsetDateTime::now_utc());
        // Staff type a team's name; cases store its id from the council's lists.
        let lists = &app.config.procedures.lists;
        let team = some(&self.team).filter(|t| t.len() <= 100).map(|typed| {
            lists
                .team(&typed)
                .or_else(|| lists.team_named(&typed))
                .map_or(typed, |team| team.id.clone())
        });
        InboxFilter {
            status: some(&self.status).filter(|s| CaseStatus::parse(s).is_some()),
            kind: some(&self.kind).filter(|k| CaseKind::parse(k).is_some()),
            stage: some(&self.stage)
                .and_then(|s| s.parse().ok())
                .filter(|s| (1..=3).contains(s)),
            procedure: some(&self.procedure).filter(|p| Procedure::parse(p).is_some()),
            team,
            // "none": cases nobody is assigned to.
            assignee_id: match some(&self.assignee).as_deref() {
                Some("none") => Some(0),
                other => other.and_then(|a| a.parse().ok()).filter(|id| *id > 0),
            },
            at_risk: (some(&self.risk).as_deref() == Some("yes")).then(|| AtRisk {
                today,
                due_by: app.calendar.add_working_days(today, 2),
            }),
            screen: match self.view.as_deref() {
                Some("held") => Screen::Held,
                Some("spam") => Screen::Spam,
                _ => Screen::Cases,
            },
        }
    }

    /// The filter, if this person may see the list it names: anyone who sees cases sees the
    /// main list; the held and spam lists are for those who work cases.
    pub fn filter_for(
        &self,
        app: &AppState,
        session: &StaffSession,
    ) -> Result<InboxFilter, WebError> {
        let role = session.member.role;
        let filter = self.to_filter(app);
        if !role.sees_cases() || (filter.screen != Screen::Cases && !role.works_cases()) {
            return Err(WebError::NotFound);
        }
        Ok(filter)
    }

    /// The search words, trimmed and bounded; `None` when nothing is searched.
    pub fn words(&self) -> Option<String> {
        some(&self.q).map(|q| q.chars().take(SEARCH_MAX).collect())
    }

    /// 0-based.
    pub(super) fn page(&self) -> i64 {
        some(&self.page)
            .and_then(|p| p.parse::<i64>().ok())
            .map_or(0, |p| (p - 1).clamp(0, 100_000))
    }

    /// The same list at another page (1-based), as a query string.
    pub(super) fn with_page(&self, page: Option<i64>) -> String {
        let mut q = self.clone();
        q.page = page.map(|p| p.to_string());
        serde_urlencoded::to_string(&q).unwrap_or_default()
    }

    /// What the audit trail keeps of a list: the filters, never the search words.
    pub fn audit_detail(&self, searched: bool, count: i64) -> serde_json::Value {
        let mut q = self.clone();
        q.q = None;
        q.page = None;
        serde_json::json!({
            "searched": searched,
            "filters": serde_urlencoded::to_string(&q).unwrap_or_default(),
            "cases": count,
        })
    }
}

/// The search, with what the database cannot find by `like` alone: the teams whose name
/// holds the words, and the cases whose notes or messages do (as this person may read them).
pub async fn search_of(
    app: &AppState,
    session: &StaffSession,
    query: &FilterQuery,
) -> Result<Option<Search>, WebError> {
    let Some(words) = query.words() else {
        return Ok(None);
    };
    let needle = words.to_lowercase();
    let team_ids = app
        .config
        .procedures
        .lists
        .teams
        .iter()
        .filter(|t| t.label.to_lowercase().contains(&needle))
        .map(|t| t.id.clone())
        .collect();
    let case_ids = app
        .store
        .search_event_case_ids(&session.member, &words)
        .await?;
    Ok(Some(Search {
        words,
        team_ids,
        case_ids,
    }))
}
