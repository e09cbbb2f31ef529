CREATE TABLE "desk_inbound_mail" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"envelope_from" text NOT NULL,
	"envelope_to" text[] NOT NULL,
	"remote_address" text,
	"raw" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"reason" text,
	"message_id" text,
	"from_address" text,
	"from_name" text,
	"subject" text,
	"body" text,
	"language" text,
	"attachments" jsonb,
	"person_id" uuid,
	"ticket_id" uuid,
	"event_id" uuid,
	"parsed_at" timestamp with time zone,
	"handled_by" uuid,
	"handled_by_name" text,
	"handled_at" timestamp with time zone,
	"discard_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "desk_inbound_mail_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "desk_inbound_mail_status_ck" CHECK ("desk_inbound_mail"."status" in ('received', 'ticket', 'reply', 'held', 'ignored', 'duplicate', 'discarded'))
);
--> statement-breakpoint
CREATE TABLE "desk_mail_addresses" (
	"tenant_id" uuid NOT NULL,
	"address" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_mail_addresses_tenant_id_address_pk" PRIMARY KEY("tenant_id","address")
);
--> statement-breakpoint
CREATE TABLE "desk_mail_ids" (
	"tenant_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"direction" text NOT NULL,
	"ticket_id" uuid,
	"inbound_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_mail_ids_tenant_id_message_id_pk" PRIMARY KEY("tenant_id","message_id"),
	CONSTRAINT "desk_mail_ids_direction_ck" CHECK ("desk_mail_ids"."direction" in ('in', 'out'))
);
--> statement-breakpoint
CREATE TABLE "desk_mail_settings" (
	"tenant_id" uuid NOT NULL,
	"sender_limit_per_hour" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_mail_settings_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "message_id" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "desk_inbound_mail" ADD CONSTRAINT "desk_inbound_mail_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_inbound_mail" ADD CONSTRAINT "desk_inbound_mail_tenant_id_ticket_id_desk_tickets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ticket_id") REFERENCES "public"."desk_tickets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_inbound_mail" ADD CONSTRAINT "desk_inbound_mail_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_mail_addresses" ADD CONSTRAINT "desk_mail_addresses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_mail_ids" ADD CONSTRAINT "desk_mail_ids_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_mail_ids" ADD CONSTRAINT "desk_mail_ids_tenant_id_ticket_id_desk_tickets_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ticket_id") REFERENCES "public"."desk_tickets"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_mail_ids" ADD CONSTRAINT "desk_mail_ids_tenant_id_inbound_id_desk_inbound_mail_tenant_id_id_fk" FOREIGN KEY ("tenant_id","inbound_id") REFERENCES "public"."desk_inbound_mail"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_mail_settings" ADD CONSTRAINT "desk_mail_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_inbound_mail_status_idx" ON "desk_inbound_mail" USING btree ("tenant_id","status","id");--> statement-breakpoint
CREATE INDEX "desk_inbound_mail_sender_idx" ON "desk_inbound_mail" USING btree ("tenant_id","from_address","received_at");--> statement-breakpoint
CREATE INDEX "desk_inbound_mail_received_idx" ON "desk_inbound_mail" USING btree ("received_at") WHERE status = 'received';--> statement-breakpoint
CREATE UNIQUE INDEX "desk_mail_addresses_address_uq" ON "desk_mail_addresses" USING btree ("address");--> statement-breakpoint
CREATE INDEX "desk_mail_ids_ticket_idx" ON "desk_mail_ids" USING btree ("tenant_id","ticket_id");