import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { zonedInstant } from '../../../../shared/desk/calendar.ts';
import {
  type BreachedTicket,
  defaultPeriod,
  MAX_PERIOD_DAYS,
  type Metrics,
  type MetricsAccess,
  type MetricsDimension,
  type MetricsFigures,
  type MetricsQuery,
  type MetricsRow,
  type MetricsSeries,
  type MetricsTargets,
  periodDays,
  type SeriesInterval,
  seriesIntervalFor,
  type UnitReport,
  type UnitReportQuery,
  yearBefore,
} from '../../../../shared/desk/metrics.ts';
import type { TicketStatus } from '../../../../shared/desk/tickets.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { units } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { iso } from '../../../platform/http.ts';
import { suppliers } from '../../registry/suppliers/schema.ts';
import { systems } from '../../registry/systems/schema.ts';
import { groups } from '../groups/schema.ts';
import { callStats, getSettings as phoneSettingsOf, todayInStockholm } from '../phone/service.ts';
import { serviceLevels, services } from '../services/schema.ts';
import { hasFlag, type MetricsFlag } from '../tickets/metrics-flags.ts';
import { ticketSettingsOf } from '../tickets/settings.ts';
import { metricsPolicy } from './policy.ts';
import { reopenGaps } from './schema.ts';

// The desk's metrics, aggregated in SQL (shared/desk/metrics.ts says how each figure counts). A
// report is one aggregate statement over desk_tickets_metrics_unit_idx (by unit, unfiltered) or
// desk_tickets_metrics_idx (tickets/schema.ts): every ticket a period counts was solved in or after
// it, or is not solved yet, so the statement reads the index from the period's start and its null
// end (two index-only range scans), never the table. What it counts of each ticket (measured,
// breached, first contact, reopened) is the ticket's metrics_flags (tickets/metrics-flags.ts).
//
// The statement has two stages. The first groups the tickets by the dimensions asked for, by the
// series' period of creation and of solution (width_bucket over the periods' starts) and by their
// flags, counting them and adding up ratings and minutes: a few thousand groups of a year's half
// million tickets, with as little work per ticket as a count. The second tells from each group's
// periods and flags which figures it adds to (made in the period, solved in it, breached …) and
// adds the groups up per dimension (units into their rows here), per period and in total.
// The backlog at each period's end follows from the backlog at the start and the periods' created
// and solved, less the tickets that stood solved at that instant and were reopened afterwards
// (desk_metrics_gaps, kept by a trigger: metrics/schema.ts); a ticket's reopenings join its row.
//
// Who sees what: metricsPolicy. A reader of some units sees their tickets only, whatever the
// filters; the rows by unit are then their units, each with its sub-units.

const ZONE = 'Europe/Stockholm';

// ---------------------------------------------------------------- periods

/** The instant a Stockholm day starts. */
function midnight(day: string): Date {
  return new Date(zonedInstant(ZONE, Date.parse(`${day}T00:00:00Z`)));
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first day of the next week (Monday) or month after `day`. */
function nextStart(day: string, interval: SeriesInterval): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (interval === 'month')
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  return addDays(day, 7 - ((d.getUTCDay() + 6) % 7));
}

interface Period {
  from: string;
  to: string;
  interval: SeriesInterval;
  /** Each series period's first and last day. */
  buckets: { start: string; end: string }[];
  fromTs: Date;
  /** The instant after the last day. */
  toTs: Date;
}

function periodOf(from: string, to: string, interval = seriesIntervalFor(from, to)): Period {
  const buckets: Period['buckets'] = [];
  for (let start = from; start <= to; ) {
    const next = nextStart(start, interval);
    buckets.push({ start, end: next <= to ? addDays(next, -1) : to });
    start = next;
  }
  return { from, to, interval, buckets, fromTs: midnight(from), toTs: midnight(addDays(to, 1)) };
}

/** The asked period, or the last 12 months; refused when inverted or longer than 5 years. */
export function resolvePeriod(query: { from?: string; to?: string }, today = todayInStockholm()): Period {
  const to = query.to ?? today;
  const from = query.from ?? defaultPeriod(to).from;
  if (from > to) throw problems.field('querystring.from', 'Must not be after to');
  if (periodDays(from, to) > MAX_PERIOD_DAYS)
    throw problems.field('querystring.from', 'A report covers at most five years');
  return periodOf(from, to);
}

