-- The email that carries a password-set link is an outbox row too, about the link (issue 17):
-- a row is about exactly one of a case, a digest or a password link. SQLite changes a check
-- only by rebuilding the table, every column kept (`Store::migrate` runs with foreign keys off;
-- nothing refers to the outbox).
create table outbox_about (
    id integer primary key autoincrement,
    case_id bigint references cases (id) on delete cascade,
    kind text not null,               -- new_case, urgent, advocacy_referral, reply_to_child, new_information, digest, acknowledgement, password_link
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
    password_link_id bigint references password_links (id) on delete cascade,
    check ((case_id is not null) + (digest_id is not null) + (password_link_id is not null) = 1)
);
insert into outbox_about (id, case_id, kind, recipient, message_id, status, attempts,
    next_attempt_at, claimed_by, lease_until, last_error, sent_at, created_at, updated_at,
    digest_id)
select id, case_id, kind, recipient, message_id, status, attempts, next_attempt_at, claimed_by,
    lease_until, last_error, sent_at, created_at, updated_at, digest_id from outbox;
drop table outbox;
alter table outbox_about rename to outbox;
create index outbox_status_next_attempt_at on outbox (status, next_attempt_at);
create index outbox_case_id on outbox (case_id);
create index outbox_urgent_due on outbox (status, next_attempt_at) where kind = 'urgent';
create index outbox_digest_id on outbox (digest_id);
create index outbox_case_kind on outbox (case_id, kind);
create index outbox_password_link_id on outbox (password_link_id);
