import { and, asc, eq, gt, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  PersonCreate,
  PersonUpdate,
  personListQuery,
  RoleGrant,
  roleAssignmentListQuery,
  UnitCreate,
  UnitUpdate,
  unitListQuery,
} from '../../../shared/directory.ts';
import { GLOBAL, type Role, roleAllowsScope, type ScopeKind, UNIT } from '../../../shared/roles.ts';
import { type Database, type Executor, rowsOf } from '../../db/client.ts';
import { endSessionsIn } from '../auth/sessions.ts';
import type { Actor, Grant } from '../context.ts';
import { problems } from '../errors.ts';
import { newId } from '../ids.ts';
import { notify } from '../notifications/service.ts';
import { afterSortName, decodeCursor, sortNameCursor, toPage } from '../pagination.ts';
import { type ArchiveInput, archiveRow, guardUnique, lockRow, restoreRow } from '../records.ts';
import type { Seam } from '../seam.ts';
import { likePattern } from '../search-text.ts';
import { inTenant, readScope, type TenantScope, tenantQuery, tenantWhere } from '../tenancy.ts';
import { assertVersion, definedOnly } from '../versioning.ts';
import { roleGranted } from './notifications.ts';
import { people, roleAssignments, tenants, units } from './schema.ts';
import { parentMessages, parentProblem } from './tree.ts';

// The rules of the directory: tenants, units, people and role assignments. The only writer of
// ./schema.ts. Every change is one transaction that also writes its audit event.

export type UnitRow = typeof units.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type RoleAssignmentRow = typeof roleAssignments.$inferSelect;

// ---------------------------------------------------------------- tenants

export async function createTenant(
  db: Database,
  input: { id?: string; slug: string; name: string; kind: 'municipality' | 'federation'; orgNumber?: string },
) {
  const [row] = await db
    .insert(tenants)
    .values({ id: input.id ?? newId(), ...input })
    .returning();
  return row!;
}

export async function findTenantBySlug(db: Database, slug: string) {
  const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  return row;
}

export async function getTenant(db: Database, id: string) {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, id));
  return row;
}

// ---------------------------------------------------------------- units

const unitList = tenantQuery((db, given) =>
  db
    .select()
    .from(units)
    .where(
      tenantWhere(
        units,
        given.includeArchived ? undefined : isNull(units.archivedAt),
        given.parentId ? eq(units.parentId, sql.placeholder('parentId')) : undefined,
        given.kind ? eq(units.kind, sql.placeholder('kind')) : undefined,
        given.term
          ? or(ilike(units.name, sql.placeholder('term')), ilike(units.costCentre, sql.placeholder('term')))
          : undefined,
        given.afterName ? afterSortName(units) : undefined,
      ),
    )
    .orderBy(asc(units.sortName), asc(units.id))
    .limit(sql.placeholder('limit'))
    .prepare('unit_list'),
);

export async function listUnits(db: Database, actor: Actor, query: z.infer<typeof unitListQuery>) {
  const rows = await unitList(db, actor, {
    includeArchived: query.includeArchived || undefined,
    parentId: query.parentId,
    kind: query.kind,
    term: query.search ? likePattern(query.search) : undefined,
    ...sortNameCursor(query.cursor),
    limit: query.limit + 1,
  });
  return toPage(rows, query.limit, (r) => [r.sortName, r.id]);
}

const unitById = tenantQuery((db) =>
  db
    .select()
    .from(units)
    .where(tenantWhere(units, eq(units.id, sql.placeholder('id'))))
    .prepare('unit_by_id'),
);

export async function getUnit(db: Database, actor: Actor, id: string): Promise<UnitRow> {
  const [row] = await unitById(db, actor, { id });
  if (!row) throw problems.notFound('unit');
  return row;
}

const lockUnit = (s: TenantScope, id: string) => lockRow(s, units, id);

