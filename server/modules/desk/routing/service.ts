import { and, asc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import {
  type RoutingConditions,
  type RoutingPreview,
  type RoutingRuleCreate,
  type RoutingRuleUpdate,
  type RoutingSample,
  routingRuleCreate,
  routingSample,
} from '../../../../shared/desk/routing.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { unitAncestors } from '../../../platform/directory/service.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { decodeCursor, toPage } from '../../../platform/pagination.ts';
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { systems } from '../../registry/systems/schema.ts';
import { groups } from '../groups/schema.ts';
import { checkGroup } from '../groups/service.ts';
import { routingRules } from './schema.ts';

// The rules of routing: the only writer of ./schema.ts, and the one place that decides which group
// a new ticket goes to. The preview runs the very same function on a sample, so what an admin sees
// is what a ticket gets.

export type RuleRow = typeof routingRules.$inferSelect;

async function checkTarget(s: TenantScope, target: string, groupId: string | null | undefined) {
  if (target === 'group' && !groupId)
    throw problems.field('body.groupId', 'A rule to a group names the group');
  if (groupId) await checkGroup(s, groupId, 'body.groupId');
}

export function createRule(db: Database, actor: Actor, given: RoutingRuleCreate): Promise<RuleRow> {
  const input = routingRuleCreate.parse(given);
  return inTenant(db, actor, async (s) => {
    await checkTarget(s, input.target, input.groupId);
    // New rules go last. The tenant's rules are locked while the last position is read; two first
    // rules made at once may share a position, and are then ordered by id.
    await s.tx.execute(sql`select 1 from desk_routing_rules where tenant_id = ${s.tenantId} for update`);
    const [last] = await s.tx
      .select({ position: max(routingRules.position) })
      .from(routingRules)
      .where(s.where(routingRules));
    const [row] = await s
      .insert(routingRules, {
        id: newId(),
        position: (last?.position ?? 0) + 1,
        ...input,
        groupId: input.groupId ?? null,
      })
      .returning();
    await s.audit({ entity: 'routingRule', entityId: row!.id, action: 'create', after: row });
    return row!;
  });
}

export function updateRule(
  db: Database,
  actor: Actor,
  id: string,
  input: RoutingRuleUpdate,
): Promise<RuleRow> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, routingRules, id);
    assertVersion(before, input.version, 'routingRule');
    if (before!.archivedAt) throw problems.conflict('The rule is archived; restore it first');
    const { version, ...changes } = input;
    const target = changes.target ?? before!.target;
    const groupId = changes.groupId !== undefined ? changes.groupId : before!.groupId;
    await checkTarget(s, target, groupId);
    const [after] = await s
      .update(
        routingRules,
        { ...definedOnly(changes), version: version + 1, updatedAt: new Date() },
        eq(routingRules.id, id),
      )
      .returning();
    await s.audit({ entity: 'routingRule', entityId: id, action: 'update', before, after });
    return after!;
  });
}

export function archiveRule(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) =>
    archiveRow(s, routingRules, id, input, { entity: 'routingRule', noun: 'rule' }),
  );
}

export function restoreRule(db: Database, actor: Actor, id: string, version: number) {
  return inTenant(db, actor, (s) =>
    restoreRow(s, routingRules, id, { version }, { entity: 'routingRule', noun: 'rule' }),
  );
}

/** Puts the rules in a new order: every rule not archived, each once. */
export function reorderRules(db: Database, actor: Actor, ids: string[]) {
  return inTenant(db, actor, async (s) => {
    const rows = await s.tx
      .select({ id: routingRules.id, position: routingRules.position })
      .from(routingRules)
      .where(s.where(routingRules, isNull(routingRules.archivedAt)))
      .for('update');
    const known = new Set(rows.map((r) => r.id));
    if (new Set(ids).size !== ids.length) throw problems.field('body.ids', 'A rule is listed twice');
    if (ids.length !== known.size || ids.some((id) => !known.has(id)))
      throw problems.field('body.ids', 'List every rule that is not archived, once');
    const before = rows.map((r) => r.id);
    for (const [i, id] of ids.entries())
      await s.update(routingRules, { position: i + 1, updatedAt: new Date() }, eq(routingRules.id, id));
    await s.audit({
      entity: 'routingRule',
      entityId: ids[0]!,
      action: 'reorder',
      before: { order: before },
      after: { order: ids },
    });
  });
}

export async function getRule(db: Database, actor: Actor, id: string): Promise<RuleRow> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(routingRules)
    .where(s.where(routingRules, eq(routingRules.id, id)));
  if (!row) throw problems.notFound('rule');
  return row;
}

