import { and, eq, getTableColumns, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  orgNumber,
  type SupplierCreate,
  type SupplierListQuery,
  type SupplierSort,
  type SupplierUpdate,
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
import {
  type ArchiveInput,
  archiveRow,
  guardUnique,
  lockRow,
  restoreRow,
} from '../../../platform/records.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { suppliers } from './schema.ts';

// The rules of suppliers: the only writer of ./schema.ts. Every change is one transaction with its
// audit event. The organisationsnummer arrives validated and normalised (shared/registry/contracts.ts);
// one active supplier per number and tenant, which the database's partial unique index holds.

export type SupplierRow = typeof suppliers.$inferSelect;

const ORG_TAKEN = 'Another active supplier has this organisationsnummer';

/** A unique violation of the org number index as 409 naming the field. */
const guardOrgNumber = <R>(work: () => Promise<R>) => guardUnique(work, 'body.orgNumber', ORG_TAKEN);

/**
 * The number as stored (NNNNNN-NNNN). The routes' schema has checked it already; callers that
 * bypass HTTP (demo, imports) get the same check here.
 */
function normalOrgNumber(value: string | null | undefined) {
  if (value === null || value === undefined) return value;
  const parsed = orgNumber.safeParse(value);
  if (!parsed.success)
    throw problems.field('body.orgNumber', 'Must be a valid organisationsnummer (NNNNNN-NNNN)');
  return parsed.data;
}

export function createSupplier(db: Database, actor: Actor, input: SupplierCreate): Promise<SupplierRow> {
  return guardOrgNumber(() =>
    inTenant(db, actor, async (s) => {
      const values = { ...input, orgNumber: normalOrgNumber(input.orgNumber) };
      const [row] = await s.insert(suppliers, { id: newId(), ...values }).returning();
      await s.audit({ entity: 'supplier', entityId: row!.id, action: 'create', after: row });
      return row!;
    }),
  );
}

export function updateSupplier(db: Database, actor: Actor, id: string, input: SupplierUpdate) {
  return guardOrgNumber(() =>
    inTenant(db, actor, async (s) => {
      const before = await lockRow(s, suppliers, id);
      assertVersion(before, input.version, 'supplier');
      if (before!.archivedAt) throw problems.conflict('The supplier is archived; restore it first');
      const { version, ...changes } = input;
      const [after] = await s
        .update(
          suppliers,
          {
            ...definedOnly({ ...changes, orgNumber: normalOrgNumber(changes.orgNumber) }),
            version: version + 1,
            updatedAt: new Date(),
          },
          eq(suppliers.id, id),
        )
        .returning();
      await s.audit({ entity: 'supplier', entityId: id, action: 'update', before, after });
      return after!;
    }),
  );
}

export function archiveSupplier(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) => archiveRow(s, suppliers, id, input, { entity: 'supplier' }));
}

/** Restores a supplier; 409 naming the field when another active one has taken its number meanwhile. */
export function restoreSupplier(db: Database, actor: Actor, id: string, version: number) {
  return guardOrgNumber(() =>
    inTenant(db, actor, (s) => restoreRow(s, suppliers, id, { version }, { entity: 'supplier' })),
  );
}

export async function getSupplier(db: Database, actor: Actor, id: string): Promise<SupplierRow> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(suppliers)
    .where(s.where(suppliers, eq(suppliers.id, id)));
  if (!row) throw problems.notFound('supplier');
  return row;
}

/** The supplier row when it is in the actor's tenant (undefined otherwise). */
export async function findSupplier(db: Database, actor: Actor, id: string) {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(suppliers)
    .where(s.where(suppliers, eq(suppliers.id, id)));
  return row;
}

/**
 * The columns each sort orders by, the supplier's id last: its keyset. An organisationsnummer sorts
 * those without one last (a rank and the number, the name breaking ties, as the index has them);
 * the last change is exact to the µs.
 */
const sortKeys: Record<SupplierSort, SortKey> = {
  name: { columns: [sql`${suppliers.sortName}`, sql`${suppliers.id}`], types: ['text', 'uuid'] },
  orgNumber: {
    columns: [
      sql`(case when ${suppliers.orgNumber} is null then 1 else 0 end)`,
      sql`coalesce(${suppliers.orgNumber}, '')`,
      sql`${suppliers.sortName}`,
      sql`${suppliers.id}`,
    ],
    types: ['int', 'text', 'text', 'uuid'],
  },
  updatedAt: {
    columns: [sql`${suppliers.updatedAt}`, sql`${suppliers.id}`],
    types: ['timestamptz', 'uuid'],
  },
};

export async function listSuppliers(
  db: Database,
  actor: Actor,
  query: Omit<SupplierListQuery, 'sort' | 'order'> & Partial<Pick<SupplierListQuery, 'sort' | 'order'>>,
) {
  const s = readScope(db, actor);
  const key = sortKeys[query.sort ?? 'name'];
  const desc = query.order === 'desc';
  const digits = query.search?.replace(/\D/g, '') ?? '';
  const rows = await db
    .select({ ...getTableColumns(suppliers), ...sortKeyFields(key) })
    .from(suppliers)
    .where(
      s.where(
        suppliers,
        query.includeArchived ? undefined : isNull(suppliers.archivedAt),
        query.search
          ? or(
              sql`${suppliers.name} ilike ${likePattern(query.search)}`,
              // An org number typed with or without its hyphen.
              digits.length >= 4
                ? sql`replace(${suppliers.orgNumber}, '-', '') like ${`%${digits}%`}`
                : undefined,
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

/** Refuses a supplier that is not active in the scope's tenant, naming the field. */
export async function checkSupplier(s: TenantScope, id: string, field: string) {
  const [row] = await s.tx
    .select({ id: suppliers.id, name: suppliers.name })
    .from(suppliers)
    .where(s.where(suppliers, eq(suppliers.id, id), isNull(suppliers.archivedAt)));
  if (!row) throw problems.field(field, 'No such active supplier');
  return row;
}

/** Names and links of suppliers by id (the audit trail, lists of other records). */
export async function supplierRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: suppliers.id, name: suppliers.name, archivedAt: suppliers.archivedAt })
    .from(suppliers)
    .where(and(eq(suppliers.tenantId, tenantId), inArray(suppliers.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/suppliers/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}
