import { and, asc, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import {
  checkAnswers,
  defaultEscalation,
  type OrderAnswers,
  type ServiceCreate,
  type ServiceLevelCreate,
  type ServiceLevelListQuery,
  type ServiceLevelUpdate,
  type ServiceListQuery,
  type ServiceUpdate,
} from '../../../../shared/desk/services.ts';
import type { TicketType } from '../../../../shared/desk/tickets.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people } from '../../../platform/directory/schema.ts';
import { type FieldError, problems, uniqueViolated } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { sortNameCursor, toPage } from '../../../platform/pagination.ts';
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { contracts } from '../../registry/contracts/schema.ts';
import { suppliers } from '../../registry/suppliers/schema.ts';
import { systems } from '../../registry/systems/schema.ts';
import { calendars } from '../calendars/schema.ts';
import { groups } from '../groups/schema.ts';
import { checkGroup } from '../groups/service.ts';
import { deskPolicy } from '../policy.ts';
import { serviceLevels, services } from './schema.ts';

// The rules of service levels and catalogue services: the only writer of ./schema.ts. Every change
// is one transaction with its audit event. A level counts on an active calendar of the tenant and,
// when it is an underpinning contract, follows up an active contract of the register; one level at
// most is the tenant's default (the one tickets without a service are measured by), which the
// database's partial unique index holds also when two admins make different levels the default at
// the same moment. A catalogue service names an active group, level, owner and system; a level in
// use by an active service stays active. checkOrder is what a ticket's creation asks of a service.

export type ServiceLevelRow = typeof serviceLevels.$inferSelect;
export type ServiceLevelView = ServiceLevelRow & {
  calendarName: string | null;
  contractTitle: string | null;
  supplierId: string | null;
  supplierName: string | null;
};
export type ServiceRow = typeof services.$inferSelect;
export type ServiceView = ServiceRow & {
  ownerName: string | null;
  groupName: string | null;
  serviceLevelName: string | null;
  systemName: string | null;
};

const LEVEL = 'serviceLevel';
const SERVICE = 'catalogueService';

// ---------------------------------------------------------------- references

async function checkCalendar(s: TenantScope, id: string) {
  const [row] = await s.tx
    .select({ id: calendars.id })
    .from(calendars)
    .where(s.where(calendars, eq(calendars.id, id), isNull(calendars.archivedAt)));
  if (!row) throw problems.field('body.calendarId', 'No such active calendar');
}

/** The register's contract, read as groups read suppliers: active in the tenant, or a 400. */
async function checkContract(s: TenantScope, id: string) {
  const [row] = await s.tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(s.where(contracts, eq(contracts.id, id), isNull(contracts.archivedAt)));
  if (!row) throw problems.field('body.contractId', 'No such active contract');
}

async function checkPerson(s: TenantScope, id: string, field: string) {
  const [row] = await s.tx
    .select({ id: people.id })
    .from(people)
    .where(s.where(people, eq(people.id, id), isNull(people.archivedAt)));
  if (!row) throw problems.field(field, 'No such active person');
}

async function checkSystem(s: TenantScope, id: string) {
  const [row] = await s.tx
    .select({ id: systems.id })
    .from(systems)
    .where(s.where(systems, eq(systems.id, id), isNull(systems.archivedAt)));
  if (!row) throw problems.field('body.systemId', 'No such active system');
}

/** A service names an active level of kind service (an underpinning contract measures suppliers). */
async function checkLevelOfService(s: TenantScope, id: string) {
  const [row] = await s.tx
    .select({ kind: serviceLevels.kind })
    .from(serviceLevels)
    .where(s.where(serviceLevels, eq(serviceLevels.id, id), isNull(serviceLevels.archivedAt)));
  if (!row) throw problems.field('body.serviceLevelId', 'No such active service level');
  if (row.kind !== 'service')
    throw problems.field(
      'body.serviceLevelId',
      'A service follows a service level, not an underpinning contract',
    );
}

// ---------------------------------------------------------------- service levels

type LevelFields = Partial<ServiceLevelCreate>;

/** What a level's kind asks: an underpinning level names its contract and is never the default. */
function checkLevelKind(values: { kind: string; contractId?: string | null; isDefault?: boolean }) {
  if (values.kind === 'underpinning') {
    if (!values.contractId)
      throw problems.field('body.contractId', 'An underpinning level names the contract it follows up');
    if (values.isDefault)
      throw problems.field('body.isDefault', 'An underpinning contract cannot be the default level');
  } else if (values.contractId) {
    throw problems.field('body.contractId', 'Only an underpinning level names a contract');
  }
}

async function checkLevelReferences(s: TenantScope, input: LevelFields) {
  if (input.calendarId) await checkCalendar(s, input.calendarId);
  if (input.contractId) await checkContract(s, input.contractId);
  if (input.escalation?.reassignGroupId)
    await checkGroup(s, input.escalation.reassignGroupId, 'body.escalation.reassignGroupId');
}

/**
 * A contract's levels are one active underpinning level (the one its supplier's tickets are
 * measured against, desk/suppliers): a second one for the same contract is refused.
 */
async function checkContractFree(s: TenantScope, contractId: string | null | undefined, exceptId: string) {
  if (!contractId) return;
  const [other] = await s.tx
    .select({ id: serviceLevels.id })
    .from(serviceLevels)
    .where(
      s.where(
        serviceLevels,
        eq(serviceLevels.contractId, contractId),
        isNull(serviceLevels.archivedAt),
        ne(serviceLevels.id, exceptId),
      ),
    )
    .limit(1);
  if (other) throw problems.conflict(CONTRACT_TAKEN, [{ path: 'body.contractId', message: CONTRACT_TAKEN }]);
}
const CONTRACT_TAKEN = 'The contract already has its levels in another underpinning level';

/** Active services on a level, by name: what keeps it from being archived or made a contract. */
async function servicesOn(s: TenantScope, levelId: string) {
  return s.tx
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(s.where(services, eq(services.serviceLevelId, levelId), isNull(services.archivedAt)))
    .orderBy(asc(services.sortName))
    .limit(20);
}

function inUse(detail: string, used: { name: string }[]) {
  return problems.conflict(detail, [{ path: 'body', message: used.map((u) => u.name).join(', ') }]);
}

/** Makes the level the tenant's only default: the one before stops being it (audited too). */
async function takeDefault(s: TenantScope, levelId: string) {
  const others = await s.tx
    .select()
    .from(serviceLevels)
    .where(s.where(serviceLevels, eq(serviceLevels.isDefault, true), ne(serviceLevels.id, levelId)))
    .for('update');
  for (const before of others) {
    const [after] = await s
      .update(
        serviceLevels,
        { isDefault: false, version: before.version + 1, updatedAt: new Date() },
        eq(serviceLevels.id, before.id),
      )
      .returning();
    await s.audit({ entity: LEVEL, entityId: before.id, action: 'update', before, after });
  }
}

/**
 * Runs a write that may make a level the default or give it a contract. Two such writes at once
 * both pass the checks (takeDefault, checkContractFree), and the database's partial unique
 * indexes let only the first through: the second answers 409 naming the field, with nothing
 * written, instead of a 500.
 */
async function guardDefault<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    const index = uniqueViolated(error);
    if (index === 'desk_service_levels_contract_key')
      throw problems.conflict(CONTRACT_TAKEN, [{ path: 'body.contractId', message: CONTRACT_TAKEN }]);
    if (index !== undefined)
      throw problems.conflict('Another level was made the default at the same time; reload and try again', [
        { path: 'body.isDefault', message: 'Another level was made the default at the same time' },
      ]);
    throw error;
  }
}

