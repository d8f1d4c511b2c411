CREATE TABLE "privacy_check" (
	"text_hash" text NOT NULL,
	"protection" text NOT NULL,
	"findings" jsonb NOT NULL,
	"is_blocked" boolean NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_check_text_hash_protection_pk" PRIMARY KEY("text_hash","protection")
);
