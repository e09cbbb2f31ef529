import { and, asc, eq, getTableColumns, inArray, isNull, or, sql } from 'drizzle-orm';
import type {
  ServiceCreate,
  ServiceListQuery,
  ServiceRole,
  ServiceSort,
  ServiceSystemsBody,
  ServiceUpdate,
} from '../../../../shared/registry/services.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people, units } from '../../../platform/directory/schema.ts';
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
import { suppliers } from '../suppliers/schema.ts';
import { systems } from '../systems/schema.ts';
import { serviceSystems, services } from './schema.ts';

// The rules of services and APIs: the only writer of ./schema.ts. Every change is one transaction
// with its audit event; a service's links to systems are part of the service (changing them bumps
// its version), so the service's history tells who linked what.

export type ServiceRow = typeof services.$inferSelect;
export interface ServiceLink {
  systemId: string;
  name: string;
  role: ServiceRole;
  archived: boolean;
}
export type ServiceWithSystems = ServiceRow & { systems: ServiceLink[]; supplierName: string | null };

/** The systems linked to these services, by service id, with their names (one query a page). */
async function linksOf(db: Executor, tenantId: string, ids: readonly string[]) {
  const map = new Map<string, ServiceLink[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({
      serviceId: serviceSystems.serviceId,
      systemId: serviceSystems.systemId,
      role: serviceSystems.role,
      name: systems.name,
      archivedAt: systems.archivedAt,
    })
    .from(serviceSystems)
    .innerJoin(
      systems,
      and(eq(systems.tenantId, serviceSystems.tenantId), eq(systems.id, serviceSystems.systemId)),
    )
    .where(and(eq(serviceSystems.tenantId, tenantId), inArray(serviceSystems.serviceId, [...ids])))
    .orderBy(asc(systems.sortName), asc(systems.id));
  for (const r of rows) {
    const list = map.get(r.serviceId) ?? [];
    list.push({
      systemId: r.systemId,
      name: r.name,
      role: r.role as ServiceRole,
      archived: r.archivedAt !== null,
    });
    map.set(r.serviceId, list);
  }
  return map;
}

async function withLinks(db: Executor, tenantId: string, rows: ServiceRow[]): Promise<ServiceWithSystems[]> {
  const links = await linksOf(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  // The suppliers' names, in one query for the page: the web app has no supplier to fetch by id.
  const supplierIds = [...new Set(rows.map((r) => r.supplierId).filter((v): v is string => v !== null))];
  const names =
    supplierIds.length === 0
      ? new Map<string, string>()
      : new Map(
          (
            await db
              .select({ id: suppliers.id, name: suppliers.name })
              .from(suppliers)
              .where(and(eq(suppliers.tenantId, tenantId), inArray(suppliers.id, supplierIds)))
          ).map((s) => [s.id, s.name]),
        );
  return rows.map((r) => ({
    ...r,
    systems: links.get(r.id) ?? [],
    supplierName: r.supplierId ? (names.get(r.supplierId) ?? null) : null,
  }));
}

/**
 * The columns each sort orders by, the service's name and id last: its keyset. A kind sorts by
 * its value (api before service); a phase by its rank in the lifecycle (idea … retired), as the
 * systems list does.
 */
const sortKeys: Record<ServiceSort, SortKey> = {
  name: { columns: [sql`${services.sortName}`, sql`${services.id}`], types: ['text', 'uuid'] },
  kind: {
    columns: [sql`${services.kind}`, sql`${services.sortName}`, sql`${services.id}`],
    types: ['text', 'text', 'uuid'],
  },
  phase: {
    columns: [sql`${services.phaseRank}`, sql`${services.sortName}`, sql`${services.id}`],
    types: ['int', 'text', 'uuid'],
  },
};

export async function listServices(
  db: Database,
  actor: Actor,
  query: Omit<ServiceListQuery, 'sort' | 'order'> & Partial<Pick<ServiceListQuery, 'sort' | 'order'>>,
) {
  const s = readScope(db, actor);
  const key = sortKeys[query.sort ?? 'name'];
  const desc = query.order === 'desc';
  const rows = await db
    .select({ ...getTableColumns(services), ...sortKeyFields(key) })
    .from(services)
    .where(
      s.where(
        services,
        query.includeArchived ? undefined : isNull(services.archivedAt),
        query.kind ? eq(services.kind, query.kind) : undefined,
        query.phase ? eq(services.phase, query.phase) : undefined,
        query.systemId
          ? sql`exists (select 1 from ${serviceSystems} where ${serviceSystems.tenantId} = ${services.tenantId} and ${serviceSystems.serviceId} = ${services.id} and ${serviceSystems.systemId} = ${query.systemId})`
          : undefined,
        query.search
          ? or(
              sql`${services.name} ilike ${likePattern(query.search)}`,
              sql`${services.description} ilike ${likePattern(query.search)}`,
            )
          : undefined,
        afterKey(key, query.cursor, desc),
      ),
    )
    .orderBy(...keyOrder(key, desc))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(key, r));
  const items = page.items.map((r) => withoutKey(r));
  return { items: await withLinks(db, actor.tenantId, items), nextCursor: page.nextCursor };
}

export async function getService(db: Database, actor: Actor, id: string): Promise<ServiceWithSystems> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(services)
    .where(s.where(services, eq(services.id, id)));
  if (!row) throw problems.notFound('service');
  return (await withLinks(db, actor.tenantId, [row]))[0]!;
}

