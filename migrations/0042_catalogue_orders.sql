CREATE TABLE "catalogue_kontering_codes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_kontering_codes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_orders" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"offering_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"for_person_id" uuid,
	"ordered_by_id" uuid,
	"quantity" integer DEFAULT 1 NOT NULL,
	"cost_centre" text NOT NULL,
	"account" text NOT NULL,
	"activity" text,
	"counterpart" text,
	"note" text,
	"order_answers" jsonb,
	"approval" text NOT NULL,
	"status" text NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"ticket_id" uuid,
	"delivered_on" date,
	"delivered_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_orders_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_subscriptions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"offering_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid,
	"quantity" integer DEFAULT 1 NOT NULL,
	"cost_centre" text NOT NULL,
	"account" text NOT NULL,
	"activity" text,
	"counterpart" text,
	"order_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"ended_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_subscriptions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "catalogue_kontering_codes" ADD CONSTRAINT "catalogue_kontering_codes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_kontering_codes" ADD CONSTRAINT "catalogue_kontering_codes_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_orders" ADD CONSTRAINT "catalogue_orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_orders" ADD CONSTRAINT "catalogue_orders_tenant_id_offering_id_catalogue_offerings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offering_id") REFERENCES "public"."catalogue_offerings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_orders" ADD CONSTRAINT "catalogue_orders_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_orders" ADD CONSTRAINT "catalogue_orders_tenant_id_for_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","for_person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_orders" ADD CONSTRAINT "catalogue_orders_tenant_id_ordered_by_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ordered_by_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_orders" ADD CONSTRAINT "catalogue_orders_tenant_id_ticket_id_desk_tickets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ticket_id") REFERENCES "public"."desk_tickets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_subscriptions" ADD CONSTRAINT "catalogue_subscriptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_subscriptions" ADD CONSTRAINT "catalogue_subscriptions_tenant_id_offering_id_catalogue_offerings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offering_id") REFERENCES "public"."catalogue_offerings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_subscriptions" ADD CONSTRAINT "catalogue_subscriptions_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_subscriptions" ADD CONSTRAINT "catalogue_subscriptions_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_subscriptions" ADD CONSTRAINT "catalogue_subscriptions_tenant_id_order_id_catalogue_orders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."catalogue_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalogue_kontering_codes_list_idx" ON "catalogue_kontering_codes" USING btree ("tenant_id","unit_id","dimension","code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_kontering_codes_key" ON "catalogue_kontering_codes" USING btree ("tenant_id","unit_id","dimension","code") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "catalogue_orders_orderer_idx" ON "catalogue_orders" USING btree ("tenant_id","ordered_by_id","id");--> statement-breakpoint
CREATE INDEX "catalogue_orders_person_idx" ON "catalogue_orders" USING btree ("tenant_id","for_person_id","id");--> statement-breakpoint
CREATE INDEX "catalogue_orders_status_idx" ON "catalogue_orders" USING btree ("tenant_id","status","unit_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_orders_ticket_key" ON "catalogue_orders" USING btree ("tenant_id","ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_subscriptions_order_key" ON "catalogue_subscriptions" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "catalogue_subscriptions_active_idx" ON "catalogue_subscriptions" USING btree ("tenant_id","starts_on","ends_on");--> statement-breakpoint
CREATE INDEX "catalogue_subscriptions_unit_idx" ON "catalogue_subscriptions" USING btree ("tenant_id","unit_id","id");