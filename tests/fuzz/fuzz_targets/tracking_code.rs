//! Any text as what a child types to come back: a reference, a "finish later" code, the words.

#![no_main]

use have_your_say_fuzz::check_tracking;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Forms and JSON reach these parsers only as UTF-8 text.
    if let Ok(text) = std::str::from_utf8(data) {
        check_tracking(text);
    }
});