/** Refuses a parent that does not exist, is archived, or lies below the unit itself (tree.ts). */
async function checkParent(s: TenantScope, unitId: string | null, parentId: string | null | undefined) {
  if (!parentId) return;
  // The parent and its ancestors in one query: all the tree check needs to know.
  const chain = rowsOf<{ id: string; parent_id: string | null; archived_at: unknown }>(
    await s.tx.execute(sql`
    with recursive up(id, parent_id, archived_at) as (
      select id, parent_id, archived_at from units where tenant_id = ${s.tenantId} and id = ${parentId}
      union
      select u.id, u.parent_id, u.archived_at from units u join up on u.id = up.parent_id where u.tenant_id = ${s.tenantId}
    )
    select id, parent_id, archived_at from up`),
  );
  const nodes = new Map(chain.map((u) => [u.id, { parentId: u.parent_id, active: u.archived_at === null }]));
  const problem = parentProblem(unitId, parentId, (id) => nodes.get(id));
  if (problem) throw problems.field('body.parentId', parentMessages[problem]);
}

export function createUnit(db: Database, actor: Actor, input: UnitCreate): Promise<UnitRow> {
  return guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        await checkParent(s, null, input.parentId);
        const [row] = await s
          .insert(units, {
            id: newId(),
            name: input.name,
            kind: input.kind,
            parentId: input.parentId ?? null,
            costCentre: input.costCentre || null,
            orgNumber: input.orgNumber || null,
          })
          .returning();
        await s.audit({ entity: 'unit', entityId: row!.id, action: 'create', after: row });
        return row!;
      }),
    'body.costCentre',
    'The cost centre is already used by another unit',
  );
}

export function updateUnit(db: Database, actor: Actor, id: string, input: UnitUpdate): Promise<UnitRow> {
  return guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        const before = await lockUnit(s, id);
        assertVersion(before, input.version, 'unit');
        const { version, ...changes } = input;
        if (changes.parentId !== undefined) await checkParent(s, id, changes.parentId);
        if (changes.costCentre === '') changes.costCentre = null;
        if (changes.orgNumber === '') changes.orgNumber = null;
        const [after] = await s
          .update(
            units,
            { ...definedOnly(changes), version: version + 1, updatedAt: new Date() },
            eq(units.id, id),
          )
          .returning();
        const action =
          changes.parentId !== undefined && changes.parentId !== before!.parentId ? 'move' : 'update';
        await s.audit({ entity: 'unit', entityId: id, action, before, after });
        return after!;
      }),
    'body.costCentre',
    'The cost centre is already used by another unit',
  );
}

export function archiveUnit(db: Database, actor: Actor, id: string, input: ArchiveInput): Promise<UnitRow> {
  return inTenant(db, actor, (s) =>
    archiveRow(s, units, id, input, {
      entity: 'unit',
      // A unit with active sub-units or people would leave them hanging: they move first.
      async check() {
        const [child] = await s.tx
          .select({ id: units.id })
          .from(units)
          .where(s.where(units, eq(units.parentId, id), isNull(units.archivedAt)))
          .limit(1);
        if (child) throw problems.conflict('The unit has active sub-units; move or archive them first');
        const [member] = await s.tx
          .select({ id: people.id })
          .from(people)
          .where(s.where(people, eq(people.unitId, id), isNull(people.archivedAt)))
          .limit(1);
        if (member) throw problems.conflict('The unit has active people; move or archive them first');
      },
    }),
  );
}

export function restoreUnit(db: Database, actor: Actor, id: string, version: number): Promise<UnitRow> {
  return guardUnique(
    () =>
      inTenant(db, actor, (s) =>
        restoreRow(
          s,
          units,
          id,
          { version },
          {
            entity: 'unit',
            async check(before) {
              if (!before.parentId) return;
              const [parent] = await s.tx
                .select({ archivedAt: units.archivedAt })
                .from(units)
                .where(s.where(units, eq(units.id, before.parentId)));
              if (parent?.archivedAt) throw problems.conflict('Restore the parent unit first');
            },
          },
        ),
      ),
    'body.costCentre',
    'The cost centre is now used by another unit',
  );
}

// ---------------------------------------------------------------- people

/**
 * What people search looks in: the fields joined by newlines, the name both ways round ("Öberg Anna"
 * and "Anna Öberg"). Migration 0003 indexes exactly this expression with pg_trgm; change both
 * together or the index stops being used.
 */
