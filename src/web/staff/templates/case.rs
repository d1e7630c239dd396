//! The case page's data: the case and its timeline in staff wording, the actions staff may
//! take on it with what they last typed and its errors, and the child's transcript.

use askama::Template;

use crate::i18n::Words;

pub struct EventView {
    pub what: String,
    pub who: String,
    /// When it happened (and, for a dated step, when it was recorded).
    pub when: String,
    /// The values it carries, in words: the stage, the outcome, the category.
    pub detail: Option<String>,
    pub text: Option<String>,
    /// A note the advocacy provider may read too.
    pub shared: bool,
}

#[derive(Template)]
#[template(path = "staff_case.html", config = "src/web/askama.toml")]
pub struct CasePage<'a> {
    /// What the case carries from the council's lists, and the forms to set it.
    pub listed: crate::web::staff::listed::ListedView,
    /// The acknowledgement's route and the reply box's templates.
    pub letters: crate::web::staff::letters::LettersView,
    pub t: Words<'a>,
    /// Cases whose urgent alert could not be delivered: a red banner on every staff page.
    pub urgent_alerts: Vec<String>,
    pub has_error: bool,
    pub csrf: String,
    pub me: String,
    pub can_work: bool,
    /// The advocacy provider: notes they add are always shared, so the form offers no choice.
    pub is_advocate: bool,
    /// Who works the case ("" when nobody).
    pub assignee_name: String,
    /// Why it is urgent, in words; empty when it is not.
    pub urgent_reasons: Vec<String>,
    /// Recorded by staff from a letter, a call or a visit: nobody can track it online.
    pub recorded: bool,
    /// What staff typed as what the complainant told them (recorded cases).
    pub summary: String,
    pub reference: String,
    pub kind: String,
    /// Only complaints have a procedure, stages and outcomes.
    pub complaint: bool,
    pub urgent: bool,
    pub status: String,
    pub status_label: String,
    pub stage_label: String,
    pub procedure: String,
    pub procedure_label: String,
    pub due: String,
    pub extended: bool,
    pub acknowledge_by: String,
    pub acknowledged: bool,
    pub rag: &'static str,
    pub rag_label: String,
    pub received: String,
    pub submitted_by: String,
    pub submitter_name: String,
    pub consent: String,
    pub has_advocate: String,
    pub category: String,
    pub category_label: String,
    pub advocate: String,
    pub contact: String,
    pub contact_value: String,
    pub first_name: String,
    pub age: String,
    /// "How are you feeling?" on the child's first page, in words; empty when not given.
    pub feeling: String,
    pub team: String,
    pub assignee_id: i64,
    pub outcome: String,
    pub resolution: String,
    pub conversation: Vec<crate::web::staff::case::transcript::Line>,
    pub events: Vec<EventView>,
    pub staff: Vec<(i64, String)>,
    pub categories: Vec<(&'static str, String)>,
    pub outcomes: Vec<(&'static str, String)>,
    /// The procedures the complaint may move to.
    pub procedures: Vec<(&'static str, String)>,
    pub next_stage_label: String,
    pub held: bool,
    pub spam: bool,
    /// Why it looked automated, in words; empty when nothing did.
    pub suspicions: Vec<String>,
    /// Every email about the case, oldest first, with its delivery state.
    pub emails: Vec<crate::web::staff::alerts::EmailView>,
    /// Stage 2 and 3 facts and the Ombudsman's enquiry as stored, by form field.
    pub facts: Vec<(&'static str, String)>,
    /// `(value, label)` of the Ombudsman's possible decisions.
    pub decisions: Vec<(&'static str, String)>,
    /// Sent back with every form, so a form drawn before someone else's change is refused.
    pub revision: i64,
    /// `YYYY-MM-DD`: the default and latest day of a dated step.
    pub today: String,
    /// The actions open to this case now, by name.
    pub offered: Vec<&'static str>,
    /// The form that could not be taken ("" when none), the field and the message.
    pub error_action: &'static str,
    pub error_field: &'static str,
    pub error_text: String,
    /// What was typed into that form.
    pub kept: Vec<(String, String)>,
}

impl CasePage<'_> {
    pub fn offers(&self, action: &str) -> bool {
        self.offered.contains(&action)
    }

    /// What was typed into `field` of `action`'s form, when that form is shown again.
    pub fn kept(&self, action: &str, field: &str) -> &str {
        if self.error_action != action {
            return "";
        }
        self.kept
            .iter()
            .find(|(n, _)| n == field)
            .map_or("", |(_, v)| v.as_str())
    }

    /// A facts form field: what was typed when that form was refused, else what is stored.
    pub fn fact(&self, action: &str, field: &str) -> &str {
        if self.error_action == action {
            return self.kept(action, field);
        }
        self.facts
            .iter()
            .find(|(n, _)| *n == field)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The day field's value: what was typed, else today.
    pub fn day(&self, action: &str) -> &str {
        match self.kept(action, "effective_on") {
            "" => &self.today,
            typed => typed,
        }
    }

    /// The message for `field` of `action`'s form, or "".
    pub fn error_at(&self, action: &str, field: &str) -> &str {
        if self.error_action == action && self.error_field == field {
            &self.error_text
        } else {
            ""
        }
    }
}
