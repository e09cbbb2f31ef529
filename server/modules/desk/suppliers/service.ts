import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { CompiledCalendar } from '../../../../shared/desk/calendar.ts';
import type { Clock, Sla } from '../../../../shared/desk/sla.ts';
import { usedMinutes } from '../../../../shared/desk/sla.ts';
import {
  replaySupplier,
  type SupplierReport,
  type SupplierReportQuery,
  type SupplierSpell,
  type SupplierState,
  type SupplierTerms,
  type SupplierWorld,
  stepSupplier,
} from '../../../../shared/desk/suppliers.ts';
import type { SupplierClock } from '../../../../shared/desk/tickets.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { problems } from '../../../platform/errors.ts';
import { iso } from '../../../platform/http.ts';
import { newId } from '../../../platform/ids.ts';
import type { TenantScope } from '../../../platform/tenancy.ts';
import { contractSystems, contracts } from '../../registry/contracts/schema.ts';
import { suppliers } from '../../registry/suppliers/schema.ts';
import { compiledCalendarById } from '../calendars/service.ts';
import { groups } from '../groups/schema.ts';
import { metricsPolicy } from '../metrics/policy.ts';
import { resolvePeriod } from '../metrics/service.ts';
import { serviceLevels } from '../services/schema.ts';
import { supplierClocks } from './schema.ts';

// The supplier clocks on the server (the rules are shared/desk/suppliers.ts): the tenant's world
// (its supplier groups, the contracts with levels and the systems they cover, the levels'
// calendars) read from the tables, each ticket change stepped in its own transaction, an import's
// histories replayed, and the report per supplier and contract aggregated in SQL.

type SpellRow = typeof supplierClocks.$inferSelect;
type SpellInsert = Omit<typeof supplierClocks.$inferInsert, 'tenantId'>;

const ZONE = 'Europe/Stockholm';
const MINUTE = 60_000;

function stockholmDay(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE }).format(at);
}

interface ContractTerms extends SupplierTerms {
  supplierId: string;
  startsOn: string;
  endsOn: string | null;
  systemIds: Set<string>;
}

/** The tenant's supplier groups (id → supplier), or those among `ids`. */
async function supplierGroups(db: Executor, tenantId: string, ids?: string[]): Promise<Map<string, string>> {
  if (ids?.length === 0) return new Map();
  const rows = await db
    .select({ id: groups.id, supplierId: groups.supplierId })
    .from(groups)
    .where(
      and(
        eq(groups.tenantId, tenantId),
        eq(groups.kind, 'supplier'),
        ids ? inArray(groups.id, ids) : undefined,
      ),
    );
  return new Map(rows.flatMap((r) => (r.supplierId ? [[r.id, r.supplierId] as const] : [])));
}

/** The contracts with active underpinning levels (the newest level of a contract applies). */
async function contractTerms(db: Executor, tenantId: string): Promise<ContractTerms[]> {
  const rows = await db
    .select({ level: serviceLevels, contract: contracts })
    .from(serviceLevels)
    .innerJoin(
      contracts,
      and(eq(contracts.tenantId, serviceLevels.tenantId), eq(contracts.id, serviceLevels.contractId)),
    )
    .where(
      and(
        eq(serviceLevels.tenantId, tenantId),
        eq(serviceLevels.kind, 'underpinning'),
        isNull(serviceLevels.archivedAt),
        isNull(contracts.archivedAt),
      ),
    )
    .orderBy(desc(serviceLevels.createdAt));
  if (rows.length === 0) return [];
  const covered = await db
    .select({ contractId: contractSystems.contractId, systemId: contractSystems.systemId })
    .from(contractSystems)
    .where(
      and(
        eq(contractSystems.tenantId, tenantId),
        inArray(contractSystems.contractId, [...new Set(rows.map((r) => r.contract.id))]),
      ),
    );
  const calendars = new Map<string | null, CompiledCalendar>();
  for (const id of new Set(rows.map((r) => r.level.calendarId)))
    calendars.set(id, await compiledCalendarById(db, tenantId, id));
  const seen = new Set<string>();
  const terms: ContractTerms[] = [];
  for (const { level, contract } of rows) {
    if (seen.has(contract.id)) continue;
    seen.add(contract.id);
    terms.push({
      contractId: contract.id,
      levelId: level.id,
      calendarId: level.calendarId,
      calendar: calendars.get(level.calendarId)!,
      warningPercent: level.warningPercent,
      targets: level.targets,
      supplierId: contract.supplierId,
      startsOn: contract.startsOn,
      endsOn: contract.endsOn,
      systemIds: new Set(covered.filter((c) => c.contractId === contract.id).map((c) => c.systemId)),
    });
  }
  // The latest contract first, where two of a supplier are in force.
  return terms.sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0));
}

