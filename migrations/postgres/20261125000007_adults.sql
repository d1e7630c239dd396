-- An adult on a child's behalf: who they are, and what they said about the child's consent.
alter table cases add column submitter_role text;          -- e.g. advocate, foster_carer
alter table cases add column submitter_name text;
alter table cases add column submitter_organisation text;
alter table cases add column child_consent text;           -- yes, no, too_young, dont_know
alter table cases add column child_has_advocate text;      -- yes, no, dont_know
