CREATE TABLE "desk_time_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"worked_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"billable" boolean NOT NULL,
	"note" text,
	"offering_id" uuid,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_time_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "desk_time_entries_minutes" CHECK ("desk_time_entries"."minutes" between 1 and 1440),
	CONSTRAINT "desk_time_entries_billable_offering" CHECK (not "desk_time_entries"."billable" or "desk_time_entries"."offering_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "desk_time_entries" ADD CONSTRAINT "desk_time_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_time_entries" ADD CONSTRAINT "desk_time_entries_tenant_id_ticket_id_desk_tickets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ticket_id") REFERENCES "public"."desk_tickets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_time_entries" ADD CONSTRAINT "desk_time_entries_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_time_entries" ADD CONSTRAINT "desk_time_entries_tenant_id_created_by_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_time_entries" ADD CONSTRAINT "desk_time_entries_tenant_id_offering_id_catalogue_offerings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offering_id") REFERENCES "public"."catalogue_offerings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_time_entries_ticket_idx" ON "desk_time_entries" USING btree ("tenant_id","ticket_id","worked_on");--> statement-breakpoint
CREATE INDEX "desk_time_entries_billable_idx" ON "desk_time_entries" USING btree ("tenant_id","worked_on") WHERE billable and archived_at is null;