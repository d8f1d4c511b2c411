CREATE TABLE "written_input_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"written_input_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "written_input_objective" (
	"written_input_id" uuid NOT NULL,
	"objective_id" text NOT NULL,
	CONSTRAINT "written_input_objective_written_input_id_objective_id_pk" PRIMARY KEY("written_input_id","objective_id")
);
--> statement-breakpoint
ALTER TABLE "practice" ADD COLUMN "moderated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "practice" ADD COLUMN "submission_key" uuid;--> statement-breakpoint
ALTER TABLE "recommendation" ADD COLUMN "paragraph_number" integer;--> statement-breakpoint
ALTER TABLE "written_input" ADD COLUMN "moderated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "written_input" ADD COLUMN "submission_key" uuid;--> statement-breakpoint
ALTER TABLE "written_input_attachment" ADD CONSTRAINT "written_input_attachment_written_input_id_written_input_id_fk" FOREIGN KEY ("written_input_id") REFERENCES "public"."written_input"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_input_objective" ADD CONSTRAINT "written_input_objective_written_input_id_written_input_id_fk" FOREIGN KEY ("written_input_id") REFERENCES "public"."written_input"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_input_objective" ADD CONSTRAINT "written_input_objective_objective_id_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objective"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "written_input_attachment_input_idx" ON "written_input_attachment" USING btree ("written_input_id");--> statement-breakpoint
CREATE INDEX "follow_up_recommendation_idx" ON "follow_up" USING btree ("recommendation_id","happened_on");--> statement-breakpoint
CREATE INDEX "recommendation_process_idx" ON "recommendation" USING btree ("process_id");--> statement-breakpoint
CREATE INDEX "recommendation_consultation_idx" ON "recommendation" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "written_input_process_idx" ON "written_input" USING btree ("process_id","status");--> statement-breakpoint
ALTER TABLE "practice" ADD CONSTRAINT "practice_submission_key_unique" UNIQUE("submission_key");--> statement-breakpoint
ALTER TABLE "written_input" ADD CONSTRAINT "written_input_submission_key_unique" UNIQUE("submission_key");