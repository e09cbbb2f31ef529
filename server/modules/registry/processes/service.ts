import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  inArray,
  isNotNull,
  isNull,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import {
  codeSortKey,
  type ProcessCreate,
  type ProcessLevel,
  type ProcessListQuery,
  type ProcessMove,
  type ProcessSort,
  type ProcessUpdate,
  parentLevel,
  processLevels,
  type SystemProcessesBody,
} from '../../../../shared/registry/processes.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { parentProblem, type TreeProblem } from '../../../platform/directory/tree.ts';
import { problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import {
  afterKey,
  keyOrder,
  type SortKey,
  sortKeyFields,
  sortKeyOfRow,
  toPage,
  withoutKey,
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
import { recordTypes } from '../records/schema.ts';
import { systems } from '../systems/schema.ts';
import { type ReferenceNode, referenceTree } from './reference-data.ts';
import { processes, systemProcesses } from './schema.ts';

// The rules of the process tree and of the systems that support each process: the only writer of
// ./schema.ts. Levels nest in order (a parent is one level up), a code names one active node of
// the tenant, a node is never moved below itself, and nothing is deleted: nodes are archived.

export type ProcessRow = typeof processes.$inferSelect;

const CODE_TAKEN = 'Another active process has this code';

const moveMessages: Record<TreeProblem, string> = {
  self: 'A process cannot be its own parent',
  missing: 'No such active process',
  archived: 'No such active process',
  below: 'A process cannot be moved below itself',
};

const levelNames: Record<ProcessLevel, string> = {
  activityType: 'verksamhetstyp (activityType)',
  area: 'verksamhetsområde (area)',
  group: 'processgrupp (group)',
  process: 'process',
};

// ---------------------------------------------------------------- reading

/**
 * The columns each sort orders by, the node's id last: its keyset. A code sorts in natural order
 * (3.2 before 3.10); a level from the top of the tree down (the codes of the levels sort so), the
 * code breaking ties.
 */
const sortKeys: Record<ProcessSort, SortKey> = {
  code: { columns: [sql`${processes.sortCode}`, sql`${processes.id}`], types: ['text', 'uuid'] },
  name: { columns: [sql`${processes.sortName}`, sql`${processes.id}`], types: ['text', 'uuid'] },
  level: {
    columns: [sql`${processes.level}`, sql`${processes.sortCode}`, sql`${processes.id}`],
    types: ['text', 'text', 'uuid'],
  },
};

export async function listProcesses(
  db: Database,
  actor: Actor,
  query: Omit<ProcessListQuery, 'sort' | 'order'> & Partial<Pick<ProcessListQuery, 'sort' | 'order'>>,
) {
  const s = readScope(db, actor);
  const key = sortKeys[query.sort ?? 'code'];
  const desc = query.order === 'desc';
  const rows = await db
    .select({ ...getTableColumns(processes), ...sortKeyFields(key) })
    .from(processes)
    .where(
      s.where(
        processes,
        query.includeArchived ? undefined : isNull(processes.archivedAt),
        query.parentId ? eq(processes.parentId, query.parentId) : undefined,
        query.level ? eq(processes.level, query.level) : undefined,
        query.search
          ? or(
              sql`${processes.name} ilike ${likePattern(query.search)}`,
              sql`${processes.code} ilike ${likePattern(query.search)}`,
              sql`${processes.description} ilike ${likePattern(query.search)}`,
            )
          : undefined,
        afterKey(key, query.cursor, desc),
      ),
    )
    .orderBy(...keyOrder(key, desc))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => sortKeyOfRow(key, r));
  return { items: page.items.map((r) => withoutKey(r)), nextCursor: page.nextCursor };
}

/**
 * The whole tree in code order, with how many systems and record types hang on each node: three
 * queries however large the tree (a municipality's is a few hundred nodes).
 */
export async function processTree(db: Database, actor: Actor, includeArchived: boolean) {
  const s = readScope(db, actor);
  const rows = await db
    .select()
    .from(processes)
    .where(s.where(processes, includeArchived ? undefined : isNull(processes.archivedAt)))
    .orderBy(asc(processes.sortCode), asc(processes.id));
  const systemCounts = await db
    .select({ processId: systemProcesses.processId, n: count() })
    .from(systemProcesses)
    .innerJoin(
      systems,
      and(eq(systems.tenantId, systemProcesses.tenantId), eq(systems.id, systemProcesses.systemId)),
    )
    .where(s.where(systemProcesses, isNull(systems.archivedAt)))
    .groupBy(systemProcesses.processId);
  const recordCounts = await db
    .select({ processId: recordTypes.processId, n: count() })
    .from(recordTypes)
    .where(s.where(recordTypes, isNull(recordTypes.archivedAt)))
    .groupBy(recordTypes.processId);
  const bySystem = new Map(systemCounts.map((r) => [r.processId, Number(r.n)]));
  const byRecord = new Map(recordCounts.map((r) => [r.processId, Number(r.n)]));
  return rows.map((row) => ({
    ...row,
    systemCount: bySystem.get(row.id) ?? 0,
    recordTypeCount: byRecord.get(row.id) ?? 0,
  }));
}

export async function getProcess(db: Executor, actor: Actor, id: string): Promise<ProcessRow> {
  const [row] = await db
    .select()
    .from(processes)
    .where(and(eq(processes.tenantId, actor.tenantId), eq(processes.id, id)));
  if (!row) throw problems.notFound('process');
  return row;
}

/** The nodes from the verksamhetstyp down to this one (included), in one recursive query. */
export async function pathOf(db: Executor, tenantId: string, id: string): Promise<ProcessRow[]> {
  const result = await db.execute(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from ${processes} where tenant_id = ${tenantId} and id = ${id}
      union all
      select p.id, p.parent_id, up.depth + 1 from ${processes} p
        join up on p.tenant_id = ${tenantId} and p.id = up.parent_id
      where up.depth < 10
    )
    select id from up order by depth desc`);
  const order = rowsOf<{ id: string }>(result).map((r) => r.id);
  if (order.length === 0) return [];
  const rows = await db
    .select()
    .from(processes)
    .where(and(eq(processes.tenantId, tenantId), inArray(processes.id, order)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return order.map((i) => byId.get(i)!).filter(Boolean);
}

/** Codes, names and links of processes by id (record types, the audit trail, other parts). */
export async function processRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  const map = new Map<
    string,
    { id: string; code: string; name: string; level: ProcessLevel; archived: boolean; href: string }
  >();
  if (ids.length === 0) return map;
  const rows = await db
    .select({
      id: processes.id,
      code: processes.code,
      name: processes.name,
      level: processes.level,
      archivedAt: processes.archivedAt,
    })
    .from(processes)
    .where(and(eq(processes.tenantId, tenantId), inArray(processes.id, [...new Set(ids)])));
  for (const r of rows)
    map.set(r.id, {
      id: r.id,
      code: r.code,
      name: `${r.code} ${r.name}`,
      level: r.level as ProcessLevel,
      archived: r.archivedAt !== null,
      href: `/processes/${r.id}`,
    });
  return map;
}

// ---------------------------------------------------------------- the rules of the tree

/** The active node with this id, locked, or a 400 naming `field`. */
async function activeParent(s: TenantScope, parentId: string, field: string) {
  const parent = await lockRow(s, processes, parentId);
  if (!parent || parent.archivedAt) throw problems.field(field, 'No such active process');
  return parent;
}

/** A node of `level` may hang under `parent` (null: none) only if the parent is one level up. */
function checkNesting(level: ProcessLevel, parent: ProcessRow | null, field: string) {
  const wanted = parentLevel(level);
  if (wanted === null && parent) throw problems.field(field, 'A verksamhetstyp (activityType) has no parent');
  if (wanted !== null && !parent)
    throw problems.field(field, `A ${levelNames[level]} needs a parent of level ${levelNames[wanted]}`);
  if (wanted !== null && parent && parent.level !== wanted)
    throw problems.field(
      field,
      `A ${levelNames[level]} must be placed under a ${levelNames[wanted]}, not a ${levelNames[parent.level as ProcessLevel]}`,
    );
}

export function createProcess(db: Database, actor: Actor, input: ProcessCreate): Promise<ProcessRow> {
  return guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        const parent = input.parentId ? await activeParent(s, input.parentId, 'body.parentId') : null;
        checkNesting(input.level, parent, 'body.parentId');
        const [row] = await s
          .insert(processes, {
            id: newId(),
            parentId: input.parentId ?? null,
            level: input.level,
            code: input.code,
            sortCode: codeSortKey(input.code),
            name: input.name,
            description: input.description ?? null,
          })
          .returning();
        await s.audit({ entity: 'process', entityId: row!.id, action: 'create', after: row! });
        return row!;
      }),
    'body.code',
    CODE_TAKEN,
  );
}

export function updateProcess(db: Database, actor: Actor, id: string, input: ProcessUpdate) {
  return guardUnique(
    () =>
      inTenant(db, actor, async (s) => {
        const before = await lockRow(s, processes, id);
        assertVersion(before, input.version, 'process');
        if (before!.archivedAt) throw problems.conflict('The process is archived; restore it first');
        const { version, ...changes } = input;
        const [after] = await s
          .update(
            processes,
            {
              ...definedOnly(changes),
              ...(changes.code !== undefined ? { sortCode: codeSortKey(changes.code) } : {}),
              version: version + 1,
              updatedAt: new Date(),
            },
            eq(processes.id, id),
          )
          .returning();
        await s.audit({ entity: 'process', entityId: id, action: 'update', before, after: after! });
        return after!;
      }),
    'body.code',
    CODE_TAKEN,
  );
}

/**
 * Moves a node under another parent. The unit tree's rule (../../../platform/directory/tree.ts)
 * refuses a parent that is the node itself, missing, archived, or below the node; then the levels
 * must still nest in order.
 */
export function moveProcess(db: Database, actor: Actor, id: string, input: ProcessMove) {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, processes, id);
    assertVersion(before, input.version, 'process');
    if (before!.archivedAt) throw problems.conflict('The process is archived; restore it first');
    let parent: ProcessRow | null = null;
    if (input.parentId !== null) {
      // The ancestors of the new parent, to walk up from it (one recursive query).
      const chain = await pathOf(s.tx, s.tenantId, input.parentId);
      const nodes = new Map(
        chain.map((n) => [n.id, { parentId: n.parentId, active: n.archivedAt === null }]),
      );
      const problem = parentProblem(id, input.parentId, (n) => nodes.get(n));
      if (problem) throw problems.field('body.parentId', moveMessages[problem]);
      parent = await activeParent(s, input.parentId, 'body.parentId');
    }
    checkNesting(before!.level as ProcessLevel, parent, 'body.parentId');
    const [after] = await s
      .update(
        processes,
        { parentId: input.parentId, version: input.version + 1, updatedAt: new Date() },
        eq(processes.id, id),
      )
      .returning();
    await s.audit({ entity: 'process', entityId: id, action: 'move', before, after: after! });
    return after!;
  });
}

export function archiveProcess(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, (s) =>
    archiveRow(s, processes, id, input, {
      entity: 'process',
      async check() {
        const [child] = await s.tx
          .select({ id: processes.id })
          .from(processes)
          .where(s.where(processes, eq(processes.parentId, id), isNull(processes.archivedAt)))
          .limit(1);
        if (child)
          throw problems.conflict('The process has active sub-processes; archive or move them first');
        const [kept] = await s.tx
          .select({ id: recordTypes.id })
          .from(recordTypes)
          .where(s.where(recordTypes, eq(recordTypes.processId, id), isNull(recordTypes.archivedAt)))
          .limit(1);
        if (kept) throw problems.conflict('The process has active record types; archive or move them first');
      },
    }),
  );
}

export function restoreProcess(db: Database, actor: Actor, id: string, version: number) {
  return guardUnique(
    () =>
      inTenant(db, actor, (s) =>
        restoreRow(
          s,
          processes,
          id,
          { version },
          {
            entity: 'process',
            async check(row) {
              if (!row.parentId) return;
              const parent = await lockRow(s, processes, row.parentId);
              if (!parent || parent.archivedAt)
                throw problems.conflict('The process above it is archived; restore that first');
            },
          },
        ),
      ),
    'body.version',
    'Another active process has taken its code; change that code first',
  );
}

// ---------------------------------------------------------------- the reference structure

/** The reference tree as rows, codes by position (see ./reference-data.ts). */
export function referenceRows(): {
  code: string;
  parentCode: string | null;
  level: ProcessLevel;
  name: string;
  description: string | null;
}[] {
  const out: ReturnType<typeof referenceRows> = [];
  const walk = (nodes: ReferenceNode[], parentCode: string | null, depth: number) => {
    nodes.forEach((node, i) => {
      const code = parentCode ? `${parentCode}.${i + 1}` : String(i + 1);
      out.push({
        code,
        parentCode,
        level: processLevels[depth]!,
        name: node.name,
        description: node.description ?? null,
      });
      if (node.children) walk(node.children, code, depth + 1);
    });
  };
  walk(referenceTree, null, 0);
  return out;
}

/**
 * Loads the reference structure into a tenant that has no tree. Idempotent: when the reference is
 * already loaded (a node of the tenant came from it, archived or not) nothing is added; when the
 * tenant has built a tree of its own, 409, rather than mixing two numberings. Two calls at once
 * are serialised by a transaction-scoped advisory lock on the tenant.
 */
export function loadReference(db: Database, actor: Actor): Promise<{ created: number }> {
  return inTenant(db, actor, async (s) => ({ created: (await writeReference(s)).created }));
}

/** loadReference in a transaction the caller holds; answers the rows it wrote. */
export async function writeReference(s: TenantScope): Promise<{ created: number; rows: ProcessRow[] }> {
  await s.tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`registry_processes:${s.tenantId}`}))`);
  const [loaded] = await s.tx
    .select({ id: processes.id })
    .from(processes)
    .where(s.where(processes, isNotNull(processes.referenceCode)))
    .limit(1);
  if (loaded) return { created: 0, rows: [] };
  const [own] = await s.tx.select({ id: processes.id }).from(processes).where(s.where(processes)).limit(1);
  if (own)
    throw problems.conflict(
      'The organisation already has a process tree of its own; the reference structure is loaded only into an empty one',
    );
  const ids = new Map<string, string>();
  const rows = referenceRows().map((r) => {
    const id = newId();
    ids.set(r.code, id);
    return {
      id,
      parentId: r.parentCode ? ids.get(r.parentCode)! : null,
      level: r.level,
      code: r.code,
      sortCode: codeSortKey(r.code),
      name: r.name,
      description: r.description,
      referenceCode: r.code,
    };
  });
  // Parents come before their children in the list, so one multi-row INSERT per chunk keeps the
  // foreign keys satisfied; every node gets its create event.
  const written = await s.insertMany(processes, rows, { audit: 'process' });
  return { created: rows.length, rows: written };
}

