import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type {
  ProcessingActivityCreate,
  ProcessingActivityListQuery,
  ProcessingActivitySort,
  ProcessingActivityUpdate,
} from '../../../../shared/registry/privacy.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people, units } from '../../../platform/directory/schema.ts';
import { type FieldError, problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import {
  afterKey,
  keyOrder,
  type SortKey,
  sortKeyFields,
  sortKeyOfRow,
  toPage,
} from '../../../platform/pagination.ts';
import { type ArchiveInput, archiveRow, lockRow, restoreRow } from '../../../platform/records.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, type TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion, definedOnly } from '../../../platform/versioning.ts';
import { suppliers } from '../suppliers/schema.ts';
import { systems } from '../systems/schema.ts';
import { processingActivities as activities, processingActivitySystems as links } from './schema.ts';

// The rules of the processing register: the only writer of ./schema.ts. Every change is one
// transaction with its audit event; references are checked in the tenant before anything is
// written, and the fields that depend on each other (sensitive data needs its Art. 9 basis, a
// transfer its countries and safeguard) are checked on the record as it will be after the change.

export type ActivityRow = typeof activities.$inferSelect;
/** An activity with the systems it runs in: what the API answers. */
export type ActivityWithSystems = ActivityRow & { systemIds: string[] };

/** The systems of these activities, by activity id (one query for a whole page). */
async function systemsOf(db: Executor, tenantId: string, ids: readonly string[]) {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({ activityId: links.activityId, systemId: links.systemId })
    .from(links)
    .where(and(eq(links.tenantId, tenantId), inArray(links.activityId, [...ids])));
  for (const r of rows) map.set(r.activityId, [...(map.get(r.activityId) ?? []), r.systemId]);
  return map;
}

async function withSystems(db: Executor, tenantId: string, rows: ActivityRow[]) {
  const map = await systemsOf(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, systemIds: map.get(r.id) ?? [] }));
}

/**
 * A yes/no filter written without a parameter (`sensitive_data`, `not sensitive_data`), so that the
 * partial indexes of the DPO's filters (`where sensitive_data` …) can serve it.
 */
function flag(column: PgColumn, value: boolean | undefined) {
  if (value === undefined) return undefined;
  return value ? sql`${column}` : sql`not ${column}`;
}

/**
 * The columns each sort orders by, the activity's id last: its keyset. The controller sorts by
 * its unit's name (the activity's name breaking ties); the last change is exact to the µs.
 */
const sortKeys: Record<ProcessingActivitySort, SortKey> = {
  name: { columns: [sql`${activities.sortName}`, sql`${activities.id}`], types: ['text', 'uuid'] },
  controller: {
    columns: [sql`${units.sortName}`, sql`${activities.sortName}`, sql`${activities.id}`],
    types: ['text', 'text', 'uuid'],
  },
  updatedAt: {
    columns: [sql`${activities.updatedAt}`, sql`${activities.id}`],
    types: ['timestamptz', 'uuid'],
  },
};

export async function listActivities(
  db: Database,
  actor: Actor,
  query: Omit<ProcessingActivityListQuery, 'sort' | 'order'> &
    Partial<Pick<ProcessingActivityListQuery, 'sort' | 'order'>>,
) {
  const s = readScope(db, actor);
  const pattern = query.search ? likePattern(query.search) : undefined;
  const key = sortKeys[query.sort ?? 'name'];
  const desc = query.order === 'desc';
  const joined = await db
    .select({ row: activities, ...sortKeyFields(key) })
    .from(activities)
    .innerJoin(units, and(eq(units.tenantId, activities.tenantId), eq(units.id, activities.controllerId)))
    .where(
      s.where(
        activities,
        query.includeArchived ? undefined : isNull(activities.archivedAt),
        query.controllerId ? eq(activities.controllerId, query.controllerId) : undefined,
        flag(activities.sensitiveData, query.sensitive),
        flag(activities.dpiaRequired, query.dpiaRequired),
        flag(activities.thirdCountryTransfer, query.thirdCountry),
        query.systemId
          ? sql`exists (select 1 from ${links} where ${links.tenantId} = ${activities.tenantId} and ${links.activityId} = ${activities.id} and ${links.systemId} = ${query.systemId})`
          : undefined,
        pattern
          ? or(
              sql`${activities.name} ilike ${pattern}`,
              sql`${activities.legalBasisReference} ilike ${pattern}`,
              sql`array_to_string(${activities.purposes}, ' ') ilike ${pattern}`,
            )
          : undefined,
        afterKey(key, query.cursor, desc),
      ),
    )
    .orderBy(...keyOrder(key, desc))
    .limit(query.limit + 1);
  const page = toPage(joined, query.limit, (r) => sortKeyOfRow(key, r));
  const rows = page.items.map((r) => r.row);
  return { items: await withSystems(db, actor.tenantId, rows), nextCursor: page.nextCursor };
}

