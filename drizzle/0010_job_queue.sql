ALTER TABLE "outbox_message" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_message" ADD COLUMN "last_error" text;--> statement-breakpoint
CREATE INDEX "outbox_message_unsent_idx" ON "outbox_message" USING btree ("created_at") WHERE "outbox_message"."sent_at" is null;--> statement-breakpoint
-- Runs left pending by a version that computed them inside the web process cannot finish (no job
-- was ever queued for them): say so before the one-pending-run-per-consultation index is created.
UPDATE "selection_run" SET "status" = 'failed', "outcome" = coalesce("outcome", '{}'::jsonb) || '{"error":"interrupted by an upgrade of Convene; start the selection again"}'::jsonb WHERE "status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "selection_run_one_pending_uq" ON "selection_run" USING btree ("consultation_id") WHERE "selection_run"."status" = 'pending';