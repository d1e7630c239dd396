use super::*;

fn shipped() -> Localizer {
    Localizer::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")).unwrap()
}

#[test]
fn english_is_the_fallback_and_is_negotiated_by_default() {
    let l = shipped();
    assert_eq!(l.negotiate(None).as_str(), "en-GB");
    assert_eq!(l.negotiate(Some("xx-YY, zz;q=0.5")).as_str(), "en-GB");
    assert_eq!(l.negotiate(Some("en-US,en;q=0.9")).as_str(), "en-GB");
}

#[test]
fn dates_read_like_people_say_them() {
    let l = shipped();
    let date = time::macros::date!(2025 - 12 - 09);
    let today = time::macros::date!(2025 - 11 - 30);
    assert_eq!(
        l.long_date_from(&l.fallback(), date, today),
        "Tuesday 9 December"
    );
}

/// A reply-by date in January seen in December says its year, in every language; a date in
/// this year does not.
#[test]
fn a_date_in_another_year_says_the_year_in_every_language() {
    let l = shipped();
    let today = time::macros::date!(2026 - 12 - 21);
    let next_year = time::macros::date!(2027 - 01 - 05);
    let this_year = time::macros::date!(2026 - 12 - 23);
    for locale in l.locales() {
        let later = l.long_date_from(&locale, next_year, today);
        assert!(later.contains("2027"), "{}: {later}", locale.as_str());
        let sooner = l.long_date_from(&locale, this_year, today);
        assert!(!sooner.contains("2026"), "{}: {sooner}", locale.as_str());
        assert!(sooner.contains("23"), "{}: {sooner}", locale.as_str());
    }
    assert_eq!(
        l.long_date_from(&l.fallback(), next_year, today),
        "Tuesday 5 January 2027"
    );
    // And the date of last year, as tracking shows when a case was sent.
    let last_year = time::macros::date!(2025 - 12 - 09);
    assert_eq!(
        l.long_date_from(&l.fallback(), last_year, today),
        "Tuesday 9 December 2025"
    );
}

#[test]
fn an_unknown_id_shows_itself_rather_than_panicking() {
    let l = shipped();
    assert_eq!(
        l.text(&l.fallback(), "no-such-message", None),
        "no-such-message"
    );
}

#[test]
fn counted_messages_prepared_at_start_up_read_as_fluent_formats_them() {
    let mut l = shipped();
    l.prepare(Council {
        authority_name: "Exampleshire".into(),
        help_phone: "0300 123 4567".into(),
        out_of_hours_phone: "0300 765 4321".into(),
    });
    for tag in ["en-GB", "cy", "ar"] {
        let locale = l.resolve(tag).unwrap();
        let w = Words::new(&l, &locale);
        // Below, at and above the prepared range: the plural forms must not change.
        for n in [0usize, 1, 2, 3, 11, 40, 41, 100] {
            let fresh = w.get_with("progress-left", &[("count", FluentValue::from(n))]);
            assert_eq!(w.counted("progress-left", n), fresh, "{tag} {n}");
        }
    }
    let en = l.fallback();
    let w = Words::new(&l, &en);
    assert_ne!(w.counted("progress-left", 1), w.counted("progress-left", 2));
    assert!(w.counted("progress-left", 3).contains('3'));
}
