import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import {
  type FigureSettingsUpdate,
  type Figures,
  figureDefinitions,
  perCount,
  periodEnd,
  type UnitBudgetsPut,
  type UnitFigures,
} from '../../../../shared/catalogue/figures.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { tenants, units } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { IndicatorSource } from '../../../platform/seam.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import { type ExportFile, writeXlsx, XLSX_TYPE } from '../../../platform/transfer/engine.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { figureSettings, unitBudgets } from './schema.ts';

// Cost figures (nyckeltal) of the chargeback runs, by the definitions of shared/catalogue/figures.ts.
// Every figure is summed in SQL, one statement per figure: the cost from the locked runs' lines,
// the employees from the directory's people, the IT workplaces from the rental assets' assignments,
// the budgets from catalogue_unit_budgets; each rolled up the unit tree in the same statement by a
// recursive closure of the units (every unit with each unit below it). These are read-only queries
// over the runs', the directory's and the assets' tables.
//
// The comparison is the one place that reads across tenants, deliberately: it asks for the totals
// of the tenants whose settings share them, grouped by tenant, and answers no unit, line or id of
// any of them. Only a tenant that shares its own figures sees the others' (give and take).

export const BUDGET = 'catalogueUnitBudget';
export const SETTINGS = 'catalogueFigureSettings';

const num = (v: unknown) => Number(v ?? 0);

/** The first day after `day`, at midnight in Stockholm: people created before it count on `day`. */
const endOfDay = (day: SQL) => sql`((${day})::date + 1)::timestamp at time zone 'Europe/Stockholm'`;

export function thisYear(): number {
  return Number(todayInStockholm().slice(0, 4));
}

// ---------------------------------------------------------------- per unit

interface Rolled {
  own: number;
  rolled: number;
  /** How many units of the subtree contribute a row (budgets: whether any is set). */
  rows: number;
  /** Whether the unit itself contributes one. */
  ownRow: boolean;
}

/**
 * One figure per unit of the tenant, its own and rolled up the tree, in one statement: `own` is a
 * query answering (unit_id, value) for the tenant.
 */
async function rolledUp(db: Executor, tenantId: string, own: SQL): Promise<Map<string, Rolled>> {
  const rows = rowsOf<{ unit_id: string; own: unknown; rolled: unknown; rows: unknown; own_row: boolean }>(
    await db.execute(sql`
      with recursive closure(ancestor, id, depth) as (
        select id, id, 0 from units where tenant_id = ${tenantId}
        union all
        select c.ancestor, u.id, c.depth + 1 from units u
          join closure c on u.tenant_id = ${tenantId} and u.parent_id = c.id
        where c.depth < 50
      ),
      own(unit_id, value) as (${own})
      select c.ancestor as unit_id,
        coalesce(sum(o.value) filter (where c.depth = 0), 0) as own,
        coalesce(sum(o.value), 0) as rolled,
        count(o.unit_id) as rows,
        count(o.unit_id) filter (where c.depth = 0) > 0 as own_row
      from closure c left join own o on o.unit_id = c.id
      group by c.ancestor`),
  );
  return new Map(
    rows.map((r) => [
      r.unit_id,
      { own: num(r.own), rolled: num(r.rolled), rows: num(r.rows), ownRow: r.own_row },
    ]),
  );
}

const lockedLinesOf = (tenantId: string, year: number) => sql`
  select l.unit_id, sum(l.amount) from catalogue_run_lines l
    join catalogue_runs r on r.tenant_id = l.tenant_id and r.id = l.run_id
  where l.tenant_id = ${tenantId} and r.state = 'locked'
    and r.period >= ${`${year}-01`} and r.period <= ${`${year}-12`}
  group by l.unit_id`;

const peopleOf = (tenantId: string, day: string) => sql`
  select p.unit_id, count(*) from people p
    join units u on u.tenant_id = p.tenant_id and u.id = p.unit_id and u.kind <> 'partner'
  where p.tenant_id = ${tenantId} and p.active
    and p.created_at < ${endOfDay(sql`${day}`)}
    and (p.archived_at is null or p.archived_at >= ${endOfDay(sql`${day}`)})
  group by p.unit_id`;

