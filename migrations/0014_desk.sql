CREATE TABLE "desk_groups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"email" text,
	"system_id" uuid,
	"supplier_id" uuid,
	"lead_id" uuid,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_groups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "desk_ticket_counters" (
	"tenant_id" uuid NOT NULL,
	"type" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "desk_ticket_counters_tenant_id_type_year_pk" PRIMARY KEY("tenant_id","type","year")
);
--> statement-breakpoint
CREATE TABLE "desk_ticket_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"author_id" uuid,
	"body" text,
	"change" jsonb,
	CONSTRAINT "desk_ticket_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "desk_tickets" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"requester_id" uuid NOT NULL,
	"on_behalf_of_id" uuid,
	"unit_id" uuid,
	"system_id" uuid,
	"category" text,
	"impact" smallint NOT NULL,
	"urgency" smallint NOT NULL,
	"priority" smallint NOT NULL,
	"group_id" uuid,
	"assignee_id" uuid,
	"channel" text NOT NULL,
	"major" boolean DEFAULT false NOT NULL,
	"root_cause" text,
	"workaround" text,
	"known_error" boolean DEFAULT false NOT NULL,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"rating" smallint,
	"rating_comment" text,
	"first_response_at" timestamp with time zone,
	"solved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"search_text" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('swedish', coalesce("number", '') || ' ' || coalesce("title", '')), 'A') || setweight(to_tsvector('swedish', coalesce("description", '')), 'B')) STORED NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_tickets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "desk_groups" ADD CONSTRAINT "desk_groups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_groups" ADD CONSTRAINT "desk_groups_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_groups" ADD CONSTRAINT "desk_groups_tenant_id_supplier_id_registry_suppliers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","supplier_id") REFERENCES "public"."registry_suppliers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_groups" ADD CONSTRAINT "desk_groups_tenant_id_lead_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lead_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_ticket_counters" ADD CONSTRAINT "desk_ticket_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_ticket_events" ADD CONSTRAINT "desk_ticket_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_ticket_events" ADD CONSTRAINT "desk_ticket_events_tenant_id_ticket_id_desk_tickets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ticket_id") REFERENCES "public"."desk_tickets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_ticket_events" ADD CONSTRAINT "desk_ticket_events_tenant_id_author_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","author_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD CONSTRAINT "desk_tickets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD CONSTRAINT "desk_tickets_tenant_id_requester_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","requester_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD CONSTRAINT "desk_tickets_tenant_id_on_behalf_of_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","on_behalf_of_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD CONSTRAINT "desk_tickets_tenant_id_assignee_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","assignee_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD CONSTRAINT "desk_tickets_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD CONSTRAINT "desk_tickets_tenant_id_system_id_registry_systems_tenant_id_id_fk" FOREIGN KEY ("tenant_id","system_id") REFERENCES "public"."registry_systems"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD CONSTRAINT "desk_tickets_tenant_id_group_id_desk_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "public"."desk_groups"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_groups_list_idx" ON "desk_groups" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "desk_groups_system_idx" ON "desk_groups" USING btree ("tenant_id","system_id") WHERE system_id is not null;--> statement-breakpoint
CREATE INDEX "desk_ticket_events_ticket_idx" ON "desk_ticket_events" USING btree ("tenant_id","ticket_id","at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_tickets_number_key" ON "desk_tickets" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "desk_tickets_group_idx" ON "desk_tickets" USING btree ("tenant_id","group_id","status","updated_at","id");--> statement-breakpoint
CREATE INDEX "desk_tickets_assignee_idx" ON "desk_tickets" USING btree ("tenant_id","assignee_id","status","updated_at","id");--> statement-breakpoint
CREATE INDEX "desk_tickets_requester_idx" ON "desk_tickets" USING btree ("tenant_id","requester_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "desk_tickets_behalf_idx" ON "desk_tickets" USING btree ("tenant_id","on_behalf_of_id") WHERE on_behalf_of_id is not null;--> statement-breakpoint
CREATE INDEX "desk_tickets_updated_idx" ON "desk_tickets" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "desk_tickets_created_idx" ON "desk_tickets" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "desk_tickets_priority_idx" ON "desk_tickets" USING btree ("tenant_id","priority","updated_at","id");--> statement-breakpoint
CREATE INDEX "desk_tickets_system_idx" ON "desk_tickets" USING btree ("tenant_id","system_id","updated_at") WHERE system_id is not null;--> statement-breakpoint
CREATE INDEX "desk_tickets_unit_idx" ON "desk_tickets" USING btree ("tenant_id","unit_id","created_at");--> statement-breakpoint
CREATE INDEX "desk_tickets_search_idx" ON "desk_tickets" USING gin ("search_text");