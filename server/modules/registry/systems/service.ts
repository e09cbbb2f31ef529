import { and, eq, getTableColumns, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type {
  SystemCreate,
  SystemListQuery,
  SystemSort,
  SystemUpdate,
} from '../../../../shared/registry/systems.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { units } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { decodeCursor, toPage } from '../../../platform/pagination.ts';
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import { RowCache } from '../../../platform/row-cache.ts';
import { likePattern } from '../../../platform/search-text.ts';
import {
  type Given,
  inTenant,
  readScope,
  type TenantScope,
  tenantQuery,
  tenantRows,
  tenantWhere,
} from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { suppliers } from '../suppliers/schema.ts';
import { answersForSql, stockholmToday, syncRoles } from './roles/service.ts';
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
    .where(and(eq(systemUnits.tenantId, tenantId), inArray(systemUnits.systemId, [...ids])))
    .orderBy(systemUnits.systemId, systemUnits.unitId);
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

/** The columns a sort orders by, the system's id last: its keyset. */
function sortColumns(sort: SystemSort): SQL[] {
  switch (sort) {
    case 'phase':
      return [sql`${systems.phaseRank}`, sql`${systems.sortName}`, sql`${systems.id}`];
    case 'criticality':
      return [sql`${systems.criticalityRank}`, sql`${systems.sortName}`, sql`${systems.id}`];
    case 'updatedAt':
      return [sql`${systems.updatedAt}`, sql`${systems.id}`];
    default:
      return [sql`${systems.sortName}`, sql`${systems.id}`];
  }
}

/** The cursor's values of a row, in the order of sortColumns (timestamps as PostgreSQL's text, exact to the µs). */
function sortKeyOf(
  sort: SystemSort,
  row: Pick<SystemRow, 'id' | 'sortName' | 'phaseRank' | 'criticalityRank'> & { updatedKey: string },
): (string | number)[] {
  switch (sort) {
    case 'phase':
      return [row.phaseRank, row.sortName, row.id];
    case 'criticality':
      return [row.criticalityRank, row.sortName, row.id];
    case 'updatedAt':
      return [row.updatedKey, row.id];
    default:
      return [row.sortName, row.id];
  }
}

const cursorTypes: Record<SystemSort, ('int' | 'text' | 'uuid' | 'timestamptz')[]> = {
  name: ['text', 'uuid'],
  phase: ['int', 'text', 'uuid'],
  criticality: ['int', 'text', 'uuid'],
  updatedAt: ['timestamptz', 'uuid'],
};

const usedBy = (unit: SQL | unknown) =>
  sql`exists (select 1 from ${systemUnits} where ${systemUnits.tenantId} = ${systems.tenantId} and ${systemUnits.systemId} = ${systems.id} and ${systemUnits.unitId} = ${unit})`;

// The using units in the same statement: one round trip per page, the list's hot path. The outer
// columns are named with their table: in a select list Drizzle writes a column bare, and inside
// this subquery a bare "tenant_id" is su's own, which dropped the tenant from the condition and read
// every use of the system in every tenant by scanning (46 ms a page).
const usingUnitsJson = sql`select json_agg(u order by u."unitId") from (select su.unit_id as "unitId", su.users from ${systemUnits} su where su.tenant_id = registry_systems.tenant_id and su.system_id = registry_systems.id) u`;

/**
 * A system's record as the API's JSON (present.ts presentSystem, field for field, but for `can`,
 * which the route adds from the policy), as the database keeps it on every write (migration
 * registry_read_paths: the column is not in the Drizzle schema, so no other select carries it).
 * The list and GET read it as it is: building 50 records' JSON per page cost PostgreSQL three
 * times what reading it does, and reading rows to serialise them again costs Node more still.
 */
const recordJson = sql<string>`registry_systems.record_json`;

/** The list's conditions, keyset and order for one combination of given filters, sort and order. */
function listShape(given: Given) {
  const sort: SystemSort = given.sortPhase
    ? 'phase'
    : given.sortCriticality
      ? 'criticality'
      : given.sortUpdatedAt
        ? 'updatedAt'
        : 'name';
  const columns = sortColumns(sort);
  const desc = given.desc === true;
  const p = (name: string) => sql.placeholder(name);
  const after = cursorTypes[sort].map(
    (type, i) => sql`${p(`after${i}`)}::${sql.raw(type === 'int' ? 'integer' : type)}`,
  );
  const keyset = sql`(${sql.join(columns, sql`, `)}) ${sql.raw(desc ? '<' : '>')} (${sql.join(after, sql`, `)})`;
  const where = tenantWhere(
    systems,
    given.includeArchived ? undefined : isNull(systems.archivedAt),
    given.scope ? eq(systems.scope, p('scope')) : undefined,
    given.phase ? eq(systems.phase, p('phase')) : undefined,
    given.criticality ? eq(systems.criticality, p('criticality')) : undefined,
    given.supplierId ? eq(systems.supplierId, p('supplierId')) : undefined,
    given.operationForm ? eq(systems.operationForm, p('operationForm')) : undefined,
    given.timeAssessment ? eq(systems.timeAssessment, p('timeAssessment')) : undefined,
    given.category ? eq(systems.category, p('category')) : undefined,
    given.eService ? eq(systems.eService, p('eService')) : undefined,
    given.ownDeveloped ? eq(systems.ownDeveloped, p('ownDeveloped')) : undefined,
    given.tag ? sql`${systems.tags} @> array[${p('tag')}]::text[]` : undefined,
    given.unitId ? or(eq(systems.owningUnitId, p('unitId')), usedBy(p('unitId'))) : undefined,
    given.owningUnitId ? eq(systems.owningUnitId, p('owningUnitId')) : undefined,
    given.usingUnitId ? usedBy(p('usingUnitId')) : undefined,
    given.personId ? answersForSql(p('personId'), p('today')) : undefined,
    given.term
      ? or(
          sql`${systems.name} ilike ${p('term')}`,
          sql`${systems.shortName} ilike ${p('term')}`,
          sql`${systems.product} ilike ${p('term')}`,
        )
      : undefined,
    given.after0 ? keyset : undefined,
  );
  return { where, orderBy: columns.map((c) => (desc ? sql`${c} desc` : c)), limit: p('limit') };
}

/**
 * The systems list as prepared statements, one per combination of the filters given, sort and
 * order (tenancy.ts tenantQuery): the hot read of the register, planned once per shape. Every
 * value is a placeholder; the keyset compares a row of the sort's columns with the cursor's.
 */
const systemsList = tenantQuery((db, given) => {
  const shape = listShape(given);
  return db
    .select({
      ...getTableColumns(systems),
      updatedKey: sql<string>`${systems.updatedAt}::text`,
      uses: sql<unknown>`coalesce((${usingUnitsJson}), '[]'::json)`,
    })
    .from(systems)
    .where(shape.where)
    .orderBy(...shape.orderBy)
    .limit(shape.limit)
    .prepare('registry_systems_list');
});

/** A row of systemsPage: the system, its row's version, and the sort's key columns. */
interface PageRow {
  id: string;
  rev: string;
  sortName?: string;
  phaseRank?: number;
  criticalityRank?: number;
  updatedKey?: string;
}

/** A system's record as the page sends it, with what `can` needs. */
export interface SystemJson {
  id: string;
  archivedAt: string | null;
  /**
   * The record's JSON (recordJson) as UTF-8, without its closing brace, where the route adds `can`:
   * a page is then one copy of held bytes, not fifty texts joined and encoded again per request.
   */
  head: Buffer;
}

/** The row's version: xmin, replaced by every change of the row (a trigger's too). */
const rowVersion = sql`registry_systems.xmin::text`;

/**
 * The same list as the page the API answers, as ids and row versions: the records' JSON comes
 * from recordsHeld (or recordsByIds for those not held at that version). Only what the cursor
 * needs (the sort's own columns) beside them, as the driver reads them (tenantRows).
 */
const systemsPage = tenantRows<PageRow>((db, given) => {
  const shape = listShape(given);
  const field = (name: keyof PageRow, value: SQL | PgColumn) => sql`${value}`.as(name);
  const key = given.sortPhase
    ? [field('phaseRank', systems.phaseRank), field('sortName', systems.sortName)]
    : given.sortCriticality
      ? [field('criticalityRank', systems.criticalityRank), field('sortName', systems.sortName)]
      : given.sortUpdatedAt
        ? [field('updatedKey', sql`${systems.updatedAt}::text`)]
        : [field('sortName', systems.sortName)];
  return db
    .select({
      id: field('id', systems.id),
      rev: field('rev', rowVersion),
      ...Object.fromEntries(key.map((k) => [k.fieldAlias, k])),
    })
    .from(systems)
    .where(shape.where)
    .orderBy(...shape.orderBy)
    .limit(shape.limit)
    .prepare('registry_systems_page');
});

/** Records by id, as the database keeps them, with their rows' versions (the ids as one text). */
const recordsByIds = tenantRows<{ id: string; rev: string; archivedAt: string | null; json: string }>((db) =>
  db
    .select({
      id: sql`${systems.id}`.as('id'),
      rev: sql`${rowVersion}`.as('rev'),
      archivedAt: sql`${systems.archivedAt}::text`.as('archivedAt'),
      json: sql`${recordJson}`.as('json'),
    })
    .from(systems)
    .where(
      tenantWhere(systems, sql`${systems.id} = any(string_to_array(${sql.placeholder('ids')}, ',')::uuid[])`),
    )
    .prepare('registry_systems_records'),
);

/**
 * The records the page and its neighbours were sent lately, by row version (platform row-cache.ts),
 * per database: a page reads the JSON only of the systems changed since (or not held). 16 MB holds
 * some 16,000 records.
 */
const recordsHeld = new WeakMap<Database, RowCache<SystemJson>>();
function heldOf(db: Database) {
  let held = recordsHeld.get(db);
  if (!held) {
    held = new RowCache<SystemJson>(16 * 1024 * 1024, (r) => r.head.length + 100);
    recordsHeld.set(db, held);
  }
  return held;
}

/** The filters of the list as the prepared query's values (undefined leaves a condition out). */
function listValues(query: Partial<SystemListQuery>) {
  const sort = query.sort ?? 'name';
  const after = decodeCursor(query.cursor, cursorTypes[sort].length);
  return {
    includeArchived: query.includeArchived || undefined,
    scope: query.scope,
    phase: query.phase,
    criticality: query.criticality,
    supplierId: query.supplierId,
    operationForm: query.operationForm,
    timeAssessment: query.timeAssessment,
    category: query.category,
    eService: query.eService,
    ownDeveloped: query.ownDeveloped,
    tag: query.tag,
    unitId: query.unitId,
    owningUnitId: query.owningUnitId,
    usingUnitId: query.usingUnitId,
    personId: query.personId,
    today: query.personId ? stockholmToday() : undefined,
    term: query.search ? likePattern(query.search) : undefined,
    sortPhase: sort === 'phase' || undefined,
    sortCriticality: sort === 'criticality' || undefined,
    sortUpdatedAt: sort === 'updatedAt' || undefined,
    desc: query.order === 'desc' || undefined,
    ...Object.fromEntries((after ?? []).map((v, i) => [`after${i}`, v])),
  };
}

export async function listSystems(
  db: Database,
  actor: Actor,
  query: Partial<SystemListQuery> & { limit: number },
) {
  const rows = await systemsList(db, actor, { ...listValues(query), limit: query.limit + 1 });
  const page = toPage(rows, query.limit, (r) => sortKeyOf(query.sort ?? 'name', r));
  const items: SystemWithUse[] = page.items.map(({ uses, updatedKey: _key, ...row }) => ({
    ...row,
    // postgres.js and PGlite both parse json; a driver that answers text is read the same.
    usingUnits: (typeof uses === 'string' ? JSON.parse(uses) : uses) as SystemWithUse['usingUnits'],
  }));
  return { items, nextCursor: page.nextCursor };
}

/**
 * listSystems as the API's JSON: each item the record's JSON without `can` (SystemJson.head),
 * with what `can` needs (id, archivedAt); the route adds `can` and joins the page. One statement
 * when every record on the page is held at its row's version, two when some are not.
 */
export async function listSystemsJson(
  db: Database,
  actor: Actor,
  query: Partial<SystemListQuery> & { limit: number },
): Promise<{ items: SystemJson[]; nextCursor: string | null }> {
  const rows = await systemsPage(db, actor, { ...listValues(query), limit: query.limit + 1 });
  // Each row has the columns of its sort (systemsPage), which are all sortKeyOf reads.
  const page = toPage(rows, query.limit, (r) => sortKeyOf(query.sort ?? 'name', r as never));
  const held = heldOf(db);
  const items = page.items.map((r) => held.get(actor.tenantId, r.id, r.rev));
  const missing = page.items.filter((_, i) => !items[i]);
  if (missing.length > 0) {
    const read = await recordsByIds(db, actor, { ids: missing.map((r) => r.id).join(',') });
    const byId = new Map(read.map((r) => [r.id, r]));
    page.items.forEach((r, i) => {
      if (items[i]) return;
      // As read now: newer than the page's row when it changed in between, kept at its own version.
      const found = byId.get(r.id);
      if (!found) return;
      const record = {
        id: found.id,
        archivedAt: found.archivedAt,
        head: Buffer.from(found.json.slice(0, -1)),
      };
      held.set(actor.tenantId, found.id, found.rev, record);
      items[i] = record;
    });
  }
  // A system gone between the two statements is left out (systems are archived, never deleted).
  return { items: items.filter((r) => r !== undefined), nextCursor: page.nextCursor };
}

/** Every system the list's filters select, in its order, for an export (pages of 1,000 inside). */
export async function allSystems(db: Database, actor: Actor, query: Partial<SystemListQuery>) {
  const all: SystemWithUse[] = [];
  let cursor: string | undefined;
  do {
    const page = await listSystems(db, actor, { ...query, cursor, limit: 1000 });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

const systemJsonById = tenantQuery((db) =>
  db
    .select({ id: systems.id, archivedAt: sql<string | null>`${systems.archivedAt}::text`, json: recordJson })
    .from(systems)
    .where(tenantWhere(systems, eq(systems.id, sql.placeholder('id'))))
    .prepare('registry_system_json_by_id'),
);

/**
 * One system as the API's JSON text without `can` (recordJson), with what `can` needs: GET of one
 * system, one prepared statement.
 */
export async function getSystemJson(db: Database, actor: Actor, id: string) {
  const [row] = await systemJsonById(db, actor, { id });
  if (!row) throw problems.notFound('system');
  return row;
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

/** Uses as a read answers them (the record's JSON, usesOf): in unit id order, as PostgreSQL orders uuids. */
function usesAsRead(uses: NonNullable<SystemCreate['usingUnits']>) {
  return uses
    .map((u) => ({ unitId: u.unitId, users: u.users ?? null }))
    .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
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
    return { ...row!, usingUnits: usesAsRead(input.usingUnits ?? []) };
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
    const afterUses = changes.usingUnits === undefined ? beforeUses : usesAsRead(changes.usingUnits);
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
  // An archived system holds no roles' grants; its roles stay, and hold them again on restore.
  const row = await inTenant(db, actor, async (s) => {
    const archived = await archiveRow(s, systems, id, input, { entity: 'system' });
    await syncRoles(s, stockholmToday(), { systemIds: [id] });
    return archived;
  });
  return (await withUse(db, actor.tenantId, [row]))[0]!;
}

export async function restoreSystem(db: Database, actor: Actor, id: string, version: number) {
  const row = await inTenant(db, actor, async (s) => {
    const restored = await restoreRow(s, systems, id, { version }, { entity: 'system' });
    await syncRoles(s, stockholmToday(), { systemIds: [id] });
    return restored;
  });
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
