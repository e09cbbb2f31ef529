import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { productSeam } from '../modules.ts';
import { createTestContext, json, prepareWalk, type Session, signIn, type TestContext } from '../testing.ts';
import { principalOf } from './auth/plugin.ts';
import { holdsFor, isStaff } from './authz.ts';
import type { Actor } from './context.ts';
import { loadDemo } from './directory/demo.ts';
import * as directory from './directory/service.ts';
import { defineJob } from './jobs/jobs.ts';
import { defineMail } from './mail/templates.ts';
import { type Module, type RecordRef, Seam } from './seam.ts';

// A module plugs into the platform through the seam alone. This file registers a small test module
// (systems kept in memory per tenant, enough to be a scope kind and a search provider) and checks
// that the platform grants, lists, searches, shows on the start page and walks what it registers,
// without a line of the platform knowing it.

const systemsByTenant = new Map<string, Map<string, { id: string; name: string; secret: boolean }>>();

function systemsOf(tenantId: string) {
  if (!systemsByTenant.has(tenantId)) systemsByTenant.set(tenantId, new Map());
  return systemsByTenant.get(tenantId)!;
}

const refOf = (s: { id: string; name: string }): RecordRef => ({
  id: s.id,
  name: s.name,
  href: `/systems/${s.id}`,
  archived: false,
});

const testModule: Module = {
  name: 'testsystems',
  routes(app) {
    app.get(
      '/api/v1/testsystems/mine',
      {
        schema: { response: { 200: z.object({ owns: z.array(z.string()) }) } },
        config: { authorize: () => true },
      },
      async (request) => {
        const actor = principalOf(request);
        const owns = [...systemsOf(actor.tenantId).values()]
          .filter((s) => holdsFor(actor, 'systemOwner', { kind: 'system', id: s.id }))
          .map((s) => s.name);
        return { owns };
      },
    );
  },
  scopeKinds: [
    {
      kind: 'system',
      async describe(_db, tenantId, ids) {
        const systems = systemsOf(tenantId);
        return new Map(
          ids.flatMap((id) => (systems.has(id) ? [[id, refOf(systems.get(id)!)] as const] : [])),
        );
      },
      async search(_db, actor, term, limit) {
        return [...systemsOf(actor.tenantId).values()]
          .filter((s) => !term || s.name.toLowerCase().includes(term.toLowerCase()))
          .slice(0, limit)
          .map(refOf);
      },
    },
  ],
  search: [
    {
      section: 'systems',
      async search(_db, actor: Actor, term, limit) {
        // A secret system is shown to staff only: each provider filters by the reader's rights.
        return [...systemsOf(actor.tenantId).values()]
          .filter((s) => s.name.toLowerCase().includes(term.toLowerCase()) && (!s.secret || isStaff(actor)))
          .slice(0, limit)
          .map((s) => ({ id: s.id, title: s.name, detail: null, href: `/systems/${s.id}` }));
      },
    },
  ],
  startItems: [
    {
      section: 'systemReviews',
      async items(_db, actor) {
        return [...systemsOf(actor.tenantId).values()]
          .filter((s) => holdsFor(actor, 'systemOwner', { kind: 'system', id: s.id }))
          .map((s) => ({
            section: 'systemReviews',
            id: s.id,
            title: `Klassa ${s.name}`,
            detail: null,
            href: `/systems/${s.id}`,
            due: '2026-12-31',
          }));
      },
    },
  ],
  walk: { seed: async () => ({ ids: {}, secrets: [] }), bodies: {} },
};

let t: TestContext;
let admin: Session;
let w3d3: string;
let secretSystem: string;
let bSystem: string;

beforeAll(async () => {
  t = await createTestContext({}, [testModule]);
  admin = await signIn(t.app, t.a.adminEmail);
  w3d3 = crypto.randomUUID();
  secretSystem = crypto.randomUUID();
  bSystem = crypto.randomUUID();
  systemsOf(t.a.id).set(w3d3, { id: w3d3, name: 'W3D3 diarium', secret: false });
  systemsOf(t.a.id).set(secretSystem, { id: secretSystem, name: 'Skyddat W3D3-arkiv', secret: true });
  systemsOf(t.b.id).set(bSystem, { id: bSystem, name: 'W3D3 Grannby', secret: false });
});
afterAll(() => t.close());

const grant = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/role-assignments', headers: admin.headers(), payload });

