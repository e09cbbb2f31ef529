import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  type CapacityRules,
  defaultCapacity,
  defaultRouting,
  defaultScoring,
  type PortfolioSettingsUpdate,
  type RoutingRules,
  type ScoringCriterion,
} from '../../../../shared/portfolio/demands.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people, units } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { inTenant, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { checkForumIds } from './refs.ts';
import { demands, portfolioSettings } from './schema.ts';

// The tenant's portfolio settings: the scoring model (criteria with weights) and the decision
// routing rules (seed 003) and the key roles' capacity (the load view). A tenant that never changed them has the defaults, version 1. A new
// model rescores every demand of the tenant in one UPDATE, in the same transaction.

export interface PortfolioSettingsRow {
  scoring: ScoringCriterion[];
  routing: RoutingRules;
  capacity: CapacityRules;
  version: number;
  updatedAt: Date | null;
}

const defaults = (): PortfolioSettingsRow => ({
  scoring: defaultScoring,
  routing: defaultRouting,
  capacity: defaultCapacity,
  version: 1,
  updatedAt: null,
});

export async function portfolioSettingsOf(db: Executor, tenantId: string): Promise<PortfolioSettingsRow> {
  const [row] = await db.select().from(portfolioSettings).where(eq(portfolioSettings.tenantId, tenantId));
  return row ? stored(row) : defaults();
}

/** A stored row with what it leaves out filled in from the defaults. */
function stored(row: typeof portfolioSettings.$inferSelect): PortfolioSettingsRow {
  return {
    ...row,
    routing: { ...defaultRouting, ...row.routing },
    capacity: row.capacity ?? defaultCapacity,
  };
}

/** The stored score (hundredths of 0–100) of `ratings` under the model, as SQL over a demand row. */
export function scoreSql(criteria: readonly ScoringCriterion[]) {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) return sql`0`;
  const terms = sql.join(
    criteria.map(
      (c) =>
        sql`${c.weight} * least(5, greatest(0, coalesce((${demands.ratings} ->> ${c.key})::numeric, 0)))`,
    ),
    sql` + `,
  );
  return sql`round((${terms}) * 10000 / ${5 * total})::integer`;
}

async function checkRouting(s: TenantScope, routing: RoutingRules) {
  const forumIds = [
    { id: routing.shared.forumId, field: 'body.routing.shared.forumId' },
    { id: routing.business.forumId, field: 'body.routing.business.forumId' },
    ...routing.unitBodies.map((u, i) => ({ id: u.forumId, field: `body.routing.unitBodies.${i}.forumId` })),
  ].filter((f): f is { id: string; field: string } => !!f.id);
  await checkForumIds(s, forumIds);
  for (const [i, u] of routing.unitBodies.entries()) {
    const [row] = await s.tx
      .select({ id: units.id })
      .from(units)
      .where(s.where(units, eq(units.id, u.unitId)));
    if (!row) throw problems.field(`body.routing.unitBodies.${i}.unitId`, 'No such unit');
  }
  for (const key of ['shared', 'business'] as const)
    if (routing[key].forumId && routing[key].body?.trim())
      throw problems.field(`body.routing.${key}.body`, 'Name either a forum or an external body');
  if (routing.costThreshold !== null && !routing.costBody?.trim())
    throw problems.field('body.routing.costBody', 'Name the body that decides above the cost limit');
}

/** The settings with the names of the people given a capacity, as answered. */
export async function withCapacityNames(db: Executor, tenantId: string, row: PortfolioSettingsRow) {
  const ids = row.capacity.people.map((p) => p.personId);
  const names = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .select({ id: people.id, given: people.givenName, family: people.familyName })
            .from(people)
            .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)))
        ).map((r) => [r.id, `${r.given} ${r.family}`.trim()]),
  );
  const named = row.capacity.people.map((p) => ({ ...p, name: names.get(p.personId) ?? '' }));
  return { ...row, capacity: { ...row.capacity, people: named } };
}

/** Every person given a capacity is the tenant's (an archived one keeps theirs, and is harmless). */
async function checkCapacity(s: TenantScope, capacity: CapacityRules) {
  const ids = capacity.people.map((p) => p.personId);
  if (ids.length === 0) return;
  const found = new Set(
    (
      await s.tx
        .select({ id: people.id })
        .from(people)
        .where(s.where(people, inArray(people.id, ids)))
    ).map((r) => r.id),
  );
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw problems.field(`body.capacity.people.${missing}.personId`, 'No such person');
}

export function updatePortfolioSettings(db: Database, actor: Actor, input: PortfolioSettingsUpdate) {
  return inTenant(db, actor, async (s) => {
    const [row] = await s.tx.select().from(portfolioSettings).where(s.where(portfolioSettings)).for('update');
    const before = row ? stored(row) : defaults();
    assertVersion(before, input.version, 'portfolio settings');
    if (input.routing) await checkRouting(s, input.routing);
    if (input.capacity) await checkCapacity(s, input.capacity);
    const values = {
      scoring: input.scoring ?? before.scoring,
      routing: input.routing ?? before.routing,
      capacity: input.capacity ?? before.capacity,
      version: before.version + 1,
      updatedAt: new Date(),
    };
    const after = await s.saveSettings(portfolioSettings, { exists: !!row, version: before.version }, values);
    if (input.scoring) await s.update(demands, { score: scoreSql(input.scoring) as never });
    await s.audit({
      entity: 'portfolioSettings',
      entityId: s.tenantId,
      action: 'update',
      before: { scoring: before.scoring, routing: before.routing, capacity: before.capacity },
      after: { scoring: after.scoring, routing: after.routing, capacity: after.capacity },
    });
    return stored(after);
  });
}

export async function portfolioSettingsRefs(_db: Executor, tenantId: string, ids: readonly string[]) {
  return new Map(
    ids
      .filter((id) => id === tenantId)
      .map((id) => [
        id,
        { id, name: 'Inställningar för behov', href: '/portfolio/settings', archived: false },
      ]),
  );
}
