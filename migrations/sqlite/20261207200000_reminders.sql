-- Reminders (issue 17). The daily digest to each officer and manager: one row per person per
-- London day, so however many instances run the daily tick, the unique (staff_id, day) lets
-- exactly one of them queue it (insert ... on conflict do nothing, in the same transaction as
-- its outbox row). The row keeps what was sent, for the audit trail: references, kinds, topics,
-- due dates and links only, never a child's words.
create table digests (
    id integer primary key autoincrement,
    staff_id bigint not null references staff (id) on delete cascade,
    day text not null,                -- YYYY-MM-DD in England
    cases bigint not null,            -- how many cases it lists (never 0: nobody gets an empty one)
    subject text not null,
    body_text text not null,
    body_html text not null,
    created_at bigint not null,
    unique (staff_id, day)
);

-- An outbox row is now about a case or a digest (exactly one). SQLite changes a column's
-- NOT NULL only by rebuilding the table, every column kept (`Store::migrate` runs with foreign
-- keys off; nothing refers to the outbox).
create table outbox_about (
    id integer primary key autoincrement,
    case_id bigint references cases (id) on delete cascade,
    kind text not null,               -- new_case, urgent, advocacy_referral, reply_to_child, new_information, digest
    recipient text not null,
    message_id text not null unique,  -- stable across retries, so a retry is the same email
    status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
    attempts bigint not null default 0,
    next_attempt_at bigint not null,
    claimed_by text,                  -- random token of the worker holding the row
    lease_until bigint,               -- after this another worker may take the row over
    last_error text,                  -- SMTP reply or connection error; never message content
    sent_at bigint,
    created_at bigint not null,
    updated_at bigint not null,
    digest_id bigint references digests (id) on delete cascade,
    check ((case_id is null) <> (digest_id is null))
);
insert into outbox_about (id, case_id, kind, recipient, message_id, status, attempts,
    next_attempt_at, claimed_by, lease_until, last_error, sent_at, created_at, updated_at)
select id, case_id, kind, recipient, message_id, status, attempts, next_attempt_at, claimed_by,
    lease_until, last_error, sent_at, created_at, updated_at from outbox;
drop table outbox;
alter table outbox_about rename to outbox;
create index outbox_status_next_attempt_at on outbox (status, next_attempt_at);
create index outbox_case_id on outbox (case_id);
create index outbox_urgent_due on outbox (status, next_attempt_at) where kind = 'urgent';
create index outbox_digest_id on outbox (digest_id);
-- The "there is a reply for you" throttle looks up a case's latest such email.
create index outbox_case_kind on outbox (case_id, kind);
