-- The council's own lists (see src/lists/): cases store each entry's stable id, never its label.
--
-- A complaint's category mentions: one row per mention (a complaint may mention the same
-- category twice, and the report counts by mention or by complaint), each with the stage the
-- complaint was at when it was recorded (null for a case without stages).
create table case_mentions (
    id integer primary key autoincrement,
    case_id bigint not null references cases (id) on delete cascade,
    category text not null,           -- a category id from the lists file
    stage integer,
    created_at bigint not null
);
create index case_mentions_case_id on case_mentions (case_id);

-- The teams a case is about (several may be); ids from the lists file. A team name typed
-- before teams were a list stays in cases.team until start-up finds it on the list (by its
-- current or a former label); one that matches nothing stays there, shown as not on the list
-- and never counted as a report row.
create table case_teams (
    id integer primary key autoincrement,
    case_id bigint not null references cases (id) on delete cascade,
    team text not null,
    created_at bigint not null,
    unique (case_id, team)
);
create index case_teams_case_id on case_teams (case_id);

-- What the council did about a complaint (apology, explanation, ...): ids from the lists file.
create table case_actions_taken (
    id integer primary key autoincrement,
    case_id bigint not null references cases (id) on delete cascade,
    action text not null,
    created_at bigint not null,
    unique (case_id, action)
);
create index case_actions_taken_case_id on case_actions_taken (case_id);

-- The council's own outcome (an id from the lists file), beside the statutory outcome.
alter table cases add column council_outcome text;

-- The built-in complaint aspects become mentions of the shipped categories with the same ids
-- (delay, communication, service_failure, service_quality, decision, staff_conduct). They were
-- recorded with the case, so at Stage 1 of a formal procedure.
insert into case_mentions (case_id, category, stage, created_at)
select a.case_id, a.aspect,
       case when c.kind = 'complaint' and c.procedure <> 'informal' then 1 else null end,
       a.created_at
from case_aspects a join cases c on c.id = a.case_id
order by a.id;

drop table case_aspects;
