ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_tenant_id_unit_id_units_tenant_id_id_fk";
--> statement-breakpoint
DROP INDEX "role_assignments_active_uq";--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "scope_id" uuid;--> statement-breakpoint
-- A grant's scope becomes (scope, scope_id) for every kind a module registers; unit grants keep their unit.
UPDATE "role_assignments" SET "scope_id" = "unit_id" WHERE "scope" = 'unit';--> statement-breakpoint
CREATE INDEX "role_assignments_scope_idx" ON "role_assignments" USING btree ("tenant_id","scope","scope_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignments_active_uq" ON "role_assignments" USING btree ("tenant_id","person_id","role","scope",coalesce(scope_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE revoked_at is null;