-- Small facts the service keeps about itself, e.g. which working-day calendar the stored due
-- dates were worked out with.
create table app_settings (
    key text primary key,
    value text not null,
    updated_at bigint not null
);
