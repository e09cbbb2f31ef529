import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  type AllocationCreate,
  type AllocationListQuery,
  type AllocationUpdate,
  allocationProblems,
} from '../../../../shared/catalogue/allocations.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { units } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { sortNameCursor, toPage } from '../../../platform/pagination.ts';
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import type { RecordRef } from '../../../platform/seam.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { offerings } from '../offerings/schema.ts';
import { allocationShares, allocations, allocationUnits } from './schema.ts';

// The rules of allocation keys: the only writer of ./schema.ts. An allocation names active units
// of the tenant (its chosen units, its shares) and, when booked on an offering, an active
// offering of the tenant; the rules between its fields are shared/catalogue/allocations.ts
// allocationProblems. Each is a 400 naming the field, and nothing is written. A change replaces
// the fields, the chosen units and the shares as a whole, with the version read; the audit event
// holds the units and shares with the row. Archived, never deleted: an archived allocation is left
// out of the runs computed after (a locked run keeps its lines).

export type AllocationRow = typeof allocations.$inferSelect;
export type AllocationView = AllocationRow & {
  offering: { id: string; name: string } | null;
  units: { id: string; name: string }[];
  shares: { unitId: string; unitName: string; weight: number }[];
};

const ALLOCATION = 'catalogueAllocation';

/** The input's references checked in the tenant: 400 naming the field when one is missing. */
async function checkInput(s: TenantScope, input: AllocationCreate) {
  const errors = allocationProblems(input);
  if (errors.length > 0) throw problems.validation(errors);
  if (input.offeringId) {
    const [offering] = await s.tx
      .select({ id: offerings.id })
      .from(offerings)
      .where(s.where(offerings, eq(offerings.id, input.offeringId), isNull(offerings.archivedAt)));
    if (!offering) throw problems.field('body.offeringId', 'No such active offering');
  }
  const named = [...new Set([...input.unitIds, ...input.shares.map((x) => x.unitId)])];
  if (named.length > 0) {
    const found = await s.tx
      .select({ id: units.id })
      .from(units)
      .where(s.where(units, inArray(units.id, named), isNull(units.archivedAt)));
    const ids = new Set(found.map((u) => u.id));
    const chosen = input.unitIds.findIndex((u) => !ids.has(u));
    if (chosen >= 0) throw problems.field(`body.unitIds.${chosen}`, 'No such active unit');
    const share = input.shares.findIndex((x) => !ids.has(x.unitId));
    if (share >= 0) throw problems.field(`body.shares.${share}.unitId`, 'No such active unit');
  }
}

const fieldsOf = (input: AllocationCreate) => ({
  name: input.name,
  description: input.description ?? null,
  amount: input.amount,
  offeringId: input.offeringId ?? null,
  account: input.account ?? null,
  key: input.key,
  spread: input.spread,
});

async function writeMembers(s: TenantScope, id: string, input: AllocationCreate) {
  await s.tx.delete(allocationUnits).where(s.where(allocationUnits, eq(allocationUnits.allocationId, id)));
  await s.tx.delete(allocationShares).where(s.where(allocationShares, eq(allocationShares.allocationId, id)));
  if (input.unitIds.length > 0)
    await s.insertMany(
      allocationUnits,
      input.unitIds.map((unitId) => ({ allocationId: id, unitId })),
    );
  if (input.shares.length > 0)
    await s.insertMany(
      allocationShares,
      input.shares.map((x) => ({ allocationId: id, unitId: x.unitId, weight: x.weight })),
    );
}

async function members(db: Executor, tenantId: string, id: string) {
  const chosen = await db
    .select({ unitId: allocationUnits.unitId })
    .from(allocationUnits)
    .where(and(eq(allocationUnits.tenantId, tenantId), eq(allocationUnits.allocationId, id)))
    .orderBy(asc(allocationUnits.unitId));
  const shares = await db
    .select({ unitId: allocationShares.unitId, weight: allocationShares.weight })
    .from(allocationShares)
    .where(and(eq(allocationShares.tenantId, tenantId), eq(allocationShares.allocationId, id)))
    .orderBy(asc(allocationShares.unitId));
  return { unitIds: chosen.map((c) => c.unitId), shares };
}

export function createAllocation(
  db: Database,
  actor: Actor,
  input: AllocationCreate,
): Promise<AllocationRow> {
  return inTenant(db, actor, async (s) => {
    await checkInput(s, input);
    const [row] = await s.insert(allocations, { id: newId(), ...fieldsOf(input) }).returning();
    await writeMembers(s, row!.id, input);
    await s.audit({
      entity: ALLOCATION,
      entityId: row!.id,
      action: 'create',
      after: { ...row, unitIds: input.unitIds, shares: input.shares },
    });
    return row!;
  });
}

