-- A compliance snapshot was served as the day's figures after payments, member changes and meetings
-- had changed them. Every write to a table the scan reads now logs the org it touches, with its
-- transaction id, by trigger (so no write path can forget it); a snapshot records the MVCC snapshot
-- it was computed under and is trusted only while every logged change of its org is visible in it.
CREATE TABLE "compliance_change" (
  "org_id" integer,
  "xid" xid8 DEFAULT pg_current_xact_id() NOT NULL
);--> statement-breakpoint
CREATE INDEX "compliance_change_org" ON "compliance_change" USING btree ("org_id");--> statement-breakpoint
ALTER TABLE "compliance_snapshot" ADD COLUMN "seen" pg_snapshot;--> statement-breakpoint
-- TG_ARGV[0]: the org of a changed row `r`, as an SQL expression; or 'all' with TG_ARGV[1] the rows
-- that concern every org (the meetings settings the scan reads), logged as a null org.
CREATE FUNCTION compliance_change_log() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text := CASE TG_OP WHEN 'INSERT' THEN 'select * from new_rows' WHEN 'DELETE' THEN 'select * from old_rows'
    ELSE 'select * from new_rows union all select * from old_rows' END;
BEGIN
  IF TG_ARGV[0] = 'all' THEN
    EXECUTE format('insert into compliance_change (org_id) select null where exists (select 1 from (%s) r where %s)', src, TG_ARGV[1]);
  ELSE
    EXECUTE format('insert into compliance_change (org_id) select distinct o from (select %s as o from (%s) r) x where o is not null',
      TG_ARGV[0], src);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
DO $$
DECLARE
  t record;
  args text;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('org', 'r.id'),
    ('member', 'r.org_id'),
    ('meeting', 'r.org_id'),
    ('committee', 'r.org_id'),
    ('committee_member', '(select c.org_id from committee c where c.id = r.committee_id)'),
    ('party_group', 'r.org_id'),
    ('dues_assessment', '(select m.org_id from member m where m.id = r.member_id)'),
    ('dues_payment', 'r.org_id'),
    ('setting', 'all')
  ) AS x(tab, expr) LOOP
    args := quote_literal(t.expr);
    -- The audit chain's head lives in `setting` too: only the meetings settings concern the scan.
    IF t.tab = 'setting' THEN
      args := args || ', ' || quote_literal('r.key = ''meetings''');
    END IF;
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_change_log(%s)',
      t.tab || '_compliance_insert', t.tab, args);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_change_log(%s)',
      t.tab || '_compliance_update', t.tab, args);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_change_log(%s)',
      t.tab || '_compliance_delete', t.tab, args);
  END LOOP;
END $$;
