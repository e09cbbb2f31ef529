import { sql } from 'drizzle-orm';
import { sqlCheck } from '../quality/sql.ts';

// The classification's checks on the data-quality dashboard: systems in use that nobody has
// classified, and classifications whose review date has passed. Only that a system lacks a
// classification or is overdue shows, never its levels.

export const classificationQualityChecks = [
  sqlCheck(
    'classificationMissing',
    'high',
    (tenantId) => sql`
      select s.id, s.name, s.phase as detail from registry_systems s
      where s.tenant_id = ${tenantId} and s.archived_at is null
        and s.phase in ('implementation', 'operation', 'phaseOut')
        and not exists (select 1 from registry_classifications c
          where c.tenant_id = s.tenant_id and c.system_id = s.id and c.archived_at is null)
      order by s.sort_name, s.id`,
    (id) => `/systems/${id}`,
  ),
  sqlCheck(
    'classificationOverdue',
    'medium',
    (tenantId, today) => sql`
      select s.id, s.name, min(c.next_review_on)::text as detail
      from registry_classifications c
      join registry_systems s on s.tenant_id = c.tenant_id and s.id = c.system_id
      where c.tenant_id = ${tenantId} and c.archived_at is null and s.archived_at is null
        and c.next_review_on < ${today}::date
      group by s.id, s.name, s.sort_name
      order by min(c.next_review_on), s.sort_name, s.id`,
    (id) => `/systems/${id}`,
  ),
];
