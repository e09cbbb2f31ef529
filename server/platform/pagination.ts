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

// Lists with several orders (a `sort` and an `order` query parameter): each sort is a list of
// key columns ending in the record's id, all in one direction, so that a row comparison with the
// cursor's values pages without skips or repeats. Nullable values go in as a rank or a coalesce,
// since a row comparison with a null in it is never true.

export type KeyType = 'int' | 'text' | 'uuid' | 'date' | 'timestamptz';
export type SortKey = { columns: SQL[]; types: KeyType[] };

/**
 * The key's columns as values of the row (`key0`…): timestamps as PostgreSQL's text, exact to the
 * µs, and dates as text too (a driver would read an expression of a date as a Date at midnight).
 */
export function sortKeyFields(key: SortKey): Record<string, SQL> {
  return Object.fromEntries(
    key.columns.map((c, i) => [
      `key${i}`,
      key.types[i] === 'timestamptz' || key.types[i] === 'date' ? sql`${c}::text` : c,
    ]),
  );
}

/** The cursor values of a row selected with sortKeyFields. */
export function sortKeyOfRow(key: SortKey, row: Record<string, unknown>): (string | number | null)[] {
  return key.columns.map((_, i) => row[`key${i}`] as string | number | null);
}

const keyPatterns: Record<Exclude<KeyType, 'int'>, RegExp> = {
  text: /^/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  timestamptz: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/,
};

/** `(key) > (cursor)` (or `<` descending), none without a cursor; a cursor of another sort is a 400. */
export function afterKey(key: SortKey, cursor: string | undefined, desc: boolean): SQL | undefined {
  const after = decodeCursor(cursor, key.columns.length);
  if (!after) return undefined;
  const values = after.map((v, i) => {
    const type = key.types[i] as KeyType;
    if (type === 'int' ? !Number.isInteger(v) : typeof v !== 'string' || !keyPatterns[type].test(v)) {
      throw problems.field('querystring.cursor', 'Invalid cursor');
    }
    return sql`${v}::${sql.raw(type === 'int' ? 'integer' : type)}`;
  });
  return sql`(${sql.join(key.columns, sql`, `)}) ${sql.raw(desc ? '<' : '>')} (${sql.join(values, sql`, `)})`;
}

/** The order by of a key, every column in the one direction. */
export function keyOrder(key: SortKey, desc: boolean): SQL[] {
  return key.columns.map((c) => (desc ? sql`${c} desc` : sql`${c}`));
}

/** Strips the key fields of sortKeyFields from a row. */
export function withoutKey<T extends Record<string, unknown>>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!/^key\d+$/.test(k)) out[k] = v;
  return out as T;
}
