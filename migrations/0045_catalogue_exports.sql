CREATE TABLE "catalogue_export_settings" (
	"tenant_id" uuid NOT NULL,
	"series" text NOT NULL,
	"income_account" text,
	"it_unit_id" uuid,
	"default_account" text,
	"layout" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_export_settings_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "catalogue_export_settings" ADD CONSTRAINT "catalogue_export_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_export_settings" ADD CONSTRAINT "catalogue_export_settings_tenant_id_it_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","it_unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;