//! The staff lists: the inbox's page of cases for a filter and a search, how many there are,
//! every case of the filter for the CSV export, and the cases a bulk action names. One
//! `where` clause serves them all, so the page, its count, its export and its bulk actions
//! never disagree.
//!
//! Searching is `like` with the typed words escaped, not full-text: it finds the words as
//! typed, anywhere in the reference, the names, the team and the free text of the case (what
//! happened, what would help, notes and messages), without stemming or ranking. Both sides go
//! through the database's own `lower()`, so case is ignored the same way on both back ends
//! (SQLite folds only A–Z).

use sqlx::Row;

use super::cases::{CaseRow, SELECT_CASE, cases, format_date};
use super::casework::{InboxFilter, Screen, stored_event};
use super::staff::StaffMember;
use super::{Store, StoreError};
use crate::domain::{Case, StaffRole};

/// Cases on one page of the inbox.
pub const PAGE_SIZE: i64 = 25;

/// The most cases one export writes; a filter is expected to narrow a bigger list.
pub const EXPORT_LIMIT: i64 = 10_000;

/// The case ids whose notes or messages hold the words, found before the list is read (see
/// [`Store::search_event_case_ids`]); `None` when nothing is searched.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The words as typed (trimmed).
    pub words: String,
    /// Teams on the council's list whose name holds the words.
    pub team_ids: Vec<String>,
    /// Cases with a note or message holding the words, that this person may read.
    pub case_ids: Vec<i64>,
}

enum Bind {
    Text(String),
    Int(i64),
}

/// The `where` clause of a filter, and the values it binds in order.
struct Where {
    conditions: Vec<String>,
    binds: Vec<Bind>,
}

impl Where {
    fn mark(&mut self, bind: Bind) -> String {
        self.binds.push(bind);
        format!("${}", self.binds.len())
    }

    fn sql(&self) -> String {
        self.conditions.join(" and ")
    }

    fn bind<'q>(
        &'q self,
        mut query: sqlx::query::QueryAs<'q, sqlx::Any, CaseRow, sqlx::any::AnyArguments<'q>>,
    ) -> sqlx::query::QueryAs<'q, sqlx::Any, CaseRow, sqlx::any::AnyArguments<'q>> {
        for b in &self.binds {
            query = match b {
                Bind::Text(v) => query.bind(v.as_str()),
                Bind::Int(v) => query.bind(*v),
            };
        }
        query
    }
}

