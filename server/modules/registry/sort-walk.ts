import { expect } from 'vitest';
import { json, type Session, type TestContext } from '../../testing.ts';

// For the tests of the register's sortable lists: reads a list page by page through its cursors
// in one sort and order, and compares the ids with the order the test computed itself.

// biome-ignore lint/suspicious/noExplicitAny: the rows of any list
type Row = { id: string } & Record<string, any>;

/** Every row of a list in a sort and order, `limit` at a time; fails on a repeated row. */
export async function everyPage(t: TestContext, session: Session, url: string, limit: number) {
  const rows: Row[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const response = await t.app.inject({
      url: `${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      headers: session.headers(),
    });
    expect(response.statusCode, url).toBe(200);
    const page = json(response) as { items: Row[]; nextCursor: string | null };
    rows.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  expect(new Set(rows.map((r) => r.id)).size, `${url}: a row repeated`).toBe(rows.length);
  return { rows, pages };
}

/** A comparator of several keys: numbers and strings ascending, the first that differs decides. */
export function byKeys<T>(...keys: ((row: T) => string | number)[]) {
  return (a: T, b: T) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
}

/**
 * Pages through `url` in each sort both ways, `limit` a page (so across two or more pages), and
 * expects the ids in the order `expected[sort]` computes from the rows of the first walk.
 */
export async function expectSorts<T extends Row>(
  t: TestContext,
  session: Session,
  url: string,
  limit: number,
  expected: Record<string, (a: T, b: T) => number>,
) {
  const sep = url.includes('?') ? '&' : '?';
  for (const [sort, compare] of Object.entries(expected)) {
    const asc = await everyPage(t, session, `${url}${sep}sort=${sort}&order=asc`, limit);
    expect(asc.pages, sort).toBeGreaterThanOrEqual(2);
    const want = [...(asc.rows as T[])].sort(compare).map((r) => r.id);
    expect(
      asc.rows.map((r) => r.id),
      `${sort} asc`,
    ).toEqual(want);
    const desc = await everyPage(t, session, `${url}${sep}sort=${sort}&order=desc`, limit);
    expect(
      desc.rows.map((r) => r.id),
      `${sort} desc`,
    ).toEqual([...want].reverse());
  }
}
