//! What a child may type for the same secret words: any case, Latin letters with or without
//! their accents, Arabic-script letters in the forms different keyboards give, harakat or not,
//! joiners, and digits in Arabic-Indic or Persian shapes. Everything folds to one canonical
//! form, which is what gets hashed; so the rules only ever add forgiveness, and a form that was
//! canonical before (lowercase ASCII words) stays canonical and its stored hashes still verify.

/// The canonical form of one character, or `None` to drop it.
fn fold(c: char) -> Option<char> {
    Some(match c {
        // Arabic-Indic and Extended Arabic-Indic (Persian, Urdu) digits.
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        // Alef with hamza or madda, and wasla: many children type a bare alef.
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        // Alef maksura and the Persian/Urdu yeh look alike at the end of a word.
        'ى' | 'ی' => 'ي',
        // Keheh (Persian/Urdu keyboards) and kaf.
        'ک' => 'ك',
        // Teh marbuta, and the Urdu heh forms, typed as heh.
        'ة' | 'ۃ' | 'ہ' | 'ۀ' => 'ه',
        // Harakat, superscript alef, tatweel, joiners, direction marks and BOM: invisible.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return None,
        '\u{200B}'..='\u{200F}' | '\u{FEFF}' => return None,
        // Combining accents, from keyboards that send a letter and its accent separately.
        '\u{0300}'..='\u{036F}' => return None,
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => 'o',
        'ś' | 'š' | 'ş' => 's',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' => 'w',
        'ŷ' | 'ỳ' | 'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    })
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '–' | ',' | '.' | '،' | '؛' | '/')
}

/// One word as the list would hash it: lowercase, accents and letter variants folded.
pub fn canonical_word(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .filter_map(fold)
        .collect()
}

/// A whole typed set: words in the order typed, then any numbers, so "472 apple tiger" and
/// "apple tiger 472" are the same set (a child may write the number first).
pub fn canonical_set(input: &str) -> String {
    let (numbers, words): (Vec<String>, Vec<String>) = input
        .split(is_separator)
        .map(canonical_word)
        .filter(|w| !w.is_empty())
        .partition(|w| w.chars().all(|c| c.is_ascii_digit()));
    words
        .into_iter()
        .chain(numbers)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_typing_variants_fold_to_one_form() {
        for (typed, canonical) in [
            ("Apple TIGER", "apple tiger"),
            ("jabłko żaba", "jablko zaba"),
            ("JABŁKO Żaba", "jablko zaba"),
            ("te\u{0301}", "te"),
            ("tŷ môr", "ty mor"),
            ("cath,  coch-pêl.", "cath coch pel"),
        ] {
            assert_eq!(canonical_set(typed), canonical, "{typed}");
        }
    }

    #[test]
    fn arabic_script_typing_variants_fold_to_one_form() {
        for (a, b) in [
            ("أرنب", "ارنب"),
            ("إبرة", "ابره"),
            ("آلة", "اله"),
            ("كُرَة", "كره"),
            ("كرسى", "كرسي"),
            ("کتاب", "كتاب"),
            ("کرسی", "كرسي"),
            ("مچھلی", "مچھلي"),
            ("گھڑ\u{200C}ی", "گھڑي"),
            ("قطـــة", "قطه"),
            ("ہاتھی", "هاتھي"),
        ] {
            assert_eq!(canonical_word(a), canonical_word(b), "{a} / {b}");
            assert_eq!(canonical_word(a), b, "{a}");
        }
    }

    #[test]
    fn numbers_in_any_digit_shape_and_place_are_one_number_at_the_end() {
        let want = "قطه كره 472";
        for typed in ["قطة كرة 472", "قطة كرة ٤٧٢", "قطة كرة ۴۷۲", "٤٧٢ قطة، كرة"]
        {
            assert_eq!(canonical_set(typed), want, "{typed}");
        }
    }

    #[test]
    fn the_canonical_form_is_stable_and_old_english_sets_are_already_canonical() {
        for set in ["doll wide pecan lemur", "apple tiger cloud green 472"] {
            assert_eq!(canonical_set(set), set);
            assert_eq!(canonical_set(&canonical_set(set)), set);
        }
    }
}
