-- 测评 counted per entry and choice instead of a row per ballot: rows could be ordered and matched to the audit log.
CREATE TABLE "ballot_tally" (
	"entry_id" integer NOT NULL,
	"choice" text NOT NULL,
	"votes" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ballot_tally" ADD CONSTRAINT "ballot_tally_entry_id_round_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."round_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ballot_tally_key" ON "ballot_tally" USING btree ("entry_id","choice");--> statement-breakpoint
ALTER TABLE ballot_tally ADD CONSTRAINT ballot_tally_choice_check CHECK (choice IN ('good', 'fairly_good', 'average', 'poor'));--> statement-breakpoint
ALTER TABLE ballot_tally ADD CONSTRAINT ballot_tally_votes_check CHECK (votes > 0);--> statement-breakpoint
INSERT INTO ballot_tally (entry_id, choice, votes) SELECT entry_id, choice, count(*)::int FROM ballot GROUP BY entry_id, choice;
