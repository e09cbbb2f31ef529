import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { referenceRows } from './service.ts';

let t: TestContext;
let admin: Session;
let bAdmin: Session;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
});
afterAll(() => t.close());

const send = (session: Session, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown) =>
  t.app.inject({ method, url, headers: session.headers(), payload: payload as object });
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });

type Node = {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  version: number;
};

describe('the reference structure', () => {
  it('nests its four levels in order and gives every node a unique code', () => {
    const rows = referenceRows();
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.size).toBe(rows.length);
    const depth = { activityType: 0, area: 1, group: 2, process: 3 };
    for (const r of rows) {
      expect(r.code.split('.')).toHaveLength(depth[r.level] + 1);
      if (r.parentCode) expect(depth[byCode.get(r.parentCode)!.level]).toBe(depth[r.level] - 1);
    }
    expect(rows.filter((r) => r.level === 'activityType').map((r) => r.name)).toEqual([
      'Styra verksamheten',
      'Stödja verksamheten',
      'Kärnverksamhet',
    ]);
    expect(rows.find((r) => r.name === 'Ekonomiskt bistånd')?.level).toBe('process');
  });

  it('loads once into one tenant: a second call adds nothing, the other tenant stays empty', async () => {
    const first = await send(admin, 'POST', '/api/v1/processes/reference', {});
    expect(first.statusCode).toBe(200);
    expect(json(first).created).toBe(referenceRows().length);
    const second = await send(admin, 'POST', '/api/v1/processes/reference', {});
    expect(json(second)).toEqual({ created: 0 });
    const tree = json(await get(admin, '/api/v1/processes/tree'));
    expect(tree.items).toHaveLength(referenceRows().length);
    expect(tree.items[0]).toMatchObject({
      code: '1',
      level: 'activityType',
      fromReference: true,
      parentId: null,
    });
    // In code order: 3.2 before 3.10 would hold too (natural order of segments).
    expect(tree.items.map((n: Node) => n.code).slice(0, 3)).toEqual(['1', '1.1', '1.1.1']);
    expect(json(await get(bAdmin, '/api/v1/processes/tree')).items).toEqual([]);
    const search = json(await get(bAdmin, '/api/v1/processes?search=bist%C3%A5nd'));
    expect(search.items).toEqual([]);
  });

  it('refuses to load into a tenant with a tree of its own (409) and writes nothing', async () => {
    const own = await send(bAdmin, 'POST', '/api/v1/processes', {
      level: 'activityType',
      code: 'A',
      name: 'Egen',
    });
    expect(own.statusCode).toBe(201);
    const refused = await send(bAdmin, 'POST', '/api/v1/processes/reference', {});
    expect(refused.statusCode).toBe(409);
    expect(json(await get(bAdmin, '/api/v1/processes/tree')).items).toHaveLength(1);
  });

  it('lists by parent, level and text, paged by cursor', async () => {
    const areas = json(await get(admin, '/api/v1/processes?level=area&limit=3'));
    expect(areas.items).toHaveLength(3);
    expect(areas.items.every((n: Node) => n.level === 'area')).toBe(true);
    const next = json(await get(admin, `/api/v1/processes?level=area&limit=3&cursor=${areas.nextCursor}`));
    expect(next.items[0].code > areas.items[2].code || next.items[0].code.length > 3).toBe(true);
    expect(next.items.map((n: Node) => n.id)).not.toContain(areas.items[0].id);
    const found = json(await get(admin, '/api/v1/processes?search=Bygglov'));
    const lov = found.items.find((n: Node) => n.name === 'Bygglov');
    expect(lov.level).toBe('process');
    const siblings = json(await get(admin, `/api/v1/processes?parentId=${lov.parentId}`));
    expect(siblings.items.map((n: Node) => n.name)).toContain('Byggtillsyn');
  });
});

