-- Replies by email (issue 18). Each case gets an unguessable token, made when its first email
-- is written, that the Reply-To address (or the subject) carries: a reply names its case by it
-- without any personal data, and nobody can file mail on a case from its reference alone.
create table case_reply_tokens (
    case_id bigint primary key references cases (id) on delete cascade,
    token text not null unique,
    created_at bigint not null
);

-- Every message read from the council's reply mailbox, one row per (mailbox, UIDVALIDITY, UID):
-- the unique key is what stops two instances filing one message twice, and the lease
-- (claimed_by, lease_until) lets a dead instance's message be taken over, as the outbox does.
-- status: claimed (in hand) -> filed | unmatched | retry (filing failed; tried again) ->
-- unmatched (with last_error, after the last try) ; unmatched -> filed (by staff) | dismissed.
create table inbound_mail (
    id integer primary key autoincrement,
    mailbox text not null,
    uid_validity bigint not null,
    uid bigint not null,
    message_id text,                  -- the Message-ID header, when it has one
    status text not null check (status in ('claimed', 'retry', 'filed', 'unmatched', 'dismissed')),
    attempts bigint not null default 0,
    claimed_by text,
    lease_until bigint,
    case_id bigint references cases (id) on delete set null,
    filed_as text,                    -- note_internal, note_shared, from_child, bounce
    reason text,                      -- why unmatched: no_case, unknown_sender, other_case, ...
    sender text,
    subject text,
    sent_at bigint,                   -- the Date header, unix ms
    body text,                        -- the new part's plain text, stripped and cut to size
    attachments text,                 -- JSON [{name, size}]: listed, never kept
    last_error text,
    removed bigint not null default 0, -- 1 once moved or deleted from the mailbox
    created_at bigint not null,
    updated_at bigint not null,
    unique (mailbox, uid_validity, uid)
);
create index inbound_mail_status on inbound_mail (status);
create index inbound_mail_message_id on inbound_mail (message_id);
