-- The member's org path, kept by triggers: scope filters and the roll's ordered pages read the member
-- row (or one covering index) without joining org. Name search: prefix indexes for short fragments
-- (trigrams need 3 characters), trigram indexes on name and pinyin for longer ones.
ALTER TABLE "member" ADD COLUMN "org_path" "ltree";--> statement-breakpoint
UPDATE "member" m SET "org_path" = o."path" FROM "org" o WHERE o."id" = m."org_id";--> statement-breakpoint
ALTER TABLE "member" ALTER COLUMN "org_path" SET NOT NULL;--> statement-breakpoint
CREATE FUNCTION member_org_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.org_path := (SELECT path FROM org WHERE id = NEW.org_id);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER member_org_path BEFORE INSERT OR UPDATE OF org_id ON member FOR EACH ROW EXECUTE FUNCTION member_org_path();--> statement-breakpoint
CREATE FUNCTION org_path_to_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE member SET org_path = NEW.path WHERE org_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER org_path_to_members AFTER UPDATE OF path ON org FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path)
  EXECUTE FUNCTION org_path_to_members();--> statement-breakpoint
DROP INDEX "member_pinyin_idx";--> statement-breakpoint
CREATE INDEX "member_pinyin_trgm" ON "member" USING gin ("pinyin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "member_name_prefix" ON "member" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "member_initials_prefix" ON "member" USING btree (split_part("pinyin", ' ', 2) text_pattern_ops);--> statement-breakpoint
CREATE INDEX "member_org_path_gist" ON "member" USING gist ("org_path");--> statement-breakpoint
CREATE INDEX "member_roll_order" ON "member" USING btree ("pinyin","id") INCLUDE ("org_path") WHERE exit_type is null;
