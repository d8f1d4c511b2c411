ALTER TABLE "report_version" ADD COLUMN "comments_closed_notice_at" timestamp with time zone;--> statement-breakpoint
-- Periods that closed before this version: nobody waits for word of them.
UPDATE "report_version" SET "comments_closed_notice_at" = "comments_close_at" WHERE "comments_close_at" <= now();
