import { and, asc, eq, getTableColumns, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import {
  contractableStatuses,
  nextStatuses,
  type Procedure,
  type ProcurementContractBody,
  type ProcurementCreate,
  type ProcurementListQuery,
  type ProcurementStatus,
  type ProcurementUpdate,
} from '../../../../shared/portfolio/procurements.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people, units } from '../../../platform/directory/schema.ts';
import { Problem, problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import {
  afterKey,
  keyOrder,
  type SortKey,
  sortKeyFields,
  sortKeyOfRow,
  toPage,
  withoutKey,
} from '../../../platform/pagination.ts';
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import type { RecordRef } from '../../../platform/seam.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { checkIdsIn, type NamedId } from '../../governance/refs.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { contracts } from '../../registry/contracts/schema.ts';
import { archiveContract, createContract } from '../../registry/contracts/service.ts';
import { systems } from '../../registry/systems/schema.ts';
import { procurementSystems, procurements } from './schema.ts';
import { procurementSettingsOf } from './settings.ts';

// The rules of procurements: the only writer of portfolio_procurements and its systems. Every
// person, unit, system and contract named must be the tenant's; the status moves only by the
// allowed steps (shared/portfolio/procurements.ts nextStatuses); a cancelled one says why, and may
// say when and what it cost; a direktupphandling above the tenant's limit is refused (LOU 19 kap.).

export type ProcurementRow = typeof procurements.$inferSelect;
export interface ProcurementView extends ProcurementRow {
  systems: { id: string; name: string }[];
  responsibleName: string | null;
  unitName: string | null;
  contractNames: Map<string, string>;
}

type Merged = Omit<ProcurementRow, 'tenantId' | 'id' | 'sortTitle' | 'createdAt' | 'updatedAt'>;

const kronor = (ore: number) =>
  `${new Intl.NumberFormat('sv-SE').format(Math.round(ore / 100)).replace(/\u00a0/g, ' ')} kr`;

/** Checks the record as it will be after the change: dates, LOU's limit, the cancellation. */
async function checkRules(s: TenantScope, next: Merged, before: ProcurementRow | null) {
  if (before && next.status !== before.status) {
    const allowed = nextStatuses(before.status as ProcurementStatus, before.procedure as Procedure);
    if (!allowed.includes(next.status as ProcurementStatus))
      throw problems.field('body.status', 'The procurement cannot go to this status from where it stands');
  }
  if (!before && (next.status === 'cancelled' || next.status === 'contracted'))
    throw problems.field('body.status', 'A new procurement is planned, being prepared or under way');
  if (next.status === 'cancelled') {
    if (!next.cancelReason?.trim())
      throw problems.field('body.cancelReason', 'A cancelled procurement needs a reason');
  } else {
    for (const k of ['cancelReason', 'cancelledOn', 'cancelCost', 'cancelHours'] as const)
      if (next[k] !== null && next[k] !== undefined && next[k] !== '')
        throw problems.field(`body.${k}`, 'Only a cancelled procurement has this');
  }
  if (next.procedure !== 'renewedCompetition' && (next.frameworkReference || next.frameworkContractId))
    throw problems.field(
      next.frameworkReference ? 'body.frameworkReference' : 'body.frameworkContractId',
      'Only a renewed competition calls off a framework agreement',
    );
  const order: [keyof Merged, string][] = [
    ['advertisedOn', 'plannedStartOn'],
    ['tenderDeadlineOn', 'advertisedOn'],
    ['awardedOn', 'tenderDeadlineOn'],
    ['contractStartsOn', 'awardedOn'],
  ];
  for (const [later, earlier] of order) {
    const a = next[later] as string | null;
    const b = next[earlier as keyof Merged] as string | null;
    if (a && b && a < b) throw problems.field(`body.${later}`, 'Comes before the step before it');
  }
  if (next.procedure === 'direct' && next.estimatedValue !== null && next.status !== 'cancelled') {
    const { directLimit } = await procurementSettingsOf(s.tx, s.tenantId);
    // The field's message is fixed (the web app translates it); the detail names the limit.
    if (next.estimatedValue > directLimit)
      throw problems.validation(
        [{ path: 'body.procedure', message: 'The value is above the direct procurement limit' }],
        `The estimated value is above the direct procurement limit of ${kronor(directLimit)} (LOU 19 kap.); choose another procedure`,
      );
  }
}

/** Refuses references that are not the tenant's (another tenant's id reads as no such record). */
async function checkRefs(s: TenantScope, changed: Partial<ProcurementCreate>) {
  if (changed.responsibleId)
    await checkIdsIn(
      s,
      people,
      [{ id: changed.responsibleId, field: 'body.responsibleId' }],
      'No such active person',
      isNull(people.archivedAt),
    );
  if (changed.unitId)
    await checkIdsIn(s, units, [{ id: changed.unitId, field: 'body.unitId' }], 'No such unit');
  const contractItems: NamedId[] = [];
  for (const k of ['frameworkContractId', 'replacesContractId', 'contractId'] as const) {
    const v = changed[k];
    if (v) contractItems.push({ id: v, field: `body.${k}` });
  }
  await checkIdsIn(s, contracts, contractItems, 'No such contract');
  if (changed.systemIds && changed.systemIds.length > 0) {
    const seen = new Set<string>();
    changed.systemIds.forEach((id, i) => {
      if (seen.has(id)) throw problems.field(`body.systemIds.${i}`, 'The system is listed twice');
      seen.add(id);
    });
    await checkIdsIn(
      s,
      systems,
      changed.systemIds.map((id, i) => ({ id, field: `body.systemIds.${i}` })),
      'No such active system',
      isNull(systems.archivedAt),
    );
  }
}

async function writeSystems(s: TenantScope, procurementId: string, ids: string[] | undefined) {
  if (ids === undefined) return;
  await s.tx
    .delete(procurementSystems)
    .where(s.where(procurementSystems, eq(procurementSystems.procurementId, procurementId)));
  if (ids.length > 0)
    await s.insertMany(
      procurementSystems,
      ids.map((systemId, position) => ({ procurementId, systemId, position })),
    );
}

async function systemIdsOf(db: Executor, tenantId: string, id: string) {
  const rows = await db
    .select({ systemId: procurementSystems.systemId })
    .from(procurementSystems)
    .where(and(eq(procurementSystems.tenantId, tenantId), eq(procurementSystems.procurementId, id)))
    .orderBy(asc(procurementSystems.position));
  return rows.map((r) => r.systemId);
}

const nullable = <T>(v: T | undefined) => (v === undefined ? null : v);

export function createProcurement(db: Database, actor: Actor, input: ProcurementCreate) {
  return inTenant(db, actor, async (s) => {
    const { systemIds = [], ...fields } = input;
    const values: Merged = {
      title: fields.title,
      description: nullable(fields.description),
      procedure: fields.procedure,
      frameworkReference: fields.frameworkReference || null,
      frameworkContractId: nullable(fields.frameworkContractId),
      estimatedValue: nullable(fields.estimatedValue),
      status: fields.status ?? 'planned',
      plannedStartOn: nullable(fields.plannedStartOn),
      advertisedOn: nullable(fields.advertisedOn),
      tenderDeadlineOn: nullable(fields.tenderDeadlineOn),
      awardedOn: nullable(fields.awardedOn),
      contractStartsOn: nullable(fields.contractStartsOn),
      responsibleId: nullable(fields.responsibleId),
      unitId: nullable(fields.unitId),
      replacesContractId: nullable(fields.replacesContractId),
      contractId: nullable(fields.contractId),
      cancelReason: fields.cancelReason || null,
      cancelledOn: nullable(fields.cancelledOn),
      cancelCost: nullable(fields.cancelCost),
      cancelHours: nullable(fields.cancelHours),
      archivedAt: null,
      archiveReason: null,
      version: 1,
    };
    await checkRules(s, values, null);
    await checkRefs(s, input);
    const [row] = await s.insert(procurements, { id: newId(), ...values }).returning();
    await writeSystems(s, row!.id, systemIds);
    await s.audit({
      entity: 'procurement',
      entityId: row!.id,
      action: 'create',
      after: { ...row!, systemIds },
    });
    return row!;
  });
}

export function updateProcurement(db: Database, actor: Actor, id: string, input: ProcurementUpdate) {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, procurements, id);
    assertVersion(before, input.version, 'procurement');
    if (before!.archivedAt) throw problems.conflict('The procurement is archived; restore it first');
    const { version, systemIds, ...changes } = input;
    const defined = definedOnly(changes) as Partial<Merged>;
    if (defined.frameworkReference === '') defined.frameworkReference = null;
    if (defined.cancelReason === '') defined.cancelReason = null;
    const next: Merged = { ...before!, ...defined };
    // Cancelling without a date: today.
    if (next.status === 'cancelled' && before!.status !== 'cancelled' && !next.cancelledOn)
      next.cancelledOn = defined.cancelledOn = todayInStockholm();
    await checkRules(s, next, before!);
    await checkRefs(s, { ...(defined as Partial<ProcurementCreate>), systemIds });
    const beforeSystems = await systemIdsOf(s.tx, s.tenantId, id);
    await writeSystems(s, id, systemIds);
    const [after] = await s
      .update(
        procurements,
        { ...defined, version: version + 1, updatedAt: new Date() },
        eq(procurements.id, id),
      )
      .returning();
    await s.audit({
      entity: 'procurement',
      entityId: id,
      action: 'update',
      before: { ...before, systemIds: beforeSystems },
      after: { ...after, systemIds: systemIds ?? beforeSystems },
    });
    return after!;
  });
}

