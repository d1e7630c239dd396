//! Every word a user sees, from `locales/<tag>/*.ftl` (Fluent). `en-GB` is complete and the
//! fallback: a message missing from another locale falls back message by message. Bundles are
//! loaded once at start-up and shared by every request.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

mod dates;
pub mod markup;
mod words;

pub use dates::code_message_ids;
pub use words::{Council, Words};

pub const FALLBACK: &str = crate::domain::FALLBACK_LOCALE;

/// Scripts written right to left; pages in these locales get `dir="rtl"`.
const RTL_LANGUAGES: &[&str] = &["ar", "ur", "ps", "fa", "prs", "he", "ku", "ckb"];

type Bundle = FluentBundle<FluentResource>;

pub struct Localizer {
    bundles: HashMap<String, Bundle>,
    /// Available tags, the fallback first.
    tags: Vec<String>,
    /// Ids of the fallback's messages that children and adults see, which every shipped
    /// locale must translate (staff wording is read in English only).
    public_ids: Vec<String>,
    /// Every message id any locale defines.
    all_ids: Vec<String>,
    /// tag → id → text, formatted once with the arguments every page passes (see
    /// [`Localizer::prepare`]): a step page shows dozens of messages, and formatting each
    /// through Fluent on every request was most of the page's cost.
    prepared: HashMap<String, Prepared, Fnv>,
    /// What every message may name, set by [`Localizer::prepare`].
    council: Council,
}

/// One locale's messages formatted at start-up.
#[derive(Default)]
struct Prepared {
    /// id → text, for messages that take only the council's name and numbers.
    texts: HashMap<String, String, Fnv>,
    /// id → text for each `count` from 0 to [`COUNTED_UP_TO`], for messages that also take
    /// a count ("3 questions left"): plural rules through Fluent on every page were a
    /// measurable part of a step page's cost.
    counted: HashMap<String, Vec<String>, Fnv>,
}

/// Counts prepared in advance; larger ones are formatted when asked for.
const COUNTED_UP_TO: usize = 40;

/// Our own short message ids: see [`crate::domain::ids::IdHasher`].
type Fnv = crate::domain::ids::ById;

/// Files of staff wording, read in en-GB only; other locales need not translate them.
const STAFF_FILES: &[&str] = &["staff.ftl", "report.ftl"];

/// Message ids defined in Fluent source: lines like `some-id = ...`.
pub(crate) fn defined_ids(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines().filter_map(|line| {
        let (id, _) = line.split_once('=')?;
        let id = id.trim_end();
        let valid = id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        (valid && !line.starts_with(' ')).then(|| id.to_owned())
    })
}

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not valid Fluent: {detail}")]
    Syntax { path: PathBuf, detail: String },
    #[error("{path}: {detail}")]
    Bundle { path: PathBuf, detail: String },
    #[error("locale folder {0:?} is not a language tag")]
    BadTag(String),
    #[error("the fallback locale {FALLBACK} is missing from {0}")]
    NoFallback(PathBuf),
}

/// A locale we have, so lookups never need to handle an unknown tag.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Locale(String);

