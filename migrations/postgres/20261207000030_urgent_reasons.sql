-- Why a case is urgent, as a JSON array of reasons (see `domain::urgency`): chose "I'm not
-- safe", words in an answer to a named question, or words added later on the tracking page.
-- The duty team's email quotes exactly these; null for a case that is not urgent, and for
-- urgent cases from before reasons were kept (their email says the reason was not recorded).
alter table cases add column urgent_reasons text;
