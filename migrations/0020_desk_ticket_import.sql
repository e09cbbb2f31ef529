DROP INDEX "desk_tickets_queue_due_idx";--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD COLUMN "handed_on" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD COLUMN "check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "desk_tickets" ADD COLUMN "source_ref" text;--> statement-breakpoint
CREATE INDEX "desk_tickets_check_idx" ON "desk_tickets" USING btree ("check_at") WHERE check_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "desk_tickets_source_key" ON "desk_tickets" USING btree ("tenant_id","source_ref") WHERE source_ref is not null;--> statement-breakpoint
CREATE INDEX "desk_tickets_queue_due_idx" ON "desk_tickets" USING btree ("tenant_id","group_id",coalesce("due_at", '9999-12-31 00:00:00+00'::timestamptz),"id") WHERE status in ('new', 'assigned', 'inProgress', 'waitingRequester', 'waitingSupplier');