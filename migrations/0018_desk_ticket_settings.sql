CREATE TABLE "desk_ticket_settings" (
	"tenant_id" uuid NOT NULL,
	"priority_matrix" jsonb NOT NULL,
	"reopen_days" integer NOT NULL,
	"auto_close_days" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_ticket_settings_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "desk_ticket_settings" ADD CONSTRAINT "desk_ticket_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_tickets_solved_idx" ON "desk_tickets" USING btree ("solved_at") WHERE status = 'solved';