-- Inserts that already carry the org path (the importer and the registry looked the branch up)
-- skip the per-row lookup; the trigger fills it only when it is missing.
DROP TRIGGER member_org_path ON member;--> statement-breakpoint
CREATE TRIGGER member_org_path_insert BEFORE INSERT ON member FOR EACH ROW WHEN (NEW.org_path IS NULL)
  EXECUTE FUNCTION member_org_path();--> statement-breakpoint
CREATE TRIGGER member_org_path_update BEFORE UPDATE OF org_id ON member FOR EACH ROW EXECUTE FUNCTION member_org_path();
--> statement-breakpoint
-- Pinyin is matched from the start (see searchMembers): its trigram index costs every insert and serves no query.
DROP INDEX "member_pinyin_trgm";