/** The world of shared/desk/suppliers.ts over what was read. */
export function worldOf(groupSuppliers: Map<string, string>, terms: ContractTerms[]): SupplierWorld {
  const inForce = (at: Date) => {
    const day = stockholmDay(at);
    return terms.filter((t) => t.startsOn <= day && (t.endsOn === null || t.endsOn >= day));
  };
  const byContract = new Map(terms.map((t) => [t.contractId, t]));
  return {
    supplierOfGroup: (groupId) => (groupId ? (groupSuppliers.get(groupId) ?? null) : null),
    supplierOfSystem(systemId, at) {
      if (!systemId) return null;
      const found = new Set(inForce(at).flatMap((t) => (t.systemIds.has(systemId) ? [t.supplierId] : [])));
      return found.size === 1 ? [...found][0]! : null;
    },
    contractFor(supplierId, systemId, at) {
      const own = inForce(at).filter((t) => t.supplierId === supplierId);
      const covering = systemId ? own.find((t) => t.systemIds.has(systemId)) : undefined;
      return covering ?? (own.length === 1 ? own[0]! : null);
    },
    termsOf: (contractId) => byContract.get(contractId) ?? null,
  };
}

export async function loadWorld(db: Executor, tenantId: string): Promise<SupplierWorld> {
  const [groupSuppliers, terms] = await Promise.all([
    supplierGroups(db, tenantId),
    contractTerms(db, tenantId),
  ]);
  return worldOf(groupSuppliers, terms);
}

function minutesOf(clock: Clock): number | null {
  return clock.phase === 'met' ? Math.floor(clock.usedMs / MINUTE) : null;
}

const at = (value: string | null) => (value ? new Date(value) : null);

/** The columns a spell sets (the report's figures, from its clocks). */
function spellColumns(spell: SupplierSpell): SpellInsert {
  const sla: Sla | null = spell.sla;
  return {
    id: spell.id ?? newId(),
    ticketId: '',
    supplierId: spell.supplierId,
    groupId: spell.groupId,
    contractId: spell.contractId,
    levelId: spell.levelId,
    priority: spell.priority,
    startedAt: new Date(spell.startedAt),
    endedAt: at(spell.endedAt),
    sla,
    responseTarget: sla?.response.target ?? null,
    resolutionTarget: sla?.resolution.target ?? null,
    responseMinutes: sla ? minutesOf(sla.response) : null,
    resolutionMinutes: sla ? minutesOf(sla.resolution) : null,
    responseDueAt: at(sla?.response.dueAt ?? null),
    resolutionDueAt: at(sla?.resolution.dueAt ?? null),
    responseBreachedAt: at(sla?.response.breachedAt ?? null),
    resolutionBreachedAt: at(sla?.resolution.breachedAt ?? null),
  };
}

function spellOf(row: SpellRow): SupplierSpell {
  return {
    id: row.id,
    supplierId: row.supplierId,
    groupId: row.groupId,
    contractId: row.contractId,
    levelId: row.levelId,
    priority: row.priority,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt ? row.endedAt.toISOString() : null,
    sla: row.sla,
  };
}

/** What of a ticket row the supplier clocks follow. */
export function supplierState(row: {
  status: string;
  groupId: string | null;
  assigneeId: string | null;
  priority: number;
  systemId: string | null;
}): SupplierState {
  return {
    status: row.status,
    groupId: row.groupId,
    assigned: row.assigneeId !== null,
    priority: row.priority,
    systemId: row.systemId,
  };
}

/**
 * After a ticket's change from `before` (null: made now) to `after` at `now`, inside the change's
 * transaction (the ticket's row is locked, so its spells change one change at a time). `responded`:
 * the change is an agent's public reply.
 */
