//! Where a read message goes and how it is filed there: a staff member's or the advocacy
//! provider's words become a note, the child's own a message through the safety check, a
//! bounce is recorded on its case, and anything else lands in the unmatched list with its
//! reason.

use super::{InboundError, Poller, parse};
use crate::domain::NoteVisibility;
use crate::store::inbound::{Claimed, MailRecord, MailStatus};

/// Where a message goes, once read.
pub(super) enum Route {
    Note {
        case_id: i64,
        actor: String,
        visibility: NoteVisibility,
        filed_as: &'static str,
    },
    Child {
        case_id: i64,
    },
    Bounce {
        case_id: i64,
    },
    Unmatched {
        reason: &'static str,
        case_id: Option<i64>,
    },
}

impl Poller {
    pub(super) async fn route(&self, mail: &parse::Inbound) -> Result<Route, InboundError> {
        let store = &self.tracking.store;
        let unmatched = |reason, case_id| Route::Unmatched { reason, case_id };
        match &mail.kind {
            parse::Kind::Bounce { about, status } => {
                let cases = store.mark_bounced(about, status).await?;
                return Ok(match cases.first() {
                    Some(case_id) => Route::Bounce { case_id: *case_id },
                    None => unmatched("bounce_unknown", None),
                });
            }
            parse::Kind::AutoReply => return Ok(unmatched("auto_reply", None)),
            parse::Kind::Personal => {}
        }
        if mail.failed_authentication {
            return Ok(unmatched("unauthenticated", None));
        }
        let Some(from) = mail.from.as_deref() else {
            return Ok(unmatched("no_sender", None));
        };
        let mut case_id = None;
        for token in &mail.tokens {
            case_id = store.case_by_reply_token(token).await?;
            if case_id.is_some() {
                break;
            }
        }
        if case_id.is_none() && mail.tokens.is_empty() {
            case_id = store.case_by_message_ids(&mail.answers).await?;
        }
        let Some(case_id) = case_id else {
            return Ok(unmatched("no_case", None));
        };
        if let Some(login) = store.staff_for_login(from).await? {
            if !login.member.disabled {
                // An advocate's own words are for the case's people, as on the note form.
                let advocate = login.member.role == crate::domain::StaffRole::Advocate;
                return Ok(Route::Note {
                    case_id,
                    actor: format!("staff:{}", login.member.id),
                    visibility: if advocate {
                        NoteVisibility::SharedWithAdvocate
                    } else {
                        NoteVisibility::Internal
                    },
                    filed_as: if advocate {
                        "note_shared"
                    } else {
                        "note_internal"
                    },
                });
            }
        }
        let from_domain = from.rsplit('@').next().unwrap_or_default();
        let advocacy = self
            .tracking
            .config
            .routing
            .advocacy_provider
            .iter()
            .filter_map(|a| a.trim_end_matches('>').rsplit('@').next())
            .any(|d| d.eq_ignore_ascii_case(from_domain));
        if advocacy {
            return Ok(Route::Note {
                case_id,
                actor: "email:advocacy".into(),
                visibility: NoteVisibility::SharedWithAdvocate,
                filed_as: "note_shared",
            });
        }
        let contact_cases = store.cases_with_contact_email(from).await?;
        if contact_cases.contains(&case_id) {
            return Ok(Route::Child { case_id });
        }
        if contact_cases.is_empty() {
            Ok(unmatched("unknown_sender", Some(case_id)))
        } else {
            Ok(unmatched("other_case", None))
        }
    }

    pub(super) async fn deliver(
        &self,
        claimed: Claimed,
        route: Route,
        mail: &parse::Inbound,
        record: &mut MailRecord,
    ) -> Result<MailStatus, InboundError> {
        let store = &self.tracking.store;
        let lost = || InboundError::Filing("another poller took the message over".into());
        match route {
            Route::Note {
                case_id,
                actor,
                visibility,
                filed_as,
            } => {
                if mail.text.trim().is_empty() {
                    return self
                        .unmatched(claimed, record, "empty", Some(case_id))
                        .await;
                }
                record.case_id = Some(case_id);
                record.filed_as = Some(filed_as);
                if !store
                    .file_mail_as_note(claimed.id, &self.id, &actor, visibility, record.clone())
                    .await?
                {
                    return Err(lost());
                }
                Ok(MailStatus::Filed)
            }
            Route::Child { case_id } => {
                if mail.text.trim().is_empty() {
                    return self
                        .unmatched(claimed, record, "empty", Some(case_id))
                        .await;
                }
                let case = store
                    .case_by_id(case_id)
                    .await?
                    .ok_or_else(|| InboundError::Filing("the case is gone".into()))?;
                crate::tracking::add_information(&self.tracking, &case, &mail.text)
                    .await
                    .map_err(|e| InboundError::Filing(e.to_string()))?;
                record.case_id = Some(case_id);
                record.filed_as = Some("from_child");
                store
                    .finish_inbound(claimed.id, &self.id, MailStatus::Filed, record.clone())
                    .await?;
                Ok(MailStatus::Filed)
            }
            Route::Bounce { case_id } => {
                record.case_id = Some(case_id);
                record.filed_as = Some("bounce");
                store
                    .finish_inbound(claimed.id, &self.id, MailStatus::Filed, record.clone())
                    .await?;
                Ok(MailStatus::Filed)
            }
            Route::Unmatched { reason, case_id } => {
                self.unmatched(claimed, record, reason, case_id).await
            }
        }
    }

    async fn unmatched(
        &self,
        claimed: Claimed,
        record: &mut MailRecord,
        reason: &'static str,
        case_id: Option<i64>,
    ) -> Result<MailStatus, InboundError> {
        record.reason = Some(reason);
        // The case a token named is kept only as a hint for staff, never filed on.
        record.case_id = case_id;
        self.tracking
            .store
            .finish_inbound(claimed.id, &self.id, MailStatus::Unmatched, record.clone())
            .await?;
        Ok(MailStatus::Unmatched)
    }
}
