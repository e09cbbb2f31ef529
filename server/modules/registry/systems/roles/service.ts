import { and, asc, eq, inArray, isNull, notInArray, or, type SQL, sql } from 'drizzle-orm';
import {
  platformRoleOf,
  requiredRoleKinds,
  type SystemRoleCreate,
  type SystemRoleEnd,
  type SystemRoleKind,
  type SystemRoleListQuery,
  type SystemRoleUpdate,
} from '../../../../../shared/registry/systems.ts';
import { type Database, type Executor, rowsOf } from '../../../../db/client.ts';
import { type Actor, systemActor } from '../../../../platform/context.ts';
import { people, roleAssignments, units } from '../../../../platform/directory/schema.ts';
import { grantInScope, revokeInScope } from '../../../../platform/directory/service.ts';
import { problems } from '../../../../platform/errors.ts';
import { newId } from '../../../../platform/ids.ts';
import { decodeCursor, toPage } from '../../../../platform/pagination.ts';
import { lockRow } from '../../../../platform/records.ts';
import { inTenant, readScope, type TenantScope } from '../../../../platform/tenancy.ts';
import { assertVersion } from '../../../../platform/versioning.ts';
import { registryPolicy } from '../../policy.ts';
import { systems, systemUnits } from '../schema.ts';
import { systemRoles } from './schema.ts';

// The rules of system roles: the only writer of ./schema.ts. A role is in effect from validFrom
// to validTo (both days included, in Stockholm); while it is, it holds a platform grant in the
// system's scope, granted and revoked in the same transaction as the change that starts or ends
// it, and by the daily job (./job.ts) as dates pass. Several roles of one person for one system
// can need the same platform role (systemägare and produktägare both hold systemOwner): the grant
// is shared, and revoked only when none of them is in effect any more.

export type SystemRoleRow = typeof systemRoles.$inferSelect;

/** Today's date in Stockholm, `YYYY-MM-DD`: the day the dates of roles are compared with. */
export function stockholmToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}

/** validFrom ≤ day ≤ validTo (open-ended without validTo); ISO dates compare as text. */
export function inEffectOn(role: { validFrom: string; validTo: string | null }, day: string): boolean {
  return role.validFrom <= day && (role.validTo === null || role.validTo >= day);
}

/** The same as SQL on the roles table, for lists and the job. */
function inEffectSql(day: string): SQL {
  return sql`(${systemRoles.validFrom} <= ${day}::date and (${systemRoles.validTo} is null or ${systemRoles.validTo} >= ${day}::date))`;
}

const personName = sql<string>`${people.givenName} || ' ' || ${people.familyName}`;
/** Archived, or inactive: either way the person no longer answers for anything. */
const personGone = sql<boolean>`(${people.archivedAt} is not null or not ${people.active})`;

// ---------------------------------------------------------------- sync with the platform's grants

interface Loaded {
  role: SystemRoleRow;
  systemName: string;
  systemArchived: boolean;
  personArchived: boolean;
}

/**
 * Makes the platform grants agree with the roles of these systems or people on `day`: a grant for
 * every (person, system, platform role) that an in-effect role needs, none where no role does.
 * All roles of each (person, system) pair are loaded (by system or by person), so a shared grant
 * is revoked only when none of them needs it.
 */
