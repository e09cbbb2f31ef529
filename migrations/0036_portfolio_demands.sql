CREATE TABLE "portfolio_demand_consultations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"demand_id" uuid NOT NULL,
	"party" text NOT NULL,
	"who" text NOT NULL,
	"on" date NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_demand_consultations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_demand_counters" (
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "portfolio_demand_counters_tenant_id_year_pk" PRIMARY KEY("tenant_id","year")
);
--> statement-breakpoint
CREATE TABLE "portfolio_demands" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"scope" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"outcome" text,
	"unit_id" uuid,
	"system_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"reason" text,
	"beneficiaries" text,
	"submitter_id" uuid,
	"from_ticket_id" uuid,
	"benefit_text" text,
	"yearly_savings" bigint,
	"hours_freed" integer,
	"investment" bigint,
	"running_cost" bigint,
	"affected_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"goal_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"risks" text,
	"effort" text,
	"ratings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"score" integer DEFAULT 0 NOT NULL,
	"prepared_by_forum_id" uuid,
	"prepared_on" date,
	"decision_id" uuid,
	"decided_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_demands_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"scoring" jsonb NOT NULL,
	"routing" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portfolio_demand_consultations" ADD CONSTRAINT "portfolio_demand_consultations_tenant_id_demand_id_portfolio_demands_tenant_id_id_fk" FOREIGN KEY ("tenant_id","demand_id") REFERENCES "public"."portfolio_demands"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_demand_counters" ADD CONSTRAINT "portfolio_demand_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_demands" ADD CONSTRAINT "portfolio_demands_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_demands" ADD CONSTRAINT "portfolio_demands_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_demands" ADD CONSTRAINT "portfolio_demands_tenant_id_submitter_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","submitter_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_settings" ADD CONSTRAINT "portfolio_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portfolio_demand_consultations_demand_idx" ON "portfolio_demand_consultations" USING btree ("tenant_id","demand_id","on");--> statement-breakpoint
CREATE UNIQUE INDEX "portfolio_demands_number_key" ON "portfolio_demands" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "portfolio_demands_ticket_key" ON "portfolio_demands" USING btree ("tenant_id","from_ticket_id") WHERE from_ticket_id is not null;--> statement-breakpoint
CREATE INDEX "portfolio_demands_rank_idx" ON "portfolio_demands" USING btree ("tenant_id","score" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "portfolio_demands_status_rank_idx" ON "portfolio_demands" USING btree ("tenant_id","status","score" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "portfolio_demands_newest_idx" ON "portfolio_demands" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "portfolio_demands_submitter_idx" ON "portfolio_demands" USING btree ("tenant_id","submitter_id","created_at");--> statement-breakpoint
CREATE INDEX "portfolio_demands_systems_idx" ON "portfolio_demands" USING gin ("system_ids");