const computersOf = (tenantId: string, day: string) => sql`
  select a.unit_id, count(distinct a.asset_id) from catalogue_asset_assignments a
    join catalogue_assets s on s.tenant_id = a.tenant_id and s.id = a.asset_id
  where a.tenant_id = ${tenantId} and s.kind = 'computer' and s.archived_at is null
    and a.from_on <= ${day}::date and (a.to_on is null or a.to_on >= ${day}::date)
  group by a.unit_id`;

const budgetsOf = (tenantId: string, year: number) => sql`
  select b.unit_id, b.amount from catalogue_unit_budgets b
  where b.tenant_id = ${tenantId} and b.year = ${year}`;

interface TreeUnit {
  id: string;
  name: string;
  parent_id: string | null;
  cost_centre: string | null;
  archived: boolean;
  depth: number;
}

/** The tenant's units in tree order (a unit before its sub-units, siblings by name). */
async function unitTree(db: Executor, tenantId: string): Promise<TreeUnit[]> {
  return rowsOf<TreeUnit>(
    await db.execute(sql`
      with recursive tree(id, depth, path) as (
        select id, 0, array[name, id::text] from units where tenant_id = ${tenantId} and parent_id is null
        union all
        select u.id, t.depth + 1, t.path || array[u.name, u.id::text] from units u
          join tree t on u.tenant_id = ${tenantId} and u.parent_id = t.id
        where t.depth < 50
      )
      select u.id, u.name, u.parent_id, u.cost_centre, u.archived_at is not null as archived, t.depth
      from tree t join units u on u.tenant_id = ${tenantId} and u.id = t.id
      order by t.path`),
  );
}

async function monthsOf(db: Executor, tenantId: string, year: number) {
  const rows = rowsOf<{ period: string; state: string; total: unknown }>(
    await db.execute(sql`
      select period, state, total from catalogue_runs
      where tenant_id = ${tenantId} and period >= ${`${year}-01`} and period <= ${`${year}-12`}
      order by period`),
  );
  const preview = rows.filter((r) => r.state === 'preview').at(-1);
  return {
    locked: rows.filter((r) => r.state === 'locked').map((r) => r.period),
    preview: preview ? { period: preview.period, total: num(preview.total) } : null,
  };
}

const deviation = (budget: number | null, cost: number) => (budget === null ? null : budget - cost);

/** The tenant's figures of a year, per unit (rolled up the tree) and in total. */
export async function figuresOf(db: Executor, actor: Actor, year: number): Promise<Omit<Figures, 'can'>> {
  const tenantId = actor.tenantId;
  const end = periodEnd(year, todayInStockholm());
  const [tree, months, cost, people, computers, budgets] = [
    await unitTree(db, tenantId),
    await monthsOf(db, tenantId, year),
    await rolledUp(db, tenantId, lockedLinesOf(tenantId, year)),
    await rolledUp(db, tenantId, peopleOf(tenantId, end)),
    await rolledUp(db, tenantId, computersOf(tenantId, end)),
    await rolledUp(db, tenantId, budgetsOf(tenantId, year)),
  ];
  const zero: Rolled = { own: 0, rolled: 0, rows: 0, ownRow: false };
  const all = tree.map((u): UnitFigures => {
    const c = cost.get(u.id) ?? zero;
    const p = people.get(u.id) ?? zero;
    const w = computers.get(u.id) ?? zero;
    const b = budgets.get(u.id) ?? zero;
    const budget = b.rows > 0 ? b.rolled : null;
    return {
      unit: {
        id: u.id,
        name: u.name,
        parentId: u.parent_id,
        costCentre: u.cost_centre,
        archived: u.archived,
      },
      depth: Number(u.depth),
      own: { cost: c.own, employees: p.own, workplaces: w.own },
      ownBudget: b.ownRow ? b.own : null,
      cost: c.rolled,
      employees: p.rolled,
      workplaces: w.rolled,
      perEmployee: perCount(c.rolled, p.rolled),
      perWorkplace: perCount(c.rolled, w.rolled),
      budget,
      deviation: deviation(budget, c.rolled),
    };
  });
  // An archived unit is shown only while it has something to show for the year.
  const shown = all.filter(
    (u) => !u.unit.archived || u.cost !== 0 || u.employees > 0 || u.workplaces > 0 || u.budget !== null,
  );
  const sum = (f: (u: UnitFigures) => number) => all.reduce((s, u) => s + f(u), 0);
  const totalCost = sum((u) => u.own.cost);
  const employees = sum((u) => u.own.employees);
  const workplaces = sum((u) => u.own.workplaces);
  const anyBudget = all.some((u) => u.ownBudget !== null);
  const budget = anyBudget ? sum((u) => u.ownBudget ?? 0) : null;
  return {
    year,
    periodEnd: end,
    lockedMonths: months.locked,
    preview: months.preview,
    definitions: figureDefinitions,
    total: {
      cost: totalCost,
      employees,
      workplaces,
      perEmployee: perCount(totalCost, employees),
      perWorkplace: perCount(totalCost, workplaces),
      budget,
      deviation: deviation(budget, totalCost),
    },
    units: shown,
  };
}

