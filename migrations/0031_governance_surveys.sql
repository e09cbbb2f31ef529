CREATE TABLE "governance_survey_answers" (
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"value" integer,
	"text" text,
	"comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "governance_survey_answers_tenant_id_round_id_question_id_pk" PRIMARY KEY("tenant_id","round_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "governance_survey_revisions" (
	"tenant_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"sections" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_survey_revisions_tenant_id_template_id_revision_pk" PRIMARY KEY("tenant_id","template_id","revision")
);
--> statement-breakpoint
CREATE TABLE "governance_survey_rounds" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"forum_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_survey_rounds_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "governance_survey_templates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"sort_title" text GENERATED ALWAYS AS (translate(lower("title"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_survey_templates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "governance_survey_answers" ADD CONSTRAINT "governance_survey_answers_tenant_id_round_id_governance_survey_rounds_tenant_id_id_fk" FOREIGN KEY ("tenant_id","round_id") REFERENCES "public"."governance_survey_rounds"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_survey_revisions" ADD CONSTRAINT "governance_survey_revisions_tenant_id_template_id_governance_survey_templates_tenant_id_id_fk" FOREIGN KEY ("tenant_id","template_id") REFERENCES "public"."governance_survey_templates"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_survey_rounds" ADD CONSTRAINT "governance_survey_rounds_tenant_id_template_id_revision_governance_survey_revisions_tenant_id_template_id_revision_fk" FOREIGN KEY ("tenant_id","template_id","revision") REFERENCES "public"."governance_survey_revisions"("tenant_id","template_id","revision") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_survey_rounds" ADD CONSTRAINT "governance_survey_rounds_tenant_id_forum_id_governance_forums_tenant_id_id_fk" FOREIGN KEY ("tenant_id","forum_id") REFERENCES "public"."governance_forums"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_survey_templates" ADD CONSTRAINT "governance_survey_templates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "governance_survey_rounds_key" ON "governance_survey_rounds" USING btree ("tenant_id","forum_id","template_id","year");--> statement-breakpoint
CREATE INDEX "governance_survey_rounds_list_idx" ON "governance_survey_rounds" USING btree ("tenant_id","year","id");--> statement-breakpoint
CREATE INDEX "governance_survey_rounds_template_idx" ON "governance_survey_rounds" USING btree ("tenant_id","template_id","forum_id","year");--> statement-breakpoint
CREATE INDEX "governance_survey_templates_list_idx" ON "governance_survey_templates" USING btree ("tenant_id","sort_title","id");