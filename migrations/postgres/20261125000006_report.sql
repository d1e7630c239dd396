-- The annual report. A complaint may be about several things at once (a delay and how staff
-- behaved, say): the seed reports count these "aspects" separately from the case's one category,
-- so they live in their own table. Which stages a case reached is not stored: it is read from
-- the `stage_changed` events of the timeline, which is already the audit trail.

create table case_aspects (
    id bigint generated always as identity primary key,
    case_id bigint not null references cases (id) on delete cascade,
    aspect text not null,             -- delay, communication, service_failure, service_quality, decision, staff_conduct
    created_at bigint not null,
    unique (case_id, aspect)
);
create index case_aspects_case_id on case_aspects (case_id);

-- The report selects cases by when they were received.
create index cases_received_at on cases (received_at);