// ---------------------------------------------------------------- totals by tenant and year

interface Totals {
  cost: number;
  lockedMonths: number;
  employees: number;
  workplaces: number;
  budget: number | null;
}

const key = (tenantId: string, year: number) => `${tenantId}:${year}`;

const yearEnds = (years: readonly number[]) => {
  const today = todayInStockholm();
  return sql.join(
    years.map((y) => sql`(${y}::int, ${periodEnd(y, today)}::date)`),
    sql`, `,
  );
};
const tenantList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** The totals of the tenants for the years: four statements, each grouped by tenant and year. */
async function totalsOf(db: Executor, tenantIds: readonly string[], years: readonly number[]) {
  const ids = tenantList(tenantIds);
  const cost = rowsOf<{ tenant_id: string; year: number; cost: unknown; months: unknown }>(
    await db.execute(sql`
      select r.tenant_id, substr(r.period, 1, 4)::int as year,
        coalesce(sum(l.amount), 0) as cost, count(distinct r.id) as months
      from catalogue_runs r
        left join catalogue_run_lines l on l.tenant_id = r.tenant_id and l.run_id = r.id
      where r.tenant_id in (${ids}) and r.state = 'locked'
        and substr(r.period, 1, 4)::int in (${sql.join(
          years.map((y) => sql`${y}::int`),
          sql`, `,
        )})
      group by r.tenant_id, substr(r.period, 1, 4)::int`),
  );
  const people = rowsOf<{ tenant_id: string; year: number; n: unknown }>(
    await db.execute(sql`
      select p.tenant_id, y.year, count(*) as n
      from (values ${yearEnds(years)}) as y(year, end_on)
        join people p on p.tenant_id in (${ids}) and p.active
        join units u on u.tenant_id = p.tenant_id and u.id = p.unit_id and u.kind <> 'partner'
          and p.created_at < ${endOfDay(sql`y.end_on`)}
          and (p.archived_at is null or p.archived_at >= ${endOfDay(sql`y.end_on`)})
      group by p.tenant_id, y.year`),
  );
  const computers = rowsOf<{ tenant_id: string; year: number; n: unknown }>(
    await db.execute(sql`
      select a.tenant_id, y.year, count(distinct a.asset_id) as n
      from (values ${yearEnds(years)}) as y(year, end_on)
        join catalogue_asset_assignments a on a.tenant_id in (${ids})
          and a.from_on <= y.end_on and (a.to_on is null or a.to_on >= y.end_on)
        join catalogue_assets s on s.tenant_id = a.tenant_id and s.id = a.asset_id
          and s.kind = 'computer' and s.archived_at is null
      group by a.tenant_id, y.year`),
  );
  const budgets = rowsOf<{ tenant_id: string; year: number; amount: unknown }>(
    await db.execute(sql`
      select b.tenant_id, b.year, sum(b.amount) as amount from catalogue_unit_budgets b
      where b.tenant_id in (${ids}) and b.year in (${sql.join(
        years.map((y) => sql`${y}::int`),
        sql`, `,
      )})
      group by b.tenant_id, b.year`),
  );
  const totals = new Map<string, Totals>();
  const at = (tenantId: string, year: number) => {
    const k = key(tenantId, Number(year));
    let t = totals.get(k);
    if (!t) {
      t = { cost: 0, lockedMonths: 0, employees: 0, workplaces: 0, budget: null };
      totals.set(k, t);
    }
    return t;
  };
  for (const r of cost)
    Object.assign(at(r.tenant_id, r.year), { cost: num(r.cost), lockedMonths: num(r.months) });
  for (const r of people) at(r.tenant_id, r.year).employees = num(r.n);
  for (const r of computers) at(r.tenant_id, r.year).workplaces = num(r.n);
  for (const r of budgets) at(r.tenant_id, r.year).budget = num(r.amount);
  return (tenantId: string, year: number): Totals =>
    totals.get(key(tenantId, year)) ?? {
      cost: 0,
      lockedMonths: 0,
      employees: 0,
      workplaces: 0,
      budget: null,
    };
}

