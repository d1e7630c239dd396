//! The closed sets of values a case is made of. Each has one string form, used in flows, the
//! database and the API alike, so a value that is not listed here cannot be stored.

/// Declares an enum whose variants each have one stable string form.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                Self::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown {} {text:?}", stringify!($name)))
                })
            }
        }
    };
}
pub(crate) use string_enum;

string_enum! {
    /// What the child wants to tell us. "I'm not safe" makes a safety concern: urgent, handled
    /// the same day, and counted on its own (never as a comment or a complaint). Enquiries and
    /// members' (councillors') enquiries reach the council by other channels: staff record
    /// them, and the report counts them; like compliments they have no stage or reply-by date.
    CaseKind {
        Complaint = "complaint",
        Compliment = "compliment",
        Comment = "comment",
        SafetyConcern = "safety_concern",
        Enquiry = "enquiry",
        MemberEnquiry = "member_enquiry",
    }
}

string_enum! {
    /// Who is using the form, in the annual report's split.
    SubmitterRole {
        Child = "child",
        Advocate = "advocate",
        ParentFamily = "parent_family",
        Carer = "carer",
        Other = "other",
    }
}

string_enum! {
    /// What it is about, as the child sees it; staff may refine it later.
    Category {
        SocialWorker = "social_worker",
        WhereILive = "where_i_live",
        SeeingFamily = "seeing_family",
        Money = "money",
        LeavingCare = "leaving_care",
        School = "school",
        Health = "health",
        HowTreated = "how_treated",
        SomethingElse = "something_else",
    }
}

string_enum! {
    AdvocateWanted { Yes = "yes", No = "no", NotSure = "not_sure" }
}

string_enum! {
    /// How the child would like to hear back. Only phone and email carry a value; `other` is
    /// the urgent route, where the child wrote where and when to reach them.
    ContactMethod {
        Phone = "phone",
        Email = "email",
        Worker = "worker",
        Carer = "carer",
        NoContact = "none",
        Other = "other",
    }
}

string_enum! {
    /// What an adult using the form is to the child (Children Act 1989 s26(3) and the 2006
    /// Regulations: who may make representations).
    AdultRole {
        Advocate = "advocate",
        Professional = "professional",
        FamilyMember = "family_member",
        Parent = "parent",
        ParentalResponsibility = "parental_responsibility",
        FosterCarer = "foster_carer",
        SpecialGuardian = "special_guardian",
        Other = "other",
    }
}

impl AdultRole {
    /// The annual report's split of who complained.
    pub fn report_role(self) -> SubmitterRole {
        match self {
            Self::Advocate => SubmitterRole::Advocate,
            Self::Parent | Self::ParentalResponsibility | Self::FamilyMember => {
                SubmitterRole::ParentFamily
            }
            Self::FosterCarer | Self::SpecialGuardian => SubmitterRole::Carer,
            Self::Professional | Self::Other => SubmitterRole::Other,
        }
    }
}

string_enum! {
    /// Whether the child knows about and agrees to an adult's representation.
    ChildConsent { Yes = "yes", No = "no", TooYoung = "too_young", DontKnow = "dont_know" }
}

string_enum! {
    /// Whether the child already has an advocate, as the adult helping them knows it.
    ChildHasAdvocate { Yes = "yes", No = "no", DontKnow = "dont_know" }
}

string_enum! {
    /// Which email an outbox row is. A `digest` is one officer's or manager's daily reminders
    /// (about many cases, not one); an `acknowledgement` goes to the person who raised the
    /// case, from its letter template; a `password_link` carries a one-time link to set a staff
    /// password (about an account, not a case); `keep_words` sends a child their reference and
    /// secret words, to the address they gave, when they ask for it on the confirmation page.
    EmailKind {
        NewCase = "new_case",
        Urgent = "urgent",
        AdvocacyReferral = "advocacy_referral",
        ReplyToChild = "reply_to_child",
        NewInformation = "new_information",
        Digest = "digest",
        Acknowledgement = "acknowledgement",
        PasswordLink = "password_link",
        KeepWords = "keep_words",
    }
}

string_enum! {
    /// What a staff account may do: officers and managers work every case (managers also see
    /// the report), advocates see only cases referred for advocacy, admins manage accounts
    /// and see no case content.
    StaffRole {
        Officer = "officer",
        Advocate = "advocate",
        Manager = "manager",
        Admin = "admin",
    }
}

impl StaffRole {
    pub fn sees_cases(self) -> bool {
        !matches!(self, Self::Admin)
    }

    /// May change stage, outcome, assignment and the rest; advocates may only add notes.
    pub fn works_cases(self) -> bool {
        matches!(self, Self::Officer | Self::Manager)
    }
}

string_enum! {
    Outcome {
        Upheld = "upheld",
        PartlyUpheld = "partly_upheld",
        NotUpheld = "not_upheld",
        Withdrawn = "withdrawn",
        OutsideJurisdiction = "outside_jurisdiction",
        Inconclusive = "inconclusive",
    }
}

string_enum! {
    /// Where a case is: new (not yet acknowledged), open, paused for alternative dispute
    /// resolution, or closed.
    CaseStatus { New = "new", Open = "open", Paused = "paused", Closed = "closed" }
}

string_enum! {
    /// How a complaint is handled: the Children Act 1989 procedure (three stages in order), the
    /// council's own corporate procedure (its stages from configuration), or informally,
    /// resolved without a formal stage and counted apart.
    Procedure { Statutory = "statutory", Corporate = "corporate", Informal = "informal" }
}

impl CaseKind {
    /// Only complaints go through a procedure, with stages, outcomes and reply-by dates.
    pub fn has_procedure(self) -> bool {
        matches!(self, Self::Complaint)
    }
}

impl ContactMethod {
    pub fn needs_value(self) -> bool {
        matches!(self, Self::Phone | Self::Email)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_its_string_form() {
        for k in CaseKind::ALL {
            assert_eq!(CaseKind::parse(k.as_str()), Some(*k));
        }
        for c in Category::ALL {
            assert_eq!(Category::parse(&c.to_string()), Some(*c));
        }
        assert_eq!(ContactMethod::parse("carrier pigeon"), None);
    }
}
