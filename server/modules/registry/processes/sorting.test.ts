import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeSortKey, type ProcessNode, processLevels } from '../../../../shared/registry/processes.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';
import { byKeys, everyPage, expectSorts } from '../sort-walk.ts';

// The processes' list in each of its sorts, both ways, paged three at a time: the same rows, none
// twice, in the order computed here (codes in natural order, 1.2 before 1.10; levels from the top
// of the tree down; two nodes of one name test the id).

let t: TestContext;
let admin: Session;

const post = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: admin.headers(), payload });

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  const node = async (parentId: string | null, level: string, code: string, name: string) => {
    const created = await post('/api/v1/processes', { parentId, level, code, name });
    expect(created.statusCode, created.body).toBe(201);
    return json(created).id as string;
  };
  const styrning = await node(null, 'activityType', '2', 'Styrning');
  const karn = await node(null, 'activityType', '1', 'Karnverksamhet');
  const skola = await node(karn, 'area', '1.10', 'Skola');
  await node(karn, 'area', '1.2', 'Omsorg');
  const antagning = await node(skola, 'group', '1.10.1', 'Antagning');
  await node(antagning, 'process', '1.10.1.1', 'Ansokan');
  await node(styrning, 'area', '2.1', 'Ansokan');
});
afterAll(() => t.close());

const code = (p: ProcessNode) => codeSortKey(p.code);
const id = (p: ProcessNode) => p.id;

describe('the processes sorted', () => {
  it('pages through every sort both ways without skips or repeats', async () => {
    expect((await everyPage(t, admin, '/api/v1/processes', 100)).rows).toHaveLength(7);
    await expectSorts<ProcessNode>(t, admin, '/api/v1/processes', 3, {
      code: byKeys(code, id),
      name: byKeys((p) => p.name.toLowerCase(), id),
      level: byKeys((p) => processLevels.indexOf(p.level), code, id),
    });
  });

  it('keeps the code order without a sort and refuses a bad sort or cursor', async () => {
    const plain = await everyPage(t, admin, '/api/v1/processes', 2);
    expect(plain.rows.map((r) => r.code)).toEqual(['1', '1.2', '1.10', '1.10.1', '1.10.1.1', '2', '2.1']);
    const get = (url: string) => t.app.inject({ url, headers: admin.headers() });
    const bad = await get('/api/v1/processes?sort=parent');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await get('/api/v1/processes?order=up')).statusCode).toBe(400);
    const first = json(await get('/api/v1/processes?limit=2&sort=level'));
    expect((await get(`/api/v1/processes?sort=name&cursor=${first.nextCursor}`)).statusCode).toBe(400);
  });
});