export function archiveProcurement(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) => archiveRow(s, procurements, id, input, { entity: 'procurement' }));
}

export function restoreProcurement(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, (s) => restoreRow(s, procurements, id, { version }, { entity: 'procurement' }));
}

/** Procurements with the names of what they name: a few queries for a whole page. */
export async function withDetails(
  db: Executor,
  tenantId: string,
  rows: ProcurementRow[],
): Promise<ProcurementView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const personIds = [...new Set(rows.flatMap((r) => (r.responsibleId ? [r.responsibleId] : [])))];
  const unitIds = [...new Set(rows.flatMap((r) => (r.unitId ? [r.unitId] : [])))];
  const contractIds = [
    ...new Set(
      rows.flatMap((r) =>
        [r.frameworkContractId, r.replacesContractId, r.contractId].filter((x) => x !== null),
      ),
    ),
  ] as string[];
  const [links, personRows, unitRows, contractRows] = await Promise.all([
    db
      .select({ procurementId: procurementSystems.procurementId, id: systems.id, name: systems.name })
      .from(procurementSystems)
      .innerJoin(
        systems,
        and(eq(systems.tenantId, procurementSystems.tenantId), eq(systems.id, procurementSystems.systemId)),
      )
      .where(and(eq(procurementSystems.tenantId, tenantId), inArray(procurementSystems.procurementId, ids)))
      .orderBy(asc(procurementSystems.procurementId), asc(procurementSystems.position)),
    personIds.length
      ? db
          .select({ id: people.id, given: people.givenName, family: people.familyName })
          .from(people)
          .where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds)))
      : [],
    unitIds.length
      ? db
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(and(eq(units.tenantId, tenantId), inArray(units.id, unitIds)))
      : [],
    contractIds.length
      ? db
          .select({ id: contracts.id, title: contracts.title })
          .from(contracts)
          .where(and(eq(contracts.tenantId, tenantId), inArray(contracts.id, contractIds)))
      : [],
  ]);
  const personNames = new Map(personRows.map((p) => [p.id, `${p.given} ${p.family}`.trim()]));
  const unitNames = new Map(unitRows.map((u) => [u.id, u.name]));
  const contractNames = new Map(contractRows.map((c) => [c.id, c.title]));
  return rows.map((r) => ({
    ...r,
    systems: links.filter((l) => l.procurementId === r.id).map((l) => ({ id: l.id, name: l.name })),
    responsibleName: r.responsibleId ? (personNames.get(r.responsibleId) ?? null) : null,
    unitName: r.unitId ? (unitNames.get(r.unitId) ?? null) : null,
    contractNames,
  }));
}

