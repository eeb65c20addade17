-- Two writers linking to the same predecessor would fork the chain; make that fail loudly
-- (the advisory lock prevents it under READ COMMITTED, this holds under any isolation level).
CREATE UNIQUE INDEX audit_log_prev_hash_key ON audit_log (prev_hash);
