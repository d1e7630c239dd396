-- Staff accounts, their sessions, login throttling, and the case fields the statutory
-- procedure needs. Sessions live here so any instance can serve any staff request.

create table staff (
    id integer primary key autoincrement,
    email text not null unique,       -- lower case
    name text not null,
    role text not null check (role in ('officer', 'advocate', 'manager', 'admin')),
    password_hash text not null,      -- Argon2id
    failed_logins bigint not null default 0,
    locked_until bigint,              -- after repeated failures; unix ms
    disabled_at bigint,
    created_at bigint not null,
    updated_at bigint not null
);

create table staff_sessions (
    id text primary key,              -- SHA-256 of the cookie value, never the value
    staff_id bigint not null references staff (id) on delete cascade,
    csrf_token text not null,         -- sent back in every staff form
    created_at bigint not null,       -- for the 12 hour absolute limit
    last_seen_at bigint not null      -- for the 30 minute idle limit
);
create index staff_sessions_staff_id on staff_sessions (staff_id);

create table login_attempts (
    id integer primary key autoincrement,
    throttle_key text not null,       -- 'ip:<address>' or 'email:<sha256>'
    created_at bigint not null
);
create index login_attempts_key_created on login_attempts (throttle_key, created_at);

alter table cases add column stage_started_on text;   -- the day the current stage's clock started
alter table cases add column acknowledge_by text;     -- acknowledgement due
alter table cases add column paused_since bigint;     -- alternative dispute resolution, agreed
alter table cases add column resolution text;         -- what was done, with the outcome
