-- Keeping bots out without a CAPTCHA. A case that looks automated (the hidden field people never
-- see was filled in, or it was sent faster than anyone could read the questions) is stored whole
-- like any other, but held: no emails, not in the inbox or the annual report, until a rights
-- officer releases it or marks it as spam. A case with a safety concern is never held; its
-- suspicion is still recorded. Spam is closed and kept under the normal retention.
alter table cases add column held smallint not null default 0 check (held in (0, 1));
alter table cases add column spam smallint not null default 0 check (spam in (0, 1));
alter table cases add column suspect_honeypot smallint not null default 0 check (suspect_honeypot in (0, 1));
alter table cases add column suspect_fast smallint not null default 0 check (suspect_fast in (0, 1));
alter table cases add column completion_ms bigint;   -- from the conversation's start to sending; null when staff recorded it

-- The inbox and the held list both select on these first.
create index cases_held_spam on cases (held, spam);
