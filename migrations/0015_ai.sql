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
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_ai_applications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "registry_ai_applications" ADD CONSTRAINT "registry_ai_applications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_ai_applications" ADD CONSTRAINT "registry_ai_applications_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "registry_ai_applications_name_idx" ON "registry_ai_applications" USING btree ("tenant_id","system_id","sort_name") WHERE "archived_at" is null;--> statement-breakpoint
CREATE INDEX "registry_ai_applications_list_idx" ON "registry_ai_applications" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_ai_applications_system_idx" ON "registry_ai_applications" USING btree ("tenant_id","system_id");--> statement-breakpoint
CREATE INDEX "registry_ai_applications_risk_idx" ON "registry_ai_applications" USING btree ("tenant_id","risk_category","sort_name","id");