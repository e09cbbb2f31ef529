import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { GroupCreate, GroupListQuery, GroupUpdate } from '../../../../shared/desk/groups.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people } from '../../../platform/directory/schema.ts';
import {
  activeGrants,
  grantInScope,
  revokeInScope,
  type ScopeHolder,
  scopeHolders,
} from '../../../platform/directory/service.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { sortNameCursor, toPage } from '../../../platform/pagination.ts';
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { suppliers } from '../../registry/suppliers/schema.ts';
import { checkSupplier } from '../../registry/suppliers/service.ts';
import { systems } from '../../registry/systems/schema.ts';
import { groups } from './schema.ts';

// The rules of desk groups: the only writer of ./schema.ts. A group's members are the people who
// hold `serviceDeskAgent` in its scope; adding and removing one is a grant or a revocation in the
// same transaction as its audit event (server/platform/directory grantInScope).

export type GroupRow = typeof groups.$inferSelect;
export type GroupView = GroupRow & {
  systemName: string | null;
  supplierName: string | null;
  leadName: string | null;
  memberCount: number;
};

export const AGENT = 'serviceDeskAgent' as const;
export const GROUP = 'group';

/** Checks the references a group's fields make: an active system, supplier and lead. */
async function checkReferences(s: TenantScope, input: Partial<GroupCreate>) {
  if (input.systemId) {
    const [row] = await s.tx
      .select({ id: systems.id })
      .from(systems)
      .where(s.where(systems, eq(systems.id, input.systemId), isNull(systems.archivedAt)));
    if (!row) throw problems.field('body.systemId', 'No such active system');
  }
  if (input.supplierId) await checkSupplier(s, input.supplierId, 'body.supplierId');
  if (input.leadId) {
    const [row] = await s.tx
      .select({ id: people.id })
      .from(people)
      .where(s.where(people, eq(people.id, input.leadId), isNull(people.archivedAt)));
    if (!row) throw problems.field('body.leadId', 'No such active person');
  }
}

/** A management group names its system and a supplier group its supplier. */
function checkKind(values: { kind: string; systemId?: string | null; supplierId?: string | null }) {
  if (values.kind === 'management' && !values.systemId)
    throw problems.field('body.systemId', 'A förvaltning group names its system');
  if (values.kind === 'supplier' && !values.supplierId)
    throw problems.field('body.supplierId', 'A supplier group names its supplier');
}

export function createGroup(db: Database, actor: Actor, input: GroupCreate): Promise<GroupRow> {
  return inTenant(db, actor, async (s) => {
    checkKind(input);
    await checkReferences(s, input);
    const [row] = await s.insert(groups, { id: newId(), ...input }).returning();
    await s.audit({ entity: 'deskGroup', entityId: row!.id, action: 'create', after: row });
    return row!;
  });
}

export function updateGroup(db: Database, actor: Actor, id: string, input: GroupUpdate): Promise<GroupRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, groups, id);
    assertVersion(before, input.version, 'deskGroup');
    if (before!.archivedAt) throw problems.conflict('The group is archived; restore it first');
    const { version, ...changes } = input;
    checkKind({ ...before!, ...definedOnly(changes) });
    await checkReferences(s, changes);
    const [after] = await s
      .update(
        groups,
        { ...definedOnly(changes), version: version + 1, updatedAt: new Date() },
        eq(groups.id, id),
      )
      .returning();
    await s.audit({ entity: 'deskGroup', entityId: id, action: 'update', before, after });
    return after!;
  });
}

export function archiveGroup(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) => archiveRow(s, groups, id, input, { entity: 'deskGroup', noun: 'group' }));
}

export function restoreGroup(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, (s) =>
    restoreRow(s, groups, id, { version }, { entity: 'deskGroup', noun: 'group' }),
  );
}

/** Groups with the names of what they refer to and their number of members. */
async function withNames(db: Executor, tenantId: string, rows: GroupRow[]): Promise<GroupView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [names, counts] = await Promise.all([
    db
      .select({
        id: groups.id,
        systemName: systems.name,
        supplierName: suppliers.name,
        leadGiven: people.givenName,
        leadFamily: people.familyName,
      })
      .from(groups)
      .leftJoin(systems, and(eq(systems.tenantId, groups.tenantId), eq(systems.id, groups.systemId)))
      .leftJoin(suppliers, and(eq(suppliers.tenantId, groups.tenantId), eq(suppliers.id, groups.supplierId)))
      .leftJoin(people, and(eq(people.tenantId, groups.tenantId), eq(people.id, groups.leadId)))
      .where(and(eq(groups.tenantId, tenantId), inArray(groups.id, ids))),
    scopeHolders(db, tenantId, AGENT, GROUP, ids),
  ]);
  const byId = new Map(names.map((n) => [n.id, n]));
  const members = new Map<string, number>();
  for (const m of counts) members.set(m.scopeId, (members.get(m.scopeId) ?? 0) + 1);
  return rows.map((row) => {
    const n = byId.get(row.id);
    return {
      ...row,
      systemName: n?.systemName ?? null,
      supplierName: n?.supplierName ?? null,
      leadName: n?.leadGiven ? `${n.leadGiven} ${n.leadFamily}` : null,
      memberCount: members.get(row.id) ?? 0,
    };
  });
}

