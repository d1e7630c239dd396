//! [`Words`]: one locale's messages as the pages, the report and the staff area ask for them,
//! with the council's name and phone numbers ([`Council`]) available to every message.

use fluent::{FluentArgs, FluentValue};

use super::markup::link_phones;
use super::{Locale, Localizer};

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
}

impl<'a> Words<'a> {
    fn args(&self) -> FluentArgs<'a> {
        self.words.council.args(self.words.is_rtl(self.locale))
    }

    pub fn get(&self, id: &str) -> String {
        match self.words.prepared(self.locale, id) {
            Some(text) => text.to_owned(),
            None => self.words.text(self.locale, id, Some(&self.args())),
        }
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
    pub fn called(&self, id: &str) -> String {
        link_phones(&self.get(id))
    }

    /// Any text (a bubble, a section of a page) as markup with its phone numbers linked.
    pub fn link(&self, text: &str) -> String {
        link_phones(text)
    }
}
