import { and, asc, eq, getTableColumns, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import {
  type ContractCreate,
  type ContractListQuery,
  type ContractUpdate,
  monthsFrom,
  noticeDeadlineOf,
} from '../../../../shared/registry/contracts.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { decodeCursor, toPage } from '../../../platform/pagination.ts';
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { suppliers } from '../suppliers/schema.ts';
import { checkSupplier } from '../suppliers/service.ts';
import { systems } from '../systems/schema.ts';
import { scheduleContractReminders, todayInStockholm } from './reminders.ts';
import { contractSystems, contracts } from './schema.ts';

// The rules of contracts: the only writer of registry_contracts and registry_contract_systems.
// Every change is one transaction with its audit event and the owner's reminders (./reminders.ts),
// so a reminder exists exactly when the change that asked for it was written.

export type ContractRow = typeof contracts.$inferSelect;
/** A contract with its supplier's name and the systems it covers: what the API answers. */
export type ContractView = ContractRow & { supplierName: string; systemIds: string[] };

/** The systems of these contracts, by contract id (one query for a page). */
async function systemsOf(db: Executor, tenantId: string, ids: readonly string[]) {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({ contractId: contractSystems.contractId, systemId: contractSystems.systemId })
    .from(contractSystems)
    .where(and(eq(contractSystems.tenantId, tenantId), inArray(contractSystems.contractId, [...ids])));
  for (const r of rows) map.set(r.contractId, [...(map.get(r.contractId) ?? []), r.systemId]);
  return map;
}

async function withSystems(
  db: Executor,
  tenantId: string,
  rows: (ContractRow & { supplierName: string })[],
): Promise<ContractView[]> {
  const map = await systemsOf(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, systemIds: map.get(r.id) ?? [] }));
}

const withSupplier = { ...getTableColumns(contracts), supplierName: suppliers.name };
const supplierJoin = and(eq(suppliers.tenantId, contracts.tenantId), eq(suppliers.id, contracts.supplierId));
/** The end date as the endsOn order sorts it: open-ended contracts last. */
const endKey = sql`coalesce(${contracts.endsOn}, '9999-12-31'::date)`;

export async function listContracts(db: Database, actor: Actor, query: ContractListQuery) {
  const s = readScope(db, actor);
  const today = todayInStockholm();
  const byEnd = query.sort === 'endsOn';
  const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const rows = await db
    .select(withSupplier)
    .from(contracts)
    .innerJoin(suppliers, supplierJoin)
    .where(
      s.where(
        contracts,
        query.includeArchived ? undefined : isNull(contracts.archivedAt),
        query.supplierId ? eq(contracts.supplierId, query.supplierId) : undefined,
        query.ownerId ? eq(contracts.ownerId, query.ownerId) : undefined,
        query.systemId
          ? sql`exists (select 1 from ${contractSystems} where ${contractSystems.tenantId} = ${contracts.tenantId} and ${contractSystems.contractId} = ${contracts.id} and ${contractSystems.systemId} = ${query.systemId})`
          : undefined,
        query.endingWithinMonths !== undefined
          ? sql`${contracts.endsOn} between ${today}::date and ${monthsFrom(today, query.endingWithinMonths)}::date`
          : undefined,
        query.dpaMissing === true ? eq(contracts.dpaStatus, 'needed') : undefined,
        query.dpaMissing === false ? ne(contracts.dpaStatus, 'needed') : undefined,
        query.search
          ? or(
              sql`${contracts.title} ilike ${likePattern(query.search)}`,
              sql`${contracts.contractNumber} ilike ${likePattern(query.search)}`,
              sql`${contracts.procurementReference} ilike ${likePattern(query.search)}`,
              sql`${suppliers.name} ilike ${likePattern(query.search)}`,
            )
          : undefined,
        after ? afterKey(byEnd, after) : undefined,
      ),
    )
    .orderBy(...(byEnd ? [asc(endKey), asc(contracts.id)] : [asc(contracts.sortTitle), asc(contracts.id)]))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [byEnd ? (r.endsOn ?? '9999-12-31') : r.sortTitle, r.id]);
  return { items: await withSystems(db, actor.tenantId, page.items), nextCursor: page.nextCursor };
}

