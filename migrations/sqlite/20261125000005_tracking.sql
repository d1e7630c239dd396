-- Coming back: a child's tracking sessions (after reference + secret words), "finish later"
-- codes for unsent conversations, and when a closed case was anonymised.

create table track_sessions (
    id text primary key,              -- SHA-256 of the cookie value
    case_id bigint not null references cases (id) on delete cascade,
    created_at bigint not null,
    last_seen_at bigint not null
);
create index track_sessions_case_id on track_sessions (case_id);

alter table conversations add column resume_code text;  -- "finish later" code, e.g. 7K4P-Q2MX
alter table conversations add column resume_hash text;  -- Argon2id of the secret words
create unique index conversations_resume_code on conversations (resume_code);

alter table cases add column anonymised_at bigint;      -- personal data removed, statistics kept