/** The tenant's totals per year, the last `years` years up to this one, oldest first. */
export async function trendOf(db: Executor, actor: Actor, years: number) {
  const last = thisYear();
  const list = Array.from({ length: years }, (_, i) => last - years + 1 + i);
  const totals = await totalsOf(db, [actor.tenantId], list);
  const today = todayInStockholm();
  return {
    definitions: figureDefinitions,
    items: list.map((year) => {
      const t = totals(actor.tenantId, year);
      return {
        year,
        periodEnd: periodEnd(year, today),
        lockedMonths: t.lockedMonths,
        cost: t.cost,
        employees: t.employees,
        workplaces: t.workplaces,
        perEmployee: perCount(t.cost, t.employees),
        perWorkplace: perCount(t.cost, t.workplaces),
        budget: t.budget,
        deviation: deviation(t.budget, t.cost),
      };
    }),
  };
}

/**
 * The same three figures of every tenant of the installation that shares them, side by side, by
 * name: totals only. A tenant that does not share sees only its own.
 */
export async function comparisonOf(db: Executor, actor: Actor, year: number) {
  const own = await getFigureSettings(db, actor.tenantId);
  const rows = await db
    .select({ id: tenants.id, name: tenants.name })
    .from(tenants)
    .leftJoin(figureSettings, eq(figureSettings.tenantId, tenants.id))
    .where(
      own.shareFigures
        ? sql`${figureSettings.shareFigures} or ${tenants.id} = ${actor.tenantId}`
        : eq(tenants.id, actor.tenantId),
    )
    .orderBy(tenants.name);
  const totals = await totalsOf(
    db,
    rows.map((r) => r.id),
    [year],
  );
  return {
    year,
    periodEnd: periodEnd(year, todayInStockholm()),
    definitions: figureDefinitions,
    shared: own.shareFigures,
    tenants: rows.map((r) => {
      const t = totals(r.id, year);
      return {
        name: r.name,
        own: r.id === actor.tenantId,
        lockedMonths: t.lockedMonths,
        cost: t.cost,
        employees: t.employees,
        workplaces: t.workplaces,
        perEmployee: perCount(t.cost, t.employees),
        perWorkplace: perCount(t.cost, t.workplaces),
      };
    }),
  };
}

// ---------------------------------------------------------------- unit budgets

export async function listUnitBudgets(db: Executor, actor: Actor, year: number) {
  return db
    .select({
      id: unitBudgets.id,
      unitId: unitBudgets.unitId,
      unitName: units.name,
      amount: unitBudgets.amount,
      version: unitBudgets.version,
      updatedAt: unitBudgets.updatedAt,
    })
    .from(unitBudgets)
    .innerJoin(units, and(eq(units.tenantId, unitBudgets.tenantId), eq(units.id, unitBudgets.unitId)))
    .where(and(eq(unitBudgets.tenantId, actor.tenantId), eq(unitBudgets.year, year)))
    .orderBy(units.name, unitBudgets.unitId);
}

/**
 * Sets the year's budgets of the units given, all or none: a unit that has one needs the version
 * read (409 when stale or missing), a unit without one takes none; an unknown unit (or another
 * tenant's) is a 400 naming the item.
 */
