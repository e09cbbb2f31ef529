import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as directory from '../../../platform/directory/service.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { archiveSystem, createSystem } from '../systems/service.ts';
import { createIntegration, createIntegrations } from './service.ts';

let t: TestContext;
let admin: Session;
let adminB: Session;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  adminB = await signIn(t.app, t.b.adminEmail);
});
afterAll(() => t.close());

const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const post = (session: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
const patch = (session: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url, headers: session.headers(), payload: payload as object });
const system = async (name: string, extra: Record<string, unknown> = {}) =>
  (await createSystem(t.db, t.a.actor, { name, scope: 'business', ...extra })).id;

describe('integrations', () => {
  it('registers, reads, lists, changes, archives and restores an integration', async () => {
    const pay = await system('Lön');
    const ledger = await system('Ekonomi');
    const owner = await seedPerson(t.db, t.a, 'integrationsagare@a.example');
    const created = await post(admin, '/api/v1/integrations', {
      fromSystemId: pay,
      toSystemId: ledger,
      information: 'Lönekostnader',
      technique: 'file',
      frequency: 'monthly',
      ownerId: owner.id,
      critical: true,
    });
    expect(created.statusCode).toBe(201);
    const row = json(created);
    expect(row).toMatchObject({
      fromSystem: { id: pay, name: 'Lön', archived: false },
      toSystem: { id: ledger, name: 'Ekonomi', archived: false },
      information: 'Lönekostnader',
      technique: 'file',
      direction: 'oneWay',
      frequency: 'monthly',
      owner: { id: owner.id, name: 'Test integrationsagare' },
      personalData: false,
      critical: true,
      version: 1,
      can: { update: true, archive: true, restore: false },
    });
    expect(json(await get(admin, `/api/v1/integrations/${row.id}`))).toEqual(row);

    const changed = await patch(admin, `/api/v1/integrations/${row.id}`, {
      version: 1,
      direction: 'bothWays',
      ownerId: null,
    });
    expect(changed.statusCode).toBe(200);
    expect(json(changed)).toMatchObject({ direction: 'bothWays', owner: null, version: 2 });

    // A stale version never overwrites.
    const stale = await patch(admin, `/api/v1/integrations/${row.id}`, {
      version: 1,
      information: 'Gammalt',
    });
    expect(stale.statusCode).toBe(409);
    expect(json(await get(admin, `/api/v1/integrations/${row.id}`)).information).toBe('Lönekostnader');

    const archived = await post(admin, `/api/v1/integrations/${row.id}/archive`, {
      version: 2,
      reason: 'Ersatt',
    });
    expect(json(archived)).toMatchObject({ archiveReason: 'Ersatt', version: 3, can: { restore: true } });
    const live = json(await get(admin, `/api/v1/integrations?systemId=${pay}`));
    expect(live.items).toEqual([]);
    const all = json(await get(admin, `/api/v1/integrations?systemId=${pay}&includeArchived=true`));
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([row.id]);
    const restored = await post(admin, `/api/v1/integrations/${row.id}/restore`, { version: 3 });
    expect(json(restored)).toMatchObject({ archivedAt: null, version: 4 });

    const history = json(await get(admin, `/api/v1/audit?entity=integration&entityId=${row.id}`));
    expect(history.items.map((e: { action: string }) => e.action).sort()).toEqual(
      ['archive', 'create', 'restore', 'update'].sort(),
    );
  });

  it('refuses a self-loop, a system or owner of another tenant, an archived system, and writes nothing', async () => {
    const one = await system('Ensam');
    const other = await system('Annan');
    const theirs = (await createSystem(t.db, t.b.actor, { name: 'Grannens', scope: 'shared' })).id;
    const gone = await system('Borta');
    await archiveSystem(t.db, t.a.actor, gone, { version: 1, reason: 'Avvecklat' });
    const outsider = await seedPerson(t.db, t.b, 'utomstaende@b.example');
    const cases: [Record<string, unknown>, string][] = [
      [{ fromSystemId: one, toSystemId: one }, 'body.toSystemId'],
      [{ fromSystemId: one, toSystemId: theirs }, 'body.toSystemId'],
      [{ fromSystemId: theirs, toSystemId: one }, 'body.fromSystemId'],
      [{ fromSystemId: one, toSystemId: gone }, 'body.toSystemId'],
      [{ fromSystemId: one, toSystemId: other, ownerId: outsider.id }, 'body.ownerId'],
      [{ fromSystemId: one, toSystemId: other, technique: 'telepathy' }, 'body.technique'],
      [{ fromSystemId: one, toSystemId: other, information: '  ' }, 'body.information'],
    ];
    for (const [body, path] of cases) {
      const response = await post(admin, '/api/v1/integrations', {
        information: 'X',
        technique: 'api',
        ...body,
      });
      expect(response.statusCode, path).toBe(400);
      expect(json(response).errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(json(await get(admin, `/api/v1/integrations?systemId=${one}&includeArchived=true`)).items).toEqual(
      [],
    );

    // Moving an end onto the other makes a self-loop too.
    const made = json(
      await post(admin, '/api/v1/integrations', {
        fromSystemId: one,
        toSystemId: other,
        information: 'Flöde',
        technique: 'api',
      }),
    );
    const loop = await patch(admin, `/api/v1/integrations/${made.id}`, { version: 1, toSystemId: one });
    expect(loop.statusCode).toBe(400);
    expect(json(loop).errors[0].path).toBe('body.toSystemId');
    expect(json(await get(admin, `/api/v1/integrations/${made.id}`))).toMatchObject({
      toSystem: { id: other },
      version: 1,
    });
  });

  it('registers many at once, all or none, naming the bad row', async () => {
    const a = await system('Bulk A');
    const b = await system('Bulk B');
    const bad = createIntegrations(t.db, t.a.actor, [
      { fromSystemId: a, toSystemId: b, information: 'Först', technique: 'api' },
      { fromSystemId: b, toSystemId: b, information: 'Själv', technique: 'api' },
    ]);
    await expect(bad).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.1.toSystemId' }] });
    expect(json(await get(admin, `/api/v1/integrations?systemId=${a}`)).items).toEqual([]);
    const rows = await createIntegrations(t.db, t.a.actor, [
      { fromSystemId: a, toSystemId: b, information: 'Först', technique: 'api' },
      { fromSystemId: b, toSystemId: a, information: 'Tillbaka', technique: 'file', direction: 'bothWays' },
    ]);
    expect(rows.map((r) => [r.information, r.direction])).toEqual([
      ['Först', 'oneWay'],
      ['Tillbaka', 'bothWays'],
    ]);
    const history = json(await get(admin, `/api/v1/audit?entity=integration&entityId=${rows[1]!.id}`));
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('lets the förvaltare of either end add and change, no one else', async () => {
    const mine = await system('Förvaltat');
    const target = await system('Mottagare');
    const unrelated = await system('Främmande');
    const unrelated2 = await system('Främmande 2');
    const manager = await seedPerson(t.db, t.a, 'forvaltare@a.example', ['employee']);
    const grant = await post(admin, '/api/v1/role-assignments', {
      personId: manager.id,
      role: 'systemManager',
      scope: 'system',
      scopeId: mine,
    });
    expect(grant.statusCode).toBe(201);
    const session = await signIn(t.app, 'forvaltare@a.example');
    const ok = await post(session, '/api/v1/integrations', {
      fromSystemId: target,
      toSystemId: mine,
      information: 'Till mitt system',
      technique: 'api',
    });
    expect(ok.statusCode).toBe(201);
    expect(json(ok).can).toMatchObject({ update: true, archive: true });
    const refused = await post(session, '/api/v1/integrations', {
      fromSystemId: unrelated,
      toSystemId: unrelated2,
      information: 'Inte mitt',
      technique: 'api',
    });
    expect(refused.statusCode).toBe(403);
    // Nor may the förvaltare move an integration away from their own system.
    const moved = await patch(session, `/api/v1/integrations/${json(ok).id}`, {
      version: 1,
      toSystemId: unrelated,
    });
    expect(moved.statusCode).toBe(403);
    const theirs = json(
      await post(admin, '/api/v1/integrations', {
        fromSystemId: unrelated,
        toSystemId: unrelated2,
        information: 'Någon annans',
        technique: 'file',
      }),
    );
    const read = json(await get(session, `/api/v1/integrations/${theirs.id}`));
    expect(read.can).toMatchObject({ update: false, archive: false });
    expect(
      (await patch(session, `/api/v1/integrations/${theirs.id}`, { version: 1, critical: true })).statusCode,
    ).toBe(403);
  });

  it('filters by system, technique, personal data and criticality, pages by cursor, and exports', async () => {
    const hub = await system('Nav för filter');
    const ends = await Promise.all(['Filter 1', 'Filter 2', 'Filter 3', 'Filter 4'].map((n) => system(n)));
    const specs = [
      { to: ends[0]!, information: 'Alfa', technique: 'api', personalData: true, critical: false },
      { to: ends[1]!, information: 'Beta', technique: 'file', personalData: false, critical: true },
      { to: ends[2]!, information: 'Gamma', technique: 'api', personalData: true, critical: true },
      { to: ends[3]!, information: '=Delta', technique: 'manual', personalData: false, critical: false },
    ] as const;
    for (const s of specs)
      await createIntegration(t.db, t.a.actor, {
        fromSystemId: hub,
        toSystemId: s.to,
        information: s.information,
        technique: s.technique,
        personalData: s.personalData,
        critical: s.critical,
      });
    const infos = async (query: string) =>
      json(await get(admin, `/api/v1/integrations?systemId=${hub}&${query}`)).items.map(
        (i: { information: string }) => i.information,
      );
    expect(await infos('')).toEqual(['=Delta', 'Alfa', 'Beta', 'Gamma']);
    expect(await infos('technique=api')).toEqual(['Alfa', 'Gamma']);
    expect(await infos('personalData=true')).toEqual(['Alfa', 'Gamma']);
    expect(await infos('critical=true')).toEqual(['Beta', 'Gamma']);
    expect(await infos('critical=false&personalData=false')).toEqual(['=Delta']);
    expect(await infos('search=filter%203')).toEqual(['Gamma']);
    // The receiving end filters too.
    const incoming = json(await get(admin, `/api/v1/integrations?systemId=${ends[1]}`));
    expect(incoming.items.map((i: { information: string }) => i.information)).toEqual(['Beta']);

    const first = json(await get(admin, `/api/v1/integrations?systemId=${hub}&limit=3`));
    expect(first.items).toHaveLength(3);
    const second = json(
      await get(admin, `/api/v1/integrations?systemId=${hub}&limit=3&cursor=${first.nextCursor}`),
    );
    expect(second.items.map((i: { information: string }) => i.information)).toEqual(['Gamma']);
    expect(second.nextCursor).toBeNull();

    const csv = await get(admin, `/api/v1/integrations/export?format=csv&systemId=${hub}&technique=manual`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'Avsändande system;Mottagande system;Information;Teknik;Riktning;Frekvens;Ansvarig;Personuppgifter;Kritisk;Beskrivning;Arkiverad',
    );
    // Formula-safe: a cell that starts with = is not run by Excel.
    expect(lines.slice(1)).toEqual(["Nav för filter;Filter 4;'=Delta;Manuell;Enkelriktad;;;nej;nej;;nej"]);
    const xlsx = await get(admin, `/api/v1/integrations/export?format=xlsx&systemId=${hub}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('impact analysis', () => {
  // A hand-built map: a cycle A → B → C → A, a short cut A → D beside C → D, a two-way E ↔ D and
  // Y ↔ A, an archived integration A → F, an archived system G between B and H, and X upstream.
  let ids: Record<string, string>;
  let units: Record<string, string>;

  beforeAll(async () => {
    units = {};
    for (const key of ['Ägarenheten', 'Användarenheten', 'Orörd enhet'])
      units[key] = (await directory.createUnit(t.db, t.a.actor, { name: key, kind: 'office' })).id;
    ids = {};
    for (const n of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'X', 'Y'])
      ids[n] = await system(`Nod ${n}`, {
        scope: n === 'X' ? 'platform' : 'business',
        owningUnitId: n === 'B' ? units.Ägarenheten : n === 'F' ? units['Orörd enhet'] : null,
        usingUnits: n === 'E' ? [{ unitId: units.Användarenheten!, users: 4 }] : [],
        criticality: n === 'C' ? 'critical' : 'low',
      });
    const edge = (from: string, to: string, direction: 'oneWay' | 'bothWays' = 'oneWay') =>
      createIntegration(t.db, t.a.actor, {
        fromSystemId: ids[from]!,
        toSystemId: ids[to]!,
        information: `${from}→${to}`,
        technique: 'api',
        direction,
      });
    for (const [from, to] of [
      ['A', 'B'],
      ['B', 'C'],
      ['C', 'A'],
      ['C', 'D'],
      ['A', 'D'],
      ['B', 'G'],
      ['G', 'H'],
      ['X', 'A'],
    ])
      await edge(from!, to!);
    await edge('E', 'D', 'bothWays');
    await edge('Y', 'A', 'bothWays');
    const archived = await edge('A', 'F');
    await post(admin, `/api/v1/integrations/${archived.id}/archive`, { version: 1, reason: 'Nedlagd' });
    await archiveSystem(t.db, t.a.actor, ids.G!, { version: 1, reason: 'Avvecklat' });
  });

  const impact = async (node: string, query = '') => {
    const response = await get(admin, `/api/v1/systems/${ids[node]}/impact${query}`);
    expect(response.statusCode).toBe(200);
    const body = json(response);
    return {
      systems: body.systems.map((s: { name: string; distance: number }) => `${s.name.slice(4)}${s.distance}`),
      units: body.units.map((u: { name: string }) => u.name),
    };
  };

  it('finds every receiver with its shortest distance, both ways on two-way, past cycles, not past archived', async () => {
    expect(await impact('A')).toEqual({
      systems: ['B1', 'D1', 'Y1', 'C2', 'E2'],
      units: ['Användarenheten', 'Ägarenheten'],
    });
    expect(await impact('C')).toEqual({
      systems: ['A1', 'D1', 'B2', 'E2', 'Y2'],
      units: ['Användarenheten', 'Ägarenheten'],
    });
    expect((await impact('X')).systems).toEqual(['A1', 'B2', 'D2', 'Y2', 'C3', 'E3']);
    // Through the two-way D ↔ E the walk comes back to D's senders only by their own edges.
    expect((await impact('D')).systems).toEqual(['E1']);
    expect(await impact('H')).toEqual({ systems: [], units: [] });
    expect((await impact('A', '?depth=1')).systems).toEqual(['B1', 'D1', 'Y1']);
  });

  it('carries a restored integration again', async () => {
    const list = json(await get(admin, `/api/v1/integrations?systemId=${ids.F}&includeArchived=true`));
    const edge = list.items[0];
    await post(admin, `/api/v1/integrations/${edge.id}/restore`, { version: edge.version });
    expect((await impact('A')).systems).toEqual(['B1', 'D1', 'F1', 'Y1', 'C2', 'E2']);
    expect((await impact('A')).units).toEqual(['Användarenheten', 'Orörd enhet', 'Ägarenheten']);
    const again = json(await get(admin, `/api/v1/integrations/${edge.id}`));
    await post(admin, `/api/v1/integrations/${edge.id}/archive`, { version: again.version, reason: 'Åter' });
    expect((await impact('A')).systems).toEqual(['B1', 'D1', 'Y1', 'C2', 'E2']);
  });

  it("answers 404 for another tenant's system and never reaches into it", async () => {
    expect((await get(adminB, `/api/v1/systems/${ids.A}/impact`)).statusCode).toBe(404);
    expect((await get(admin, '/api/v1/systems/00000000-0000-4000-8000-000000000000/impact')).statusCode).toBe(
      404,
    );
    // Tenant B's own graph knows nothing of A's.
    const b1 = (await createSystem(t.db, t.b.actor, { name: 'B-nod 1', scope: 'business' })).id;
    const b2 = (await createSystem(t.db, t.b.actor, { name: 'B-nod 2', scope: 'business' })).id;
    await createIntegration(t.db, t.b.actor, {
      fromSystemId: b1,
      toSystemId: b2,
      information: 'B',
      technique: 'api',
    });
    const theirs = json(await get(adminB, `/api/v1/systems/${b1}/impact`));
    expect(theirs.systems.map((s: { name: string }) => s.name)).toEqual(['B-nod 2']);
    expect((await get(admin, `/api/v1/systems/${b1}/impact`)).statusCode).toBe(404);
  });

  it('draws the map with the filters, live systems and the live integrations between them only', async () => {
    const map = json(await get(admin, '/api/v1/system-map'));
    const names = new Set(map.nodes.map((n: { name: string }) => n.name));
    for (const n of ['A', 'B', 'C', 'D', 'E', 'F', 'H', 'X', 'Y']) expect(names.has(`Nod ${n}`)).toBe(true);
    expect(names.has('Nod G')).toBe(false);
    expect(names.has('B-nod 1')).toBe(false);
    const byId = new Map<string, string>(map.nodes.map((n: { id: string; name: string }) => [n.id, n.name]));
    const nod = (id: string) => byId.get(id)?.match(/^Nod (\w)$/)?.[1];
    const edges = map.edges
      .filter((e: { fromSystemId: string }) => nod(e.fromSystemId))
      .map((e: { fromSystemId: string; toSystemId: string }) => `${nod(e.fromSystemId)}${nod(e.toSystemId)}`)
      .sort();
    expect(edges).toEqual(['AB', 'AD', 'BC', 'CA', 'CD', 'ED', 'XA', 'YA']);
    for (const e of map.edges) {
      expect(byId.has(e.fromSystemId)).toBe(true);
      expect(byId.has(e.toSystemId)).toBe(true);
    }

    const platform = json(await get(admin, '/api/v1/system-map?scope=platform'));
    expect(platform.nodes.map((n: { name: string }) => n.name)).toEqual(['Nod X']);
    expect(platform.edges).toEqual([]);
    const critical = json(await get(admin, '/api/v1/system-map?criticality=critical'));
    expect(critical.nodes.map((n: { name: string }) => n.name)).toEqual(['Nod C']);
    const owning = json(await get(admin, `/api/v1/system-map?unitId=${units.Ägarenheten}`));
    expect(owning.nodes.map((n: { name: string }) => n.name)).toEqual(['Nod B']);
    const using = json(await get(admin, `/api/v1/system-map?unitId=${units.Användarenheten}`));
    expect(using.nodes).toMatchObject([{ name: 'Nod E', scope: 'business', phase: 'operation' }]);

    // By process: a system linked to a process is on the map of that process and of every node above it.
    await post(admin, '/api/v1/processes/reference', {});
    const tree = json(await get(admin, '/api/v1/processes?level=process&limit=1'));
    const process = tree.items[0];
    const nodB = map.nodes.find((n: { name: string }) => n.name === 'Nod B');
    const linked = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/systems/${nodB.id}/processes`,
      headers: admin.headers(),
      payload: { processIds: [process.id] },
    });
    expect(linked.statusCode).toBe(200);
    const ofProcess = json(await get(admin, `/api/v1/system-map?processId=${process.id}`));
    expect(ofProcess.nodes.map((n: { name: string }) => n.name)).toEqual(['Nod B']);
    const ofGroup = json(await get(admin, `/api/v1/system-map?processId=${process.parentId}`));
    expect(ofGroup.nodes.map((n: { name: string }) => n.name)).toEqual(['Nod B']);
    expect(json(await get(adminB, `/api/v1/system-map?processId=${process.id}`)).nodes).toEqual([]);

    const theirs = json(await get(adminB, '/api/v1/system-map'));
    const theirNames = theirs.nodes.map((n: { name: string }) => n.name);
    expect(theirNames).toEqual(expect.arrayContaining(['B-nod 1', 'B-nod 2']));
    expect(theirNames.filter((n: string) => n.startsWith('Nod '))).toEqual([]);
    expect(theirs.edges).toHaveLength(1);
    expect((await get(adminB, `/api/v1/system-map?unitId=${units.Ägarenheten}`)).statusCode).toBe(200);
    expect(json(await get(adminB, `/api/v1/system-map?unitId=${units.Ägarenheten}`)).nodes).toEqual([]);
  });
});

describe('impact analysis on a wide map', () => {
  // A hub W sending to 205 systems L000 … L204: the step from them is wider than the walk's index
  // lookups (service.ts IMPACT_LOOKUP_FRONTIER), so it joins the tenant's live edges instead; the
  // steps before and after are narrow. Beyond the fan-out: L000 → M ↔ L001 (M is two away whichever
  // way), L002 → N1 → N2 → N3 beside the short cut L003 → N3 (N3 is two away, not four), N3 → W (a
  // cycle back to the start), a two-way Q ↔ L004 that Q sends on (Q is reached backward), an
  // archived integration L005 → R, an archived fan-out system L006 with L006 → P, and L007 → Z → Y
  // with Z archived.
  it('finds the shortest distance through a wide step, both ways on two-way, past cycles, not past archived', async () => {
    const ids: Record<string, string> = {};
    const leaves = Array.from({ length: 205 }, (_, i) => `L${String(i).padStart(3, '0')}`);
    for (const n of ['W', ...leaves, 'M', 'N1', 'N2', 'N3', 'Q', 'R', 'P', 'Z', 'Y'])
      ids[n] = await system(`Bred ${n}`);
    const flows: [string, string, ('oneWay' | 'bothWays')?][] = [
      ...leaves.map((l): [string, string] => ['W', l]),
      ['L000', 'M'],
      ['M', 'L001', 'bothWays'],
      ['L002', 'N1'],
      ['N1', 'N2'],
      ['N2', 'N3'],
      ['L003', 'N3'],
      ['N3', 'W'],
      ['Q', 'L004', 'bothWays'],
      ['L005', 'R'],
      ['L006', 'P'],
      ['L007', 'Z'],
      ['Z', 'Y'],
    ];
    const created = await createIntegrations(
      t.db,
      t.a.actor,
      flows.map(([from, to, direction]) => ({
        fromSystemId: ids[from]!,
        toSystemId: ids[to]!,
        information: `${from}→${to}`,
        technique: 'api' as const,
        direction: direction ?? 'oneWay',
      })),
    );
    const toR = created.find((c) => c.toSystemId === ids.R)!;
    expect(
      (await post(admin, `/api/v1/integrations/${toR.id}/archive`, { version: 1, reason: 'Nedlagd' }))
        .statusCode,
    ).toBe(200);
    await archiveSystem(t.db, t.a.actor, ids.L006!, { version: 1, reason: 'Avvecklat' });
    await archiveSystem(t.db, t.a.actor, ids.Z!, { version: 1, reason: 'Avvecklat' });

    const impact = async (query = '') => {
      const response = await get(admin, `/api/v1/systems/${ids.W}/impact${query}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('application/json');
      return json(response).systems.map(
        (s: { name: string; distance: number }) => `${s.name.slice(5)}${s.distance}`,
      );
    };
    const direct = leaves.filter((l) => l !== 'L006').map((l) => `${l}1`);
    expect(await impact()).toEqual([...direct, 'M2', 'N12', 'N32', 'Q2', 'N23']);
    expect(await impact('?depth=2')).toEqual([...direct, 'M2', 'N12', 'N32', 'Q2']);
    expect(await impact('?depth=1')).toEqual(direct);
    // From inside the cycle the walk comes round to the hub and fans out from there.
    const fromN1 = await get(admin, `/api/v1/systems/${ids.N1}/impact`);
    const names = json(fromN1).systems.map(
      (s: { name: string; distance: number }) => `${s.name.slice(5)}${s.distance}`,
    );
    expect(names.slice(0, 3)).toEqual(['N21', 'N32', 'W3']);
    expect(names).toContain('L0004');
    expect(names).toContain('Q5');
    expect(names).toContain('M5');
    expect(names).not.toContain('L0064');
    expect(names).not.toContain('P5');
    expect(names).not.toContain('R5');
    expect(names).toHaveLength(3 + 204 + 2);
  });
});

describe('statements per request (no N+1)', () => {
  it('lists with both names in one statement, answers impact in one and the map in two', async () => {
    const hub = await system('Räknat nav');
    const ends = [];
    for (let i = 0; i < 12; i++) ends.push(await system(`Räknad ${i}`));
    await createIntegrations(
      t.db,
      t.a.actor,
      ends.map((to, i) => ({
        fromSystemId: hub,
        toSystemId: to,
        information: `Räknat ${i}`,
        technique: 'api',
      })),
    );
    const statements = async (url: string) => {
      await get(admin, url); // the caller is identified, and cached
      const before = t.database.queryCount;
      const response = await get(admin, url);
      expect(response.statusCode, url).toBe(200);
      return t.database.queryCount - before;
    };
    expect(await statements(`/api/v1/integrations?systemId=${hub}&limit=50`)).toBe(1);
    expect(await statements(`/api/v1/systems/${hub}/impact`)).toBe(1);
    expect(json(await get(admin, `/api/v1/systems/${hub}/impact`)).systems).toHaveLength(12);
    expect(await statements('/api/v1/system-map')).toBe(2);
  });
});