impl Locale {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Localizer {
    pub fn load(dir: &Path) -> Result<Self, I18nError> {
        let read_dir = |path: &Path| {
            std::fs::read_dir(path).map_err(|source| I18nError::Read {
                path: path.to_owned(),
                source,
            })
        };
        let mut bundles = HashMap::new();
        let mut public_ids = Vec::new();
        let mut all_ids = Vec::new();
        for entry in read_dir(dir)? {
            let entry = entry.map_err(|source| I18nError::Read {
                path: dir.to_owned(),
                source,
            })?;
            if !entry.path().is_dir() {
                continue;
            }
            let tag = entry.file_name().to_string_lossy().into_owned();
            let langid: LanguageIdentifier =
                tag.parse().map_err(|_| I18nError::BadTag(tag.clone()))?;
            let mut bundle = Bundle::new_concurrent(vec![langid]);
            // Isolation marks would show as stray characters in HTML attributes and emails.
            bundle.set_use_isolating(false);
            let mut files: Vec<PathBuf> = read_dir(&entry.path())?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
                .collect();
            files.sort();
            for path in files {
                let text = std::fs::read_to_string(&path).map_err(|source| I18nError::Read {
                    path: path.clone(),
                    source,
                })?;
                let file = path.file_name().map(|f| f.to_string_lossy().into_owned());
                if tag == FALLBACK && !file.as_deref().is_some_and(|f| STAFF_FILES.contains(&f)) {
                    public_ids.extend(defined_ids(&text));
                }
                all_ids.extend(defined_ids(&text));
                let resource =
                    FluentResource::try_new(text).map_err(|(_, errors)| I18nError::Syntax {
                        path: path.clone(),
                        detail: format!("{errors:?}"),
                    })?;
                bundle
                    .add_resource(resource)
                    .map_err(|errors| I18nError::Bundle {
                        path: path.clone(),
                        detail: format!("{errors:?}"),
                    })?;
            }
            bundles.insert(tag, bundle);
        }
        if !bundles.contains_key(FALLBACK) {
            return Err(I18nError::NoFallback(dir.to_owned()));
        }
        let mut tags: Vec<String> = bundles.keys().cloned().collect();
        tags.sort_by_key(|t| (t != FALLBACK, t.clone()));
        // Category labels come from the staff file but are also options in the adults' flow.
        public_ids.extend(
            crate::domain::Category::ALL
                .iter()
                .map(|c| format!("label-category-{}", c.as_str())),
        );
        public_ids.sort();
        public_ids.dedup();
        all_ids.sort();
        all_ids.dedup();
        Ok(Self {
            bundles,
            tags,
            public_ids,
            all_ids,
            prepared: HashMap::default(),
            council: Council::default(),
        })
    }

    /// Format every message of every locale once with the council's name and numbers (the
    /// same for every request), so [`Localizer::prepared`] can hand them out without Fluent.
    /// Messages that need other arguments fail to format here and are left out.
    pub fn prepare(&mut self, council: Council) {
        let mut prepared = HashMap::default();
        for tag in &self.tags {
            let locale = Locale(tag.clone());
            let args = council.args(self.is_rtl(&locale));
            let mut texts = Prepared::default();
            for id in &self.all_ids {
                let format = |args: &FluentArgs| {
                    [tag.as_str(), FALLBACK].iter().find_map(|t| {
                        let bundle = self.bundles.get(*t)?;
                        let pattern = bundle.get_message(id)?.value()?;
                        let mut errors = Vec::new();
                        let text = bundle.format_pattern(pattern, Some(args), &mut errors);
                        Some(errors.is_empty().then(|| text.into_owned()))
                    })
                };
                match format(&args) {
                    Some(Some(text)) => {
                        texts.texts.insert(id.clone(), text);
                    }
                    Some(None) => {
                        let counted: Option<Vec<String>> = (0..=COUNTED_UP_TO)
                            .map(|n| {
                                let mut with_count = council.args(self.is_rtl(&locale));
                                with_count.set("count", FluentValue::from(n));
                                format(&with_count).flatten()
                            })
                            .collect();
                        if let Some(counted) = counted {
                            texts.counted.insert(id.clone(), counted);
                        }
                    }
                    None => {}
                }
            }
            prepared.insert(tag.clone(), texts);
        }
        self.prepared = prepared;
        self.council = council;
    }

    /// The message as [`Localizer::prepare`] formatted it, if it could.
    pub fn prepared(&self, locale: &Locale, id: &str) -> Option<&str> {
        self.prepared_for(locale)?.texts.get(id).map(String::as_str)
    }

    fn prepared_for(&self, locale: &Locale) -> Option<&Prepared> {
        self.prepared.get(&locale.0)
    }