/** The owner of a service, for the routes' policy (undefined when there is no such service). */
export async function ownerOfService(db: Database, actor: Actor, id: string) {
  const s = readScope(db, actor);
  const [row] = await db
    .select({ ownerId: services.ownerId })
    .from(services)
    .where(s.where(services, eq(services.id, id)));
  return row;
}

/** Refuses an owner, unit or supplier that is not active in the tenant, naming the field. */
async function checkReferences(s: TenantScope, input: Partial<ServiceCreate>) {
  if (input.ownerId) {
    const [person] = await s.tx
      .select({ id: people.id })
      .from(people)
      .where(s.where(people, eq(people.id, input.ownerId), isNull(people.archivedAt)));
    if (!person) throw problems.field('body.ownerId', 'No such active person');
  }
  if (input.owningUnitId) {
    const [unit] = await s.tx
      .select({ id: units.id })
      .from(units)
      .where(s.where(units, eq(units.id, input.owningUnitId), isNull(units.archivedAt)));
    if (!unit) throw problems.field('body.owningUnitId', 'No such active unit');
  }
  if (input.supplierId) {
    const [supplier] = await s.tx
      .select({ id: suppliers.id })
      .from(suppliers)
      .where(s.where(suppliers, eq(suppliers.id, input.supplierId), isNull(suppliers.archivedAt)));
    if (!supplier) throw problems.field('body.supplierId', 'No such active supplier');
  }
}

export function createService(db: Database, actor: Actor, input: ServiceCreate): Promise<ServiceWithSystems> {
  return inTenant(db, actor, (s) => insertService(s, input));
}

/** Registers a service in the caller's transaction (the demo loads many in one). */
export async function insertService(s: TenantScope, input: ServiceCreate): Promise<ServiceWithSystems> {
  await checkReferences(s, input);
  const [row] = await s
    .insert(services, { id: newId(), ...input, phase: input.phase ?? 'operation' })
    .returning();
  await s.audit({ entity: 'service', entityId: row!.id, action: 'create', after: row });
  return (await withLinks(s.tx, s.tenantId, [row!]))[0]!;
}

export function updateService(
  db: Database,
  actor: Actor,
  id: string,
  input: ServiceUpdate,
): Promise<ServiceWithSystems> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, services, id);
    assertVersion(before, input.version, 'service');
    if (before!.archivedAt) throw problems.conflict('The service is archived; restore it first');
    const { version, ...changes } = input;
    await checkReferences(s, changes);
    const [after] = await s
      .update(
        services,
        { ...definedOnly(changes), version: version + 1, updatedAt: new Date() },
        eq(services.id, id),
      )
      .returning();
    await s.audit({ entity: 'service', entityId: id, action: 'update', before, after });
    return (await withLinks(s.tx, s.tenantId, [after!]))[0]!;
  });
}

export async function archiveService(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  const row = await inTenant(db, actor, (s) => archiveRow(s, services, id, input, { entity: 'service' }));
  return (await withLinks(db, actor.tenantId, [row]))[0]!;
}

export async function restoreService(db: Database, actor: Actor, id: string, version: number) {
  const row = await inTenant(db, actor, (s) =>
    restoreRow(s, services, id, { version }, { entity: 'service' }),
  );
  return (await withLinks(db, actor.tenantId, [row]))[0]!;
}

/**
 * Replaces the systems that provide and consume a service. Every system must be active in the
 * tenant and named once per role; the service's version goes up and one audit event lists the
 * links before and after.
 */
