-- Deleting the newest audit rows went unnoticed once a later row was written: the new row linked to
-- the survivor and the head seal (an ordinary setting) was rewritten. Now each row carries a gap-free
-- sequence number, and each write also appends the new head (seq, hash) to audit_head, append-only
-- like the log. A new row takes its number and its link from the last head, so a deleted tail leaves
-- a gap in audit_log that the verifier names.
ALTER TABLE audit_log ADD COLUMN seq bigint;
--> statement-breakpoint
-- Rows written so far are numbered in chain order; the append-only trigger is lifted for this alone.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
UPDATE audit_log a SET seq = n.seq FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM audit_log) n WHERE a.id = n.id;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX audit_log_seq_key ON audit_log (seq);
--> statement-breakpoint
CREATE TABLE audit_head (
  seq bigint PRIMARY KEY,
  hash text NOT NULL,
  at timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计日志只允许追加，不允许修改或删除 (% is append-only)', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_head_no_update BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- The first head is the old seal's: if it names a row that is no longer the last one (a tail was
-- deleted before this upgrade), it is placed one past the last row, so the verifier reports the gap.
WITH last AS (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1),
sealed AS (
  SELECT (CASE jsonb_typeof(value) WHEN 'string' THEN (value #>> '{}')::jsonb ELSE value END) ->> 'hash' AS hash
  FROM setting WHERE key = 'audit.head'
)
INSERT INTO audit_head (seq, hash, at)
SELECT coalesce((SELECT seq FROM last), 0)
         + CASE WHEN (SELECT hash FROM sealed) IS NULL OR (SELECT hash FROM sealed) = (SELECT hash FROM last) THEN 0 ELSE 1 END,
       coalesce((SELECT hash FROM sealed), (SELECT hash FROM last)),
       now()
WHERE EXISTS (SELECT 1 FROM last) OR EXISTS (SELECT 1 FROM sealed);
--> statement-breakpoint
DELETE FROM setting WHERE key = 'audit.head';
