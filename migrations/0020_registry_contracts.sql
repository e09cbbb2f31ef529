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
ALTER TABLE "registry_suppliers" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "registry_suppliers" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "registry_suppliers" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "registry_suppliers" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "registry_suppliers" ADD COLUMN "contact_person" text;--> statement-breakpoint
ALTER TABLE "registry_suppliers" ADD COLUMN "notes" text;--> statement-breakpoint
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
CREATE UNIQUE INDEX "registry_suppliers_org_number_key" ON "registry_suppliers" USING btree ("tenant_id","org_number") WHERE archived_at is null and org_number is not null;