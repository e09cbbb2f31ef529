import { sql } from 'drizzle-orm';
import { registryPolicy } from '../policy.ts';
import { sqlCheck } from '../quality/sql.ts';

// The contracts' check on the data-quality dashboard: contracts ending within six months, soonest
// first, for staff only (contracts are not for the self-service portal).

export const contractQualityChecks = [
  sqlCheck(
    'contractsEnding',
    'medium',
    (tenantId, today) => sql`
      select c.id, c.title as name, c.ends_on::text as detail from registry_contracts c
      where c.tenant_id = ${tenantId} and c.archived_at is null
        and c.ends_on >= ${today}::date and c.ends_on < ${today}::date + interval '6 months'
      order by c.ends_on, c.sort_title, c.id`,
    (id) => `/contracts/${id}`,
    registryPolicy.readCommercial,
  ),
];
