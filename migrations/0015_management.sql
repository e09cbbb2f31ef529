CREATE TABLE "registry_management_object_systems" (
	"tenant_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"object_id" uuid NOT NULL,
	CONSTRAINT "registry_management_object_systems_tenant_id_system_id_pk" PRIMARY KEY("tenant_id","system_id")
);
--> statement-breakpoint
CREATE TABLE "registry_management_objects" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"owner_id" uuid,
	"manager_id" uuid,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_management_objects_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_management_plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"object_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"goals" text[] DEFAULT '{}'::text[] NOT NULL,
	"activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"budget_maintenance" bigint DEFAULT 0 NOT NULL,
	"budget_development" bigint DEFAULT 0 NOT NULL,
	"outcome_maintenance" bigint,
	"outcome_development" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_management_plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "registry_management_object_systems" ADD CONSTRAINT "registry_management_object_systems_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_management_object_systems" ADD CONSTRAINT "registry_management_object_systems_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_management_object_systems" ADD CONSTRAINT "registry_management_object_systems_tenant_id_object_id_registry_management_objects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","object_id") REFERENCES "public"."registry_management_objects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_management_objects" ADD CONSTRAINT "registry_management_objects_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_management_objects" ADD CONSTRAINT "registry_management_objects_tenant_id_owner_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_management_objects" ADD CONSTRAINT "registry_management_objects_tenant_id_manager_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","manager_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_management_plans" ADD CONSTRAINT "registry_management_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_management_plans" ADD CONSTRAINT "registry_management_plans_tenant_id_object_id_registry_management_objects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","object_id") REFERENCES "public"."registry_management_objects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_management_object_systems_object_idx" ON "registry_management_object_systems" USING btree ("tenant_id","object_id");--> statement-breakpoint
CREATE INDEX "registry_management_objects_list_idx" ON "registry_management_objects" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_management_objects_owner_idx" ON "registry_management_objects" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "registry_management_objects_manager_idx" ON "registry_management_objects" USING btree ("tenant_id","manager_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_management_plans_year_uq" ON "registry_management_plans" USING btree ("tenant_id","object_id","year");--> statement-breakpoint
CREATE INDEX "registry_management_plans_by_year_idx" ON "registry_management_plans" USING btree ("tenant_id","year");