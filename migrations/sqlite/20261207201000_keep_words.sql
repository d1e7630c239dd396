-- "Email them to me" on the confirmation page (issue 21). The reference and secret words go
-- once per case to the email address the child gave. The worker needs the words in clear to
-- write the email, so they wait here only from the child's tap until the email is sent (or
-- fails for good), then the column is blanked; nothing else keeps them readable.
alter table cases add column words_to_email text;
-- One such email per case, however often (or however many instances) the button is posted.
create unique index outbox_keep_words_once on outbox (case_id) where kind = 'keep_words';
