//! Text to words, the same way for the child's text and for the phrase lists: lower case,
//! Latin accents dropped ("zabić" = "zabic", "â" = "a"), Arabic-script harakat, tatweel and
//! joiners dropped, the letter forms of Arabic, Urdu and Pashto made one ("أ إ آ ٱ" = "ا",
//! "ی ې ۍ ے ى ئ" = "ي", "ک" = "ك", "ہ ھ ۀ ة" = "ه", "ټ ٹ" = "ت"...), apostrophes dropped ("don't" =
//! "dont"), and a letter typed twice or more counted once ("pleeease" = "please" = "plese", "kill"
//! = "kil"), so text-speak stretches agree with the list. Each word keeps where it was in the
//! original text, so a match can be quoted in the child's own words.

use std::ops::Range;

/// One word: its normalised form (a range of [`Words::norm`]) and where it was in the text.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub norm: Range<usize>,
    pub orig: Range<usize>,
}

#[derive(Debug, Default)]
pub(super) struct Words {
    pub norm: String,
    pub list: Vec<Word>,
}

impl Words {
    pub fn get(&self, i: usize) -> &str {
        &self.norm[self.list[i].norm.clone()]
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }
}

/// What one character of the input becomes.
enum Fold {
    /// Ends the current word.
    Split,
    /// Dropped, but does not end the word (apostrophes, harakat, tatweel, joiners).
    Skip,
    One(char),
    Two(char, char),
}

/// Split `text` into normalised words. With `pattern`, `*` is kept as a letter (list syntax).
pub(super) fn words(text: &str, pattern: bool) -> Words {
    let mut out = Words::default();
    let mut start: Option<(usize, usize)> = None; // (orig start, norm start)
    let mut end = 0;
    let mut last: Option<char> = None;
    for (at, c) in text.char_indices() {
        let mut push = |n: char, out: &mut Words, start: &mut Option<(usize, usize)>| {
            if start.is_none() {
                *start = Some((at, out.norm.len()));
            }
            // A letter typed twice or more counts once; digits and '*' are kept as typed.
            if !(n.is_alphabetic() && last == Some(n)) {
                out.norm.push(n);
            }
            last = Some(n);
        };
        let fold = if pattern && c == '*' {
            Fold::One('*')
        } else {
            fold(c)
        };
        match fold {
            Fold::Split => {
                close(&mut out, &mut start, end);
                last = None;
                continue;
            }
            Fold::Skip => {
                if start.is_none() {
                    continue;
                }
            }
            Fold::One(n) => push(n, &mut out, &mut start),
            Fold::Two(a, b) => {
                push(a, &mut out, &mut start);
                push(b, &mut out, &mut start);
            }
        }
        end = at + c.len_utf8();
    }
    close(&mut out, &mut start, end);
    out
}

fn close(out: &mut Words, start: &mut Option<(usize, usize)>, end: usize) {
    if let Some((orig, norm)) = start.take() {
        if out.norm.len() > norm {
            out.list.push(Word {
                norm: norm..out.norm.len(),
                orig: orig..end,
            });
        }
    }
}

fn fold(c: char) -> Fold {
    if c.is_ascii() {
        return match c {
            'A'..='Z' => Fold::One(c.to_ascii_lowercase()),
            'a'..='z' | '0'..='9' => Fold::One(c),
            '\'' | '`' => Fold::Skip,
            _ => Fold::Split,
        };
    }
    if let Some(f) = arabic(c) {
        return f;
    }
    match c {
        // Apostrophes and modifier letters used as apostrophes.
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{00B4}' | '\u{02BC}' | '\u{02BB}' => Fold::Skip,
        // Combining accents, joiners, direction marks, soft hyphen, byte order mark.
        '\u{0300}'..='\u{036F}'
        | '\u{00AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Fold::Skip,
        _ => {
            let mut lower = c.to_lowercase();
            let (Some(l), extra) = (lower.next(), lower.next()) else {
                return Fold::Split;
            };
            if extra.is_some() {
                // e.g. 'İ' -> "i̇": the base letter, the rest is a combining mark.
                return if l.is_alphanumeric() {
                    latin(l)
                } else {
                    Fold::Split
                };
            }
            if l.is_alphanumeric() {
                latin(l)
            } else {
                Fold::Split
            }
        }
    }
}

/// A lower-case Latin letter without its accent.
fn latin(c: char) -> Fold {
    Fold::One(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ạ' | 'ả' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ẽ' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => 'u',
        'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' => 'w',
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ß' => return Fold::Two('s', 's'),
        'æ' => return Fold::Two('a', 'e'),
        'œ' => return Fold::Two('o', 'e'),
        'þ' => return Fold::Two('t', 'h'),
        other => other,
    })
}

/// Arabic, Urdu and Pashto letters to one form each; `None` outside the Arabic blocks.
fn arabic(c: char) -> Option<Fold> {
    let f = match c {
        // Harakat, Quranic marks, superscript alef, tatweel.
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0640}' => Fold::Skip,
        // A lone hamza is often left out: "شيء" = "شي".
        'ء' => Fold::Skip,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Fold::One('ا'),
        'ؤ' => Fold::One('و'),
        'ئ' | 'ى' | 'ی' | 'ې' | 'ۍ' | 'ے' | 'ۓ' | 'ێ' => Fold::One('ي'),
        'ة' | 'ۃ' | 'ہ' | 'ھ' | 'ۀ' | 'ە' | 'ۂ' => Fold::One('ه'),
        'ک' | 'ڪ' => Fold::One('ك'),
        'ګ' | 'ڭ' => Fold::One('گ'),
        // Urdu and Pashto retroflex letters, often typed as the plain ones.
        'ٹ' | 'ټ' => Fold::One('ت'),
        'ڈ' | 'ډ' => Fold::One('د'),
        'ڑ' | 'ړ' => Fold::One('ر'),
        'ں' | 'ڼ' => Fold::One('ن'),
        'ږ' => Fold::One('ژ'),
        'ښ' => Fold::One('ش'),
        // Lam-alef ligatures (presentation forms).
        '\u{FEF5}'..='\u{FEFC}' => Fold::Two('ل', 'ا'),
        '٠'..='٩' => Fold::One(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        '۰'..='۹' => Fold::One(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' => {
            if c.is_alphabetic() {
                Fold::One(c)
            } else {
                Fold::Split
            }
        }
        _ => return None,
    };
    Some(f)
}

/// Which script a normalised word is written in, for checking lists across locales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Script {
    Latin,
    Arabic,
    Other,
}

pub(super) fn script(word: &str) -> Option<Script> {
    let mut found = None;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        let s = if c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            Script::Latin
        } else if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) {
            Script::Arabic
        } else {
            Script::Other
        };
        match found {
            None => found = Some(s),
            Some(f) if f != s => return Some(Script::Other),
            _ => {}
        }
    }
    found
}
