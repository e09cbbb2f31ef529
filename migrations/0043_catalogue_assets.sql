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
ALTER TABLE "catalogue_asset_assignments" ADD CONSTRAINT "catalogue_asset_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_asset_assignments" ADD CONSTRAINT "catalogue_asset_assignments_tenant_id_asset_id_catalogue_assets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","asset_id") REFERENCES "public"."catalogue_assets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_asset_assignments" ADD CONSTRAINT "catalogue_asset_assignments_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_asset_assignments" ADD CONSTRAINT "catalogue_asset_assignments_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_assets" ADD CONSTRAINT "catalogue_assets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_assets" ADD CONSTRAINT "catalogue_assets_tenant_id_offering_id_catalogue_offerings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offering_id") REFERENCES "public"."catalogue_offerings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_assets" ADD CONSTRAINT "catalogue_assets_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_assets" ADD CONSTRAINT "catalogue_assets_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_investment_budgets" ADD CONSTRAINT "catalogue_investment_budgets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalogue_asset_assignments_asset_idx" ON "catalogue_asset_assignments" USING btree ("tenant_id","asset_id","from_on");--> statement-breakpoint
CREATE INDEX "catalogue_asset_assignments_from_idx" ON "catalogue_asset_assignments" USING btree ("tenant_id","from_on");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_assets_serial_key" ON "catalogue_assets" USING btree ("tenant_id","serial") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "catalogue_assets_list_idx" ON "catalogue_assets" USING btree ("tenant_id","serial","id");--> statement-breakpoint
CREATE INDEX "catalogue_assets_unit_idx" ON "catalogue_assets" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "catalogue_assets_offering_idx" ON "catalogue_assets" USING btree ("tenant_id","offering_id");--> statement-breakpoint
CREATE INDEX "catalogue_assets_due_idx" ON "catalogue_assets" USING btree ("tenant_id","replacement_due_on");--> statement-breakpoint
CREATE INDEX "catalogue_assets_purchased_idx" ON "catalogue_assets" USING btree ("tenant_id","purchased_on");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_investment_budgets_id_key" ON "catalogue_investment_budgets" USING btree ("tenant_id","id");