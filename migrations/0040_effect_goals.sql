CREATE TABLE "portfolio_benefit_follow_ups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"value" double precision,
	"comment" text,
	"due_on" date,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_benefit_follow_ups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_effect_goals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"indicator" text NOT NULL,
	"unit" text,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"responsible_id" uuid NOT NULL,
	"follow_up_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"answered_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"next_follow_up_on" date,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_effect_goals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "portfolio_benefit_follow_ups" ADD CONSTRAINT "portfolio_benefit_follow_ups_tenant_id_goal_id_portfolio_effect_goals_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goal_id") REFERENCES "public"."portfolio_effect_goals"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_effect_goals" ADD CONSTRAINT "portfolio_effect_goals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_effect_goals" ADD CONSTRAINT "portfolio_effect_goals_tenant_id_project_id_portfolio_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."portfolio_projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_effect_goals" ADD CONSTRAINT "portfolio_effect_goals_tenant_id_responsible_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","responsible_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portfolio_benefit_follow_ups_goal_idx" ON "portfolio_benefit_follow_ups" USING btree ("tenant_id","goal_id","measured_on","created_at");--> statement-breakpoint
CREATE INDEX "portfolio_effect_goals_project_idx" ON "portfolio_effect_goals" USING btree ("tenant_id","project_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "portfolio_effect_goals_list_idx" ON "portfolio_effect_goals" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "portfolio_effect_goals_responsible_idx" ON "portfolio_effect_goals" USING btree ("tenant_id","responsible_id","next_follow_up_on");--> statement-breakpoint
CREATE INDEX "portfolio_effect_goals_due_idx" ON "portfolio_effect_goals" USING btree ("tenant_id","next_follow_up_on");