describe('the rules of the tree', () => {
  let root: Node;
  let area: Node;
  let group: Node;
  let process: Node;

  it('nests levels in order', async () => {
    root = json(
      await send(admin, 'POST', '/api/v1/processes', { level: 'activityType', code: '7', name: 'Prov' }),
    );
    const noParent = await send(admin, 'POST', '/api/v1/processes', {
      level: 'area',
      code: '7.1',
      name: 'Utan',
    });
    expect(noParent.statusCode).toBe(400);
    expect(json(noParent).errors[0].path).toBe('body.parentId');
    const skipped = await send(admin, 'POST', '/api/v1/processes', {
      parentId: root.id,
      level: 'group',
      code: '7.1.1',
      name: 'Hoppar över',
    });
    expect(skipped.statusCode).toBe(400);
    expect(json(skipped).errors[0].path).toBe('body.parentId');
    const rootWithParent = await send(admin, 'POST', '/api/v1/processes', {
      parentId: root.id,
      level: 'activityType',
      code: '7.9',
      name: 'Fel',
    });
    expect(rootWithParent.statusCode).toBe(400);
    area = json(
      await send(admin, 'POST', '/api/v1/processes', {
        parentId: root.id,
        level: 'area',
        code: '7.1',
        name: 'Område',
      }),
    );
    group = json(
      await send(admin, 'POST', '/api/v1/processes', {
        parentId: area.id,
        level: 'group',
        code: '7.1.1',
        name: 'Grupp',
      }),
    );
    process = json(
      await send(admin, 'POST', '/api/v1/processes', {
        parentId: group.id,
        level: 'process',
        code: '7.1.1.1',
        name: 'Process',
      }),
    );
    expect(process).toMatchObject({ level: 'process', parentId: group.id, fromReference: false, version: 1 });
    const underProcess = await send(admin, 'POST', '/api/v1/processes', {
      parentId: process.id,
      level: 'process',
      code: '7.1.1.1.1',
      name: 'Under en process',
    });
    expect(underProcess.statusCode).toBe(400);
  });

  it('keeps codes unique among active nodes of the tenant, freeing an archived one', async () => {
    const dup = await send(admin, 'POST', '/api/v1/processes', {
      parentId: group.id,
      level: 'process',
      code: '7.1.1.1',
      name: 'Dubblett',
    });
    expect(dup.statusCode).toBe(409);
    expect(json(dup).errors[0].path).toBe('body.code');
    // Another tenant may use the same code.
    const other = await send(bAdmin, 'POST', '/api/v1/processes', {
      level: 'activityType',
      code: '7',
      name: 'B:s',
    });
    expect(other.statusCode).toBe(201);
    const extra = json(
      await send(admin, 'POST', '/api/v1/processes', {
        parentId: group.id,
        level: 'process',
        code: '7.1.1.2',
        name: 'Extra',
      }),
    );
    const renamed = await send(admin, 'PATCH', `/api/v1/processes/${extra.id}`, {
      version: 1,
      code: '7.1.1.1',
    });
    expect(renamed.statusCode).toBe(409);
    const archived = await send(admin, 'POST', `/api/v1/processes/${extra.id}/archive`, {
      version: 1,
      reason: 'Fel',
    });
    expect(archived.statusCode).toBe(200);
    const again = await send(admin, 'POST', '/api/v1/processes', {
      parentId: group.id,
      level: 'process',
      code: '7.1.1.2',
      name: 'Ny',
    });
    expect(again.statusCode).toBe(201);
    const restore = await send(admin, 'POST', `/api/v1/processes/${extra.id}/restore`, { version: 2 });
    expect(restore.statusCode).toBe(409);
  });

  it('refuses a move below itself, or to a parent of the wrong level, and moves within the rules', async () => {
    const below = await send(admin, 'POST', `/api/v1/processes/${area.id}/move`, {
      version: 1,
      parentId: group.id,
    });
    expect(below.statusCode).toBe(400);
    expect(json(below).errors[0]).toMatchObject({
      path: 'body.parentId',
      message: 'A process cannot be moved below itself',
    });
    const self = await send(admin, 'POST', `/api/v1/processes/${group.id}/move`, {
      version: 1,
      parentId: group.id,
    });
    expect(json(self).errors[0].message).toBe('A process cannot be its own parent');
    const wrongLevel = await send(admin, 'POST', `/api/v1/processes/${process.id}/move`, {
      version: 1,
      parentId: area.id,
    });
    expect(wrongLevel.statusCode).toBe(400);
    const otherTenant = json(await get(bAdmin, '/api/v1/processes?level=activityType')).items[0];
    const across = await send(admin, 'POST', `/api/v1/processes/${area.id}/move`, {
      version: 1,
      parentId: otherTenant.id,
    });
    expect(across.statusCode).toBe(400);
    const tree = json(await get(admin, '/api/v1/processes?level=area&search=Utbildning')).items[0];
    const groups = json(await get(admin, `/api/v1/processes?parentId=${tree.id}`)).items;
    const moved = await send(admin, 'POST', `/api/v1/processes/${process.id}/move`, {
      version: 1,
      parentId: groups[0].id,
    });
    expect(moved.statusCode).toBe(200);
    expect(json(moved)).toMatchObject({ parentId: groups[0].id, version: 2 });
    const stale = await send(admin, 'POST', `/api/v1/processes/${process.id}/move`, {
      version: 1,
      parentId: group.id,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('archives a node only without active children', async () => {
    const refused = await send(admin, 'POST', `/api/v1/processes/${root.id}/archive`, {
      version: 1,
      reason: 'x',
    });
    expect(refused.statusCode).toBe(409);
  });

  it('exports the tree with each node and its parent code', async () => {
    const response = await get(admin, '/api/v1/processes/export?format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('processer-');
    const lines = response.body.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).toBe('kod;nivå;namn;överordnad;beskrivning;antal system;antal handlingstyper;arkiverad');
    expect(lines).toContain(
      '1;verksamhetstyp;Styra verksamheten;;Processer som styr kommunens verksamhet: politisk ledning, planering, uppföljning och utveckling.;0;0;nej',
    );
    expect(response.body).not.toContain('B:s');
    const xlsx = await get(admin, '/api/v1/processes/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('systems that support processes', () => {
  it('replaces the set, audited, and lists both ways; only the system’s keepers may', async () => {
    const system = json(
      await send(admin, 'POST', '/api/v1/systems', { name: 'Procapita', scope: 'business' }),
    );
    const other = json(await send(admin, 'POST', '/api/v1/systems', { name: 'Annat', scope: 'business' }));
    const found = json(await get(admin, '/api/v1/processes?search=Ekonomiskt%20bist%C3%A5nd')).items[0];
    const barn = json(await get(admin, '/api/v1/processes?search=Barn%20och%20unga')).items[0];
    const put = await send(admin, 'PUT', `/api/v1/systems/${system.id}/processes`, {
      processIds: [found.id, barn.id],
      version: 1,
    });
    expect(put.statusCode).toBe(200);
    expect(json(put).processes.map((p: Node) => p.name)).toEqual(['Ekonomiskt bistånd', 'Barn och unga']);
    const systemsOf = json(await get(admin, `/api/v1/processes/${found.id}/systems`));
    expect(systemsOf.items).toEqual([{ id: system.id, name: 'Procapita', archived: false }]);
    const tree = json(await get(admin, '/api/v1/processes/tree')).items;
    expect(tree.find((n: Node) => n.id === found.id).systemCount).toBe(1);

    const stale = await send(admin, 'PUT', `/api/v1/systems/${system.id}/processes`, {
      processIds: [],
      version: 7,
    });
    expect(stale.statusCode).toBe(409);
    const twice = await send(admin, 'PUT', `/api/v1/systems/${system.id}/processes`, {
      processIds: [found.id, found.id],
    });
    expect(json(twice).errors[0].path).toBe('body.processIds.1');
    const bProcess = json(await get(bAdmin, '/api/v1/processes')).items[0];
    const across = await send(admin, 'PUT', `/api/v1/systems/${system.id}/processes`, {
      processIds: [bProcess.id],
    });
    expect(across.statusCode).toBe(400);
    expect(json(await get(admin, `/api/v1/systems/${system.id}/processes`)).processes).toHaveLength(2);

    const owner = await seedPerson(t.db, t.a, 'procapita.agare@a.example', ['employee']);
    await send(admin, 'POST', '/api/v1/role-assignments', {
      personId: owner.id,
      role: 'systemOwner',
      scope: 'system',
      scopeId: system.id,
    });
    const session = await signIn(t.app, 'procapita.agare@a.example');
    const mine = await send(session, 'PUT', `/api/v1/systems/${system.id}/processes`, {
      processIds: [found.id],
    });
    expect(mine.statusCode).toBe(200);
    const theirs = await send(session, 'PUT', `/api/v1/systems/${other.id}/processes`, {
      processIds: [found.id],
    });
    expect(theirs.statusCode).toBe(403);
    expect(json(await get(bAdmin, `/api/v1/systems/${system.id}/processes`)).code).toBe('not-found');

    const audit = json(await get(admin, `/api/v1/audit?entity=system&entityId=${system.id}`));
    expect(audit.items.some((e: { action: string }) => e.action === 'processes')).toBe(true);
  });
});
