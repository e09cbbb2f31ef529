import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  IntegrationCreate,
  IntegrationListQuery,
  IntegrationSort,
  IntegrationUpdate,
  SystemMap,
  SystemMapQuery,
} from '../../../../shared/registry/integrations.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { type DerivedCacheKind, derivedCacheOf } from '../../../platform/derived-cache.ts';
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
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { systems, systemUnits } from '../systems/schema.ts';
import { integrations } from './schema.ts';

// The rules of integrations: the only writer of ./schema.ts. Every change is one transaction that
// also writes its audit event. Reads name both systems and the owner in the same query (no N+1).

export type IntegrationRow = typeof integrations.$inferSelect;

/** An integration with the names of both systems and of its owner: what the API answers. */
export interface IntegrationView extends IntegrationRow {
  fromSystem: { id: string; name: string; archived: boolean };
  toSystem: { id: string; name: string; archived: boolean };
  owner: { id: string; name: string } | null;
}

const fromSystems = alias(systems, 'from_system');
const toSystems = alias(systems, 'to_system');

/**
 * The columns of an integration with both systems' and the owner's names, joined in one query
 * (and a list's sort key, pagination.ts sortKeyFields).
 */
function selectViews(db: Executor, key: Record<string, SQL> = {}) {
  return db
    .select({
      ...key,
      row: integrations,
      fromName: fromSystems.name,
      fromArchivedAt: fromSystems.archivedAt,
      toName: toSystems.name,
      toArchivedAt: toSystems.archivedAt,
      ownerGiven: people.givenName,
      ownerFamily: people.familyName,
    })
    .from(integrations)
    .innerJoin(
      fromSystems,
      and(eq(fromSystems.tenantId, integrations.tenantId), eq(fromSystems.id, integrations.fromSystemId)),
    )
    .innerJoin(
      toSystems,
      and(eq(toSystems.tenantId, integrations.tenantId), eq(toSystems.id, integrations.toSystemId)),
    )
    .leftJoin(people, and(eq(people.tenantId, integrations.tenantId), eq(people.id, integrations.ownerId)));
}

type Joined = Awaited<ReturnType<ReturnType<typeof selectViews>['execute']>>[number];

function toView(r: Joined): IntegrationView {
  return {
    ...r.row,
    fromSystem: { id: r.row.fromSystemId, name: r.fromName, archived: r.fromArchivedAt !== null },
    toSystem: { id: r.row.toSystemId, name: r.toName, archived: r.toArchivedAt !== null },
    owner:
      r.row.ownerId && r.ownerGiven !== null
        ? { id: r.row.ownerId, name: `${r.ownerGiven} ${r.ownerFamily}` }
        : null,
  };
}

/**
 * The columns each sort orders by, what flows and the integration's id last: its keyset. A system
 * sorts by its name; a technique by its value (the order of its Swedish names too); a frequency by
 * its rank (realtime … on demand, none last).
 */
const sortKeys: Record<IntegrationSort, SortKey> = {
  information: {
    columns: [sql`${integrations.sortInformation}`, sql`${integrations.id}`],
    types: ['text', 'uuid'],
  },
  fromSystem: {
    columns: [sql`${fromSystems.sortName}`, sql`${integrations.sortInformation}`, sql`${integrations.id}`],
    types: ['text', 'text', 'uuid'],
  },
  toSystem: {
    columns: [sql`${toSystems.sortName}`, sql`${integrations.sortInformation}`, sql`${integrations.id}`],
    types: ['text', 'text', 'uuid'],
  },
  technique: {
    columns: [sql`${integrations.technique}`, sql`${integrations.sortInformation}`, sql`${integrations.id}`],
    types: ['text', 'text', 'uuid'],
  },
  frequency: {
    columns: [
      sql`${integrations.frequencyRank}`,
      sql`${integrations.sortInformation}`,
      sql`${integrations.id}`,
    ],
    types: ['int', 'text', 'uuid'],
  },
};

