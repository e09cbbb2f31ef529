import { problems } from './errors.ts';

/** Refuses an update based on an older version of the row (optimistic concurrency). */
export function assertVersion(row: { version: number } | undefined, expected: number, what: string) {
  if (!row) throw problems.notFound(what);
  if (row.version !== expected) throw problems.versionConflict(row.version);
}

/** Drops keys whose value is undefined, so a PATCH changes only what it names. */
export function definedOnly<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
