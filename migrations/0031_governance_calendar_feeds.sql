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
ALTER TABLE "governance_calendar_feeds" ADD CONSTRAINT "governance_calendar_feeds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_calendar_feeds" ADD CONSTRAINT "governance_calendar_feeds_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_calendar_feeds" ADD CONSTRAINT "governance_calendar_feeds_tenant_id_forum_id_governance_forums_tenant_id_id_fk" FOREIGN KEY ("tenant_id","forum_id") REFERENCES "public"."governance_forums"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governance_calendar_feeds_person_idx" ON "governance_calendar_feeds" USING btree ("tenant_id","person_id");