import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { createSupplier } from '../suppliers/service.ts';

let t: TestContext;
let admin: Session;
let adminB: Session;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  adminB = await signIn(t.app, t.b.adminEmail);
});
afterAll(() => t.close());

const send = (session: Session, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown) =>
  t.app.inject({ method, url, headers: session.headers(), payload: payload as object });
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const system = async (name: string, session = admin) =>
  json(await send(session, 'POST', '/api/v1/systems', { name, scope: 'shared' })).id as string;
const auditOf = async (id: string) =>
  json(await get(admin, `/api/v1/audit?entity=service&entityId=${id}`)).items as { action: string }[];

describe('services and APIs', () => {
  it('registers, reads, lists with filters, changes, archives and restores', async () => {
    const created = await send(admin, 'POST', '/api/v1/services', {
      kind: 'api',
      name: 'Navet-slagning API',
      description: 'Folkbokföring',
      owningUnitId: t.a.unitId,
      hosting: 'itUnit',
      confidentiality: 3,
      integrity: 3,
      availability: 2,
      apiVersion: 'v2',
      documentationUrl: 'https://integration.example/navet',
    });
    expect(created.statusCode).toBe(201);
    const api = json(created);
    expect(api).toMatchObject({
      kind: 'api',
      phase: 'operation',
      confidentiality: 3,
      hasLevels: true,
      systems: [],
      version: 1,
      can: { update: true, archive: true, readLevels: true, linkSystems: true },
    });
    const sms = json(
      await send(admin, 'POST', '/api/v1/services', { kind: 'service', name: 'SMS-tjänst', phase: 'idea' }),
    );
    expect(sms.hasLevels).toBe(false);

    const names = async (query: string) =>
      json(await get(admin, `/api/v1/services?${query}`)).items.map((s: { name: string }) => s.name);
    expect(await names('')).toEqual(['Navet-slagning API', 'SMS-tjänst']);
    expect(await names('kind=api')).toEqual(['Navet-slagning API']);
    expect(await names('phase=idea')).toEqual(['SMS-tjänst']);
    expect(await names('search=folkbok')).toEqual(['Navet-slagning API']);
    const first = json(await get(admin, '/api/v1/services?limit=1'));
    expect(first.items).toHaveLength(1);
    const second = json(await get(admin, `/api/v1/services?limit=1&cursor=${first.nextCursor}`));
    expect(second.items.map((s: { name: string }) => s.name)).toEqual(['SMS-tjänst']);
    expect(second.nextCursor).toBeNull();

    const changed = await send(admin, 'PATCH', `/api/v1/services/${api.id}`, {
      version: 1,
      availability: 4,
      apiVersion: 'v3',
    });
    expect(changed.statusCode).toBe(200);
    expect(json(changed)).toMatchObject({ availability: 4, apiVersion: 'v3', version: 2 });
    const stale = await send(admin, 'PATCH', `/api/v1/services/${api.id}`, { version: 1, name: 'Gammalt' });
    expect(stale.statusCode).toBe(409);
    expect(json(await get(admin, `/api/v1/services/${api.id}`)).name).toBe('Navet-slagning API');

    const supplier = await createSupplier(t.db, t.a.actor, { name: 'Evry Sverige AB' });
    const supplierB = await createSupplier(t.db, t.b.actor, { name: 'B:s leverantör' });
    const foreign = await send(admin, 'PATCH', `/api/v1/services/${api.id}`, {
      version: 2,
      supplierId: supplierB.id,
    });
    expect(json(foreign).errors[0].path).toBe('body.supplierId');
    const supplied = await send(admin, 'PATCH', `/api/v1/services/${api.id}`, {
      version: 2,
      supplierId: supplier.id,
    });
    expect(json(supplied)).toMatchObject({
      supplierId: supplier.id,
      supplierName: 'Evry Sverige AB',
      version: 3,
    });
    expect(json(await get(admin, '/api/v1/services?kind=api')).items[0].supplierName).toBe('Evry Sverige AB');

    const badLevel = await send(admin, 'PATCH', `/api/v1/services/${api.id}`, { version: 3, integrity: 5 });
    expect(badLevel.statusCode).toBe(400);
    expect(json(badLevel).errors[0].path).toBe('body.integrity');

    const archived = await send(admin, 'POST', `/api/v1/services/${sms.id}/archive`, {
      version: 1,
      reason: 'Ersatt',
    });
    expect(archived.statusCode).toBe(200);
    expect(await names('')).toEqual(['Navet-slagning API']);
    expect(await names('includeArchived=true')).toEqual(['Navet-slagning API', 'SMS-tjänst']);
    const restored = await send(admin, 'POST', `/api/v1/services/${sms.id}/restore`, { version: 2 });
    expect(json(restored)).toMatchObject({ archivedAt: null, version: 3 });
    expect((await auditOf(sms.id)).map((e) => e.action).sort()).toEqual(['archive', 'create', 'restore']);
  });

  it('links systems that provide and consume a service, and a system lists its services', async () => {
    const platform = await system('Integrationsplattform');
    const economy = await system('Ekonomisystem');
    const payroll = await system('Lönesystem');
    const service = json(
      await send(admin, 'POST', '/api/v1/services', { kind: 'api', name: 'Personal-API' }),
    );
    const linked = await send(admin, 'PUT', `/api/v1/services/${service.id}/systems`, {
      version: 1,
      provides: [platform],
      consumes: [economy, payroll],
    });
    expect(linked.statusCode).toBe(200);
    expect(json(linked).version).toBe(2);
    expect(json(linked).systems).toEqual([
      { systemId: economy, name: 'Ekonomisystem', role: 'consumes', archived: false },
      { systemId: platform, name: 'Integrationsplattform', role: 'provides', archived: false },
      { systemId: payroll, name: 'Lönesystem', role: 'consumes', archived: false },
    ]);
    const ofPlatform = json(await get(admin, `/api/v1/systems/${platform}/services`));
    expect(ofPlatform.provides.map((s: { name: string }) => s.name)).toEqual(['Personal-API']);
    expect(ofPlatform.consumes).toEqual([]);
    const ofEconomy = json(await get(admin, `/api/v1/systems/${economy}/services`));
    expect(ofEconomy.consumes.map((s: { id: string }) => s.id)).toEqual([service.id]);
    const filtered = json(await get(admin, `/api/v1/services?systemId=${economy}`));
    expect(filtered.items.map((s: { id: string }) => s.id)).toEqual([service.id]);

    // A system named twice, an unknown one, a stale version: refused, nothing changes.
    const twice = await send(admin, 'PUT', `/api/v1/services/${service.id}/systems`, {
      version: 2,
      provides: [platform, platform],
      consumes: [],
    });
    expect(twice.statusCode).toBe(400);
    expect(json(twice).errors[0].path).toBe('body.provides.1');
    const stale = await send(admin, 'PUT', `/api/v1/services/${service.id}/systems`, {
      version: 1,
      provides: [],
      consumes: [],
    });
    expect(stale.statusCode).toBe(409);
    const cleared = await send(admin, 'PUT', `/api/v1/services/${service.id}/systems`, {
      version: 2,
      provides: [platform],
      consumes: [],
    });
    expect(json(cleared).systems.map((l: { systemId: string }) => l.systemId)).toEqual([platform]);
    expect(json(await get(admin, `/api/v1/systems/${economy}/services`)).consumes).toEqual([]);
    expect((await auditOf(service.id)).map((e) => e.action).sort()).toEqual(['create', 'update', 'update']);
  });

  it('shows K/R/T to the keepers, security and the owner only; others see that they exist', async () => {
    const owner = await seedPerson(t.db, t.a, 'tjanstagare@a.example', ['reader']);
    await seedPerson(t.db, t.a, 'sakerhet@a.example', ['securityCoordinator']);
    await seedPerson(t.db, t.a, 'lasare@a.example', ['reader']);
    await seedPerson(t.db, t.a, 'anstalld@a.example', ['employee']);
    const host = await system('SMS-plattform');
    const created = json(
      await send(admin, 'POST', '/api/v1/services', {
        kind: 'service',
        name: 'Hemlig SMS-tjänst',
        ownerId: owner.id,
        confidentiality: 4,
        integrity: 1,
        availability: 2,
      }),
    );
    await send(admin, 'PUT', `/api/v1/services/${created.id}/systems`, {
      version: 1,
      provides: [host],
      consumes: [],
    });
    const levels = { confidentiality: 4, integrity: 1, availability: 2, hasLevels: true };
    const hidden = { confidentiality: null, integrity: null, availability: null, hasLevels: true };
    const cases: [string, object, boolean][] = [
      ['tjanstagare@a.example', levels, true],
      ['sakerhet@a.example', levels, false],
      ['lasare@a.example', hidden, false],
      ['anstalld@a.example', hidden, false],
    ];
    for (const [email, expected, mayEdit] of cases) {
      const session = await signIn(t.app, email);
      const one = json(await get(session, `/api/v1/services/${created.id}`));
      expect(one, email).toMatchObject({ ...expected, can: { update: mayEdit } });
      const listed = json(await get(session, '/api/v1/services?search=Hemlig')).items[0];
      expect(listed, email).toMatchObject(expected);
      const ofSystem = json(await get(session, `/api/v1/systems/${host}/services`)).provides[0];
      expect(ofSystem, email).toMatchObject(expected);
      const csv = (await get(session, '/api/v1/services/export?format=csv&search=Hemlig')).body;
      const row = csv.split('\r\n')[1]!.split(';');
      // konfidentialitet, riktighet, tillgänglighet, K/R/T satt
      expect(row.slice(7, 11), email).toEqual(
        'confidentiality' in expected && expected.confidentiality === 4
          ? ['4', '1', '2', 'ja']
          : ['', '', '', 'ja'],
      );
      const search = json(await get(session, '/api/v1/search?q=Hemlig'));
      expect(JSON.stringify(search)).not.toMatch(/confidentiality/);
    }
    // The owner may change their own service and its links; a reader may not.
    const ownerSession = await signIn(t.app, 'tjanstagare@a.example');
    const mine = await send(ownerSession, 'PATCH', `/api/v1/services/${created.id}`, {
      version: 2,
      description: 'Ägarens text',
    });
    expect(mine.statusCode).toBe(200);
    const reader = await signIn(t.app, 'lasare@a.example');
    const theirs = await send(reader, 'PATCH', `/api/v1/services/${created.id}`, { version: 3, name: 'Nej' });
    expect(theirs.statusCode).toBe(403);
    const link = await send(reader, 'PUT', `/api/v1/services/${created.id}/systems`, {
      version: 3,
      provides: [],
      consumes: [],
    });
    expect(link.statusCode).toBe(403);
    const create = await send(ownerSession, 'POST', '/api/v1/services', { kind: 'api', name: 'Eget' });
    expect(create.statusCode).toBe(403);
  });

  it("keeps tenants apart: B neither sees nor links A's services and systems", async () => {
    const systemA = await system('A:s system');
    const serviceA = json(await send(admin, 'POST', '/api/v1/services', { kind: 'api', name: 'A:s API' }));
    expect((await get(adminB, `/api/v1/services/${serviceA.id}`)).statusCode).toBe(404);
    expect(json(await get(adminB, '/api/v1/services?search=A:s')).items).toEqual([]);
    expect((await get(adminB, `/api/v1/systems/${systemA}/services`)).statusCode).toBe(404);
    const patch = await send(adminB, 'PATCH', `/api/v1/services/${serviceA.id}`, { version: 1, name: 'B' });
    expect(patch.statusCode).toBe(404);
    const serviceB = json(await send(adminB, 'POST', '/api/v1/services', { kind: 'api', name: 'B:s API' }));
    const linkA = await send(adminB, 'PUT', `/api/v1/services/${serviceB.id}/systems`, {
      version: 1,
      provides: [systemA],
      consumes: [],
    });
    expect(linkA.statusCode).toBe(400);
    expect(json(linkA).errors[0].path).toBe('body.provides.0');
    const ownerA = await send(adminB, 'PATCH', `/api/v1/services/${serviceB.id}`, {
      version: 1,
      ownerId: t.a.adminId,
      owningUnitId: t.a.unitId,
    });
    expect(ownerA.statusCode).toBe(400);
    expect(json(await get(adminB, `/api/v1/services/${serviceB.id}`))).toMatchObject({
      version: 1,
      ownerId: null,
    });
  });
});