export function createLevel(db: Database, actor: Actor, input: ServiceLevelCreate): Promise<ServiceLevelRow> {
  return guardDefault(() =>
    inTenant(db, actor, async (s) => {
      checkLevelKind(input);
      await checkLevelReferences(s, input);
      const id = newId();
      await checkContractFree(s, input.contractId, id);
      if (input.isDefault) await takeDefault(s, id);
      const [row] = await s
        .insert(serviceLevels, {
          id,
          ...input,
          escalation: input.escalation ?? defaultEscalation,
        })
        .returning();
      await s.audit({ entity: LEVEL, entityId: id, action: 'create', after: row });
      return row!;
    }),
  );
}

export function updateLevel(
  db: Database,
  actor: Actor,
  id: string,
  input: ServiceLevelUpdate,
): Promise<ServiceLevelRow> {
  return guardDefault(() =>
    inTenant(db, actor, async (s) => {
      const before = await lockRow(s, serviceLevels, id);
      assertVersion(before, input.version, LEVEL);
      if (before!.archivedAt) throw problems.conflict('The service level is archived; restore it first');
      const { version, ...changes } = input;
      const defined = definedOnly(changes);
      checkLevelKind({ ...before!, ...defined });
      await checkLevelReferences(s, changes);
      if (defined.kind === 'underpinning' && before!.kind !== 'underpinning') {
        const used = await servicesOn(s, id);
        if (used.length > 0)
          throw inUse(
            'Active services follow the level; give them another level before it becomes a contract',
            used,
          );
      }
      if (defined.contractId && defined.contractId !== before!.contractId)
        await checkContractFree(s, defined.contractId, id);
      if (defined.isDefault && !before!.isDefault) await takeDefault(s, id);
      const [after] = await s
        .update(
          serviceLevels,
          { ...defined, version: version + 1, updatedAt: new Date() },
          eq(serviceLevels.id, id),
        )
        .returning();
      await s.audit({ entity: LEVEL, entityId: id, action: 'update', before, after });
      return after!;
    }),
  );
}

