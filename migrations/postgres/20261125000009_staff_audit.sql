-- What staff did that belongs to no single case (a case's own timeline, case_events, records
-- every view of and change to that case): viewing and exporting the annual report, putting
-- failed emails back in the queue. Who, what and when; never case content.
create table staff_audit (
    id bigint generated always as identity primary key,
    staff_id bigint references staff (id),   -- null: the command line on the server
    action text not null,                     -- report_viewed, report_exported, emails_retried
    detail text,                              -- JSON: the year, the audience, a count
    created_at bigint not null
);
create index staff_audit_created_at on staff_audit (created_at);
