import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import {
  addMonthsTo,
  latestStartOf,
  type PlanEntry,
  type PlanQuery,
  type Procedure,
  type ProcurementPlan,
  type ProcurementStatus,
  planStateOf,
} from '../../../../shared/portfolio/procurements.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { contracts } from '../../registry/contracts/schema.ts';
import { suppliers } from '../../registry/suppliers/schema.ts';
import { procurements } from './schema.ts';
import { procurementSettingsOf, type SettingsRow } from './settings.ts';

// The re-procurement plan: each active register contract with an end date in the window, set
// against the lead time its next procurement needs (by procedure, the tenant's settings), giving
// the latest day to start and where it stands. The procedure is that of the procurement linked as
// replacing the contract; without one, the contract's value over its whole length (extensions
// included, as LOU counts it) against the direktupphandling limit; without a value, the open
// procedure (the longest: better early than late). Read only; the registry's contracts are read,
// never written.

interface ContractLine {
  id: string;
  title: string;
  supplierName: string;
  ownerId: string | null;
  ownerGiven: string | null;
  ownerFamily: string | null;
  startsOn: string;
  endsOn: string;
  noticeMonths: number | null;
  noticeDeadline: string | null;
  extendableUntil: string | null;
  annualValue: number | null;
}

function years(from: string, to: string) {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.max(1, ms / (365.25 * 86_400_000));
}

/** The procedure a contract's next procurement is planned with, and why. */
function procedureOf(
  c: ContractLine,
  replacing: { procedure: string } | undefined,
  settings: SettingsRow,
): { procedure: Procedure; from: PlanEntry['procedureFrom'] } {
  if (replacing) return { procedure: replacing.procedure as Procedure, from: 'procurement' };
  if (c.annualValue === null) return { procedure: 'open', from: 'unknownValue' };
  const total = c.annualValue * years(c.startsOn, c.extendableUntil ?? c.endsOn);
  return { procedure: total <= settings.directLimit ? 'direct' : 'open', from: 'value' };
}

/** The plan's lines for the contracts given (all of them when `ownerId` is not given). */
async function planLines(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
  ownerId?: string,
): Promise<PlanEntry[]> {
  const [settings, rows] = await Promise.all([
    procurementSettingsOf(db, tenantId),
    db
      .select({
        id: contracts.id,
        title: contracts.title,
        supplierName: suppliers.name,
        ownerId: contracts.ownerId,
        ownerGiven: people.givenName,
        ownerFamily: people.familyName,
        startsOn: contracts.startsOn,
        endsOn: sql<string>`${contracts.endsOn}`,
        noticeMonths: contracts.noticeMonths,
        noticeDeadline: contracts.noticeDeadline,
        extendableUntil: contracts.extendableUntil,
        annualValue: contracts.annualValue,
      })
      .from(contracts)
      .innerJoin(
        suppliers,
        and(eq(suppliers.tenantId, contracts.tenantId), eq(suppliers.id, contracts.supplierId)),
      )
      .leftJoin(people, and(eq(people.tenantId, contracts.tenantId), eq(people.id, contracts.ownerId)))
      .where(
        and(
          eq(contracts.tenantId, tenantId),
          isNull(contracts.archivedAt),
          sql`${contracts.endsOn} between ${from}::date and ${to}::date`,
          ownerId ? eq(contracts.ownerId, ownerId) : undefined,
        ),
      )
      .orderBy(asc(contracts.endsOn), asc(contracts.id)) as Promise<ContractLine[]>,
  ]);
  if (rows.length === 0) return [];
  // The procurement replacing each contract: the newest that is not cancelled or archived.
  const replacing = await db
    .select({
      id: procurements.id,
      title: procurements.title,
      status: procurements.status,
      procedure: procurements.procedure,
      contractId: procurements.replacesContractId,
    })
    .from(procurements)
    .where(
      and(
        eq(procurements.tenantId, tenantId),
        inArray(
          procurements.replacesContractId,
          rows.map((r) => r.id),
        ),
        ne(procurements.status, 'cancelled'),
        isNull(procurements.archivedAt),
      ),
    )
    .orderBy(asc(procurements.createdAt));
  const byContract = new Map(replacing.map((p) => [p.contractId!, p]));
  const today = todayInStockholm();
  const items = rows.map((c): PlanEntry => {
    const p = byContract.get(c.id);
    const { procedure, from: procedureFrom } = procedureOf(c, p, settings);
    const leadMonths = settings.leadMonths[procedure];
    const latestStartOn = latestStartOf(c.endsOn, leadMonths);
    return {
      contract: { id: c.id, name: c.title },
      supplierName: c.supplierName,
      owner: c.ownerId
        ? { id: c.ownerId, name: `${c.ownerGiven ?? ''} ${c.ownerFamily ?? ''}`.trim() }
        : null,
      endsOn: c.endsOn,
      noticeMonths: c.noticeMonths,
      noticeDeadline: c.noticeDeadline,
      extendableUntil: c.extendableUntil,
      procedure,
      procedureFrom,
      leadMonths,
      latestStartOn,
      state: planStateOf(latestStartOn, today, settings.warnDays, p !== undefined),
      procurement: p ? { id: p.id, name: p.title, status: p.status as ProcurementStatus } : null,
    };
  });
  return items.sort(
    (a, b) => a.latestStartOn.localeCompare(b.latestStartOn) || a.contract.id.localeCompare(b.contract.id),
  );
}

export async function procurementPlan(
  db: Database,
  actor: Actor,
  query: PlanQuery,
): Promise<ProcurementPlan> {
  const today = todayInStockholm();
  const from = query.from ?? today;
  const to = query.to ?? addMonthsTo(from, 36);
  if (to < from) throw problems.field('querystring.to', 'The end of the period is before its start');
  if (to > addMonthsTo(from, 240)) throw problems.field('querystring.to', 'At most twenty years at a time');
  return { from, to, today, items: await planLines(db, actor.tenantId, from, to) };
}

/** The signed-in owner's contracts whose re-procurement should start now or is late (the start page). */
export async function reprocurementsDue(db: Database, actor: Actor) {
  if (!actor.personId) return [];
  const today = todayInStockholm();
  // A contract ending within six years covers the longest lead time the settings allow (60 months).
  const lines = await planLines(db, actor.tenantId, today, addMonthsTo(today, 72), actor.personId);
  return lines.filter((l) => l.state === 'startSoon' || l.state === 'late');
}
