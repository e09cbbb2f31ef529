CREATE TABLE "catalogue_asset_assignments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid,
	"from_on" date NOT NULL,
	"to_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_asset_assignments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_assets" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"serial" text NOT NULL,
	"model" text NOT NULL,
	"kind" text NOT NULL,
	"offering_id" uuid NOT NULL,
	"purchase_value" bigint NOT NULL,
	"purchased_on" date NOT NULL,
	"depreciation_months" integer NOT NULL,
	"replacement_due_on" date NOT NULL,
	"state" text DEFAULT 'inStock' NOT NULL,
	"unit_id" uuid,
	"person_id" uuid,
	"issued_on" date,
	"returned_on" date,
	"scrapped_on" date,
	"scrap_reason" text,
	"note" text,
	"replacement_notified_for" date,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_assets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_investment_budgets" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount" bigint NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_investment_budgets_tenant_id_year_pk" PRIMARY KEY("tenant_id","year")
);
--> statement-breakpoint
CREATE TABLE "catalogue_disputes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"raised_by_id" uuid,
	"state" text DEFAULT 'open' NOT NULL,
	"resolution_note" text,
	"resolved_by_id" uuid,
	"resolved_at" timestamp with time zone,
	"credit_line_id" uuid,
	"credited_amount" bigint,
	"credited_in_period" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_disputes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_run_lines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"offering_id" uuid,
	"subscription_id" uuid,
	"order_id" uuid,
	"source" text NOT NULL,
	"description" text NOT NULL,
	"quantity" numeric(16, 4) NOT NULL,
	"unit_price" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"cost_centre" text,
	"account" text,
	"activity" text,
	"counterpart" text,
	"billed_days" integer,
	"days_in_month" integer,
	"corrects_line_id" uuid,
	"note" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_run_lines_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_run_settings" (
	"tenant_id" uuid NOT NULL,
	"proration" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_run_settings_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_runs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"period" text NOT NULL,
	"state" text DEFAULT 'preview' NOT NULL,
	"proration" text,
	"total" bigint DEFAULT 0 NOT NULL,
	"line_count" integer DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"locked_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "catalogue_asset_assignments" ADD CONSTRAINT "catalogue_asset_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_asset_assignments" ADD CONSTRAINT "catalogue_asset_assignments_tenant_id_asset_id_catalogue_assets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","asset_id") REFERENCES "public"."catalogue_assets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_asset_assignments" ADD CONSTRAINT "catalogue_asset_assignments_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_asset_assignments" ADD CONSTRAINT "catalogue_asset_assignments_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_assets" ADD CONSTRAINT "catalogue_assets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_assets" ADD CONSTRAINT "catalogue_assets_tenant_id_offering_id_catalogue_offerings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offering_id") REFERENCES "public"."catalogue_offerings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_assets" ADD CONSTRAINT "catalogue_assets_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_assets" ADD CONSTRAINT "catalogue_assets_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_investment_budgets" ADD CONSTRAINT "catalogue_investment_budgets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_disputes" ADD CONSTRAINT "catalogue_disputes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_disputes" ADD CONSTRAINT "catalogue_disputes_tenant_id_line_id_catalogue_run_lines_tenant_id_id_fk" FOREIGN KEY ("tenant_id","line_id") REFERENCES "public"."catalogue_run_lines"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_disputes" ADD CONSTRAINT "catalogue_disputes_tenant_id_credit_line_id_catalogue_run_lines_tenant_id_id_fk" FOREIGN KEY ("tenant_id","credit_line_id") REFERENCES "public"."catalogue_run_lines"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_disputes" ADD CONSTRAINT "catalogue_disputes_tenant_id_raised_by_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","raised_by_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_disputes" ADD CONSTRAINT "catalogue_disputes_tenant_id_resolved_by_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resolved_by_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_run_lines" ADD CONSTRAINT "catalogue_run_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_run_lines" ADD CONSTRAINT "catalogue_run_lines_tenant_id_run_id_catalogue_runs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","run_id") REFERENCES "public"."catalogue_runs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_run_lines" ADD CONSTRAINT "catalogue_run_lines_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_run_lines" ADD CONSTRAINT "catalogue_run_lines_tenant_id_offering_id_catalogue_offerings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offering_id") REFERENCES "public"."catalogue_offerings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_run_lines" ADD CONSTRAINT "catalogue_run_lines_tenant_id_subscription_id_catalogue_subscriptions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","subscription_id") REFERENCES "public"."catalogue_subscriptions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_run_lines" ADD CONSTRAINT "catalogue_run_lines_tenant_id_order_id_catalogue_orders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."catalogue_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_run_lines" ADD CONSTRAINT "catalogue_run_lines_tenant_id_corrects_line_id_catalogue_run_lines_tenant_id_id_fk" FOREIGN KEY ("tenant_id","corrects_line_id") REFERENCES "public"."catalogue_run_lines"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_run_lines" ADD CONSTRAINT "catalogue_run_lines_tenant_id_created_by_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_run_settings" ADD CONSTRAINT "catalogue_run_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_runs" ADD CONSTRAINT "catalogue_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_runs" ADD CONSTRAINT "catalogue_runs_tenant_id_locked_by_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","locked_by_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalogue_asset_assignments_asset_idx" ON "catalogue_asset_assignments" USING btree ("tenant_id","asset_id","from_on");--> statement-breakpoint
CREATE INDEX "catalogue_asset_assignments_from_idx" ON "catalogue_asset_assignments" USING btree ("tenant_id","from_on");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_assets_serial_key" ON "catalogue_assets" USING btree ("tenant_id","serial") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "catalogue_assets_list_idx" ON "catalogue_assets" USING btree ("tenant_id","serial","id");--> statement-breakpoint
CREATE INDEX "catalogue_assets_unit_idx" ON "catalogue_assets" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "catalogue_assets_offering_idx" ON "catalogue_assets" USING btree ("tenant_id","offering_id");--> statement-breakpoint
CREATE INDEX "catalogue_assets_due_idx" ON "catalogue_assets" USING btree ("tenant_id","replacement_due_on");--> statement-breakpoint
CREATE INDEX "catalogue_assets_purchased_idx" ON "catalogue_assets" USING btree ("tenant_id","purchased_on");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_investment_budgets_id_key" ON "catalogue_investment_budgets" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_disputes_line_key" ON "catalogue_disputes" USING btree ("tenant_id","line_id");--> statement-breakpoint
CREATE INDEX "catalogue_disputes_state_idx" ON "catalogue_disputes" USING btree ("tenant_id","state","id");--> statement-breakpoint
CREATE INDEX "catalogue_disputes_credit_idx" ON "catalogue_disputes" USING btree ("tenant_id","credit_line_id");--> statement-breakpoint
CREATE INDEX "catalogue_run_lines_unit_idx" ON "catalogue_run_lines" USING btree ("tenant_id","run_id","unit_id","id");--> statement-breakpoint
CREATE INDEX "catalogue_run_lines_corrects_idx" ON "catalogue_run_lines" USING btree ("tenant_id","corrects_line_id") WHERE corrects_line_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_runs_period_key" ON "catalogue_runs" USING btree ("tenant_id","period");