export async function listIntegrations(
  db: Database,
  actor: Actor,
  query: Omit<IntegrationListQuery, 'sort' | 'order'> & Partial<Pick<IntegrationListQuery, 'sort' | 'order'>>,
) {
  const s = readScope(db, actor);
  const key = sortKeys[query.sort ?? 'information'];
  const desc = query.order === 'desc';
  const rows = await selectViews(db, sortKeyFields(key))
    .where(
      s.where(
        integrations,
        query.includeArchived ? undefined : isNull(integrations.archivedAt),
        query.systemId
          ? or(eq(integrations.fromSystemId, query.systemId), eq(integrations.toSystemId, query.systemId))
          : undefined,
        query.technique ? eq(integrations.technique, query.technique) : undefined,
        query.personalData !== undefined ? eq(integrations.personalData, query.personalData) : undefined,
        query.critical !== undefined ? eq(integrations.critical, query.critical) : undefined,
        query.search
          ? or(
              sql`${integrations.information} ilike ${likePattern(query.search)}`,
              sql`${fromSystems.name} ilike ${likePattern(query.search)}`,
              sql`${toSystems.name} ilike ${likePattern(query.search)}`,
            )
          : undefined,
        afterKey(key, query.cursor, desc),
      ),
    )
    .orderBy(...keyOrder(key, desc))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(key, r));
  return { items: page.items.map(toView), nextCursor: page.nextCursor };
}

async function viewOf(db: Executor, tenantId: string, id: string): Promise<IntegrationView> {
  const [row] = await selectViews(db).where(
    and(eq(integrations.tenantId, tenantId), eq(integrations.id, id)),
  );
  if (!row) throw problems.notFound('integration');
  return toView(row);
}

export function getIntegration(db: Database, actor: Actor, id: string): Promise<IntegrationView> {
  return viewOf(db, actor.tenantId, id);
}

/** The systems at the ends of an integration (for the policy of a change), or undefined. */
export async function integrationEnds(db: Database, actor: Actor, id: string) {
  const s = readScope(db, actor);
  const [row] = await db
    .select({ fromSystemId: integrations.fromSystemId, toSystemId: integrations.toSystemId })
    .from(integrations)
    .where(s.where(integrations, eq(integrations.id, id)));
  return row;
}

/**
 * Refuses a pair of ends that is the same system, a system that is not active in the tenant, and
 * an owner who is not an active person of the tenant, naming the field.
 */
async function checkReferences(
  s: TenantScope,
  ends: { fromSystemId: string; toSystemId: string },
  changed: { fromSystemId?: string; toSystemId?: string; ownerId?: string | null },
) {
  if (ends.fromSystemId === ends.toSystemId)
    throw problems.field(
      changed.toSystemId !== undefined ? 'body.toSystemId' : 'body.fromSystemId',
      'A system cannot integrate with itself',
    );
  const ids = [changed.fromSystemId, changed.toSystemId].filter((v): v is string => v !== undefined);
  if (ids.length > 0) {
    const found = await s.tx
      .select({ id: systems.id })
      .from(systems)
      .where(s.where(systems, inArray(systems.id, ids), isNull(systems.archivedAt)));
    const active = new Set(found.map((r) => r.id));
    for (const key of ['fromSystemId', 'toSystemId'] as const) {
      const value = changed[key];
      if (value !== undefined && !active.has(value))
        throw problems.field(`body.${key}`, 'No such active system');
    }
  }
  if (changed.ownerId) {
    const [owner] = await s.tx
      .select({ id: people.id })
      .from(people)
      .where(s.where(people, eq(people.id, changed.ownerId), isNull(people.archivedAt)));
    if (!owner) throw problems.field('body.ownerId', 'No such active person');
  }
}

export function createIntegration(db: Database, actor: Actor, input: IntegrationCreate) {
  return inTenant(db, actor, async (s) => {
    await checkReferences(s, input, input);
    const [row] = await s
      .insert(integrations, {
        id: newId(),
        ...input,
        direction: input.direction ?? 'oneWay',
        personalData: input.personalData ?? false,
        critical: input.critical ?? false,
      })
      .returning();
    await s.audit({ entity: 'integration', entityId: row!.id, action: 'create', after: row });
    return viewOf(s.tx, s.tenantId, row!.id);
  });
}

/**
 * Registers many integrations in one transaction, all or none (the demo, and imports of a
 * systemkarta): the same checks as createIntegration, in one query for every system and owner
 * named, rows written in a few multi-row INSERTs with an audit event each. A bad row throws a 400
 * naming `body.<index>.<field>`.
 */
