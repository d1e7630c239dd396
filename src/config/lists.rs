//! Comma-separated settings (`a@x.gov.uk, b@x.gov.uk`), parsed where they are read (clap for the
//! command line and environment, serde for the file), so a bad item is refused there with the
//! setting's name and the item.

use std::fmt;
use std::str::FromStr;

use serde::Deserialize;

/// One item of a comma-separated setting.
pub trait ListItem: Sized {
    /// What an item must be, for the error: "an IP address".
    const WHAT: &'static str;
    fn parse_item(item: &str) -> Option<Self>;
    fn show(&self) -> String;
}

impl ListItem for String {
    const WHAT: &'static str = "text";
    fn parse_item(item: &str) -> Option<Self> {
        Some(item.to_owned())
    }
    fn show(&self) -> String {
        self.clone()
    }
}

impl ListItem for std::net::IpAddr {
    const WHAT: &'static str = "an IP address";
    fn parse_item(item: &str) -> Option<Self> {
        item.parse().ok()
    }
    fn show(&self) -> String {
        self.to_string()
    }
}

const DATE: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

impl ListItem for time::Date {
    const WHAT: &'static str = "a YYYY-MM-DD date";
    fn parse_item(item: &str) -> Option<Self> {
        time::Date::parse(item, DATE).ok()
    }
    fn show(&self) -> String {
        self.format(DATE).unwrap_or_default()
    }
}

/// Items separated by commas; spaces around them and empty items are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct List<T: ListItem>(pub Vec<T>);

pub type AddressList = List<String>;
pub type DateList = List<time::Date>;

impl<T: ListItem> FromStr for List<T> {
    type Err = String;
    fn from_str(raw: &str) -> Result<Self, String> {
        raw.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| T::parse_item(item).ok_or_else(|| format!("{item:?} is not {}", T::WHAT)))
            .collect::<Result<_, _>>()
            .map(Self)
    }
}

impl<T: ListItem> TryFrom<String> for List<T> {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        raw.parse()
    }
}

impl<T: ListItem> fmt::Display for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let items: Vec<String> = self.0.iter().map(ListItem::show).collect();
        f.write_str(&items.join(", "))
    }
}

/// The corporate procedure's stages: one to three limits of 1 to 130 working days.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct StageDays(pub Vec<u32>);

impl FromStr for StageDays {
    type Err = String;
    fn from_str(raw: &str) -> Result<Self, String> {
        let days = List::<String>::from_str(raw)?
            .0
            .iter()
            .map(|d| {
                d.parse()
                    .ok()
                    .filter(|d| (1..=130).contains(d))
                    .ok_or_else(|| format!("{d:?} is not a number of working days from 1 to 130"))
            })
            .collect::<Result<Vec<u32>, String>>()?;
        if (1..=3).contains(&days.len()) {
            Ok(Self(days))
        } else {
            Err("give one to three stages".into())
        }
    }
}

impl TryFrom<String> for StageDays {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        raw.parse()
    }
}

impl fmt::Display for StageDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days: Vec<String> = self.0.iter().map(u32::to_string).collect();
        f.write_str(&days.join(","))
    }
}
