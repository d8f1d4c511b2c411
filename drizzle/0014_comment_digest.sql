ALTER TABLE "comment" ADD COLUMN "news_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "comment" ADD COLUMN "told_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "comment_news_idx" ON "comment" USING btree ("news_since") WHERE "comment"."news_since" is not null;--> statement-breakpoint
CREATE INDEX "comment_reply_to_idx" ON "comment" USING btree ("reply_to_id");