export function createIntegrations(db: Database, actor: Actor, inputs: readonly IntegrationCreate[]) {
  return inTenant(db, actor, async (s) => {
    const systemIds = [...new Set(inputs.flatMap((i) => [i.fromSystemId, i.toSystemId]))];
    const ownerIds = [...new Set(inputs.flatMap((i) => (i.ownerId ? [i.ownerId] : [])))];
    const live = new Set(
      systemIds.length === 0
        ? []
        : (
            await s.tx
              .select({ id: systems.id })
              .from(systems)
              .where(s.where(systems, inArray(systems.id, systemIds), isNull(systems.archivedAt)))
          ).map((r) => r.id),
    );
    const owners = new Set(
      ownerIds.length === 0
        ? []
        : (
            await s.tx
              .select({ id: people.id })
              .from(people)
              .where(s.where(people, inArray(people.id, ownerIds), isNull(people.archivedAt)))
          ).map((r) => r.id),
    );
    inputs.forEach((input, i) => {
      if (input.fromSystemId === input.toSystemId)
        throw problems.field(`body.${i}.toSystemId`, 'A system cannot integrate with itself');
      for (const key of ['fromSystemId', 'toSystemId'] as const)
        if (!live.has(input[key])) throw problems.field(`body.${i}.${key}`, 'No such active system');
      if (input.ownerId && !owners.has(input.ownerId))
        throw problems.field(`body.${i}.ownerId`, 'No such active person');
    });
    return s.insertMany(
      integrations,
      inputs.map((input) => ({
        id: newId(),
        ...input,
        direction: input.direction ?? 'oneWay',
        personalData: input.personalData ?? false,
        critical: input.critical ?? false,
      })),
      { audit: 'integration' },
    );
  });
}

export function updateIntegration(db: Database, actor: Actor, id: string, input: IntegrationUpdate) {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, integrations, id);
    assertVersion(before, input.version, 'integration');
    if (before!.archivedAt) throw problems.conflict('The integration is archived; restore it first');
    const { version, ...changes } = input;
    const ends = {
      fromSystemId: changes.fromSystemId ?? before!.fromSystemId,
      toSystemId: changes.toSystemId ?? before!.toSystemId,
    };
    await checkReferences(s, ends, changes);
    const [after] = await s
      .update(
        integrations,
        { ...definedOnly(changes), version: version + 1, updatedAt: new Date() },
        eq(integrations.id, id),
      )
      .returning();
    await s.audit({ entity: 'integration', entityId: id, action: 'update', before, after });
    return viewOf(s.tx, s.tenantId, id);
  });
}

export async function archiveIntegration(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  await inTenant(db, actor, (s) => archiveRow(s, integrations, id, input, { entity: 'integration' }));
  return viewOf(db, actor.tenantId, id);
}

export async function restoreIntegration(db: Database, actor: Actor, id: string, version: number) {
  await inTenant(db, actor, (s) =>
    restoreRow(
      s,
      integrations,
      id,
      { version },
      {
        entity: 'integration',
        // An integration of an archived system stays archived until the system is restored.
        async check(row) {
          const live = await s.tx
            .select({ id: systems.id })
            .from(systems)
            .where(
              s.where(
                systems,
                inArray(systems.id, [row.fromSystemId, row.toSystemId]),
                isNull(systems.archivedAt),
              ),
            );
          if (live.length < 2)
            throw problems.conflict('A system of the integration is archived; restore it first');
        },
      },
    ),
  );
  return viewOf(db, actor.tenantId, id);
}

/** Names and links of integrations by id (the audit trail). */
export async function integrationRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await selectViews(db).where(
    and(eq(integrations.tenantId, tenantId), inArray(integrations.id, [...ids])),
  );
  return new Map(
    rows.map((r) => [
      r.row.id,
      {
        id: r.row.id,
        name: `${r.fromName} → ${r.toName}: ${r.row.information}`,
        href: `/integrations?systemId=${r.row.fromSystemId}`,
        archived: r.row.archivedAt !== null,
      },
    ]),
  );
}

// ---------------------------------------------------------------- impact

/**
 * A frontier up to this many systems is expanded by index lookups (two per system); a larger one
 * by one hashed pass over the tenant's live edges, read once per query. A couple of hundred index
 * lookups cost about what such a pass does on a large map (5,000 systems, 20,000 integrations),
 * so a small impact never reads the whole map and a large one never does thousands of lookups.
 */
const IMPACT_LOOKUP_FRONTIER = 200;

