import { sql } from 'drizzle-orm';
import { sqlCheck } from '../quality/sql.ts';

// The records part's check on the data-quality dashboard: record types to be disposed of (gallras)
// with no föreskrift or decision named, the same test as the list's `noDisposalDecision` filter.

export const recordQualityChecks = [
  sqlCheck(
    'recordTypesWithoutDisposalDecision',
    'medium',
    (tenantId) => sql`
      select r.id, r.name, null as detail from registry_record_types r
      where r.tenant_id = ${tenantId} and r.archived_at is null and r.retention = 'dispose'
        and coalesce(btrim(r.retention_basis), '') = ''
      order by r.sort_name, r.id`,
    () => '/record-types?noDecision=true',
  ),
];
