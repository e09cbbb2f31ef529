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
ALTER TABLE "registry_integrations" ADD CONSTRAINT "registry_integrations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_integrations" ADD CONSTRAINT "registry_integrations_tenant_id_from_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","from_system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_integrations" ADD CONSTRAINT "registry_integrations_tenant_id_to_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","to_system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_integrations" ADD CONSTRAINT "registry_integrations_tenant_id_owner_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_integrations_list_idx" ON "registry_integrations" USING btree ("tenant_id","sort_information","id");--> statement-breakpoint
CREATE INDEX "registry_integrations_technique_idx" ON "registry_integrations" USING btree ("tenant_id","technique","sort_information","id");--> statement-breakpoint
CREATE INDEX "registry_integrations_personal_idx" ON "registry_integrations" USING btree ("tenant_id","sort_information","id") WHERE personal_data;--> statement-breakpoint
CREATE INDEX "registry_integrations_critical_idx" ON "registry_integrations" USING btree ("tenant_id","sort_information","id") WHERE critical;--> statement-breakpoint
CREATE INDEX "registry_integrations_owner_idx" ON "registry_integrations" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "registry_integrations_from_idx" ON "registry_integrations" USING btree ("tenant_id","from_system_id","to_system_id") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "registry_integrations_to_both_idx" ON "registry_integrations" USING btree ("tenant_id","to_system_id","from_system_id") WHERE archived_at is null and direction = 'bothWays';--> statement-breakpoint
CREATE INDEX "registry_integrations_from_all_idx" ON "registry_integrations" USING btree ("tenant_id","from_system_id");--> statement-breakpoint
CREATE INDEX "registry_integrations_to_all_idx" ON "registry_integrations" USING btree ("tenant_id","to_system_id");