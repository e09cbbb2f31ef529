CREATE TABLE "registry_suppliers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"org_number" text,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_suppliers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_system_units" (
	"tenant_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"users" integer,
	CONSTRAINT "registry_system_units_tenant_id_system_id_unit_id_pk" PRIMARY KEY("tenant_id","system_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "registry_systems" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"short_name" text,
	"description" text,
	"scope" text NOT NULL,
	"category" text,
	"owning_unit_id" uuid,
	"phase" text DEFAULT 'operation' NOT NULL,
	"in_operation_from" date,
	"phase_out_from" date,
	"retired_on" date,
	"operation_form" text,
	"criticality" text,
	"time_assessment" text,
	"time_motivation" text,
	"supplier_id" uuid,
	"product" text,
	"product_version" text,
	"e_service" boolean DEFAULT false NOT NULL,
	"own_developed" boolean DEFAULT false NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_systems_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "registry_suppliers" ADD CONSTRAINT "registry_suppliers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_units" ADD CONSTRAINT "registry_system_units_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_units" ADD CONSTRAINT "registry_system_units_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_units" ADD CONSTRAINT "registry_system_units_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_systems" ADD CONSTRAINT "registry_systems_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_systems" ADD CONSTRAINT "registry_systems_tenant_id_owning_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owning_unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_systems" ADD CONSTRAINT "registry_systems_tenant_id_supplier_id_registry_suppliers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","supplier_id") REFERENCES "public"."registry_suppliers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_suppliers_list_idx" ON "registry_suppliers" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_system_units_unit_idx" ON "registry_system_units" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "registry_systems_list_idx" ON "registry_systems" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_systems_owning_unit_idx" ON "registry_systems" USING btree ("tenant_id","owning_unit_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_systems_phase_idx" ON "registry_systems" USING btree ("tenant_id","phase","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_systems_supplier_idx" ON "registry_systems" USING btree ("tenant_id","supplier_id");--> statement-breakpoint
CREATE INDEX "registry_systems_tags_idx" ON "registry_systems" USING gin ("tags");