// ---------------------------------------------------------------- systems that support processes

export async function processesOfSystem(db: Executor, tenantId: string, systemId: string) {
  const rows = await db
    .select({
      id: processes.id,
      code: processes.code,
      name: processes.name,
      level: processes.level,
      archivedAt: processes.archivedAt,
      sortCode: processes.sortCode,
    })
    .from(systemProcesses)
    .innerJoin(
      processes,
      and(eq(processes.tenantId, systemProcesses.tenantId), eq(processes.id, systemProcesses.processId)),
    )
    .where(and(eq(systemProcesses.tenantId, tenantId), eq(systemProcesses.systemId, systemId)))
    .orderBy(asc(processes.sortCode));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level as ProcessLevel,
    archived: r.archivedAt !== null,
  }));
}

async function systemOf(db: Executor, actor: Actor, systemId: string) {
  const [row] = await db
    .select({ id: systems.id, version: systems.version, archivedAt: systems.archivedAt })
    .from(systems)
    .where(and(eq(systems.tenantId, actor.tenantId), eq(systems.id, systemId)));
  if (!row) throw problems.notFound('system');
  return row;
}

export async function getSystemProcesses(db: Database, actor: Actor, systemId: string) {
  await systemOf(db, actor, systemId);
  return processesOfSystem(db, actor.tenantId, systemId);
}