export function updateAllocation(
  db: Database,
  actor: Actor,
  id: string,
  input: AllocationUpdate,
): Promise<AllocationRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, allocations, id);
    assertVersion(before, input.version, ALLOCATION);
    if (before!.archivedAt) throw problems.conflict('The allocation is archived; restore it first');
    await checkInput(s, input);
    const old = await members(s.tx, s.tenantId, id);
    const [after] = await s
      .update(
        allocations,
        { ...fieldsOf(input), version: input.version + 1, updatedAt: new Date() },
        eq(allocations.id, id),
      )
      .returning();
    await writeMembers(s, id, input);
    await s.audit({
      entity: ALLOCATION,
      entityId: id,
      action: 'update',
      before: { ...before, ...old },
      after: { ...after, unitIds: input.unitIds, shares: input.shares },
    });
    return after!;
  });
}

export function archiveAllocation(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) =>
    archiveRow(s, allocations, id, input, { entity: ALLOCATION, noun: 'allocation' }),
  );
}

export function restoreAllocation(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, (s) =>
    restoreRow(s, allocations, id, { version }, { entity: ALLOCATION, noun: 'allocation' }),
  );
}

/** Rows with their offering, chosen units and shares, by name: three queries for a page. */
async function views(db: Executor, tenantId: string, rows: AllocationRow[]): Promise<AllocationView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const offeringIds = [...new Set(rows.map((r) => r.offeringId).filter((o): o is string => o !== null))];
  const [named, chosen, shares] = await Promise.all([
    offeringIds.length === 0
      ? []
      : db
          .select({ id: offerings.id, name: offerings.name })
          .from(offerings)
          .where(and(eq(offerings.tenantId, tenantId), inArray(offerings.id, offeringIds))),
    db
      .select({ allocationId: allocationUnits.allocationId, id: units.id, name: units.name })
      .from(allocationUnits)
      .innerJoin(
        units,
        and(eq(units.tenantId, allocationUnits.tenantId), eq(units.id, allocationUnits.unitId)),
      )
      .where(and(eq(allocationUnits.tenantId, tenantId), inArray(allocationUnits.allocationId, ids)))
      .orderBy(asc(units.sortName), asc(units.id)),
    db
      .select({
        allocationId: allocationShares.allocationId,
        unitId: allocationShares.unitId,
        unitName: units.name,
        weight: allocationShares.weight,
      })
      .from(allocationShares)
      .innerJoin(
        units,
        and(eq(units.tenantId, allocationShares.tenantId), eq(units.id, allocationShares.unitId)),
      )
      .where(and(eq(allocationShares.tenantId, tenantId), inArray(allocationShares.allocationId, ids)))
      .orderBy(asc(units.sortName), asc(units.id)),
  ]);
  const offeringName = new Map(named.map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    ...r,
    offering: r.offeringId ? { id: r.offeringId, name: offeringName.get(r.offeringId) ?? '' } : null,
    units: chosen.filter((c) => c.allocationId === r.id).map(({ id, name }) => ({ id, name })),
    shares: shares
      .filter((x) => x.allocationId === r.id)
      .map(({ unitId, unitName, weight }) => ({ unitId, unitName, weight })),
  }));
}

export async function getAllocation(db: Database, actor: Actor, id: string): Promise<AllocationView> {
  const s = readScope(db, actor);
  const rows = await db
    .select()
    .from(allocations)
    .where(s.where(allocations, eq(allocations.id, id)));
  if (rows.length === 0) throw problems.notFound(ALLOCATION);
  return (await views(db, s.tenantId, rows))[0]!;
}

export async function listAllocations(db: Database, actor: Actor, query: AllocationListQuery) {
  const s = readScope(db, actor);
  const { afterName, afterId } = sortNameCursor(query.cursor);
  const rows = await db
    .select()
    .from(allocations)
    .where(
      s.where(
        allocations,
        query.includeArchived ? undefined : isNull(allocations.archivedAt),
        query.search
          ? sql`(${allocations.name} ilike ${likePattern(query.search)} or ${allocations.description} ilike ${likePattern(query.search)})`
          : undefined,
        afterName === undefined
          ? undefined
          : or(
              sql`${allocations.sortName} > ${afterName}`,
              and(sql`${allocations.sortName} = ${afterName}`, sql`${allocations.id} > ${afterId}`),
            ),
      ),
    )
    .orderBy(asc(allocations.sortName), asc(allocations.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.sortName, r.id]);
  return { items: await views(db, s.tenantId, page.items), nextCursor: page.nextCursor };
}

export async function allocationRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: allocations.id, name: allocations.name, archivedAt: allocations.archivedAt })
    .from(allocations)
    .where(and(eq(allocations.tenantId, tenantId), inArray(allocations.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: '/catalogue/allocations', archived: r.archivedAt !== null },
    ]),
  );
}
