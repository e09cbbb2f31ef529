CREATE TABLE "desk_service_levels" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"kind" text NOT NULL,
	"calendar_id" uuid,
	"clock_start" text DEFAULT 'creation' NOT NULL,
	"warning_percent" integer DEFAULT 80 NOT NULL,
	"targets" jsonb NOT NULL,
	"escalation" jsonb NOT NULL,
	"contract_id" uuid,
	"is_default" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_service_levels_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "desk_services" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"owner_id" uuid,
	"group_id" uuid,
	"service_level_id" uuid,
	"system_id" uuid,
	"orderable" boolean DEFAULT false NOT NULL,
	"order_form" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_services_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "desk_ticket_settings" ADD COLUMN "first_contact_target" integer DEFAULT 70 NOT NULL;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD COLUMN "service_id" uuid;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD COLUMN "order_answers" jsonb;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD COLUMN "sla" jsonb;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD COLUMN "response_breached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD COLUMN "resolution_breached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD COLUMN "sla_paused" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "desk_service_levels" ADD CONSTRAINT "desk_service_levels_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_service_levels" ADD CONSTRAINT "desk_service_levels_tenant_id_calendar_id_desk_calendars_tenant_id_id_fk" FOREIGN KEY ("tenant_id","calendar_id") REFERENCES "public"."desk_calendars"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_service_levels" ADD CONSTRAINT "desk_service_levels_tenant_id_contract_id_registry_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."registry_contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_services" ADD CONSTRAINT "desk_services_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_services" ADD CONSTRAINT "desk_services_tenant_id_owner_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_services" ADD CONSTRAINT "desk_services_tenant_id_group_id_desk_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "public"."desk_groups"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_services" ADD CONSTRAINT "desk_services_tenant_id_service_level_id_desk_service_levels_tenant_id_id_fk" FOREIGN KEY ("tenant_id","service_level_id") REFERENCES "public"."desk_service_levels"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_services" ADD CONSTRAINT "desk_services_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_service_levels_list_idx" ON "desk_service_levels" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_service_levels_default_key" ON "desk_service_levels" USING btree ("tenant_id") WHERE is_default and archived_at is null;--> statement-breakpoint
CREATE INDEX "desk_service_levels_contract_idx" ON "desk_service_levels" USING btree ("tenant_id","contract_id") WHERE contract_id is not null;--> statement-breakpoint
CREATE INDEX "desk_services_list_idx" ON "desk_services" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "desk_services_level_idx" ON "desk_services" USING btree ("tenant_id","service_level_id");--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD CONSTRAINT "desk_tickets_tenant_id_service_id_desk_services_tenant_id_id_fk" FOREIGN KEY ("tenant_id","service_id") REFERENCES "public"."desk_services"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_tickets_queue_due_idx" ON "desk_tickets" USING btree ("tenant_id","group_id",coalesce("due_at", '9999-12-31 00:00:00+00'::timestamptz),"id") WHERE status not in ('solved', 'closed');--> statement-breakpoint
CREATE INDEX "desk_tickets_service_idx" ON "desk_tickets" USING btree ("tenant_id","service_id","created_at") WHERE service_id is not null;