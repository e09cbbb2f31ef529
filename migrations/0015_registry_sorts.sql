DROP INDEX "registry_licences_system_idx";--> statement-breakpoint
DROP INDEX "registry_integrations_from_all_idx";--> statement-breakpoint
DROP INDEX "registry_integrations_to_all_idx";--> statement-breakpoint
DROP INDEX "registry_management_objects_owner_idx";--> statement-breakpoint
DROP INDEX "registry_management_objects_manager_idx";--> statement-breakpoint
ALTER TABLE "registry_licences" ADD COLUMN "type_rank" integer GENERATED ALWAYS AS (case "type" when 'namedUser' then 0 when 'concurrentUser' then 1 when 'device' then 2 when 'server' then 3 when 'site' then 4 when 'subscription' then 5 else 6 end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_integrations" ADD COLUMN "frequency_rank" integer GENERATED ALWAYS AS (case "frequency" when 'realtime' then 0 when 'hourly' then 1 when 'daily' then 2 when 'weekly' then 3 when 'monthly' then 4 when 'onDemand' then 5 else 6 end) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "registry_licences_type_idx" ON "registry_licences" USING btree ("tenant_id","type_rank",coalesce("valid_to", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "registry_licences_count_idx" ON "registry_licences" USING btree ("tenant_id","count",coalesce("valid_to", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "registry_integrations_frequency_idx" ON "registry_integrations" USING btree ("tenant_id","frequency_rank","sort_information","id");--> statement-breakpoint
CREATE INDEX "registry_management_objects_updated_idx" ON "registry_management_objects" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "registry_processes_name_idx" ON "registry_processes" USING btree ("tenant_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_suppliers_org_number_idx" ON "registry_suppliers" USING btree ("tenant_id",(case when "org_number" is null then 1 else 0 end),coalesce("org_number", ''),"sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_suppliers_updated_idx" ON "registry_suppliers" USING btree ("tenant_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "registry_licences_system_idx" ON "registry_licences" USING btree ("tenant_id","system_id",coalesce("valid_to", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "registry_integrations_from_all_idx" ON "registry_integrations" USING btree ("tenant_id","from_system_id","sort_information","id");--> statement-breakpoint
CREATE INDEX "registry_integrations_to_all_idx" ON "registry_integrations" USING btree ("tenant_id","to_system_id","sort_information","id");--> statement-breakpoint
CREATE INDEX "registry_management_objects_owner_idx" ON "registry_management_objects" USING btree ("tenant_id","owner_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "registry_management_objects_manager_idx" ON "registry_management_objects" USING btree ("tenant_id","manager_id","sort_name","id");