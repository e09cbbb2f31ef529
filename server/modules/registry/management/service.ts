import { type AnyColumn, and, asc, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  ManagementObjectCreate,
  ManagementObjectListQuery,
  ManagementObjectSort,
  ManagementObjectUpdate,
  ManagementPlanCreate,
  ManagementPlanUpdate,
} from '../../../../shared/registry/management.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import {
  afterKey,
  keyOrder,
  type SortKey,
  sortKeyFields,
  sortKeyOfRow,
  toPage,
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
import { registryPolicy } from '../policy.ts';
import { systems } from '../systems/schema.ts';
import {
  managementObjectSystems as members,
  managementObjects as objects,
  type PlanActivityValue,
  managementPlans as plans,
} from './schema.ts';

// The rules of förvaltningsobjekt and their förvaltningsplaner: the only writer of ./schema.ts.
// A system is in at most one object (the key of the membership table says so; the service says
// which object holds it, by name, before the database has to). Plans are one per object and year.

export type ObjectRow = typeof objects.$inferSelect;
export type ObjectWithSystems = ObjectRow & { systemIds: string[] };
export type PlanRow = typeof plans.$inferSelect;

async function systemsOf(db: Executor, tenantId: string, ids: readonly string[]) {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({ objectId: members.objectId, systemId: members.systemId, name: systems.sortName })
    .from(members)
    .innerJoin(systems, and(eq(systems.tenantId, members.tenantId), eq(systems.id, members.systemId)))
    .where(and(eq(members.tenantId, tenantId), inArray(members.objectId, [...ids])))
    .orderBy(asc(systems.sortName));
  for (const r of rows) map.set(r.objectId, [...(map.get(r.objectId) ?? []), r.systemId]);
  return map;
}

async function withSystems(db: Executor, tenantId: string, rows: ObjectRow[]): Promise<ObjectWithSystems[]> {
  const map = await systemsOf(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, systemIds: map.get(r.id) ?? [] }));
}

const owners = alias(people, 'owner');
const managers = alias(people, 'manager');

/** A person's name as a key that is never null: a rank (none last), then the name. */
const personKey = (sortName: AnyColumn): SQL[] => [
  sql`(case when ${sortName} is null then 1 else 0 end)`,
  sql`coalesce(${sortName}, '')`,
];

/**
 * The columns each sort orders by, the object's name and id last: its keyset. An objektägare or
 * förvaltningsledare sorts by the person's name (family name first, as every list of people),
 * objects without one last; the last change is exact to the µs.
 */
const sortKeys: Record<ManagementObjectSort, SortKey> = {
  name: { columns: [sql`${objects.sortName}`, sql`${objects.id}`], types: ['text', 'uuid'] },
  owner: {
    columns: [...personKey(owners.sortName), sql`${objects.sortName}`, sql`${objects.id}`],
    types: ['int', 'text', 'text', 'uuid'],
  },
  manager: {
    columns: [...personKey(managers.sortName), sql`${objects.sortName}`, sql`${objects.id}`],
    types: ['int', 'text', 'text', 'uuid'],
  },
  updatedAt: { columns: [sql`${objects.updatedAt}`, sql`${objects.id}`], types: ['timestamptz', 'uuid'] },
};

export async function listObjects(
  db: Database,
  actor: Actor,
  query: Omit<ManagementObjectListQuery, 'sort' | 'order'> &
    Partial<Pick<ManagementObjectListQuery, 'sort' | 'order'>>,
) {
  const s = readScope(db, actor);
  const sort = query.sort ?? 'name';
  const key = sortKeys[sort];
  const desc = query.order === 'desc';
  let select = db
    .select({ row: objects, ...sortKeyFields(key) })
    .from(objects)
    .$dynamic();
  // Only the sort by a person joins the people (one of them).
  if (sort === 'owner')
    select = select.leftJoin(
      owners,
      and(eq(owners.tenantId, objects.tenantId), eq(owners.id, objects.ownerId)),
    );
  if (sort === 'manager')
    select = select.leftJoin(
      managers,
      and(eq(managers.tenantId, objects.tenantId), eq(managers.id, objects.managerId)),
    );
  const joined = await select
    .where(
      s.where(
        objects,
        query.includeArchived ? undefined : isNull(objects.archivedAt),
        query.search ? sql`${objects.name} ilike ${likePattern(query.search)}` : undefined,
        query.personId
          ? or(eq(objects.ownerId, query.personId), eq(objects.managerId, query.personId))
          : undefined,
        query.systemId
          ? sql`exists (select 1 from ${members} where ${members.tenantId} = ${objects.tenantId} and ${members.objectId} = ${objects.id} and ${members.systemId} = ${query.systemId})`
          : undefined,
        afterKey(key, query.cursor, desc),
      ),
    )
    .orderBy(...keyOrder(key, desc))
    .limit(query.limit + 1);
  const page = toPage(joined, query.limit, (r) => sortKeyOfRow(key, r));
  const rows = page.items.map((r) => r.row);
  return { items: await withSystems(db, actor.tenantId, rows), nextCursor: page.nextCursor };
}

