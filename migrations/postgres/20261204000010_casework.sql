-- Typed casework. A safety concern ("I'm not safe") is a kind of its own, and a complaint may be
-- handled informally; each dated step keeps the day it really happened (effective_on) beside
-- when it was recorded (created_at); every change bumps the case's revision, so a form drawn
-- before someone else's change is refused instead of undoing it.

alter table cases drop constraint cases_kind_check;
alter table cases add constraint cases_kind_check
    check (kind in ('complaint', 'compliment', 'comment', 'safety_concern'));
alter table cases drop constraint cases_procedure_check;
alter table cases add constraint cases_procedure_check
    check (procedure in ('statutory', 'corporate', 'informal'));

alter table cases add column revision bigint not null default 0;
alter table cases add column responded_on text;
alter table cases add column paused_on text;
alter table cases add column last_step_on text;
alter table case_events add column effective_on text;

-- The "I'm not safe" route stored its cases as urgent comments.
update cases set kind = 'safety_concern'
    where kind = 'comment' and urgent = 1 and answers like '%"unsafe"%';
-- Only complaints have a reply-by date.
update cases set due_on = null, extended_due_on = null where kind <> 'complaint';
update cases set paused_on = to_char(to_timestamp(paused_since / 1000.0) at time zone 'Europe/London', 'YYYY-MM-DD')
    where paused_since is not null;
update cases set responded_on = (
    select to_char(to_timestamp(max(e.created_at) / 1000.0) at time zone 'Europe/London', 'YYYY-MM-DD')
    from case_events e where e.case_id = cases.id and e.kind = 'outcome'
) where outcome is not null;
update cases set last_step_on = coalesce((
    select to_char(to_timestamp(max(e.created_at) / 1000.0) at time zone 'Europe/London', 'YYYY-MM-DD')
    from case_events e
    where e.case_id = cases.id and e.kind in ('acknowledged', 'stage_changed', 'extended',
        'paused', 'resumed', 'outcome', 'closed', 'reopened', 'procedure_changed')
), to_char(to_timestamp(received_at / 1000.0) at time zone 'Europe/London', 'YYYY-MM-DD'));
