CREATE TABLE "handover_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"requested_input" jsonb NOT NULL,
	"token_hash" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "handover_request_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "handover_request_status_check" CHECK ("handover_request"."status" in ('pending', 'accepted', 'expired'))
);
--> statement-breakpoint
ALTER TABLE "handover_request" ADD CONSTRAINT "handover_request_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;