-- One code and one set of words: "finish later" reserves the case reference (kept in
-- conversations.resume_code) and the words' hash (resume_hash); the words themselves are kept
-- only sealed under the child's browser token (hex; the database holds the token only as its
-- SHA-256), so the confirmation page can show the same set again after a move to another device.
alter table conversations add column words_sealed text;
alter table cases add column words_sealed text;  -- blanked when the case is anonymised
