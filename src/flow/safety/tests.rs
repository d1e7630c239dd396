use std::path::Path;

use super::normalise::words;
use super::{SafetyPhrases, lint};

fn shipped() -> SafetyPhrases {
    SafetyPhrases::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")).unwrap()
}

/// The normalised words of `text`, space-separated.
fn norm(text: &str) -> String {
    let w = words(text, false);
    (0..w.len()).map(|i| w.get(i)).collect::<Vec<_>>().join(" ")
}

fn same(a: &str, b: &str) {
    assert_eq!(norm(a), norm(b), "{a:?} and {b:?} should normalise alike");
}

fn list(locale: &str, lines: &[&str]) -> SafetyPhrases {
    SafetyPhrases::from_phrases(locale, lines)
}

#[test]
fn worrying_words_are_found() {
    let phrases = shipped();
    for text in [
        "he hits me",
        "He HITS me when mum is out",
        "my foster carer hit me yesterday",
        "I don't feel safe at home",
        "i dont feel safe",
        "I want to kill myself",
        "sometimes I cut myself",
        "I'm going to run away",
        "he touched me and I didn't like it",
        "I'm scared to go home",
        "nobody feeds me",
        "I am being bullied and hurt me",
        "I want to die",
        "I'm scared",
        "he hiiiits me",
        "i want 2 die",
        "kms",
    ] {
        assert!(phrases.matches("en-GB", text), "should alarm: {text:?}");
    }
}

#[test]
fn ordinary_words_do_not_alarm() {
    let phrases = shipped();
    for text in [
        "my social worker hit the nail on the head",
        "the hit song at the party was great",
        "spiders are scary but that is fine",
        "my allowance was late again",
        "I'd like to see my brother more often",
        "the run was fun",
        "my brother beat me at FIFA",
        "i want to die my hair blue",
        "im scared of spiders",
        "",
    ] {
        assert!(
            !phrases.matches("en-GB", text),
            "should not alarm: {text:?}"
        );
    }
}

#[test]
fn arabic_script_marks_and_letter_forms_are_ignored() {
    same("يَضْرِبُني", "يضربني"); // harakat
    same("يضـــربني", "يضربني"); // tatweel
    same("أمي إلى آمن ٱلبيت", "امي الى امن البيت"); // hamza on alef, madda, wasla
    same("يؤذيني", "يوذيني"); // hamza on waw
    same("خائف", "خايف"); // hamza on yeh
    same("شيء", "شي"); // lone hamza
    same("خايفة", "خايفه"); // teh marbuta
    same("على", "علي"); // alef maksura
    same("کمرے", "كمري"); // keheh and kaf; yeh barree
    same("ی ې ۍ ے ى", "ي ي ي ي ي"); // Farsi, Pashto and Urdu yeh forms
    same("ہ ھ ۀ ە", "ه ه ه ه"); // Urdu and Pashto heh forms
    same("مجھے", "مجهي");
    same("ٹ ټ ڈ ډ ڑ ړ ں ڼ", "ت ت د د ر ر ن ن"); // retroflex letters, noon ghunna
    same("ږ ښ ګ", "ژ ش گ"); // Pashto letters as typed on Persian keyboards
    same("خود\u{200C}کشی", "خودکشی"); // zero-width non-joiner
    same("٣ ۳", "3 3"); // Arabic-Indic and Persian digits
    assert_ne!(norm("ضرب"), norm("ضربت"));
}

#[test]
fn latin_case_accents_apostrophes_and_stretched_letters_are_ignored() {
    same("zabić się", "zabic sie");
    same("ŻÓŁW", "zolw");
    same("tŷ â ŵ", "ty a w");
    same("e\u{301}", "e"); // a combining accent
    same("Don't", "dont");
    same("don’t", "dont");
    same("teimlo'n", "teimlon");
    same("hiiiits", "hits");
    same("pleeeease", "please");
    same("kill", "kil");
    same("self-harm", "self harm");
    assert_ne!(norm("2"), norm("22")); // digits are kept as typed
}

#[test]
fn each_word_keeps_its_place_in_the_text() {
    let text = "Hé, he HIIITS me!";
    let w = words(text, false);
    let spans: Vec<&str> = w.list.iter().map(|x| &text[x.orig.clone()]).collect();
    assert_eq!(spans, ["Hé", "he", "HIIITS", "me"]);
}

