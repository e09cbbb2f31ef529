import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rowsOf } from './client.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

// The migrated schema's indexes, as the planner will see them.
//
// Lists sort with plain `desc` (platform/pagination.ts keyOrder), which is DESC NULLS FIRST. An
// index column declared `.desc()` in drizzle is DESC NULLS LAST, a different order: the planner
// cannot use it for such a list and sorts every row instead (the ranked backlog took 60 ms at
// 20,000 demands instead of 0.5). An ascending index serves a descending list by a backward scan.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.dispose());

it('declares no index column DESC NULLS LAST, which the lists’ `order by … desc` cannot use', async () => {
  const rows = rowsOf<{ name: string; definition: string }>(
    await t.db.execute(
      sql`select indexname as name, indexdef as definition from pg_indexes where schemaname = current_schema()`,
    ),
  );
  expect(rows.length).toBeGreaterThan(50);
  expect(rows.filter((r) => /DESC NULLS LAST/i.test(r.definition)).map((r) => r.name)).toEqual([]);
});

it('reads the ranked backlog by the rank index, not by sorting every demand', async () => {
  const plan = rowsOf<Record<string, string>>(
    await t.db.execute(
      sql`explain select id from portfolio_demands
          where tenant_id = '00000000-0000-0000-0000-000000000000' order by score desc, id desc limit 51`,
    ),
  )
    .map((r) => Object.values(r)[0])
    .join('\n');
  expect(plan).toContain('portfolio_demands_rank_idx');
  expect(plan).not.toMatch(/Sort/);
});
