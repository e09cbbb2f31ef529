import { and, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { IndicatorSource } from '../../../platform/seam.ts';
import { todayInStockholm } from '../contracts/reminders.ts';
import { systemRoles } from './roles/schema.ts';
import { systems, systemUnits } from './schema.ts';

// The register's figures that a goal of the IT strategy may follow (seed 001: "antalet e-tjänster
// ska öka", every system with an owner). Each is counted on one day of the year: its last, or
// today in the current year; a future year has no figure yet. A system counts as in operation on
// that day when it is past implementation, was in operation from then or earlier (no date: always),
// and was not retired by then; archived systems (registered in error) do not count.

/** The day a year's figure is counted on; null for a year still to come. */
export function countedOn(year: number): string | null {
  const today = todayInStockholm();
  const end = `${year}-12-31`;
  if (end <= today) return end;
  return Number(today.slice(0, 4)) === year ? today : null;
}

function inOperationOn(day: string): SQL {
  return and(
    isNull(systems.archivedAt),
    inArray(systems.phase, ['operation', 'phaseOut', 'retired']),
    or(isNull(systems.inOperationFrom), lte(systems.inOperationFrom, day)),
    // A retired system without a date is retired on every day the register knows of.
    or(
      and(isNull(systems.retiredOn), sql`${systems.phase} <> 'retired'`),
      sql`${systems.retiredOn} > ${day}::date`,
    ),
  ) as SQL;
}

async function eServices(db: Executor, tenantId: string, year: number): Promise<number | null> {
  const day = countedOn(year);
  if (!day) return null;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(systems)
    .where(and(eq(systems.tenantId, tenantId), eq(systems.eService, true), inOperationOn(day)));
  return Number(row?.n ?? 0);
}

/**
 * How many people the e-services in operation reach: the user counts of the units that use them,
 * summed per e-service (seed 001: "användandet av respektive e-tjänst ska årligen följas upp").
 * The register keeps today's using units only, so a past year is counted with today's counts; a
 * unit without a count adds nothing, and no counts at all is no figure rather than a zero.
 */
async function eServiceUsers(db: Executor, tenantId: string, year: number): Promise<number | null> {
  const day = countedOn(year);
  if (!day) return null;
  const [row] = await db
    .select({ n: sql<number | null>`sum(${systemUnits.users})::int` })
    .from(systemUnits)
    .innerJoin(systems, and(eq(systems.tenantId, systemUnits.tenantId), eq(systems.id, systemUnits.systemId)))
    .where(and(eq(systemUnits.tenantId, tenantId), eq(systems.eService, true), inOperationOn(day)));
  return row?.n == null ? null : Number(row.n);
}

/** Per cent of the systems in operation with a systemägare (or produktägare) in effect that day. */
async function ownedShare(db: Executor, tenantId: string, year: number): Promise<number | null> {
  const day = countedOn(year);
  if (!day) return null;
  const owned = sql`exists (select 1 from ${systemRoles} r where r.tenant_id = ${systems.tenantId} and r.system_id = ${systems.id} and r.kind in ('systemOwner', 'productOwner') and r.valid_from <= ${day}::date and (r.valid_to is null or r.valid_to >= ${day}::date))`;
  const [row] = await db
    .select({
      all: sql<number>`count(*)::int`,
      owned: sql<number>`(count(*) filter (where ${owned}))::int`,
    })
    .from(systems)
    .where(and(eq(systems.tenantId, tenantId), inOperationOn(day)));
  const all = Number(row?.all ?? 0);
  if (all === 0) return null;
  return Math.round((Number(row!.owned) / all) * 1000) / 10;
}

export const systemIndicatorSources: IndicatorSource[] = [
  {
    key: 'registry.eServices',
    label: { sv: 'Antal e-tjänster i drift', en: 'E-services in operation' },
    unit: 'st',
    origin: {
      sv: 'Systemregistret: system markerade som e-tjänst och i drift vid årets slut (i år: i dag)',
      en: 'System register: systems marked as e-service and in operation at the end of the year (this year: today)',
    },
    compute: eServices,
  },
  {
    key: 'registry.eServiceUsers',
    label: { sv: 'Användare av e-tjänster i drift', en: 'Users of e-services in operation' },
    unit: 'st',
    origin: {
      sv: 'Systemregistret: summan av de användande enheternas antal användare för e-tjänster i drift vid årets slut (i år: i dag), med dagens användarantal',
      en: 'System register: the using units’ user counts summed over the e-services in operation at the end of the year (this year: today), with today’s counts',
    },
    compute: eServiceUsers,
  },
  {
    key: 'registry.systemsWithOwner',
    label: { sv: 'Andel system i drift med systemägare', en: 'Share of systems in operation with an owner' },
    unit: '%',
    origin: {
      sv: 'Systemregistret: system i drift vid årets slut som har en systemägare (eller produktägare) det datumet',
      en: 'System register: systems in operation at the end of the year with a system owner (or product owner) on that date',
    },
    compute: ownedShare,
  },
];