const searchText = sql`(${people.familyName} || ' ' || ${people.givenName} || E'\\n' || ${people.givenName} || ' ' || ${people.familyName} || E'\\n' || ${people.email} || E'\\n' || coalesce(${people.title}, ''))`;

const peopleList = tenantQuery((db, given) =>
  db
    .select()
    .from(people)
    .where(
      tenantWhere(
        people,
        given.includeArchived ? undefined : isNull(people.archivedAt),
        given.unitId ? eq(people.unitId, sql.placeholder('unitId')) : undefined,
        // One ILIKE over the fields joined by newlines rather than one per field: 25–45 % less
        // database time on the 50,000 people of bench/platform.ts. The same rows: a search term
        // never holds a newline (line() refuses it), so a match cannot span two fields.
        given.term ? ilike(searchText, sql.placeholder('term')) : undefined,
        given.afterName ? afterSortName(people) : undefined,
      ),
    )
    .orderBy(asc(people.sortName), asc(people.id))
    .limit(sql.placeholder('limit'))
    .prepare('people_list'),
);

export async function listPeople(db: Database, actor: Actor, query: z.infer<typeof personListQuery>) {
  const values = {
    includeArchived: query.includeArchived || undefined,
    unitId: query.unitId,
    term: query.search ? likePattern(query.search) : undefined,
    ...sortNameCursor(query.cursor),
    limit: query.limit + 1,
  };
  const rows = query.search
    ? // The best plan of a search depends on its term. After a few runs PostgreSQL would reuse one
      // generic plan for every term: reading people in name order and testing each, which is right
      // for a common term ("son": 1 ms) and reads every person for a rare one (69 ms at 50,000
      // people, against 2 ms through the trigram index). So each search is planned for its term.
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local plan_cache_mode = force_custom_plan`);
        return peopleList(tx as unknown as Database, actor, values);
      })
    : await peopleList(db, actor, values);
  return toPage(rows, query.limit, (r) => [r.sortName, r.id]);
}

const personById = tenantQuery((db) =>
  db
    .select()
    .from(people)
    .where(tenantWhere(people, eq(people.id, sql.placeholder('id'))))
    .prepare('person_by_id'),
);

export async function getPerson(db: Database, actor: Actor, id: string): Promise<PersonRow> {
  const [row] = await personById(db, actor, { id });
  if (!row) throw problems.notFound('person');
  return row;
}

const lockPerson = (s: TenantScope, id: string) => lockRow(s, people, id);

async function checkUnit(s: TenantScope, unitId: string | null | undefined, field = 'body.unitId') {
  if (!unitId) return;
  const [unit] = await s.tx
    .select()
    .from(units)
    .where(s.where(units, eq(units.id, unitId)));
  if (!unit || unit.archivedAt) throw problems.field(field, 'No such active unit');
  return unit;
}

const emailTaken = 'The email address is already used by another person';

/**
 * Creates a person, and grants `roles` (global ones, e.g. employee for a first SSO sign-in) in the
 * same transaction, so a person never exists half-made.
 */
export function createPerson(
  db: Database,
  actor: Actor,
  input: PersonCreate,
  roles: Role[] = [],
): Promise<PersonRow> {
  return guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        await checkUnit(s, input.unitId);
        const [row] = await s
          .insert(people, {
            id: newId(),
            givenName: input.givenName,
            familyName: input.familyName,
            email: input.email,
            title: input.title || null,
            phone: input.phone || null,
            unitId: input.unitId ?? null,
            employeeNumber: input.employeeNumber || null,
            active: input.active ?? true,
          })
          .returning();
        await s.audit({ entity: 'person', entityId: row!.id, action: 'create', after: row });
        for (const role of roles)
          await insertGrant(s, { personId: row!.id, role, scope: GLOBAL, scopeId: null });
        return row!;
      }),
    'body.email',
    emailTaken,
  );
}

export function updatePerson(
  db: Database,
  actor: Actor,
  id: string,
  input: PersonUpdate,
): Promise<PersonRow> {
  return guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        const before = await lockPerson(s, id);
        assertVersion(before, input.version, 'person');
        const { version, ...changes } = input;
        if (changes.unitId !== undefined) await checkUnit(s, changes.unitId);
        const [after] = await s
          .update(
            people,
            {
              ...definedOnly(changes),
              version: version + 1,
              updatedAt: new Date(),
            },
            eq(people.id, id),
          )
          .returning();
        const action = changes.unitId !== undefined && changes.unitId !== before!.unitId ? 'move' : 'update';
        await s.audit({ entity: 'person', entityId: id, action, before, after });
        // Whoever is no longer active is signed out in the same transaction, not after it.
        if (!after!.active) await endSessionsIn(s.tx, s.tenantId, id);
        return after!;
      }),
    'body.email',
    emailTaken,
  );
}

export function archivePerson(
  db: Database,
  actor: Actor,
  id: string,
  input: ArchiveInput,
): Promise<PersonRow> {
  return inTenant(db, actor, async (s) => {
    const after = await archiveRow(s, people, id, input, {
      entity: 'person',
      check(before) {
        if (before.id === actor.personId) throw problems.conflict('You cannot archive yourself');
      },
      set: { active: false },
    });
    await endSessionsIn(s.tx, s.tenantId, id);
    return after;
  });
}

export function restorePerson(db: Database, actor: Actor, id: string, version: number): Promise<PersonRow> {
  return inTenant(db, actor, (s) =>
    restoreRow(s, people, id, { version }, { entity: 'person', set: { active: true } }),
  );
}

/** The units above `id`, nearest first: a grant in any of them covers the unit. */
export async function unitAncestors(db: Executor, tenantId: string, id: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from units where tenant_id = ${tenantId} and id = ${id}
      union all
      select u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id
      where u.tenant_id = ${tenantId} and up.depth < 50
    )
    select id from up where id <> ${id} order by depth`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

// ---------------------------------------------------------------- role assignments

export async function listRoleAssignments(
  db: Database,
  actor: Actor,
  query: z.infer<typeof roleAssignmentListQuery>,
) {
  const s = readScope(db, actor);
  // By role, then in the order granted (ids are UUIDv7): the (tenant, role, id) index serves both
  // a whole list grouped by role and one role's holders.
  const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const rows = await db
    .select({ assignment: roleAssignments, givenName: people.givenName, familyName: people.familyName })
    .from(roleAssignments)
    .innerJoin(
      people,
      and(eq(people.tenantId, roleAssignments.tenantId), eq(people.id, roleAssignments.personId)),
    )
    .where(
      s.where(
        roleAssignments,
        query.personId ? eq(roleAssignments.personId, query.personId) : undefined,
        query.role ? eq(roleAssignments.role, query.role) : undefined,
        query.scope ? eq(roleAssignments.scope, query.scope) : undefined,
        query.scopeId ? eq(roleAssignments.scopeId, query.scopeId) : undefined,
        query.includeRevoked ? undefined : isNull(roleAssignments.revokedAt),
        after
          ? or(
              gt(roleAssignments.role, after[0]),
              and(eq(roleAssignments.role, after[0]), gt(roleAssignments.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(asc(roleAssignments.role), asc(roleAssignments.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.assignment.role, r.assignment.id]);
}

/** One active holder of a role in a scope, as a module lists them (a desk group's members). */
export interface ScopeHolder {
  grantId: string;
  scopeId: string;
  personId: string;
  name: string;
  email: string;
  archived: boolean;
  since: Date;
}

/**
 * The active holders of `role` in scopes of `kind` with these ids, in name order: for a module
 * whose memberships are grants (a desk group's agents), so that it keeps no second list.
 */
export async function scopeHolders(
  db: Executor,
  tenantId: string,
  role: Role,
  kind: ScopeKind,
  scopeIds: readonly string[],
): Promise<ScopeHolder[]> {
  if (scopeIds.length === 0) return [];
  const rows = await db
    .select({
      grantId: roleAssignments.id,
      scopeId: roleAssignments.scopeId,
      personId: roleAssignments.personId,
      givenName: people.givenName,
      familyName: people.familyName,
      email: people.email,
      archivedAt: people.archivedAt,
      since: roleAssignments.grantedAt,
    })
    .from(roleAssignments)
    .innerJoin(
      people,
      and(eq(people.tenantId, roleAssignments.tenantId), eq(people.id, roleAssignments.personId)),
    )
    .where(
      and(
        eq(roleAssignments.tenantId, tenantId),
        eq(roleAssignments.role, role),
        eq(roleAssignments.scope, kind),
        inArray(roleAssignments.scopeId, [...scopeIds]),
        isNull(roleAssignments.revokedAt),
      ),
    )
    .orderBy(asc(people.sortName), asc(people.id));
  return rows.map((r) => ({
    grantId: r.grantId,
    scopeId: r.scopeId!,
    personId: r.personId,
    name: `${r.givenName} ${r.familyName}`,
    email: r.email,
    archived: r.archivedAt !== null,
    since: r.since,
  }));
}

/** The number of active holders of each role, counted by the database. */
export async function countRoleHolders(db: Database, actor: Actor) {
  const s = readScope(db, actor);
  return db
    .select({ role: roleAssignments.role, holders: sql<number>`count(*)::int` })
    .from(roleAssignments)
    .where(s.where(roleAssignments, isNull(roleAssignments.revokedAt)))
    .groupBy(roleAssignments.role)
    .orderBy(asc(roleAssignments.role));
}

/** The active grants of some people, for sign-in and for lists that show roles. */
export async function activeGrants(
  db: Database,
  tenantId: string,
  personIds: string[],
): Promise<Map<string, Grant[]>> {
  const result = new Map<string, Grant[]>();
  if (personIds.length === 0) return result;
  const rows = await db
    .select({
      personId: roleAssignments.personId,
      role: roleAssignments.role,
      scope: roleAssignments.scope,
      scopeId: roleAssignments.scopeId,
    })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.tenantId, tenantId),
        inArray(roleAssignments.personId, personIds),
        isNull(roleAssignments.revokedAt),
      ),
    );
  for (const r of rows) {
    const list = result.get(r.personId) ?? [];
    list.push({ role: r.role as Role, scope: r.scope, scopeId: r.scopeId });
    result.set(r.personId, list);
  }
  return result;
}

/**
 * Grants a role in a scope. `global` and `unit` are the directory's own kinds; any other kind must
 * be registered by a module (the seam), which also says whether the id exists in the tenant.
 */
export function grantRole(
  db: Database,
  actor: Actor,
  input: RoleGrant,
  seam?: Seam,
): Promise<RoleAssignmentRow> {
  const scope = input.scope ?? GLOBAL;
  const scopeId = scope === GLOBAL ? null : (input.scopeId ?? null);
  if (scope === GLOBAL && input.scopeId)
    throw problems.field('body.scopeId', 'A global grant names no scope');
  if (scope !== GLOBAL && !scopeId)
    throw problems.field('body.scopeId', 'Name the scope the role applies to');
  const kind = scope === GLOBAL || scope === UNIT ? undefined : seam?.scopeKind(scope);
  if (scope !== GLOBAL && scope !== UNIT && !kind)
    throw problems.field('body.scope', 'No such kind of scope');
  if (!roleAllowsScope(input.role, scope)) {
    throw problems.field('body.scope', 'This role cannot be granted in this kind of scope');
  }
  return guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        const person = await lockPerson(s, input.personId);
        if (!person || person.archivedAt) throw problems.field('body.personId', 'No such active person');
        let scopeName: string | null = null;
        if (scope === UNIT) scopeName = (await checkUnit(s, scopeId, 'body.scopeId'))?.name ?? null;
        if (kind && scopeId) {
          const found = (await kind.describe(s.tx, s.tenantId, [scopeId])).get(scopeId);
          if (!found || found.archived) throw problems.field('body.scopeId', 'No such active scope');
          scopeName = found.name;
        }
        return grantChecked(s, { personId: input.personId, role: input.role, scope, scopeId, scopeName });
      }),
    'body.role',
    'The person already holds this role in this scope',
  );
}

