-- Facts of a complaint's later stages that councils publish (see `domain::facts`): who
-- investigated at Stage 2, when the Stage 3 panel sat, what each cost and any remedy paid (in
-- whole pence), and the Local Government and Social Care Ombudsman's enquiry and decision.
alter table cases add column investigating_officer text;
alter table cases add column independent_person text;
alter table cases add column panel_on text;
alter table cases add column cost_investigation_pence bigint;
alter table cases add column cost_independent_person_pence bigint;
alter table cases add column cost_panel_pence bigint;
alter table cases add column remedy_pence bigint;
alter table cases add column remedy_for text;
alter table cases add column ombudsman_received_on text;
alter table cases add column ombudsman_decision text;  -- pending, premature, declined, investigated_fault, investigated_no_fault
alter table cases add column ombudsman_remedy text;
