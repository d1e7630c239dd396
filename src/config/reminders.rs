//! The reminders' settings: when the daily digest goes, how often a child is told about a
//! reply, and where the council's letter templates are.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// The reminders' settings (`HYS_DIGEST_AT`, `HYS_CHILD_REPLY_EMAIL_MINUTES`, `HYS_TEMPLATES`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The London time from which each working day's digest goes; `None` turns it off. On at
    /// 08:00 by default: a council expects its officers to be reminded without asking.
    pub digest_at: Option<time::Time>,
    /// At most one "there is a reply for you" email per case per this long.
    pub child_reply_every: Duration,
    /// The council's letter templates, over the shipped `locales/<language>/letters.ftl`.
    pub templates_dir: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            digest_at: Some(time::Time::from_hms(8, 0, 0).unwrap_or(time::Time::MIDNIGHT)),
            child_reply_every: Duration::from_secs(60 * 60),
            templates_dir: None,
        }
    }
}

impl Settings {
    /// Take what a configuration layer names; a problem is returned in words for `validate`.
    pub fn apply(
        &mut self,
        digest_at: Option<&str>,
        child_reply_minutes: Option<u64>,
        templates: Option<&Path>,
    ) -> Result<(), String> {
        if let Some(minutes) = child_reply_minutes {
            self.child_reply_every = Duration::from_secs(minutes.saturating_mul(60));
        }
        if let Some(dir) = templates {
            self.templates_dir = Some(dir.to_owned()).filter(|d| !d.as_os_str().is_empty());
        }
        if let Some(at) = digest_at {
            self.digest_at = parse_time_of_day(at).ok_or_else(|| {
                format!("HYS_DIGEST_AT: {at:?} is not a time like 08:00, or \"off\"")
            })?;
        }
        Ok(())
    }
}

/// "08:00" → 08:00; "off" (or empty) → `None` inside `Some`; anything else → `None`.
fn parse_time_of_day(text: &str) -> Option<Option<time::Time>> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("off") {
        return Some(None);
    }
    let (h, m) = text.split_once(':')?;
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(h, 1..=2) || !digits(m, 2..=2) {
        return None;
    }
    let (h, m) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
    time::Time::from_hms(h, m, 0).ok().map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_time_is_read_as_a_london_clock_time_or_off() {
        let t = |h, m| Some(Some(time::Time::from_hms(h, m, 0).expect("time")));
        assert_eq!(parse_time_of_day("08:00"), t(8, 0));
        assert_eq!(parse_time_of_day(" 7:30 "), t(7, 30));
        assert_eq!(parse_time_of_day("17:05"), t(17, 5));
        assert_eq!(parse_time_of_day("off"), Some(None));
        assert_eq!(parse_time_of_day("OFF"), Some(None));
        for bad in ["8", "25:00", "08:60", "eight", "08:00:00", "-1:00"] {
            assert_eq!(parse_time_of_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_bad_digest_time_is_a_configuration_problem_and_changes_nothing() {
        let mut settings = Settings::default();
        let err = settings
            .apply(Some("soon"), None, None)
            .expect_err("refused");
        assert!(err.contains("HYS_DIGEST_AT"), "{err}");
        assert_eq!(settings, Settings::default());
        settings.apply(Some("off"), Some(5), None).expect("taken");
        assert_eq!(settings.digest_at, None);
        assert_eq!(settings.child_reply_every, Duration::from_secs(300));
    }
}
