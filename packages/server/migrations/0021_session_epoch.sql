-- Every server process caches sessions for a few seconds; a cached entry is trusted only while the
-- account's session_epoch is unchanged, so logout elsewhere, a new password, disabling and new
-- grants reach every process at its next request. The triggers bump it for any change that alters
-- what a session carries, whichever code (or operator) makes the change.
ALTER TABLE "app_user" ADD COLUMN "session_epoch" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE FUNCTION app_user_session_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.username, NEW.display_name, NEW.password_hash, NEW.home_org_id, NEW.member_id, NEW.must_change_password, NEW.disabled)
     IS DISTINCT FROM (OLD.username, OLD.display_name, OLD.password_hash, OLD.home_org_id, OLD.member_id, OLD.must_change_password, OLD.disabled)
  THEN
    NEW.session_epoch := OLD.session_epoch + 1;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER app_user_session_epoch BEFORE UPDATE ON app_user
  FOR EACH ROW EXECUTE FUNCTION app_user_session_epoch();
--> statement-breakpoint
CREATE FUNCTION user_grant_session_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE app_user SET session_epoch = session_epoch + 1 WHERE id = OLD.user_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE app_user SET session_epoch = session_epoch + 1 WHERE id = NEW.user_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER user_grant_session_epoch AFTER INSERT OR UPDATE OR DELETE ON user_grant
  FOR EACH ROW EXECUTE FUNCTION user_grant_session_epoch();