#[test]
fn stems_and_word_ends() {
    let p = list("ur", &["mujhe mar*", "*ضرب*ني", "kill*"]);
    assert!(p.matches("ur", "mujhe marta"));
    assert!(p.matches("ur", "mujhe maarti hai"));
    assert!(p.matches("ur", "mujhe mar"));
    assert!(!p.matches("ur", "mujhe amar"));
    for text in ["يضربني", "بيضربني", "ضربني", "ضربتني", "ويضربوني"]
    {
        assert!(p.matches("ur", text), "{text}");
    }
    assert!(!p.matches("ur", "ضربت الكرة"));
    assert!(p.matches("ur", "killing"));
    let urdu = list("ur", &["مجھے مار*"]);
    assert!(urdu.matches("ur", "مجھے مارنا"));
}

#[test]
fn gaps_allow_words_between() {
    let p = list("ur", &["mujhe ~2 marta"]);
    assert!(p.matches("ur", "mujhe marta"));
    assert!(p.matches("ur", "mujhe bahut marta"));
    assert!(p.matches("ur", "mujhe bahut zyada marta"));
    assert!(!p.matches("ur", "mujhe bahut hi zyada marta"));
    assert!(!p.matches("ur", "marta mujhe"));
    let default = list("ps", &["@gap 1", "ما وهي"]);
    assert!(default.matches("ps", "ما ډېر وهي"));
    assert!(!list("ps", &["ما وهي"]).matches("ps", "ما ډېر وهي"));
    let bare = list("en-GB", &["kill ~ myself"]);
    assert!(bare.matches("en-GB", "kill my own self myself"));
}

#[test]
fn choices_and_optional_words() {
    let p = list("en-GB", &["{want|wanna} {to|2|} die"]);
    for text in ["want to die", "want 2 die", "wanna die"] {
        assert!(p.matches("en-GB", text), "{text}");
    }
    assert!(!p.matches("en-GB", "want a die"));
    let multi = list("en-GB", &["kill {myself|my self}"]);
    assert!(multi.matches("en-GB", "kill my self"));
}

#[test]
fn word_order_groups_and_the_any_order_setting() {
    let p = list("pl", &["(mnie {bije|bił})"]);
    assert!(p.matches("pl", "on mnie bił"));
    assert!(p.matches("pl", "bije mnie tata"));
    assert!(!p.matches("pl", "mnie tata bije"));
    let wide = list("pl", &["(mnie ~1 bije)"]);
    assert!(wide.matches("pl", "mnie tata bije"));
    let any = list("pl", &["@order any", "@gap 1", "bije mnie"]);
    assert!(any.matches("pl", "mama mnie bije kablem"));
    assert!(any.matches("pl", "bije mnie"));
    let fixed = list("pl", &["@order any", "@order fixed", "bije mnie"]);
    assert!(!fixed.matches("pl", "mnie bije"));
}

#[test]
fn welsh_mutations_are_found_from_the_radical() {
    let p = list(
        "cy",
        &["@mutations welsh", "taro fi", "lladd fy hun", "ofn arna i"],
    );
    for text in [
        "taro fi",
        "daro fi",
        "mae e'n nharo fi",
        "tharo fi",
        "ladd fy hun",
    ] {
        assert!(p.matches("cy", text), "{text}");
    }
    let q = list("cy", &["@mutations welsh", "curo fi", "gwneud", "ofnus"]);
    for text in [
        "guro fi",
        "nghuro fi",
        "churo fi",
        "wneud",
        "ngwneud",
        "hofnus",
    ] {
        assert!(q.matches("cy", text), "{text}");
    }
    let without = list("cy", &["taro fi"]);
    assert!(!without.matches("cy", "daro fi"));
}

#[test]
fn exceptions_cancel_only_overlapping_matches_of_their_paragraph() {
    let p = list(
        "en-GB",
        &[
            "beat* me",
            "! beat* me at {fifa|football}",
            "",
            "want to die",
            "! die my hair",
        ],
    );
    assert!(!p.matches("en-GB", "my brother beat me at fifa"));
    assert!(p.matches("en-GB", "he beat me at home"));
    assert!(p.matches("en-GB", "he beat me at fifa then beat me up"));
    assert!(!p.matches("en-GB", "i want to die my hair blue"));
    assert!(p.matches("en-GB", "i want to die"));
    // "! die my hair" belongs to the second paragraph only.
    let q = list("en-GB", &["die", "", "! die my hair"]);
    assert!(q.matches("en-GB", "die my hair"));
}

