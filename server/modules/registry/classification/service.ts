import { addDays, addYears, format, parseISO } from 'date-fns';
import { and, asc, desc, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type {
  ClassificationCreate,
  ClassificationListQuery,
  ClassificationUpdate,
  ScaleCreate,
  ScaleLevels,
} from '../../../../shared/registry/classification.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import { scopesOf } from '../../../platform/authz.ts';
import type { Actor } from '../../../platform/context.ts';
import { isUniqueViolation, problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { decodeCursor, toPage } from '../../../platform/pagination.ts';
import {
  type ArchiveInput,
  archiveRow,
  guardUnique,
  lockRow,
  restoreRow,
} from '../../../platform/records.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { registryPolicy } from '../policy.ts';
import { recordTypeLevelsSource } from '../records/service.ts';
import { systems } from '../systems/schema.ts';
import { defaultScaleLevels } from './default-scale.ts';
import { classificationScales, classifications } from './schema.ts';

// The rules of information classification: the only writer of ./schema.ts. Levels and motivations
// are secret under OSL; this service answers them in full and ./present.ts withholds them from a
// reader who may not see them. Filters that would betray a level (level 4, a search that matches a
// motivation) are applied here only to the rows the reader may read.

export type ClassificationRow = typeof classifications.$inferSelect;
export type ClassificationWithSystem = ClassificationRow & { systemName: string; systemSortName: string };

/** Today in Stockholm, `YYYY-MM-DD`: the date a classification is made and reviews fall due by. */
export function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

const yearsAfter = (day: string, years: number) => format(addYears(parseISO(day), years), 'yyyy-MM-dd');

// ---------------------------------------------------------------- the scale

export interface ScaleRecord {
  version: number;
  levels: ScaleLevels;
  isDefault: boolean;
  createdAt: Date | null;
  createdByName: string | null;
}

const defaultScale: ScaleRecord = {
  version: 1,
  levels: defaultScaleLevels,
  isDefault: true,
  createdAt: null,
  createdByName: null,
};

const scaleRecord = (row: typeof classificationScales.$inferSelect): ScaleRecord => ({
  version: row.version,
  levels: row.levels,
  isDefault: false,
  createdAt: row.createdAt,
  createdByName: row.createdByName,
});

/** The scale in force: the tenant's latest version, or the default (version 1). */
export async function currentScale(db: Executor, tenantId: string): Promise<ScaleRecord> {
  const [row] = await db
    .select()
    .from(classificationScales)
    .where(eq(classificationScales.tenantId, tenantId))
    .orderBy(desc(classificationScales.version))
    .limit(1);
  return row ? scaleRecord(row) : defaultScale;
}

/** Every version of the tenant's scale, newest first, ending with the default. */
export async function scaleVersions(db: Database, actor: Actor): Promise<ScaleRecord[]> {
  const s = readScope(db, actor);
  const rows = await db
    .select()
    .from(classificationScales)
    .where(s.where(classificationScales))
    .orderBy(desc(classificationScales.version));
  return [...rows.map(scaleRecord), defaultScale];
}

/**
 * Stores a new version of the scale's wording. Refused with 409 when `basedOnVersion` is not the
 * current version: the editor saw wording someone has since changed. Two editors saving on the same
 * version race for the same key; the loser gets the same 409.
 */
export async function saveScale(db: Database, actor: Actor, input: ScaleCreate): Promise<ScaleRecord> {
  try {
    return await inTenant(db, actor, async (s) => {
      const current = await currentScale(s.tx, s.tenantId);
      if (current.version !== input.basedOnVersion) throw problems.versionConflict(current.version);
      const [row] = await s
        .insert(classificationScales, {
          version: current.version + 1,
          levels: input.levels,
          createdById: actor.personId,
          createdByName: actor.name,
        })
        .returning();
      // The scale is one record per tenant: its audit entity id is the tenant's.
      await s.audit({
        entity: 'classificationScale',
        entityId: s.tenantId,
        action: 'update',
        before: { version: current.version, levels: current.levels },
        after: { version: row!.version, levels: row!.levels },
      });
      return scaleRecord(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw problems.versionConflict(input.basedOnVersion + 1);
    throw error;
  }
}

// ---------------------------------------------------------------- reading classifications

/** Rows the reader may read the levels of, as SQL over the classifications table. */
function readableRows(actor: Actor): SQL {
  const scope = registryPolicy.classificationReadScope(actor);
  if (scope === 'all') return sql`true`;
  if (scope.length === 0) return sql`false`;
  return inArray(classifications.systemId, scope);
}

const withSystem = {
  row: classifications,
  systemName: systems.name,
  systemSortName: systems.sortName,
};

function flatten(r: { row: ClassificationRow; systemName: string; systemSortName: string }) {
  return { ...r.row, systemName: r.systemName, systemSortName: r.systemSortName };
}

/** The keyset condition of a cursor of the given sort, values inline. */
function afterCursor(sort: ClassificationListQuery['sort'], cursor: string): SQL {
  if (sort === 'nextReviewOn') {
    const [day, id] = decodeCursor(cursor, 2) as [string, string];
    return sql`(${classifications.nextReviewOn}, ${classifications.id}) > (${day}::date, ${id}::uuid)`;
  }
  const [name, set, id] = decodeCursor(cursor, 3) as [string, string, string];
  return sql`(${systems.sortName}, ${classifications.informationSetKey}, ${classifications.id}) > (${name}, ${set}, ${id}::uuid)`;
}

export async function listClassifications(db: Database, actor: Actor, query: ClassificationListQuery) {
  const s = readScope(db, actor);
  const readable = readableRows(actor);
  const term = query.search ? likePattern(query.search) : undefined;
  const order =
    query.sort === 'nextReviewOn'
      ? [asc(classifications.nextReviewOn), asc(classifications.id)]
      : [asc(systems.sortName), asc(classifications.informationSetKey), asc(classifications.id)];
  const rows = await db
    .select(withSystem)
    .from(classifications)
    .innerJoin(
      systems,
      and(eq(systems.tenantId, classifications.tenantId), eq(systems.id, classifications.systemId)),
    )
    .where(
      s.where(
        classifications,
        query.includeArchived ? undefined : isNull(classifications.archivedAt),
        query.systemId ? eq(classifications.systemId, query.systemId) : undefined,
        query.reviewDue === true ? lte(classifications.nextReviewOn, today()) : undefined,
        query.reviewDue === false ? sql`${classifications.nextReviewOn} > ${today()}` : undefined,
        // Which rows are at level 4 is itself secret: only among the rows the reader may read.
        query.level4 === true ? and(eq(classifications.maxLevel, 4), readable) : undefined,
        query.level4 === false ? or(sql`${classifications.maxLevel} < 4`, sql`not (${readable})`) : undefined,
        term
          ? or(
              sql`${systems.name} ilike ${term}`,
              sql`${classifications.informationSet} ilike ${term}`,
              // A motivation is secret: it matches only for a reader who may read it.
              and(readable, sql`${classifications.motivation} ilike ${term}`),
            )
          : undefined,
        query.cursor ? afterCursor(query.sort, query.cursor) : undefined,
      ),
    )
    .orderBy(...order)
    .limit(query.limit + 1);
  const page = toPage(rows.map(flatten), query.limit, (r) =>
    query.sort === 'nextReviewOn' ? [r.nextReviewOn, r.id] : [r.systemSortName, r.informationSetKey, r.id],
  );
  return page;
}

export async function getClassification(
  db: Database,
  actor: Actor,
  id: string,
): Promise<ClassificationWithSystem> {
  const s = readScope(db, actor);
  const [row] = await db
    .select(withSystem)
    .from(classifications)
    .innerJoin(
      systems,
      and(eq(systems.tenantId, classifications.tenantId), eq(systems.id, classifications.systemId)),
    )
    .where(s.where(classifications, eq(classifications.id, id)));
  if (!row) throw problems.notFound('classification');
  return flatten(row);
}

// ---------------------------------------------------------------- a system's levels as a whole

export interface SystemLevels {
  confidentiality: number | null;
  integrity: number | null;
  availability: number | null;
  traceability: number | null;
  /** The earliest review date among the sources that have one. */
  nextReviewOn: string | null;
  /** How many active classifications (and other sources) carry levels for the system. */
  sources: number;
}

/**
 * Where a system's levels come from, each a SELECT of (system_id, confidentiality, integrity,
 * availability, traceability, next_review_on) over one tenant's given systems. The maximum per
 * dimension is taken over all of them together.
 */
const levelSources: ((tenantId: string, systemIds: string[]) => SQL)[] = [
  (tenantId, systemIds) => sql`
    select ${classifications.systemId} as system_id, ${classifications.confidentiality} as confidentiality,
      ${classifications.integrity} as integrity, ${classifications.availability} as availability,
      ${classifications.traceability} as traceability, ${classifications.nextReviewOn} as next_review_on
    from ${classifications}
    where ${classifications.tenantId} = ${tenantId} and ${classifications.archivedAt} is null
      and ${inArray(classifications.systemId, systemIds)}`,
  // The record types a system keeps (the informationshanteringsplan) carry K/R/T levels of their
  // own, and the system's maximum is taken over them too (issue point 6).
  recordTypeLevelsSource,
];

/** The maximum level per dimension of each system, over every source of levels (one query). */
export async function maxLevelsBySystem(
  db: Executor,
  tenantId: string,
  systemIds: readonly string[],
): Promise<Map<string, SystemLevels>> {
  const map = new Map<string, SystemLevels>();
  if (systemIds.length === 0) return map;
  const ids = [...systemIds];
  const union = sql.join(
    levelSources.map((source) => source(tenantId, ids)),
    sql` union all `,
  );
  const result = await db.execute(sql`
    select system_id, max(confidentiality) as c, max(integrity) as i, max(availability) as a,
      max(traceability) as t, min(next_review_on)::text as review, count(*)::int as n
    from (${union}) as levels
    group by system_id`);
  const rows = rowsOf<{
    system_id: string;
    c: number | null;
    i: number | null;
    a: number | null;
    t: number | null;
    review: string | null;
    n: number;
  }>(result);
  for (const r of rows)
    map.set(r.system_id, {
      confidentiality: r.c === null ? null : Number(r.c),
      integrity: r.i === null ? null : Number(r.i),
      availability: r.a === null ? null : Number(r.a),
      traceability: r.t === null ? null : Number(r.t),
      nextReviewOn: r.review,
      sources: Number(r.n),
    });
  return map;
}

// ---------------------------------------------------------------- writing

/** The active system, or a 400 naming the field (also when it is another tenant's). */
async function activeSystem(s: TenantScope, systemId: string) {
  const [row] = await s.tx
    .select({ id: systems.id, name: systems.name, sortName: systems.sortName })
    .from(systems)
    .where(s.where(systems, eq(systems.id, systemId), isNull(systems.archivedAt)));
  if (!row) throw problems.field('body.systemId', 'No such active system');
  return row;
}

/** A review date after the classification and within five years of it (a typo like 2205 is caught). */
function checkReviewDate(classifiedOn: string, nextReviewOn: string) {
  if (nextReviewOn <= classifiedOn)
    throw problems.field('body.nextReviewOn', 'Must be after the date of the classification');
  if (nextReviewOn > yearsAfter(classifiedOn, 5))
    throw problems.field('body.nextReviewOn', 'Must be within five years of the classification');
}

const emptyToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

const DUPLICATE = 'The system already has an active classification of this information set';

export interface ClassifyOptions {
  /** When the classification was made; today unless a loader of older records says otherwise. */
  classifiedOn?: string;
}

export async function createClassification(
  db: Database,
  actor: Actor,
  input: ClassificationCreate,
  options: ClassifyOptions = {},
): Promise<ClassificationWithSystem> {
  if (!registryPolicy.classify(actor, input.systemId)) throw problems.forbidden();
  const classifiedOn = options.classifiedOn ?? today();
  const nextReviewOn = input.nextReviewOn ?? yearsAfter(classifiedOn, 1);
  checkReviewDate(classifiedOn, nextReviewOn);
  return guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        const system = await activeSystem(s, input.systemId);
        const scale = await currentScale(s.tx, s.tenantId);
        const [row] = await s
          .insert(classifications, {
            id: newId(),
            systemId: input.systemId,
            informationSet: emptyToNull(input.informationSet),
            confidentiality: input.confidentiality,
            integrity: input.integrity,
            availability: input.availability,
            traceability: input.traceability ?? null,
            motivation: input.motivation.trim(),
            scaleVersion: scale.version,
            classifiedById: actor.personId,
            classifiedByName: actor.name,
            classifiedOn,
            nextReviewOn,
          })
          .returning();
        await s.audit({ entity: 'classification', entityId: row!.id, action: 'create', after: row });
        return { ...row!, systemName: system.name, systemSortName: system.sortName };
      }),
    'body.informationSet',
    DUPLICATE,
  );
}

const levelFields = ['confidentiality', 'integrity', 'availability', 'traceability', 'motivation'] as const;

/**
 * Changes a classification. A change of a level or the motivation is a new classification of the
 * same information: made by the actor today on the scale in force, with a review a year on unless
 * a date is given. A change of the review date or the information set's name alone is not.
 */
export async function updateClassification(
  db: Database,
  actor: Actor,
  id: string,
  input: ClassificationUpdate,
): Promise<ClassificationWithSystem> {
  await guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        const before = await lockRow(s, classifications, id);
        assertVersion(before, input.version, 'classification');
        if (!registryPolicy.classify(actor, before!.systemId)) throw problems.forbidden();
        if (before!.archivedAt) throw problems.conflict('The classification is archived; restore it first');
        const next = {
          informationSet:
            input.informationSet === undefined ? before!.informationSet : emptyToNull(input.informationSet),
          confidentiality: input.confidentiality ?? before!.confidentiality,
          integrity: input.integrity ?? before!.integrity,
          availability: input.availability ?? before!.availability,
          traceability: input.traceability === undefined ? before!.traceability : input.traceability,
          motivation: input.motivation === undefined ? before!.motivation : input.motivation.trim(),
        };
        const reclassified = levelFields.some((field) => next[field] !== before![field]);
        const classifiedOn = reclassified ? today() : before!.classifiedOn;
        const nextReviewOn =
          input.nextReviewOn ?? (reclassified ? yearsAfter(classifiedOn, 1) : before!.nextReviewOn);
        if (input.nextReviewOn !== undefined || reclassified) checkReviewDate(classifiedOn, nextReviewOn);
        const scale = reclassified ? await currentScale(s.tx, s.tenantId) : null;
        const [after] = await s
          .update(
            classifications,
            {
              ...next,
              nextReviewOn,
              ...(reclassified
                ? {
                    classifiedOn,
                    classifiedById: actor.personId,
                    classifiedByName: actor.name,
                    scaleVersion: scale!.version,
                  }
                : {}),
              version: input.version + 1,
              updatedAt: new Date(),
            },
            eq(classifications.id, id),
          )
          .returning();
        await s.audit({ entity: 'classification', entityId: id, action: 'update', before, after });
      }),
    'body.informationSet',
    DUPLICATE,
  );
  return getClassification(db, actor, id);
}

