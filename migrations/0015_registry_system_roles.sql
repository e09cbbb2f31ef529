CREATE TABLE "registry_system_roles" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"note" text,
	"grant_id" uuid,
	"ended_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_system_roles_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "registry_systems" ADD COLUMN "product_council" text;--> statement-breakpoint
ALTER TABLE "registry_systems" ADD COLUMN "phase_rank" integer GENERATED ALWAYS AS (case "phase" when 'idea' then 0 when 'procurement' then 1 when 'implementation' then 2 when 'operation' then 3 when 'phaseOut' then 4 when 'retired' then 5 else 6 end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_systems" ADD COLUMN "criticality_rank" integer GENERATED ALWAYS AS (case "criticality" when 'low' then 1 when 'medium' then 2 when 'high' then 3 when 'critical' then 4 else 0 end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_system_roles" ADD CONSTRAINT "registry_system_roles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_roles" ADD CONSTRAINT "registry_system_roles_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_roles" ADD CONSTRAINT "registry_system_roles_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_roles" ADD CONSTRAINT "registry_system_roles_tenant_id_grant_id_role_assignments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","grant_id") REFERENCES "public"."role_assignments"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_system_roles_system_idx" ON "registry_system_roles" USING btree ("tenant_id","system_id","kind");--> statement-breakpoint
CREATE INDEX "registry_system_roles_person_idx" ON "registry_system_roles" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "registry_system_roles_kind_idx" ON "registry_system_roles" USING btree ("tenant_id","kind","id");--> statement-breakpoint
CREATE INDEX "registry_system_roles_grant_idx" ON "registry_system_roles" USING btree ("tenant_id","grant_id") WHERE grant_id is not null;--> statement-breakpoint
CREATE INDEX "registry_system_roles_dates_idx" ON "registry_system_roles" USING btree ("valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "registry_systems_phase_rank_idx" ON "registry_systems" USING btree ("tenant_id","phase_rank","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_systems_criticality_rank_idx" ON "registry_systems" USING btree ("tenant_id","criticality_rank","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_systems_updated_idx" ON "registry_systems" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "registry_systems_scope_idx" ON "registry_systems" USING btree ("tenant_id","scope","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_systems_operation_form_idx" ON "registry_systems" USING btree ("tenant_id","operation_form");--> statement-breakpoint
CREATE INDEX "registry_systems_time_idx" ON "registry_systems" USING btree ("tenant_id","time_assessment");--> statement-breakpoint
CREATE INDEX "registry_systems_category_idx" ON "registry_systems" USING btree ("tenant_id","category");