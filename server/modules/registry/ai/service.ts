import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type {
  AiApplicationCreate,
  AiApplicationListQuery,
  AiApplicationSort,
  AiApplicationUpdate,
} from '../../../../shared/registry/ai.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
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
import {
  type ArchiveInput,
  archiveRow,
  guardUnique,
  lockRow,
  restoreRow,
} from '../../../platform/records.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { registryPolicy } from '../policy.ts';
import { systems } from '../systems/schema.ts';
import { aiApplications } from './schema.ts';

// The rules of the AI Act register: the only writer of ./schema.ts. Who may register and change an
// application is who may change its system (its systemägare and förvaltare, and the keepers).

export type AiApplicationRow = typeof aiApplications.$inferSelect;
export type AiApplicationWithSystem = AiApplicationRow & { systemName: string };

const withSystem = { row: aiApplications, systemName: systems.name };
const joinSystem = and(
  eq(systems.tenantId, aiApplications.tenantId),
  eq(systems.id, aiApplications.systemId),
);
const flatten = (r: { row: AiApplicationRow; systemName: string }) => ({
  ...r.row,
  systemName: r.systemName,
});

/** The columns each sort orders by, the application's name and id last: its keyset. */
const sortKeys: Record<AiApplicationSort, SortKey> = {
  name: { columns: [sql`${aiApplications.sortName}`, sql`${aiApplications.id}`], types: ['text', 'uuid'] },
  system: {
    columns: [sql`${systems.sortName}`, sql`${aiApplications.sortName}`, sql`${aiApplications.id}`],
    types: ['text', 'text', 'uuid'],
  },
  riskCategory: {
    columns: [sql`${aiApplications.riskRank}`, sql`${aiApplications.sortName}`, sql`${aiApplications.id}`],
    types: ['int', 'text', 'uuid'],
  },
  registrationStatus: {
    columns: [
      sql`${aiApplications.registrationRank}`,
      sql`${aiApplications.sortName}`,
      sql`${aiApplications.id}`,
    ],
    types: ['int', 'text', 'uuid'],
  },
};

export async function listAiApplications(
  db: Database,
  actor: Actor,
  query: Omit<AiApplicationListQuery, 'sort' | 'order'> &
    Partial<Pick<AiApplicationListQuery, 'sort' | 'order'>>,
) {
  const s = readScope(db, actor);
  const term = query.search ? likePattern(query.search) : undefined;
  const key = sortKeys[query.sort ?? 'name'];
  const desc = query.order === 'desc';
  const rows = await db
    .select({ ...withSystem, ...sortKeyFields(key) })
    .from(aiApplications)
    .innerJoin(systems, joinSystem)
    .where(
      s.where(
        aiApplications,
        query.includeArchived ? undefined : isNull(aiApplications.archivedAt),
        query.systemId ? eq(aiApplications.systemId, query.systemId) : undefined,
        query.riskCategory ? eq(aiApplications.riskCategory, query.riskCategory) : undefined,
        query.assessed === true ? isNotNull(aiApplications.riskCategory) : undefined,
        query.assessed === false ? isNull(aiApplications.riskCategory) : undefined,
        term
          ? or(
              sql`${aiApplications.name} ilike ${term}`,
              sql`${aiApplications.purpose} ilike ${term}`,
              sql`${systems.name} ilike ${term}`,
            )
          : undefined,
        afterKey(key, query.cursor, desc),
      ),
    )
    .orderBy(...keyOrder(key, desc))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(key, r));
  return { items: page.items.map(flatten), nextCursor: page.nextCursor };
}

export async function getAiApplication(
  db: Database,
  actor: Actor,
  id: string,
): Promise<AiApplicationWithSystem> {
  const s = readScope(db, actor);
  const [row] = await db
    .select(withSystem)
    .from(aiApplications)
    .innerJoin(systems, joinSystem)
    .where(s.where(aiApplications, eq(aiApplications.id, id)));
  if (!row) throw problems.notFound('AI application');
  return flatten(row);
}

async function activeSystem(s: TenantScope, systemId: string) {
  const [row] = await s.tx
    .select({ id: systems.id })
    .from(systems)
    .where(s.where(systems, eq(systems.id, systemId), isNull(systems.archivedAt)));
  if (!row) throw problems.field('body.systemId', 'No such active system');
}

type Assessment = Omit<AiApplicationCreate, 'systemId' | 'name'>;