const mayClassify = (actor: Actor) => (row: ClassificationRow) => {
  if (!registryPolicy.classify(actor, row.systemId)) throw problems.forbidden();
};

export async function archiveClassification(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  await inTenant(db, actor, (s) =>
    archiveRow(s, classifications, id, input, { entity: 'classification', check: mayClassify(actor) }),
  );
  return getClassification(db, actor, id);
}

/** Restores an archived classification; 409 when its information set has been classified anew. */
export async function restoreClassification(db: Database, actor: Actor, id: string, version: number) {
  await guardUnique(
    () =>
      inTenant(db, actor, (s) =>
        restoreRow(
          s,
          classifications,
          id,
          { version },
          { entity: 'classification', check: mayClassify(actor) },
        ),
      ),
    'body',
    DUPLICATE,
  );
  return getClassification(db, actor, id);
}

/** Names and links of classifications by id, for the audit trail (no levels in them). */
export async function classificationRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({
      id: classifications.id,
      systemId: classifications.systemId,
      informationSet: classifications.informationSet,
      archivedAt: classifications.archivedAt,
      systemName: systems.name,
    })
    .from(classifications)
    .innerJoin(
      systems,
      and(eq(systems.tenantId, classifications.tenantId), eq(systems.id, classifications.systemId)),
    )
    .where(and(eq(classifications.tenantId, tenantId), inArray(classifications.id, [...ids])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.informationSet ? `${r.systemName}: ${r.informationSet}` : r.systemName,
        href: `/systems/${r.systemId}`,
        archived: r.archivedAt !== null,
      },
    ]),
  );
}

/**
 * The classifications whose review falls due within `days` (or has passed) that the actor is to
 * review: all for the keepers and security, those of their own systems for a systemägare. For the
 * start page ("Mitt Styrbord"); earliest first.
 */
export async function reviewsDue(db: Database, actor: Actor, days = 30, limit = 20) {
  if (!registryPolicy.classifySome(actor)) return [];
  const scope = registryPolicy.classificationReadScope(actor);
  const owned = scopesOf(actor, 'systemOwner', 'system');
  if (scope !== 'all' && owned.length === 0) return [];
  const s = readScope(db, actor);
  const until = format(addDays(parseISO(today()), days), 'yyyy-MM-dd');
  const rows = await db
    .select(withSystem)
    .from(classifications)
    .innerJoin(
      systems,
      and(eq(systems.tenantId, classifications.tenantId), eq(systems.id, classifications.systemId)),
    )
    .where(
      s.where(
        classifications,
        isNull(classifications.archivedAt),
        lte(classifications.nextReviewOn, until),
        scope === 'all' ? undefined : inArray(classifications.systemId, owned),
      ),
    )
    .orderBy(asc(classifications.nextReviewOn), asc(classifications.id))
    .limit(limit);
  return rows.map(flatten);
}
