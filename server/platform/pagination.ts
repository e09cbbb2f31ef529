import { and, eq, gt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { problems } from './errors.ts';

// Keyset pagination: the cursor is the sort key of the last row sent, opaque to clients
// (base64url JSON). A page never skips or repeats rows when others are inserted meanwhile.

export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  length: number,
): (string | number | null)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === length &&
      key.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return key;
    }
  } catch {
    // falls through to the problem below
  }
  throw problems.field('querystring.cursor', 'Invalid cursor');
}

/** Takes `limit + 1` rows and splits them into a page and the cursor of the next. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number | null)[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

// Lists in name order (sort_name, id) inside a tenantQuery: the keyset as placeholders, and the
// values a cursor gives them. Every list of named records pages this way.

/** `(sort_name, id) > (:afterName, :afterId)`, written so the (tenant, sort_name, id) index serves it. */
export function afterSortName(table: { sortName: PgColumn; id: PgColumn }): SQL {
  return or(
    gt(table.sortName, sql.placeholder('afterName')),
    and(eq(table.sortName, sql.placeholder('afterName')), gt(table.id, sql.placeholder('afterId'))),
  ) as SQL;
}

/** The afterName/afterId values of a cursor made by toPage with `[sortName, id]` (none without one). */
export function sortNameCursor(cursor: string | undefined): { afterName?: string; afterId?: string } {
  const after = decodeCursor(cursor, 2) as [string, string] | undefined;
  return after ? { afterName: after[0], afterId: after[1] } : {};
}
