//! The `[equality]` table of the council's lists file: the age bands its equality report uses.
//! Councils publish age in their own bands (0-5 and 6-10 in one, 10-12 and 13-15 in another),
//! so the bands are configuration, checked by `have-your-say check`: every age a child can give
//! (0 to 25) falls in exactly one band.
//!
//! ```toml
//! [equality]
//! # "A-B" is A to B years old, "A+" is A and over; the text is the report's row label. A band
//! # can also be written { from = 0, to = 9, label = "Under 10" }.
//! age_bands = ["0-9", "10-12", "13-15", "16-17", "18+"]
//! ```
//!
//! The rest of the lists file is read by the lists module; this reads only its own table.

use std::path::Path;

use serde::Deserialize;

/// The youngest and oldest ages the conversation accepts; the bands must cover all of them.
pub const YOUNGEST: u8 = 0;
pub const OLDEST: u8 = 25;

const DEFAULT_BANDS: &[&str] = &["0-5", "6-10", "11-15", "16-17", "18+"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EqualityConfig {
    /// In order, youngest first, with no overlaps or gaps from 0 to 25 (see [`lint`]).
    pub age_bands: Vec<AgeBand>,
}

/// One age band: `from` to `to` years old inclusive, or `from` and over when `to` is `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgeBand {
    pub from: u8,
    pub to: Option<u8>,
    pub label: String,
}

impl AgeBand {
    pub fn contains(&self, age: i64) -> bool {
        age >= i64::from(self.from) && self.to.is_none_or(|to| age <= i64::from(to))
    }

    /// The band's key in CSV and JSON: `0-5`, `18+`.
    pub fn key(&self) -> String {
        match self.to {
            Some(to) => format!("{}-{to}", self.from),
            None => format!("{}+", self.from),
        }
    }
}

impl Default for EqualityConfig {
    fn default() -> Self {
        Self {
            age_bands: DEFAULT_BANDS
                .iter()
                .filter_map(|text| parse_band(text))
                .collect(),
        }
    }
}

impl EqualityConfig {
    /// The band `age` falls in; `None` for no age, or an age no band holds (an imported case).
    pub fn band_of(&self, age: Option<i64>) -> Option<&AgeBand> {
        let age = age?;
        self.age_bands.iter().find(|b| b.contains(age))
    }

    /// The `[equality]` table of a whole lists file; the default when the file has none. Every
    /// problem is reported, not just the first.
    pub fn from_toml_str(text: &str) -> Result<Self, EqualityConfigError> {
        let file: ListsFile =
            toml::from_str(text).map_err(|e| EqualityConfigError::Parse(e.to_string()))?;
        let Some(table) = file.equality else {
            return Ok(Self::default());
        };
        let Some(raw) = table.age_bands else {
            return Ok(Self::default());
        };
        let mut problems = Vec::new();
        let mut bands = Vec::new();
        for (i, band) in raw.into_iter().enumerate() {
            match band.into_band() {
                Ok(band) => bands.push(band),
                Err(problem) => problems.push(format!("age_bands[{i}]: {problem}")),
            }
        }
        let config = Self { age_bands: bands };
        problems.extend(lint(&config));
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(EqualityConfigError::Invalid(problems))
        }
    }

    /// Read the lists file at `path`.
    pub fn from_file(path: &Path) -> Result<Self, EqualityConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| EqualityConfigError::Read {
            path: path.display().to_string(),
            detail: e.to_string(),
        })?;
        Self::from_toml_str(&text).map_err(|e| e.in_file(path))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EqualityConfigError {
    #[error("cannot read the lists file {path}: {detail}")]
    Read { path: String, detail: String },
    #[error("the lists file is not valid TOML: {0}")]
    Parse(String),
    #[error("[equality] in the lists file: {}", .0.join("; "))]
    Invalid(Vec<String>),
    #[error("{path}: {inner}")]
    InFile {
        path: String,
        inner: Box<EqualityConfigError>,
    },
}

impl EqualityConfigError {
    fn in_file(self, path: &Path) -> Self {
        Self::InFile {
            path: path.display().to_string(),
            inner: Box::new(self),
        }
    }
}

/// Every problem with the bands: a label empty or repeated, a band upside down, two bands
/// holding the same age, an age from 0 to 25 in no band, an open band that is not the last.
pub fn lint(config: &EqualityConfig) -> Vec<String> {
    let mut problems = Vec::new();
    let bands = &config.age_bands;
    if bands.is_empty() {
        return vec!["age_bands: give at least one band".into()];
    }
    for (i, band) in bands.iter().enumerate() {
        if band.label.trim().is_empty() {
            problems.push(format!("age band {} has an empty label", band.key()));
        }
        if bands[..i]
            .iter()
            .any(|b| b.label.trim() == band.label.trim())
        {
            problems.push(format!("the label {:?} is used twice", band.label));
        }
        if band.to.is_some_and(|to| to < band.from) {
            problems.push(format!("age band {:?} ends before it starts", band.label));
        }
    }
    // Every age a child can give, and a little past the top so an open band is checked too.
    for age in i64::from(YOUNGEST)..=i64::from(OLDEST) {
        let holding: Vec<&AgeBand> = bands.iter().filter(|b| b.contains(age)).collect();
        match holding.as_slice() {
            [] => problems.push(format!("age {age} is in no band (a gap)")),
            [_] => {}
            [first, second, ..] => problems.push(format!(
                "age {age} is in two bands, {:?} and {:?} (they overlap)",
                first.label, second.label
            )),
        }
    }
    let open = bands.iter().filter(|b| b.to.is_none()).count();
    if open > 1 {
        problems.push("only one band can be open-ended (\"18+\")".into());
    }
    problems.dedup();
    problems
}

