-- Cases brought in from another system by `have-your-say import`: the id that system gave each
-- (or, for a file written by `have-your-say export`, the case's reference there), so importing
-- the same rows again adds nothing. Null for every case made here; many nulls never clash.
alter table cases add column external_id text;
create unique index cases_external_id on cases (external_id);
