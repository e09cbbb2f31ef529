CREATE TABLE "governance_agenda_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer,
	"title" text NOT NULL,
	"source_kind" text,
	"source_id" uuid,
	"minutes" text,
	"corrects_id" uuid,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_agenda_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "governance_meeting_attendance" (
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"deputy_id" uuid,
	CONSTRAINT "governance_meeting_attendance_tenant_id_meeting_id_person_id_pk" PRIMARY KEY("tenant_id","meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "governance_calendar_feeds" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"forum_id" uuid,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "governance_calendar_feeds_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "governance_calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "governance_meetings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"forum_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"chair_id" uuid,
	"secretary_id" uuid,
	"adjuster_id" uuid,
	"chair_adjusted_at" timestamp with time zone,
	"adjuster_adjusted_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD COLUMN "agenda_item_id" uuid;--> statement-breakpoint
ALTER TABLE "governance_agenda_items" ADD CONSTRAINT "governance_agenda_items_tenant_id_meeting_id_governance_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."governance_meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_agenda_items" ADD CONSTRAINT "governance_agenda_items_tenant_id_corrects_id_governance_agenda_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","corrects_id") REFERENCES "public"."governance_agenda_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meeting_attendance" ADD CONSTRAINT "governance_meeting_attendance_tenant_id_meeting_id_governance_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."governance_meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meeting_attendance" ADD CONSTRAINT "governance_meeting_attendance_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meeting_attendance" ADD CONSTRAINT "governance_meeting_attendance_tenant_id_deputy_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","deputy_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_calendar_feeds" ADD CONSTRAINT "governance_calendar_feeds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_calendar_feeds" ADD CONSTRAINT "governance_calendar_feeds_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_calendar_feeds" ADD CONSTRAINT "governance_calendar_feeds_tenant_id_forum_id_governance_forums_tenant_id_id_fk" FOREIGN KEY ("tenant_id","forum_id") REFERENCES "public"."governance_forums"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_tenant_id_forum_id_governance_forums_tenant_id_id_fk" FOREIGN KEY ("tenant_id","forum_id") REFERENCES "public"."governance_forums"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_tenant_id_chair_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","chair_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_tenant_id_secretary_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","secretary_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_tenant_id_adjuster_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","adjuster_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governance_agenda_items_meeting_idx" ON "governance_agenda_items" USING btree ("tenant_id","meeting_id","position");--> statement-breakpoint
CREATE INDEX "governance_agenda_items_source_idx" ON "governance_agenda_items" USING btree ("tenant_id","source_kind","source_id") WHERE source_id is not null;--> statement-breakpoint
CREATE INDEX "governance_calendar_feeds_person_idx" ON "governance_calendar_feeds" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "governance_meetings_list_idx" ON "governance_meetings" USING btree ("tenant_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "governance_meetings_forum_idx" ON "governance_meetings" USING btree ("tenant_id","forum_id","starts_at");--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_tenant_id_meeting_id_governance_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."governance_meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_tenant_id_agenda_item_id_governance_agenda_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","agenda_item_id") REFERENCES "public"."governance_agenda_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governance_decisions_meeting_idx" ON "governance_decisions" USING btree ("tenant_id","meeting_id","agenda_item_id") WHERE meeting_id is not null;