/// `%words%` with the pattern's own characters escaped (`\` is the escape).
pub fn like_pattern(words: &str) -> String {
    let mut out = String::with_capacity(words.len() + 2);
    out.push('%');
    for c in words.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

fn where_of(viewer: &StaffMember, filter: &InboxFilter, search: Option<&Search>) -> Where {
    let mut w = Where {
        conditions: vec![
            super::casework::visibility(viewer).to_owned(),
            filter.screen.condition().to_owned(),
        ],
        binds: Vec::new(),
    };
    match &filter.status {
        Some(v) => {
            let m = w.mark(Bind::Text(v.clone()));
            w.conditions.push(format!("status = {m}"));
        }
        // Spam is closed as it is marked; its list shows it all the same.
        None if filter.screen == Screen::Spam => {}
        None => w.conditions.push("status <> 'closed'".into()),
    }
    if let Some(v) = &filter.kind {
        let m = w.mark(Bind::Text(v.clone()));
        w.conditions.push(format!("kind = {m}"));
    }
    if let Some(v) = filter.stage {
        let m = w.mark(Bind::Int(v));
        w.conditions.push(format!("stage = {m}"));
    }
    if let Some(v) = &filter.procedure {
        let m = w.mark(Bind::Text(v.clone()));
        w.conditions.push(format!("procedure = {m}"));
    }
    if let Some(v) = &filter.team {
        // A team id from the lists, or a typed name no list has.
        let n = w.mark(Bind::Text(v.clone()));
        w.conditions.push(format!(
            "(team = {n} or exists (select 1 from case_teams t \
             where t.case_id = cases.id and t.team = {n}))"
        ));
    }
    match filter.assignee_id {
        Some(0) => w.conditions.push("assignee_id is null".into()),
        Some(v) => {
            let m = w.mark(Bind::Int(v));
            w.conditions.push(format!("assignee_id = {m}"));
        }
        None => {}
    }
    if let Some(risk) = &filter.at_risk {
        // Running, and due within the next working days, or its acknowledgement late.
        let due = w.mark(Bind::Text(format_date(risk.due_by)));
        let today = w.mark(Bind::Text(format_date(risk.today)));
        w.conditions.push(format!(
            "status not in ('closed', 'paused') and \
             (coalesce(extended_due_on, due_on) <= {due} \
             or (acknowledged_at is null and acknowledge_by < {today}))"
        ));
    }
    if let Some(search) = search {
        let p = w.mark(Bind::Text(like_pattern(&search.words)));
        let like = |column: &str| {
            format!("lower(coalesce({column}, '')) like lower(cast({p} as text)) escape '\\'")
        };
        let mut any: Vec<String> = [
            "reference",
            "first_name",
            "submitter_name",
            "submitter_organisation",
            "team",
            "summary",
            "desired_outcome",
        ]
        .iter()
        .map(|c| like(c))
        .collect();
        if !search.team_ids.is_empty() {
            let marks: Vec<String> = search
                .team_ids
                .iter()
                .map(|id| w.mark(Bind::Text(id.clone())))
                .collect();
            any.push(format!(
                "exists (select 1 from case_teams t where t.case_id = cases.id \
                 and t.team in ({}))",
                marks.join(", ")
            ));
        }
        if !search.case_ids.is_empty() {
            // Ids read from the database a moment ago: numbers, never typed text.
            let ids: Vec<String> = search.case_ids.iter().map(i64::to_string).collect();
            any.push(format!("id in ({})", ids.join(", ")));
        }
        w.conditions.push(format!("({})", any.join(" or ")));
    }
    w
}

const ORDER: &str = "order by urgent desc, coalesce(extended_due_on, due_on) asc, id asc";

impl Store {
    /// One page (0-based) of the list, and how many cases the whole list has.
    pub async fn inbox_page(
        &self,
        viewer: &StaffMember,
        filter: &InboxFilter,
        search: Option<&Search>,
        page: i64,
    ) -> Result<(Vec<Case>, i64), StoreError> {
        let w = where_of(viewer, filter, search);
        let count_sql = format!("select count(*) as n from cases where {}", w.sql());
        let mut count = sqlx::query(&count_sql);
        for b in &w.binds {
            count = match b {
                Bind::Text(v) => count.bind(v.as_str()),
                Bind::Int(v) => count.bind(*v),
            };
        }
        let total: i64 = count.fetch_one(self.pool()).await?.try_get("n")?;
        let sql = format!(
            "{SELECT_CASE} where {} {ORDER} limit {PAGE_SIZE} offset {}",
            w.sql(),
            page.max(0) * PAGE_SIZE
        );
        let rows = w
            .bind(sqlx::query_as::<_, CaseRow>(&sql))
            .fetch_all(self.pool());
        Ok((cases(rows.await?)?, total))
    }

    /// Every case of the list, in its order, for the CSV export (at most [`EXPORT_LIMIT`]).
    pub async fn inbox_all(
        &self,
        viewer: &StaffMember,
        filter: &InboxFilter,
        search: Option<&Search>,
    ) -> Result<Vec<Case>, StoreError> {
        let w = where_of(viewer, filter, search);
        let sql = format!(
            "{SELECT_CASE} where {} {ORDER} limit {EXPORT_LIMIT}",
            w.sql()
        );
        cases(
            w.bind(sqlx::query_as::<_, CaseRow>(&sql))
                .fetch_all(self.pool())
                .await?,
        )
    }

    /// The cases with a note or a message to or from the child holding `words`, among the
    /// entries `viewer` may read (the advocacy provider: what the child sent and shared
    /// notes). The stored entry is JSON, so the database finds candidates and each is checked
    /// on its own text here: a word that is only a JSON key ("text", "note") finds nothing.
    pub async fn search_event_case_ids(
        &self,
        viewer: &StaffMember,
        words: &str,
    ) -> Result<Vec<i64>, StoreError> {
        if !viewer.role.sees_cases() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query(
            "select case_id, kind, detail from case_events \
             where kind in ('note', 'message_to_child', 'message_from_child') \
             and lower(coalesce(detail, '')) like lower(cast($1 as text)) escape '\\'",
        )
        .bind(like_pattern(words))
        .fetch_all(self.pool())
        .await?;
        let needle = words.to_lowercase();
        let mut ids = Vec::new();
        for row in &rows {
            let kind: String = row.try_get("kind")?;
            let detail: Option<String> = row.try_get("detail")?;
            let detail: Option<serde_json::Value> =
                detail.and_then(|d| serde_json::from_str(&d).ok());
            let event = stored_event(&kind, detail.as_ref());
            let readable = viewer.role != StaffRole::Advocate || event.shared_with_advocate();
            let holds = event
                .text()
                .is_some_and(|t| t.to_lowercase().contains(&needle));
            let id: i64 = row.try_get("case_id")?;
            if readable && holds && !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// The cases named by reference that `viewer` may see and that are in the main list (not
    /// held or spam): what a bulk action may touch.
    pub async fn cases_for_bulk(
        &self,
        viewer: &StaffMember,
        references: &[crate::domain::Reference],
    ) -> Result<Vec<Case>, StoreError> {
        if references.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (1..=references.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "{SELECT_CASE} where reference in ({}) and {} and {} order by id",
            marks.join(", "),
            super::casework::visibility(viewer),
            Screen::Cases.condition()
        );
        let mut query = sqlx::query_as::<_, CaseRow>(&sql);
        for r in references {
            query = query.bind(r.as_ref());
        }
        cases(query.fetch_all(self.pool()).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn like_patterns_escape_the_wildcards_they_are_given() {
        assert_eq!(like_pattern("sam"), "%sam%");
        assert_eq!(like_pattern("100%"), "%100\\%%");
        assert_eq!(like_pattern("a_b"), "%a\\_b%");
        assert_eq!(like_pattern("c:\\x"), "%c:\\\\x%");
    }
}
