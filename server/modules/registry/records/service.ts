import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type {
  InformationPlanCreate,
  InformationPlanUpdate,
  RecordTypeCreate,
  RecordTypeListQuery,
  RecordTypeSort,
  RecordTypeUpdate,
} from '../../../../shared/registry/records.ts';
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
import { processes } from '../processes/schema.ts';
import { getProcess, pathOf, processRefs } from '../processes/service.ts';
import { systems } from '../systems/schema.ts';
import { systemRefs } from '../systems/service.ts';
import { informationPlans, recordTypes } from './schema.ts';

// The rules of record types (handlingstyper) and of each process's informationshanteringsplan:
// the only writer of ./schema.ts. A record type belongs to a process (the lowest level of the
// tree), says how long it is kept and on what decision, and where; its K/R/T levels are secret
// like a system's classification (./present.ts hides them).

export type RecordTypeRow = typeof recordTypes.$inferSelect;
export type InformationPlanRow = typeof informationPlans.$inferSelect;
/** A record type with the names of its process and system: what the API answers. */
export type RecordTypeWithRefs = RecordTypeRow & {
  process: { id: string; code: string; name: string; level: string; archived: boolean };
  systemName: string | null;
};

// ---------------------------------------------------------------- reading

/** Process and system names of a page of record types: two queries, however many rows. */
export async function withRefs(
  db: Executor,
  tenantId: string,
  rows: RecordTypeRow[],
): Promise<RecordTypeWithRefs[]> {
  const procs = await processRefs(
    db,
    tenantId,
    rows.map((r) => r.processId),
  );
  const syss = await systemRefs(
    db,
    tenantId,
    rows.flatMap((r) => (r.systemId ? [r.systemId] : [])),
  );
  return rows.map((r) => {
    const p = procs.get(r.processId);
    return {
      ...r,
      process: p
        ? {
            id: p.id,
            code: p.code,
            name: p.name.slice(p.code.length + 1),
            level: p.level,
            archived: p.archived,
          }
        : { id: r.processId, code: '', name: '', level: 'process', archived: true },
      systemName: r.systemId ? (syss.get(r.systemId)?.name ?? null) : null,
    };
  });
}

/**
 * The columns each sort orders by, the record type's name and id last: its keyset. A process
 * sorts by its code in natural order (3.2 before 3.10), as the process tree does; retention puts
 * those to be disposed of before those preserved (the existing retention index serves it).
 */
const sortKeys: Record<RecordTypeSort, SortKey> = {
  name: { columns: [sql`${recordTypes.sortName}`, sql`${recordTypes.id}`], types: ['text', 'uuid'] },
  process: {
    columns: [sql`${processes.sortCode}`, sql`${recordTypes.sortName}`, sql`${recordTypes.id}`],
    types: ['text', 'text', 'uuid'],
  },
  retention: {
    columns: [sql`${recordTypes.retention}`, sql`${recordTypes.sortName}`, sql`${recordTypes.id}`],
    types: ['text', 'text', 'uuid'],
  },
};

export async function listRecordTypes(
  db: Database,
  actor: Actor,
  query: Omit<RecordTypeListQuery, 'sort' | 'order'> & Partial<Pick<RecordTypeListQuery, 'sort' | 'order'>>,
) {
  const s = readScope(db, actor);
  const key = sortKeys[query.sort ?? 'name'];
  const desc = query.order === 'desc';
  const joined = await db
    .select({ row: recordTypes, ...sortKeyFields(key) })
    .from(recordTypes)
    .innerJoin(
      processes,
      and(eq(processes.tenantId, recordTypes.tenantId), eq(processes.id, recordTypes.processId)),
    )
    .where(
      s.where(
        recordTypes,
        query.includeArchived ? undefined : isNull(recordTypes.archivedAt),
        query.processId ? eq(recordTypes.processId, query.processId) : undefined,
        query.systemId ? eq(recordTypes.systemId, query.systemId) : undefined,
        query.retention ? eq(recordTypes.retention, query.retention) : undefined,
        query.noDisposalDecision
          ? and(
              eq(recordTypes.retention, 'dispose'),
              sql`coalesce(btrim(${recordTypes.retentionBasis}), '') = ''`,
            )
          : undefined,
        query.search
          ? or(
              sql`${recordTypes.name} ilike ${likePattern(query.search)}`,
              sql`${recordTypes.description} ilike ${likePattern(query.search)}`,
            )
          : undefined,
        afterKey(key, query.cursor, desc),
      ),
    )
    .orderBy(...keyOrder(key, desc))
    .limit(query.limit + 1);
  const page = toPage(joined, query.limit, (r) => sortKeyOfRow(key, r));
  const items = page.items.map((r) => r.row);
  return { items: await withRefs(db, actor.tenantId, items), nextCursor: page.nextCursor };
}

