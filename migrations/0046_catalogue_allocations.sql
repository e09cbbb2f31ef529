CREATE TABLE "catalogue_allocation_shares" (
	"tenant_id" uuid NOT NULL,
	"allocation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"weight" integer NOT NULL,
	CONSTRAINT "catalogue_allocation_shares_tenant_id_allocation_id_unit_id_pk" PRIMARY KEY("tenant_id","allocation_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_allocation_units" (
	"tenant_id" uuid NOT NULL,
	"allocation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "catalogue_allocation_units_tenant_id_allocation_id_unit_id_pk" PRIMARY KEY("tenant_id","allocation_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_allocations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"description" text,
	"amount" bigint NOT NULL,
	"offering_id" uuid,
	"account" text,
	"key" text NOT NULL,
	"spread" text NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_allocations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "catalogue_allocation_shares" ADD CONSTRAINT "catalogue_allocation_shares_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_allocation_shares" ADD CONSTRAINT "catalogue_allocation_shares_tenant_id_allocation_id_catalogue_allocations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","allocation_id") REFERENCES "public"."catalogue_allocations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_allocation_shares" ADD CONSTRAINT "catalogue_allocation_shares_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_allocation_units" ADD CONSTRAINT "catalogue_allocation_units_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_allocation_units" ADD CONSTRAINT "catalogue_allocation_units_tenant_id_allocation_id_catalogue_allocations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","allocation_id") REFERENCES "public"."catalogue_allocations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_allocation_units" ADD CONSTRAINT "catalogue_allocation_units_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_allocations" ADD CONSTRAINT "catalogue_allocations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_allocations" ADD CONSTRAINT "catalogue_allocations_tenant_id_offering_id_catalogue_offerings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offering_id") REFERENCES "public"."catalogue_offerings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalogue_allocations_list_idx" ON "catalogue_allocations" USING btree ("tenant_id","sort_name","id");