//! Any text as a flow file: TOML into a `Flow`, then the linter, as `have-your-say check` does.

#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use have_your_say::i18n::Localizer;
use have_your_say_fuzz::check_flow;
use libfuzzer_sys::fuzz_target;

// The shipped translations, so the linter's message checks see real ids.
static WORDS: LazyLock<Localizer> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    Localizer::load(&dir).expect("the shipped locales load")
});

fuzz_target!(|data: &[u8]| {
    // The loader reads files as UTF-8 and refuses anything else before parsing.
    if let Ok(text) = std::str::from_utf8(data) {
        check_flow(text, &WORDS);
    }
});