export async function listRules(
  db: Database,
  actor: Actor,
  query: { limit: number; cursor?: string; includeArchived: boolean },
) {
  const s = readScope(db, actor);
  const after = decodeCursor(query.cursor, 2) as [number, string] | undefined;
  const rows = await db
    .select()
    .from(routingRules)
    .where(
      s.where(
        routingRules,
        query.includeArchived ? undefined : isNull(routingRules.archivedAt),
        after
          ? sql`(${routingRules.position}, ${routingRules.id}) > (${after[0]}::integer, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(routingRules.position), asc(routingRules.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.position, r.id]);
}

/** The most specific active system the text names (by name, short name or product, as whole words). */
async function systemNamedIn(db: Executor, tenantId: string, text: string) {
  if (!text.trim()) return null;
  const result = await db.execute(sql`
    with doc as (select to_tsvector('simple', ${text}) as v)
    select s.id, s.name from ${systems} s, doc
    where s.tenant_id = ${tenantId} and s.archived_at is null and (
      doc.v @@ phraseto_tsquery('simple', s.name)
      or (s.short_name is not null and length(s.short_name) >= 3 and doc.v @@ phraseto_tsquery('simple', s.short_name))
      or (s.product is not null and doc.v @@ phraseto_tsquery('simple', s.product)))
    order by length(s.name) desc, s.id limit 1`);
  return rowsOf<{ id: string; name: string }>(result)[0] ?? null;
}

/** The active förvaltning group of a system. */
async function systemGroupOf(db: Executor, tenantId: string, systemId: string) {
  const [row] = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(
      and(
        eq(groups.tenantId, tenantId),
        eq(groups.systemId, systemId),
        eq(groups.kind, 'management'),
        isNull(groups.archivedAt),
      ),
    )
    .orderBy(asc(groups.sortName), asc(groups.id))
    .limit(1);
  return row ?? null;
}

/** The first line: where a ticket goes that no rule takes. */
async function firstLine(db: Executor, tenantId: string) {
  const [row] = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), eq(groups.kind, 'firstLine'), isNull(groups.archivedAt)))
    .orderBy(asc(groups.sortName), asc(groups.id))
    .limit(1);
  return row ?? null;
}

interface Facts {
  type: string;
  category: string | null;
  systemId: string | null;
  /** The unit and the units above it. */
  units: string[];
  text: string;
}

/** The first condition of a rule that does not hold, or null when all do. */
function failedCondition(c: RoutingConditions, f: Facts): string | null {
  if (c.types?.length && !c.types.includes(f.type as never)) return 'types';
  if (c.categories?.length && (!f.category || !c.categories.includes(f.category as never)))
    return 'categories';
  if (c.systemIds?.length && (!f.systemId || !c.systemIds.includes(f.systemId))) return 'systemIds';
  if (c.unitIds?.length && !c.unitIds.some((u) => f.units.includes(u))) return 'unitIds';
  if (c.keywords?.length && !c.keywords.some((k) => f.text.includes(k.toLocaleLowerCase('sv'))))
    return 'keywords';
  if (c.hasSystem !== undefined && c.hasSystem !== (f.systemId !== null)) return 'hasSystem';
  return null;
}

/**
 * Which group a ticket goes to: the first active rule that matches decides; a rule to the system's
 * förvaltning falls back to its own group, then to the next rule, when the system has no group.
 * With no rule, the first line. The system is looked for in the text when the ticket names none.
 */
export async function route(db: Executor, tenantId: string, given: RoutingSample): Promise<RoutingPreview> {
  const sample = routingSample.parse(given);
  const text = `${sample.title}\n${sample.description}`;
  const found = sample.systemId ? null : await systemNamedIn(db, tenantId, text);
  const systemId = sample.systemId ?? found?.id ?? null;
  const unitId = sample.unitId ?? null;
  const facts: Facts = {
    type: sample.type,
    category: sample.category ?? null,
    systemId,
    units: unitId ? [unitId, ...(await unitAncestors(db, tenantId, unitId))] : [],
    text: text.toLocaleLowerCase('sv'),
  };
  const rules = await db
    .select({ rule: routingRules, groupName: groups.name, groupArchived: groups.archivedAt })
    .from(routingRules)
    .leftJoin(groups, and(eq(groups.tenantId, routingRules.tenantId), eq(groups.id, routingRules.groupId)))
    .where(
      and(
        eq(routingRules.tenantId, tenantId),
        eq(routingRules.active, true),
        isNull(routingRules.archivedAt),
      ),
    )
    .orderBy(asc(routingRules.position), asc(routingRules.id));
  const trace: RoutingPreview['trace'] = [];
  const answer = (rule: RuleRow | null, group: { id: string; name: string } | null): RoutingPreview => ({
    ruleId: rule?.id ?? null,
    ruleName: rule?.name ?? null,
    groupId: group?.id ?? null,
    groupName: group?.name ?? null,
    systemId: found?.id ?? null,
    systemName: found?.name ?? null,
    trace,
  });
  for (const { rule, groupName, groupArchived } of rules) {
    let failed = failedCondition(rule.conditions, facts);
    let group: { id: string; name: string } | null = null;
    if (!failed) {
      if (rule.target === 'systemGroup' && systemId) group = await systemGroupOf(db, tenantId, systemId);
      if (!group && rule.groupId && groupName && !groupArchived)
        group = { id: rule.groupId, name: groupName };
      if (!group) failed = rule.target === 'systemGroup' ? 'systemGroup' : 'groupId';
    }
    trace.push({ ruleId: rule.id, name: rule.name, matched: !failed, failed });
    if (!failed) return answer(rule, group);
  }
  return answer(null, await firstLine(db, tenantId));
}

/** Names and links of rules by id (the audit trail). */
export async function ruleRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: routingRules.id, name: routingRules.name, archivedAt: routingRules.archivedAt })
    .from(routingRules)
    .where(and(eq(routingRules.tenantId, tenantId), inArray(routingRules.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: '/desk/routing', archived: r.archivedAt !== null },
    ]),
  );
}
