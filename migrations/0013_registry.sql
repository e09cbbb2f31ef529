CREATE TABLE "registry_ai_applications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"purpose" text,
	"risk_category" text,
	"high_risk_area" text,
	"motivation" text,
	"fria_required" boolean,
	"fria_on" date,
	"fria_result" text,
	"transparency" text,
	"human_oversight" text,
	"registration_status" text,
	"risk_rank" integer GENERATED ALWAYS AS (case "risk_category" when 'prohibited' then 0 when 'high' then 1 when 'limited' then 2 when 'minimal' then 3 else 4 end) STORED NOT NULL,
	"registration_rank" integer GENERATED ALWAYS AS (case "registration_status" when 'pending' then 0 when 'registered' then 1 when 'notRequired' then 2 else 3 end) STORED NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_ai_applications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_classification_scales" (
	"tenant_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"levels" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_classification_scales_tenant_id_version_pk" PRIMARY KEY("tenant_id","version")
);
--> statement-breakpoint
CREATE TABLE "registry_classifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"information_set" text,
	"information_set_key" text GENERATED ALWAYS AS (coalesce(lower(btrim("information_set")), '')) STORED NOT NULL,
	"confidentiality" integer NOT NULL,
	"integrity" integer NOT NULL,
	"availability" integer NOT NULL,
	"traceability" integer,
	"max_level" integer GENERATED ALWAYS AS (greatest("confidentiality", "integrity", "availability", coalesce("traceability", 0))) STORED NOT NULL,
	"motivation" text NOT NULL,
	"scale_version" integer NOT NULL,
	"classified_by_id" uuid,
	"classified_by_name" text NOT NULL,
	"classified_on" date NOT NULL,
	"next_review_on" date NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_classifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "registry_classifications_levels_check" CHECK ("registry_classifications"."confidentiality" between 0 and 4 and "registry_classifications"."integrity" between 0 and 4 and "registry_classifications"."availability" between 0 and 4 and coalesce("registry_classifications"."traceability", 0) between 0 and 4)
);
--> statement-breakpoint
CREATE TABLE "registry_contract_systems" (
	"tenant_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	CONSTRAINT "registry_contract_systems_tenant_id_contract_id_system_id_pk" PRIMARY KEY("tenant_id","contract_id","system_id")
);
--> statement-breakpoint
CREATE TABLE "registry_contracts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"title" text NOT NULL,
	"sort_title" text GENERATED ALWAYS AS (translate(lower("title"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"contract_number" text,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"notice_months" integer,
	"notice_deadline" date,
	"extension_count" integer,
	"extension_months" integer,
	"extendable_until" date,
	"extension_terms" text,
	"annual_value" bigint,
	"procurement_reference" text,
	"owner_id" uuid,
	"dpa_status" text DEFAULT 'none' NOT NULL,
	"dpa_signed_on" date,
	"dpa_reference" text,
	"notice_reminder_days" integer DEFAULT 90 NOT NULL,
	"end_reminder_days" integer DEFAULT 60 NOT NULL,
	"notes" text,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_contracts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_licences" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"contract_id" uuid,
	"type" text NOT NULL,
	"count" integer NOT NULL,
	"used" integer,
	"cost" bigint,
	"period" text,
	"valid_from" date,
	"valid_to" date,
	"note" text,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_licences_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_system_cost_shares" (
	"tenant_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"basis_points" integer NOT NULL,
	CONSTRAINT "registry_system_cost_shares_tenant_id_system_id_year_unit_id_pk" PRIMARY KEY("tenant_id","system_id","year","unit_id")
);
--> statement-breakpoint
CREATE TABLE "registry_system_cost_years" (
	"tenant_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_system_cost_years_tenant_id_system_id_year_pk" PRIMARY KEY("tenant_id","system_id","year")
);
--> statement-breakpoint
CREATE TABLE "registry_system_costs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"category" text NOT NULL,
	"amount" bigint NOT NULL,
	"note" text,
	CONSTRAINT "registry_system_costs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_integrations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"from_system_id" uuid NOT NULL,
	"to_system_id" uuid NOT NULL,
	"information" text NOT NULL,
	"sort_information" text GENERATED ALWAYS AS (translate(lower("information"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"technique" text NOT NULL,
	"direction" text DEFAULT 'oneWay' NOT NULL,
	"frequency" text,
	"owner_id" uuid,
	"personal_data" boolean DEFAULT false NOT NULL,
	"critical" boolean DEFAULT false NOT NULL,
	"description" text,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_integrations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "registry_integrations_not_self" CHECK ("registry_integrations"."from_system_id" <> "registry_integrations"."to_system_id")
);
--> statement-breakpoint
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
CREATE TABLE "registry_processes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"parent_id" uuid,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"sort_code" text NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"reference_code" text,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_processes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_system_processes" (
	"tenant_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_system_processes_tenant_id_system_id_process_id_pk" PRIMARY KEY("tenant_id","system_id","process_id")
);
--> statement-breakpoint
CREATE TABLE "registry_information_plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"adopted_on" date,
	"body" text,
	"paragraph" text,
	"registration_number" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_information_plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_record_types" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"format" text NOT NULL,
	"file_formats" text,
	"retention" text NOT NULL,
	"retention_months" integer,
	"retention_period" text,
	"retention_basis" text,
	"registration" text NOT NULL,
	"system_id" uuid,
	"e_archive" boolean DEFAULT false NOT NULL,
	"e_archive_when" text,
	"secret" boolean DEFAULT false NOT NULL,
	"secrecy_provision" text,
	"personal_data" boolean DEFAULT false NOT NULL,
	"confidentiality" smallint,
	"integrity" smallint,
	"availability" smallint,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_record_types_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
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
	"phase_rank" integer GENERATED ALWAYS AS (case "phase" when 'idea' then 0 when 'procurement' then 1 when 'implementation' then 2 when 'operation' then 3 when 'phaseOut' then 4 when 'retired' then 5 else 6 end) STORED NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_services_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_suppliers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"org_number" text,
	"address" text,
	"phone" text,
	"email" text,
	"website" text,
	"contact_person" text,
	"notes" text,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_suppliers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
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
	"product_council" text,
	"phase_rank" integer GENERATED ALWAYS AS (case "phase" when 'idea' then 0 when 'procurement' then 1 when 'implementation' then 2 when 'operation' then 3 when 'phaseOut' then 4 when 'retired' then 5 else 6 end) STORED NOT NULL,
	"criticality_rank" integer GENERATED ALWAYS AS (case "criticality" when 'low' then 1 when 'medium' then 2 when 'high' then 3 when 'critical' then 4 else 0 end) STORED NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_systems_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "registry_ai_applications" ADD CONSTRAINT "registry_ai_applications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_ai_applications" ADD CONSTRAINT "registry_ai_applications_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_classification_scales" ADD CONSTRAINT "registry_classification_scales_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_classifications" ADD CONSTRAINT "registry_classifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_classifications" ADD CONSTRAINT "registry_classifications_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_contract_systems" ADD CONSTRAINT "registry_contract_systems_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_contract_systems" ADD CONSTRAINT "registry_contract_systems_tenant_id_contract_id_registry_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."registry_contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_contract_systems" ADD CONSTRAINT "registry_contract_systems_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_contracts" ADD CONSTRAINT "registry_contracts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_contracts" ADD CONSTRAINT "registry_contracts_tenant_id_supplier_id_registry_suppliers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","supplier_id") REFERENCES "public"."registry_suppliers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_contracts" ADD CONSTRAINT "registry_contracts_tenant_id_owner_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_licences" ADD CONSTRAINT "registry_licences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_licences" ADD CONSTRAINT "registry_licences_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_licences" ADD CONSTRAINT "registry_licences_tenant_id_contract_id_registry_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."registry_contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_cost_shares" ADD CONSTRAINT "registry_system_cost_shares_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_cost_shares" ADD CONSTRAINT "registry_system_cost_shares_tenant_id_system_id_year_registry_system_cost_years_tenant_id_system_id_year_fk" FOREIGN KEY ("tenant_id","system_id","year") REFERENCES "public"."registry_system_cost_years"("tenant_id","system_id","year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_cost_shares" ADD CONSTRAINT "registry_system_cost_shares_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_cost_years" ADD CONSTRAINT "registry_system_cost_years_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_cost_years" ADD CONSTRAINT "registry_system_cost_years_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_costs" ADD CONSTRAINT "registry_system_costs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_costs" ADD CONSTRAINT "registry_system_costs_tenant_id_system_id_year_registry_system_cost_years_tenant_id_system_id_year_fk" FOREIGN KEY ("tenant_id","system_id","year") REFERENCES "public"."registry_system_cost_years"("tenant_id","system_id","year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_integrations" ADD CONSTRAINT "registry_integrations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_integrations" ADD CONSTRAINT "registry_integrations_tenant_id_from_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","from_system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_integrations" ADD CONSTRAINT "registry_integrations_tenant_id_to_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","to_system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_integrations" ADD CONSTRAINT "registry_integrations_tenant_id_owner_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "registry_processes" ADD CONSTRAINT "registry_processes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_processes" ADD CONSTRAINT "registry_processes_tenant_id_parent_id_registry_processes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."registry_processes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_processes" ADD CONSTRAINT "registry_system_processes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_processes" ADD CONSTRAINT "registry_system_processes_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_processes" ADD CONSTRAINT "registry_system_processes_tenant_id_process_id_registry_processes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","process_id") REFERENCES "public"."registry_processes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_information_plans" ADD CONSTRAINT "registry_information_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_information_plans" ADD CONSTRAINT "registry_information_plans_tenant_id_process_id_registry_processes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","process_id") REFERENCES "public"."registry_processes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_record_types" ADD CONSTRAINT "registry_record_types_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_record_types" ADD CONSTRAINT "registry_record_types_tenant_id_process_id_registry_processes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","process_id") REFERENCES "public"."registry_processes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_record_types" ADD CONSTRAINT "registry_record_types_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_service_systems" ADD CONSTRAINT "registry_service_systems_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_service_systems" ADD CONSTRAINT "registry_service_systems_tenant_id_service_id_registry_services_tenant_id_id_fk" FOREIGN KEY ("tenant_id","service_id") REFERENCES "public"."registry_services"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_service_systems" ADD CONSTRAINT "registry_service_systems_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_services" ADD CONSTRAINT "registry_services_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_services" ADD CONSTRAINT "registry_services_tenant_id_owner_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_services" ADD CONSTRAINT "registry_services_tenant_id_owning_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owning_unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_services" ADD CONSTRAINT "registry_services_tenant_id_supplier_id_registry_suppliers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","supplier_id") REFERENCES "public"."registry_suppliers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_suppliers" ADD CONSTRAINT "registry_suppliers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_roles" ADD CONSTRAINT "registry_system_roles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_roles" ADD CONSTRAINT "registry_system_roles_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_roles" ADD CONSTRAINT "registry_system_roles_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_roles" ADD CONSTRAINT "registry_system_roles_tenant_id_grant_id_role_assignments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","grant_id") REFERENCES "public"."role_assignments"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_units" ADD CONSTRAINT "registry_system_units_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_units" ADD CONSTRAINT "registry_system_units_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_system_units" ADD CONSTRAINT "registry_system_units_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_systems" ADD CONSTRAINT "registry_systems_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_systems" ADD CONSTRAINT "registry_systems_tenant_id_owning_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owning_unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_systems" ADD CONSTRAINT "registry_systems_tenant_id_supplier_id_registry_suppliers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","supplier_id") REFERENCES "public"."registry_suppliers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "registry_ai_applications_name_idx" ON "registry_ai_applications" USING btree ("tenant_id","system_id","sort_name") WHERE "archived_at" is null;--> statement-breakpoint
CREATE INDEX "registry_ai_applications_list_idx" ON "registry_ai_applications" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_ai_applications_system_idx" ON "registry_ai_applications" USING btree ("tenant_id","system_id");--> statement-breakpoint
CREATE INDEX "registry_ai_applications_risk_idx" ON "registry_ai_applications" USING btree ("tenant_id","risk_category","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_ai_applications_risk_rank_idx" ON "registry_ai_applications" USING btree ("tenant_id","risk_rank","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_ai_applications_registration_rank_idx" ON "registry_ai_applications" USING btree ("tenant_id","registration_rank","sort_name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_classifications_active_set_idx" ON "registry_classifications" USING btree ("tenant_id","system_id","information_set_key") WHERE "archived_at" is null;--> statement-breakpoint
CREATE INDEX "registry_classifications_system_idx" ON "registry_classifications" USING btree ("tenant_id","system_id","information_set_key","id");--> statement-breakpoint
CREATE INDEX "registry_classifications_review_idx" ON "registry_classifications" USING btree ("tenant_id","next_review_on","id");--> statement-breakpoint
CREATE INDEX "registry_classifications_level_idx" ON "registry_classifications" USING btree ("tenant_id","max_level","system_id") WHERE "archived_at" is null;--> statement-breakpoint
CREATE INDEX "registry_contract_systems_system_idx" ON "registry_contract_systems" USING btree ("tenant_id","system_id");--> statement-breakpoint
CREATE INDEX "registry_contracts_list_idx" ON "registry_contracts" USING btree ("tenant_id","sort_title","id");--> statement-breakpoint
CREATE INDEX "registry_contracts_ends_idx" ON "registry_contracts" USING btree ("tenant_id",coalesce("ends_on", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "registry_contracts_supplier_idx" ON "registry_contracts" USING btree ("tenant_id","supplier_id");--> statement-breakpoint
CREATE INDEX "registry_contracts_owner_idx" ON "registry_contracts" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "registry_contracts_dpa_missing_idx" ON "registry_contracts" USING btree ("tenant_id") WHERE dpa_status = 'needed' and archived_at is null;--> statement-breakpoint
CREATE INDEX "registry_licences_list_idx" ON "registry_licences" USING btree ("tenant_id",coalesce("valid_to", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "registry_licences_system_idx" ON "registry_licences" USING btree ("tenant_id","system_id");--> statement-breakpoint
CREATE INDEX "registry_licences_contract_idx" ON "registry_licences" USING btree ("tenant_id","contract_id");--> statement-breakpoint
CREATE INDEX "registry_system_cost_shares_unit_idx" ON "registry_system_cost_shares" USING btree ("tenant_id","year","unit_id");--> statement-breakpoint
CREATE INDEX "registry_system_cost_years_year_idx" ON "registry_system_cost_years" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE INDEX "registry_system_costs_system_year_idx" ON "registry_system_costs" USING btree ("tenant_id","system_id","year");--> statement-breakpoint
CREATE INDEX "registry_system_costs_year_idx" ON "registry_system_costs" USING btree ("tenant_id","year","system_id");--> statement-breakpoint
CREATE INDEX "registry_integrations_list_idx" ON "registry_integrations" USING btree ("tenant_id","sort_information","id");--> statement-breakpoint
CREATE INDEX "registry_integrations_technique_idx" ON "registry_integrations" USING btree ("tenant_id","technique","sort_information","id");--> statement-breakpoint
CREATE INDEX "registry_integrations_personal_idx" ON "registry_integrations" USING btree ("tenant_id","sort_information","id") WHERE personal_data;--> statement-breakpoint
CREATE INDEX "registry_integrations_critical_idx" ON "registry_integrations" USING btree ("tenant_id","sort_information","id") WHERE critical;--> statement-breakpoint
CREATE INDEX "registry_integrations_owner_idx" ON "registry_integrations" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "registry_integrations_from_idx" ON "registry_integrations" USING btree ("tenant_id","from_system_id","to_system_id") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "registry_integrations_to_both_idx" ON "registry_integrations" USING btree ("tenant_id","to_system_id","from_system_id") WHERE archived_at is null and direction = 'bothWays';--> statement-breakpoint
CREATE INDEX "registry_integrations_from_all_idx" ON "registry_integrations" USING btree ("tenant_id","from_system_id");--> statement-breakpoint
CREATE INDEX "registry_integrations_to_all_idx" ON "registry_integrations" USING btree ("tenant_id","to_system_id");--> statement-breakpoint
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
CREATE INDEX "registry_processing_updated_idx" ON "registry_processing_activities" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "registry_processing_processor_idx" ON "registry_processing_activities" USING btree ("tenant_id","processor_id");--> statement-breakpoint
CREATE INDEX "registry_processing_contact_idx" ON "registry_processing_activities" USING btree ("tenant_id","controller_contact_id");--> statement-breakpoint
CREATE INDEX "registry_processing_dpo_idx" ON "registry_processing_activities" USING btree ("tenant_id","dpo_id");--> statement-breakpoint
CREATE INDEX "registry_processing_systems_system_idx" ON "registry_processing_activity_systems" USING btree ("tenant_id","system_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_processes_code_uq" ON "registry_processes" USING btree ("tenant_id","code") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "registry_processes_list_idx" ON "registry_processes" USING btree ("tenant_id","sort_code","id");--> statement-breakpoint
CREATE INDEX "registry_processes_parent_idx" ON "registry_processes" USING btree ("tenant_id","parent_id","sort_code","id");--> statement-breakpoint
CREATE INDEX "registry_processes_level_idx" ON "registry_processes" USING btree ("tenant_id","level","sort_code","id");--> statement-breakpoint
CREATE INDEX "registry_system_processes_process_idx" ON "registry_system_processes" USING btree ("tenant_id","process_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_information_plans_process_uq" ON "registry_information_plans" USING btree ("tenant_id","process_id");--> statement-breakpoint
CREATE INDEX "registry_record_types_list_idx" ON "registry_record_types" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_record_types_process_idx" ON "registry_record_types" USING btree ("tenant_id","process_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_record_types_system_idx" ON "registry_record_types" USING btree ("tenant_id","system_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_record_types_retention_idx" ON "registry_record_types" USING btree ("tenant_id","retention","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_service_systems_system_idx" ON "registry_service_systems" USING btree ("tenant_id","system_id","role");--> statement-breakpoint
CREATE INDEX "registry_services_list_idx" ON "registry_services" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_services_kind_idx" ON "registry_services" USING btree ("tenant_id","kind","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_services_phase_idx" ON "registry_services" USING btree ("tenant_id","phase","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_services_phase_rank_idx" ON "registry_services" USING btree ("tenant_id","phase_rank","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_services_owner_idx" ON "registry_services" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "registry_services_supplier_idx" ON "registry_services" USING btree ("tenant_id","supplier_id");--> statement-breakpoint
CREATE INDEX "registry_suppliers_list_idx" ON "registry_suppliers" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_suppliers_org_number_key" ON "registry_suppliers" USING btree ("tenant_id","org_number") WHERE archived_at is null and org_number is not null;--> statement-breakpoint
CREATE INDEX "registry_system_roles_system_idx" ON "registry_system_roles" USING btree ("tenant_id","system_id","kind");--> statement-breakpoint
CREATE INDEX "registry_system_roles_person_idx" ON "registry_system_roles" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "registry_system_roles_kind_idx" ON "registry_system_roles" USING btree ("tenant_id","kind","id");--> statement-breakpoint
CREATE INDEX "registry_system_roles_grant_idx" ON "registry_system_roles" USING btree ("tenant_id","grant_id") WHERE grant_id is not null;--> statement-breakpoint
CREATE INDEX "registry_system_roles_dates_idx" ON "registry_system_roles" USING btree ("valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "registry_system_units_unit_idx" ON "registry_system_units" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "registry_systems_list_idx" ON "registry_systems" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_systems_owning_unit_idx" ON "registry_systems" USING btree ("tenant_id","owning_unit_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_systems_phase_idx" ON "registry_systems" USING btree ("tenant_id","phase","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_systems_supplier_idx" ON "registry_systems" USING btree ("tenant_id","supplier_id");--> statement-breakpoint
CREATE INDEX "registry_systems_phase_rank_idx" ON "registry_systems" USING btree ("tenant_id","phase_rank","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_systems_criticality_rank_idx" ON "registry_systems" USING btree ("tenant_id","criticality_rank","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_systems_updated_idx" ON "registry_systems" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "registry_systems_scope_idx" ON "registry_systems" USING btree ("tenant_id","scope","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_systems_operation_form_idx" ON "registry_systems" USING btree ("tenant_id","operation_form");--> statement-breakpoint
CREATE INDEX "registry_systems_time_idx" ON "registry_systems" USING btree ("tenant_id","time_assessment");--> statement-breakpoint
CREATE INDEX "registry_systems_category_idx" ON "registry_systems" USING btree ("tenant_id","category");--> statement-breakpoint
CREATE INDEX "registry_systems_tags_idx" ON "registry_systems" USING gin ("tags");