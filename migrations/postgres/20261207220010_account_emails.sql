-- The email that carries a password-set link is an outbox row too, about the link (issue 17):
-- a row is about exactly one of a case, a digest or a password link.
alter table outbox add column password_link_id bigint references password_links (id) on delete cascade;
alter table outbox drop constraint outbox_about_one;
alter table outbox add constraint outbox_about_one
    check (num_nonnulls(case_id, digest_id, password_link_id) = 1);
create index outbox_password_link_id on outbox (password_link_id);
