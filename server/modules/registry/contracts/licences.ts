import { and, eq, getTableColumns, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import {
  type LicenceCreate,
  type LicenceListQuery,
  type LicenceSort,
  type LicenceUpdate,
  monthsFrom,
} from '../../../../shared/registry/contracts.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { problems } from '../../../platform/errors.ts';
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
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { systems } from '../systems/schema.ts';
import { todayInStockholm } from './reminders.ts';
import { contracts, licences } from './schema.ts';

// The rules of licences: the only writer of registry_licences. A licence belongs to a system and,
// when bought under one, to a contract; its cost is per month or per year.

export type LicenceRow = typeof licences.$inferSelect;
export type LicenceView = LicenceRow & { systemName: string; contractTitle: string | null };

const columns = {
  ...getTableColumns(licences),
  systemName: systems.name,
  contractTitle: contracts.title,
};
const validToKey = sql`coalesce(${licences.validTo}, '9999-12-31'::date)`;

/**
 * The columns each sort orders by, the validity's end (open-ended last) and the licence's id last:
 * its keyset. A system sorts by its name; a type by its rank (the form's order); a count by itself.
 */
const sortKeys: Record<LicenceSort, SortKey> = {
  validTo: { columns: [validToKey, sql`${licences.id}`], types: ['date', 'uuid'] },
  system: {
    columns: [sql`${systems.sortName}`, validToKey, sql`${licences.id}`],
    types: ['text', 'date', 'uuid'],
  },
  type: {
    columns: [sql`${licences.typeRank}`, validToKey, sql`${licences.id}`],
    types: ['int', 'date', 'uuid'],
  },
  count: {
    columns: [sql`${licences.count}`, validToKey, sql`${licences.id}`],
    types: ['int', 'date', 'uuid'],
  },
};

/** The licences query with the names of its system and contract (one statement, no N+1). */
function selectLicences(db: Database, key: Record<string, SQL> = {}) {
  return db
    .select({ ...columns, ...key })
    .from(licences)
    .innerJoin(systems, and(eq(systems.tenantId, licences.tenantId), eq(systems.id, licences.systemId)))
    .leftJoin(
      contracts,
      and(eq(contracts.tenantId, licences.tenantId), eq(contracts.id, licences.contractId)),
    );
}

export async function listLicences(
  db: Database,
  actor: Actor,
  query: Omit<LicenceListQuery, 'sort' | 'order'> & Partial<Pick<LicenceListQuery, 'sort' | 'order'>>,
) {
  const s = readScope(db, actor);
  const today = todayInStockholm();
  const key = sortKeys[query.sort ?? 'validTo'];
  const desc = query.order === 'desc';
  const rows = await selectLicences(db, sortKeyFields(key))
    .where(
      s.where(
        licences,
        query.includeArchived ? undefined : isNull(licences.archivedAt),
        query.systemId ? eq(licences.systemId, query.systemId) : undefined,
        query.contractId ? eq(licences.contractId, query.contractId) : undefined,
        query.expiringWithinMonths !== undefined
          ? sql`${licences.validTo} between ${today}::date and ${monthsFrom(today, query.expiringWithinMonths)}::date`
          : undefined,
        query.search
          ? or(
              sql`${systems.name} ilike ${likePattern(query.search)}`,
              sql`${licences.note} ilike ${likePattern(query.search)}`,
            )
          : undefined,
        afterKey(key, query.cursor, desc),
      ),
    )
    .orderBy(...keyOrder(key, desc))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(key, r));
  return { items: page.items.map((r) => withoutKey(r)), nextCursor: page.nextCursor };
}

export async function getLicence(db: Database, actor: Actor, id: string): Promise<LicenceView> {
  const s = readScope(db, actor);
  const [row] = await selectLicences(db).where(s.where(licences, eq(licences.id, id)));
  if (!row) throw problems.notFound('licence');
  return row;
}

type Merged = Omit<LicenceCreate, 'systemId'> & { systemId: string };

async function check(s: TenantScope, input: Merged, changed: Partial<LicenceCreate>) {
  if (changed.systemId) {
    const [row] = await s.tx
      .select({ id: systems.id })
      .from(systems)
      .where(s.where(systems, eq(systems.id, changed.systemId), isNull(systems.archivedAt)));
    if (!row) throw problems.field('body.systemId', 'No such active system');
  }
  if (changed.contractId) {
    const [row] = await s.tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(s.where(contracts, eq(contracts.id, changed.contractId), isNull(contracts.archivedAt)));
    if (!row) throw problems.field('body.contractId', 'No such active contract');
  }
  if (input.validFrom && input.validTo && input.validTo < input.validFrom)
    throw problems.field('body.validTo', 'The licence cannot end before it starts');
  if (input.cost !== null && input.cost !== undefined && !input.period)
    throw problems.field('body.period', 'A cost needs its period (month or year)');
  if (input.used !== null && input.used !== undefined && input.used > input.count && input.type !== 'site')
    throw problems.field('body.used', 'More in use than licensed');
}

export function createLicence(db: Database, actor: Actor, input: LicenceCreate): Promise<LicenceView> {
  return inTenant(db, actor, async (s) => {
    await check(s, input, input);
    const [row] = await s.insert(licences, { id: newId(), ...input }).returning();
    await s.audit({ entity: 'licence', entityId: row!.id, action: 'create', after: row });
    return row!;
  }).then((row) => getLicence(db, actor, row.id));
}

export function updateLicence(db: Database, actor: Actor, id: string, input: LicenceUpdate) {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, licences, id);
    assertVersion(before, input.version, 'licence');
    if (before!.archivedAt) throw problems.conflict('The licence is archived; restore it first');
    const { version, ...changes } = input;
    const defined = definedOnly(changes);
    await check(s, { ...before!, ...defined } as unknown as Merged, defined);
    const [after] = await s
      .update(licences, { ...defined, version: version + 1, updatedAt: new Date() }, eq(licences.id, id))
      .returning();
    await s.audit({ entity: 'licence', entityId: id, action: 'update', before, after });
  }).then(() => getLicence(db, actor, id));
}

export async function archiveLicence(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  await inTenant(db, actor, (s) => archiveRow(s, licences, id, input, { entity: 'licence' }));
  return getLicence(db, actor, id);
}

export async function restoreLicence(db: Database, actor: Actor, id: string, version: number) {
  await inTenant(db, actor, (s) => restoreRow(s, licences, id, { version }, { entity: 'licence' }));
  return getLicence(db, actor, id);
}

/** Names and links of licences by id (the audit trail): the system's name and the type. */
export async function licenceRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({
      id: licences.id,
      system: systems.name,
      systemId: licences.systemId,
      archivedAt: licences.archivedAt,
    })
    .from(licences)
    .innerJoin(systems, and(eq(systems.tenantId, licences.tenantId), eq(systems.id, licences.systemId)))
    .where(and(eq(licences.tenantId, tenantId), inArray(licences.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.system}: licens`,
        href: `/systems/${r.systemId}`,
        archived: r.archivedAt !== null,
      },
    ]),
  );
}
