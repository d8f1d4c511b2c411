-- Public pages keep what they read in memory (src/lib/server/read-cache.ts) until it changes: a
-- write to a table they may read sends NOTIFY convene_change with the table's name, which PostgreSQL
-- delivers at commit to every Convene process listening on this database (or, on the embedded
-- database, to the one process that holds it). Statement-level: one notification per statement, and
-- repeats within a transaction are sent once. The tables left out (registrations, sessions, mail,
-- rate limits, audit…) change on every request and no cached read touches them (read-cache.spec.ts
-- checks both). A person is shown on public pages only through a tracked table (agenda_speaker), so
-- adding one says nothing; a change of what is shown (name, honorific, job title) or a removal does.
CREATE FUNCTION "convene_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('convene_change', TG_TABLE_NAME);
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "framework_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "framework" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "objective_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "objective" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "guiding_principle_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "guiding_principle" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "stakeholder_category_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "stakeholder_category" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "subregion_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "subregion" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "country_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "country" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "organization_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organization" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "person_notify_change_row" AFTER UPDATE ON "person" FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."honorific" IS DISTINCT FROM NEW."honorific" OR OLD."job_title" IS DISTINCT FROM NEW."job_title") EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "person_notify_change" AFTER DELETE OR TRUNCATE ON "person" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "review_process_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "review_process" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "consultation_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "consultation" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "consultation_objective_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "consultation_objective" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "organizing_team_member_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organizing_team_member" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "consultation_staff_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "consultation_staff" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "agenda_item_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "agenda_item" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "agenda_speaker_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "agenda_speaker" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "guiding_question_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "guiding_question" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "document_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "document" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "statement_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "statement" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "statement_objective_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "statement_objective" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "written_input_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "written_input" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "written_input_objective_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "written_input_objective" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "written_input_attachment_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "written_input_attachment" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "report_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "report" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "report_version_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "report_version" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "paragraph_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "paragraph" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "footnote_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "footnote" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "recommendation_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recommendation" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "recommendation_objective_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recommendation_objective" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "follow_up_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "follow_up" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "practice_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "practice" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "practice_objective_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "practice_objective" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "practice_principle_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "practice_principle" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "pledge_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pledge" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "pledge_objective_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pledge_objective" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
--> statement-breakpoint
CREATE TRIGGER "country_commitment_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "country_commitment" FOR EACH STATEMENT EXECUTE FUNCTION "convene_notify_change"();
