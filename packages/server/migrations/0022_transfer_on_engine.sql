-- 组织关系转接 on the workflow engine: a letter's status (pending / received / cancelled) moves from
-- member_transfer.status to its workflow_instance, which only advance() changes.
INSERT INTO "workflow_instance" ("kind", "subject_id", "state", "seq", "entered_on", "closed_on")
SELECT 'transfer', t.id, t.status, 0, coalesce(t.received_at, t.issued_at),
	CASE WHEN t.status <> 'pending' THEN coalesce(t.received_at, t.issued_at) END
FROM "member_transfer" t;--> statement-breakpoint
ALTER TABLE "member_transfer" DROP COLUMN "status";
