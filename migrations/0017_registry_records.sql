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
CREATE UNIQUE INDEX "registry_processes_code_uq" ON "registry_processes" USING btree ("tenant_id","code") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "registry_processes_list_idx" ON "registry_processes" USING btree ("tenant_id","sort_code","id");--> statement-breakpoint
CREATE INDEX "registry_processes_parent_idx" ON "registry_processes" USING btree ("tenant_id","parent_id","sort_code","id");--> statement-breakpoint
CREATE INDEX "registry_processes_level_idx" ON "registry_processes" USING btree ("tenant_id","level","sort_code","id");--> statement-breakpoint
CREATE INDEX "registry_system_processes_process_idx" ON "registry_system_processes" USING btree ("tenant_id","process_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_information_plans_process_uq" ON "registry_information_plans" USING btree ("tenant_id","process_id");--> statement-breakpoint
CREATE INDEX "registry_record_types_list_idx" ON "registry_record_types" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_record_types_process_idx" ON "registry_record_types" USING btree ("tenant_id","process_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_record_types_system_idx" ON "registry_record_types" USING btree ("tenant_id","system_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_record_types_retention_idx" ON "registry_record_types" USING btree ("tenant_id","retention","sort_name","id");