// ---------------------------------------------------------------- who sees which units

interface UnitNode {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  costCentre: string | null;
}

interface Tree {
  byId: Map<string, UnitNode>;
  children: Map<string | null, UnitNode[]>;
}

async function loadTree(db: Executor, tenantId: string): Promise<Tree> {
  const rows = await db
    .select({
      id: units.id,
      parentId: units.parentId,
      name: units.name,
      kind: units.kind,
      costCentre: units.costCentre,
    })
    .from(units)
    .where(eq(units.tenantId, tenantId))
    .orderBy(units.sortName, units.id);
  const children = new Map<string | null, UnitNode[]>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  return { byId: new Map(rows.map((r) => [r.id, r])), children };
}

/** The unit and every unit below it (a loop in the data ends the walk, not the process). */
function subtree(tree: Tree, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    out.push(next);
    for (const child of tree.children.get(next) ?? []) stack.push(child.id);
  }
  return out;
}

function ancestors(tree: Tree, id: string): UnitNode[] {
  const out: UnitNode[] = [];
  const seen = new Set<string>([id]);
  for (let up = tree.byId.get(id)?.parentId ?? null; up !== null && !seen.has(up); ) {
    seen.add(up);
    const node = tree.byId.get(up);
    if (!node) break;
    out.unshift(node);
    up = node.parentId;
  }
  return out;
}

/** What the reader sees: every unit (null), or the subtrees of their reporting roles' units. */
interface Visibility {
  all: boolean;
  /** The outermost units the reader covers (nested grants collapse into the outer one). */
  roots: UnitNode[];
  /** Every unit covered; null: all, and tickets without a unit too. */
  units: Set<string> | null;
}

function visibility(actor: Actor, tree: Tree): Visibility {
  if (metricsPolicy.readAll(actor)) return { all: true, roots: [], units: null };
  const granted = metricsPolicy.units(actor).filter((id) => tree.byId.has(id));
  const set = new Set(granted);
  const roots = granted
    .filter((id) => !ancestors(tree, id).some((a) => set.has(a.id)))
    .map((id) => tree.byId.get(id)!);
  return { all: false, roots, units: new Set(roots.flatMap((r) => subtree(tree, r.id))) };
}

export async function metricsAccess(db: Database, actor: Actor): Promise<MetricsAccess> {
  if (!metricsPolicy.read(actor)) return { read: false, all: false, units: [] };
  const seen = visibility(actor, await loadTree(db, actor.tenantId));
  return { read: true, all: seen.all, units: seen.roots.map((u) => ({ id: u.id, name: u.name })) };
}

// ---------------------------------------------------------------- the aggregate statement

/** Which tickets count: the tenant's, narrowed by unit set and filters. */
interface Selection {
  tenantId: string;
  /** Only tickets of these units (null: any, and none). */
  units: string[] | null;
  systemId?: string;
  groupId?: string;
  serviceId?: string;
}

/** One dimension of the first stage: the ticket's key for it (as text in the second), from these columns of it. */
type Key = { name: string; expression: SQL; columns: string[] };

/** The ticket's columns every report reads (desk_tickets_metrics_unit_idx carries just these). */
const baseColumns = [
  'id',
  'created_at',
  'solved_at',
  'metrics_flags',
  'rating',
  'resolution_minutes',
  'unit_id',
];

/** The first stage's counts and sums, added up again by the second. */
const measures = [
  'n',
  'carried',
  'created',
  'solved',
  'open',
  'response_measured',
  'response_breached',
  'resolution_measured',
  'resolution_breached',
  'first_contact',
  'reopened',
  'rated',
  'rating_sum',
  'timed',
  'minutes_sum',
] as const;
type Measure = (typeof measures)[number];
type Sums = Record<Measure, number>;

interface StageRow extends Sums {
  part: string;
  key: string | null;
}

const pgArray = (list: readonly string[]) => `{${list.join(',')}}`;

