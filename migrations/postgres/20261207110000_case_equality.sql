-- Equality monitoring answers (special category data, UK GDPR Art. 9), one row per case whose
-- child was asked the optional "About you" questions. Values only, from closed lists; null when
-- the child skipped the questions. Kept apart from `cases.answers` so that no case page, email
-- or export of a case can show them: only the annual report reads this table, as counts. The
-- retention purge deletes a case's row when it anonymises the case.
create table case_equality (
    case_id bigint primary key references cases (id) on delete cascade,
    gender text check (gender in ('girl', 'boy', 'another_way', 'prefer_not_to_say')),
    disability text check (disability in ('yes', 'no', 'not_sure', 'prefer_not_to_say')),
    ethnicity text check (ethnicity in ('asian', 'black', 'mixed', 'white', 'other', 'prefer_not_to_say'))
);