#[test]
fn latin_lines_of_every_list_are_checked_on_every_page() {
    let p = shipped();
    let m = p.find("en-GB", "mera baap mujhe maarta hai").unwrap();
    assert_eq!(m.locale, "ur");
    assert_eq!(m.words, "mujhe maarta");
    assert!(p.matches("en-GB", "mujhe marta hai"));
    assert!(p.matches("cy", "chce sie zabić"));
    assert!(p.matches("pl", "ana khayef"));
    // Arabic-script lines: on an English page (whose list has none) yes; on the Urdu page, the
    // Arabic list's Arabic-script lines are not checked, only Urdu's own.
    let q =
        SafetyPhrases::from_lists([("ar", "يضربني"), ("ur", "مجھے مار*"), ("en-GB", "hits me")]);
    assert!(q.matches("en-GB", "يضربني"));
    assert!(q.matches("ar", "يضربني"));
    assert!(!q.matches("ur", "يضربني"));
    assert!(q.matches("ur", "hits me"));
    assert!(
        q.matches("fr", "يضربني"),
        "a page with no list checks every list"
    );
}

#[test]
fn a_locale_checks_its_own_list_and_english() {
    let p = SafetyPhrases::from_lists([("pl", "bije mnie"), ("en-GB", "hits me")]);
    assert!(p.matches("pl", "On bije mnie"));
    assert!(p.matches("pl", "he hits me"));
    assert!(!p.matches("pl", "wszystko dobrze"));
    assert_eq!(p.phrase_count("pl"), 1);
}

#[test]
fn find_quotes_the_childs_own_words() {
    let p = list("en-GB", &["{hit*|smack*} ~1 me"]);
    let text = "Yesterday he really HIIITS me, again!";
    let m = p.find("en-GB", text).unwrap();
    assert_eq!(m.words, "HIIITS me");
    assert_eq!(&text[m.span.clone()], "HIIITS me");
    assert_eq!(m.locale, "en-GB");
    assert_eq!(m.rule, "{hit*|smack*} ~1 me");
    assert_eq!(m.line, 1);
    let ar = list("ar", &["*ضرب*ني"]);
    assert_eq!(ar.find("ar", "أبي يَضْرِبُني كل يوم").unwrap().words, "يَضْرِبُني");
    let gap = list("ur", &["mujhe ~2 mar*"]);
    assert_eq!(
        gap.find("ur", "Woh MUJHE bahut maarta hai").unwrap().words,
        "MUJHE bahut maarta"
    );
    assert_eq!(p.find("en-GB", "all fine"), None);
}

#[test]
fn lint_names_file_line_and_problem() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en-GB");
    std::fs::create_dir(&en).unwrap();
    std::fs::write(
        en.join("safety.txt"),
        [
            "# comment",
            "hits me",
            "{hit|hits me",
            "hits me",
            "@colour blue",
            "@gap 12",
            "kill ~ ",
            "— –",
            "h* me",
            "hitsيضرب",
            "(a b c d e f)",
            "{just} die",
            "",
            "! beat me at fifa",
        ]
        .join("\n"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("cy")).unwrap();
    let problems = lint(dir.path());
    let expect = [
        ("en-GB/safety.txt:3:", "without its '}'"),
        ("en-GB/safety.txt:4:", "the same as line 2"),
        ("en-GB/safety.txt:5:", "unknown setting '@colour'"),
        ("en-GB/safety.txt:6:", "'@gap' needs a number"),
        ("en-GB/safety.txt:7:", "must stand between two words"),
        ("en-GB/safety.txt:8:", "can never match"),
        ("en-GB/safety.txt:9:", "at least two letters"),
        ("en-GB/safety.txt:10:", "mixes Latin and other letters"),
        ("en-GB/safety.txt:11:", "2 to 5 words"),
        ("en-GB/safety.txt:12:", "one choice"),
        ("en-GB/safety.txt:14:", "no rule in its paragraph"),
        ("cy:", "no safety.txt"),
    ];
    for (place, what) in expect {
        assert!(
            problems
                .iter()
                .any(|p| p.contains(place) && p.contains(what)),
            "expected {place} {what} in:\n{}",
            problems.join("\n")
        );
    }
    assert_eq!(problems.len(), expect.len(), "{}", problems.join("\n"));
    // A list with problems still loads; the bad lines are skipped.
    let loaded = SafetyPhrases::load(dir.path()).unwrap();
    assert!(loaded.matches("en-GB", "he hits me"));
}

#[test]
fn lint_of_a_missing_folder_says_so() {
    let problems = lint(Path::new("/no/such/folder"));
    assert_eq!(problems.len(), 1);
    assert!(problems[0].contains("cannot read"));
}
