-- Enquiries and members' (councillors') enquiries are kinds a council records and counts.
--
-- SQLite cannot change a CHECK constraint in place, so the cases table is rebuilt as in
-- 20261204000010_casework.sql, every column kept (`Store::migrate` runs with foreign keys off,
-- so dropping the old table cascades to nothing, and checks every reference afterwards).

create table cases_kinds (
    id integer primary key autoincrement,
    reference text not null unique,
    secret_hash text not null,        -- Argon2id of the secret words
    submission_key text unique,       -- SHA-256 of the conversation token: makes submit idempotent
    flow_id text,
    flow_version bigint,
    kind text not null check (kind in ('complaint', 'compliment', 'comment', 'safety_concern',
                                        'enquiry', 'member_enquiry')),
    procedure text not null default 'statutory' check (procedure in ('statutory', 'corporate', 'informal')),
    stage bigint not null default 1 check (stage in (1, 2, 3)), -- read only for formal complaints
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
    due_on text,                      -- response due for the current stage; complaints only
    extended_due_on text,
    closed_at bigint,
    answers text not null,            -- JSON: every answer on the path the child took
    created_at bigint not null,
    updated_at bigint not null,
    stage_started_on text,
    acknowledge_by text,
    paused_since bigint,
    resolution text,
    anonymised_at bigint,
    submitter_role text,
    submitter_name text,
    submitter_organisation text,
    child_consent text,
    child_has_advocate text,
    held smallint not null default 0 check (held in (0, 1)),
    spam smallint not null default 0 check (spam in (0, 1)),
    suspect_honeypot smallint not null default 0 check (suspect_honeypot in (0, 1)),
    suspect_fast smallint not null default 0 check (suspect_fast in (0, 1)),
    completion_ms bigint,
    revision bigint not null default 0,
    responded_on text,                -- the current stage's response was sent (its effective date)
    paused_on text,                   -- alternative dispute resolution began (its effective date)
    last_step_on text,                -- effective date of the latest dated step
    urgent_reasons text,
    investigating_officer text,
    independent_person text,
    panel_on text,
    cost_investigation_pence bigint,
    cost_independent_person_pence bigint,
    cost_panel_pence bigint,
    remedy_pence bigint,
    remedy_for text,
    ombudsman_received_on text,
    ombudsman_decision text,
    ombudsman_remedy text,
    external_id text,
    council_outcome text
);
insert into cases_kinds (id, reference, secret_hash, submission_key, flow_id, flow_version, kind, procedure, stage, status, outcome, submitted_by, on_behalf_of, category, summary, desired_outcome, advocate_wanted, contact_method, contact_value, first_name, age, locale, urgent, team, assignee_id, method_of_receipt, received_at, acknowledged_at, due_on, extended_due_on, closed_at, answers, created_at, updated_at, stage_started_on, acknowledge_by, paused_since, resolution, anonymised_at, submitter_role, submitter_name, submitter_organisation, child_consent, child_has_advocate, held, spam, suspect_honeypot, suspect_fast, completion_ms, revision, responded_on, paused_on, last_step_on, urgent_reasons, investigating_officer, independent_person, panel_on, cost_investigation_pence, cost_independent_person_pence, cost_panel_pence, remedy_pence, remedy_for, ombudsman_received_on, ombudsman_decision, ombudsman_remedy, external_id, council_outcome)
    select id, reference, secret_hash, submission_key, flow_id, flow_version, kind, procedure, stage, status, outcome, submitted_by, on_behalf_of, category, summary, desired_outcome, advocate_wanted, contact_method, contact_value, first_name, age, locale, urgent, team, assignee_id, method_of_receipt, received_at, acknowledged_at, due_on, extended_due_on, closed_at, answers, created_at, updated_at, stage_started_on, acknowledge_by, paused_since, resolution, anonymised_at, submitter_role, submitter_name, submitter_organisation, child_consent, child_has_advocate, held, spam, suspect_honeypot, suspect_fast, completion_ms, revision, responded_on, paused_on, last_step_on, urgent_reasons, investigating_officer, independent_person, panel_on, cost_investigation_pence, cost_independent_person_pence, cost_panel_pence, remedy_pence, remedy_for, ombudsman_received_on, ombudsman_decision, ombudsman_remedy, external_id, council_outcome from cases;
drop table cases;
alter table cases_kinds rename to cases;

create index cases_status_due_on on cases (status, due_on);
create index cases_received_at on cases (received_at);
create index cases_held_spam on cases (held, spam);
create unique index cases_external_id on cases (external_id);