export async function getProcurement(db: Database, actor: Actor, id: string): Promise<ProcurementView> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(procurements)
    .where(s.where(procurements, eq(procurements.id, id)));
  if (!row) throw problems.notFound('procurement');
  return (await withDetails(db, actor.tenantId, [row]))[0]!;
}

/** By title (the sort key), then id. */
const listKey: SortKey = {
  columns: [sql`${procurements.sortTitle}`, sql`${procurements.id}`],
  types: ['text', 'uuid'],
};

export async function listProcurements(db: Database, actor: Actor, query: ProcurementListQuery) {
  const s = readScope(db, actor);
  const rows = await db
    .select({ ...getTableColumns(procurements), ...sortKeyFields(listKey) })
    .from(procurements)
    .where(
      s.where(
        procurements,
        query.includeArchived ? undefined : isNull(procurements.archivedAt),
        query.status ? eq(procurements.status, query.status) : undefined,
        query.procedure ? eq(procurements.procedure, query.procedure) : undefined,
        query.unitId ? eq(procurements.unitId, query.unitId) : undefined,
        query.responsibleId ? eq(procurements.responsibleId, query.responsibleId) : undefined,
        query.open === true ? notInArray(procurements.status, ['contracted', 'cancelled']) : undefined,
        query.open === false ? inArray(procurements.status, ['contracted', 'cancelled']) : undefined,
        query.systemId
          ? sql`exists (select 1 from ${procurementSystems} ps where ps.tenant_id = ${procurements.tenantId} and ps.procurement_id = ${procurements.id} and ps.system_id = ${query.systemId})`
          : undefined,
        query.search
          ? or(
              sql`${procurements.title} ilike ${likePattern(query.search)}`,
              sql`${procurements.frameworkReference} ilike ${likePattern(query.search)}`,
            )
          : undefined,
        afterKey(listKey, query.cursor, false),
      ),
    )
    .orderBy(...keyOrder(listKey, false))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(listKey, r));
  const items = page.items.map((r) => withoutKey(r) as unknown as ProcurementRow);
  return { items: await withDetails(db, actor.tenantId, items), nextCursor: page.nextCursor };
}

