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
ALTER TABLE "registry_ai_applications" ADD CONSTRAINT "registry_ai_applications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_ai_applications" ADD CONSTRAINT "registry_ai_applications_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_classification_scales" ADD CONSTRAINT "registry_classification_scales_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_classifications" ADD CONSTRAINT "registry_classifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_classifications" ADD CONSTRAINT "registry_classifications_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "registry_ai_applications_name_idx" ON "registry_ai_applications" USING btree ("tenant_id","system_id","sort_name") WHERE "archived_at" is null;--> statement-breakpoint
CREATE INDEX "registry_ai_applications_list_idx" ON "registry_ai_applications" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_ai_applications_system_idx" ON "registry_ai_applications" USING btree ("tenant_id","system_id");--> statement-breakpoint
CREATE INDEX "registry_ai_applications_risk_idx" ON "registry_ai_applications" USING btree ("tenant_id","risk_category","sort_name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_classifications_active_set_idx" ON "registry_classifications" USING btree ("tenant_id","system_id","information_set_key") WHERE "archived_at" is null;--> statement-breakpoint
CREATE INDEX "registry_classifications_system_idx" ON "registry_classifications" USING btree ("tenant_id","system_id","information_set_key","id");--> statement-breakpoint
CREATE INDEX "registry_classifications_review_idx" ON "registry_classifications" USING btree ("tenant_id","next_review_on","id");--> statement-breakpoint
CREATE INDEX "registry_classifications_level_idx" ON "registry_classifications" USING btree ("tenant_id","max_level","system_id") WHERE "archived_at" is null;