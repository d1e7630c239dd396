//! Any bytes as a form post body, through the strict urlencoded reader every page uses.

#![no_main]

use have_your_say_fuzz::check_form;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| check_form(data));