export async function followSupplierClocks(
  s: TenantScope,
  ticketId: string,
  before: SupplierState | null,
  after: SupplierState,
  now: Date,
  responded = false,
) {
  // Most changes never touch a supplier: neither state is with a supplier group or waiting for a
  // supplier, so no stay can be open (one is open only while its ticket is with the supplier) and
  // none begins. They cost one look-up by key, or none.
  const waiting = before?.status === 'waitingSupplier' || after.status === 'waitingSupplier';
  const ids = [...new Set([before?.groupId, after.groupId].filter((g): g is string => !!g))];
  if (!waiting && ids.length === 0) return;
  // The step asks only of these two groups.
  const groupSuppliers = await supplierGroups(s.tx, s.tenantId, ids);
  if (!waiting && groupSuppliers.size === 0) return;
  const [last] = await s.tx
    .select()
    .from(supplierClocks)
    .where(and(eq(supplierClocks.tenantId, s.tenantId), eq(supplierClocks.ticketId, ticketId)))
    .orderBy(desc(supplierClocks.startedAt))
    .limit(1);
  const open = last && last.endedAt === null ? spellOf(last) : null;
  const world = worldOf(groupSuppliers, await contractTerms(s.tx, s.tenantId));
  const { ended, current } = stepSupplier(
    world,
    open,
    last ? spellOf(last) : null,
    before,
    after,
    now,
    responded,
  );
  for (const spell of [ended, current]) {
    if (!spell) continue;
    const values = { ...spellColumns(spell), ticketId };
    if (spell.id) {
      const { id, ...changes } = values;
      await s.tx
        .update(supplierClocks)
        .set(changes)
        .where(and(eq(supplierClocks.tenantId, s.tenantId), eq(supplierClocks.id, id)));
    } else await s.tx.insert(supplierClocks).values({ ...values, tenantId: s.tenantId });
  }
}

/** The spells of imported histories, replayed (one world for the whole import). */
export async function importSupplierClocks(
  s: TenantScope,
  histories: { ticketId: string; steps: { at: Date; state: SupplierState; responded?: boolean }[] }[],
) {
  const world = await loadWorld(s.tx, s.tenantId);
  const rows: (typeof supplierClocks.$inferInsert)[] = [];
  for (const { ticketId, steps } of histories)
    for (const spell of replaySupplier(world, steps))
      rows.push({ ...spellColumns(spell), ticketId, tenantId: s.tenantId });
  for (let i = 0; i < rows.length; i += 500) await s.tx.insert(supplierClocks).values(rows.slice(i, i + 500));
  return rows.length;
}

// ---------------------------------------------------------------- a ticket's supplier clocks

function presentClock(clock: Clock, calendar: CompiledCalendar, now: Date) {
  return {
    phase: clock.phase,
    targetMinutes: clock.target,
    usedMinutes: usedMinutes(clock, calendar, now),
    dueAt: clock.dueAt,
    warnedAt: clock.warnedAt,
    breachedAt:
      clock.breachedAt ?? (clock.dueAt && Date.parse(clock.dueAt) <= now.getTime() ? clock.dueAt : null),
    metAt: clock.metAt,
  };
}

/** A ticket's stays with suppliers as its JSON shows them (the reader may read the ticket). */
export async function supplierClocksOf(
  db: Executor,
  tenantId: string,
  ticketId: string,
  now = new Date(),
): Promise<SupplierClock[]> {
  const rows = await db
    .select({
      spell: supplierClocks,
      supplierName: suppliers.name,
      groupName: groups.name,
      contractTitle: contracts.title,
      levelName: serviceLevels.name,
      calendarId: serviceLevels.calendarId,
    })
    .from(supplierClocks)
    .innerJoin(
      suppliers,
      and(eq(suppliers.tenantId, supplierClocks.tenantId), eq(suppliers.id, supplierClocks.supplierId)),
    )
    .leftJoin(
      groups,
      and(eq(groups.tenantId, supplierClocks.tenantId), eq(groups.id, supplierClocks.groupId)),
    )
    .leftJoin(
      contracts,
      and(eq(contracts.tenantId, supplierClocks.tenantId), eq(contracts.id, supplierClocks.contractId)),
    )
    .leftJoin(
      serviceLevels,
      and(eq(serviceLevels.tenantId, supplierClocks.tenantId), eq(serviceLevels.id, supplierClocks.levelId)),
    )
    .where(and(eq(supplierClocks.tenantId, tenantId), eq(supplierClocks.ticketId, ticketId)))
    .orderBy(asc(supplierClocks.startedAt));
  const out: SupplierClock[] = [];
  for (const r of rows) {
    const { spell } = r;
    const calendar = spell.sla ? await compiledCalendarById(db, tenantId, spell.sla.calendarId) : null;
    out.push({
      id: spell.id,
      supplier: { id: spell.supplierId, name: r.supplierName },
      group: spell.groupId ? { id: spell.groupId, name: r.groupName ?? '' } : null,
      contract: spell.contractId ? { id: spell.contractId, name: r.contractTitle ?? '' } : null,
      serviceLevel: spell.levelId ? { id: spell.levelId, name: r.levelName ?? '' } : null,
      startedAt: iso(spell.startedAt)!,
      endedAt: iso(spell.endedAt),
      response: spell.sla && calendar ? presentClock(spell.sla.response, calendar, now) : null,
      resolution: spell.sla && calendar ? presentClock(spell.sla.resolution, calendar, now) : null,
    });
  }
  return out;
}