/** The keyset condition after a cursor of the list's order. */
function afterKey(byEnd: boolean, [key, id]: [string, string]): SQL {
  if (!/^[0-9a-f-]{36}$/i.test(id) || (byEnd && !/^\d{4}-\d{2}-\d{2}$/.test(key)))
    throw problems.field('querystring.cursor', 'Invalid cursor');
  const first = byEnd ? sql`${endKey}` : sql`${contracts.sortTitle}`;
  const value = byEnd ? sql`${key}::date` : sql`${key}`;
  return or(sql`${first} > ${value}`, and(sql`${first} = ${value}`, sql`${contracts.id} > ${id}`)) as SQL;
}

export async function getContract(db: Database, actor: Actor, id: string): Promise<ContractView> {
  const s = readScope(db, actor);
  const [row] = await db
    .select(withSupplier)
    .from(contracts)
    .innerJoin(suppliers, supplierJoin)
    .where(s.where(contracts, eq(contracts.id, id)));
  if (!row) throw problems.notFound('contract');
  return (await withSystems(db, actor.tenantId, [row]))[0]!;
}

/** The whole record as it will be after the change: what the rules check. */
type Merged = Omit<ContractCreate, 'systemIds'> & { systemIds?: string[] };

/** Refuses references outside the tenant or archived, and dates that do not fit together. */
async function check(s: TenantScope, input: Merged, changed: Partial<ContractCreate>) {
  if (changed.supplierId) await checkSupplier(s, changed.supplierId, 'body.supplierId');
  if (changed.ownerId) {
    const [owner] = await s.tx
      .select({ id: people.id })
      .from(people)
      .where(s.where(people, eq(people.id, changed.ownerId), isNull(people.archivedAt)));
    if (!owner) throw problems.field('body.ownerId', 'No such active person');
  }
  if (changed.systemIds && changed.systemIds.length > 0) {
    const seen = new Set<string>();
    changed.systemIds.forEach((id, i) => {
      if (seen.has(id)) throw problems.field(`body.systemIds.${i}`, 'The system is listed twice');
      seen.add(id);
    });
    const found = await s.tx
      .select({ id: systems.id })
      .from(systems)
      .where(s.where(systems, inArray(systems.id, changed.systemIds), isNull(systems.archivedAt)));
    const active = new Set(found.map((r) => r.id));
    changed.systemIds.forEach((id, i) => {
      if (!active.has(id)) throw problems.field(`body.systemIds.${i}`, 'No such active system');
    });
  }
  if (input.endsOn && input.endsOn < input.startsOn)
    throw problems.field('body.endsOn', 'The contract cannot end before it starts');
  if (input.extendableUntil && input.endsOn && input.extendableUntil < input.endsOn)
    throw problems.field('body.extendableUntil', 'Extensions cannot end before the contract does');
  if (input.extendableUntil && !input.endsOn)
    throw problems.field('body.extendableUntil', 'A contract until further notice has no extensions');
  const deadline = noticeDeadlineOf(input.endsOn, input.noticeMonths);
  if (deadline && deadline < input.startsOn)
    throw problems.field('body.noticeMonths', 'The notice period is longer than the contract');
  if (input.dpaSignedOn && input.dpaStatus !== 'signed')
    throw problems.field('body.dpaSignedOn', 'Only a signed agreement has a date of signing');
  return deadline;
}

async function writeSystems(s: TenantScope, contractId: string, ids: string[] | undefined) {
  if (ids === undefined) return;
  await s.tx
    .delete(contractSystems)
    .where(s.where(contractSystems, eq(contractSystems.contractId, contractId)));
  if (ids.length > 0)
    await s.insertMany(
      contractSystems,
      ids.map((systemId) => ({ contractId, systemId })),
    );
}