export function putUnitBudgets(db: Database, actor: Actor, year: number, input: UnitBudgetsPut) {
  return inTenant(db, actor, async (s) => {
    const ids = input.items.map((i) => i.unitId);
    const known = await s.tx
      .select({ id: units.id })
      .from(units)
      .where(s.where(units, inArray(units.id, ids)));
    const knownIds = new Set(known.map((u) => u.id));
    input.items.forEach((item, i) => {
      if (!knownIds.has(item.unitId)) throw problems.field(`body.items.${i}.unitId`, 'No such unit');
    });
    const before = await s.tx
      .select()
      .from(unitBudgets)
      .where(s.where(unitBudgets, eq(unitBudgets.year, year), inArray(unitBudgets.unitId, ids)))
      .for('update');
    const byUnit = new Map(before.map((b) => [b.unitId, b]));
    const created = [];
    for (const [i, item] of input.items.entries()) {
      const row = byUnit.get(item.unitId);
      if (!row) {
        if (item.version !== undefined)
          throw problems.conflict('The unit has no budget for the year yet: set it without a version', [
            { path: `body.items.${i}.version`, message: 'Leave out for a new budget' },
          ]);
        created.push({ id: newId(), unitId: item.unitId, year, amount: item.amount });
        continue;
      }
      if (item.version === undefined)
        throw problems.conflict('The unit has a budget for the year: send the version read', [
          { path: `body.items.${i}.version`, message: 'Required' },
        ]);
      assertVersion(row, item.version, BUDGET);
      if (row.amount === item.amount) continue;
      const [after] = await s
        .update(
          unitBudgets,
          { amount: item.amount, version: row.version + 1, updatedAt: new Date() },
          eq(unitBudgets.id, row.id),
        )
        .returning();
      await s.audit({ entity: BUDGET, entityId: row.id, action: 'update', before: row, after });
    }
    if (created.length > 0) {
      const rows = await s.tx
        .insert(unitBudgets)
        .values(created.map((c) => ({ ...c, tenantId: s.tenantId })))
        .onConflictDoNothing()
        .returning();
      // A budget set meanwhile by another save: the second finds the first's row.
      if (rows.length !== created.length)
        throw problems.conflict('A budget was set meanwhile: reload the year');
      for (const row of rows)
        await s.audit({ entity: BUDGET, entityId: row.id, action: 'create', after: row });
    }
  });
}

