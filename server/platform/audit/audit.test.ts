import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { createTestContext, json, seedPerson, signIn, type TestContext } from '../../testing.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('the audit CSV export', () => {
  it('escapes cells a spreadsheet would run as a formula', async () => {
    const person = await seedPerson(t.db, t.a, 'formel@a.example', ['admin']);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${person.id}`,
      headers: (await signIn(t.app, t.a.adminEmail)).headers(),
      payload: { givenName: '=HYPERLINK("http://evil.example","klicka")', version: person.version },
    });
    const sneaky = await signIn(t.app, 'formel@a.example');
    const unit = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: sneaky.headers(),
      payload: { name: '+1', kind: 'office' },
    });
    expect(unit.statusCode).toBe(201);

    const response = await t.app.inject({
      url: `/api/v1/audit/export?entity=unit&entityId=${json(unit).id}`,
      headers: sneaky.headers(),
    });
    expect(response.statusCode).toBe(200);
    const rows = parse(response.body.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!.actor).toBe(`'=HYPERLINK("http://evil.example","klicka") ${person.familyName}`);
    // The unit's name travels inside the JSON of the changes, which starts with `{`.
    expect(JSON.parse(row!.changes!).name).toEqual([null, '+1']);
    for (const cell of Object.values(row!)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('the audit table', () => {
  it('refuses TRUNCATE, UPDATE and DELETE, whoever asks', async () => {
    const count = async () =>
      rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from audit_events`))[0]!.n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await expect(t.database.exec('truncate audit_events')).rejects.toThrow(/append-only/);
    await expect(t.database.exec('truncate audit_events cascade')).rejects.toThrow(/append-only/);
    await expect(t.database.exec(`update audit_events set action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.database.exec('delete from audit_events')).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
  });
});