function where(s: Selection): SQL {
  const parts: SQL[] = [sql`t.tenant_id = ${s.tenantId}`];
  if (s.units) parts.push(sql`t.unit_id = any(${pgArray(s.units)}::uuid[])`);
  if (s.systemId) parts.push(sql`t.system_id = ${s.systemId}`);
  if (s.groupId) parts.push(sql`t.group_id = ${s.groupId}`);
  if (s.serviceId) parts.push(sql`t.service_id = ${s.serviceId}`);
  return sql.join(parts, sql` and `);
}

/**
 * The figures of `selection` in `period` per key of each of `keys`, per series period and in
 * total: one statement. `unitRows` maps each unit to the unit whose row it adds to.
 */
async function aggregate(
  db: Executor,
  selection: Selection,
  period: Period,
  keys: Key[],
  unitRows?: Map<string, string>,
) {
  const from = period.fromTs.toISOString();
  const to = period.toTs.toISOString();
  const starts = period.buckets.map((b) => midnight(b.start).toISOString());
  const ends = [...starts.slice(1), to];
  // Only what the statement reads, so that the narrowest covering index serves it.
  const columns = sql.raw(
    [...new Set([...baseColumns, ...keys.flatMap((k) => k.columns)])].map((c) => `t.${c}`).join(', '),
  );
  const mapped = unitRows ? [...unitRows.entries()] : [];
  // Units into their rows (a förvaltning with its sub-units) in the second stage, over the first
  // stage's few groups rather than every ticket.
  const map = (column: SQL) =>
    sql`left join unnest(${pgArray(mapped.map(([u]) => u))}::uuid[], ${pgArray(mapped.map(([, r]) => r))}::uuid[]) as m(unit_id, row_id) on m.unit_id = ${column}`;
  const supplier = keys.some((k) => k.name === 'supplier')
    ? sql`left join ${groups} g on g.tenant_id = ${selection.tenantId} and g.id = p.group_id`
    : sql``;
  const keyColumns = keys.map((k, i) => sql`${k.expression} as ${sql.raw(`k${i}`)}`);
  const keyNames = keys.map((_, i) => sql.raw(`k${i}`));
  const solvedIn = sql`p.solved_at < ${to}::timestamptz`;
  const flag = (name: MetricsFlag) => hasFlag('s1.flags', name);
  // Of a first-stage group (its tickets alike in creation bucket, solution bucket and flags), the
  // count if it holds the measure, else 0. cb = 0: made before the period; sb: solved in it.
  const when = (condition: SQL, value = sql.raw('n')) => sql`case when ${condition} then ${value} else 0 end`;
  const createdIn = sql.raw('s1.cb > 0');
  const solvedInGroup = sql.raw('s1.sb is not null');
  const measureOf: Record<Measure, SQL> = {
    n: sql.raw('n'),
    carried: when(sql.raw('s1.cb = 0')),
    created: when(createdIn),
    solved: when(solvedInGroup),
    open: when(sql`s1.sb is null and not coalesce(${ends.length}::int = any(s1.covered), false)`),
    response_measured: when(sql`${createdIn} and ${flag('responseMeasured')}`),
    response_breached: when(sql`${createdIn} and ${flag('responseBreached')}`),
    resolution_measured: when(sql`${solvedInGroup} and ${flag('resolutionMeasured')}`),
    resolution_breached: when(sql`${solvedInGroup} and ${flag('resolutionBreached')}`),
    first_contact: when(sql`${solvedInGroup} and ${flag('firstContact')}`),
    reopened: when(sql`${solvedInGroup} and ${flag('reopened')}`),
    rated: when(solvedInGroup, sql.raw('rated')),
    rating_sum: when(solvedInGroup, sql.raw('rating_sum')),
    timed: when(solvedInGroup, sql.raw('timed')),
    minutes_sum: when(solvedInGroup, sql.raw('minutes_sum')),
  };
  const sum = (m: Measure) => sql`coalesce(sum(${measureOf[m]}), 0)::float8 as ${sql.raw(m)}`;
  const sums = sql.join(
    measures.map((m) => sum(m)),
    sql`, `,
  );
  const parts = [
    ...keys.map((k, i) => {
      const key = sql.raw(`s1.k${i}`);
      return k.name === 'unit' && unitRows
        ? sql`select ${k.name} as part, m.row_id::text as key, ${sums} from s1 ${map(key)} group by m.row_id`
        : sql`select ${k.name} as part, ${key}::text as key, ${sums} from s1 group by ${key}`;
    }),
    sql`select 'total' as part, null as key, ${sums} from s1`,
    sql`select 'created' as part, cb::text as key, ${sums} from s1 where cb > 0 group by cb`,
    sql`select 'solved' as part, sb::text as key, ${sums} from s1 where sb is not null group by sb`,
    sql`select 'gap' as part, k::text as key, ${sums} from s1, unnest(s1.covered) as k group by k`,
  ];
  const statement = sql`
    with p as (
      select ${columns} from desk_tickets t
      where ${where(selection)} and t.solved_at >= ${from}::timestamptz and t.created_at < ${to}::timestamptz
      union all
      select ${columns} from desk_tickets t
      where ${where(selection)} and t.solved_at is null and t.created_at < ${to}::timestamptz
    ), gaps as (
      -- The tickets that stood solved at a period's end and were reopened after it (they were not
      -- in the backlog then), with those ends by number (1 …): the ends after a solution and not
      -- after the reopening that followed. Most reopenings cover no end and give no row.
      select gp.ticket_id, array_agg(distinct x.k) as covered
      from ${reopenGaps} gp
      cross join lateral generate_series(
        width_bucket(gp.solved_at, ${pgArray(ends)}::timestamptz[]) + 1,
        width_bucket(gp.reopened_at, ${pgArray(ends)}::timestamptz[])) as x(k)
      where gp.tenant_id = ${selection.tenantId} and gp.reopened_at >= ${from}::timestamptz
      group by gp.ticket_id
    ), s1 as materialized (
      select ${sql.join([...keyColumns, sql`width_bucket(p.created_at, ${pgArray(starts)}::timestamptz[]) as cb`], sql`, `)},
        case when ${solvedIn} then width_bucket(p.solved_at, ${pgArray(starts)}::timestamptz[]) end as sb,
        gaps.covered, p.metrics_flags as flags,
        count(*) as n,
        count(p.rating) as rated,
        sum(p.rating) as rating_sum,
        count(p.resolution_minutes) as timed,
        sum(p.resolution_minutes) as minutes_sum
      from p ${supplier}
      left join gaps on gaps.ticket_id = p.id
      group by ${sql.join([...keyNames, sql.raw('cb'), sql.raw('sb'), sql.raw('covered'), sql.raw('flags')], sql`, `)}
    )
    ${sql.join(parts, sql` union all `)}`;
  // For this statement only (the transaction's settings): without JIT, which at a million tickets
  // compiles the expressions for hundreds of ms, more than the report takes without; and grouped
  // in a hash table. The first stage has some thousands of groups, but the planner, multiplying
  // its keys' distinct values (200 for each expression it has no statistics of), expects one per
  // ticket, and would sort half a million rows (on disk at the default work_mem) to group them.
  // Measured by bench/desk-metrics.ts (npm run bench:desk, section metrics).
  const result = await db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('jit', 'off', true), set_config('enable_sort', 'off', true), set_config('work_mem', '64MB', true)`,
    );
    return tx.execute(statement);
  });
  const rows = rowsOf<StageRow>(result).map((r) => {
    const out = { part: r.part, key: r.key } as StageRow;
    for (const m of measures) out[m] = Number(r[m]);
    return out;
  });
  const byPart = (part: string) => rows.filter((r) => r.part === part);
  const total = byPart('total')[0] ?? emptySums();
  return {
    total,
    keyed: (name: string) => byPart(name),
    series: series(period, total.carried, byPart('created'), byPart('solved'), byPart('gap')),
  };
}

function emptySums(): Sums {
  return Object.fromEntries(measures.map((m) => [m, 0])) as Sums;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function figures(s: Sums): MetricsFigures {
  const compliance = (measured: number, breached: number) => ({
    measured,
    breached,
    met: measured - breached,
    share: share(measured - breached, measured),
  });
  return {
    created: s.created,
    solved: s.solved,
    open: s.open,
    response: compliance(s.response_measured, s.response_breached),
    resolution: compliance(s.resolution_measured, s.resolution_breached),
    firstContact: {
      solved: s.solved,
      firstContact: s.first_contact,
      share: share(s.first_contact, s.solved),
    },
    reopened: { count: s.reopened, share: share(s.reopened, s.solved) },
    satisfaction: { count: s.rated, mean: s.rated > 0 ? s.rating_sum / s.rated : null },
    resolutionMinutes: { mean: s.timed > 0 ? s.minutes_sum / s.timed : null },
  };
}

/** Created, solved and the backlog at each period's end, from the first stage's sums. */
function series(
  period: Period,
  carried: number,
  created: StageRow[],
  solved: StageRow[],
  gaps: StageRow[],
): MetricsSeries {
  const at = (list: StageRow[], field: Measure) => new Map(list.map((r) => [Number(r.key), r[field]]));
  const made = at(created, 'created');
  const done = at(solved, 'solved');
  const stood = at(gaps, 'n');
  let open = carried;
  return {
    interval: period.interval,
    points: period.buckets.map((b, i) => {
      const c = made.get(i + 1) ?? 0;
      const s = done.get(i + 1) ?? 0;
      open += c - s;
      return { start: b.start, end: b.end, created: c, solved: s, backlog: open - (stood.get(i + 1) ?? 0) };
    }),
  };
}

// ---------------------------------------------------------------- dimensions and their names

function keyOf(by: MetricsDimension): Key {
  const e = (text: string, column: string) => ({ name: by, expression: sql.raw(text), columns: [column] });
  switch (by) {
    case 'unit':
      return e('p.unit_id', 'unit_id');
    case 'service':
      return e('p.service_id', 'service_id');
    case 'system':
      return e('p.system_id', 'system_id');
    case 'group':
      return e('p.group_id', 'group_id');
    case 'supplier':
      return e('g.supplier_id', 'group_id');
    case 'priority':
      return e('p.priority', 'priority');
    case 'category':
      return e('p.category', 'category');
  }
}

/** Names of the rows' keys: one query for the dimension's table. */
async function namesOf(db: Executor, tenantId: string, by: MetricsDimension, ids: string[], tree: Tree) {
  const names = new Map<string, string>();
  if (ids.length === 0 || by === 'priority' || by === 'category') return names;
  if (by === 'unit') {
    for (const id of ids) {
      const node = tree.byId.get(id);
      if (node) names.set(id, node.name);
    }
    return names;
  }
  const table = { service: services, system: systems, group: groups, supplier: suppliers }[by];
  const rows = await db
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), inArray(table.id, ids)));
  for (const r of rows) names.set(r.id, r.name);
  return names;
}

function rowsOfDimension(
  stage: StageRow[],
  by: MetricsDimension,
  names: Map<string, string>,
  tree: Tree,
): MetricsRow[] {
  const rows = stage.map((r) => ({
    key: r.key,
    name: r.key === null ? null : (names.get(r.key) ?? null),
    hasChildren: by === 'unit' && r.key !== null && (tree.children.get(r.key)?.length ?? 0) > 0,
    ...figures(r),
  }));
  const collator = new Intl.Collator('sv');
  return rows.sort((a, b) => {
    if (a.key === null) return 1;
    if (b.key === null) return -1;
    if (by === 'priority') return Number(a.key) - Number(b.key);
    return collator.compare(a.name ?? a.key, b.name ?? b.key);
  });
}

// ---------------------------------------------------------------- the reports

async function targetsOf(db: Executor, tenantId: string): Promise<MetricsTargets> {
  const [tickets, phone] = await Promise.all([ticketSettingsOf(db, tenantId), phoneSettingsOf(db, tenantId)]);
  return {
    firstContact: tickets.firstContactTarget / 100,
    phoneAnswerSeconds: phone.answerSeconds,
    phoneShare: phone.targetPercent / 100,
  };
}

/** The unit and its rows: the unit's own tickets as one row, each child with its subtree as one. */
function unitRowsUnder(tree: Tree, id: string): Map<string, string> {
  const rows = new Map<string, string>([[id, id]]);
  for (const child of tree.children.get(id) ?? [])
    for (const u of subtree(tree, child.id)) rows.set(u, child.id);
  return rows;
}

/** Every unit of the tree under the roots' rows (each root with its subtree). */
function unitRowsOf(tree: Tree, roots: string[]): Map<string, string> {
  const rows = new Map<string, string>();
  for (const root of roots) for (const u of subtree(tree, root)) if (!rows.has(u)) rows.set(u, root);
  return rows;
}

async function checkRef(
  db: Executor,
  tenantId: string,
  table: typeof systems | typeof groups | typeof services,
  id: string | undefined,
  field: string,
) {
  if (!id) return;
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), eq(table.id, id)));
  if (!row) throw problems.field(`querystring.${field}`, 'No such record');
}

/** The metrics of a period per row of a dimension, with the series and the phone. */
export async function metricsReport(db: Database, actor: Actor, query: MetricsQuery): Promise<Metrics> {
  const period = resolvePeriod(query);
  const tenantId = actor.tenantId;
  const tree = await loadTree(db, tenantId);
  const seen = visibility(actor, tree);
  let allowed: string[] | null = seen.units ? [...seen.units] : null;
  let unit: { id: string; name: string } | null = null;
  if (query.unitId) {
    const node = tree.byId.get(query.unitId);
    if (!node) throw problems.field('querystring.unitId', 'No such unit');
    if (seen.units && !seen.units.has(node.id))
      throw problems.forbidden('The unit is outside the units you report on');
    allowed = subtree(tree, node.id);
    unit = { id: node.id, name: node.name };
  }
  await Promise.all([
    checkRef(db, tenantId, systems, query.systemId, 'systemId'),
    checkRef(db, tenantId, groups, query.groupId, 'groupId'),
    checkRef(db, tenantId, services, query.serviceId, 'serviceId'),
  ]);
  // By unit: the rows are the unit asked for (its own tickets) and its children, else the
  // reader's outermost units, else the top of the tree.
  const unitRows =
    query.by !== 'unit'
      ? undefined
      : query.unitId
        ? unitRowsUnder(tree, query.unitId)
        : unitRowsOf(
            tree,
            seen.all ? (tree.children.get(null) ?? []).map((u) => u.id) : seen.roots.map((u) => u.id),
          );
  const selection: Selection = {
    tenantId,
    units: allowed,
    systemId: query.systemId,
    groupId: query.groupId,
    serviceId: query.serviceId,
  };
  const [result, targets, phone] = await Promise.all([
    aggregate(db, selection, period, [keyOf(query.by)], unitRows),
    targetsOf(db, tenantId),
    callStats(db, actor, { from: period.from, to: period.to, groupBy: 'month' }),
  ]);
  const stage = result.keyed(query.by);
  const names = await namesOf(
    db,
    tenantId,
    query.by,
    stage.flatMap((r) => (r.key ? [r.key] : [])),
    tree,
  );
  return {
    from: period.from,
    to: period.to,
    by: query.by,
    filters: {
      unit,
      systemId: query.systemId ?? null,
      groupId: query.groupId ?? null,
      serviceId: query.serviceId ?? null,
    },
    scope: { all: seen.all, units: seen.roots.map((u) => ({ id: u.id, name: u.name })) },
    total: figures(result.total),
    rows: rowsOfDimension(stage, query.by, names, tree),
    series: result.series,
    phone: phone.total,
    targets,
  };
}

/** The default service level's targets per priority, read against the report's priorities. */
async function defaultLevel(db: Executor, tenantId: string) {
  const [row] = await db
    .select({ id: serviceLevels.id, name: serviceLevels.name, targets: serviceLevels.targets })
    .from(serviceLevels)
    .where(
      and(
        eq(serviceLevels.tenantId, tenantId),
        eq(serviceLevels.isDefault, true),
        isNull(serviceLevels.archivedAt),
      ),
    );
  return row;
}

async function breachedTickets(
  db: Executor,
  tenantId: string,
  period: Period,
  unitIds: string[],
  limit: number,
  tree: Tree,
): Promise<{ count: number; items: BreachedTicket[] }> {
  const result = await db.execute(sql`
    select t.id, t.number, t.title, t.priority, t.status, t.created_at, t.solved_at, t.unit_id,
      t.system_id, s.name as system_name, t.response_breached_at, t.resolution_breached_at,
      count(*) over () as total
    from desk_tickets t
    left join ${systems} s on s.tenant_id = t.tenant_id and s.id = t.system_id
    where t.tenant_id = ${tenantId} and t.unit_id = any(${pgArray(unitIds)}::uuid[])
      and t.created_at >= ${period.fromTs.toISOString()}::timestamptz
      and t.created_at < ${period.toTs.toISOString()}::timestamptz
      and (t.response_breached_at is not null or t.resolution_breached_at is not null)
    order by t.priority, t.created_at desc, t.id
    limit ${limit}`);
  type Row = {
    id: string;
    number: string;
    title: string;
    priority: number;
    status: TicketStatus;
    created_at: string | Date;
    solved_at: string | Date | null;
    unit_id: string | null;
    system_id: string | null;
    system_name: string | null;
    response_breached_at: string | Date | null;
    resolution_breached_at: string | Date | null;
    total: number | string;
  };
  const rows = rowsOf<Row>(result);
  const instant = (v: string | Date | null) => (v === null ? null : iso(new Date(v)));
  return {
    count: rows.length > 0 ? Number(rows[0]!.total) : 0,
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      priority: r.priority,
      status: r.status,
      createdAt: instant(r.created_at)!,
      solvedAt: instant(r.solved_at),
      unit:
        r.unit_id && tree.byId.has(r.unit_id)
          ? { id: r.unit_id, name: tree.byId.get(r.unit_id)!.name }
          : null,
      system: r.system_id && r.system_name ? { id: r.system_id, name: r.system_name } : null,
      responseBreachedAt: instant(r.response_breached_at),
      resolutionBreachedAt: instant(r.resolution_breached_at),
    })),
  };
}

/** The report of one unit (a förvaltning) and its sub-units: seed 002's report to each department. */
export async function unitReport(
  db: Database,
  actor: Actor,
  unitId: string,
  query: UnitReportQuery,
): Promise<UnitReport> {
  const period = resolvePeriod(query);
  const tenantId = actor.tenantId;
  const tree = await loadTree(db, tenantId);
  const node = tree.byId.get(unitId);
  if (!node) throw problems.notFound('unit');
  const seen = visibility(actor, tree);
  if (seen.units && !seen.units.has(unitId))
    throw problems.forbidden('The unit is outside the units you report on');
  const unitIds = subtree(tree, unitId);
  const selection: Selection = { tenantId, units: unitIds };
  const unitRows = unitRowsUnder(tree, unitId);
  // The same days a year before, in months as the report's own series (a short period in weeks).
  const previous = periodOf(yearBefore(period.from), yearBefore(period.to), period.interval);
  const keys: Key[] = [keyOf('unit'), keyOf('category'), keyOf('system'), keyOf('priority')];
  const [result, before, targets, phone, level, breached] = await Promise.all([
    aggregate(db, selection, period, keys, unitRows),
    aggregate(db, selection, previous, []),
    targetsOf(db, tenantId),
    callStats(db, actor, { from: period.from, to: period.to, groupBy: 'month' }),
    defaultLevel(db, tenantId),
    breachedTickets(db, tenantId, period, unitIds, query.limit, tree),
  ]);
  const systemStage = result.keyed('system');
  const systemNames = await namesOf(
    db,
    tenantId,
    'system',
    systemStage.flatMap((r) => (r.key ? [r.key] : [])),
    tree,
  );
  const unitNames = await namesOf(db, tenantId, 'unit', [...new Set(unitRows.values())], tree);
  const byPriority = new Map(result.keyed('priority').map((r) => [Number(r.key), r]));
  return {
    unit: {
      id: node.id,
      name: node.name,
      kind: node.kind,
      costCentre: node.costCentre,
      path: ancestors(tree, node.id).map((u) => ({ id: u.id, name: u.name })),
    },
    from: period.from,
    to: period.to,
    total: figures(result.total),
    units: rowsOfDimension(result.keyed('unit'), 'unit', unitNames, tree),
    categories: rowsOfDimension(result.keyed('category'), 'category', new Map(), tree),
    systems: rowsOfDimension(systemStage, 'system', systemNames, tree),
    priorities: [1, 2, 3, 4].map((priority) => {
      const target = level?.targets[String(priority) as '1'] ?? { response: null, resolution: null };
      return {
        priority,
        responseTarget: target.response,
        resolutionTarget: target.resolution,
        ...figures(byPriority.get(priority) ?? emptySums()),
      };
    }),
    serviceLevel: level ? { id: level.id, name: level.name } : null,
    series: result.series,
    previous: { from: previous.from, to: previous.to, total: figures(before.total), series: before.series },
    phone: phone.total,
    targets,
    breached,
  };
}
