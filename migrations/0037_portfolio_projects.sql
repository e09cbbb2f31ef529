CREATE TABLE "portfolio_deviations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"consequence" text,
	"proposed_action" text,
	"needs_decision" boolean NOT NULL,
	"forum_id" uuid,
	"meeting_id" uuid,
	"raised_by" uuid,
	"raised_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_deviations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_projects" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"phase" text DEFAULT 'preStudy' NOT NULL,
	"demand_id" uuid,
	"initiative_id" uuid,
	"manager_id" uuid,
	"steering_group_id" uuid,
	"unit_id" uuid,
	"system_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"report_cadence" text DEFAULT 'monthly' NOT NULL,
	"next_report_on" date,
	"budget" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"risks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"handover_system_id" uuid,
	"handed_over_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_projects_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_status_reports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"time" text NOT NULL,
	"time_note" text,
	"cost" text NOT NULL,
	"cost_note" text,
	"scope" text NOT NULL,
	"scope_note" text,
	"summary" text,
	"reported_by" uuid,
	"reported_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_status_reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "portfolio_deviations" ADD CONSTRAINT "portfolio_deviations_tenant_id_project_id_portfolio_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."portfolio_projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_deviations" ADD CONSTRAINT "portfolio_deviations_tenant_id_forum_id_governance_forums_tenant_id_id_fk" FOREIGN KEY ("tenant_id","forum_id") REFERENCES "public"."governance_forums"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_deviations" ADD CONSTRAINT "portfolio_deviations_tenant_id_meeting_id_governance_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."governance_meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_projects" ADD CONSTRAINT "portfolio_projects_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_projects" ADD CONSTRAINT "portfolio_projects_tenant_id_manager_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","manager_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_projects" ADD CONSTRAINT "portfolio_projects_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_projects" ADD CONSTRAINT "portfolio_projects_tenant_id_steering_group_id_governance_forums_tenant_id_id_fk" FOREIGN KEY ("tenant_id","steering_group_id") REFERENCES "public"."governance_forums"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_projects" ADD CONSTRAINT "portfolio_projects_tenant_id_demand_id_portfolio_demands_tenant_id_id_fk" FOREIGN KEY ("tenant_id","demand_id") REFERENCES "public"."portfolio_demands"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_projects" ADD CONSTRAINT "portfolio_projects_tenant_id_handover_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","handover_system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_status_reports" ADD CONSTRAINT "portfolio_status_reports_tenant_id_project_id_portfolio_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."portfolio_projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portfolio_deviations_project_idx" ON "portfolio_deviations" USING btree ("tenant_id","project_id","created_at");--> statement-breakpoint
CREATE INDEX "portfolio_deviations_forum_idx" ON "portfolio_deviations" USING btree ("tenant_id","forum_id");--> statement-breakpoint
CREATE INDEX "portfolio_projects_list_idx" ON "portfolio_projects" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "portfolio_projects_manager_idx" ON "portfolio_projects" USING btree ("tenant_id","manager_id");--> statement-breakpoint
CREATE INDEX "portfolio_projects_forum_idx" ON "portfolio_projects" USING btree ("tenant_id","steering_group_id");--> statement-breakpoint
CREATE INDEX "portfolio_projects_report_idx" ON "portfolio_projects" USING btree ("tenant_id","next_report_on");--> statement-breakpoint
CREATE INDEX "portfolio_projects_systems_idx" ON "portfolio_projects" USING gin ("system_ids");--> statement-breakpoint
CREATE INDEX "portfolio_status_reports_project_idx" ON "portfolio_status_reports" USING btree ("tenant_id","project_id","period_to");