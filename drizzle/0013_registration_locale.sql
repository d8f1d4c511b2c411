ALTER TABLE "handover_request" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "registration" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
-- Registrations made before: the language their person receives email in.
UPDATE "registration" r SET "locale" = p."preferred_locale" FROM "person" p WHERE p."id" = r."person_id" AND p."preferred_locale" <> 'en';