/**
 * The impact analyses of each tenant, kept in the process until a change to what they derive from
 * commits (migration registry_read_paths: the triggers of styrbord_registry_graph; the platform's
 * derived-cache.ts keeps them right). The walk reads the tenant's whole map for a hub (30 ms on
 * 5,000 systems and 20,000 integrations), and the same system's impact is asked again and again
 * between changes: from its page, the map's highlight, each reader. The answer is the same for
 * every reader of the tenant (every reader reads the whole register), so it is kept per tenant,
 * system and depth.
 */
export const impactCache: DerivedCacheKind = {
  channel: 'styrbord_registry_graph',
  writes:
    /^\s*(?:insert\s+into|update|delete\s+from)\s+"?(?:registry_integrations|registry_systems|registry_system_units|units)"?[\s(]/i,
  maxBytes: 64 * 1024 * 1024,
  maxAgeMs: 10 * 60_000,
};

/**
 * Everything that stops when `systemId` stops, as the JSON text of an `Impact` (the API's answer,
 * built in SQL: on a hub that reaches thousands of systems, reading them as rows and serialising
 * them again in Node cost more than the walk): the systems that receive from it, directly or
 * through others (a two-way integration carries both ways), each with its shortest distance,
 * nearest first, and the units that own or use any of them.
 *
 * One recursive query, breadth first: each step of the recursion is ONE row holding the frontier
 * (systems first reached at that distance) and every system seen so far, so a system is expanded
 * once however many paths lead to it (cycle-safe; a row per path would grow exponentially on a
 * dense map). The seen set starts with the tenant's archived systems, so an archived system is
 * never reached and passes nothing on without a join per step; archived integrations carry
 * nothing; `depth` bounds the walk. A small frontier follows its edges by the partial indexes, a
 * large one joins the tenant's live edges, materialised once for the whole walk (read only if
 * some step needs them): IMPACT_LOOKUP_FRONTIER. Undefined when the system is not in the actor's
 * tenant.
 */
export function impactJsonOf(
  db: Database,
  actor: Actor,
  systemId: string,
  depth: number,
): Promise<string | Buffer | undefined> {
  const load = () => walkImpact(db, actor.tenantId, systemId, depth);
  const cache = derivedCacheOf(db, impactCache);
  return cache ? cache.get(actor.tenantId, `${systemId}:${depth}`, load) : load();
}

/** impactJsonOf from the database: the recursive query. */
async function walkImpact(
  db: Database,
  tenantId: string,
  systemId: string,
  depth: number,
): Promise<string | undefined> {
  const lookups = sql.raw(String(IMPACT_LOOKUP_FRONTIER));
  const result = await db.execute(sql`
    with recursive edges(src, dst) as materialized (
      select i.from_system_id, i.to_system_id
        from registry_integrations i
       where i.tenant_id = ${tenantId} and i.archived_at is null
      union all
      select i.to_system_id, i.from_system_id
        from registry_integrations i
       where i.tenant_id = ${tenantId} and i.archived_at is null and i.direction = 'bothWays'
    ),
    walk(frontier, seen, distance) as (
      select array[s.id],
             array[s.id] || array(
               select a.id from registry_systems a
                where a.tenant_id = ${tenantId} and a.archived_at is not null
             ),
             0
        from registry_systems s
       where s.tenant_id = ${tenantId} and s.id = ${systemId}
      union all
      select step.next, w.seen || step.next, w.distance + 1
        from walk w
        cross join lateral (
          select array_agg(reached.id) as next
            from (
              -- Each branch's condition is on the step's row alone: the planner makes it a
              -- one-time filter, so the branches not taken cost nothing.
              select i.to_system_id as id
                from unnest(w.frontier) f(id)
                join registry_integrations i
                  on i.tenant_id = ${tenantId} and i.from_system_id = f.id and i.archived_at is null
               where cardinality(w.frontier) <= ${lookups}
              union all
              select i.from_system_id
                from unnest(w.frontier) f(id)
                join registry_integrations i
                  on i.tenant_id = ${tenantId} and i.to_system_id = f.id and i.archived_at is null
                 and i.direction = 'bothWays'
               where cardinality(w.frontier) <= ${lookups}
              union all
              select e.dst
                from unnest(w.frontier) f(id)
                join edges e on e.src = f.id
               where cardinality(w.frontier) > ${lookups}
              -- Not seen before, as a set difference (hashed or sorted, whatever the planner's
              -- guess of the arrays' sizes; it also makes the reached systems distinct): a join
              -- against unnest(seen) may be planned as a nested loop that compares every reached
              -- system with every seen one.
              except
              select unnest(w.seen)
            ) reached
        ) step
       where w.distance < ${depth} and step.next is not null
    ),
    reached as (
      select r.id, w.distance from walk w cross join lateral unnest(w.frontier) r(id) where w.distance > 0
    )
    select '{"systems":[' || coalesce((
             select string_agg(row_to_json(j)::text, ',' order by r.distance, s.sort_name, s.id)
               from reached r
               join registry_systems s on s.tenant_id = ${tenantId} and s.id = r.id
               cross join lateral (select s.id, s.name, r.distance) j
           ), '') || '],"units":[' || coalesce((
             select string_agg(row_to_json(j)::text, ',' order by u.sort_name, u.id)
               from units u
               cross join lateral (select u.id, u.name) j
              where u.tenant_id = ${tenantId} and u.archived_at is null
                and u.id in (
                  select s.owning_unit_id from reached r
                    join registry_systems s on s.tenant_id = ${tenantId} and s.id = r.id
                  union
                  select su.unit_id from reached r
                    join registry_system_units su on su.tenant_id = ${tenantId} and su.system_id = r.id
                )
           ), '') || ']}' as body
      from walk where distance = 0
  `);
  return rowsOf<{ body: string }>(result)[0]?.body;
}

// ---------------------------------------------------------------- the system map

/**
 * The map: the live systems that pass the filters, and the live integrations between two of them.
 * Two queries whatever the size: the systems, then the live integrations between them.
 */
export async function systemMapOf(db: Database, actor: Actor, query: SystemMapQuery): Promise<SystemMap> {
  const s = readScope(db, actor);
  const filtered = s.where(
    systems,
    isNull(systems.archivedAt),
    query.scope ? eq(systems.scope, query.scope) : undefined,
    query.phase ? eq(systems.phase, query.phase) : undefined,
    query.criticality ? eq(systems.criticality, query.criticality) : undefined,
    query.unitId
      ? or(
          eq(systems.owningUnitId, query.unitId),
          sql`exists (select 1 from ${systemUnits} where ${systemUnits.tenantId} = ${systems.tenantId} and ${systemUnits.systemId} = ${systems.id} and ${systemUnits.unitId} = ${query.unitId})`,
        )
      : undefined,
    // The process and every process below it (the tree is a few hundred nodes per tenant).
    query.processId
      ? sql`${systems.id} in (
          with recursive below(id) as (
            select id from registry_processes where tenant_id = ${actor.tenantId} and id = ${query.processId}
            union
            select p.id from registry_processes p join below on p.parent_id = below.id
            where p.tenant_id = ${actor.tenantId} and p.archived_at is null
          )
          select sp.system_id from registry_system_processes sp join below on sp.process_id = below.id
          where sp.tenant_id = ${actor.tenantId})`
      : undefined,
  );
  const nodes = await db
    .select({
      id: systems.id,
      name: systems.name,
      shortName: systems.shortName,
      scope: systems.scope,
      category: systems.category,
      phase: systems.phase,
      criticality: systems.criticality,
      owningUnitId: systems.owningUnitId,
    })
    .from(systems)
    .where(filtered)
    .orderBy(asc(systems.sortName), asc(systems.id));
  if (nodes.length === 0) return { nodes: [], edges: [] } as SystemMap;
  // The edges out of the nodes by the from index (a list of ids, not the filter again as a
  // subquery, which the planner may turn into a scan of every integration), those into another
  // node kept.
  // The nodes' ids as ONE parameter (a text split into an array): an IN list of hundreds of
  // parameters costs more to plan than to run, and fetching every edge out of the nodes to drop
  // those that leave the map costs a row transfer each.
  const ids = sql`string_to_array(${nodes.map((n) => n.id).join(',')}, ',')::uuid[]`;
  const edges = await db
    .select({
      id: integrations.id,
      fromSystemId: integrations.fromSystemId,
      toSystemId: integrations.toSystemId,
      information: integrations.information,
      technique: integrations.technique,
      direction: integrations.direction,
      critical: integrations.critical,
      personalData: integrations.personalData,
    })
    .from(integrations)
    .where(
      s.where(
        integrations,
        isNull(integrations.archivedAt),
        sql`${integrations.fromSystemId} = any(${ids})`,
        sql`${integrations.toSystemId} = any(${ids})`,
      ),
    )
    .orderBy(asc(integrations.id));
  return { nodes, edges } as SystemMap;
}
