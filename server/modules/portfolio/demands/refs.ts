import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { units } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import type { RecordRef } from '../../../platform/seam.ts';
import type { TenantScope } from '../../../platform/tenancy.ts';
import { forumRefs } from '../../governance/forums/service.ts';
import { goalRefs } from '../../governance/goals/service.ts';
import { systemRefs } from '../../registry/systems/service.ts';

// Records of other modules a demand names (systems, goals, forums) and the directory's units,
// checked and named through their owners' ref functions, never their tables: one query per kind.

type Describe = (db: Executor, tenantId: string, ids: readonly string[]) => Promise<Map<string, RecordRef>>;

/** Refuses, naming the first such field, ids that are not active records of `describe` in the tenant. */
async function checkRefs(
  s: TenantScope,
  describe: Describe,
  items: { id: string; field: string }[],
  message: string,
) {
  if (items.length === 0) return;
  const found = await describe(
    s.tx,
    s.tenantId,
    items.map((i) => i.id),
  );
  for (const i of items)
    if (!found.get(i.id) || found.get(i.id)!.archived) throw problems.field(i.field, message);
}

export async function unitRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: units.id, name: units.name, archivedAt: units.archivedAt })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), inArray(units.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/units/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}

const listed = (ids: readonly string[], field: string) =>
  ids.map((id, i) => ({ id, field: `${field}.${i}` }));

export const checkSystemIds = (s: TenantScope, ids: readonly string[], field = 'body.systemIds') =>
  checkRefs(s, systemRefs, listed(ids, field), 'No such active system');
export const checkGoalIds = (s: TenantScope, ids: readonly string[], field = 'body.goalIds') =>
  checkRefs(s, goalRefs, listed(ids, field), 'No such goal');
export const checkUnitIds = (s: TenantScope, ids: readonly string[], field = 'body.affectedUnitIds') =>
  checkRefs(s, unitRefs, listed(ids, field), 'No such active unit');
export const checkForumIds = (s: TenantScope, items: { id: string; field: string }[]) =>
  checkRefs(s, forumRefs, items, 'No such active forum');

export async function checkUnit(s: TenantScope, id: string, field = 'body.unitId') {
  const [row] = await s.tx
    .select({ id: units.id })
    .from(units)
    .where(s.where(units, eq(units.id, id), isNull(units.archivedAt)));
  if (!row) throw problems.field(field, 'No such active unit');
}

export { forumRefs, goalRefs, systemRefs };
