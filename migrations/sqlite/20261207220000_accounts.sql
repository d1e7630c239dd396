-- Accounts managed in the browser (issue 17): two-factor sign-in with an authenticator app
-- (TOTP), single-use recovery codes, one-time links to set a password, and sign-ins that still
-- wait for their second factor.

alter table staff add column totp_secret text;       -- base32; set when the first code confirms it
alter table staff add column totp_pending text;      -- base32 shown at enrolment, not yet confirmed
alter table staff add column totp_last_step bigint;  -- the last 30 s step a code was taken for: no replay
alter table staff add column last_sign_in_at bigint;

create table staff_recovery_codes (
    id integer primary key autoincrement,
    staff_id bigint not null references staff (id) on delete cascade,
    code_hash text not null,          -- SHA-256 of a 75-bit random code, shown once
    used_at bigint,
    created_at bigint not null
);
create index staff_recovery_codes_staff_id on staff_recovery_codes (staff_id);

create table password_links (
    id integer primary key autoincrement,
    token_hash text not null unique,  -- SHA-256 of the token in the link: what a request is matched by
    staff_id bigint not null references staff (id) on delete cascade,
    created_by bigint references staff (id),
    expires_at bigint not null,
    used_at bigint,                   -- single use
    token text,                       -- the token itself, only until its email has gone
    created_at bigint not null
);
create index password_links_staff_id on password_links (staff_id);

-- null: signed in; 'code': the password was right, a code is still needed; 'enrol': the password
-- was right and two-factor sign-in must be set up before anything else.
alter table staff_sessions add column waiting_for text;