export async function syncRoles(
  s: TenantScope,
  day: string,
  which: { systemIds?: readonly string[]; personIds?: readonly string[] },
): Promise<void> {
  const conditions = [
    which.systemIds?.length ? inArray(systemRoles.systemId, [...which.systemIds]) : undefined,
    which.personIds?.length ? inArray(systemRoles.personId, [...which.personIds]) : undefined,
  ].filter(Boolean) as SQL[];
  if (conditions.length === 0) return;
  const rows: Loaded[] = await s.tx
    .select({
      role: systemRoles,
      systemName: systems.name,
      systemArchived: sql<boolean>`${systems.archivedAt} is not null`,
      personArchived: sql<boolean>`${people.archivedAt} is not null`,
    })
    .from(systemRoles)
    .innerJoin(systems, and(eq(systems.tenantId, systemRoles.tenantId), eq(systems.id, systemRoles.systemId)))
    .innerJoin(people, and(eq(people.tenantId, systemRoles.tenantId), eq(people.id, systemRoles.personId)))
    .where(s.where(systemRoles, or(...conditions)))
    .orderBy(asc(systemRoles.id));
  const groups = new Map<string, Loaded[]>();
  for (const r of rows) {
    const key = `${r.role.personId}|${r.role.systemId}|${platformRoleOf[r.role.kind as SystemRoleKind]}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  // A person archived or a system archived holds nothing (the directory refuses a grant to an
  // archived person); the role stays, shown as a gap, until someone is appointed.
  const holds = (r: Loaded) => inEffectOn(r.role, day) && !r.personArchived && !r.systemArchived;
  for (const group of groups.values()) {
    const first = group[0]!.role;
    const needed = group.some(holds);
    let grantId: string | null = null;
    if (needed) {
      const grant = await grantInScope(s, {
        personId: first.personId,
        role: platformRoleOf[first.kind as SystemRoleKind],
        scope: 'system',
        scopeId: first.systemId,
        scopeName: group[0]!.systemName,
      });
      grantId = grant.id;
    } else {
      for (const id of new Set(group.map((r) => r.role.grantId).filter((g): g is string => g !== null)))
        await revokeInScope(s, id);
    }
    for (const r of group) {
      const want = holds(r) ? grantId : null;
      if (r.role.grantId === want) continue;
      await s.update(systemRoles, { grantId: want }, eq(systemRoles.id, r.role.id));
      await s.audit({
        entity: 'systemRole',
        entityId: r.role.id,
        action: want ? 'take-effect' : 'lapse',
        before: { grantId: r.role.grantId },
        after: { grantId: want },
      });
    }
  }
}

/**
 * The daily job's work: every role whose dates (or person, or system) say it should hold a grant
 * and does not, or holds one it should not, is synced, tenant by tenant. `day` is today in
 * Stockholm unless a test gives another.
 */
export async function syncAllRoles(db: Database, day = stockholmToday()): Promise<number> {
  const result = await db.execute(sql`
    select distinct r.tenant_id, r.person_id
    from registry_system_roles r
    join people p on p.tenant_id = r.tenant_id and p.id = r.person_id
    join registry_systems s on s.tenant_id = r.tenant_id and s.id = r.system_id
    left join role_assignments g on g.tenant_id = r.tenant_id and g.id = r.grant_id
    where (
      (r.valid_from <= ${day}::date and (r.valid_to is null or r.valid_to >= ${day}::date)
        and p.archived_at is null and s.archived_at is null)
      and (r.grant_id is null or g.revoked_at is not null)
    ) or (
      not (r.valid_from <= ${day}::date and (r.valid_to is null or r.valid_to >= ${day}::date)
        and p.archived_at is null and s.archived_at is null)
      and r.grant_id is not null
    )`);
  const byTenant = new Map<string, string[]>();
  for (const r of rowsOf<{ tenant_id: string; person_id: string }>(result))
    byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), r.person_id]);
  let people = 0;
  for (const [tenantId, personIds] of byTenant) {
    await inTenant(db, systemActor(tenantId, 'Systemroller'), (s) => syncRoles(s, day, { personIds }));
    people += personIds.length;
  }
  return people;
}

/** Syncs one person's roles now (after the directory archived them, in the demo and tests). */
export function syncPersonRoles(db: Database, actor: Actor, personId: string, day = stockholmToday()) {
  return inTenant(db, actor, (s) => syncRoles(s, day, { personIds: [personId] }));
}

// ---------------------------------------------------------------- writes

async function lockSystem(s: TenantScope, systemId: string) {
  const system = await lockRow(s, systems, systemId);
  if (!system) throw problems.notFound('system');
  if (system.archivedAt) throw problems.conflict('The system is archived; restore it first');
  return system;
}

/** Refuses a second role of the same kind for the same person and system on overlapping dates. */
async function checkOverlap(
  s: TenantScope,
  role: {
    id?: string;
    systemId: string;
    kind: string;
    personId: string;
    validFrom: string;
    validTo: string | null;
  },
) {
  const [clash] = await s.tx
    .select({ id: systemRoles.id })
    .from(systemRoles)
    .where(
      s.where(
        systemRoles,
        eq(systemRoles.systemId, role.systemId),
        eq(systemRoles.kind, role.kind),
        eq(systemRoles.personId, role.personId),
        role.id ? sql`${systemRoles.id} <> ${role.id}` : undefined,
        sql`(${systemRoles.validTo} is null or ${systemRoles.validTo} >= ${role.validFrom}::date)`,
        role.validTo ? sql`${systemRoles.validFrom} <= ${role.validTo}::date` : undefined,
      ),
    )
    .limit(1);
  if (clash)
    throw problems.conflict('The person already holds this role for the system on these dates', [
      { path: 'body.personId', message: 'The person already holds this role for the system on these dates' },
    ]);
}

/** Produktägare and produktförvaltare belong to products the municipality develops itself. */
function checkKindFits(kind: string, ownDeveloped: boolean, field = 'body.kind') {
  if (!ownDeveloped && (kind === 'productOwner' || kind === 'productManager'))
    throw problems.field(field, 'Only an own-developed system has a product owner or product manager');
}

function checkDates(validFrom: string, validTo: string | null) {
  if (validTo !== null && validTo < validFrom)
    throw problems.field('body.validTo', 'Must not be before the first day');
}

export function createRole(
  db: Database,
  actor: Actor,
  systemId: string,
  input: SystemRoleCreate,
  day = stockholmToday(),
): Promise<SystemRoleRow> {
  return inTenant(db, actor, async (s) => {
    const system = await lockSystem(s, systemId);
    if (!registryPolicy.manageRoles(actor, systemId)) throw problems.forbidden();
    checkKindFits(input.kind, system.ownDeveloped);
    const [person] = await s.tx
      .select({ id: people.id, archivedAt: people.archivedAt })
      .from(people)
      .where(s.where(people, eq(people.id, input.personId)));
    if (!person || person.archivedAt) throw problems.field('body.personId', 'No such active person');
    const validFrom = input.validFrom ?? day;
    const validTo = input.validTo ?? null;
    checkDates(validFrom, validTo);
    await checkOverlap(s, { systemId, kind: input.kind, personId: input.personId, validFrom, validTo });
    const [row] = await s
      .insert(systemRoles, {
        id: newId(),
        systemId,
        kind: input.kind,
        personId: input.personId,
        validFrom,
        validTo,
        note: input.note || null,
      })
      .returning();
    await s.audit({ entity: 'systemRole', entityId: row!.id, action: 'create', after: row });
    await syncRoles(s, day, { systemIds: [systemId] });
    return (await lockRow(s, systemRoles, row!.id))!;
  });
}

/**
 * Appoints many roles in one transaction (demo data, imports): each person must be active in the
 * tenant, and the grants are synced once for all the systems at the end.
 */
export function appointRoles(
  db: Database,
  actor: Actor,
  entries: readonly (SystemRoleCreate & { systemId: string })[],
  day = stockholmToday(),
): Promise<SystemRoleRow[]> {
  return inTenant(db, actor, (s) => appointRolesIn(s, entries, day));
}

/** appointRoles inside the caller's transaction (an import writes its systems and roles as one). */
export async function appointRolesIn(
  s: TenantScope,
  entries: readonly (SystemRoleCreate & { systemId: string })[],
  day = stockholmToday(),
): Promise<SystemRoleRow[]> {
  if (!registryPolicy.manage(s.actor)) throw problems.forbidden();
  const personIds = [...new Set(entries.map((e) => e.personId))];
  const active = new Set(
    personIds.length
      ? (
          await s.tx
            .select({ id: people.id })
            .from(people)
            .where(s.where(people, inArray(people.id, personIds), isNull(people.archivedAt)))
        ).map((p) => p.id)
      : [],
  );
  const systemIds = [...new Set(entries.map((e) => e.systemId))];
  const ownDeveloped = new Map(
    (
      await s.tx
        .select({ id: systems.id, ownDeveloped: systems.ownDeveloped })
        .from(systems)
        .where(s.where(systems, inArray(systems.id, systemIds), isNull(systems.archivedAt)))
    ).map((r) => [r.id, r.ownDeveloped]),
  );
  entries.forEach((e, i) => {
    if (!ownDeveloped.has(e.systemId)) throw problems.field(`body.${i}.systemId`, 'No such active system');
    checkKindFits(e.kind, ownDeveloped.get(e.systemId)!, `body.${i}.kind`);
    if (!active.has(e.personId)) throw problems.field(`body.${i}.personId`, 'No such active person');
    checkDates(e.validFrom ?? day, e.validTo ?? null);
  });
  const rows = await s.insertMany(
    systemRoles,
    entries.map((e) => ({
      id: newId(),
      systemId: e.systemId,
      kind: e.kind,
      personId: e.personId,
      validFrom: e.validFrom ?? day,
      validTo: e.validTo ?? null,
      note: e.note || null,
    })),
    { audit: 'systemRole' },
  );
  await syncRoles(s, day, { systemIds });
  return rows;
}

/** Locks a role for a change by someone who may manage the roles of its system. */
async function lockRole(s: TenantScope, id: string, version: number) {
  const before = await lockRow(s, systemRoles, id);
  if (!before) throw problems.notFound('system role');
  if (!registryPolicy.manageRoles(s.actor, before.systemId)) throw problems.forbidden();
  assertVersion(before, version, 'system role');
  if (before.endedAt) throw problems.conflict('The role has ended');
  await lockSystem(s, before.systemId);
  return before;
}

export function updateRole(
  db: Database,
  actor: Actor,
  id: string,
  input: SystemRoleUpdate,
  day = stockholmToday(),
): Promise<SystemRoleRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRole(s, id, input.version);
    const validFrom = input.validFrom ?? before.validFrom;
    const validTo = input.validTo === undefined ? before.validTo : input.validTo;
    checkDates(validFrom, validTo);
    await checkOverlap(s, { ...before, validFrom, validTo });
    const [after] = await s
      .update(
        systemRoles,
        {
          validFrom,
          validTo,
          ...(input.note !== undefined ? { note: input.note || null } : {}),
          version: before.version + 1,
          updatedAt: new Date(),
        },
        eq(systemRoles.id, id),
      )
      .returning();
    await s.audit({ entity: 'systemRole', entityId: id, action: 'update', before, after });
    await syncRoles(s, day, { systemIds: [before.systemId] });
    return (await lockRow(s, systemRoles, id))!;
  });
}

/** Ends a role: its last day is `endsOn` (today by default); a future day keeps it until then. */
export function endRole(
  db: Database,
  actor: Actor,
  id: string,
  input: SystemRoleEnd,
  day = stockholmToday(),
): Promise<SystemRoleRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRole(s, id, input.version);
    const endsOn = input.endsOn ?? day;
    // Ended before it began (a future appointment called off): it never takes effect.
    const [after] = await s
      .update(
        systemRoles,
        { validTo: endsOn, endedAt: new Date(), version: before.version + 1, updatedAt: new Date() },
        eq(systemRoles.id, id),
      )
      .returning();
    await s.audit({ entity: 'systemRole', entityId: id, action: 'end', before, after });
    await syncRoles(s, day, { systemIds: [before.systemId] });
    return (await lockRow(s, systemRoles, id))!;
  });
}

// ---------------------------------------------------------------- reads

export interface RoleView {
  role: SystemRoleRow;
  systemName: string;
  personName: string;
  personArchived: boolean;
}

/** A system's roles (past, present and future), the IT-samordnare of its using units, direct grants and gaps. */
export async function rolesOfSystem(db: Database, actor: Actor, systemId: string, day = stockholmToday()) {
  const s = readScope(db, actor);
  const [system] = await db
    .select({ id: systems.id, name: systems.name })
    .from(systems)
    .where(s.where(systems, eq(systems.id, systemId)));
  if (!system) throw problems.notFound('system');
  const roleRows = await db
    .select({ role: systemRoles, personName, personArchived: personGone })
    .from(systemRoles)
    .innerJoin(people, and(eq(people.tenantId, systemRoles.tenantId), eq(people.id, systemRoles.personId)))
    .where(s.where(systemRoles, eq(systemRoles.systemId, systemId)))
    .orderBy(asc(systemRoles.kind), asc(systemRoles.validFrom), asc(systemRoles.id));
  const roles: RoleView[] = roleRows.map((r) => ({ ...r, systemName: system.name }));

  // Each using unit with the IT-samordnare granted on it or on a unit above it, nearest first.
  const coordinatorRows = rowsOf<{
    unit_id: string;
    unit_name: string;
    via_id: string;
    via_name: string;
    person_id: string | null;
    person_name: string | null;
  }>(
    await db.execute(sql`
      with recursive up(unit_id, via_id, depth) as (
        select su.unit_id, su.unit_id, 0 from ${systemUnits} su
        where su.tenant_id = ${actor.tenantId} and su.system_id = ${systemId}
        union all
        select up.unit_id, u.parent_id, up.depth + 1 from up
        join ${units} u on u.tenant_id = ${actor.tenantId} and u.id = up.via_id
        where u.parent_id is not null and up.depth < 50
      )
      select up.unit_id, uu.name as unit_name, up.via_id, vu.name as via_name,
             p.id as person_id, p.given_name || ' ' || p.family_name as person_name
      from up
      join ${units} uu on uu.tenant_id = ${actor.tenantId} and uu.id = up.unit_id
      join ${units} vu on vu.tenant_id = ${actor.tenantId} and vu.id = up.via_id
      left join ${roleAssignments} g on g.tenant_id = ${actor.tenantId} and g.role = 'itCoordinator'
        and g.scope = 'unit' and g.scope_id = up.via_id and g.revoked_at is null
      left join ${people} p on p.tenant_id = ${actor.tenantId} and p.id = g.person_id
        and p.archived_at is null
      order by uu.sort_name, up.unit_id, up.depth, p.sort_name`),
  );
  const byUnit = new Map<
    string,
    {
      unitId: string;
      unitName: string;
      people: { personId: string; personName: string; viaUnitId: string; viaUnitName: string }[];
    }
  >();
  for (const r of coordinatorRows) {
    const unit = byUnit.get(r.unit_id) ?? { unitId: r.unit_id, unitName: r.unit_name, people: [] };
    byUnit.set(r.unit_id, unit);
    if (r.person_id && !unit.people.some((p) => p.personId === r.person_id))
      unit.people.push({
        personId: r.person_id,
        personName: r.person_name!,
        viaUnitId: r.via_id,
        viaUnitName: r.via_name,
      });
  }

  const held = roles.map((r) => r.role.grantId).filter((g): g is string => g !== null);
  const direct = await db
    .select({ grant: roleAssignments, personName, personArchived: personGone })
    .from(roleAssignments)
    .innerJoin(
      people,
      and(eq(people.tenantId, roleAssignments.tenantId), eq(people.id, roleAssignments.personId)),
    )
    .where(
      s.where(
        roleAssignments,
        eq(roleAssignments.scope, 'system'),
        eq(roleAssignments.scopeId, systemId),
        isNull(roleAssignments.revokedAt),
        held.length ? notInArray(roleAssignments.id, held) : undefined,
      ),
    )
    .orderBy(asc(roleAssignments.role), asc(roleAssignments.id));

  return {
    roles,
    itCoordinators: [...byUnit.values()],
    directGrants: direct.map((d) => ({
      grantId: d.grant.id,
      role: d.grant.role,
      personId: d.grant.personId,
      personName: d.personName,
      personArchived: d.personArchived,
      direct: true as const,
    })),
    gaps: gapsOf(roles, day),
  };
}

/** The required kinds that no role in effect on `day`, of a person still here, holds. */
export function gapsOf(roles: readonly RoleView[], day: string) {
  return requiredRoleKinds.filter(
    (kind) => !roles.some((r) => r.role.kind === kind && inEffectOn(r.role, day) && !r.personArchived),
  );
}

export async function getRole(db: Database, actor: Actor, id: string): Promise<RoleView> {
  const s = readScope(db, actor);
  const [row] = await db
    .select({ role: systemRoles, systemName: systems.name, personName, personArchived: personGone })
    .from(systemRoles)
    .innerJoin(systems, and(eq(systems.tenantId, systemRoles.tenantId), eq(systems.id, systemRoles.systemId)))
    .innerJoin(people, and(eq(people.tenantId, systemRoles.tenantId), eq(people.id, systemRoles.personId)))
    .where(s.where(systemRoles, eq(systemRoles.id, id)));
  if (!row) throw problems.notFound('system role');
  return row;
}

export interface ResponsibilityRow {
  systemId: string;
  systemName: string;
  sortName: string;
  owningUnitId: string | null;
  owningUnitName: string | null;
  kind: SystemRoleKind;
  roleId: string | null;
  personId: string | null;
  personName: string | null;
  personArchived: boolean;
  validFrom: string | null;
  validTo: string | null;
  gap: boolean;
}

const kindRank = sql.raw(
  `case k.kind ${requiredRoleKinds.map((k, i) => `when '${k}' then ${i}`).join(' ')} else 9 end`,
);

/**
 * Who answers for what: the roles in effect today (or all, with includeInactive) on active
 * systems, by system name then kind; with `gaps`, instead the required roles no one active holds,
 * one row per system and kind (with the person who has left, where one still holds it).
 */
export async function listResponsibilities(
  db: Database,
  actor: Actor,
  query: Partial<SystemRoleListQuery> & { limit: number },
  day = stockholmToday(),
): Promise<{ items: ResponsibilityRow[]; nextCursor: string | null }> {
  const s = readScope(db, actor);
  const after = decodeCursor(query.cursor, 4) as [string, string, string, string] | undefined;
  if (query.gaps) {
    const kinds = query.kind ? requiredRoleKinds.filter((k) => k === query.kind) : [...requiredRoleKinds];
    if (kinds.length === 0) return { items: [], nextCursor: null };
    const values = sql.join(
      kinds.map((k) => sql`(${k})`),
      sql`, `,
    );
    const rows = rowsOf<{
      system_id: string;
      system_name: string;
      sort_name: string;
      owning_unit_id: string | null;
      owning_unit_name: string | null;
      kind: SystemRoleKind;
      rank: number;
      role_id: string | null;
      person_id: string | null;
      person_name: string | null;
      valid_from: string | null;
      valid_to: string | null;
    }>(
      await db.execute(sql`
        select s.id as system_id, s.name as system_name, s.sort_name, s.owning_unit_id,
               ou.name as owning_unit_name, k.kind, ${kindRank} as rank,
               left_role.id as role_id, left_role.person_id, left_role.person_name,
               left_role.valid_from::text as valid_from, left_role.valid_to::text as valid_to
        from ${systems} s
        cross join (values ${values}) as k(kind)
        left join ${units} ou on ou.tenant_id = s.tenant_id and ou.id = s.owning_unit_id
        left join lateral (
          select r.id, r.person_id, p.given_name || ' ' || p.family_name as person_name, r.valid_from, r.valid_to
          from ${systemRoles} r join ${people} p on p.tenant_id = r.tenant_id and p.id = r.person_id
          where r.tenant_id = s.tenant_id and r.system_id = s.id and r.kind = k.kind
            and r.valid_from <= ${day}::date and (r.valid_to is null or r.valid_to >= ${day}::date)
          order by r.valid_from desc limit 1
        ) left_role on true
        where s.tenant_id = ${actor.tenantId} and s.archived_at is null and s.phase <> 'retired'
          ${query.unitId ? sql`and s.owning_unit_id = ${query.unitId}` : sql``}
          ${query.personId ? sql`and left_role.person_id = ${query.personId}` : sql``}
          and not exists (
            select 1 from ${systemRoles} r join ${people} p on p.tenant_id = r.tenant_id and p.id = r.person_id
            where r.tenant_id = s.tenant_id and r.system_id = s.id and r.kind = k.kind
              and r.valid_from <= ${day}::date and (r.valid_to is null or r.valid_to >= ${day}::date)
              and p.archived_at is null and p.active
          )
          ${
            after
              ? sql`and (s.sort_name, s.id::text, ${kindRank}::text) > (${after[0]}, ${after[1]}, ${after[2]})`
              : sql``
          }
        order by s.sort_name, s.id::text, ${kindRank}
        limit ${query.limit + 1}`),
    );
    const page = toPage(rows, query.limit, (r) => [r.sort_name, r.system_id, String(r.rank), r.kind]);
    return {
      items: page.items.map((r) => ({
        systemId: r.system_id,
        systemName: r.system_name,
        sortName: r.sort_name,
        owningUnitId: r.owning_unit_id,
        owningUnitName: r.owning_unit_name,
        kind: r.kind,
        roleId: r.role_id,
        personId: r.person_id,
        personName: r.person_name,
        personArchived: r.role_id !== null,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        gap: true,
      })),
      nextCursor: page.nextCursor,
    };
  }
  const rows = await db
    .select({
      role: systemRoles,
      systemName: systems.name,
      sortName: systems.sortName,
      owningUnitId: systems.owningUnitId,
      owningUnitName: units.name,
      personName,
      personArchived: personGone,
    })
    .from(systemRoles)
    .innerJoin(systems, and(eq(systems.tenantId, systemRoles.tenantId), eq(systems.id, systemRoles.systemId)))
    .innerJoin(people, and(eq(people.tenantId, systemRoles.tenantId), eq(people.id, systemRoles.personId)))
    .leftJoin(units, and(eq(units.tenantId, systems.tenantId), eq(units.id, systems.owningUnitId)))
    .where(
      s.where(
        systemRoles,
        isNull(systems.archivedAt),
        query.includeInactive ? undefined : inEffectSql(day),
        query.personId ? eq(systemRoles.personId, query.personId) : undefined,
        query.unitId ? eq(systems.owningUnitId, query.unitId) : undefined,
        query.kind ? eq(systemRoles.kind, query.kind) : undefined,
        after
          ? sql`(${systems.sortName}, ${systems.id}::text, ${systemRoles.kind}, ${systemRoles.id}::text) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]})`
          : undefined,
      ),
    )
    .orderBy(sql`${systems.sortName}, ${systems.id}::text, ${systemRoles.kind}, ${systemRoles.id}::text`)
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.sortName, r.role.systemId, r.role.kind, r.role.id]);
  return {
    items: page.items.map((r) => ({
      systemId: r.role.systemId,
      systemName: r.systemName,
      sortName: r.sortName,
      owningUnitId: r.owningUnitId,
      owningUnitName: r.owningUnitName,
      kind: r.role.kind as SystemRoleKind,
      roleId: r.role.id,
      personId: r.role.personId,
      personName: r.personName,
      personArchived: r.personArchived,
      validFrom: r.role.validFrom,
      validTo: r.role.validTo,
      gap: r.personArchived && (requiredRoleKinds as readonly string[]).includes(r.role.kind),
    })),
    nextCursor: page.nextCursor,
  };
}

/** The ids of systems the person answers for today (a role in effect), for the systems list filter. */
export function answersForSql(personId: unknown, day: unknown = stockholmToday()): SQL {
  return sql`exists (select 1 from ${systemRoles} where ${systemRoles.tenantId} = ${systems.tenantId} and ${systemRoles.systemId} = ${systems.id} and ${systemRoles.personId} = ${personId} and ${systemRoles.validFrom} <= ${day}::date and (${systemRoles.validTo} is null or ${systemRoles.validTo} >= ${day}::date))`;
}

/** Systems where the person holds a role today and which need attention: a gap, or phasing out. */
export async function systemsNeedingAttention(db: Database, actor: Actor, day = stockholmToday()) {
  if (!actor.personId) return [];
  const s = readScope(db, actor);
  const mine = await db
    .select({ id: systems.id, name: systems.name, phase: systems.phase, phaseOutFrom: systems.phaseOutFrom })
    .from(systems)
    .where(s.where(systems, isNull(systems.archivedAt), answersForSql(actor.personId, day)))
    .orderBy(asc(systems.sortName));
  if (mine.length === 0) return [];
  const roleRows = await db
    .select({ role: systemRoles, personName, personArchived: personGone })
    .from(systemRoles)
    .innerJoin(people, and(eq(people.tenantId, systemRoles.tenantId), eq(people.id, systemRoles.personId)))
    .where(
      s.where(
        systemRoles,
        inArray(
          systemRoles.systemId,
          mine.map((m) => m.id),
        ),
        inEffectSql(day),
      ),
    );
  return mine.flatMap((system) => {
    const gaps = gapsOf(
      roleRows.filter((r) => r.role.systemId === system.id).map((r) => ({ ...r, systemName: system.name })),
      day,
    );
    const phaseOut = system.phase === 'phaseOut';
    return gaps.length > 0 || phaseOut ? [{ ...system, gaps, phaseOut }] : [];
  });
}

const kindNames: Record<SystemRoleKind, string> = {
  systemOwner: 'Systemägare',
  systemManager: 'Systemförvaltare',
  operationsOwner: 'Systemdriftsansvarig',
  supplierOperationsOwner: 'Systemdriftsansvarig hos leverantören',
  productOwner: 'Produktägare',
  productManager: 'Produktförvaltare',
};

/** The Swedish name of a kind of role, for the audit trail and the start page. */
export const kindName = (kind: string) => kindNames[kind as SystemRoleKind] ?? kind;

/** Names and links of system roles for the audit trail: "Systemägare Anna Berg, Ekonomisystem". */
export async function systemRoleRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ role: systemRoles, systemName: systems.name, personName })
    .from(systemRoles)
    .innerJoin(systems, and(eq(systems.tenantId, systemRoles.tenantId), eq(systems.id, systemRoles.systemId)))
    .innerJoin(people, and(eq(people.tenantId, systemRoles.tenantId), eq(people.id, systemRoles.personId)))
    .where(and(eq(systemRoles.tenantId, tenantId), inArray(systemRoles.id, [...ids])));
  return new Map(
    rows.map((r) => [
      r.role.id,
      {
        id: r.role.id,
        name: `${kindName(r.role.kind)} ${r.personName}, ${r.systemName}`,
        href: `/systems/${r.role.systemId}`,
        archived: r.role.endedAt !== null,
      },
    ]),
  );
}