/**
 * Grants a role in a module's own scope inside the module's transaction: for a module that keeps
 * its own record of the role (the registry's system roles, with their dates) and so vouches for
 * the scope itself. The person must be active; the holder is told, as with any grant by a person.
 */
export async function grantInScope(
  s: TenantScope,
  input: { personId: string; role: Role; scope: ScopeKind; scopeId: string; scopeName: string },
  field = 'body.personId',
): Promise<RoleAssignmentRow> {
  if (!roleAllowsScope(input.role, input.scope))
    throw new Error(`The role ${input.role} cannot be granted in a ${input.scope}`);
  const person = await lockPerson(s, input.personId);
  if (!person || person.archivedAt) throw problems.field(field, 'No such active person');
  const [held] = await s.tx
    .select()
    .from(roleAssignments)
    .where(
      s.where(
        roleAssignments,
        eq(roleAssignments.personId, input.personId),
        eq(roleAssignments.role, input.role),
        eq(roleAssignments.scope, input.scope),
        eq(roleAssignments.scopeId, input.scopeId),
        isNull(roleAssignments.revokedAt),
      ),
    );
  // Already held (granted on the roles page, or for a second reason): one grant serves both.
  if (held) return held;
  return grantChecked(s, input);
}

/** Revokes a grant inside the caller's transaction (a module's own role ending); none if already. */
export async function revokeInScope(s: TenantScope, id: string): Promise<void> {
  const before = await lockRow(s, roleAssignments, id);
  if (!before || before.revokedAt) return;
  const [after] = await s
    .update(
      roleAssignments,
      { revokedAt: new Date(), revokedBy: s.actor.personId },
      eq(roleAssignments.id, id),
    )
    .returning();
  const role = { role: before.role, scope: before.scope, scopeId: before.scopeId };
  await s.audit({ entity: 'roleAssignment', entityId: id, action: 'revoke', before, after });
  await s.audit({ entity: 'person', entityId: before.personId, action: 'revoke-role', before: role });
}

