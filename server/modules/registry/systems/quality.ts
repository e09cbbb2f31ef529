import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../db/client.ts';
import { countedItems, type QualityCheck } from '../quality/check.ts';

// The systems' checks on the data-quality dashboard: a system every one of whose systemägare (or
// systemförvaltare) is missing, archived or inactive has nobody who answers for it (seed 001:
// every system has both). Read from the platform's grants in the `system` scope, which every
// system role holds while it is in effect.

function withoutHolder(id: string, role: 'systemOwner' | 'systemManager'): QualityCheck {
  return {
    id,
    severity: 'high',
    async run(db, actor, limit) {
      const rows = rowsOf<{ total: number; id: string; name: string; detail: string | null }>(
        await db.execute(sql`
          select count(*) over ()::int as total, s.id, s.name, s.phase as detail
          from registry_systems s
          where s.tenant_id = ${actor.tenantId} and s.archived_at is null and s.phase <> 'retired'
            and not exists (
              select 1 from role_assignments g
              join people p on p.tenant_id = g.tenant_id and p.id = g.person_id
              where g.tenant_id = s.tenant_id and g.scope = 'system' and g.scope_id = s.id
                and g.role = ${role} and g.revoked_at is null
                and p.archived_at is null and p.active)
          order by s.sort_name, s.id
          limit ${limit}`),
      );
      return countedItems(rows, (systemId) => `/systems/${systemId}`);
    },
  };
}

export const systemQualityChecks: QualityCheck[] = [
  withoutHolder('systemsWithoutOwner', 'systemOwner'),
  withoutHolder('systemsWithoutManager', 'systemManager'),
];
