import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { CostCategory, SystemCostsPut } from '../../../../shared/registry/contracts.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { units } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { inTenant, readScope } from '../../../platform/tenancy.ts';
import { systems, systemUnits } from '../systems/schema.ts';
import { systemCostShares, systemCosts, systemCostYears } from './schema.ts';

// A system's costs of a year (licence, operation, support, other) and their split over units: the
// only writer of registry_system_cost_years, _costs and _cost_shares. The split is computed in SQL
// (`allocation`), by the shares given in percent or, when none are, by the user counts of the units
// that use the system, and rounded by largest remainder so that the öre of the units add up to the
// system's total exactly.

const HUNDRED_PERCENT = 10_000; // basis points

/**
 * Each (system, unit)'s öre of the year's costs, for one system or all: every unit gets the floor of
 * its exact share, and the öre left over go one each to the units with the largest remainders (ties
 * by unit id, so the answer is the same every time). Numeric arithmetic: öre times user counts
 * passes the range of bigint.
 */
function allocation(tenantId: string, year: number, systemId?: string): SQL {
  const onSystem = (column: SQL) => (systemId ? sql`and ${column} = ${systemId}` : sql``);
  return sql`
    with totals as (
      select system_id, sum(amount)::numeric as total from ${systemCosts}
      where tenant_id = ${tenantId} and year = ${year} ${onSystem(sql`system_id`)}
      group by system_id
    ),
    given as (
      select system_id, unit_id, basis_points::numeric as weight from ${systemCostShares}
      where tenant_id = ${tenantId} and year = ${year} ${onSystem(sql`system_id`)}
    ),
    by_users as (
      select u.system_id, u.unit_id, u.users::numeric as weight from ${systemUnits} u
      where u.tenant_id = ${tenantId} and u.users > 0 ${onSystem(sql`u.system_id`)}
        and u.system_id in (select system_id from totals)
        and not exists (select 1 from given g where g.system_id = u.system_id)
    ),
    weights as (
      select system_id, unit_id, weight, 'percent' as basis from given
      union all select system_id, unit_id, weight, 'users' as basis from by_users
    ),
    exact as (
      select w.system_id, w.unit_id, w.weight, w.basis, t.total,
        div(t.total * w.weight, sum(w.weight) over (partition by w.system_id)) as base,
        mod(t.total * w.weight, sum(w.weight) over (partition by w.system_id)) as rest
      from weights w join totals t on t.system_id = w.system_id
    ),
    ranked as (
      select *,
        row_number() over (partition by system_id order by rest desc, unit_id) as rank,
        total - sum(base) over (partition by system_id) as left_over
      from exact
    )
    select system_id, unit_id, weight, basis,
      (base + case when rank <= left_over then 1 else 0 end)::bigint as amount
    from ranked`;
}

interface Share {
  system_id: string;
  unit_id: string;
  weight: string;
  basis: 'percent' | 'users';
  amount: string | number;
}

async function findSystem(db: Executor, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: systems.id, archivedAt: systems.archivedAt })
    .from(systems)
    .where(and(eq(systems.tenantId, tenantId), eq(systems.id, id)));
  if (!row) throw problems.notFound('system');
  return row;
}

export async function getSystemCosts(db: Database, actor: Actor, systemId: string, year: number) {
  const s = readScope(db, actor);
  await findSystem(db, actor.tenantId, systemId);
  const [head] = await db
    .select({ version: systemCostYears.version })
    .from(systemCostYears)
    .where(s.where(systemCostYears, eq(systemCostYears.systemId, systemId), eq(systemCostYears.year, year)));
  const lines = await db
    .select({ category: systemCosts.category, amount: systemCosts.amount, note: systemCosts.note })
    .from(systemCosts)
    .where(s.where(systemCosts, eq(systemCosts.systemId, systemId), eq(systemCosts.year, year)))
    .orderBy(asc(systemCosts.category), asc(systemCosts.id));
  const shares = rowsOf<Share>(
    await db.execute(sql`
      select a.*, n.name as unit_name from (${allocation(actor.tenantId, year, systemId)}) a
      join ${units} n on n.tenant_id = ${actor.tenantId} and n.id = a.unit_id
      order by a.amount desc, n.sort_name`),
  ) as (Share & { unit_name: string })[];
  const byCategory = { licence: 0, operation: 0, support: 0, other: 0 } as Record<CostCategory, number>;
  for (const line of lines) byCategory[line.category as CostCategory] += line.amount;
  const basis: 'percent' | 'users' | 'none' = shares[0]?.basis ?? 'none';
  return {
    systemId,
    year,
    version: head?.version ?? null,
    lines: lines.map((l) => ({ ...l, category: l.category as CostCategory })),
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    byCategory,
    basis,
    shares: shares.map((r) => ({
      unitId: r.unit_id,
      unitName: r.unit_name,
      percent: r.basis === 'percent' ? Number(r.weight) / 100 : null,
      users: r.basis === 'users' ? Number(r.weight) : null,
      amount: Number(r.amount),
    })),
  };
}

