import { sql } from 'drizzle-orm';
import { sqlCheck } from '../quality/sql.ts';

// The integrations' check on the data-quality dashboard: systems being phased out (or retired)
// that still have live integrations, which then must be moved or ended before the system goes.

export const integrationQualityChecks = [
  sqlCheck(
    'phaseOutWithLiveIntegrations',
    'high',
    (tenantId) => sql`
      select s.id, s.name, count(i.id)::text as detail from registry_systems s
      join registry_integrations i on i.tenant_id = s.tenant_id and i.archived_at is null
        and (i.from_system_id = s.id or i.to_system_id = s.id)
      where s.tenant_id = ${tenantId} and s.archived_at is null and s.phase in ('phaseOut', 'retired')
      group by s.id, s.name, s.sort_name
      order by s.sort_name, s.id`,
    (id) => `/systems/${id}`,
  ),
];
