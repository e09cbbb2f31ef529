import { sql } from 'drizzle-orm';
import { sqlCheck } from '../quality/sql.ts';

// The förvaltningsobjekt's check on the data-quality dashboard: objects with no förvaltningsplan
// for the current year (pm3: every object is planned yearly).

export const managementQualityChecks = [
  sqlCheck(
    'managementPlanMissing',
    'medium',
    (tenantId, today) => sql`
      select o.id, o.name, null as detail from registry_management_objects o
      where o.tenant_id = ${tenantId} and o.archived_at is null
        and not exists (select 1 from registry_management_plans p
          where p.tenant_id = o.tenant_id and p.object_id = o.id
            and p.year = extract(year from ${today}::date)::int)
      order by o.sort_name, o.id`,
    (id) => `/management-objects/${id}`,
  ),
];
