CREATE TABLE "governance_decision_links" (
	"tenant_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "governance_decision_links_tenant_id_decision_id_kind_record_id_pk" PRIMARY KEY("tenant_id","decision_id","kind","record_id")
);
--> statement-breakpoint
CREATE TABLE "governance_decisions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"forum_id" uuid,
	"body" text,
	"body_key" text GENERATED ALWAYS AS (coalesce("forum_id"::text, 'ext:' || lower(btrim("body")))) STORED NOT NULL,
	"meeting_id" uuid,
	"decided_on" date NOT NULL,
	"year" integer GENERATED ALWAYS AS ((extract(year from "decided_on"))::integer) STORED NOT NULL,
	"paragraph" integer NOT NULL,
	"title" text,
	"text" text NOT NULL,
	"registration_number" text,
	"status" text DEFAULT 'notStarted' NOT NULL,
	"responsible_id" uuid,
	"follow_up_on" date,
	"search_text" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('swedish', coalesce("title", '') || ' ' || coalesce("registration_number", '')), 'A') || setweight(to_tsvector('swedish', "text"), 'B') || setweight(to_tsvector('swedish', coalesce("body", '')), 'C')) STORED NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_decisions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "governance_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"registration_patterns" text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_document_versions" (
	"tenant_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"change_note" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_document_versions_tenant_id_document_id_number_pk" PRIMARY KEY("tenant_id","document_id","number")
);
--> statement-breakpoint
CREATE TABLE "governance_documents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("title"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"owner_id" uuid,
	"adopted_by_id" uuid,
	"valid_from" date,
	"valid_to" date,
	"review_interval_months" integer,
	"next_review_on" date,
	"review_reminder_days" integer DEFAULT 30 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"parent_id" uuid,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_documents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "governance_forum_members" (
	"tenant_id" uuid NOT NULL,
	"forum_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"deputy_id" uuid,
	"position" integer NOT NULL,
	CONSTRAINT "governance_forum_members_tenant_id_forum_id_person_id_pk" PRIMARY KEY("tenant_id","forum_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "governance_forums" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"kind" text NOT NULL,
	"meetings_per_year" integer NOT NULL,
	"meetings_per_year_max" integer,
	"mandate" text,
	"chair_id" uuid,
	"convener_id" uuid,
	"secretary_id" uuid,
	"decision_classes" text[] DEFAULT '{}'::text[] NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_forums_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "governance_decision_links" ADD CONSTRAINT "governance_decision_links_tenant_id_decision_id_governance_decisions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","decision_id") REFERENCES "public"."governance_decisions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_tenant_id_forum_id_governance_forums_tenant_id_id_fk" FOREIGN KEY ("tenant_id","forum_id") REFERENCES "public"."governance_forums"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_tenant_id_responsible_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","responsible_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_settings" ADD CONSTRAINT "governance_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_document_versions" ADD CONSTRAINT "governance_document_versions_tenant_id_document_id_governance_documents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."governance_documents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_document_versions" ADD CONSTRAINT "governance_document_versions_tenant_id_file_id_files_tenant_id_id_fk" FOREIGN KEY ("tenant_id","file_id") REFERENCES "public"."files"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_documents" ADD CONSTRAINT "governance_documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_documents" ADD CONSTRAINT "governance_documents_tenant_id_owner_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_documents" ADD CONSTRAINT "governance_documents_tenant_id_adopted_by_id_governance_decisions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","adopted_by_id") REFERENCES "public"."governance_decisions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_documents" ADD CONSTRAINT "governance_documents_tenant_id_parent_id_governance_documents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."governance_documents"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_forum_members" ADD CONSTRAINT "governance_forum_members_tenant_id_forum_id_governance_forums_tenant_id_id_fk" FOREIGN KEY ("tenant_id","forum_id") REFERENCES "public"."governance_forums"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_forum_members" ADD CONSTRAINT "governance_forum_members_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_forum_members" ADD CONSTRAINT "governance_forum_members_tenant_id_deputy_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","deputy_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_forums" ADD CONSTRAINT "governance_forums_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_forums" ADD CONSTRAINT "governance_forums_tenant_id_chair_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","chair_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_forums" ADD CONSTRAINT "governance_forums_tenant_id_convener_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","convener_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_forums" ADD CONSTRAINT "governance_forums_tenant_id_secretary_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","secretary_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governance_decision_links_record_idx" ON "governance_decision_links" USING btree ("tenant_id","kind","record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_decisions_paragraph_key" ON "governance_decisions" USING btree ("tenant_id","body_key","year","paragraph") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "governance_decisions_log_idx" ON "governance_decisions" USING btree ("tenant_id","decided_on","paragraph","id");--> statement-breakpoint
CREATE INDEX "governance_decisions_forum_idx" ON "governance_decisions" USING btree ("tenant_id","forum_id","decided_on") WHERE forum_id is not null;--> statement-breakpoint
CREATE INDEX "governance_decisions_search_idx" ON "governance_decisions" USING gin ("search_text");--> statement-breakpoint
CREATE INDEX "governance_documents_list_idx" ON "governance_documents" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "governance_documents_review_idx" ON "governance_documents" USING btree ("tenant_id","next_review_on") WHERE next_review_on is not null;--> statement-breakpoint
CREATE INDEX "governance_documents_parent_idx" ON "governance_documents" USING btree ("tenant_id","parent_id") WHERE parent_id is not null;--> statement-breakpoint
CREATE INDEX "governance_forum_members_person_idx" ON "governance_forum_members" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "governance_forum_members_deputy_idx" ON "governance_forum_members" USING btree ("tenant_id","deputy_id") WHERE deputy_id is not null;--> statement-breakpoint
CREATE INDEX "governance_forums_list_idx" ON "governance_forums" USING btree ("tenant_id","sort_name","id");