-- Urgent emails go before routine ones. Between routine sends the worker asks whether an urgent
-- row is due; this index answers that without reading the routine backlog (thousands of rows
-- after an outage). Urgent rows are few, so it stays small.
create index outbox_urgent_due on outbox (status, next_attempt_at) where kind = 'urgent';
