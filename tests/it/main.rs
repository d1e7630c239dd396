//! Every integration test, as one binary (linked once): one module per area, the shared
//! helpers in `helpers/`. Run one area with `cargo nextest run -E 'test(/^notify::/)'`.

mod helpers;

mod accessibility;
mod accounts;
mod accounts_pages;
mod adults;
mod api;
mod bad_input;
mod bots;
mod browser;
mod casework;
mod cli;
mod conversation;
mod decoders;
mod delivery;
mod durability;
mod import;
mod inbound;
mod keep_and_feeling;
mod layers;
mod letters;
mod logs;
mod mail_failures;
mod notify;
mod origin;
mod payloads;
mod reminders;
mod reply_emails;
mod report;
mod report_councils;
mod safety_route;
mod schema;
mod secret_words;
mod security;
mod staff;
mod staff_pages;
mod staff_phone;
mod track;
mod urgent_first;
