CREATE TABLE "desk_metrics_gaps" (
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"solved_at" timestamp with time zone NOT NULL,
	"reopened_at" timestamp with time zone NOT NULL,
	CONSTRAINT "desk_metrics_gaps_tenant_id_ticket_id_reopened_at_pk" PRIMARY KEY("tenant_id","ticket_id","reopened_at")
);
--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD COLUMN "response_target" integer GENERATED ALWAYS AS ((("sla"->'response'->>'target'))::integer) STORED;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD COLUMN "resolution_target" integer GENERATED ALWAYS AS ((("sla"->'resolution'->>'target'))::integer) STORED;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD COLUMN "resolution_minutes" integer GENERATED ALWAYS AS (case when "sla"->'resolution'->>'phase' = 'met' then ((("sla"->'resolution'->>'usedMs'))::bigint / 60000)::integer end) STORED;--> statement-breakpoint
ALTER TABLE "desk_metrics_gaps" ADD CONSTRAINT "desk_metrics_gaps_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_metrics_gaps" ADD CONSTRAINT "desk_metrics_gaps_tenant_id_ticket_id_desk_tickets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ticket_id") REFERENCES "public"."desk_tickets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_metrics_gaps_reopened_idx" ON "desk_metrics_gaps" USING btree ("tenant_id","reopened_at","solved_at","ticket_id");--> statement-breakpoint
CREATE INDEX "desk_tickets_metrics_idx" ON "desk_tickets" USING btree ("tenant_id","solved_at","id","created_at","unit_id","service_id","system_id","group_id","priority","category","handed_on","reopen_count","rating","first_response_at","response_breached_at","resolution_breached_at","response_target","resolution_target","resolution_minutes");--> statement-breakpoint
-- The reopenings of tickets with the solution before each (server/modules/desk/metrics/schema.ts):
-- written here, as the timeline is appended to, by every writer alike (the ticket service, the
-- import, a bulk load). A reopening is an event that takes a ticket from solved or closed to an
-- open status; the solution before it is the ticket's last event that took it from an open status
-- to solved or closed. Once per statement: an import appends thousands of events in one.
CREATE FUNCTION desk_metrics_gaps_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO desk_metrics_gaps (tenant_id, ticket_id, solved_at, reopened_at)
  SELECT a.tenant_id, a.ticket_id, d.at, a.at
    FROM added a
    CROSS JOIN LATERAL (
      SELECT e.at FROM desk_ticket_events e
       WHERE e.tenant_id = a.tenant_id AND e.ticket_id = a.ticket_id AND e.kind = 'status'
         AND e.change->>'to' IN ('solved', 'closed')
         AND coalesce(e.change->>'from', '') NOT IN ('solved', 'closed')
         AND e.at <= a.at AND e.id <> a.id
       ORDER BY e.at DESC, e.id DESC
       LIMIT 1
    ) d
   WHERE a.kind IN ('status', 'reopened')
     AND a.change->>'from' IN ('solved', 'closed')
     AND a.change->>'to' NOT IN ('solved', 'closed')
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER desk_metrics_gaps_kept AFTER INSERT ON desk_ticket_events
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION desk_metrics_gaps_kept();
--> statement-breakpoint
-- The reopenings already in the timelines.
INSERT INTO desk_metrics_gaps (tenant_id, ticket_id, solved_at, reopened_at)
SELECT a.tenant_id, a.ticket_id, d.at, a.at
  FROM desk_ticket_events a
  CROSS JOIN LATERAL (
    SELECT e.at FROM desk_ticket_events e
     WHERE e.tenant_id = a.tenant_id AND e.ticket_id = a.ticket_id AND e.kind = 'status'
       AND e.change->>'to' IN ('solved', 'closed')
       AND coalesce(e.change->>'from', '') NOT IN ('solved', 'closed')
       AND e.at <= a.at AND e.id <> a.id
     ORDER BY e.at DESC, e.id DESC
     LIMIT 1
  ) d
 WHERE a.kind IN ('status', 'reopened')
   AND a.change->>'from' IN ('solved', 'closed')
   AND a.change->>'to' NOT IN ('solved', 'closed')
ON CONFLICT DO NOTHING;
