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