export async function getObject(db: Database, actor: Actor, id: string): Promise<ObjectWithSystems> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(objects)
    .where(s.where(objects, eq(objects.id, id)));
  if (!row) throw problems.notFound('management object');
  return (await withSystems(db, actor.tenantId, [row]))[0]!;
}

/**
 * Refuses people and systems that are not active in the tenant, and a system another object holds.
 * What the object already names (`current`) may stay when it has been archived since.
 */
async function checkReferences(
  s: TenantScope,
  given: Partial<ManagementObjectCreate>,
  objectId: string | null,
  current?: { row: ObjectRow; systemIds: string[] },
) {
  const input: Partial<ManagementObjectCreate> = { ...given };
  for (const f of ['ownerId', 'managerId'] as const)
    if (current && input[f] === current.row[f]) delete input[f];
  const kept = new Set(current?.systemIds ?? []);
  const personFields = (['ownerId', 'managerId'] as const).filter((f) => input[f]);
  if (personFields.length > 0) {
    const found = await s.tx
      .select({ id: people.id })
      .from(people)
      .where(
        s.where(
          people,
          inArray(
            people.id,
            personFields.map((f) => input[f]!),
          ),
          isNull(people.archivedAt),
        ),
      );
    const active = new Set(found.map((p) => p.id));
    for (const f of personFields)
      if (!active.has(input[f]!)) throw problems.field(`body.${f}`, 'No such active person');
  }
  const systemIds = input.systemIds ?? [];
  if (systemIds.length === 0) return;
  const seen = new Set<string>();
  systemIds.forEach((systemId, i) => {
    if (seen.has(systemId)) throw problems.field(`body.systemIds.${i}`, 'The system is listed twice');
    seen.add(systemId);
  });
  const found = await s.tx
    .select({ id: systems.id })
    .from(systems)
    .where(s.where(systems, inArray(systems.id, systemIds), isNull(systems.archivedAt)));
  const active = new Set(found.map((r) => r.id));
  systemIds.forEach((systemId, i) => {
    if (!active.has(systemId) && !kept.has(systemId))
      throw problems.field(`body.systemIds.${i}`, 'No such active system');
  });
  const held = await s.tx
    .select({ systemId: members.systemId, system: systems.name, object: objects.name })
    .from(members)
    .innerJoin(systems, and(eq(systems.tenantId, members.tenantId), eq(systems.id, members.systemId)))
    .innerJoin(objects, and(eq(objects.tenantId, members.tenantId), eq(objects.id, members.objectId)))
    .where(
      s.where(
        members,
        inArray(members.systemId, systemIds),
        objectId ? ne(members.objectId, objectId) : undefined,
      ),
    );
  if (held.length > 0) {
    const errors = held.map((h) => ({
      path: `body.systemIds.${systemIds.indexOf(h.systemId)}`,
      message: `${h.system} already belongs to the management object ${h.object}`,
    }));
    throw problems.conflict(errors[0]!.message, errors);
  }
}

async function writeMembers(s: TenantScope, objectId: string, systemIds: string[] | undefined) {
  if (systemIds === undefined) return;
  await s.tx.delete(members).where(s.where(members, eq(members.objectId, objectId)));
  if (systemIds.length > 0)
    await s.insertMany(
      members,
      systemIds.map((systemId) => ({ objectId, systemId })),
    );
}

