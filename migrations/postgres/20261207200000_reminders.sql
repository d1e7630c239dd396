-- Reminders (issue 17). The daily digest to each officer and manager: one row per person per
-- London day, so however many instances run the daily tick, the unique (staff_id, day) lets
-- exactly one of them queue it (insert ... on conflict do nothing, in the same transaction as
-- its outbox row). The row keeps what was sent, for the audit trail: references, kinds, topics,
-- due dates and links only, never a child's words.
create table digests (
    id bigint generated always as identity primary key,
    staff_id bigint not null references staff (id) on delete cascade,
    day text not null,                -- YYYY-MM-DD in England
    cases bigint not null,            -- how many cases it lists (never 0: nobody gets an empty one)
    subject text not null,
    body_text text not null,
    body_html text not null,
    created_at bigint not null,
    unique (staff_id, day)
);

-- An outbox row is now about a case or a digest (exactly one).
alter table outbox alter column case_id drop not null;
alter table outbox add column digest_id bigint references digests (id) on delete cascade;
alter table outbox add constraint outbox_about_one check ((case_id is null) <> (digest_id is null));
create index outbox_digest_id on outbox (digest_id);
-- The "there is a reply for you" throttle looks up a case's latest such email.
create index outbox_case_kind on outbox (case_id, kind);