export function setServiceSystems(
  db: Database,
  actor: Actor,
  id: string,
  input: ServiceSystemsBody,
): Promise<ServiceWithSystems> {
  return inTenant(db, actor, (s) => linkSystems(s, id, input));
}

/** Replaces a service's links in the caller's transaction. */
export async function linkSystems(
  s: TenantScope,
  id: string,
  input: ServiceSystemsBody,
): Promise<ServiceWithSystems> {
  const before = await lockRow(s, services, id);
  assertVersion(before, input.version, 'service');
  if (before!.archivedAt) throw problems.conflict('The service is archived; restore it first');
  const wanted: { systemId: string; role: ServiceRole }[] = [];
  for (const role of ['provides', 'consumes'] as const) {
    const seen = new Set<string>();
    input[role].forEach((systemId, i) => {
      if (seen.has(systemId)) throw problems.field(`body.${role}.${i}`, 'The system is listed twice');
      seen.add(systemId);
      wanted.push({ systemId, role });
    });
  }
  const ids = [...new Set(wanted.map((w) => w.systemId))];
  const beforeLinks = (await linksOf(s.tx, s.tenantId, [id])).get(id) ?? [];
  if (ids.length > 0) {
    const found = await s.tx
      .select({ id: systems.id, archivedAt: systems.archivedAt })
      .from(systems)
      .where(s.where(systems, inArray(systems.id, ids)));
    const active = new Set(found.filter((f) => f.archivedAt === null).map((f) => f.id));
    // An archived system already linked may stay linked; a new link needs an active system.
    const kept = new Set(beforeLinks.map((l) => `${l.role}:${l.systemId}`));
    for (const role of ['provides', 'consumes'] as const)
      input[role].forEach((systemId, i) => {
        if (
          !active.has(systemId) &&
          !(found.some((f) => f.id === systemId) && kept.has(`${role}:${systemId}`))
        )
          throw problems.field(`body.${role}.${i}`, 'No such active system');
      });
  }
  await s.tx.delete(serviceSystems).where(s.where(serviceSystems, eq(serviceSystems.serviceId, id)));
  if (wanted.length > 0)
    await s.insertMany(
      serviceSystems,
      wanted.map((w) => ({ serviceId: id, ...w })),
    );
  const [after] = await s
    .update(services, { version: input.version + 1, updatedAt: new Date() }, eq(services.id, id))
    .returning();
  const afterLinks = (await linksOf(s.tx, s.tenantId, [id])).get(id) ?? [];
  const shape = (links: ServiceLink[]) => ({
    provides: links.filter((l) => l.role === 'provides').map((l) => l.systemId),
    consumes: links.filter((l) => l.role === 'consumes').map((l) => l.systemId),
  });
  await s.audit({
    entity: 'service',
    entityId: id,
    // An update of the service like any other (its history shows the links before and after).
    action: 'update',
    before: { version: before!.version, ...shape(beforeLinks) },
    after: { version: after!.version, ...shape(afterLinks) },
  });
  return (await withLinks(s.tx, s.tenantId, [after!]))[0]!;
}

/** What a system provides and consumes (404 when the system is not the tenant's). */
export async function servicesOfSystem(db: Database, actor: Actor, systemId: string) {
  const s = readScope(db, actor);
  const [system] = await db
    .select({ id: systems.id })
    .from(systems)
    .where(s.where(systems, eq(systems.id, systemId)));
  if (!system) throw problems.notFound('system');
  const rows = await db
    .select({ service: services, role: serviceSystems.role })
    .from(serviceSystems)
    .innerJoin(
      services,
      and(eq(services.tenantId, serviceSystems.tenantId), eq(services.id, serviceSystems.serviceId)),
    )
    .where(s.where(serviceSystems, eq(serviceSystems.systemId, systemId), isNull(services.archivedAt)))
    .orderBy(asc(services.sortName), asc(services.id));
  const withSystems = await withLinks(db, actor.tenantId, [
    ...new Map(rows.map((r) => [r.service.id, r.service])).values(),
  ]);
  const byId = new Map(withSystems.map((w) => [w.id, w]));
  return {
    provides: rows.filter((r) => r.role === 'provides').map((r) => byId.get(r.service.id)!),
    consumes: rows.filter((r) => r.role === 'consumes').map((r) => byId.get(r.service.id)!),
  };
}

/** Names and links of services by id (the audit trail, other modules). */
export async function serviceRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: services.id, name: services.name, archivedAt: services.archivedAt })
    .from(services)
    .where(and(eq(services.tenantId, tenantId), inArray(services.id, [...ids])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/services/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}