/** Names of unit budgets by id (the audit trail): the unit's and the year. */
export async function budgetRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: unitBudgets.id, year: unitBudgets.year, unitName: units.name })
    .from(unitBudgets)
    .innerJoin(units, and(eq(units.tenantId, unitBudgets.tenantId), eq(units.id, unitBudgets.unitId)))
    .where(and(eq(unitBudgets.tenantId, tenantId), inArray(unitBudgets.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.unitName} ${r.year}`,
        href: `/catalogue/figures?year=${r.year}`,
        archived: false,
      },
    ]),
  );
}

// ---------------------------------------------------------------- sharing

export async function getFigureSettings(db: Executor, tenantId: string) {
  const [row] = await db.select().from(figureSettings).where(eq(figureSettings.tenantId, tenantId));
  return { shareFigures: row?.shareFigures ?? false, version: row?.version ?? 0 };
}

export function updateFigureSettings(db: Database, actor: Actor, input: FigureSettingsUpdate) {
  return inTenant(db, actor, async (s) => {
    const [before] = await s.tx.select().from(figureSettings).where(s.where(figureSettings)).for('update');
    if (!before) {
      if (input.version !== 0) throw problems.versionConflict(0);
      const [after] = await s.tx
        .insert(figureSettings)
        .values({ tenantId: s.tenantId, shareFigures: input.shareFigures })
        .onConflictDoNothing()
        .returning();
      if (!after) throw problems.versionConflict(1);
      await s.audit({ entity: SETTINGS, entityId: s.tenantId, action: 'create', after });
      return after;
    }
    assertVersion(before, input.version, SETTINGS);
    const [after] = await s
      .update(
        figureSettings,
        { shareFigures: input.shareFigures, version: input.version + 1, updatedAt: new Date() },
        undefined,
      )
      .returning();
    await s.audit({ entity: SETTINGS, entityId: s.tenantId, action: 'update', before, after });
    return after!;
  });
}

// ---------------------------------------------------------------- the XLSX

const XLSX_KR = '#,##0.00';

function kronor(ore: number | null): string {
  if (ore === null) return '';
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

export const FIGURE_COLUMNS = [
  'Enhet',
  'Överordnad enhet',
  'Kostnadsställe',
  'IT-kostnad (kr)',
  'Anställda',
  'IT-arbetsplatser',
  'IT-kostnad per anställd (kr)',
  'IT-kostnad per IT-arbetsplats (kr)',
  'Budget (kr)',
  'Avvikelse (kr)',
];

/** The year's figures per unit and in total as XLSX, with the definitions below the table. */
export async function figuresFile(db: Executor, actor: Actor, year: number): Promise<ExportFile> {
  const f = await figuresOf(db, actor, year);
  const names = new Map(f.units.map((u) => [u.unit.id, u.unit.name]));
  const row = (name: string, parent: string, centre: string, v: Figures['total']) => [
    name,
    parent,
    centre,
    kronor(v.cost),
    String(v.employees),
    String(v.workplaces),
    kronor(v.perEmployee),
    kronor(v.perWorkplace),
    kronor(v.budget),
    kronor(v.deviation),
  ];
  const blank = FIGURE_COLUMNS.map(() => '');
  const rows = f.units.map((u) =>
    row(u.unit.name, u.unit.parentId ? (names.get(u.unit.parentId) ?? '') : '', u.unit.costCentre ?? '', u),
  );
  rows.push(row('Totalt', '', '', f.total));
  rows.push(blank);
  const months = f.lockedMonths.length > 0 ? f.lockedMonths.join(', ') : 'inga';
  rows.push([`Låsta månader: ${months}. Antal räknade ${f.periodEnd}.`, ...blank.slice(1)]);
  for (const [label, text] of [
    ['IT-kostnad', figureDefinitions.cost.sv],
    ['Anställda', figureDefinitions.employees.sv],
    ['IT-arbetsplatser', figureDefinitions.workplaces.sv],
    ['Per anställd', figureDefinitions.perEmployee.sv],
    ['Per IT-arbetsplats', figureDefinitions.perWorkplace.sv],
    ['Budget', figureDefinitions.budget.sv],
  ])
    rows.push([label!, text!, ...blank.slice(2)]);
  const numbers = FIGURE_COLUMNS.map((_, i) => (i === 4 || i === 5 ? '0' : i >= 3 ? XLSX_KR : undefined));
  return {
    filename: `nyckeltal-${year}.xlsx`,
    contentType: XLSX_TYPE,
    body: await writeXlsx(`Nyckeltal ${year}`, FIGURE_COLUMNS, rows, numbers),
  };
}

// ---------------------------------------------------------------- indicators of the IT strategy

/** The tenant's IT cost per employee or per workplace of a year, in kronor; null for a year to come or no count. */
async function perCountInKronor(
  db: Executor,
  tenantId: string,
  year: number,
  of: 'employees' | 'workplaces',
) {
  if (year > thisYear()) return null;
  const t = (await totalsOf(db, [tenantId], [year]))(tenantId, year);
  const per = perCount(t.cost, t[of]);
  return per === null ? null : Math.round(per / 100);
}

/** The figures a goal of the IT strategy may follow (governance/goals): seed 001's cost per employee. */
export const figureIndicatorSources: IndicatorSource[] = [
  {
    key: 'catalogue.itCostPerEmployee',
    label: { sv: 'IT-kostnad per anställd', en: 'IT cost per employee' },
    unit: 'kr',
    origin: { sv: figureDefinitions.perEmployee.sv, en: figureDefinitions.perEmployee.en },
    compute: (db, tenantId, year) => perCountInKronor(db, tenantId, year, 'employees'),
  },
  {
    key: 'catalogue.itCostPerWorkplace',
    label: { sv: 'IT-kostnad per IT-arbetsplats', en: 'IT cost per IT workplace' },
    unit: 'kr',
    origin: { sv: figureDefinitions.perWorkplace.sv, en: figureDefinitions.perWorkplace.en },
    compute: (db, tenantId, year) => perCountInKronor(db, tenantId, year, 'workplaces'),
  },
];