async function supplierName(s: TenantScope, id: string) {
  const [row] = await s.tx
    .select({ name: suppliers.name })
    .from(suppliers)
    .where(s.where(suppliers, eq(suppliers.id, id)));
  return row!.name;
}

export function createContract(db: Database, actor: Actor, input: ContractCreate): Promise<ContractView> {
  return inTenant(db, actor, async (s) => {
    const merged = { dpaStatus: 'none' as const, ...input };
    const noticeDeadline = await check(s, merged, input);
    const { systemIds = [], ...columns } = input;
    const [row] = await s.insert(contracts, { id: newId(), ...columns, noticeDeadline }).returning();
    await writeSystems(s, row!.id, systemIds);
    await s.audit({ entity: 'contract', entityId: row!.id, action: 'create', after: { ...row!, systemIds } });
    const name = await supplierName(s, row!.supplierId);
    await scheduleContractReminders(s, row!, name);
    return { ...row!, supplierName: name, systemIds };
  });
}

export function updateContract(
  db: Database,
  actor: Actor,
  id: string,
  input: ContractUpdate,
): Promise<ContractView> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, contracts, id);
    assertVersion(before, input.version, 'contract');
    if (before!.archivedAt) throw problems.conflict('The contract is archived; restore it first');
    const { version, systemIds, ...changes } = input;
    const defined = definedOnly(changes);
    const merged = { ...before!, ...defined } as unknown as Merged;
    const noticeDeadline = await check(s, merged, { ...defined, systemIds });
    const beforeSystems = (await systemsOf(s.tx, s.tenantId, [id])).get(id) ?? [];
    const [after] = await s
      .update(
        contracts,
        { ...defined, noticeDeadline, version: version + 1, updatedAt: new Date() },
        eq(contracts.id, id),
      )
      .returning();
    await writeSystems(s, id, systemIds);
    const afterSystems = systemIds ?? beforeSystems;
    await s.audit({
      entity: 'contract',
      entityId: id,
      action: 'update',
      before: { ...before!, systemIds: beforeSystems },
      after: { ...after!, systemIds: afterSystems },
    });
    const name = await supplierName(s, after!.supplierId);
    await scheduleContractReminders(s, after!, name);
    return { ...after!, supplierName: name, systemIds: afterSystems };
  });
}

export async function archiveContract(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  await inTenant(db, actor, (s) => archiveRow(s, contracts, id, input, { entity: 'contract' }));
  return getContract(db, actor, id);
}

/** Restores a contract; its reminders are scheduled again (the archived one's stayed silent). */
export async function restoreContract(db: Database, actor: Actor, id: string, version: number) {
  await inTenant(db, actor, async (s) => {
    const row = await restoreRow(s, contracts, id, { version }, { entity: 'contract' });
    await scheduleContractReminders(s, row, await supplierName(s, row.supplierId));
  });
  return getContract(db, actor, id);
}

/**
 * Schedules the reminders of every active contract of a tenant that has an owner: the nightly
 * sweep, and what makes contracts loaded while no jobs ran (the demo, an import) remind too.
 * Keyed reminders make a repeat a no-op.
 */
export async function scheduleAllReminders(s: TenantScope) {
  const rows = await s.tx
    .select(withSupplier)
    .from(contracts)
    .innerJoin(suppliers, supplierJoin)
    .where(
      s.where(
        contracts,
        isNull(contracts.archivedAt),
        sql`${contracts.ownerId} is not null`,
        sql`coalesce(${contracts.endsOn}, ${contracts.noticeDeadline}) >= ${todayInStockholm()}::date`,
      ),
    );
  for (const row of rows) await scheduleContractReminders(s, row, row.supplierName);
  return rows.length;
}

/** Names and links of contracts by id (the audit trail, licences). */
export async function contractRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: contracts.id, name: contracts.title, archivedAt: contracts.archivedAt })
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenantId), inArray(contracts.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/contracts/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}
