import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import {
  SAVED_FILTERS_MAX,
  type SavedFilterCreate,
  type SavedFilterUpdate,
  savedFilterCreate,
  savedFilterUpdate,
} from '../../../../shared/desk/filters.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { guardUnique } from '../../../platform/records.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { deskPolicy } from '../policy.ts';
import { savedFilters } from './schema.ts';

// Saved filters of the console: each agent's own, named list queries (status, type, group,
// assignee, priority, search, sort). Nobody else reads or changes them, admins included: another
// person's filter is as unknown as another tenant's (404).

export type SavedFilterRow = typeof savedFilters.$inferSelect;

const DUPLICATE = 'You have a saved filter of that name already';

function owner(actor: Actor): string {
  if (!actor.personId || !deskPolicy.agent(actor)) throw problems.forbidden('Saved filters are for agents');
  return actor.personId;
}

/** The actor's own filter, locked; 404 for anyone else's. */
async function lockOwn(s: TenantScope, id: string): Promise<SavedFilterRow> {
  const [row] = await s.tx
    .select()
    .from(savedFilters)
    .where(s.where(savedFilters, eq(savedFilters.id, id), eq(savedFilters.ownerId, owner(s.actor))))
    .for('update');
  if (!row) throw problems.notFound('saved filter');
  return row;
}

export async function listSavedFilters(db: Database, actor: Actor): Promise<SavedFilterRow[]> {
  const s = readScope(db, actor);
  return db
    .select()
    .from(savedFilters)
    .where(s.where(savedFilters, eq(savedFilters.ownerId, owner(actor))))
    .orderBy(asc(sql`lower(${savedFilters.name})`), asc(savedFilters.id))
    .limit(SAVED_FILTERS_MAX);
}

export function createSavedFilter(db: Database, actor: Actor, given: SavedFilterCreate) {
  const input = savedFilterCreate.parse(given);
  const ownerId = owner(actor);
  return guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        // Counted under a lock on the person's row of filters: parallel saves cannot pass the limit.
        await s.tx.execute(
          sql`select pg_advisory_xact_lock(hashtextextended(${`desk.saved-filters:${s.tenantId}:${ownerId}`}, 0))`,
        );
        const [had] = await s.tx
          .select({ n: count() })
          .from(savedFilters)
          .where(s.where(savedFilters, eq(savedFilters.ownerId, ownerId)));
        if (Number(had?.n ?? 0) >= SAVED_FILTERS_MAX)
          throw problems.conflict(`At most ${SAVED_FILTERS_MAX} saved filters each`);
        const [row] = await s
          .insert(savedFilters, { id: newId(), ownerId, name: input.name, query: input.query })
          .returning();
        await s.audit({ entity: 'savedFilter', entityId: row!.id, action: 'create', after: row });
        return row!;
      }),
    'body.name',
    DUPLICATE,
  );
}

export function updateSavedFilter(db: Database, actor: Actor, id: string, given: SavedFilterUpdate) {
  const input = savedFilterUpdate.parse(given);
  return guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        const before = await lockOwn(s, id);
        assertVersion(before, input.version, 'saved filter');
        const [after] = await s
          .update(
            savedFilters,
            {
              name: input.name ?? before.name,
              query: input.query ?? before.query,
              version: before.version + 1,
              updatedAt: new Date(),
            },
            eq(savedFilters.id, id),
          )
          .returning();
        await s.audit({ entity: 'savedFilter', entityId: id, action: 'update', before, after });
        return after!;
      }),
    'body.name',
    DUPLICATE,
  );
}

/** A saved filter is the person's own setting, not a public record: removing it deletes it. */
export function deleteSavedFilter(db: Database, actor: Actor, id: string) {
  return inTenant(db, actor, async (s) => {
    const before = await lockOwn(s, id);
    await s.tx.delete(savedFilters).where(s.where(savedFilters, eq(savedFilters.id, id)));
    await s.audit({ entity: 'savedFilter', entityId: id, action: 'delete', before });
  });
}

/** Names of saved filters for the audit trail (no page of their own: the console lists them). */
export async function savedFilterRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: savedFilters.id, name: savedFilters.name })
    .from(savedFilters)
    .where(and(eq(savedFilters.tenantId, tenantId), inArray(savedFilters.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, href: '/desk/console', archived: false }]));
}
