import { sql } from 'drizzle-orm';
import { sqlCheck } from '../quality/sql.ts';

// The AI register's check on the data-quality dashboard: AI applications without a risk category,
// which the AI Act's deployer duties need first.

export const aiQualityChecks = [
  sqlCheck(
    'aiWithoutRiskAssessment',
    'high',
    (tenantId) => sql`
      select a.id, a.name, null as detail from registry_ai_applications a
      where a.tenant_id = ${tenantId} and a.archived_at is null and a.risk_category is null
      order by a.sort_name, a.id`,
    () => '/ai-applications?unassessed=true',
  ),
];
