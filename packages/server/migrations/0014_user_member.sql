ALTER TABLE "app_user" ADD COLUMN "member_id" integer;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_member_key" ON "app_user" USING btree ("member_id") WHERE member_id is not null;