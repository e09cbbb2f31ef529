CREATE TABLE "catalogue_billing_switches" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"from_on" date NOT NULL,
	"note" text,
	"created_by_id" uuid,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_billing_switches_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_services" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_services_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_families" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_families_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_offering_units" (
	"tenant_id" uuid NOT NULL,
	"offering_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "catalogue_offering_units_tenant_id_offering_id_unit_id_pk" PRIMARY KEY("tenant_id","offering_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_offerings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"price_model" text NOT NULL,
	"price_unit" text,
	"pricing" text DEFAULT 'price' NOT NULL,
	"approval" text DEFAULT 'none' NOT NULL,
	"approval_role" text,
	"order_service_id" uuid,
	"all_units" boolean DEFAULT true NOT NULL,
	"partners" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_offerings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_rate_cards" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"offering_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"period_kind" text NOT NULL,
	"internal_price" bigint,
	"external_price" bigint,
	"total_cost" bigint,
	"note" text,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_rate_cards_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_planned_volumes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"offering_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quantity" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_planned_volumes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "catalogue_billing_switches" ADD CONSTRAINT "catalogue_billing_switches_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_billing_switches" ADD CONSTRAINT "catalogue_billing_switches_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_billing_switches" ADD CONSTRAINT "catalogue_billing_switches_tenant_id_created_by_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_services" ADD CONSTRAINT "catalogue_services_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_services" ADD CONSTRAINT "catalogue_services_tenant_id_id_desk_services_tenant_id_id_fk" FOREIGN KEY ("tenant_id","id") REFERENCES "public"."desk_services"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_services" ADD CONSTRAINT "catalogue_services_tenant_id_family_id_catalogue_families_tenant_id_id_fk" FOREIGN KEY ("tenant_id","family_id") REFERENCES "public"."catalogue_families"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_families" ADD CONSTRAINT "catalogue_families_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_offering_units" ADD CONSTRAINT "catalogue_offering_units_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_offering_units" ADD CONSTRAINT "catalogue_offering_units_tenant_id_offering_id_catalogue_offerings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offering_id") REFERENCES "public"."catalogue_offerings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_offering_units" ADD CONSTRAINT "catalogue_offering_units_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_offerings" ADD CONSTRAINT "catalogue_offerings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_offerings" ADD CONSTRAINT "catalogue_offerings_tenant_id_service_id_catalogue_services_tenant_id_id_fk" FOREIGN KEY ("tenant_id","service_id") REFERENCES "public"."catalogue_services"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_offerings" ADD CONSTRAINT "catalogue_offerings_tenant_id_order_service_id_desk_services_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_service_id") REFERENCES "public"."desk_services"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_rate_cards" ADD CONSTRAINT "catalogue_rate_cards_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_rate_cards" ADD CONSTRAINT "catalogue_rate_cards_tenant_id_offering_id_catalogue_offerings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offering_id") REFERENCES "public"."catalogue_offerings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_planned_volumes" ADD CONSTRAINT "catalogue_planned_volumes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_planned_volumes" ADD CONSTRAINT "catalogue_planned_volumes_tenant_id_offering_id_catalogue_offerings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offering_id") REFERENCES "public"."catalogue_offerings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_planned_volumes" ADD CONSTRAINT "catalogue_planned_volumes_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalogue_billing_switches_unit_idx" ON "catalogue_billing_switches" USING btree ("tenant_id","unit_id","from_on");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_billing_switches_date_key" ON "catalogue_billing_switches" USING btree ("tenant_id","unit_id","from_on") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "catalogue_services_family_idx" ON "catalogue_services" USING btree ("tenant_id","family_id");--> statement-breakpoint
CREATE INDEX "catalogue_families_list_idx" ON "catalogue_families" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "catalogue_offerings_list_idx" ON "catalogue_offerings" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "catalogue_offerings_service_idx" ON "catalogue_offerings" USING btree ("tenant_id","service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_rate_cards_start_key" ON "catalogue_rate_cards" USING btree ("tenant_id","offering_id","starts_on") WHERE archived_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_planned_volumes_key" ON "catalogue_planned_volumes" USING btree ("tenant_id","year","offering_id","unit_id");--> statement-breakpoint
CREATE INDEX "catalogue_planned_volumes_unit_idx" ON "catalogue_planned_volumes" USING btree ("tenant_id","unit_id");