-- The child's conversation and the case it becomes. Timestamps (*_at) are unix milliseconds in
-- UTC; dates (*_on) are 'YYYY-MM-DD'. The PostgreSQL migration of the same version has the same
-- tables and columns (a test checks).

create table conversations (
    id text primary key,              -- SHA-256 of the browser's cookie or API token, never the token
    flow_id text not null,
    flow_version bigint not null,
    state text not null,              -- JSON: current step, answers, trail
    locale text not null,
    revision bigint not null default 0, -- bumped on every save, so a stale double post cannot overwrite
    created_at bigint not null,
    updated_at bigint not null,
    expires_at bigint not null
);
create index conversations_expires_at on conversations (expires_at);

create table cases (
    id bigint generated always as identity primary key,
    reference text not null unique,
    secret_hash text not null,        -- Argon2id of the secret words
    submission_key text unique,       -- SHA-256 of the conversation token: makes submit idempotent
    flow_id text,
    flow_version bigint,
    kind text not null check (kind in ('complaint', 'compliment', 'comment')),
    procedure text not null default 'statutory' check (procedure in ('statutory', 'corporate')),
    stage bigint not null default 1 check (stage in (1, 2, 3)),
    status text not null default 'new',
    outcome text,
    submitted_by text not null,
    on_behalf_of text,
    category text,
    summary text,
    desired_outcome text,
    advocate_wanted text not null default 'no' check (advocate_wanted in ('yes', 'no', 'not_sure')),
    contact_method text not null,
    contact_value text,
    first_name text,
    age bigint,
    locale text not null,
    urgent smallint not null default 0 check (urgent in (0, 1)), -- a flag: portable across both back ends
    team text,
    assignee_id bigint,
    method_of_receipt text not null default 'online',
    received_at bigint not null,
    acknowledged_at bigint,
    due_on text,                      -- response due for the current stage
    extended_due_on text,
    closed_at bigint,
    answers text not null,            -- JSON: every answer on the path the child took
    created_at bigint not null,
    updated_at bigint not null
);
create index cases_status_due_on on cases (status, due_on);

create table case_events (
    id bigint generated always as identity primary key,
    case_id bigint not null references cases (id) on delete cascade,
    kind text not null,
    actor text not null,              -- 'child', 'system' or 'staff:<id>'
    detail text,                      -- JSON; may hold a child's words, so never logged
    created_at bigint not null
);
create index case_events_case_id on case_events (case_id, id);
