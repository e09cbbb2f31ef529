CREATE TABLE "portfolio_procurement_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"direct_limit" bigint NOT NULL,
	"lead_months" jsonb NOT NULL,
	"warn_days" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_procurement_systems" (
	"tenant_id" uuid NOT NULL,
	"procurement_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "portfolio_procurement_systems_tenant_id_procurement_id_system_id_pk" PRIMARY KEY("tenant_id","procurement_id","system_id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_procurements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"sort_title" text GENERATED ALWAYS AS (translate(lower("title"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"procedure" text NOT NULL,
	"framework_reference" text,
	"framework_contract_id" uuid,
	"estimated_value" bigint,
	"status" text DEFAULT 'planned' NOT NULL,
	"planned_start_on" date,
	"advertised_on" date,
	"tender_deadline_on" date,
	"awarded_on" date,
	"contract_starts_on" date,
	"responsible_id" uuid,
	"unit_id" uuid,
	"replaces_contract_id" uuid,
	"contract_id" uuid,
	"cancel_reason" text,
	"cancelled_on" date,
	"cancel_cost" bigint,
	"cancel_hours" integer,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_procurements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "portfolio_procurement_settings" ADD CONSTRAINT "portfolio_procurement_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_procurement_systems" ADD CONSTRAINT "portfolio_procurement_systems_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_procurement_systems" ADD CONSTRAINT "portfolio_procurement_systems_tenant_id_procurement_id_portfolio_procurements_tenant_id_id_fk" FOREIGN KEY ("tenant_id","procurement_id") REFERENCES "public"."portfolio_procurements"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_procurement_systems" ADD CONSTRAINT "portfolio_procurement_systems_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_procurements" ADD CONSTRAINT "portfolio_procurements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_procurements" ADD CONSTRAINT "portfolio_procurements_tenant_id_responsible_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","responsible_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_procurements" ADD CONSTRAINT "portfolio_procurements_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_procurements" ADD CONSTRAINT "portfolio_procurements_tenant_id_framework_contract_id_registry_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","framework_contract_id") REFERENCES "public"."registry_contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_procurements" ADD CONSTRAINT "portfolio_procurements_tenant_id_replaces_contract_id_registry_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","replaces_contract_id") REFERENCES "public"."registry_contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_procurements" ADD CONSTRAINT "portfolio_procurements_tenant_id_contract_id_registry_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."registry_contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portfolio_procurement_systems_system_idx" ON "portfolio_procurement_systems" USING btree ("tenant_id","system_id");--> statement-breakpoint
CREATE INDEX "portfolio_procurements_list_idx" ON "portfolio_procurements" USING btree ("tenant_id","sort_title","id");--> statement-breakpoint
CREATE INDEX "portfolio_procurements_status_idx" ON "portfolio_procurements" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "portfolio_procurements_replaces_idx" ON "portfolio_procurements" USING btree ("tenant_id","replaces_contract_id");--> statement-breakpoint
CREATE INDEX "portfolio_procurements_responsible_idx" ON "portfolio_procurements" USING btree ("tenant_id","responsible_id");--> statement-breakpoint
CREATE INDEX "portfolio_procurements_unit_idx" ON "portfolio_procurements" USING btree ("tenant_id","unit_id");