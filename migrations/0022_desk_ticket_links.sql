CREATE TABLE "desk_saved_filters" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_saved_filters_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "desk_ticket_links" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_ticket_links_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "desk_ticket_links_not_self" CHECK ("desk_ticket_links"."from_id" <> "desk_ticket_links"."to_id")
);
--> statement-breakpoint
CREATE TABLE "desk_ticket_watchers" (
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"from_ticket_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_ticket_watchers_tenant_id_ticket_id_person_id_pk" PRIMARY KEY("tenant_id","ticket_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "desk_saved_filters" ADD CONSTRAINT "desk_saved_filters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_saved_filters" ADD CONSTRAINT "desk_saved_filters_tenant_id_owner_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_ticket_links" ADD CONSTRAINT "desk_ticket_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_ticket_links" ADD CONSTRAINT "desk_ticket_links_tenant_id_from_id_desk_tickets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","from_id") REFERENCES "public"."desk_tickets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_ticket_links" ADD CONSTRAINT "desk_ticket_links_tenant_id_to_id_desk_tickets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","to_id") REFERENCES "public"."desk_tickets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_ticket_links" ADD CONSTRAINT "desk_ticket_links_tenant_id_created_by_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_ticket_watchers" ADD CONSTRAINT "desk_ticket_watchers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_ticket_watchers" ADD CONSTRAINT "desk_ticket_watchers_tenant_id_ticket_id_desk_tickets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ticket_id") REFERENCES "public"."desk_tickets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_ticket_watchers" ADD CONSTRAINT "desk_ticket_watchers_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_ticket_watchers" ADD CONSTRAINT "desk_ticket_watchers_tenant_id_from_ticket_id_desk_tickets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","from_ticket_id") REFERENCES "public"."desk_tickets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "desk_saved_filters_name_key" ON "desk_saved_filters" USING btree ("tenant_id","owner_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "desk_ticket_links_pair_key" ON "desk_ticket_links" USING btree ("tenant_id",least("from_id", "to_id"),greatest("from_id", "to_id"));--> statement-breakpoint
CREATE UNIQUE INDEX "desk_ticket_links_parent_key" ON "desk_ticket_links" USING btree ("tenant_id","to_id") WHERE kind = 'parent';--> statement-breakpoint
CREATE UNIQUE INDEX "desk_ticket_links_duplicate_key" ON "desk_ticket_links" USING btree ("tenant_id","from_id") WHERE kind = 'duplicate';--> statement-breakpoint
CREATE INDEX "desk_ticket_links_from_idx" ON "desk_ticket_links" USING btree ("tenant_id","from_id","kind");--> statement-breakpoint
CREATE INDEX "desk_ticket_links_to_idx" ON "desk_ticket_links" USING btree ("tenant_id","to_id","kind");--> statement-breakpoint
CREATE INDEX "desk_ticket_watchers_person_idx" ON "desk_ticket_watchers" USING btree ("tenant_id","person_id","ticket_id");