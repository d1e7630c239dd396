-- The optional "How are you feeling?" scale at the start of a child's conversation (issue 21):
-- 1 (very sad) to 5 (very happy), null when skipped or not asked (adults). Counted in the
-- annual report.
alter table cases add column feeling bigint check (feeling between 1 and 5);