/** Records a system's costs of a year and their split, replacing what was recorded. */
export async function putSystemCosts(db: Database, actor: Actor, systemId: string, input: SystemCostsPut) {
  await inTenant(db, actor, async (s) => {
    const system = await findSystem(s.tx, s.tenantId, systemId);
    if (system.archivedAt) throw problems.conflict('The system is archived; restore it first');
    const shares = input.allocation.map((a) => ({
      unitId: a.unitId,
      basisPoints: Math.round(a.percent * 100),
    }));
    const seen = new Set<string>();
    shares.forEach((a, i) => {
      if (seen.has(a.unitId)) throw problems.field(`body.allocation.${i}.unitId`, 'The unit is listed twice');
      seen.add(a.unitId);
    });
    if (shares.length > 0) {
      const found = await s.tx
        .select({ id: units.id })
        .from(units)
        .where(s.where(units, inArray(units.id, [...seen]), isNull(units.archivedAt)));
      const active = new Set(found.map((u) => u.id));
      shares.forEach((a, i) => {
        if (!active.has(a.unitId)) throw problems.field(`body.allocation.${i}.unitId`, 'No such active unit');
      });
      if (shares.reduce((sum, a) => sum + a.basisPoints, 0) !== HUNDRED_PERCENT)
        throw problems.field('body.allocation', 'The shares must add up to 100 percent');
    }
    const where = (t: typeof systemCostYears | typeof systemCosts | typeof systemCostShares) =>
      s.where(t, eq(t.systemId, systemId), eq(t.year, input.year));
    const [head] = await s.tx.select().from(systemCostYears).where(where(systemCostYears)).for('update');
    if (head && input.version !== head.version) throw problems.versionConflict(head.version);
    if (!head && input.version !== undefined)
      throw problems.conflict('No costs are recorded for the year yet; send no version');
    const before = head
      ? {
          year: input.year,
          lines: await s.tx.select().from(systemCosts).where(where(systemCosts)),
          allocation: await s.tx.select().from(systemCostShares).where(where(systemCostShares)),
        }
      : null;
    if (head) {
      await s.tx.delete(systemCosts).where(where(systemCosts));
      await s.tx.delete(systemCostShares).where(where(systemCostShares));
      await s.update(
        systemCostYears,
        { version: head.version + 1, updatedAt: new Date() },
        eq(systemCostYears.systemId, systemId),
        eq(systemCostYears.year, input.year),
      );
    } else {
      await s.insert(systemCostYears, { systemId, year: input.year });
    }
    const lines = input.lines.map((l) => ({
      id: newId(),
      systemId,
      year: input.year,
      category: l.category,
      amount: l.amount,
      note: l.note ?? null,
    }));
    if (lines.length > 0) await s.insertMany(systemCosts, lines);
    if (shares.length > 0)
      await s.insertMany(
        systemCostShares,
        shares.map((a) => ({ systemId, year: input.year, ...a })),
      );
    await s.audit({
      entity: 'systemCosts',
      entityId: systemId,
      action: 'update',
      before,
      after: { year: input.year, lines, allocation: shares },
    });
  });
  return getSystemCosts(db, actor, systemId, input.year);
}

/**
 * Every unit's share of the year's costs over all systems, aggregated in SQL from the same
 * allocation; with `unitId`, that unit's share per system too.
 */
export async function unitCosts(db: Database, actor: Actor, year: number, unitId?: string) {
  const tenantId = actor.tenantId;
  const perUnit = rowsOf<{ unit_id: string; unit_name: string; amount: string | number; systems: number }>(
    await db.execute(sql`
      select a.unit_id, n.name as unit_name, sum(a.amount)::bigint as amount,
        count(distinct a.system_id)::int as systems
      from (${allocation(tenantId, year)}) a
      join ${units} n on n.tenant_id = ${tenantId} and n.id = a.unit_id
      ${unitId ? sql`where a.unit_id = ${unitId}` : sql``}
      group by a.unit_id, n.name
      order by sum(a.amount) desc, n.name`),
  );
  const perSystem = unitId
    ? rowsOf<{ system_id: string; system_name: string; amount: string | number }>(
        await db.execute(sql`
          select a.system_id, y.name as system_name, a.amount
          from (${allocation(tenantId, year)}) a
          join ${systems} y on y.tenant_id = ${tenantId} and y.id = a.system_id
          where a.unit_id = ${unitId}
          order by a.amount desc, y.sort_name`),
      )
    : [];
  // The split of each system adds up to its total exactly, so what is not split is the difference.
  const [sums] = rowsOf<{ total: string | number | null; allocated: string | number | null }>(
    await db.execute(sql`
      select
        (select sum(amount) from ${systemCosts} where tenant_id = ${tenantId} and year = ${year})::bigint as total,
        (select sum(amount) from (${allocation(tenantId, year)}) a)::bigint as allocated`),
  );
  return {
    year,
    units: perUnit.map((r) => ({
      unitId: r.unit_id,
      unitName: r.unit_name,
      amount: Number(r.amount),
      systems: r.systems,
    })),
    systems: perSystem.map((r) => ({
      systemId: r.system_id,
      systemName: r.system_name,
      amount: Number(r.amount),
    })),
    unallocated: Number(sums?.total ?? 0) - Number(sums?.allocated ?? 0),
    total: Number(sums?.total ?? 0),
  };
}
