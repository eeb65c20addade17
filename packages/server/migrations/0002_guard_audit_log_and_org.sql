-- The audit log is evidence: rows are appended, never changed or removed (ARCHITECTURE.md Audit).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计日志只允许追加，不允许修改或删除 (audit_log is append-only)';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- Keep the closed vocabularies in the database too, so no import path can store a stray value.
ALTER TABLE org ADD CONSTRAINT org_type_check CHECK (type IN
  ('committee', 'working_committee', 'general_branch', 'branch', 'joint_branch', 'temporary_branch'));
--> statement-breakpoint
ALTER TABLE org ADD CONSTRAINT org_domain_check CHECK (domain IN
  ('village', 'community', 'organ', 'institution', 'school', 'soe', 'private_enterprise', 'social_org', 'university', 'mixed'));
--> statement-breakpoint
ALTER TABLE org ADD CONSTRAINT org_path_ends_with_id CHECK (subpath(path, nlevel(path) - 1)::text = id::text);
--> statement-breakpoint
ALTER TABLE user_grant ADD CONSTRAINT user_grant_role_check CHECK (role IN
  ('org_admin', 'branch_admin', 'grid_worker', 'member', 'sysadmin', 'secadmin', 'auditor'));
