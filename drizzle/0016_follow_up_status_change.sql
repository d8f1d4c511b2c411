ALTER TABLE "follow_up" ADD COLUMN "status_from" text;--> statement-breakpoint
ALTER TABLE "follow_up" ADD COLUMN "status_to" text;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_status_change_check" CHECK (("follow_up"."status_from" is null) = ("follow_up"."status_to" is null) and "follow_up"."status_from" in ('open', 'in-progress', 'implemented', 'no-action') is not false and "follow_up"."status_to" in ('open', 'in-progress', 'implemented', 'no-action') is not false);--> statement-breakpoint
-- Entries written before this migration: the status change is read back from its English note.
UPDATE "follow_up" SET
	"status_from" = CASE substring("note" from '^Status changed from (.+) to ') WHEN 'Open' THEN 'open' WHEN 'In progress' THEN 'in-progress' WHEN 'Implemented' THEN 'implemented' WHEN 'No action' THEN 'no-action' END,
	"status_to" = CASE substring("note" from ' to (.+)\.$') WHEN 'Open' THEN 'open' WHEN 'In progress' THEN 'in-progress' WHEN 'Implemented' THEN 'implemented' WHEN 'No action' THEN 'no-action' END
WHERE "note" ~ '^Status changed from (Open|In progress|Implemented|No action) to (Open|In progress|Implemented|No action)\.$';
