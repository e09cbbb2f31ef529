-- A system's record as the API's JSON, kept by the database (server/modules/registry/systems/schema.ts,
-- "record_json"): the list and GET of one system read it as it is, instead of building it on every
-- request (building 50 records' JSON per page cost PostgreSQL three times what reading it does).
-- Triggers rather than calls in the service, so that no writer (service, import, bulk load) can
-- leave it stale: a system's own row on every insert and update, and its row again when the units
-- that use it change. The column is not in the Drizzle schema: only these triggers write it, and
-- the two read queries name it, so no other select of systems (locks, audit before/after) carries it.
-- The fields are present.ts presentSystem's but for `can`, which the route adds for the reader;
-- list.test.ts holds GET, the list and every write's answer to each other field for field.
ALTER TABLE "registry_systems" ADD COLUMN "record_json" text;
--> statement-breakpoint
CREATE FUNCTION registry_system_json(s registry_systems) RETURNS text LANGUAGE sql STABLE AS $$
  select row_to_json(j)::text from (select
    s.id, s.name, s.short_name as "shortName", s.description, s.scope, s.category,
    s.owning_unit_id as "owningUnitId",
    coalesce((
      select json_agg(u order by u."unitId")
        from (select su.unit_id as "unitId", su.users from registry_system_units su
               where su.tenant_id = s.tenant_id and su.system_id = s.id) u
    ), '[]'::json) as "usingUnits",
    s.phase, s.in_operation_from as "inOperationFrom", s.phase_out_from as "phaseOutFrom",
    s.retired_on as "retiredOn", s.operation_form as "operationForm", s.criticality,
    s.time_assessment as "timeAssessment", s.time_motivation as "timeMotivation",
    s.supplier_id as "supplierId", s.product, s.product_version as "productVersion",
    s.e_service as "eService", s.own_developed as "ownDeveloped", s.links, s.tags,
    s.product_council as "productCouncil",
    -- As iso() in server/platform/http.ts writes a moment: UTC, milliseconds, Z.
    to_char(s.archived_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "archivedAt",
    s.archive_reason as "archiveReason", s.version,
    to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
    to_char(s.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt"
  ) j
$$;
--> statement-breakpoint
CREATE FUNCTION registry_system_json_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.record_json := registry_system_json(NEW);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER registry_systems_json BEFORE INSERT OR UPDATE ON registry_systems
  FOR EACH ROW EXECUTE FUNCTION registry_system_json_kept();
--> statement-breakpoint
-- Once per statement over the systems whose uses it changed (an import writes thousands): the
-- update makes registry_systems_json build each one's record again.
CREATE FUNCTION registry_system_uses_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE registry_systems s SET record_json = NULL
    FROM (SELECT DISTINCT tenant_id, system_id FROM changed) c
   WHERE s.tenant_id = c.tenant_id AND s.id = c.system_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER registry_system_units_inserted AFTER INSERT ON registry_system_units
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION registry_system_uses_changed();
--> statement-breakpoint
CREATE TRIGGER registry_system_units_deleted AFTER DELETE ON registry_system_units
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION registry_system_uses_changed();
--> statement-breakpoint
CREATE TRIGGER registry_system_units_updated_old AFTER UPDATE ON registry_system_units
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION registry_system_uses_changed();
--> statement-breakpoint
CREATE TRIGGER registry_system_units_updated_new AFTER UPDATE ON registry_system_units
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION registry_system_uses_changed();
--> statement-breakpoint
UPDATE registry_systems SET record_json = NULL;
--> statement-breakpoint
ALTER TABLE "registry_systems" ALTER COLUMN "record_json" SET NOT NULL;
--> statement-breakpoint
-- The impact analysis is kept in each server process per tenant and system
-- (server/modules/registry/integrations/service.ts impactCache, server/platform/derived-cache.ts)
-- until a change that could change an answer commits: these triggers NOTIFY styrbord_registry_graph
-- with the tenant id, and every process drops that tenant's answers. An answer holds the systems
-- reached over live integrations (their ends, direction, archiving), their names, and the units
-- that own or use them (with the units' names), so those are the changes that notify. Not: a new
-- system or unit (nothing reaches it yet), the record's JSON and other columns no answer holds.
CREATE FUNCTION registry_graph_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('styrbord_registry_graph', OLD.tenant_id::text);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('styrbord_registry_graph', NEW.tenant_id::text);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER registry_integrations_graph_inserted_or_deleted AFTER INSERT OR DELETE ON registry_integrations
  FOR EACH ROW EXECUTE FUNCTION registry_graph_changed();
--> statement-breakpoint
CREATE TRIGGER registry_integrations_graph_updated AFTER UPDATE ON registry_integrations
  FOR EACH ROW WHEN (
    (OLD.tenant_id, OLD.from_system_id, OLD.to_system_id, OLD.direction, OLD.archived_at IS NULL)
    IS DISTINCT FROM (NEW.tenant_id, NEW.from_system_id, NEW.to_system_id, NEW.direction, NEW.archived_at IS NULL)
  ) EXECUTE FUNCTION registry_graph_changed();
--> statement-breakpoint
CREATE TRIGGER registry_systems_graph_deleted AFTER DELETE ON registry_systems
  FOR EACH ROW EXECUTE FUNCTION registry_graph_changed();
--> statement-breakpoint
CREATE TRIGGER registry_systems_graph_updated AFTER UPDATE ON registry_systems
  FOR EACH ROW WHEN (
    (OLD.tenant_id, OLD.name, OLD.owning_unit_id, OLD.archived_at IS NULL)
    IS DISTINCT FROM (NEW.tenant_id, NEW.name, NEW.owning_unit_id, NEW.archived_at IS NULL)
  ) EXECUTE FUNCTION registry_graph_changed();
--> statement-breakpoint
CREATE TRIGGER registry_system_units_graph_changed AFTER INSERT OR UPDATE OR DELETE ON registry_system_units
  FOR EACH ROW EXECUTE FUNCTION registry_graph_changed();
--> statement-breakpoint
CREATE TRIGGER units_registry_graph_deleted AFTER DELETE ON units
  FOR EACH ROW EXECUTE FUNCTION registry_graph_changed();
--> statement-breakpoint
CREATE TRIGGER units_registry_graph_updated AFTER UPDATE ON units
  FOR EACH ROW WHEN (
    (OLD.tenant_id, OLD.name, OLD.archived_at IS NULL)
    IS DISTINCT FROM (NEW.tenant_id, NEW.name, NEW.archived_at IS NULL)
  ) EXECUTE FUNCTION registry_graph_changed();
