import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { SystemCreate, SystemListQuery, SystemUpdate } from '../../../../shared/registry/systems.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { units } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { sortNameCursor, toPage } from '../../../platform/pagination.ts';
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { suppliers } from '../suppliers/schema.ts';
import { systems, systemUnits } from './schema.ts';

// The rules of systems: the only writer of ./schema.ts. Every change is one transaction that also
// writes its audit event; other modules and the registry's other parts call these functions.

export type SystemRow = typeof systems.$inferSelect;
export type SystemUnitRow = typeof systemUnits.$inferSelect;
/** A system with the units that use it: what the API answers. */
export type SystemWithUse = SystemRow & { usingUnits: { unitId: string; users: number | null }[] };

/** The units that use these systems, by system id (one query for a whole page). */
export async function usesOf(db: Executor, tenantId: string, ids: readonly string[]) {
  const map = new Map<string, { unitId: string; users: number | null }[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select()
    .from(systemUnits)
    .where(and(eq(systemUnits.tenantId, tenantId), inArray(systemUnits.systemId, [...ids])));
  for (const r of rows) {
    const list = map.get(r.systemId) ?? [];
    list.push({ unitId: r.unitId, users: r.users });
    map.set(r.systemId, list);
  }
  return map;
}

async function withUse(db: Executor, tenantId: string, rows: SystemRow[]): Promise<SystemWithUse[]> {
  const uses = await usesOf(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, usingUnits: uses.get(r.id) ?? [] }));
}

export async function listSystems(db: Database, actor: Actor, query: SystemListQuery) {
  const s = readScope(db, actor);
  const rows = await db
    .select()
    .from(systems)
    .where(
      s.where(
        systems,
        query.includeArchived ? undefined : isNull(systems.archivedAt),
        query.scope ? eq(systems.scope, query.scope) : undefined,
        query.phase ? eq(systems.phase, query.phase) : undefined,
        query.criticality ? eq(systems.criticality, query.criticality) : undefined,
        query.supplierId ? eq(systems.supplierId, query.supplierId) : undefined,
        query.tag ? sql`${systems.tags} @> array[${query.tag}]::text[]` : undefined,
        query.unitId
          ? or(
              eq(systems.owningUnitId, query.unitId),
              sql`exists (select 1 from ${systemUnits} where ${systemUnits.tenantId} = ${systems.tenantId} and ${systemUnits.systemId} = ${systems.id} and ${systemUnits.unitId} = ${query.unitId})`,
            )
          : undefined,
        query.search
          ? or(
              sql`${systems.name} ilike ${likePattern(query.search)}`,
              sql`${systems.shortName} ilike ${likePattern(query.search)}`,
              sql`${systems.product} ilike ${likePattern(query.search)}`,
            )
          : undefined,
        query.cursor ? afterSortNameValues(query.cursor) : undefined,
      ),
    )
    .orderBy(asc(systems.sortName), asc(systems.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.sortName, r.id]);
  return { items: await withUse(db, actor.tenantId, page.items), nextCursor: page.nextCursor };
}

/** The keyset condition of a name-ordered cursor, with the values inline (not a prepared query). */
function afterSortNameValues(cursor: string) {
  const { afterName, afterId } = sortNameCursor(cursor);
  return or(
    sql`${systems.sortName} > ${afterName}`,
    and(sql`${systems.sortName} = ${afterName}`, sql`${systems.id} > ${afterId}`),
  );
}

export async function getSystem(db: Database, actor: Actor, id: string): Promise<SystemWithUse> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(systems)
    .where(s.where(systems, eq(systems.id, id)));
  if (!row) throw problems.notFound('system');
  return (await withUse(db, actor.tenantId, [row]))[0]!;
}

