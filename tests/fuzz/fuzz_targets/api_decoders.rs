//! Any bytes as a JSON API body, into every request type, and as an `Authorization` header.

#![no_main]

use have_your_say_fuzz::{check_api_body, check_bearer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    check_api_body(data);
    check_bearer(data);
});
