DROP INDEX "desk_tickets_metrics_idx";--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD COLUMN "metrics_flags" smallint GENERATED ALWAYS AS ((case when ("sla"->'response'->>'target') is not null and ("first_response_at" is not null or "response_breached_at" is not null or "solved_at" is not null) then 1 else 0 end + case when ("sla"->'response'->>'target') is not null and "response_breached_at" is not null then 2 else 0 end + case when ("sla"->'resolution'->>'target') is not null then 4 else 0 end + case when ("sla"->'resolution'->>'target') is not null and "resolution_breached_at" is not null then 8 else 0 end + case when not "handed_on" then 16 else 0 end + case when "reopen_count" > 0 then 32 else 0 end)::smallint) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "desk_tickets_breached_idx" ON "desk_tickets" USING btree ("tenant_id","unit_id","created_at") WHERE response_breached_at is not null or resolution_breached_at is not null;--> statement-breakpoint
CREATE INDEX "desk_tickets_metrics_unit_idx" ON "desk_tickets" USING btree ("tenant_id","solved_at","created_at","metrics_flags","rating","resolution_minutes","id","unit_id");--> statement-breakpoint
CREATE INDEX "desk_tickets_metrics_idx" ON "desk_tickets" USING btree ("tenant_id","solved_at","created_at","metrics_flags","rating","resolution_minutes","id","unit_id","group_id","system_id","service_id","priority","category");--> statement-breakpoint
-- custom: reopenings that did not raise reopen_count (an agent's status change from solved back to
-- an open status did not, before server/modules/desk/tickets/service.ts changeTicket counted it):
-- each ticket takes the number of its reopenings in desk_metrics_gaps (kept by the trigger of
-- 0023_desk_metrics for every writer), so that the reopen rate, now read from metrics_flags
-- alone, counts them as before.
UPDATE desk_tickets t SET reopen_count = g.n, version = t.version + 1
  FROM (SELECT tenant_id, ticket_id, count(*)::int AS n FROM desk_metrics_gaps GROUP BY tenant_id, ticket_id) g
 WHERE t.tenant_id = g.tenant_id AND t.id = g.ticket_id AND t.reopen_count < g.n;