/**
 * Replaces the set of processes a system supports. The links are a set, not records of their own:
 * they are rewritten as a whole, and the audit trail keeps what the set was before and after.
 * `version`, when given, is the system's: a stale one answers 409 (the system's record is not
 * changed by this; it belongs to the systems part).
 */
export function setSystemProcesses(db: Database, actor: Actor, systemId: string, input: SystemProcessesBody) {
  return inTenant(db, actor, (s) => writeSystemProcesses(s, systemId, input));
}

/** setSystemProcesses in a transaction the caller holds (the demo links many systems in one). */
export async function writeSystemProcesses(s: TenantScope, systemId: string, input: SystemProcessesBody) {
  const system = await lockRow(s, systems, systemId);
  if (!system) throw problems.notFound('system');
  if (input.version !== undefined) assertVersion(system, input.version, 'system');
  if (system.archivedAt) throw problems.conflict('The system is archived; restore it first');
  const wanted = [...new Set(input.processIds)];
  if (wanted.length !== input.processIds.length) {
    const seen = new Set<string>();
    input.processIds.forEach((id, i) => {
      if (seen.has(id)) throw problems.field(`body.processIds.${i}`, 'The process is listed twice');
      seen.add(id);
    });
  }
  const before = await processesOfSystem(s.tx, s.tenantId, systemId);
  const known = new Set(before.map((p) => p.id));
  if (wanted.length > 0) {
    const found = await s.tx
      .select({ id: processes.id, archivedAt: processes.archivedAt })
      .from(processes)
      .where(s.where(processes, inArray(processes.id, wanted)));
    // A link kept from before may point at a process archived since; only new links must be active.
    const usable = new Set(found.filter((p) => p.archivedAt === null || known.has(p.id)).map((p) => p.id));
    input.processIds.forEach((id, i) => {
      if (!usable.has(id)) throw problems.field(`body.processIds.${i}`, 'No such active process');
    });
  }
  await s.tx.delete(systemProcesses).where(s.where(systemProcesses, eq(systemProcesses.systemId, systemId)));
  if (wanted.length > 0)
    await s.insertMany(
      systemProcesses,
      wanted.map((processId) => ({ systemId, processId })),
    );
  const after = await processesOfSystem(s.tx, s.tenantId, systemId);
  const ids = (list: { id: string }[]) => list.map((p) => p.id).sort();
  if (ids(before).join() !== ids(after).join())
    await s.audit({
      entity: 'system',
      entityId: systemId,
      action: 'processes',
      before: { processIds: ids(before) },
      after: { processIds: ids(after) },
    });
  return after;
}

/** The systems that support a process, in name order. */
export async function systemsOfProcess(
  db: Database,
  actor: Actor,
  processId: string,
  includeArchived = false,
) {
  await getProcess(db, actor, processId);
  const conditions: SQL[] = [
    eq(systemProcesses.tenantId, actor.tenantId),
    eq(systemProcesses.processId, processId),
  ];
  if (!includeArchived) conditions.push(isNull(systems.archivedAt));
  const rows = await db
    .select({ id: systems.id, name: systems.name, archivedAt: systems.archivedAt })
    .from(systemProcesses)
    .innerJoin(
      systems,
      and(eq(systems.tenantId, systemProcesses.tenantId), eq(systems.id, systemProcesses.systemId)),
    )
    .where(and(...conditions))
    .orderBy(asc(systems.sortName), asc(systems.id));
  return rows.map((r) => ({ id: r.id, name: r.name, archived: r.archivedAt !== null }));
}