    /// `(locale, id)` for every public message a shipped locale has not translated.
    pub fn incomplete(&self) -> Vec<(String, String)> {
        self.tags
            .iter()
            .filter(|t| *t != FALLBACK)
            .flat_map(|tag| {
                let bundle = &self.bundles[tag];
                self.public_ids
                    .iter()
                    .filter(|id| !bundle.has_message(id))
                    .map(move |id| (tag.clone(), id.clone()))
            })
            .collect()
    }

    pub fn fallback(&self) -> Locale {
        Locale(FALLBACK.to_owned())
    }

    pub fn locales(&self) -> impl Iterator<Item = Locale> + '_ {
        self.tags.iter().cloned().map(Locale)
    }

    /// A tag we have, matched case-insensitively (`en-gb` → `en-GB`).
    pub fn resolve(&self, tag: &str) -> Option<Locale> {
        self.tags
            .iter()
            .find(|t| t.eq_ignore_ascii_case(tag))
            .cloned()
            .map(Locale)
    }

    /// Pick from an `Accept-Language` header, falling back to en-GB.
    pub fn negotiate(&self, accept_language: Option<&str>) -> Locale {
        let requested = fluent_langneg::accepted_languages::parse(accept_language.unwrap_or(""));
        let available: Vec<LanguageIdentifier> =
            self.tags.iter().filter_map(|t| t.parse().ok()).collect();
        let default: LanguageIdentifier = unic_langid::langid!("en-GB");
        let chosen = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            Some(&default),
            fluent_langneg::NegotiationStrategy::Filtering,
        );
        chosen
            .first()
            .and_then(|l| self.resolve(&l.to_string()))
            .unwrap_or_else(|| self.fallback())
    }

    pub fn is_rtl(&self, locale: &Locale) -> bool {
        let lang = locale.0.split('-').next().unwrap_or_default();
        RTL_LANGUAGES.contains(&lang)
    }

    /// Replace (or add) `locale`'s messages with those in `text` (the council's letter
    /// templates, `letters::apply_overrides`). Call before [`Localizer::prepare`].
    pub fn override_messages(&mut self, locale: &Locale, text: String) -> Result<(), String> {
        let bundle = self
            .bundles
            .get_mut(locale.as_str())
            .ok_or_else(|| format!("no locale {}", locale.as_str()))?;
        let resource = FluentResource::try_new(text).map_err(|(_, e)| format!("{e:?}"))?;
        bundle.add_resource_overriding(resource);
        Ok(())
    }

    pub fn has(&self, locale: &Locale, id: &str) -> bool {
        self.bundles
            .get(&locale.0)
            .is_some_and(|b| b.has_message(id))
    }

    /// The message in this locale, else en-GB, else the id itself (the linter makes that
    /// impossible for shipped flows and templates).
    pub fn text(&self, locale: &Locale, id: &str, args: Option<&FluentArgs>) -> String {
        self.format(locale, id, None, args)
            .unwrap_or_else(|| id.to_owned())
    }

    pub fn attribute(&self, locale: &Locale, id: &str, attribute: &str) -> Option<String> {
        self.format(locale, id, Some(attribute), None)
    }

    fn format(
        &self,
        locale: &Locale,
        id: &str,
        attribute: Option<&str>,
        args: Option<&FluentArgs>,
    ) -> Option<String> {
        [locale.0.as_str(), FALLBACK].iter().find_map(|tag| {
            let bundle = self.bundles.get(*tag)?;
            let message = bundle.get_message(id)?;
            let pattern = match attribute {
                Some(name) => message.get_attribute(name)?.value(),
                None => message.value()?,
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(
                    message = id,
                    locale = tag,
                    "fluent formatting errors: {errors:?}"
                );
            }
            Some(text.into_owned())
        })
    }

    /// `(locale, id)` for every id some locale lacks. Only the fallback must be complete here;
    /// other locales fall back message by message.
    pub fn missing<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Vec<(String, String)> {
        let fallback = self.fallback();
        ids.into_iter()
            .filter(|id| !self.has(&fallback, id))
            .map(|id| (FALLBACK.to_owned(), id.to_owned()))
            .collect()
    }
}

#[cfg(test)]
mod tests;