/** A race that the check could not see still ends as the 409, not a 500. */
const oneObjectPerSystem = <R>(work: () => Promise<R>) =>
  guardUnique(work, 'body.systemIds', 'A system already belongs to another management object');

export function createObject(db: Database, actor: Actor, input: ManagementObjectCreate) {
  return oneObjectPerSystem(() =>
    inTenant(db, actor, async (s) => {
      const { systemIds = [], ...fields } = input;
      await checkReferences(s, input, null);
      const [row] = await s.insert(objects, { id: newId(), ...fields }).returning();
      await writeMembers(s, row!.id, systemIds);
      const result: ObjectWithSystems = { ...row!, systemIds };
      await s.audit({ entity: 'managementObject', entityId: row!.id, action: 'create', after: result });
      return result;
    }),
  );
}

export function updateObject(db: Database, actor: Actor, id: string, input: ManagementObjectUpdate) {
  return oneObjectPerSystem(() =>
    inTenant(db, actor, async (s) => {
      const before = await lockRow(s, objects, id);
      assertVersion(before, input.version, 'management object');
      if (before!.archivedAt) throw problems.conflict('The management object is archived; restore it first');
      const { version, systemIds, ...changes } = input;
      const beforeSystems = (await systemsOf(s.tx, s.tenantId, [id])).get(id) ?? [];
      await checkReferences(s, input, id, { row: before!, systemIds: beforeSystems });
      const [after] = await s
        .update(
          objects,
          { ...definedOnly(changes), version: version + 1, updatedAt: new Date() },
          eq(objects.id, id),
        )
        .returning();
      await writeMembers(s, id, systemIds);
      const result: ObjectWithSystems = { ...after!, systemIds: systemIds ?? beforeSystems };
      await s.audit({
        entity: 'managementObject',
        entityId: id,
        action: 'update',
        before: { ...before!, systemIds: beforeSystems },
        after: result,
      });
      return result;
    }),
  );
}

/**
 * Archives an object and releases its systems, so that they can join another object at once
 * (a system is in at most one); the archive event records which systems it held.
 */
export function archiveObject(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, async (s) => {
    const held = (await systemsOf(s.tx, s.tenantId, [id])).get(id) ?? [];
    const row = await archiveRow(s, objects, id, input, {
      entity: 'managementObject',
      noun: 'management object',
      check: async () => {
        await s.tx.delete(members).where(s.where(members, eq(members.objectId, id)));
      },
    });
    if (held.length > 0)
      await s.audit({
        entity: 'managementObject',
        entityId: id,
        action: 'update',
        before: { systemIds: held },
        after: { systemIds: [] },
      });
    return { ...row, systemIds: [] } as ObjectWithSystems;
  });
}

export async function restoreObject(db: Database, actor: Actor, id: string, version: number) {
  const row = await inTenant(db, actor, (s) =>
    restoreRow(s, objects, id, { version }, { entity: 'managementObject', noun: 'management object' }),
  );
  return { ...row, systemIds: [] } as ObjectWithSystems;
}