describe('a module on the seam', () => {
  it('lists its kind of scope with the roles it takes, and offers its scopes to pick', async () => {
    const kinds = json(await t.app.inject({ url: '/api/v1/scope-kinds', headers: admin.headers() }));
    expect(kinds.items.map((k: { kind: string }) => k.kind)).toEqual(['global', 'unit', 'system']);
    expect(kinds.items.find((k: { kind: string }) => k.kind === 'system').roles).toEqual([
      'systemOwner',
      'systemManager',
      'operationsOwner',
    ]);
    expect(kinds.grantableRoles).toContain('systemOwner');
    const picked = json(
      await t.app.inject({ url: '/api/v1/scopes/system?search=diarium', headers: admin.headers() }),
    );
    expect(picked.items.map((s: RecordRef) => s.name)).toEqual(['W3D3 diarium']);
    const unknown = await t.app.inject({ url: '/api/v1/scopes/forum', headers: admin.headers() });
    expect(unknown.statusCode).toBe(404);
  });

  it('grants a role in its scope, names it in lists, and the grant works in policies at once', async () => {
    const owner = await directory.createPerson(t.db, t.a.actor, {
      givenName: 'Sara',
      familyName: 'Systemägare',
      email: 'sara@a.example',
    });
    await directory.grantRole(t.db, t.a.actor, { personId: owner.id, role: 'reader' });
    const { setPassword } = await import('./auth/service.ts');
    await setPassword(t.db, t.a.actor, owner.id, 'correct horse battery');
    const sara = await signIn(t.app, 'sara@a.example');
    const before = json(await t.app.inject({ url: '/api/v1/testsystems/mine', headers: sara.headers() }));
    expect(before.owns).toEqual([]);

    const granted = await grant({ personId: owner.id, role: 'systemOwner', scope: 'system', scopeId: w3d3 });
    expect(granted.statusCode).toBe(201);
    expect(json(granted)).toMatchObject({ scope: 'system', scopeId: w3d3 });

    const listed = json(
      await t.app.inject({ url: `/api/v1/role-assignments?personId=${owner.id}`, headers: admin.headers() }),
    );
    expect(listed.items.find((a: { role: string }) => a.role === 'systemOwner')).toMatchObject({
      scopeName: 'W3D3 diarium',
      scopeHref: `/systems/${w3d3}`,
    });
    const after = json(await t.app.inject({ url: '/api/v1/testsystems/mine', headers: sara.headers() }));
    expect(after.owns).toEqual(['W3D3 diarium']);
    const start = json(await t.app.inject({ url: '/api/v1/start', headers: sara.headers() }));
    expect(start.items).toEqual([
      expect.objectContaining({ section: 'systemReviews', title: 'Klassa W3D3 diarium', due: '2026-12-31' }),
    ]);
  });

  it("refuses a scope id its kind does not know, another tenant's, and a role the kind does not take", async () => {
    const person = await directory.createPerson(t.db, t.a.actor, {
      givenName: 'Olle',
      familyName: 'Okänd',
      email: 'olle@a.example',
    });
    const unknown = await grant({
      personId: person.id,
      role: 'systemOwner',
      scope: 'system',
      scopeId: crypto.randomUUID(),
    });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown).errors[0].path).toBe('body.scopeId');
    const foreign = await grant({
      personId: person.id,
      role: 'systemOwner',
      scope: 'system',
      scopeId: bSystem,
    });
    expect(foreign.statusCode).toBe(400);
    const wrongRole = await grant({ personId: person.id, role: 'economist', scope: 'system', scopeId: w3d3 });
    expect(wrongRole.statusCode).toBe(400);
    expect(json(wrongRole).errors[0].path).toBe('body.scope');
  });

  it('searches every module in one request, each section filtered by the reader', async () => {
    const found = json(await t.app.inject({ url: '/api/v1/search?q=w3d3', headers: admin.headers() }));
    const systems = found.sections.find((s: { section: string }) => s.section === 'systems');
    expect(systems.hits.map((h: { title: string }) => h.title).sort()).toEqual([
      'Skyddat W3D3-arkiv',
      'W3D3 diarium',
    ]);
    expect(found.sections.map((s: { section: string }) => s.section)).toEqual(['people', 'units', 'systems']);
    const { seedPerson } = await import('../testing.ts');
    await seedPerson(t.db, t.a, 'portal@a.example', ['employee']);
    const employee = await signIn(t.app, 'portal@a.example');
    const portal = json(await t.app.inject({ url: '/api/v1/search?q=w3d3', headers: employee.headers() }));
    const seen = portal.sections.find((s: { section: string }) => s.section === 'systems');
    expect(seen.hits.map((h: { title: string }) => h.title)).toEqual(['W3D3 diarium']);
    expect(JSON.stringify(portal)).not.toContain('Grannby');
  });

  it('has the walks fail loudly on a route that no module gives a fixture for', async () => {
    const walk = await prepareWalk(t);
    const op = walk.operations.find((o) => o.path === '/api/v1/testsystems/mine')!;
    expect(op).toBeDefined();
    // A GET needs no body; a POST without one in any module's fixtures is refused by name.
    expect(() => walk.bodyFor({ ...op, method: 'POST', key: 'POST /api/v1/testsystems/mine' })).toThrow(
      /no module's walk fixture gives an example body/,
    );
    expect(() => walk.urlFor({ ...op, path: '/api/v1/testsystems/{id}', key: 'x' })).toThrow(
      /no module's walk fixture seeds a record for \/testsystems\/\{id\}/,
    );
  });

  it("loads a module's demo after the directory's, with its units and people by key", async () => {
    const seen: string[] = [];
    const demoModule: Module = {
      name: 'demoprobe',
      async demo(_db, tenant) {
        if (tenant.slug !== 'styrby') return void seen.push(tenant.slug);
        seen.push(
          `${tenant.slug}:${tenant.unitId('it').length}:${tenant.personId('admin@styrbord.example').length}`,
        );
      },
    };
    const { createTestDatabase } = await import('../db/testing.ts');
    const database = await createTestDatabase();
    try {
      await loadDemo(database.db, productSeam([demoModule]));
    } finally {
      await database.dispose();
    }
    expect(seen).toEqual(['styrby:36:36', 'grannby']);
  });
});

