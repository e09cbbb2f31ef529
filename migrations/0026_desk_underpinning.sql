CREATE TABLE "desk_supplier_clocks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"group_id" uuid,
	"contract_id" uuid,
	"level_id" uuid,
	"priority" smallint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"sla" jsonb,
	"response_target" integer,
	"resolution_target" integer,
	"response_minutes" integer,
	"resolution_minutes" integer,
	"response_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"response_breached_at" timestamp with time zone,
	"resolution_breached_at" timestamp with time zone,
	CONSTRAINT "desk_supplier_clocks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "desk_supplier_clocks" ADD CONSTRAINT "desk_supplier_clocks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_supplier_clocks" ADD CONSTRAINT "desk_supplier_clocks_tenant_id_ticket_id_desk_tickets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ticket_id") REFERENCES "public"."desk_tickets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_supplier_clocks" ADD CONSTRAINT "desk_supplier_clocks_tenant_id_supplier_id_registry_suppliers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","supplier_id") REFERENCES "public"."registry_suppliers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_supplier_clocks" ADD CONSTRAINT "desk_supplier_clocks_tenant_id_group_id_desk_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "public"."desk_groups"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_supplier_clocks" ADD CONSTRAINT "desk_supplier_clocks_tenant_id_contract_id_registry_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."registry_contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_supplier_clocks" ADD CONSTRAINT "desk_supplier_clocks_tenant_id_level_id_desk_service_levels_tenant_id_id_fk" FOREIGN KEY ("tenant_id","level_id") REFERENCES "public"."desk_service_levels"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_supplier_clocks_ticket_idx" ON "desk_supplier_clocks" USING btree ("tenant_id","ticket_id","started_at");--> statement-breakpoint
CREATE INDEX "desk_supplier_clocks_report_idx" ON "desk_supplier_clocks" USING btree ("tenant_id","started_at","supplier_id","contract_id");