//! [`Words`]: one locale's messages as the pages, the report and the staff area ask for them,
//! with the council's name and phone numbers ([`Council`]) available to every message.

use std::borrow::Cow;

use fluent::{FluentArgs, FluentValue};

use super::markup::Linked;
use super::{Locale, Localizer, Prepared};

/// What every message may name: the council and the numbers a child can call. Formatted into
/// the prepared messages once at start-up ([`Localizer::prepare`]).
#[derive(Debug, Clone, Default)]
pub struct Council {
    pub authority_name: String,
    pub help_phone: String,
    pub out_of_hours_phone: String,
}

impl Council {
    /// The arguments every message may use. In right-to-left text a number with spaces
    /// ("0300 123 4567") would show its groups in reverse order; isolating it left to right
    /// keeps the digits as dialled.
    pub fn args(&self, rtl: bool) -> FluentArgs<'_> {
        let phone = |number: &str| -> FluentValue<'_> {
            if rtl {
                FluentValue::from(format!("\u{2066}{number}\u{2069}"))
            } else {
                FluentValue::from(number.to_owned())
            }
        };
        let mut args = FluentArgs::new();
        args.set("authority", FluentValue::from(self.authority_name.as_str()));
        args.set("help_phone", phone(&self.help_phone));
        args.set("out_of_hours_phone", phone(&self.out_of_hours_phone));
        args
    }
}

/// Words for one locale.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub words: &'a Localizer,
    pub locale: &'a Locale,
    /// This locale's prepared messages, found once: a page asks for dozens.
    prepared: Option<&'a Prepared>,
}

impl<'a> Words<'a> {
    pub fn new(words: &'a Localizer, locale: &'a Locale) -> Self {
        Self {
            words,
            locale,
            prepared: words.prepared_for(locale),
        }
    }

    fn args(&self) -> FluentArgs<'a> {
        self.words.council.args(self.words.is_rtl(self.locale))
    }

    /// The message, borrowed when it was formatted at start-up (most are): templates use
    /// this, so a page copies each message once, into the page.
    pub fn text(&self, id: &str) -> Cow<'a, str> {
        match self.prepared.and_then(|p| p.texts.get(id)) {
            Some(text) => Cow::Borrowed(text.as_str()),
            None => Cow::Owned(self.words.text(self.locale, id, Some(&self.args()))),
        }
    }

    /// A message that takes a `count` ("3 questions left"), prepared at start-up for small
    /// counts.
    pub fn counted(&self, id: &str, count: usize) -> Cow<'a, str> {
        match self
            .prepared
            .and_then(|p| p.counted.get(id))
            .and_then(|texts| texts.get(count))
        {
            Some(text) => Cow::Borrowed(text.as_str()),
            None => Cow::Owned(self.get_with(id, &[("count", FluentValue::from(count))])),
        }
    }

    /// The message as an owned `String`, for a value that outlives these words.
    pub fn get(&self, id: &str) -> String {
        self.text(id).into_owned()
    }

    pub fn get_with(&self, id: &str, extra: &[(&'static str, FluentValue<'_>)]) -> String {
        let mut args = self.args();
        for (k, v) in extra {
            args.set(*k, v.clone());
        }
        self.words.text(self.locale, id, Some(&args))
    }

    pub fn attr(&self, id: &str, attribute: &str) -> String {
        self.words
            .attribute(self.locale, id, attribute)
            .unwrap_or_default()
    }

    pub fn lang(&self) -> &str {
        self.locale.as_str()
    }

    pub fn dir(&self) -> &'static str {
        if self.words.is_rtl(self.locale) {
            "rtl"
        } else {
            "ltr"
        }
    }

    pub fn date(&self, date: time::Date) -> String {
        self.words.long_date(self.locale, date)
    }

    /// A message as markup with its phone numbers as `tel:` links (use with `|safe`).
    pub fn called(&self, id: &str) -> Linked<'a> {
        Linked(self.text(id))
    }

    /// Any text (a bubble, a section of a page) as markup with its phone numbers linked.
    pub fn link<'t>(&self, text: &'t str) -> Linked<'t> {
        Linked(Cow::Borrowed(text))
    }
}