export function archiveLevel(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) =>
    archiveRow(s, serviceLevels, id, input, {
      entity: LEVEL,
      noun: 'service level',
      check: async (row) => {
        if (row.isDefault)
          throw problems.conflict('The default level cannot be archived; make another the default first');
        const used = await servicesOn(s, id);
        if (used.length > 0)
          throw inUse('Active services follow the level; give them another level first', used);
      },
    }),
  );
}

export function restoreLevel(db: Database, actor: Actor, id: string, version: number) {
  return guardDefault(() =>
    inTenant(db, actor, (s) =>
      restoreRow(
        s,
        serviceLevels,
        id,
        { version },
        { entity: LEVEL, noun: 'service level', check: (row) => checkContractFree(s, row.contractId, id) },
      ),
    ),
  );
}

const levelNames = {
  calendarName: calendars.name,
  contractTitle: contracts.title,
  supplierId: contracts.supplierId,
  supplierName: suppliers.name,
};

/** Levels with the names of their calendar, contract and the contract's supplier. */
function levelsWithNames(db: Executor) {
  return db
    .select({ level: serviceLevels, ...levelNames })
    .from(serviceLevels)
    .leftJoin(
      calendars,
      and(eq(calendars.tenantId, serviceLevels.tenantId), eq(calendars.id, serviceLevels.calendarId)),
    )
    .leftJoin(
      contracts,
      and(eq(contracts.tenantId, serviceLevels.tenantId), eq(contracts.id, serviceLevels.contractId)),
    )
    .leftJoin(
      suppliers,
      and(eq(suppliers.tenantId, contracts.tenantId), eq(suppliers.id, contracts.supplierId)),
    );
}

type LevelJoined = {
  level: ServiceLevelRow;
  calendarName: string | null;
  contractTitle: string | null;
  supplierId: string | null;
  supplierName: string | null;
};
const levelView = ({ level, ...names }: LevelJoined): ServiceLevelView => ({ ...level, ...names });

export async function getLevel(db: Database, actor: Actor, id: string): Promise<ServiceLevelView> {
  const s = readScope(db, actor);
  const [row] = await levelsWithNames(db).where(s.where(serviceLevels, eq(serviceLevels.id, id)));
  if (!row) throw problems.notFound(LEVEL);
  return levelView(row);
}

/** `(sort_name, id) > cursor`, so the (tenant, sort_name, id) index serves each page. */
function afterName(
  table: typeof serviceLevels | typeof services,
  cursor: string | undefined,
): SQL | undefined {
  const { afterName: name, afterId } = sortNameCursor(cursor);
  if (name === undefined) return undefined;
  return or(
    sql`${table.sortName} > ${name}`,
    and(sql`${table.sortName} = ${name}`, sql`${table.id} > ${afterId}`),
  );
}