/** Refuses a unit or supplier that is not active in the tenant, naming the field. */
async function checkReferences(s: TenantScope, input: Partial<SystemCreate>) {
  const unitIds = [
    ...(input.owningUnitId ? [input.owningUnitId] : []),
    ...(input.usingUnits ?? []).map((u) => u.unitId),
  ];
  if (unitIds.length > 0) {
    const found = await s.tx
      .select({ id: units.id })
      .from(units)
      .where(s.where(units, inArray(units.id, unitIds), isNull(units.archivedAt)));
    const active = new Set(found.map((u) => u.id));
    if (input.owningUnitId && !active.has(input.owningUnitId))
      throw problems.field('body.owningUnitId', 'No such active unit');
    (input.usingUnits ?? []).forEach((u, i) => {
      if (!active.has(u.unitId)) throw problems.field(`body.usingUnits.${i}.unitId`, 'No such active unit');
    });
    const seen = new Set<string>();
    (input.usingUnits ?? []).forEach((u, i) => {
      if (seen.has(u.unitId)) throw problems.field(`body.usingUnits.${i}.unitId`, 'The unit is listed twice');
      seen.add(u.unitId);
    });
  }
  if (input.supplierId) {
    const [supplier] = await s.tx
      .select({ id: suppliers.id })
      .from(suppliers)
      .where(s.where(suppliers, eq(suppliers.id, input.supplierId), isNull(suppliers.archivedAt)));
    if (!supplier) throw problems.field('body.supplierId', 'No such active supplier');
  }
}

/** The column values of the optional fields, nulls for what is not given. */
function columnsOf<T extends Partial<SystemCreate>>(input: T): Omit<T, 'usingUnits'> {
  const { usingUnits: _uses, ...rest } = input;
  return rest;
}

async function writeUses(s: TenantScope, systemId: string, uses: SystemCreate['usingUnits']) {
  if (uses === undefined) return;
  await s.tx.delete(systemUnits).where(s.where(systemUnits, eq(systemUnits.systemId, systemId)));
  if (uses.length > 0)
    await s.insertMany(
      systemUnits,
      uses.map((u) => ({ systemId, unitId: u.unitId, users: u.users ?? null })),
    );
}

export function createSystem(db: Database, actor: Actor, input: SystemCreate): Promise<SystemWithUse> {
  return inTenant(db, actor, async (s) => {
    await checkReferences(s, input);
    const [row] = await s
      .insert(systems, { id: newId(), ...columnsOf(input), phase: input.phase ?? 'operation' })
      .returning();
    await writeUses(s, row!.id, input.usingUnits);
    const after = { ...row!, usingUnits: input.usingUnits ?? [] };
    await s.audit({ entity: 'system', entityId: row!.id, action: 'create', after });
    return {
      ...row!,
      usingUnits: (input.usingUnits ?? []).map((u) => ({ unitId: u.unitId, users: u.users ?? null })),
    };
  });
}

export function updateSystem(
  db: Database,
  actor: Actor,
  id: string,
  input: SystemUpdate,
): Promise<SystemWithUse> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, systems, id);
    assertVersion(before, input.version, 'system');
    if (before!.archivedAt) throw problems.conflict('The system is archived; restore it first');
    const { version, ...changes } = input;
    await checkReferences(s, changes);
    const beforeUses = (await usesOf(s.tx, s.tenantId, [id])).get(id) ?? [];
    const [after] = await s
      .update(
        systems,
        { ...definedOnly(columnsOf(changes)), version: version + 1, updatedAt: new Date() },
        eq(systems.id, id),
      )
      .returning();
    await writeUses(s, id, changes.usingUnits);
    const afterUses =
      changes.usingUnits === undefined
        ? beforeUses
        : changes.usingUnits.map((u) => ({ unitId: u.unitId, users: u.users ?? null }));
    await s.audit({
      entity: 'system',
      entityId: id,
      action: 'update',
      before: { ...before!, usingUnits: beforeUses },
      after: { ...after!, usingUnits: afterUses },
    });
    return { ...after!, usingUnits: afterUses };
  });
}

export async function archiveSystem(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  const row = await inTenant(db, actor, (s) => archiveRow(s, systems, id, input, { entity: 'system' }));
  return (await withUse(db, actor.tenantId, [row]))[0]!;
}

export async function restoreSystem(db: Database, actor: Actor, id: string, version: number) {
  const row = await inTenant(db, actor, (s) => restoreRow(s, systems, id, { version }, { entity: 'system' }));
  return (await withUse(db, actor.tenantId, [row]))[0]!;
}

/** Names and links of systems by id (the `system` scope kind, the audit trail, other modules). */
export async function systemRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: systems.id, name: systems.name, archivedAt: systems.archivedAt })
    .from(systems)
    .where(and(eq(systems.tenantId, tenantId), inArray(systems.id, [...ids])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/systems/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}