export async function getActivity(db: Database, actor: Actor, id: string): Promise<ActivityWithSystems> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(activities)
    .where(s.where(activities, eq(activities.id, id)));
  if (!row) throw problems.notFound('processing activity');
  return (await withSystems(db, actor.tenantId, [row]))[0]!;
}

type Fields = Omit<ProcessingActivityCreate, 'systemIds'>;

/**
 * Refuses what is not an active record of the tenant, naming the field: the controller must be a
 * nämnd's förvaltning (department) or a bolag (company), since only they can be
 * personuppgiftsansvarig; people, systems and the processor must exist and be active. What the
 * activity already names (`current`) may stay when it has been archived since: a change of
 * another field, or a list sent again whole, is not refused for it.
 */
async function checkReferences(
  s: TenantScope,
  given: Partial<ProcessingActivityCreate>,
  current?: { row: ActivityRow; systemIds: string[] },
) {
  const input: Partial<ProcessingActivityCreate> = { ...given };
  if (current) {
    for (const f of ['controllerId', 'controllerContactId', 'dpoId', 'processorId'] as const)
      if (input[f] === current.row[f]) delete input[f];
    if (input.systemIds) {
      const kept = new Set(current.systemIds);
      input.systemIds = input.systemIds.filter((id, i, all) => !kept.has(id) || all.indexOf(id) !== i);
    }
  }
  if (input.controllerId) {
    const [unit] = await s.tx
      .select({ kind: units.kind })
      .from(units)
      .where(s.where(units, eq(units.id, input.controllerId), isNull(units.archivedAt)));
    if (!unit) throw problems.field('body.controllerId', 'No such active unit');
    if (unit.kind !== 'department' && unit.kind !== 'company')
      throw problems.field(
        'body.controllerId',
        'The controller must be a department (nämnd) or a company (bolag)',
      );
  }
  const personFields = (['controllerContactId', 'dpoId'] as const).filter((f) => input[f]);
  if (personFields.length > 0) {
    const found = await s.tx
      .select({ id: people.id })
      .from(people)
      .where(
        s.where(
          people,
          inArray(
            people.id,
            personFields.map((f) => input[f]!),
          ),
          isNull(people.archivedAt),
        ),
      );
    const active = new Set(found.map((p) => p.id));
    for (const f of personFields)
      if (!active.has(input[f]!)) throw problems.field(`body.${f}`, 'No such active person');
  }
  const listed = given.systemIds ?? [];
  const seen = new Set<string>();
  listed.forEach((systemId, i) => {
    if (seen.has(systemId)) throw problems.field(`body.systemIds.${i}`, 'The system is listed twice');
    seen.add(systemId);
  });
  if (input.systemIds && input.systemIds.length > 0) {
    const found = await s.tx
      .select({ id: systems.id })
      .from(systems)
      .where(s.where(systems, inArray(systems.id, input.systemIds), isNull(systems.archivedAt)));
    const active = new Set(found.map((r) => r.id));
    const kept = new Set(current?.systemIds ?? []);
    listed.forEach((systemId, i) => {
      if (!active.has(systemId) && !kept.has(systemId))
        throw problems.field(`body.systemIds.${i}`, 'No such active system');
    });
  }
  if (input.processorId) {
    const [supplier] = await s.tx
      .select({ id: suppliers.id })
      .from(suppliers)
      .where(s.where(suppliers, eq(suppliers.id, input.processorId), isNull(suppliers.archivedAt)));
    if (!supplier) throw problems.field('body.processorId', 'No such active supplier');
  }
}

/** What the record says as a whole: the fields that need another (all reported at once). */
function checkConsistency(record: Partial<Fields>) {
  const errors: FieldError[] = [];
  const need = (when: unknown, value: unknown, path: string, message: string) => {
    const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
    if (when && empty) errors.push({ path: `body.${path}`, message });
  };
  need(
    record.sensitiveData,
    record.sensitiveDataBasis,
    'sensitiveDataBasis',
    'Sensitive data needs its Art. 9 basis',
  );
  need(
    record.criminalData,
    record.criminalDataBasis,
    'criminalDataBasis',
    'Criminal data needs its Art. 10 basis',
  );
  need(record.thirdCountryTransfer, record.thirdCountries, 'thirdCountries', 'Name the third countries');
  need(
    record.thirdCountryTransfer,
    record.transferSafeguard,
    'transferSafeguard',
    'A transfer needs its safeguard',
  );
  need(
    record.automatedDecisions,
    record.automatedDecisionsDescription,
    'automatedDecisionsDescription',
    'Describe the automated decisions',
  );
  need(
    record.processorId,
    record.processorAgreementStatus,
    'processorAgreementStatus',
    'Say where the agreement stands',
  );
  if (!record.processorId && record.processorAgreementStatus)
    errors.push({ path: 'body.processorAgreementStatus', message: 'There is no processor' });
  if (errors.length > 0) throw problems.validation(errors, errors[0]!.message);
}