export async function objectRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: objects.id, name: objects.name, archivedAt: objects.archivedAt })
    .from(objects)
    .where(and(eq(objects.tenantId, tenantId), inArray(objects.id, [...ids])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/management-objects/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}

// ------------------------------------------------------------------ förvaltningsplaner

/** A plan with the object it belongs to (the owner and manager decide who may change it). */
export type PlanWithObject = PlanRow & { object: Pick<ObjectRow, 'ownerId' | 'managerId'> };

export async function listPlans(db: Database, actor: Actor, objectId: string, year?: number) {
  const object = await getObject(db, actor, objectId);
  const s = readScope(db, actor);
  const rows = await db
    .select()
    .from(plans)
    .where(
      s.where(plans, eq(plans.objectId, objectId), year === undefined ? undefined : eq(plans.year, year)),
    )
    .orderBy(asc(plans.year));
  return rows.map((r) => ({ ...r, object }));
}

export async function getPlan(db: Database, actor: Actor, id: string): Promise<PlanWithObject> {
  const s = readScope(db, actor);
  const [row] = await db
    .select({ plan: plans, ownerId: objects.ownerId, managerId: objects.managerId })
    .from(plans)
    .innerJoin(objects, and(eq(objects.tenantId, plans.tenantId), eq(objects.id, plans.objectId)))
    .where(s.where(plans, eq(plans.id, id)));
  if (!row) throw problems.notFound('management plan');
  return { ...row.plan, object: { ownerId: row.ownerId, managerId: row.managerId } };
}

const activitiesOf = (list: ManagementPlanCreate['activities']): PlanActivityValue[] | undefined =>
  list?.map((a) => ({ title: a.title, description: a.description ?? null, kind: a.kind, status: a.status }));

function mayPlan(actor: Actor, object: Pick<ObjectRow, 'ownerId' | 'managerId'>) {
  if (!registryPolicy.planManagementObject(actor, object))
    throw problems.forbidden("Only the keepers and the object's objektägare and förvaltningsledare plan it");
}

export function createPlan(
  db: Database,
  actor: Actor,
  objectId: string,
  input: ManagementPlanCreate,
): Promise<PlanWithObject> {
  return guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        // Locked, so that a change of its owner cannot slip between the check and the write.
        const object = await lockRow(s, objects, objectId);
        if (!object) throw problems.notFound('management object');
        mayPlan(actor, object);
        if (object.archivedAt) throw problems.conflict('The management object is archived');
        const [row] = await s
          .insert(plans, {
            id: newId(),
            objectId,
            year: input.year,
            status: input.status ?? 'draft',
            goals: input.goals ?? [],
            activities: activitiesOf(input.activities) ?? [],
            budgetMaintenance: input.budgetMaintenance ?? 0,
            budgetDevelopment: input.budgetDevelopment ?? 0,
            outcomeMaintenance: input.outcomeMaintenance ?? null,
            outcomeDevelopment: input.outcomeDevelopment ?? null,
          })
          .returning();
        await s.audit({ entity: 'managementPlan', entityId: row!.id, action: 'create', after: row });
        return { ...row!, object };
      }),
    'body.year',
    'The management object already has a plan for that year',
  );
}

export function updatePlan(
  db: Database,
  actor: Actor,
  id: string,
  input: ManagementPlanUpdate,
): Promise<PlanWithObject> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, plans, id);
    if (!before) throw problems.notFound('management plan');
    const object = (await lockRow(s, objects, before.objectId))!;
    mayPlan(actor, object);
    assertVersion(before, input.version, 'management plan');
    if (object.archivedAt) throw problems.conflict('The management object is archived');
    const { version, activities, ...changes } = input;
    const [after] = await s
      .update(
        plans,
        {
          ...definedOnly({ ...changes, activities: activitiesOf(activities) }),
          version: version + 1,
          updatedAt: new Date(),
        },
        eq(plans.id, id),
      )
      .returning();
    await s.audit({ entity: 'managementPlan', entityId: id, action: 'update', before, after });
    return { ...after!, object };
  });
}

export async function planRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: plans.id, year: plans.year, objectId: objects.id, name: objects.name })
    .from(plans)
    .innerJoin(objects, and(eq(objects.tenantId, plans.tenantId), eq(objects.id, plans.objectId)))
    .where(and(eq(plans.tenantId, tenantId), inArray(plans.id, [...ids])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.name} ${r.year}`,
        href: `/management-objects/${r.objectId}`,
        archived: false,
      },
    ]),
  );
}

/** The active objects the person owns or leads that have no plan for the year (their start page). */
export async function objectsWithoutPlan(db: Database, actor: Actor, year: number) {
  if (!actor.personId) return [];
  const s = readScope(db, actor);
  return db
    .select({ id: objects.id, name: objects.name })
    .from(objects)
    .where(
      s.where(
        objects,
        isNull(objects.archivedAt),
        or(eq(objects.ownerId, actor.personId), eq(objects.managerId, actor.personId)),
        sql`not exists (select 1 from ${plans} where ${plans.tenantId} = ${objects.tenantId} and ${plans.objectId} = ${objects.id} and ${plans.year} = ${year})`,
      ),
    )
    .orderBy(asc(objects.sortName))
    .limit(20);
}