describe('the seam itself', () => {
  const job = defineJob({ name: 'probe.job', handler: async () => {} });
  const mail = defineMail<Record<string, never>>({
    kind: 'probe.mail',
    sv: () => ({ subject: 's', text: 't' }),
    en: () => ({ subject: 's', text: 't' }),
  });
  it.each([
    ['module', [{ name: 'x' }, { name: 'x' }]],
    [
      'scope kind',
      [
        { name: 'x', scopeKinds: testModule.scopeKinds },
        { name: 'y', scopeKinds: testModule.scopeKinds },
      ],
    ],
    [
      'search section',
      [
        { name: 'x', search: testModule.search },
        { name: 'y', search: testModule.search },
      ],
    ],
    [
      'job',
      [
        { name: 'x', jobs: [job] },
        { name: 'y', jobs: [job] },
      ],
    ],
    ['audit entity', [{ name: 'x', auditEntities: [{ entity: 'person', describe: async () => new Map() }] }]],
  ] as [string, Module[]][])('refuses the same %s twice', (what, modules) => {
    expect(() => productSeam(modules)).toThrow(what === 'audit entity' ? /audit entity "person"/ : what);
  });
  it('refuses a module that claims the global scope, or a mail kind twice', () => {
    expect(
      () => new Seam([{ name: 'x', scopeKinds: [{ ...testModule.scopeKinds![0]!, kind: 'global' }] }]),
    ).toThrow(/global/);
    expect(() => new Seam([{ name: 'x', mailKinds: [mail as never, mail as never] }])).toThrow(/twice/);
  });
  it('covers a unit and its sub-units with a unit grant, not its parent', async () => {
    const office = await directory.createUnit(t.db, t.a.actor, {
      name: 'Kontor',
      kind: 'office',
      parentId: t.a.unitId,
    });
    const team = await directory.createUnit(t.db, t.a.actor, {
      name: 'Team',
      kind: 'subunit',
      parentId: office.id,
    });
    const unitKind = t.app.seam.scopeKind('unit')!;
    const enclosing = await unitKind.enclosing!(t.db, t.a.id, team.id);
    expect(enclosing).toEqual([office.id, t.a.unitId]);
    const actor: Actor = {
      ...t.a.actor,
      grants: [{ role: 'accountManager', scope: 'unit', scopeId: office.id }],
    };
    expect(holdsFor(actor, 'accountManager', { kind: 'unit', id: team.id, enclosing })).toBe(true);
    expect(holdsFor(actor, 'accountManager', { kind: 'unit', id: office.id })).toBe(true);
    const parentEnclosing = await unitKind.enclosing!(t.db, t.a.id, t.a.unitId);
    expect(
      holdsFor(actor, 'accountManager', { kind: 'unit', id: t.a.unitId, enclosing: parentEnclosing }),
    ).toBe(false);
    // The same id in another kind of scope is not covered.
    expect(holdsFor(actor, 'accountManager', { kind: 'system', id: office.id })).toBe(false);
  });
});
