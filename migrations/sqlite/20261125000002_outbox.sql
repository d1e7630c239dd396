-- Every email to send, written in the same transaction as the case that caused it. One row per
-- recipient address, so a retry to one never re-sends to another.
create table outbox (
    id integer primary key autoincrement,
    case_id bigint not null references cases (id) on delete cascade,
    kind text not null,               -- new_case, urgent, advocacy_referral, reply_to_child, new_information
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
    updated_at bigint not null
);
create index outbox_status_next_attempt_at on outbox (status, next_attempt_at);
create index outbox_case_id on outbox (case_id);
