import { sql } from 'drizzle-orm';
import { demandStatuses } from '../../../../shared/portfolio/demands.ts';
import { procurementStatuses } from '../../../../shared/portfolio/procurements.ts';
import { projectPhases } from '../../../../shared/portfolio/projects.ts';
import type { PortfolioSummary, SummaryQuery } from '../../../../shared/portfolio/summary.ts';
import { type Database, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { benefitFigures } from '../benefits/service.ts';
import { demands } from '../demands/schema.ts';
import { procurements } from '../procurements/schema.ts';
import { projects, statusReports } from '../projects/schema.ts';

// The portfolio summary: grouped counts (and the benefit figures of ../benefits) over the tenant's rows, each one statement that the
// database answers from the tenant's index range; nothing is listed. Archived projects and
// procurements (registered in error) do not count.

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const n = (v: unknown) => Number(v ?? 0);

async function demandFigures(db: Database, tenantId: string) {
  const rows = rowsOf<{
    status: string;
    count: number;
    savings: string;
    hours: string;
    investment: string;
    approved: number;
  }>(
    await db.execute(sql`
      select ${demands.status} as status, count(*)::int as count,
        count(*) filter (where ${approvedDemand})::int as approved,
        coalesce(sum(${demands.yearlySavings}) filter (where ${approvedDemand}), 0) as savings,
        coalesce(sum(${demands.hoursFreed}) filter (where ${approvedDemand}), 0) as hours,
        coalesce(sum(${demands.investment}) filter (where ${approvedDemand}), 0) as investment
      from ${demands} where ${demands.tenantId} = ${tenantId}
      group by ${demands.status}`),
  );
  const byStatus = zeros(demandStatuses);
  const approved = { count: 0, yearlySavings: 0, hoursFreed: 0, investment: 0 };
  for (const r of rows) {
    if (r.status in byStatus) byStatus[r.status as keyof typeof byStatus] = n(r.count);
    approved.count += n(r.approved);
    approved.yearlySavings += n(r.savings);
    approved.hoursFreed += n(r.hours);
    approved.investment += n(r.investment);
  }
  return { total: rows.reduce((a, r) => a + n(r.count), 0), byStatus, approved };
}

/** Decided with approval (bifall), or under way since. */
const approvedDemand = sql`(${demands.status} = 'inProgress' or (${demands.status} = 'decided' and ${demands.outcome} = 'approved'))`;

async function projectFigures(db: Database, tenantId: string, year: number) {
  const today = todayInStockholm();
  const active = sql`${projects.tenantId} = ${tenantId} and ${projects.archivedAt} is null`;
  const [phases, statuses, budget] = await Promise.all([
    db.execute(sql`
      select ${projects.phase} as phase, count(*)::int as count,
        count(*) filter (where ${projects.nextReportOn} < ${today}::date)::int as overdue
      from ${projects} where ${active} group by ${projects.phase}`),
    // Each project's latest report (the index on tenant, project, period end), at its worst level.
    db.execute(sql`
      select coalesce(latest.level, 'none') as level, count(*)::int as count
      from ${projects}
      left join lateral (
        select case when 'red' in (r.time, r.cost, r.scope) then 'red'
                    when 'amber' in (r.time, r.cost, r.scope) then 'amber' else 'green' end as level
        from ${statusReports} r
        where r.tenant_id = ${projects.tenantId} and r.project_id = ${projects.id}
        order by r.period_to desc limit 1
      ) latest on true
      where ${active} group by 1`),
    db.execute(sql`
      select coalesce(sum((b->>'investment')::bigint), 0) as investment,
        coalesce(sum((b->>'running')::bigint), 0) as running,
        coalesce(sum((b->>'investmentOutcome')::bigint), 0) as "investmentOutcome",
        coalesce(sum((b->>'runningOutcome')::bigint), 0) as "runningOutcome"
      from ${projects}, jsonb_array_elements(${projects.budget}) b
      where ${active} and (b->>'year')::int = ${year}`),
  ]);
  const byPhase = zeros(projectPhases);
  let total = 0;
  let reportsOverdue = 0;
  for (const r of rowsOf<{ phase: string; count: number; overdue: number }>(phases)) {
    if (r.phase in byPhase) byPhase[r.phase as keyof typeof byPhase] = n(r.count);
    total += n(r.count);
    reportsOverdue += n(r.overdue);
  }
  const byStatus = { green: 0, amber: 0, red: 0, none: 0 };
  for (const r of rowsOf<{ level: keyof typeof byStatus; count: number }>(statuses))
    byStatus[r.level] = n(r.count);
  const [b] = rowsOf<Record<string, string>>(budget);
  return {
    total,
    byPhase,
    byStatus,
    reportsOverdue,
    budget: {
      investment: n(b?.investment),
      running: n(b?.running),
      investmentOutcome: n(b?.investmentOutcome),
      runningOutcome: n(b?.runningOutcome),
    },
  };
}

async function procurementFigures(db: Database, tenantId: string) {
  const rows = rowsOf<{ status: string; count: number; cost: string }>(
    await db.execute(sql`
      select ${procurements.status} as status, count(*)::int as count,
        coalesce(sum(${procurements.cancelCost}), 0) as cost
      from ${procurements}
      where ${procurements.tenantId} = ${tenantId} and ${procurements.archivedAt} is null
      group by ${procurements.status}`),
  );
  const byStatus = zeros(procurementStatuses);
  let total = 0;
  let cancelledCost = 0;
  for (const r of rows) {
    if (r.status in byStatus) byStatus[r.status as keyof typeof byStatus] = n(r.count);
    total += n(r.count);
    if (r.status === 'cancelled') cancelledCost += n(r.cost);
  }
  return { total, byStatus, cancelledCost };
}

export async function portfolioSummary(
  db: Database,
  actor: Actor,
  query: SummaryQuery,
): Promise<PortfolioSummary> {
  const year = query.year ?? Number(todayInStockholm().slice(0, 4));
  // PGlite is one connection: the statements queue there either way; on PostgreSQL they overlap.
  const [d, p, r, b] = await Promise.all([
    demandFigures(db, actor.tenantId),
    projectFigures(db, actor.tenantId, year),
    procurementFigures(db, actor.tenantId),
    benefitFigures(db, actor.tenantId),
  ]);
  return { year, demands: d, projects: p, procurements: r, benefits: b };
}