/** A grant whose person and scope are checked: written, audited, and announced to its holder. */
async function grantChecked(
  s: TenantScope,
  input: { personId: string; role: Role; scope: ScopeKind; scopeId: string | null; scopeName: string | null },
): Promise<RoleAssignmentRow> {
  const row = await insertGrant(s, input);
  // A grant by a person is news to its holder; the system's own (setup, demo data, a first
  // SSO sign-in) is how an account starts, and would fill every new inbox with noise.
  if (s.actor.personId) {
    await notify(s, {
      personIds: [input.personId],
      kind: roleGranted,
      params: { role: input.role, scopeName: input.scopeName, by: s.actor.name },
      record: { kind: 'person', id: input.personId, href: `/people/${input.personId}` },
    });
  }
  return row;
}

/** Writes one grant and its two audit events (the grant's and the person's history). */
async function insertGrant(
  s: TenantScope,
  input: { personId: string; role: Role; scope: ScopeKind; scopeId: string | null },
): Promise<RoleAssignmentRow> {
  const [row] = await s
    .insert(roleAssignments, {
      id: newId(),
      personId: input.personId,
      role: input.role,
      scope: input.scope,
      scopeId: input.scopeId,
      grantedBy: s.actor.personId,
    })
    .returning();
  const after = { role: row!.role, scope: row!.scope, scopeId: row!.scopeId };
  await s.audit({
    entity: 'roleAssignment',
    entityId: row!.id,
    action: 'grant',
    after: { ...after, personId: row!.personId },
  });
  await s.audit({ entity: 'person', entityId: input.personId, action: 'grant-role', after });
  return row!;
}

export function revokeRole(db: Database, actor: Actor, id: string): Promise<RoleAssignmentRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, roleAssignments, id);
    if (!before) throw problems.notFound('role assignment');
    if (before.revokedAt) throw problems.conflict('The role is already revoked');
    if (before.role === 'admin' && before.personId === actor.personId) {
      throw problems.conflict('You cannot revoke your own admin role');
    }
    const [after] = await s
      .update(
        roleAssignments,
        { revokedAt: new Date(), revokedBy: actor.personId },
        eq(roleAssignments.id, id),
      )
      .returning();
    const role = { role: before.role, scope: before.scope, scopeId: before.scopeId };
    await s.audit({ entity: 'roleAssignment', entityId: id, action: 'revoke', before, after });
    await s.audit({ entity: 'person', entityId: before.personId, action: 'revoke-role', before: role });
    return after!;
  });
}
