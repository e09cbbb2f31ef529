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
CREATE TABLE "registry_processing_activities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"controller_id" uuid NOT NULL,
	"controller_contact_id" uuid,
	"dpo_id" uuid,
	"purposes" text[] DEFAULT '{}'::text[] NOT NULL,
	"legal_basis" text NOT NULL,
	"legal_basis_reference" text,
	"data_subject_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"personal_data_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"sensitive_data" boolean DEFAULT false NOT NULL,
	"sensitive_data_basis" text,
	"criminal_data" boolean DEFAULT false NOT NULL,
	"criminal_data_basis" text,
	"personal_identity_numbers" boolean DEFAULT false NOT NULL,
	"estimated_data_subjects" integer,
	"recipients" text[] DEFAULT '{}'::text[] NOT NULL,
	"third_country_transfer" boolean DEFAULT false NOT NULL,
	"third_countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"transfer_safeguard" text,
	"transfer_safeguard_note" text,
	"retention" text,
	"security_measures" text,
	"dpia_required" boolean DEFAULT false NOT NULL,
	"dpia_date" date,
	"dpia_result" text,
	"automated_decisions" boolean DEFAULT false NOT NULL,
	"automated_decisions_description" text,
	"processor_id" uuid,
	"processor_agreement_status" text,
	"processor_agreement_reference" text,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_processing_activities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_processing_activity_systems" (
	"tenant_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	CONSTRAINT "registry_processing_activity_systems_tenant_id_activity_id_system_id_pk" PRIMARY KEY("tenant_id","activity_id","system_id")
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
ALTER TABLE "registry_processing_activities" ADD CONSTRAINT "registry_processing_activities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_processing_activities" ADD CONSTRAINT "registry_processing_activities_tenant_id_controller_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","controller_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_processing_activities" ADD CONSTRAINT "registry_processing_activities_tenant_id_controller_contact_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","controller_contact_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_processing_activities" ADD CONSTRAINT "registry_processing_activities_tenant_id_dpo_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","dpo_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_processing_activities" ADD CONSTRAINT "registry_processing_activities_tenant_id_processor_id_registry_suppliers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","processor_id") REFERENCES "public"."registry_suppliers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_processing_activity_systems" ADD CONSTRAINT "registry_processing_activity_systems_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_processing_activity_systems" ADD CONSTRAINT "registry_processing_activity_systems_tenant_id_activity_id_registry_processing_activities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."registry_processing_activities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_processing_activity_systems" ADD CONSTRAINT "registry_processing_activity_systems_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_management_object_systems_object_idx" ON "registry_management_object_systems" USING btree ("tenant_id","object_id");--> statement-breakpoint
CREATE INDEX "registry_management_objects_list_idx" ON "registry_management_objects" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_management_objects_owner_idx" ON "registry_management_objects" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "registry_management_objects_manager_idx" ON "registry_management_objects" USING btree ("tenant_id","manager_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_management_plans_year_uq" ON "registry_management_plans" USING btree ("tenant_id","object_id","year");--> statement-breakpoint
CREATE INDEX "registry_management_plans_by_year_idx" ON "registry_management_plans" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE INDEX "registry_processing_list_idx" ON "registry_processing_activities" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_processing_controller_idx" ON "registry_processing_activities" USING btree ("tenant_id","controller_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_processing_sensitive_idx" ON "registry_processing_activities" USING btree ("tenant_id","sort_name","id") WHERE sensitive_data;--> statement-breakpoint
CREATE INDEX "registry_processing_dpia_idx" ON "registry_processing_activities" USING btree ("tenant_id","sort_name","id") WHERE dpia_required;--> statement-breakpoint
CREATE INDEX "registry_processing_third_country_idx" ON "registry_processing_activities" USING btree ("tenant_id","sort_name","id") WHERE third_country_transfer;--> statement-breakpoint
CREATE INDEX "registry_processing_processor_idx" ON "registry_processing_activities" USING btree ("tenant_id","processor_id");--> statement-breakpoint
CREATE INDEX "registry_processing_contact_idx" ON "registry_processing_activities" USING btree ("tenant_id","controller_contact_id");--> statement-breakpoint
CREATE INDEX "registry_processing_dpo_idx" ON "registry_processing_activities" USING btree ("tenant_id","dpo_id");--> statement-breakpoint
CREATE INDEX "registry_processing_systems_system_idx" ON "registry_processing_activity_systems" USING btree ("tenant_id","system_id");