export async function listLevels(db: Database, actor: Actor, query: ServiceLevelListQuery) {
  const s = readScope(db, actor);
  const rows = await levelsWithNames(db)
    .where(
      s.where(
        serviceLevels,
        query.includeArchived ? undefined : isNull(serviceLevels.archivedAt),
        query.kind ? eq(serviceLevels.kind, query.kind) : undefined,
        query.search ? sql`${serviceLevels.name} ilike ${likePattern(query.search)}` : undefined,
        afterName(serviceLevels, query.cursor),
      ),
    )
    .orderBy(asc(serviceLevels.sortName), asc(serviceLevels.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.level.sortName, r.level.id]);
  return { items: page.items.map(levelView), nextCursor: page.nextCursor };
}

/** The tenant's active default level, if it has one. */
export async function defaultLevel(db: Executor, tenantId: string): Promise<ServiceLevelRow | undefined> {
  const [row] = await db
    .select()
    .from(serviceLevels)
    .where(
      and(
        eq(serviceLevels.tenantId, tenantId),
        eq(serviceLevels.isDefault, true),
        isNull(serviceLevels.archivedAt),
      ),
    );
  return row;
}

// ---------------------------------------------------------------- catalogue services

async function checkServiceReferences(s: TenantScope, input: Partial<ServiceCreate>) {
  if (input.groupId) await checkGroup(s, input.groupId, 'body.groupId');
  if (input.serviceLevelId) await checkLevelOfService(s, input.serviceLevelId);
  if (input.ownerId) await checkPerson(s, input.ownerId, 'body.ownerId');
  if (input.systemId) await checkSystem(s, input.systemId);
}

export function createService(db: Database, actor: Actor, input: ServiceCreate): Promise<ServiceRow> {
  return inTenant(db, actor, async (s) => {
    await checkServiceReferences(s, input);
    const [row] = await s.insert(services, { id: newId(), ...input }).returning();
    await s.audit({ entity: SERVICE, entityId: row!.id, action: 'create', after: row });
    return row!;
  });
}

export function updateService(
  db: Database,
  actor: Actor,
  id: string,
  input: ServiceUpdate,
): Promise<ServiceRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, services, id);
    assertVersion(before, input.version, SERVICE);
    if (before!.archivedAt) throw problems.conflict('The service is archived; restore it first');
    const { version, ...changes } = input;
    await checkServiceReferences(s, changes);
    const [after] = await s
      .update(
        services,
        { ...definedOnly(changes), version: version + 1, updatedAt: new Date() },
        eq(services.id, id),
      )
      .returning();
    await s.audit({ entity: SERVICE, entityId: id, action: 'update', before, after });
    return after!;
  });
}

export function archiveService(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) => archiveRow(s, services, id, input, { entity: SERVICE, noun: 'service' }));
}

/** Restores a service; its level must be active again first (an active service's level is). */
export function restoreService(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, (s) =>
    restoreRow(
      s,
      services,
      id,
      { version },
      {
        entity: SERVICE,
        noun: 'service',
        check: async (row) => {
          if (!row.serviceLevelId) return;
          const [level] = await s.tx
            .select({ archivedAt: serviceLevels.archivedAt })
            .from(serviceLevels)
            .where(s.where(serviceLevels, eq(serviceLevels.id, row.serviceLevelId)));
          if (level?.archivedAt)
            throw problems.conflict("The service's level is archived; restore it or choose another first");
        },
      },
    ),
  );
}

function servicesWithNames(db: Executor) {
  return db
    .select({
      service: services,
      ownerGiven: people.givenName,
      ownerFamily: people.familyName,
      groupName: groups.name,
      serviceLevelName: serviceLevels.name,
      systemName: systems.name,
    })
    .from(services)
    .leftJoin(people, and(eq(people.tenantId, services.tenantId), eq(people.id, services.ownerId)))
    .leftJoin(groups, and(eq(groups.tenantId, services.tenantId), eq(groups.id, services.groupId)))
    .leftJoin(
      serviceLevels,
      and(eq(serviceLevels.tenantId, services.tenantId), eq(serviceLevels.id, services.serviceLevelId)),
    )
    .leftJoin(systems, and(eq(systems.tenantId, services.tenantId), eq(systems.id, services.systemId)));
}

type ServiceJoined = {
  service: ServiceRow;
  ownerGiven: string | null;
  ownerFamily: string | null;
  groupName: string | null;
  serviceLevelName: string | null;
  systemName: string | null;
};
const serviceView = ({ service, ownerGiven, ownerFamily, ...names }: ServiceJoined): ServiceView => ({
  ...service,
  ...names,
  ownerName: ownerGiven ? `${ownerGiven} ${ownerFamily}` : null,
});

