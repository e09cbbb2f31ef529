import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordType } from '../../../../shared/registry/records.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';
import { byKeys, everyPage, expectSorts } from '../sort-walk.ts';

// The record types' list in each of its sorts, both ways, paged three at a time: the same rows,
// none twice, in the order computed here (a process by its code in natural order; equal names on
// two processes and on one process's two types test the id).

let t: TestContext;
let admin: Session;

const post = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: admin.headers(), payload });

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  await post('/api/v1/processes/reference', {});
  const found = json(
    await t.app.inject({ url: '/api/v1/processes?level=process&limit=40', headers: admin.headers() }),
  ).items as { id: string; code: string }[];
  // Processes far apart in the tree, so that natural order of codes matters (…9 before …10 if any).
  const picked = [found[0], found[found.length - 1], found[Math.floor(found.length / 2)]];
  const types: [number, string, 'preserve' | 'dispose'][] = [
    [0, 'Protokoll', 'preserve'],
    [1, 'Protokoll', 'dispose'],
    [2, 'Ansökan', 'dispose'],
    [1, 'Beslut', 'preserve'],
    [2, 'Yttrande', 'preserve'],
    [0, 'Avtal', 'dispose'],
    [2, 'Kallelse', 'dispose'],
  ];
  for (const [process, name, retention] of types) {
    const created = await post('/api/v1/record-types', {
      processId: picked[process]?.id,
      name,
      format: 'digital',
      retention,
      retentionMonths: retention === 'dispose' ? 60 : undefined,
      registration: 'keepOrdered',
    });
    expect(created.statusCode, `${name} ${created.body}`).toBe(201);
  }
});
afterAll(() => t.close());

// The natural order of a code: each number padded, so 3.2 comes before 3.10.
const code = (r: RecordType) =>
  r.process.code
    .split('.')
    .map((n) => n.padStart(8, '0'))
    .join('.');
const name = (r: RecordType) => r.name.toLowerCase();
const id = (r: RecordType) => r.id;

describe('the record types sorted', () => {
  it('pages through every sort both ways without skips or repeats', async () => {
    expect((await everyPage(t, admin, '/api/v1/record-types', 100)).rows).toHaveLength(7);
    await expectSorts<RecordType>(t, admin, '/api/v1/record-types', 3, {
      name: byKeys(name, id),
      process: byKeys(code, name, id),
      // Disposed of before preserved.
      retention: byKeys((r) => r.retention, name, id),
    });
  });

  it('keeps the name order without a sort, exports in the sort asked for, and refuses a bad sort', async () => {
    const plain = await everyPage(t, admin, '/api/v1/record-types', 2);
    const byName = await everyPage(t, admin, '/api/v1/record-types?sort=name', 2);
    expect(plain.rows.map((r) => r.id)).toEqual(byName.rows.map((r) => r.id));
    const exported = await t.app.inject({
      url: '/api/v1/record-types/export?format=csv&sort=process&order=desc',
      headers: admin.headers(),
    });
    expect(exported.statusCode).toBe(200);
    const listed = await everyPage(t, admin, '/api/v1/record-types?sort=process&order=desc', 3);
    const cells = exported.body
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => {
        const c = l.split(';');
        return `${c[0]};${c[2]}`;
      });
    expect(cells).toEqual(listed.rows.map((r) => `${r.process.code};${r.name}`));
    const bad = await t.app.inject({ url: '/api/v1/record-types?sort=colour', headers: admin.headers() });
    expect(bad.statusCode).toBe(400);
  });
});
