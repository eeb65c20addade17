-- The rights of the application's own database role (docs/deploy.md §2). Run it as the role that
-- owns the tables (the one that ran `npm run db:migrate`), again after every migration:
--   psql -v ON_ERROR_STOP=1 -v app_role=jishi_app -d jishi -f packages/server/sql/app-role.sql
-- The application reads and writes business tables, but only appends to and reads the audit trail.
-- Not owning audit_log, it cannot disable, drop or replace its append-only trigger.

-- CREATE: pg-boss keeps its job queue in a schema of its own (pgboss), created at first start.
GRANT CONNECT, CREATE ON DATABASE :"DBNAME" TO :"app_role";

GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";

-- At start-up the server checks for pending migrations (drizzle's table, created if missing).
GRANT USAGE, CREATE ON SCHEMA drizzle TO :"app_role";
GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO :"app_role";

-- The audit trail: append and read, nothing else.
REVOKE ALL ON audit_log, audit_head FROM :"app_role";
GRANT SELECT, INSERT ON audit_log, audit_head TO :"app_role";
