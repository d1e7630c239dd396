//! Cases: created from a finished conversation in one transaction that also writes the first
//! timeline event and deletes the conversation, so a case is either whole or absent. A case that
//! looks automated is stored whole too, but held: see [`Screening`].

use super::outbox::NewEmail;
use super::{Store, StoreError};
use crate::domain::{AdvocateWanted, Case, CaseKind, ContactMethod, Reference};
use crate::flow::CaseDraft;

mod row;
mod submit;

pub(crate) use row::SELECT_CASE;
pub(super) use row::{CaseRow, cases, optional_date};
pub use row::{format_date, parse_date};
use submit::{receipt_where, submit_in};

/// Everything needed to turn a conversation into a case.
pub struct NewCase {
    pub submission_key: String,
    pub draft: CaseDraft,
    pub answers_json: String,
    pub flow_id: String,
    pub flow_version: i64,
    pub locale: String,
    pub secret_hash: String,
    /// The reference reserved by "finish later", which the case takes when it is free.
    pub reserved: Option<Reference>,
    /// The secret words sealed under the browser's token, to show them again while fresh.
    pub words_sealed: String,
    pub received_at: i64,
    /// The day the Stage 1 clock started (the next working day after a late or holiday receipt).
    pub started_on: time::Date,
    pub acknowledge_by: time::Date,
    /// Complaints only: the Stage 1 response date.
    pub due_on: Option<time::Date>,
    /// The emails this case causes, queued in the same transaction (none while it is held).
    pub emails: Vec<NewEmail>,
    pub screening: Screening,
    /// Why it is urgent, for the duty team's email; empty when it is not.
    pub urgent_reasons: Vec<crate::domain::UrgentReason>,
    /// Domain part of each email's Message-ID.
    pub message_domain: String,
    /// The optional "About you" answers, kept apart from `answers_json`; `None` when not asked.
    pub equality: Option<crate::equality::EqualityAnswers>,
    /// "How are you feeling?" on the first page, 1 to 5; `None` when skipped or not a child.
    pub feeling: Option<u8>,
}

/// Signs that a conversation came from a bot, and whether its case is held for staff to check.
/// A held case is stored whole but sends no email and stays out of the inbox and the report
/// until a rights officer releases it, so nothing a real child sent is ever lost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Screening {
    /// The hidden field people never see was filled in.
    pub honeypot: bool,
    /// Sent sooner after starting than anyone could read and answer the questions.
    pub too_fast: bool,
    /// From the conversation's start to sending.
    pub completion_ms: i64,
    pub held: bool,
}

impl Screening {
    /// Hold a suspicious case, unless it is urgent: a child in danger never waits behind a bot
    /// filter (the suspicion is still recorded for staff). `min_seconds` of 0 turns the time
    /// check off.
    pub fn assess(honeypot: bool, completion_ms: i64, min_seconds: u32, urgent: bool) -> Self {
        let too_fast = min_seconds > 0 && completion_ms < i64::from(min_seconds) * 1000;
        Self {
            honeypot,
            too_fast,
            completion_ms,
            held: (honeypot || too_fast) && !urgent,
        }
    }
}

/// What the child is shown once the case exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub reference: Reference,
    pub kind: CaseKind,
    pub received_at: i64,
    pub due_on: time::Date,
    pub urgent: bool,
    pub locale: String,
    /// How they asked to hear back, and whether they asked for an advocate: the confirmation
    /// promises only what follows from these.
    pub contact: ContactMethod,
    pub advocate_wanted: AdvocateWanted,
    /// The day we said we would have acknowledged it by (an advocate gets in touch by then).
    pub acknowledge_by: time::Date,
}

impl Store {
    /// Create the case and delete the conversation, once. A repeat with the same submission key
    /// returns the first receipt; `None` means there is no such conversation and no case.
    /// The flag says whether this call made the case (false: an earlier send had).
    pub async fn submit_case(&self, new: NewCase) -> Result<Option<(Receipt, bool)>, StoreError> {
        let key = new.submission_key.clone();
        let receipt = self
            .write(move |conn| Box::pin(async move { submit_in(conn, &new).await }))
            .await;
        self.forget_conversation(&key);
        receipt
    }

    pub async fn find_receipt(&self, submission_key: &str) -> Result<Option<Receipt>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        receipt_where(&mut conn, submission_key).await
    }

    pub async fn case_by_reference(
        &self,
        reference: &Reference,
    ) -> Result<Option<Case>, StoreError> {
        sqlx::query_as::<_, CaseRow>(&format!("{SELECT_CASE} where reference = $1"))
            .bind(reference.as_ref())
            .fetch_optional(self.pool())
            .await?
            .map(Case::try_from)
            .transpose()
    }

    pub async fn case_by_id(&self, id: i64) -> Result<Option<Case>, StoreError> {
        sqlx::query_as::<_, CaseRow>(&format!("{SELECT_CASE} where id = $1"))
            .bind(id)
            .fetch_optional(self.pool())
            .await?
            .map(Case::try_from)
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::Screening;

    #[test]
    fn a_suspicious_case_is_held_unless_it_is_urgent() {
        // (honeypot, completion ms, minimum seconds, urgent) -> (too fast, held)
        let table = [
            (false, 60_000, 15, false, false, false),
            (false, 14_999, 15, false, true, true),
            (false, 15_000, 15, false, false, false),
            (true, 60_000, 15, false, false, true),
            (true, 1_000, 15, true, true, false),
            (false, 1_000, 0, false, false, false),
            (true, 1_000, 0, false, false, true),
        ];
        for (honeypot, ms, min, urgent, too_fast, held) in table {
            let s = Screening::assess(honeypot, ms, min, urgent);
            assert_eq!(
                (s.too_fast, s.held),
                (too_fast, held),
                "{honeypot} {ms} {min} {urgent}"
            );
            assert_eq!(s.honeypot, honeypot);
            assert_eq!(s.completion_ms, ms);
        }
    }
}