// ---------------------------------------------------------------- the report

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const round = (v: number | null, digits = 1) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Per supplier and contract, the stays begun in the period (whole Stockholm days, from and to
 * included): tickets, stays, those still open, response and resolution compliance (of the stays
 * with a target whose clock was settled: met, or past its due time), breaches, and the mean and
 * median business minutes. A running clock past its due time counts as breached (the supplier
 * clocks have no job of their own: the report and the ticket's page read the due time).
 */
export async function supplierReport(
  db: Database,
  actor: Actor,
  query: SupplierReportQuery,
  now = new Date(),
): Promise<SupplierReport> {
  if (!metricsPolicy.readAll(actor))
    throw problems.forbidden('Only the desk’s leads read the supplier report');
  const period = resolvePeriod(query);
  const result = await db.execute(sql`
    with spells as (
      select c.*,
        coalesce(c.response_breached_at,
          case when c.response_minutes is null and c.response_due_at <= ${now.toISOString()}::timestamptz then c.response_due_at end) as rb,
        coalesce(c.resolution_breached_at,
          case when c.ended_at is null and c.resolution_due_at <= ${now.toISOString()}::timestamptz then c.resolution_due_at end) as sb
      from ${supplierClocks} c
      where c.tenant_id = ${actor.tenantId} and c.started_at >= ${period.fromTs.toISOString()}::timestamptz and c.started_at < ${period.toTs.toISOString()}::timestamptz
    ), figures as (
      select supplier_id, contract_id,
        (array_agg(level_id order by started_at desc) filter (where level_id is not null))[1] as level_id,
        count(distinct ticket_id) as tickets,
        count(*) as spells,
        count(*) filter (where ended_at is null) as open,
        count(*) filter (where response_target is not null and (response_minutes is not null or rb is not null)) as r_measured,
        count(*) filter (where response_target is not null and rb is not null) as r_breached,
        count(response_minutes) as r_count,
        avg(response_minutes) as r_mean,
        percentile_cont(0.5) within group (order by response_minutes) as r_median,
        count(*) filter (where resolution_target is not null and (resolution_minutes is not null or sb is not null)) as s_measured,
        count(*) filter (where resolution_target is not null and sb is not null) as s_breached,
        count(resolution_minutes) as s_count,
        avg(resolution_minutes) as s_mean,
        percentile_cont(0.5) within group (order by resolution_minutes) as s_median
      from spells
      group by supplier_id, contract_id
    )
    select f.*, s.name as supplier_name, k.title as contract_title, k.contract_number, l.name as level_name
    from figures f
    join ${suppliers} s on s.tenant_id = ${actor.tenantId} and s.id = f.supplier_id
    left join ${contracts} k on k.tenant_id = ${actor.tenantId} and k.id = f.contract_id
    left join ${serviceLevels} l on l.tenant_id = ${actor.tenantId} and l.id = f.level_id
    order by s.sort_name, s.id, k.sort_title nulls last, f.contract_id
  `);
  const rows = rowsOf<Record<string, unknown>>(result);
  const clock = (p: 'r' | 's') => {
    return (r: Record<string, unknown>) => {
      const m = Number(r[`${p}_measured`]);
      const b = Number(r[`${p}_breached`]);
      return {
        measured: m,
        breached: b,
        share: m > 0 ? (m - b) / m : null,
        minutes: {
          count: Number(r[`${p}_count`]),
          mean: round(num(r[`${p}_mean`])),
          median: round(num(r[`${p}_median`])),
        },
      };
    };
  };
  const response = clock('r');
  const resolution = clock('s');
  return {
    from: period.from,
    to: period.to,
    rows: rows.map((r) => {
      const rr = response(r);
      const sr = resolution(r);
      return {
        supplier: { id: String(r.supplier_id), name: String(r.supplier_name) },
        contract: r.contract_id
          ? {
              id: String(r.contract_id),
              title: String(r.contract_title),
              contractNumber: (r.contract_number as string | null) ?? null,
            }
          : null,
        serviceLevel: r.level_id ? { id: String(r.level_id), name: String(r.level_name ?? '') } : null,
        tickets: Number(r.tickets),
        spells: Number(r.spells),
        open: Number(r.open),
        response: rr,
        resolution: sr,
        breaches: rr.breached + sr.breached,
      };
    }),
  };
}