/** Every record type of the list's filters, for an export (in pages, so memory stays bounded). */
export async function allRecordTypes(
  db: Database,
  actor: Actor,
  query: Omit<RecordTypeListQuery, 'limit' | 'cursor' | 'sort' | 'order'> &
    Partial<Pick<RecordTypeListQuery, 'sort' | 'order'>>,
) {
  const out: RecordTypeWithRefs[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRecordTypes(db, actor, { ...query, limit: 200, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export async function getRecordType(db: Database, actor: Actor, id: string): Promise<RecordTypeWithRefs> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(recordTypes)
    .where(s.where(recordTypes, eq(recordTypes.id, id)));
  if (!row) throw problems.notFound('record type');
  return (await withRefs(db, actor.tenantId, [row]))[0]!;
}

/**
 * The levels of the active record types kept in these systems as a SELECT of (system_id,
 * confidentiality, integrity, availability, traceability, next_review_on): one of the sources over
 * which the classification part takes a system's maximum (classification/service.ts levelSources).
 * Record types have no traceability level and no review date of their own.
 */
export function recordTypeLevelsSource(tenantId: string, systemIds: string[]): SQL {
  return sql`
    select ${recordTypes.systemId} as system_id, ${recordTypes.confidentiality} as confidentiality,
      ${recordTypes.integrity} as integrity, ${recordTypes.availability} as availability,
      null::smallint as traceability, null::date as next_review_on
    from ${recordTypes}
    where ${recordTypes.tenantId} = ${tenantId} and ${recordTypes.archivedAt} is null
      and ${inArray(recordTypes.systemId, systemIds)}
      and coalesce(${recordTypes.confidentiality}, ${recordTypes.integrity}, ${recordTypes.availability}) is not null`;
}

// ---------------------------------------------------------------- the rules of a record type

type RecordTypeFields = Omit<RecordTypeCreate, 'processId'> & { processId: string };

/** The process must be an active node of level process; the system an active one of the tenant. */
async function checkReferences(s: TenantScope, input: Partial<RecordTypeCreate>) {
  if (input.processId !== undefined) {
    const [process] = await s.tx
      .select({ level: processes.level, archivedAt: processes.archivedAt })
      .from(processes)
      .where(s.where(processes, eq(processes.id, input.processId)));
    if (!process || process.archivedAt) throw problems.field('body.processId', 'No such active process');
    if (process.level !== 'process')
      throw problems.field(
        'body.processId',
        'Record types belong to a process, the lowest level of the tree',
      );
  }
  if (input.systemId) {
    const [system] = await s.tx
      .select({ id: systems.id })
      .from(systems)
      .where(s.where(systems, eq(systems.id, input.systemId), isNull(systems.archivedAt)));
    if (!system) throw problems.field('body.systemId', 'No such active system');
  }
}

/**
 * The rules between fields, on the record type as it will be (a change merged with the row): a
 * disposed-of type has a period, a preserved one none; a secret one names its provision; only
 * digital records have file formats; only what goes to the e-archive says when.
 */
function checkRules(t: RecordTypeFields) {
  const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';
  if (
    t.retention === 'dispose' &&
    (t.retentionMonths === null || t.retentionMonths === undefined) &&
    blank(t.retentionPeriod)
  )
    throw problems.field(
      'body.retentionPeriod',
      'A record type that is disposed of (gallras) needs its period: retentionMonths or retentionPeriod',
    );
  if (t.retention === 'preserve') {
    if (t.retentionMonths !== null && t.retentionMonths !== undefined)
      throw problems.field(
        'body.retentionMonths',
        'A record type that is preserved (bevaras) has no disposal period',
      );
    if (!blank(t.retentionPeriod))
      throw problems.field(
        'body.retentionPeriod',
        'A record type that is preserved (bevaras) has no disposal period',
      );
  }
  if (t.secret && blank(t.secrecyProvision))
    throw problems.field(
      'body.secrecyProvision',
      'Name the provision that makes it secret, e.g. 26 kap. 1 § OSL',
    );
  if (!t.secret && !blank(t.secrecyProvision))
    throw problems.field('body.secrecyProvision', 'Only a secret record type has a secrecy provision');
  if (t.format === 'paper' && !blank(t.fileFormats))
    throw problems.field('body.fileFormats', 'Records kept on paper only have no file format');
  if (!t.eArchive && !blank(t.eArchiveWhen))
    throw problems.field('body.eArchiveWhen', 'Only a record type delivered to the e-archive says when');
}

function columnsOf(input: Partial<RecordTypeCreate>) {
  return definedOnly({
    ...input,
    fileFormats: input.fileFormats === '' ? null : input.fileFormats,
    retentionPeriod: input.retentionPeriod === '' ? null : input.retentionPeriod,
    retentionBasis: input.retentionBasis === '' ? null : input.retentionBasis,
    secrecyProvision: input.secrecyProvision === '' ? null : input.secrecyProvision,
    eArchiveWhen: input.eArchiveWhen === '' ? null : input.eArchiveWhen,
  });
}

export function createRecordType(
  db: Database,
  actor: Actor,
  input: RecordTypeCreate,
): Promise<RecordTypeWithRefs> {
  return inTenant(
    db,
    actor,
    async (s) => (await withRefs(s.tx, s.tenantId, [await writeRecordType(s, input)]))[0]!,
  );
}

/** createRecordType in a transaction the caller holds (the demo writes a whole plan in one). */
export async function writeRecordType(s: TenantScope, input: RecordTypeCreate): Promise<RecordTypeRow> {
  await checkReferences(s, input);
  checkRules(input);
  const [row] = await s
    .insert(recordTypes, { id: newId(), ...columnsOf(input), ...required(input) })
    .returning();
  await s.audit({ entity: 'recordType', entityId: row!.id, action: 'create', after: row! });
  return row!;
}

/** The required columns, typed as the insert wants them (columnsOf makes every key optional). */
function required(input: RecordTypeCreate) {
  return {
    processId: input.processId,
    name: input.name,
    format: input.format,
    retention: input.retention,
    registration: input.registration,
  };
}

export function updateRecordType(db: Database, actor: Actor, id: string, input: RecordTypeUpdate) {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, recordTypes, id);
    assertVersion(before, input.version, 'record type');
    if (before!.archivedAt) throw problems.conflict('The record type is archived; restore it first');
    const { version, ...changes } = input;
    await checkReferences(s, changes);
    const merged = { ...before!, ...definedOnly(changes) } as RecordTypeFields;
    checkRules(merged);
    const [after] = await s
      .update(
        recordTypes,
        { ...columnsOf(changes), version: version + 1, updatedAt: new Date() },
        eq(recordTypes.id, id),
      )
      .returning();
    await s.audit({ entity: 'recordType', entityId: id, action: 'update', before, after: after! });
    return (await withRefs(s.tx, s.tenantId, [after!]))[0]!;
  });
}

