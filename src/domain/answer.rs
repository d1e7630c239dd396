//! What a person answered in the conversation, by step: kept on the case, read by the rules
//! that route it and by the pages that show it back.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What a person answered: one value, or several for `multi`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    One(String),
    Many(Vec<String>),
}

impl Answer {
    pub fn contains(&self, value: &str) -> bool {
        match self {
            Answer::One(v) => v == value,
            Answer::Many(vs) => vs.iter().any(|v| v == value),
        }
    }

    pub fn as_one(&self) -> Option<&str> {
        match self {
            Answer::One(v) => Some(v),
            Answer::Many(_) => None,
        }
    }

    pub fn values(&self) -> Vec<&str> {
        match self {
            Answer::One(v) => vec![v.as_str()],
            Answer::Many(vs) => vs.iter().map(String::as_str).collect(),
        }
    }
}

pub type Answers = BTreeMap<String, Answer>;
