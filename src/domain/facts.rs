//! The facts of a complaint's later stages that councils publish: who investigated (Stage 2's
//! Investigating Officer and Independent Person), when the Stage 3 panel sat, what each cost,
//! any remedy or compensation paid, and what the Local Government and Social Care Ombudsman
//! did. Money is kept in whole pence.

use serde::{Deserialize, Serialize};
use time::Date;

/// Carries `time::Date` as `YYYY-MM-DD` in stored JSON, as the date columns do.
mod ymd_opt {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    const FORMAT: &[time::format_description::FormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_str(&d.format(FORMAT).map_err(serde::ser::Error::custom)?),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        let text = Option::<String>::deserialize(d)?;
        text.map(|t| Date::parse(&t, FORMAT).map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// Stage 2 and 3 facts, each optional until known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageFacts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investigating_officer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub independent_person: Option<String>,
    #[serde(default, with = "ymd_opt", skip_serializing_if = "Option::is_none")]
    pub panel_on: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_investigation_pence: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_independent_person_pence: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_panel_pence: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedy_pence: Option<i64>,
    /// What the remedy or compensation was for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedy_for: Option<String>,
}

super::case::string_enum! {
    /// What the Ombudsman decided about a complaint brought to them.
    OmbudsmanDecision {
        Pending = "pending",
        Premature = "premature",
        Declined = "declined",
        Fault = "investigated_fault",
        NoFault = "investigated_no_fault",
    }
}

/// The Ombudsman's enquiry about a complaint and what came of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ombudsman {
    #[serde(with = "ymd_req")]
    pub received_on: Date,
    pub decision: OmbudsmanDecision,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedy: Option<String>,
}

mod ymd_req {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    const FORMAT: &[time::format_description::FormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&date.format(FORMAT).map_err(serde::ser::Error::custom)?)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text, FORMAT).map_err(serde::de::Error::custom)
    }
}

/// Pounds as typed ("1,250.50", "£300", "45") into pence; `None` for anything else.
pub fn parse_pounds(text: &str) -> Option<i64> {
    let text: String = text
        .trim()
        .trim_start_matches('£')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    let (pounds, pence) = match text.split_once('.') {
        Some((p, d)) if d.len() == 2 && d.chars().all(|c| c.is_ascii_digit()) => {
            (p, d.parse::<i64>().ok()?)
        }
        Some(_) => return None,
        None => (text.as_str(), 0),
    };
    if pounds.is_empty() || !pounds.chars().all(|c| c.is_ascii_digit()) || pounds.len() > 9 {
        return None;
    }
    Some(pounds.parse::<i64>().ok()? * 100 + pence)
}

/// Pence as pounds for a form or a page: "1250.50", "45.00".
pub fn format_pounds(pence: i64) -> String {
    format!("{}.{:02}", pence / 100, pence % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pounds_are_read_as_people_type_them_and_nothing_else() {
        assert_eq!(parse_pounds("45"), Some(4500));
        assert_eq!(parse_pounds("£1,250.50"), Some(125_050));
        assert_eq!(parse_pounds(" 0.99 "), Some(99));
        for bad in ["", "-5", "1.5", "12.345", "ten", "£", "1e3", "9999999999"] {
            assert_eq!(parse_pounds(bad), None, "{bad:?}");
        }
        assert_eq!(format_pounds(125_050), "1250.50");
        assert_eq!(format_pounds(parse_pounds("7").unwrap_or_default()), "7.00");
    }

    #[test]
    fn facts_and_ombudsman_round_trip_as_json() {
        let facts = StageFacts {
            investigating_officer: Some("A. Person".into()),
            panel_on: Some(time::macros::date!(2026 - 11 - 30)),
            cost_panel_pence: Some(120_000),
            ..StageFacts::default()
        };
        let json = serde_json::to_string(&facts).unwrap_or_default();
        assert_eq!(serde_json::from_str::<StageFacts>(&json).ok(), Some(facts));
        let lgsco = Ombudsman {
            received_on: time::macros::date!(2026 - 12 - 01),
            decision: OmbudsmanDecision::Fault,
            remedy: Some("apology and £250".into()),
        };
        let json = serde_json::to_string(&lgsco).unwrap_or_default();
        assert_eq!(serde_json::from_str::<Ombudsman>(&json).ok(), Some(lgsco));
    }
}