/** Names and links of procurements by id (the audit trail). */
export async function procurementRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: procurements.id, title: procurements.title, archivedAt: procurements.archivedAt })
    .from(procurements)
    .where(and(eq(procurements.tenantId, tenantId), inArray(procurements.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.title,
        href: `/portfolio/procurements/${r.id}`,
        archived: r.archivedAt !== null,
      },
    ]),
  );
}

// ---------------------------------------------------------------- the resulting contract

/**
 * Makes the contract an awarded procurement resulted in, through the register's contracts service
 * (its rules, audit and reminders), and links it: the procurement names the contract, an awarded
 * one becomes contracted and takes the contract's start as its own when it has none.
 *
 * The register's service opens its own transaction on the database it is given, so this is two
 * transactions (the project handover instead runs the register's service inside its own): the
 * version, the status and the missing link are checked first, the contract is made, and the link step checks them again under the
 * lock. The link is idempotent (the same contract linked again is a no-op); if the procurement
 * changed in between, the contract just made is archived again (audited) and the answer is 409.
 */
export async function createResultingContract(
  db: Database,
  actor: Actor,
  id: string,
  input: ProcurementContractBody,
): Promise<ProcurementRow> {
  const { version, ...contractInput } = input;
  const s0 = readScope(db, actor);
  const [current] = await db
    .select()
    .from(procurements)
    .where(s0.where(procurements, eq(procurements.id, id)));
  checkContractable(current, version);
  const made = await createContract(db, actor, contractInput);
  try {
    return await linkContract(db, actor, id, version, made);
  } catch (error) {
    if (error instanceof Problem && error.status === 409)
      await archiveContract(db, actor, made.id, {
        version: made.version,
        reason: 'The procurement changed before the contract was linked',
      });
    throw error;
  }
}

function checkContractable(row: ProcurementRow | undefined, version: number) {
  assertVersion(row, version, 'procurement');
  if (row!.archivedAt) throw problems.conflict('The procurement is archived; restore it first');
  if (row!.contractId) throw problems.conflict('The procurement already has its contract');
  if (!contractableStatuses.includes(row!.status as ProcurementStatus))
    throw problems.conflict('Only an awarded procurement gets its contract');
}

/** The link step: idempotent for the same contract, under the procurement's lock. */
function linkContract(
  db: Database,
  actor: Actor,
  id: string,
  version: number,
  contract: { id: string; startsOn: string },
) {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, procurements, id);
    if (before?.contractId === contract.id) return before;
    checkContractable(before, version);
    const [after] = await s
      .update(
        procurements,
        {
          contractId: contract.id,
          status: 'contracted',
          contractStartsOn: before!.contractStartsOn ?? contract.startsOn,
          version: version + 1,
          updatedAt: new Date(),
        },
        eq(procurements.id, id),
      )
      .returning();
    const systemIds = await systemIdsOf(s.tx, s.tenantId, id);
    await s.audit({
      entity: 'procurement',
      entityId: id,
      action: 'contract',
      before: { ...before, systemIds },
      after: { ...after, systemIds },
    });
    return after!;
  });
}
