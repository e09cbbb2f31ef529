CREATE TABLE "desk_call_imports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"file_name" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" uuid,
	"imported_by_name" text,
	"rows" integer NOT NULL,
	"added" integer NOT NULL,
	"already_imported" integer NOT NULL,
	"first_at" timestamp with time zone,
	"last_at" timestamp with time zone,
	CONSTRAINT "desk_call_imports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "desk_calls" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"queue" text NOT NULL,
	"waited_seconds" integer NOT NULL,
	"outcome" text NOT NULL,
	"seq" smallint DEFAULT 1 NOT NULL,
	"import_id" uuid NOT NULL,
	CONSTRAINT "desk_calls_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "desk_calls_waited" CHECK ("desk_calls"."waited_seconds" >= 0),
	CONSTRAINT "desk_calls_outcome" CHECK ("desk_calls"."outcome" in ('answered', 'abandoned'))
);
--> statement-breakpoint
CREATE TABLE "desk_phone_settings" (
	"tenant_id" uuid NOT NULL,
	"answer_seconds" integer NOT NULL,
	"target_percent" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_phone_settings_tenant_id_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "desk_phone_settings_seconds" CHECK ("desk_phone_settings"."answer_seconds" between 1 and 3600),
	CONSTRAINT "desk_phone_settings_percent" CHECK ("desk_phone_settings"."target_percent" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "desk_routing_rules" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"conditions" jsonb NOT NULL,
	"target" text NOT NULL,
	"group_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_routing_rules_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "desk_call_imports" ADD CONSTRAINT "desk_call_imports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_call_imports" ADD CONSTRAINT "desk_call_imports_tenant_id_imported_by_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","imported_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_calls" ADD CONSTRAINT "desk_calls_tenant_id_import_id_desk_call_imports_tenant_id_id_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "public"."desk_call_imports"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_phone_settings" ADD CONSTRAINT "desk_phone_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_routing_rules" ADD CONSTRAINT "desk_routing_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_routing_rules" ADD CONSTRAINT "desk_routing_rules_tenant_id_group_id_desk_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "public"."desk_groups"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_call_imports_list_idx" ON "desk_call_imports" USING btree ("tenant_id","imported_at");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_calls_natural_key" ON "desk_calls" USING btree ("tenant_id","at","queue","waited_seconds","outcome","seq");--> statement-breakpoint
CREATE INDEX "desk_routing_rules_order_idx" ON "desk_routing_rules" USING btree ("tenant_id","position","id");