export async function archiveRecordType(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  const row = await inTenant(db, actor, (s) =>
    archiveRow(s, recordTypes, id, input, { entity: 'recordType', noun: 'record type' }),
  );
  return (await withRefs(db, actor.tenantId, [row]))[0]!;
}

export async function restoreRecordType(db: Database, actor: Actor, id: string, version: number) {
  const row = await inTenant(db, actor, (s) =>
    restoreRow(
      s,
      recordTypes,
      id,
      { version },
      {
        entity: 'recordType',
        noun: 'record type',
        async check(r) {
          const [process] = await s.tx
            .select({ archivedAt: processes.archivedAt })
            .from(processes)
            .where(s.where(processes, eq(processes.id, r.processId)));
          if (!process || process.archivedAt)
            throw problems.conflict('Its process is archived; restore that first or move the record type');
        },
      },
    ),
  );
  return (await withRefs(db, actor.tenantId, [row]))[0]!;
}

/** Names and links of record types by id (the audit trail). */
export async function recordTypeRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({
      id: recordTypes.id,
      name: recordTypes.name,
      processId: recordTypes.processId,
      archivedAt: recordTypes.archivedAt,
    })
    .from(recordTypes)
    .where(and(eq(recordTypes.tenantId, tenantId), inArray(recordTypes.id, [...ids])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, href: `/processes/${r.processId}`, archived: r.archivedAt !== null },
    ]),
  );
}

