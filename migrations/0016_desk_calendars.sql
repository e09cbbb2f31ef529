CREATE TABLE "desk_calendar_units" (
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"calendar_id" uuid NOT NULL,
	CONSTRAINT "desk_calendar_units_tenant_id_unit_id_pk" PRIMARY KEY("tenant_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "desk_calendars" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_name" text GENERATED ALWAYS AS (translate(lower("name"), 'åäöæøüéèêëáàâãāíìîïóòôõōúùûūýÿçčćñńšśžźżłđğşřěůőűďťň', '{|}|}yeeeeaaaaaiiiiooooouuuuyycccnnsszzzldgsreuoudtn')) STORED NOT NULL,
	"time_zone" text NOT NULL,
	"weekly" jsonb NOT NULL,
	"swedish_holidays" boolean NOT NULL,
	"open_holidays" jsonb NOT NULL,
	"extra_closed_dates" jsonb NOT NULL,
	"exceptions" jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_calendars_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "desk_calendar_units" ADD CONSTRAINT "desk_calendar_units_tenant_id_unit_id_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_calendar_units" ADD CONSTRAINT "desk_calendar_units_tenant_id_calendar_id_desk_calendars_tenant_id_id_fk" FOREIGN KEY ("tenant_id","calendar_id") REFERENCES "public"."desk_calendars"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_calendars" ADD CONSTRAINT "desk_calendars_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_calendar_units_calendar_idx" ON "desk_calendar_units" USING btree ("tenant_id","calendar_id");--> statement-breakpoint
CREATE INDEX "desk_calendars_list_idx" ON "desk_calendars" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "desk_calendars_updated_idx" ON "desk_calendars" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_calendars_default_key" ON "desk_calendars" USING btree ("tenant_id") WHERE is_default and archived_at is null;