/**
 * What follows from a no: with no sensitive data there is no Art. 9 basis, with no transfer no
 * countries. Kept apart from the check, so that switching a flag off clears what hung on it.
 */
function clearDependents<T extends Partial<Fields>>(record: T): T {
  const out: Partial<Fields> = { ...record };
  if (record.sensitiveData === false) out.sensitiveDataBasis = null;
  if (record.criminalData === false) out.criminalDataBasis = null;
  if (record.thirdCountryTransfer === false) {
    out.thirdCountries = [];
    out.transferSafeguard = null;
    out.transferSafeguardNote = null;
  }
  if (record.automatedDecisions === false) out.automatedDecisionsDescription = null;
  if (record.processorId === null) {
    out.processorAgreementStatus = null;
    out.processorAgreementReference = null;
  }
  return out as T;
}

async function writeLinks(s: TenantScope, activityId: string, systemIds: string[] | undefined) {
  if (systemIds === undefined) return;
  await s.tx.delete(links).where(s.where(links, eq(links.activityId, activityId)));
  if (systemIds.length > 0)
    await s.insertMany(
      links,
      systemIds.map((systemId) => ({ activityId, systemId })),
    );
}

export function createActivity(
  db: Database,
  actor: Actor,
  input: ProcessingActivityCreate,
): Promise<ActivityWithSystems> {
  return inTenant(db, actor, async (s) => {
    const { systemIds = [], ...fields } = input;
    await checkReferences(s, input);
    const values = clearDependents(fields);
    checkConsistency(values);
    const [row] = await s.insert(activities, { id: newId(), ...values }).returning();
    await writeLinks(s, row!.id, systemIds);
    const result = { ...row!, systemIds };
    await s.audit({ entity: 'processingActivity', entityId: row!.id, action: 'create', after: result });
    return result;
  });
}

export function updateActivity(
  db: Database,
  actor: Actor,
  id: string,
  input: ProcessingActivityUpdate,
): Promise<ActivityWithSystems> {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, activities, id);
    assertVersion(before, input.version, 'processing activity');
    if (before!.archivedAt) throw problems.conflict('The processing activity is archived; restore it first');
    const { version, systemIds, ...changes } = input;
    const beforeSystems = (await systemsOf(s.tx, s.tenantId, [id])).get(id) ?? [];
    await checkReferences(s, input, { row: before!, systemIds: beforeSystems });
    const set = clearDependents(definedOnly(changes) as Partial<Fields>);
    checkConsistency({ ...(before as Partial<Fields>), ...set });
    const [after] = await s
      .update(activities, { ...set, version: version + 1, updatedAt: new Date() }, eq(activities.id, id))
      .returning();
    await writeLinks(s, id, systemIds);
    const result = { ...after!, systemIds: systemIds ?? beforeSystems };
    await s.audit({
      entity: 'processingActivity',
      entityId: id,
      action: 'update',
      before: { ...before!, systemIds: beforeSystems },
      after: result,
    });
    return result;
  });
}

export async function archiveActivity(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  const row = await inTenant(db, actor, (s) =>
    archiveRow(s, activities, id, input, { entity: 'processingActivity', noun: 'processing activity' }),
  );
  return (await withSystems(db, actor.tenantId, [row]))[0]!;
}

export async function restoreActivity(db: Database, actor: Actor, id: string, version: number) {
  const row = await inTenant(db, actor, (s) =>
    restoreRow(s, activities, id, { version }, { entity: 'processingActivity', noun: 'processing activity' }),
  );
  return (await withSystems(db, actor.tenantId, [row]))[0]!;
}

/** Names and links of activities by id (the audit trail). */
export async function activityRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: activities.id, name: activities.name, archivedAt: activities.archivedAt })
    .from(activities)
    .where(and(eq(activities.tenantId, tenantId), inArray(activities.id, [...ids])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/processing-activities/${r.id}`, archived: r.archivedAt !== null },
    ]),
  );
}

/**
 * What the DPO follows up: activities whose impact assessment is required but not made, and
 * those whose processor's agreement is still needed. In name order, at most `limit`.
 */
export async function followUps(db: Database, actor: Actor, limit: number) {
  const s = readScope(db, actor);
  return db
    .select({
      id: activities.id,
      name: activities.name,
      dpiaMissing: sql<boolean>`${activities.dpiaRequired} and ${activities.dpiaDate} is null`,
      agreementNeeded: sql<boolean>`${activities.processorAgreementStatus} = 'needed'`,
    })
    .from(activities)
    .where(
      s.where(
        activities,
        isNull(activities.archivedAt),
        or(
          and(eq(activities.dpiaRequired, true), isNull(activities.dpiaDate)),
          eq(activities.processorAgreementStatus, 'needed'),
        ),
      ),
    )
    .orderBy(asc(activities.sortName), asc(activities.id))
    .limit(limit);
}
