CREATE TABLE "registry_service_systems" (
	"tenant_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "registry_service_systems_tenant_id_service_id_system_id_role_pk" PRIMARY KEY("tenant_id","service_id","system_id","role")
);
--> statement-breakpoint
CREATE TABLE "registry_services" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"owner_id" uuid,
	"owning_unit_id" uuid,
	"hosting" text,
	"supplier_id" uuid,
	"confidentiality" smallint,
	"integrity" smallint,
	"availability" smallint,
	"documentation_url" text,
	"api_version" text,
	"phase" text DEFAULT 'operation' NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_services_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "registry_service_systems" ADD CONSTRAINT "registry_service_systems_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_service_systems" ADD CONSTRAINT "registry_service_systems_tenant_id_service_id_registry_services_tenant_id_id_fk" FOREIGN KEY ("tenant_id","service_id") REFERENCES "public"."registry_services"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_service_systems" ADD CONSTRAINT "registry_service_systems_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_services" ADD CONSTRAINT "registry_services_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_services" ADD CONSTRAINT "registry_services_tenant_id_owner_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_services" ADD CONSTRAINT "registry_services_tenant_id_owning_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owning_unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_services" ADD CONSTRAINT "registry_services_tenant_id_supplier_id_registry_suppliers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","supplier_id") REFERENCES "public"."registry_suppliers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_service_systems_system_idx" ON "registry_service_systems" USING btree ("tenant_id","system_id","role");--> statement-breakpoint
CREATE INDEX "registry_services_list_idx" ON "registry_services" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_services_kind_idx" ON "registry_services" USING btree ("tenant_id","kind","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_services_phase_idx" ON "registry_services" USING btree ("tenant_id","phase","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_services_owner_idx" ON "registry_services" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "registry_services_supplier_idx" ON "registry_services" USING btree ("tenant_id","supplier_id");