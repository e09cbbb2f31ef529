import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { isUniqueViolation, problems } from './errors.ts';
import type { TenantScope, TenantTable } from './tenancy.ts';
import { assertVersion } from './versioning.ts';

// What every record of every module does the same way: lock a row for a change, archive and
// restore it (public records are never deleted, DESIGN.md), and turn a unique violation into a
// 409 that names the field. One place, so that a module's service holds only its own rules.

/** A tenant table whose rows are records: an id, a version, and archiving. */
export type RecordTable = TenantTable & {
  id: PgColumn;
  version: PgColumn;
  archivedAt: PgColumn;
  archiveReason: PgColumn;
  updatedAt: PgColumn;
};

/** The fields of a record row that archiving reads. */
interface RecordRow {
  version: number;
  archivedAt: Date | null;
}

/**
 * The row with this id in the scope's tenant, locked (`for update`) until the transaction ends;
 * undefined when there is none, also when the id is another tenant's.
 */
export async function lockRow<T extends TenantTable & { id: PgColumn }>(
  s: TenantScope,
  table: T,
  id: string,
): Promise<T['$inferSelect'] | undefined> {
  const [row] = await s.tx
    .select()
    .from(table as PgTable)
    .where(s.where(table, eq(table.id, id)))
    .for('update');
  return row as T['$inferSelect'] | undefined;
}

export interface ArchiveInput {
  version: number;
  reason: string;
}

export interface RecordChange<T extends RecordTable> {
  /** The audit entity ('unit', 'person'); also what a missing row is called (404). */
  entity: string;
  /** The record's name in conflict messages ("The unit is already archived"); the entity by default. */
  noun?: string;
  /** The module's own rules, run on the locked row after the version and state checks; throws to refuse. */
  check?: (row: T['$inferSelect']) => void | Promise<void>;
  /** Further fields to set with the change (a person archived is also made inactive). */
  set?: Partial<T['$inferInsert']>;
}

/**
 * Archives a record with a reason: 404 when it is not in the tenant, 409 on a stale version or
 * when it is already archived, then `check`; sets archived_at, the reason and the next version,
 * and writes the audit event, in the scope's transaction.
 */
export function archiveRow<T extends RecordTable>(
  s: TenantScope,
  table: T,
  id: string,
  input: ArchiveInput,
  options: RecordChange<T>,
): Promise<T['$inferSelect']> {
  return changeArchived(s, table, id, input.version, options, true, {
    archivedAt: new Date(),
    archiveReason: input.reason,
  });
}

/** Restores an archived record: the same checks as archiveRow, the other way round. */
export function restoreRow<T extends RecordTable>(
  s: TenantScope,
  table: T,
  id: string,
  input: { version: number },
  options: RecordChange<T>,
): Promise<T['$inferSelect']> {
  return changeArchived(s, table, id, input.version, options, false, {
    archivedAt: null,
    archiveReason: null,
  });
}

async function changeArchived<T extends RecordTable>(
  s: TenantScope,
  table: T,
  id: string,
  version: number,
  options: RecordChange<T>,
  archive: boolean,
  fields: { archivedAt: Date | null; archiveReason: string | null },
): Promise<T['$inferSelect']> {
  const before = (await lockRow(s, table, id)) as (T['$inferSelect'] & RecordRow) | undefined;
  assertVersion(before, version, options.entity);
  const noun = options.noun ?? options.entity;
  if (archive && before!.archivedAt) throw problems.conflict(`The ${noun} is already archived`);
  if (!archive && !before!.archivedAt) throw problems.conflict(`The ${noun} is not archived`);
  await options.check?.(before!);
  const [after] = (await s
    .update(
      table,
      { ...options.set, ...fields, version: version + 1, updatedAt: new Date() } as Partial<
        T['$inferInsert']
      >,
      eq(table.id, id),
    )
    .returning()) as T['$inferSelect'][];
  await s.audit({
    entity: options.entity,
    entityId: id,
    action: archive ? 'archive' : 'restore',
    before: before as Record<string, unknown>,
    after: after as Record<string, unknown>,
  });
  return after!;
}

/**
 * Runs `work` (usually an inTenant transaction) and answers a unique violation in it with 409
 * naming the field (`body.email`) and saying why, instead of a bare conflict.
 */
export async function guardUnique<R>(work: () => Promise<R>, field: string, message: string): Promise<R> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw problems.conflict(message, [{ path: field, message }]);
    throw error;
  }
}