/**
 * What the AI Act asks of the combination, naming the field: a high-risk use names its Annex III
 * area and, since the deployer is a public body, cannot waive the FRIA (Art. 27); other categories
 * name no area; a FRIA result has a date.
 */
function checkAssessment(a: Assessment) {
  if (a.riskCategory === 'high' && !a.highRiskArea)
    throw problems.field('body.highRiskArea', 'Name the Annex III area of a high-risk application');
  if (a.riskCategory !== 'high' && a.highRiskArea)
    throw problems.field('body.highRiskArea', 'Only a high-risk application has a high-risk area');
  if (a.riskCategory === 'high' && a.friaRequired === false)
    throw problems.field(
      'body.friaRequired',
      'A public body must assess fundamental rights before using a high-risk system',
    );
  if (a.friaResult && !a.friaOn) throw problems.field('body.friaOn', 'Give the date of the assessment');
  if ((a.friaOn || a.friaResult) && a.friaRequired === false)
    throw problems.field('body.friaRequired', 'An assessment was made: it cannot be not required');
}

const DUPLICATE = 'The system already has an active AI application of this name';

const may = (actor: Actor, systemId: string) => {
  if (!registryPolicy.editSystem(actor, systemId)) throw problems.forbidden();
};

const assessmentOf = (row: AiApplicationRow): Assessment => ({
  purpose: row.purpose,
  riskCategory: row.riskCategory as Assessment['riskCategory'],
  highRiskArea: row.highRiskArea as Assessment['highRiskArea'],
  motivation: row.motivation,
  friaRequired: row.friaRequired,
  friaOn: row.friaOn,
  friaResult: row.friaResult,
  transparency: row.transparency,
  humanOversight: row.humanOversight,
  registrationStatus: row.registrationStatus as Assessment['registrationStatus'],
});

export async function createAiApplication(db: Database, actor: Actor, input: AiApplicationCreate) {
  may(actor, input.systemId);
  checkAssessment(input);
  const id = await guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        await activeSystem(s, input.systemId);
        const [row] = await s.insert(aiApplications, { id: newId(), ...input }).returning();
        await s.audit({ entity: 'aiApplication', entityId: row!.id, action: 'create', after: row });
        return row!.id;
      }),
    'body.name',
    DUPLICATE,
  );
  return getAiApplication(db, actor, id);
}

export async function updateAiApplication(
  db: Database,
  actor: Actor,
  id: string,
  input: AiApplicationUpdate,
) {
  await guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        const before = await lockRow(s, aiApplications, id);
        assertVersion(before, input.version, 'AI application');
        may(actor, before!.systemId);
        if (before!.archivedAt) throw problems.conflict('The AI application is archived; restore it first');
        const { version, ...changes } = input;
        checkAssessment({ ...assessmentOf(before!), ...definedOnly(changes) });
        const [after] = await s
          .update(
            aiApplications,
            { ...definedOnly(changes), version: version + 1, updatedAt: new Date() },
            eq(aiApplications.id, id),
          )
          .returning();
        await s.audit({ entity: 'aiApplication', entityId: id, action: 'update', before, after });
      }),
    'body.name',
    DUPLICATE,
  );
  return getAiApplication(db, actor, id);
}

export async function archiveAiApplication(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  await inTenant(db, actor, (s) =>
    archiveRow(s, aiApplications, id, input, {
      entity: 'aiApplication',
      noun: 'AI application',
      check: (row) => may(actor, row.systemId),
    }),
  );
  return getAiApplication(db, actor, id);
}

export async function restoreAiApplication(db: Database, actor: Actor, id: string, version: number) {
  await guardUnique(
    () =>
      inTenant(db, actor, (s) =>
        restoreRow(
          s,
          aiApplications,
          id,
          { version },
          {
            entity: 'aiApplication',
            noun: 'AI application',
            check: (row) => may(actor, row.systemId),
          },
        ),
      ),
    'body',
    DUPLICATE,
  );
  return getAiApplication(db, actor, id);
}

/** Names and links of AI applications by id (the audit trail). */
export async function aiApplicationRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: aiApplications.id, name: aiApplications.name, archivedAt: aiApplications.archivedAt })
    .from(aiApplications)
    .where(and(eq(aiApplications.tenantId, tenantId), inArray(aiApplications.id, [...ids])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        href: `/ai-applications?q=${encodeURIComponent(r.name)}`,
        archived: r.archivedAt !== null,
      },
    ]),
  );
}
