import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';

// The AI Act register through the API on a real database: registering, the AI Act's rules on the
// combination of fields, who may change what, the list's filters and the export.

let t: TestContext;
let admin: Session;
let system: string;
let other: string;

const post = (session: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  system = json(await post(admin, '/api/v1/systems', { name: 'Socialtjänst', scope: 'business' })).id;
  other = json(await post(admin, '/api/v1/systems', { name: 'Webbplats', scope: 'shared' })).id;
});
afterAll(() => t.close());

const highRisk = () => ({
  systemId: system,
  name: 'Beslutsstöd bistånd',
  purpose: 'Förslag till beslut',
  riskCategory: 'high',
  highRiskArea: 'essentialServices',
  motivation: 'Bilaga III punkt 5 a',
  friaRequired: true,
  friaOn: '2026-06-15',
  friaResult: 'Åtgärder beslutade',
  transparency: 'Framgår av beslutet',
  humanOversight: 'Handläggaren beslutar',
  registrationStatus: 'registered',
});

describe('AI applications', () => {
  it('registers, reads, lists by filter, changes, archives and restores', async () => {
    const created = await post(admin, '/api/v1/ai-applications', highRisk());
    expect(created.statusCode).toBe(201);
    const app = json(created);
    expect(app).toMatchObject({
      systemName: 'Socialtjänst',
      riskCategory: 'high',
      version: 1,
      can: { update: true },
    });
    const chat = json(
      await post(admin, '/api/v1/ai-applications', {
        systemId: other,
        name: 'Chattbot',
        riskCategory: 'limited',
      }),
    );
    const open = json(
      await post(admin, '/api/v1/ai-applications', { systemId: other, name: 'Översättning' }),
    );

    const ids = async (q: string) =>
      json(await get(admin, `/api/v1/ai-applications${q}`)).items.map((a: { id: string }) => a.id);
    expect(await ids('')).toEqual([app.id, chat.id, open.id]);
    expect(await ids('?riskCategory=high')).toEqual([app.id]);
    expect(await ids('?assessed=false')).toEqual([open.id]);
    expect(await ids(`?systemId=${other}`)).toEqual([chat.id, open.id]);
    expect(await ids('?search=social')).toEqual([app.id]);
    const first = json(await get(admin, '/api/v1/ai-applications?limit=2'));
    expect(
      json(await get(admin, `/api/v1/ai-applications?limit=2&cursor=${first.nextCursor}`)).items[0].id,
    ).toBe(open.id);

    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/ai-applications/${open.id}`,
      headers: admin.headers(),
      payload: { version: 1, riskCategory: 'minimal', humanOversight: 'Granskas' },
    });
    expect(json(changed)).toMatchObject({ riskCategory: 'minimal', version: 2 });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/ai-applications/${open.id}`,
      headers: admin.headers(),
      payload: { version: 1, name: 'Gammalt' },
    });
    expect(stale.statusCode).toBe(409);

    expect(
      (await post(admin, `/api/v1/ai-applications/${open.id}/archive`, { version: 2, reason: 'Avvecklad' }))
        .statusCode,
    ).toBe(200);
    expect(await ids('')).toEqual([app.id, chat.id]);
    expect(
      json(await post(admin, `/api/v1/ai-applications/${open.id}/restore`, { version: 3 })).archivedAt,
    ).toBeNull();

    const file = await get(admin, '/api/v1/ai-applications/export?format=csv&riskCategory=high');
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain(
      'Beslutsstöd bistånd;Socialtjänst;Förslag till beslut;hög risk;samhällsservice och förmåner',
    );
    expect(file.body).not.toContain('Chattbot');
  });

  it('holds the AI Act’s rules on the combination of fields, naming the field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ highRiskArea: null }, 'body.highRiskArea'],
      [{ riskCategory: 'limited' }, 'body.highRiskArea'],
      [{ friaRequired: false, friaOn: null, friaResult: null }, 'body.friaRequired'],
      [{ friaOn: null }, 'body.friaOn'],
      [{ riskCategory: 'severe' }, 'body.riskCategory'],
      [{ highRiskArea: 'weather' }, 'body.highRiskArea'],
      [
        {
          systemId: json(
            await post(await signIn(t.app, t.b.adminEmail), '/api/v1/systems', {
              name: 'B',
              scope: 'shared',
            }),
          ).id,
        },
        'body.systemId',
      ],
    ];
    for (const [change, path] of cases) {
      const response = await post(admin, '/api/v1/ai-applications', {
        ...highRisk(),
        name: 'Regelprov',
        ...change,
      });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(json(response).errors[0].path).toBe(path);
    }
    expect(json(await get(admin, '/api/v1/ai-applications?search=Regelprov')).items).toEqual([]);
    const twice = await post(admin, '/api/v1/ai-applications', {
      ...highRisk(),
      name: 'beslutsstöd  bistånd'.replace('  ', ' '),
    });
    expect(twice.statusCode).toBe(409);
  });

  it('lets a system’s förvaltare register on their own system only; an employee reads', async () => {
    const person = await seedPerson(t.db, t.a, 'forvaltare@a.example', ['employee']);
    await post(admin, '/api/v1/role-assignments', {
      personId: person.id,
      role: 'systemManager',
      scope: 'system',
      scopeId: other,
    });
    const manager = await signIn(t.app, 'forvaltare@a.example');
    expect(
      (await post(manager, '/api/v1/ai-applications', { systemId: other, name: 'Sökfunktion' })).statusCode,
    ).toBe(201);
    expect(
      (await post(manager, '/api/v1/ai-applications', { systemId: system, name: 'Sökfunktion' })).statusCode,
    ).toBe(403);
    const theirs = json(await get(admin, '/api/v1/ai-applications?riskCategory=high')).items[0];
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/ai-applications/${theirs.id}`,
      headers: manager.headers(),
      payload: { version: theirs.version, purpose: 'Inte min' },
    });
    expect(refused.statusCode).toBe(403);
    await seedPerson(t.db, t.a, 'medarbetare@a.example', ['employee']);
    const employee = await signIn(t.app, 'medarbetare@a.example');
    const read = json(await get(employee, `/api/v1/ai-applications/${theirs.id}`));
    expect(read).toMatchObject({ name: 'Beslutsstöd bistånd', can: { update: false, archive: false } });
  });
});
