CREATE TABLE "governance_goals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"perspective" text NOT NULL,
	"perspective_rank" integer GENERATED ALWAYS AS (case "perspective" when 'society' then 0 when 'service' then 1 when 'staff' then 2 when 'economy' then 3 else 4 end) STORED NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"sort_title" text GENERATED ALWAYS AS (translate(lower("title"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"owner_id" uuid,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_goals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "governance_indicator_values" (
	"tenant_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"target" double precision,
	"value" double precision,
	"frozen_at" timestamp with time zone,
	"frozen_source" text,
	CONSTRAINT "governance_indicator_values_tenant_id_indicator_id_year_pk" PRIMARY KEY("tenant_id","indicator_id","year")
);
--> statement-breakpoint
CREATE TABLE "governance_indicators" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"direction" text NOT NULL,
	"baseline" double precision,
	"baseline_year" integer,
	"target" double precision,
	"target_year" integer,
	"source_key" text,
	CONSTRAINT "governance_indicators_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "governance_initiative_goals" (
	"tenant_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "governance_initiative_goals_tenant_id_initiative_id_goal_id_pk" PRIMARY KEY("tenant_id","initiative_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "governance_plan_initiatives" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"responsible_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"planned_cost" bigint,
	"outcome_cost" bigint,
	"status_note" text,
	"decision_id" uuid,
	"project_link" text,
	CONSTRAINT "governance_plan_initiatives_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "governance_plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"end_year" integer,
	"title" text NOT NULL,
	"sort_title" text GENERATED ALWAYS AS (translate(lower("title"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"decision_id" uuid,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "governance_goals" ADD CONSTRAINT "governance_goals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_goals" ADD CONSTRAINT "governance_goals_tenant_id_owner_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_indicator_values" ADD CONSTRAINT "governance_indicator_values_tenant_id_indicator_id_governance_indicators_tenant_id_id_fk" FOREIGN KEY ("tenant_id","indicator_id") REFERENCES "public"."governance_indicators"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_indicators" ADD CONSTRAINT "governance_indicators_tenant_id_goal_id_governance_goals_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goal_id") REFERENCES "public"."governance_goals"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_initiative_goals" ADD CONSTRAINT "governance_initiative_goals_tenant_id_initiative_id_governance_plan_initiatives_tenant_id_id_fk" FOREIGN KEY ("tenant_id","initiative_id") REFERENCES "public"."governance_plan_initiatives"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_initiative_goals" ADD CONSTRAINT "governance_initiative_goals_tenant_id_goal_id_governance_goals_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goal_id") REFERENCES "public"."governance_goals"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_plan_initiatives" ADD CONSTRAINT "governance_plan_initiatives_tenant_id_plan_id_governance_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."governance_plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_plan_initiatives" ADD CONSTRAINT "governance_plan_initiatives_tenant_id_responsible_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","responsible_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_plan_initiatives" ADD CONSTRAINT "governance_plan_initiatives_tenant_id_decision_id_governance_decisions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","decision_id") REFERENCES "public"."governance_decisions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_plans" ADD CONSTRAINT "governance_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_plans" ADD CONSTRAINT "governance_plans_tenant_id_decision_id_governance_decisions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","decision_id") REFERENCES "public"."governance_decisions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governance_goals_list_idx" ON "governance_goals" USING btree ("tenant_id","perspective_rank","position","id");--> statement-breakpoint
CREATE INDEX "governance_goals_owner_idx" ON "governance_goals" USING btree ("tenant_id","owner_id") WHERE owner_id is not null;--> statement-breakpoint
CREATE INDEX "governance_indicators_goal_idx" ON "governance_indicators" USING btree ("tenant_id","goal_id","position");--> statement-breakpoint
CREATE INDEX "governance_initiative_goals_goal_idx" ON "governance_initiative_goals" USING btree ("tenant_id","goal_id");--> statement-breakpoint
CREATE INDEX "governance_plan_initiatives_plan_idx" ON "governance_plan_initiatives" USING btree ("tenant_id","plan_id","position");--> statement-breakpoint
CREATE INDEX "governance_plans_list_idx" ON "governance_plans" USING btree ("tenant_id","year","id");