// ---------------------------------------------------------------- the informationshanteringsplan

async function planOf(db: Executor, tenantId: string, processId: string) {
  const [row] = await db
    .select()
    .from(informationPlans)
    .where(and(eq(informationPlans.tenantId, tenantId), eq(informationPlans.processId, processId)));
  return row ?? null;
}

/** A process's plan (or none yet), its place in the tree and every active record type it holds. */
export async function informationPlanView(db: Database, actor: Actor, processId: string) {
  const process = await getProcess(db, actor, processId);
  const [path, plan, recordTypes] = [
    await pathOf(db, actor.tenantId, processId),
    await planOf(db, actor.tenantId, processId),
    await allRecordTypes(db, actor, { processId, includeArchived: false, noDisposalDecision: false }),
  ];
  return { process, path, plan, recordTypes };
}

/** Adopted means a decision: its date, the body that made it and the paragraph. */
function checkPlan(plan: {
  status: string;
  adoptedOn?: string | null;
  body?: string | null;
  paragraph?: string | null;
}) {
  if (plan.status !== 'adopted') return;
  if (!plan.adoptedOn)
    throw problems.field('body.adoptedOn', 'An adopted plan needs the date of the decision');
  if (!plan.body?.trim()) throw problems.field('body.body', 'An adopted plan needs the body that adopted it');
  if (!plan.paragraph?.trim())
    throw problems.field('body.paragraph', 'An adopted plan needs the paragraph (§) of the decision');
}

export function createInformationPlan(
  db: Database,
  actor: Actor,
  processId: string,
  input: InformationPlanCreate,
) {
  return guardUnique(
    () => inTenant(db, actor, (s) => writeInformationPlan(s, processId, input)),
    'body',
    'The process already has an information management plan; change it instead',
  );
}

/** createInformationPlan in a transaction the caller holds. */
export async function writeInformationPlan(s: TenantScope, processId: string, input: InformationPlanCreate) {
  const process = await lockRow(s, processes, processId);
  if (!process) throw problems.notFound('process');
  if (process.archivedAt) throw problems.conflict('The process is archived; restore it first');
  if (process.level !== 'process')
    throw problems.conflict(
      'An information management plan belongs to a process, the lowest level of the tree',
    );
  if (await planOf(s.tx, s.tenantId, processId))
    throw problems.conflict('The process already has an information management plan; change it instead');
  const values = { status: 'draft' as const, ...definedOnly(input) };
  checkPlan(values);
  const [row] = await s.insert(informationPlans, { id: newId(), processId, ...values }).returning();
  await s.audit({ entity: 'informationPlan', entityId: row!.id, action: 'create', after: row! });
  return row!;
}

export function updateInformationPlan(
  db: Database,
  actor: Actor,
  processId: string,
  input: InformationPlanUpdate,
) {
  return inTenant(db, actor, async (s) => {
    const [before] = await s.tx
      .select()
      .from(informationPlans)
      .where(s.where(informationPlans, eq(informationPlans.processId, processId)))
      .for('update');
    if (!before) {
      await getProcess(s.tx, s.actor, processId);
      throw problems.notFound('information plan');
    }
    assertVersion(before, input.version, 'information plan');
    const { version, ...changes } = input;
    checkPlan({ ...before, ...definedOnly(changes) });
    const [after] = await s
      .update(
        informationPlans,
        { ...definedOnly(changes), version: version + 1, updatedAt: new Date() },
        eq(informationPlans.id, before.id),
      )
      .returning();
    await s.audit({
      entity: 'informationPlan',
      entityId: before.id,
      action: 'update',
      before,
      after: after!,
    });
    return after!;
  });
}

/** Names and links of plans by id (the audit trail): a plan is named by its process. */
export async function informationPlanRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; name: string; href: string; archived: boolean }>();
  const rows = await db
    .select({ id: informationPlans.id, processId: informationPlans.processId })
    .from(informationPlans)
    .where(and(eq(informationPlans.tenantId, tenantId), inArray(informationPlans.id, [...ids])));
  const procs = await processRefs(
    db,
    tenantId,
    rows.map((r) => r.processId),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: procs.get(r.processId)?.name ?? r.processId,
        href: `/processes/${r.processId}/plan`,
        archived: false,
      },
    ]),
  );
}