export async function getService(db: Database, actor: Actor, id: string): Promise<ServiceView> {
  const s = readScope(db, actor);
  const [row] = await servicesWithNames(db).where(s.where(services, eq(services.id, id)));
  if (!row) throw problems.notFound('service');
  return serviceView(row);
}

export async function listServices(db: Database, actor: Actor, query: ServiceListQuery) {
  const s = readScope(db, actor);
  const rows = await servicesWithNames(db)
    .where(
      s.where(
        services,
        query.includeArchived ? undefined : isNull(services.archivedAt),
        query.orderable === undefined ? undefined : eq(services.orderable, query.orderable),
        query.groupId ? eq(services.groupId, query.groupId) : undefined,
        query.systemId ? eq(services.systemId, query.systemId) : undefined,
        query.serviceLevelId ? eq(services.serviceLevelId, query.serviceLevelId) : undefined,
        query.search ? sql`${services.name} ilike ${likePattern(query.search)}` : undefined,
        afterName(services, query.cursor),
      ),
    )
    .orderBy(asc(services.sortName), asc(services.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.service.sortName, r.service.id]);
  return { items: page.items.map(serviceView), nextCursor: page.nextCursor };
}

// ---------------------------------------------------------------- orders

/**
 * What a ticket's creation asks of its service (in the ticket's transaction): the active service
 * of the tenant, with a request's answers checked against its order form. A request is on an
 * orderable service (agents may register one for any service, as on the phone); its answers
 * follow the form (shared checkAnswers, the rules the portal checks with) and a person they name
 * is an active person of the tenant. Other types carry no answers. Throws 400 naming
 * body.serviceId or body.orderAnswers.<key>.
 */
export async function checkOrder(
  s: TenantScope,
  serviceId: string,
  answers: OrderAnswers | undefined,
  type: TicketType,
): Promise<ServiceRow> {
  const [service] = await s.tx
    .select()
    .from(services)
    .where(s.where(services, eq(services.id, serviceId), isNull(services.archivedAt)));
  if (!service) throw problems.field('body.serviceId', 'No such active service');
  const given = answers ?? {};
  if (type !== 'request') {
    if (Object.keys(given).length > 0)
      throw problems.field('body.orderAnswers', 'Only a request answers an order form');
    return service;
  }
  if (!service.orderable && !deskPolicy.agent(s.actor))
    throw problems.field('body.serviceId', 'The service cannot be ordered');
  const errors: FieldError[] = Object.entries(checkAnswers(service.orderForm, given)).map(
    ([key, message]) => ({
      path: `body.orderAnswers.${key}`,
      message,
    }),
  );
  if (errors.length > 0) throw problems.validation(errors);
  const named = service.orderForm.filter((f) => f.type === 'person' && typeof given[f.key] === 'string');
  if (named.length > 0) {
    const ids = [...new Set(named.map((f) => given[f.key] as string))];
    const found = await s.tx
      .select({ id: people.id })
      .from(people)
      .where(s.where(people, inArray(people.id, ids), isNull(people.archivedAt)));
    const active = new Set(found.map((p) => p.id));
    const missing = named
      .filter((f) => !active.has(given[f.key] as string))
      .map((f) => ({ path: `body.orderAnswers.${f.key}`, message: 'No such active person' }));
    if (missing.length > 0) throw problems.validation(missing);
  }
  return service;
}

// ---------------------------------------------------------------- names for the audit trail

type Ref = { id: string; name: string; href: string; archived: boolean };

export async function levelRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, Ref>();
  const rows = await db
    .select({ id: serviceLevels.id, name: serviceLevels.name, archivedAt: serviceLevels.archivedAt })
    .from(serviceLevels)
    .where(and(eq(serviceLevels.tenantId, tenantId), inArray(serviceLevels.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/desk/service-levels/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}

export async function serviceRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, Ref>();
  const rows = await db
    .select({ id: services.id, name: services.name, archivedAt: services.archivedAt })
    .from(services)
    .where(and(eq(services.tenantId, tenantId), inArray(services.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/desk/services/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}
