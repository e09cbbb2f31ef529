import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../testing.ts';

// The portfolio in the global search (GET /api/v1/search): a demand, a project and a procurement
// are found by a reader who may read them (staff), an employee finds their own demand only and
// none of the portfolio's other records, and tenant B finds none of A's.

let t: TestContext;
let admin: Session;
let reader: Session;
let employee: Session;
let bAdmin: Session;
let readerId: string;

const WORD = 'Kvarnstensprojektet';

function post(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
}
const search = async (session: Session, q: string) => {
  const response = await t.app.inject({
    url: `/api/v1/search?q=${encodeURIComponent(q)}`,
    headers: session.headers(),
  });
  expect(response.statusCode, response.body).toBe(200);
  return JSON.stringify(json(response));
};

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  readerId = (await seedPerson(t.db, t.a, 'reader@a.example', ['reader'])).id;
  reader = await signIn(t.app, 'reader@a.example');
  await seedPerson(t.db, t.a, 'employee@a.example', ['employee']);
  employee = await signIn(t.app, 'employee@a.example');
});
afterAll(() => t.close());

describe('the portfolio in the global search', () => {
  it('finds a demand, a project and a procurement for a reader who may, none for tenant B', async () => {
    const created = async (url: string, session: Session, body: Record<string, unknown>) => {
      const response = await post(session, url, body);
      expect(response.statusCode, response.body).toBe(201);
      return json(response).id as string;
    };
    const demand = await created('/api/v1/demands', admin, {
      title: `${WORD}: nytt behov`,
      description: 'Ett behov',
      scope: 'shared',
    });
    const own = await created('/api/v1/demands', employee, {
      title: `${WORD}: min idé`,
      description: 'En idé',
      scope: 'local',
      unitId: t.a.unitId,
    });
    const project = await created('/api/v1/projects', admin, {
      name: `${WORD} införande`,
      phase: 'planning',
      managerId: readerId,
      unitId: t.a.unitId,
    });
    const procurement = await created('/api/v1/procurements', admin, {
      title: `Upphandling för ${WORD}`,
      procedure: 'open',
      status: 'planned',
      unitId: t.a.unitId,
    });
    // Staff find all four, each linked to its page.
    const found = await search(reader, WORD);
    for (const href of [
      `/portfolio/demands/${demand}`,
      `/portfolio/demands/${own}`,
      `/portfolio/projects/${project}`,
      `/portfolio/procurements/${procurement}`,
    ])
      expect(found).toContain(href);
    // An employee finds their own idea, not the others' demand, project or procurement.
    const employees = await search(employee, WORD);
    expect(employees).toContain(own);
    for (const id of [demand, project, procurement]) expect(employees).not.toContain(id);
    // Tenant B finds none of them.
    const b = await search(bAdmin, WORD);
    for (const id of [demand, own, project, procurement]) expect(b).not.toContain(id);
  });
});
