CREATE TABLE "catalogue_consumption" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"period" text NOT NULL,
	"offering_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"quantity" numeric(16, 4) NOT NULL,
	"cost_centre" text NOT NULL,
	"account" text NOT NULL,
	"activity" text,
	"counterpart" text,
	"import_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_consumption_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_consumption_imports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"file_name" text,
	"created" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"imported_by_id" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_consumption_imports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "catalogue_consumption" ADD CONSTRAINT "catalogue_consumption_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_consumption" ADD CONSTRAINT "catalogue_consumption_tenant_id_offering_id_catalogue_offerings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offering_id") REFERENCES "public"."catalogue_offerings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_consumption" ADD CONSTRAINT "catalogue_consumption_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_consumption" ADD CONSTRAINT "catalogue_consumption_tenant_id_import_id_catalogue_consumption_imports_tenant_id_id_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "public"."catalogue_consumption_imports"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_consumption_imports" ADD CONSTRAINT "catalogue_consumption_imports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_consumption_imports" ADD CONSTRAINT "catalogue_consumption_imports_tenant_id_imported_by_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","imported_by_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_consumption_key" ON "catalogue_consumption" USING btree ("tenant_id","period","offering_id","unit_id","reference");--> statement-breakpoint
CREATE INDEX "catalogue_consumption_period_idx" ON "catalogue_consumption" USING btree ("tenant_id","period","unit_id","id");--> statement-breakpoint
CREATE INDEX "catalogue_consumption_imports_list_idx" ON "catalogue_consumption_imports" USING btree ("tenant_id","imported_at","id");