CREATE TABLE "agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"moderator_id" uuid,
	CONSTRAINT "agenda_item_time_order" CHECK ("agenda_item"."ends_at" > "agenda_item"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "agenda_speaker" (
	"agenda_item_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text DEFAULT 'panelist' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "agenda_speaker_agenda_item_id_person_id_pk" PRIMARY KEY("agenda_item_id","person_id"),
	CONSTRAINT "agenda_speaker_role_check" CHECK ("agenda_speaker"."role" in ('opening', 'panelist', 'closing'))
);
--> statement-breakpoint
CREATE TABLE "app_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"person_id" uuid,
	"registration_id" uuid,
	"display_name" text,
	"email" text,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_source_check" CHECK ("attendance"."source" in ('zoom-csv', 'check-in', 'manual')),
	CONSTRAINT "attendance_time_order" CHECK ("attendance"."left_at" is null or "attendance"."left_at" >= "attendance"."joined_at")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" text,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	CONSTRAINT "auth_session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "auth_user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"role" text DEFAULT 'stakeholder' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_user_email_unique" UNIQUE("email"),
	CONSTRAINT "auth_user_role_check" CHECK ("auth_user"."role" in ('admin', 'organizer', 'rapporteur', 'stakeholder'))
);
--> statement-breakpoint
CREATE TABLE "auth_verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"paragraph_id" uuid NOT NULL,
	"person_id" uuid,
	"author_user_id" text,
	"reply_to_id" uuid,
	"text" text NOT NULL,
	"addressed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comment_has_author" CHECK ("comment"."person_id" is not null or "comment"."author_user_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "consultation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid,
	"slug" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"theme" text,
	"background" text,
	"time_zone" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"format" text DEFAULT 'online' NOT NULL,
	"meeting_link" text,
	"venue" text,
	"review_objectives" text[] DEFAULT '{}'::text[] NOT NULL,
	"participation_rules" text,
	"expected_outcomes" text,
	"capacity" integer,
	"registration_opens_at" timestamp with time zone,
	"registration_closes_at" timestamp with time zone,
	"is_one_per_organization" boolean DEFAULT true NOT NULL,
	"is_chatham_house" boolean DEFAULT true NOT NULL,
	"is_recorded" boolean DEFAULT false NOT NULL,
	"anonymity_threshold" integer DEFAULT 3 NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_slug_unique" UNIQUE("slug"),
	CONSTRAINT "consultation_status_check" CHECK ("consultation"."status" in ('draft', 'published', 'cancelled')),
	CONSTRAINT "consultation_format_check" CHECK ("consultation"."format" in ('online', 'in-person', 'hybrid')),
	CONSTRAINT "consultation_time_order" CHECK ("consultation"."ends_at" > "consultation"."starts_at"),
	CONSTRAINT "consultation_capacity_positive" CHECK ("consultation"."capacity" is null or "consultation"."capacity" > 0),
	CONSTRAINT "consultation_anonymity_threshold_min" CHECK ("consultation"."anonymity_threshold" >= 2),
	CONSTRAINT "consultation_registration_order" CHECK ("consultation"."registration_opens_at" is null or "consultation"."registration_closes_at" is null or "consultation"."registration_closes_at" > "consultation"."registration_opens_at")
);
--> statement-breakpoint
CREATE TABLE "consultation_objective" (
	"consultation_id" uuid NOT NULL,
	"objective_id" text NOT NULL,
	CONSTRAINT "consultation_objective_consultation_id_objective_id_pk" PRIMARY KEY("consultation_id","objective_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_staff" (
	"consultation_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "consultation_staff_consultation_id_user_id_role_pk" PRIMARY KEY("consultation_id","user_id","role"),
	CONSTRAINT "consultation_staff_role_check" CHECK ("consultation_staff"."role" in ('organizer', 'rapporteur'))
);
--> statement-breakpoint
CREATE TABLE "country" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"subregion_id" text,
	"is_escap_member" boolean DEFAULT false NOT NULL,
	"is_associate_member" boolean DEFAULT false NOT NULL,
	CONSTRAINT "country_code_iso2" CHECK ("country"."code" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "country_commitment" (
	"country_code" text NOT NULL,
	"process_id" uuid NOT NULL,
	"is_champion" boolean DEFAULT false NOT NULL,
	"voluntary_review_year" integer,
	"national_action_plan_status" text DEFAULT 'none' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "country_commitment_country_code_process_id_pk" PRIMARY KEY("country_code","process_id"),
	CONSTRAINT "country_commitment_nap_check" CHECK ("country_commitment"."national_action_plan_status" in ('none', 'in-preparation', 'adopted'))
);
--> statement-breakpoint
CREATE TABLE "document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"file_name" text,
	"media_type" text,
	"content" "bytea",
	"language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_link_or_file" CHECK ("document"."url" is not null or "document"."content" is not null)
);
--> statement-breakpoint
CREATE TABLE "follow_up" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"happened_on" date NOT NULL,
	"note" text NOT NULL,
	"evidence_url" text,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "footnote" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"paragraph_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "guiding_principle" (
	"id" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"letter" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guiding_question" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objective" (
	"id" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"short_title" text NOT NULL,
	"cluster" integer,
	CONSTRAINT "objective_number_positive" CHECK ("objective"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "organization" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"country_code" text,
	"category_id" text,
	"website" text,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizing_team_member" (
	"consultation_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "organizing_team_member_consultation_id_organization_id_pk" PRIMARY KEY("consultation_id","organization_id"),
	CONSTRAINT "organizing_team_role_check" CHECK ("organizing_team_member"."role" in ('lead-agency', 'co-designer'))
);
--> statement-breakpoint
CREATE TABLE "outbox_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "paragraph" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"section" text,
	"list_letter" text,
	"text" text NOT NULL,
	CONSTRAINT "paragraph_kind_check" CHECK ("paragraph"."kind" in ('heading', 'paragraph', 'list-item', 'annex'))
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"honorific" text,
	"job_title" text,
	"email" text,
	"phone" text,
	"gender" text,
	"gender_self_description" text,
	"country_code" text,
	"organization_id" uuid,
	"category_id" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"accessibility_needs" text,
	"consent_to_contact" boolean DEFAULT false NOT NULL,
	"consent_to_list" boolean DEFAULT false NOT NULL,
	"preferred_locale" text DEFAULT 'en' NOT NULL,
	"user_id" text,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_gender_check" CHECK ("person"."gender" is null or "person"."gender" in ('woman', 'man', 'non-binary', 'self-described', 'prefer-not-to-say'))
);
--> statement-breakpoint
CREATE TABLE "pledge" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid,
	"organization_id" uuid,
	"country_code" text,
	"pledger_name" text NOT NULL,
	"commitment" text NOT NULL,
	"status" text DEFAULT 'announced' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledge_status_check" CHECK ("pledge"."status" in ('announced', 'in-progress', 'fulfilled', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "pledge_objective" (
	"pledge_id" uuid NOT NULL,
	"objective_id" text NOT NULL,
	CONSTRAINT "pledge_objective_pledge_id_objective_id_pk" PRIMARY KEY("pledge_id","objective_id")
);
--> statement-breakpoint
CREATE TABLE "practice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"country_code" text,
	"subregion_id" text,
	"category_id" text,
	"period_start" date,
	"period_end" date,
	"links" text[] DEFAULT '{}'::text[] NOT NULL,
	"submitter_name" text,
	"submitter_email" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(summary, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_status_check" CHECK ("practice"."status" in ('submitted', 'published', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "practice_objective" (
	"practice_id" uuid NOT NULL,
	"objective_id" text NOT NULL,
	CONSTRAINT "practice_objective_practice_id_objective_id_pk" PRIMARY KEY("practice_id","objective_id")
);
--> statement-breakpoint
CREATE TABLE "practice_principle" (
	"practice_id" uuid NOT NULL,
	"principle_id" text NOT NULL,
	CONSTRAINT "practice_principle_practice_id_principle_id_pk" PRIMARY KEY("practice_id","principle_id")
);
--> statement-breakpoint
CREATE TABLE "recommendation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid,
	"consultation_id" uuid,
	"statement_id" uuid,
	"report_version_id" uuid,
	"list_letter" text,
	"position" integer DEFAULT 0 NOT NULL,
	"text" text NOT NULL,
	"addressees" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_status_check" CHECK ("recommendation"."status" in ('open', 'in-progress', 'implemented', 'no-action'))
);
--> statement-breakpoint
CREATE TABLE "recommendation_objective" (
	"recommendation_id" uuid NOT NULL,
	"objective_id" text NOT NULL,
	CONSTRAINT "recommendation_objective_recommendation_id_objective_id_pk" PRIMARY KEY("recommendation_id","objective_id")
);
--> statement-breakpoint
CREATE TABLE "registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"is_one_per_organization" boolean NOT NULL,
	"category_id" text,
	"country_code" text,
	"gender" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"interpretation_needs" text,
	"accessibility_needs" text,
	"idempotency_key" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "registration_status_check" CHECK ("registration"."status" in ('submitted', 'selected', 'waitlisted', 'declined', 'confirmed', 'withdrawn')),
	CONSTRAINT "registration_gender_check" CHECK ("registration"."gender" is null or "registration"."gender" in ('woman', 'man', 'non-binary', 'self-described', 'prefer-not-to-say'))
);
--> statement-breakpoint
CREATE TABLE "report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_consultation_id_unique" UNIQUE("consultation_id"),
	CONSTRAINT "report_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "report_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"based_on_version_id" uuid,
	"note" text,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"comments_open_at" timestamp with time zone,
	"comments_close_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	CONSTRAINT "report_version_state_check" CHECK ("report_version"."state" in ('draft', 'circulated', 'published'))
);
--> statement-breakpoint
CREATE TABLE "review_process" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"framework_id" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_process_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "selection_probability" (
	"run_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"probability" double precision NOT NULL,
	"is_selected" boolean DEFAULT false NOT NULL,
	"waitlist_position" integer,
	CONSTRAINT "selection_probability_run_id_registration_id_pk" PRIMARY KEY("run_id","registration_id"),
	CONSTRAINT "selection_probability_range" CHECK ("selection_probability"."probability" >= 0 and "selection_probability"."probability" <= 1)
);
--> statement-breakpoint
CREATE TABLE "selection_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"created_by_user_id" text,
	"algorithm" text NOT NULL,
	"panel_size" integer NOT NULL,
	"quotas" jsonb NOT NULL,
	"seed" text NOT NULL,
	"distribution" jsonb,
	"distribution_hash" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"outcome" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "selection_run_status_check" CHECK ("selection_run"."status" in ('pending', 'completed', 'infeasible', 'accepted', 'discarded')),
	CONSTRAINT "selection_run_panel_size_positive" CHECK ("selection_run"."panel_size" > 0)
);
--> statement-breakpoint
CREATE TABLE "stakeholder_category" (
	"id" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"speaker_id" uuid,
	"attribution" text NOT NULL,
	"descriptors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"text" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_recommendation" boolean DEFAULT false NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statement_attribution_check" CHECK ("statement"."attribution" in ('on-record', 'non-attributable'))
);
--> statement-breakpoint
CREATE TABLE "statement_objective" (
	"statement_id" uuid NOT NULL,
	"objective_id" text NOT NULL,
	CONSTRAINT "statement_objective_statement_id_objective_id_pk" PRIMARY KEY("statement_id","objective_id")
);
--> statement-breakpoint
CREATE TABLE "subregion" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "written_input" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid,
	"consultation_id" uuid,
	"person_id" uuid,
	"author_name" text,
	"organization_name" text,
	"email" text,
	"title" text,
	"text" text NOT NULL,
	"is_attribution_consented" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "written_input_status_check" CHECK ("written_input"."status" in ('submitted', 'published', 'rejected')),
	CONSTRAINT "written_input_target" CHECK ("written_input"."process_id" is not null or "written_input"."consultation_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_moderator_id_person_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_speaker" ADD CONSTRAINT "agenda_speaker_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_speaker" ADD CONSTRAINT "agenda_speaker_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_auth_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_account" ADD CONSTRAINT "auth_account_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_session" ADD CONSTRAINT "auth_session_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_paragraph_id_paragraph_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."paragraph"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_author_user_id_auth_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_reply_to_id_comment_id_fk" FOREIGN KEY ("reply_to_id") REFERENCES "public"."comment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_process_id_review_process_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."review_process"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_objective" ADD CONSTRAINT "consultation_objective_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_objective" ADD CONSTRAINT "consultation_objective_objective_id_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objective"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_staff" ADD CONSTRAINT "consultation_staff_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_staff" ADD CONSTRAINT "consultation_staff_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "country" ADD CONSTRAINT "country_subregion_id_subregion_id_fk" FOREIGN KEY ("subregion_id") REFERENCES "public"."subregion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "country_commitment" ADD CONSTRAINT "country_commitment_country_code_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."country"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "country_commitment" ADD CONSTRAINT "country_commitment_process_id_review_process_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."review_process"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_recommendation_id_recommendation_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "footnote" ADD CONSTRAINT "footnote_paragraph_id_paragraph_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."paragraph"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guiding_principle" ADD CONSTRAINT "guiding_principle_framework_id_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guiding_question" ADD CONSTRAINT "guiding_question_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective" ADD CONSTRAINT "objective_framework_id_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization" ADD CONSTRAINT "organization_country_code_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."country"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization" ADD CONSTRAINT "organization_category_id_stakeholder_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."stakeholder_category"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization" ADD CONSTRAINT "organization_merged_into_id_organization_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizing_team_member" ADD CONSTRAINT "organizing_team_member_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizing_team_member" ADD CONSTRAINT "organizing_team_member_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paragraph" ADD CONSTRAINT "paragraph_version_id_report_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."report_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_country_code_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."country"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_category_id_stakeholder_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."stakeholder_category"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_process_id_review_process_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."review_process"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_country_code_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."country"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_objective" ADD CONSTRAINT "pledge_objective_pledge_id_pledge_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledge"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_objective" ADD CONSTRAINT "pledge_objective_objective_id_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objective"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice" ADD CONSTRAINT "practice_process_id_review_process_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."review_process"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice" ADD CONSTRAINT "practice_country_code_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."country"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice" ADD CONSTRAINT "practice_subregion_id_subregion_id_fk" FOREIGN KEY ("subregion_id") REFERENCES "public"."subregion"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice" ADD CONSTRAINT "practice_category_id_stakeholder_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."stakeholder_category"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_objective" ADD CONSTRAINT "practice_objective_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_objective" ADD CONSTRAINT "practice_objective_objective_id_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objective"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_principle" ADD CONSTRAINT "practice_principle_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_principle" ADD CONSTRAINT "practice_principle_principle_id_guiding_principle_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."guiding_principle"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_process_id_review_process_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."review_process"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_statement_id_statement_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statement"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_report_version_id_report_version_id_fk" FOREIGN KEY ("report_version_id") REFERENCES "public"."report_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_objective" ADD CONSTRAINT "recommendation_objective_recommendation_id_recommendation_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_objective" ADD CONSTRAINT "recommendation_objective_objective_id_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objective"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_category_id_stakeholder_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."stakeholder_category"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_country_code_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."country"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_version" ADD CONSTRAINT "report_version_report_id_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_version" ADD CONSTRAINT "report_version_based_on_version_id_report_version_id_fk" FOREIGN KEY ("based_on_version_id") REFERENCES "public"."report_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_version" ADD CONSTRAINT "report_version_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_process" ADD CONSTRAINT "review_process_framework_id_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_probability" ADD CONSTRAINT "selection_probability_run_id_selection_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."selection_run"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_probability" ADD CONSTRAINT "selection_probability_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_run" ADD CONSTRAINT "selection_run_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_run" ADD CONSTRAINT "selection_run_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_category" ADD CONSTRAINT "stakeholder_category_framework_id_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."framework"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement" ADD CONSTRAINT "statement_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement" ADD CONSTRAINT "statement_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement" ADD CONSTRAINT "statement_speaker_id_person_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement" ADD CONSTRAINT "statement_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_objective" ADD CONSTRAINT "statement_objective_statement_id_statement_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_objective" ADD CONSTRAINT "statement_objective_objective_id_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objective"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_input" ADD CONSTRAINT "written_input_process_id_review_process_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."review_process"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_input" ADD CONSTRAINT "written_input_consultation_id_consultation_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_input" ADD CONSTRAINT "written_input_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_item_position_uq" ON "agenda_item" USING btree ("consultation_id","position");--> statement-breakpoint
CREATE INDEX "attendance_consultation_idx" ON "attendance" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "auth_account_user_idx" ON "auth_account" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "auth_session_user_idx" ON "auth_session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "auth_verification_identifier_idx" ON "auth_verification" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "comment_paragraph_idx" ON "comment" USING btree ("paragraph_id");--> statement-breakpoint
CREATE INDEX "consultation_process_idx" ON "consultation" USING btree ("process_id");--> statement-breakpoint
CREATE INDEX "consultation_starts_idx" ON "consultation" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "footnote_position_uq" ON "footnote" USING btree ("paragraph_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "guiding_principle_framework_letter_uq" ON "guiding_principle" USING btree ("framework_id","letter");--> statement-breakpoint
CREATE UNIQUE INDEX "guiding_question_position_uq" ON "guiding_question" USING btree ("agenda_item_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "objective_framework_number_uq" ON "objective" USING btree ("framework_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_name_country_uq" ON "organization" USING btree (lower("name"),coalesce("country_code", ''));--> statement-breakpoint
CREATE INDEX "organization_category_idx" ON "organization" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "outbox_message_created_idx" ON "outbox_message" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "paragraph_position_uq" ON "paragraph" USING btree ("version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "person_email_uq" ON "person" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "person_organization_idx" ON "person" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "practice_search_idx" ON "practice" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_one_active_per_person_uq" ON "registration" USING btree ("consultation_id","person_id") WHERE "registration"."status" in ('submitted', 'selected', 'waitlisted', 'confirmed');--> statement-breakpoint
CREATE UNIQUE INDEX "registration_one_active_per_organization_uq" ON "registration" USING btree ("consultation_id","organization_id") WHERE "registration"."is_one_per_organization" and "registration"."status" in ('submitted', 'selected', 'waitlisted', 'confirmed');--> statement-breakpoint
CREATE INDEX "registration_consultation_idx" ON "registration" USING btree ("consultation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "report_version_number_uq" ON "report_version" USING btree ("report_id","number");--> statement-breakpoint
CREATE INDEX "statement_consultation_idx" ON "statement" USING btree ("consultation_id","agenda_item_id");