export async function getGroup(db: Database, actor: Actor, id: string): Promise<GroupView> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(groups)
    .where(s.where(groups, eq(groups.id, id)));
  if (!row) throw problems.notFound('group');
  return (await withNames(db, actor.tenantId, [row]))[0]!;
}

export async function listGroups(db: Database, actor: Actor, query: GroupListQuery) {
  const s = readScope(db, actor);
  const { afterName, afterId } = sortNameCursor(query.cursor);
  const memberOf = query.memberId ? await groupsOfAgent(db, actor.tenantId, query.memberId) : undefined;
  if (memberOf && memberOf.length === 0) return { items: [], nextCursor: null };
  const rows = await db
    .select()
    .from(groups)
    .where(
      s.where(
        groups,
        query.includeArchived ? undefined : isNull(groups.archivedAt),
        query.kind ? eq(groups.kind, query.kind) : undefined,
        query.systemId ? eq(groups.systemId, query.systemId) : undefined,
        memberOf ? inArray(groups.id, memberOf) : undefined,
        query.search ? sql`${groups.name} ilike ${likePattern(query.search)}` : undefined,
        afterName !== undefined
          ? or(
              sql`${groups.sortName} > ${afterName}`,
              and(sql`${groups.sortName} = ${afterName}`, sql`${groups.id} > ${afterId}`),
            )
          : undefined,
      ),
    )
    .orderBy(asc(groups.sortName), asc(groups.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.sortName, r.id]);
  return { items: await withNames(db, actor.tenantId, page.items), nextCursor: page.nextCursor };
}

/** The groups a person is an agent of: their grants in group scopes. */
async function groupsOfAgent(db: Database, tenantId: string, personId: string): Promise<string[]> {
  const grants = (await activeGrants(db, tenantId, [personId])).get(personId) ?? [];
  return grants.filter((g) => g.role === AGENT && g.scope === GROUP && g.scopeId).map((g) => g.scopeId!);
}

export async function listMembers(db: Database, actor: Actor, id: string): Promise<ScopeHolder[]> {
  await getGroup(db, actor, id);
  return scopeHolders(db, actor.tenantId, AGENT, GROUP, [id]);
}

export function addMember(db: Database, actor: Actor, id: string, personId: string) {
  return inTenant(db, actor, async (s) => {
    const group = await lockRow(s, groups, id);
    if (!group) throw problems.notFound('group');
    if (group.archivedAt) throw problems.conflict('The group is archived; restore it first');
    const grant = await grantInScope(s, {
      personId,
      role: AGENT,
      scope: GROUP,
      scopeId: id,
      scopeName: group.name,
    });
    await s.audit({ entity: 'deskGroup', entityId: id, action: 'add-member', after: { personId } });
    return grant;
  });
}

export function removeMember(db: Database, actor: Actor, id: string, personId: string) {
  return inTenant(db, actor, async (s) => {
    const group = await lockRow(s, groups, id);
    if (!group) throw problems.notFound('group');
    const held = (await scopeHolders(s.tx, s.tenantId, AGENT, GROUP, [id])).filter(
      (h) => h.personId === personId,
    );
    if (held.length === 0) throw problems.notFound('member');
    for (const h of held) await revokeInScope(s, h.grantId);
    await s.audit({ entity: 'deskGroup', entityId: id, action: 'remove-member', before: { personId } });
  });
}

/** Refuses a group that is not active in the scope's tenant, naming the field. */
export async function checkGroup(s: TenantScope, id: string, field: string) {
  const [row] = await s.tx
    .select()
    .from(groups)
    .where(s.where(groups, eq(groups.id, id), isNull(groups.archivedAt)));
  if (!row) throw problems.field(field, 'No such active group');
  return row;
}

/** Names and links of groups by id (the audit trail, role scopes). */
export async function groupRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: groups.id, name: groups.name, archivedAt: groups.archivedAt })
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), inArray(groups.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/desk/groups/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}