#[derive(Deserialize)]
struct ListsFile {
    equality: Option<RawEquality>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEquality {
    age_bands: Option<Vec<RawBand>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawBand {
    Text(String),
    Range {
        from: u8,
        to: Option<u8>,
        label: Option<String>,
    },
}

impl RawBand {
    fn into_band(self) -> Result<AgeBand, String> {
        match self {
            RawBand::Text(text) => parse_band(&text)
                .ok_or_else(|| format!("{text:?} is not a band: write \"10-12\" or \"18+\"")),
            RawBand::Range { from, to, label } => {
                let mut band = AgeBand {
                    from,
                    to,
                    label: String::new(),
                };
                band.label = label.unwrap_or_else(|| band.key());
                Ok(band)
            }
        }
    }
}

/// "10-12" (also with an en dash or spaces) or "18+"; the text is the label.
fn parse_band(text: &str) -> Option<AgeBand> {
    let label = text.trim().to_owned();
    if let Some(from) = label.strip_suffix('+') {
        return Some(AgeBand {
            from: from.trim().parse().ok()?,
            to: None,
            label,
        });
    }
    let (from, to) = label.split_once(['-', '–'])?;
    Some(AgeBand {
        from: from.trim().parse().ok()?,
        to: Some(to.trim().parse().ok()?),
        label,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(toml: &str) -> Vec<String> {
        match EqualityConfig::from_toml_str(toml) {
            Ok(_) => Vec::new(),
            Err(EqualityConfigError::Invalid(p)) => p,
            Err(e) => vec![e.to_string()],
        }
    }

    #[test]
    fn the_default_covers_every_age_once() {
        let config = EqualityConfig::default();
        assert!(lint(&config).is_empty(), "{:?}", lint(&config));
        assert_eq!(config.age_bands.len(), 5);
        assert_eq!(config.band_of(Some(0)).map(|b| b.key()), Some("0-5".into()));
        assert_eq!(
            config.band_of(Some(17)).map(|b| b.key()),
            Some("16-17".into())
        );
        assert_eq!(
            config.band_of(Some(40)).map(|b| b.key()),
            Some("18+".into())
        );
        assert_eq!(config.band_of(None), None);
    }

    #[test]
    fn a_lists_file_without_the_table_gives_the_default() {
        let other = "[[categories]]\nid = \"x\"\n\n[teams]\nnames = [\"A\"]\n";
        assert_eq!(
            EqualityConfig::from_toml_str(other),
            Ok(EqualityConfig::default())
        );
        assert_eq!(
            EqualityConfig::from_toml_str(""),
            Ok(EqualityConfig::default())
        );
    }

    #[test]
    fn the_councils_own_bands_are_read_in_either_form() {
        let config = EqualityConfig::from_toml_str(
            "[equality]\nage_bands = [\"0-9\", \"10 – 12\", { from = 13, to = 15 }, \
             { from = 16, to = 17, label = \"16 or 17\" }, \"18+\"]\n",
        )
        .unwrap();
        let keys: Vec<String> = config.age_bands.iter().map(AgeBand::key).collect();
        assert_eq!(keys, ["0-9", "10-12", "13-15", "16-17", "18+"]);
        assert_eq!(config.age_bands[3].label, "16 or 17");
        assert_eq!(config.age_bands[2].label, "13-15");
    }

    #[test]
    fn overlapping_bands_are_caught() {
        let found = problems("[equality]\nage_bands = [\"0-15\", \"15-24\", \"25+\"]\n");
        assert!(
            found
                .iter()
                .any(|p| p.contains("age 15") && p.contains("overlap")),
            "{found:?}"
        );
    }

    #[test]
    fn gaps_are_caught() {
        let found = problems("[equality]\nage_bands = [\"0-9\", \"13-17\", \"18-20\"]\n");
        for age in [10, 11, 12, 21, 25] {
            assert!(
                found
                    .iter()
                    .any(|p| p == &format!("age {age} is in no band (a gap)")),
                "{age}: {found:?}"
            );
        }
    }

    #[test]
    fn empty_labels_upside_down_bands_and_nonsense_are_caught() {
        let found = problems(
            "[equality]\nage_bands = [{ from = 0, to = 25, label = \" \" }, \
             { from = 30, to = 26, label = \"odd\" }, \"ten to twelve\"]\n",
        );
        assert!(found.iter().any(|p| p.contains("empty label")), "{found:?}");
        assert!(found.iter().any(|p| p.contains("ends before")), "{found:?}");
        assert!(
            found.iter().any(|p| p.contains("age_bands[2]")),
            "{found:?}"
        );
        assert!(!problems("[equality]\nage_bands = []\n").is_empty());
        assert!(!problems("[equality]\nage_bands = [\"0-9\", \"10+\", \"20+\"]\n").is_empty());
        assert!(!problems("[equality]\nbands = [\"0-25\"]\n").is_empty());
    }
}
