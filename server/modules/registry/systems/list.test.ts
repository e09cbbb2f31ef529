import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { openDatabase } from '../../../db/client.ts';
import { itOn } from '../../../db/testing.ts';
import { readSheet } from '../../../platform/transfer/index.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { createSupplier } from '../suppliers/service.ts';

// The systems list: every sort pages by keyset without skipping or repeating, every filter
// selects what it says, and the export carries the list's filters and order, formula-safe.

let t: TestContext;
let admin: Session;
const ids: Record<string, string> = {};
let otherUnit: string;
let supplierId: string;

const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: admin.headers(), payload: payload as object });
const get = (url: string) => t.app.inject({ url, headers: admin.headers() });

const systems = [
  { name: 'Ärendesystem', phase: 'operation', criticality: 'high', operationForm: 'saas', eService: true },
  {
    name: 'Arkiv',
    phase: 'phaseOut',
    criticality: 'medium',
    operationForm: 'itUnit',
    timeAssessment: 'eliminate',
  },
  { name: 'Bokning', phase: 'idea', criticality: null, operationForm: 'saas', tags: ['bokning'] },
  { name: 'Chatt', phase: 'operation', criticality: 'low', ownDeveloped: true, category: 'Kommunikation' },
  { name: 'Diarium', phase: 'operation', criticality: 'critical', timeAssessment: 'invest' },
  { name: 'Ekonomi', phase: 'implementation', criticality: 'high', supplier: true },
  { name: 'Öppna data', phase: 'retired', criticality: 'low', using: true },
] as const;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  otherUnit = json(await post('/api/v1/units', { name: 'Annan enhet', kind: 'department' })).id;
  supplierId = (await createSupplier(t.db, t.a.actor, { name: 'Leverantör AB', orgNumber: null })).id;
  for (const s of systems) {
    const { supplier, using, ...fields } = s as typeof s & { supplier?: boolean; using?: boolean };
    const made = await post('/api/v1/systems', {
      ...fields,
      scope: 'business',
      owningUnitId: using ? otherUnit : t.a.unitId,
      usingUnits: using ? [{ unitId: t.a.unitId, users: 5 }] : [],
      supplierId: supplier ? supplierId : null,
    });
    expect(made.statusCode).toBe(201);
    ids[s.name] = json(made).id;
  }
});
afterAll(() => t.close());

async function everyPage(query: string, limit = 2) {
  const names: string[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/v1/systems?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const page: { items: { name: string }[]; nextCursor: string | null } = json(await get(url));
    expect(page.items.length).toBeLessThanOrEqual(limit);
    names.push(...page.items.map((s) => s.name));
    cursor = page.nextCursor;
  } while (cursor);
  return names;
}

describe('the systems list', () => {
  it('sorts by name in Swedish order, and pages in either direction', async () => {
    const asc = ['Arkiv', 'Bokning', 'Chatt', 'Diarium', 'Ekonomi', 'Ärendesystem', 'Öppna data'];
    expect(await everyPage('sort=name')).toEqual(asc);
    expect(await everyPage('sort=name&order=desc')).toEqual([...asc].reverse());
  });

  it('sorts by lifecycle phase and by criticality in their real order, names breaking ties', async () => {
    const byPhase = ['Bokning', 'Ekonomi', 'Chatt', 'Diarium', 'Ärendesystem', 'Arkiv', 'Öppna data'];
    expect(await everyPage('sort=phase')).toEqual(byPhase);
    expect(await everyPage('sort=phase&order=desc', 3)).toEqual([...byPhase].reverse());
    const byCriticality = ['Bokning', 'Chatt', 'Öppna data', 'Arkiv', 'Ekonomi', 'Ärendesystem', 'Diarium'];
    expect(await everyPage('sort=criticality')).toEqual(byCriticality);
    expect(await everyPage('sort=criticality&order=desc')).toEqual([...byCriticality].reverse());
  });

  it('sorts by last change, exact to the microsecond across pages', async () => {
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/systems/${ids.Arkiv}`,
      headers: admin.headers(),
      payload: { version: 1, description: 'Ändrad sist' },
    });
    expect(changed.statusCode).toBe(200);
    const names = await everyPage('sort=updatedAt&order=desc', 1);
    expect(names).toHaveLength(systems.length);
    expect(new Set(names).size).toBe(systems.length);
    expect(names[0]).toBe('Arkiv');
    expect(await everyPage('sort=updatedAt', 3)).toEqual([...names].reverse());
  });

  it('filters by owning or using unit, form, TIME, e-service, own development, supplier, tag and category', async () => {
    const names = async (query: string) =>
      json(await get(`/api/v1/systems?${query}&limit=200`)).items.map((s: { name: string }) => s.name);
    expect(await names(`owningUnitId=${otherUnit}`)).toEqual(['Öppna data']);
    expect(await names(`usingUnitId=${t.a.unitId}`)).toEqual(['Öppna data']);
    expect(await names(`unitId=${otherUnit}`)).toEqual(['Öppna data']);
    expect((await names(`owningUnitId=${t.a.unitId}`)).length).toBe(6);
    expect(await names('operationForm=saas')).toEqual(['Bokning', 'Ärendesystem']);
    expect(await names('timeAssessment=eliminate')).toEqual(['Arkiv']);
    expect(await names('eService=true')).toEqual(['Ärendesystem']);
    expect((await names('eService=false')).length).toBe(6);
    expect(await names('ownDeveloped=true')).toEqual(['Chatt']);
    expect(await names(`supplierId=${supplierId}`)).toEqual(['Ekonomi']);
    expect(await names('tag=bokning')).toEqual(['Bokning']);
    expect(await names('category=Kommunikation')).toEqual(['Chatt']);
    expect(await names('phase=operation&criticality=high')).toEqual(['Ärendesystem']);

    const person = await seedPerson(t.db, t.a, 'lista@a.example');
    await post(`/api/v1/systems/${ids.Diarium}/roles`, { kind: 'systemOwner', personId: person.id });
    expect(await names(`personId=${person.id}`)).toEqual(['Diarium']);

    const bad = await get('/api/v1/systems?sort=colour');
    expect(bad.statusCode).toBe(400);
    const badCursor = await get('/api/v1/systems?sort=phase&cursor=abc');
    expect(badCursor.statusCode).toBe(400);
  });

  it('answers each system in the list exactly as GET of it does, every field', async () => {
    // The list and GET read the record's JSON the database keeps; the write answers from
    // present.ts: all three the same, every field (the next test through every kind of write).
    const full = await post('/api/v1/systems', {
      name: 'Fullständigt "system" \\ med allt',
      shortName: 'FS',
      description: 'Rad ett\nrad två – åäö €',
      scope: 'shared',
      category: 'IT-stöd',
      owningUnitId: t.a.unitId,
      usingUnits: [
        { unitId: otherUnit, users: 12 },
        { unitId: t.a.unitId, users: null },
      ],
      phase: 'phaseOut',
      inOperationFrom: '2019-03-01',
      phaseOutFrom: '2026-01-15',
      retiredOn: '2027-12-31',
      operationForm: 'saas',
      criticality: 'critical',
      timeAssessment: 'migrate',
      timeMotivation: 'Ersätts av en e-tjänst',
      supplierId,
      product: 'Produkten',
      productVersion: '4.2',
      eService: true,
      ownDeveloped: true,
      links: [{ label: 'Manual', url: 'https://example.org/manual?a=1&b=2' }],
      tags: ['märkt', 'två ord'],
      productCouncil: 'Rådet',
    });
    expect(full.statusCode, full.body).toBe(201);
    const archived = json(
      await post('/api/v1/systems', { name: 'Fullständigt arkiverat', scope: 'business' }),
    );
    expect(
      (await post(`/api/v1/systems/${archived.id}/archive`, { version: 1, reason: 'Avvecklat' })).statusCode,
    ).toBe(200);
    const page = await get('/api/v1/systems?search=Fullständigt&includeArchived=true&limit=50');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('application/json');
    const items = json(page).items;
    expect(items.map((s: { name: string }) => s.name)).toEqual([json(full).name, 'Fullständigt arkiverat']);
    for (const item of items) expect(item).toStrictEqual(json(await get(`/api/v1/systems/${item.id}`)));
    expect(items[0]).toStrictEqual(json(full));
    expect(items[1].archivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(items[1].can).toMatchObject({ update: false, restore: true });
    // And every system of the fixture, on pages of two.
    const all = json(await get('/api/v1/systems?limit=200')).items;
    for (const item of all) expect(item).toStrictEqual(json(await get(`/api/v1/systems/${item.id}`)));
    expect(json(await get('/api/v1/systems?limit=2')).nextCursor).toEqual(expect.any(String));
    expect(json(await get('/api/v1/systems?limit=200')).nextCursor).toBeNull();
  });

  it('reads every write at once: GET and the list answer what the write answered, field for field', async () => {
    // GET and the list read the JSON the database keeps (migration registry_read_paths), the
    // writes answer from present.ts: each write must be seen, whole, by the next read.
    const read = async (id: string) => {
      const one = json(await get(`/api/v1/systems/${id}`));
      const listed = json(await get('/api/v1/systems?search=Skrivs&includeArchived=true&limit=5')).items;
      expect(listed).toHaveLength(1);
      expect(listed[0]).toStrictEqual(one);
      return one;
    };
    const created = await post('/api/v1/systems', {
      name: 'Skrivs om',
      scope: 'business',
      owningUnitId: t.a.unitId,
      usingUnits: [{ unitId: otherUnit, users: 3 }],
      links: [{ label: 'Hem', url: 'https://example.org/' }],
      tags: ['ett'],
    });
    expect(created.statusCode).toBe(201);
    const id = json(created).id;
    expect(await read(id)).toStrictEqual(json(created));
    const patch = (payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/systems/${id}`, headers: admin.headers(), payload });
    const renamed = await patch({ version: 1, name: 'Skrivs om igen', description: 'Ny "text"' });
    expect(renamed.statusCode).toBe(200);
    expect(await read(id)).toStrictEqual(json(renamed));
    // The units that use it: another table, the same record.
    const used = await patch({
      version: 2,
      usingUnits: [
        { unitId: t.a.unitId, users: 40 },
        { unitId: otherUnit, users: null },
      ],
    });
    expect(used.statusCode).toBe(200);
    expect(await read(id)).toStrictEqual(json(used));
    const unused = await patch({ version: 3, usingUnits: [] });
    expect(json(unused).usingUnits).toEqual([]);
    expect(await read(id)).toStrictEqual(json(unused));
    const archived = await post(`/api/v1/systems/${id}/archive`, { version: 4, reason: 'Prov' });
    expect(archived.statusCode).toBe(200);
    expect(await read(id)).toStrictEqual(json(archived));
    const restored = await post(`/api/v1/systems/${id}/restore`, { version: 5 });
    expect(restored.statusCode).toBe(200);
    expect(await read(id)).toStrictEqual(json(restored));
    expect(json(restored).version).toBe(6);
  });

  itOn('pg')('answers a change made through another process at its next page, without waiting', async () => {
    // Records are held by row version in each process: nothing to notify, nothing stale.
    const otherHandle = await openDatabase({ kind: 'pg', url: t.database.url!, poolSize: 2 });
    const other = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: undefined }),
      database: otherHandle,
      logger: false,
    });
    try {
      const otherAdmin = await signIn(other, t.a.adminEmail);
      const list = async () =>
        json(await other.inject({ url: '/api/v1/systems?limit=200', headers: otherAdmin.headers() })).items;
      const held = (await list()).find((s: { id: string }) => s.id === ids.Bokning);
      const changed = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/systems/${ids.Bokning}`,
        headers: admin.headers(),
        payload: { version: held.version, description: 'Ändrad i den andra processen' },
      });
      expect(changed.statusCode).toBe(200);
      expect((await list()).find((s: { id: string }) => s.id === ids.Bokning)).toStrictEqual(json(changed));
    } finally {
      await other.close();
      await otherHandle.close();
    }
  });

  it('takes a fixed number of statements per page however many rows (no N+1)', async () => {
    const count = async (url: string) => {
      await get(url); // warms the principal cache
      const before = t.database.queryCount;
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      return t.database.queryCount - before;
    };
    // The page with the using units of its systems, in one statement once its records are held
    // (at their rows' versions); one system the same.
    expect(await count('/api/v1/systems?limit=50')).toBe(1);
    expect(await count(`/api/v1/systems/${ids.Diarium}`)).toBe(1);
    // A record changed: read again, the others not (two statements), then held again.
    const before = json(await get(`/api/v1/systems/${ids.Chatt}`));
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/systems/${ids.Chatt}`,
      headers: admin.headers(),
      payload: { version: before.version, shortName: 'CH' },
    });
    expect(changed.statusCode).toBe(200);
    const statements = t.database.queryCount;
    const page = json(await get('/api/v1/systems?limit=50')).items;
    expect(t.database.queryCount - statements).toBe(2);
    expect(page.find((s: { id: string }) => s.id === ids.Chatt)).toStrictEqual(json(changed));
    expect(await count('/api/v1/systems?limit=50')).toBe(1);
    expect(await count('/api/v1/systems?limit=2&sort=criticality&order=desc')).toBe(1);
    expect(await count(`/api/v1/systems?limit=50&usingUnitId=${t.a.unitId}&phase=retired`)).toBe(1);
    expect(await count('/api/v1/system-roles?limit=50')).toBe(1);
    expect(await count('/api/v1/system-roles?limit=50&gaps=true')).toBe(1);
    // The system, its roles, the IT-samordnare of its units and the grants without a role.
    expect(await count(`/api/v1/systems/${ids.Diarium}/roles`)).toBe(4);
  });

  it('exports the filtered list as CSV and XLSX, with names, owners and a formula neutralised', async () => {
    const person = await seedPerson(t.db, t.a, 'export@a.example');
    const formula = json(
      await post('/api/v1/systems', {
        name: '=HYPERLINK("http://evil.example")',
        scope: 'shared',
        owningUnitId: t.a.unitId,
        usingUnits: [{ unitId: otherUnit, users: 12 }],
        supplierId,
        tags: ['export'],
      }),
    );
    await post(`/api/v1/systems/${formula.id}/roles`, { kind: 'systemManager', personId: person.id });

    const csv = await get('/api/v1/systems/export?format=csv&tag=export');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="system-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('namn;kortnamn');
    expect(lines[1]).toContain(`'=HYPERLINK`);
    expect(lines[1]).toContain('Annan enhet (12)');
    expect(lines[1]).toContain('Leverantör AB');
    expect(lines[1]).toContain('Test export');
    expect(lines[1]).toContain('Kommungemensamt');

    const xlsx = await get('/api/v1/systems/export?format=xlsx&phase=operation&sort=criticality&order=desc');
    expect(xlsx.statusCode).toBe(200);
    const sheet = await readSheet(xlsx.rawPayload);
    const names = sheet.rows.map((r) => r.cells[0]);
    expect(names.slice(0, 3)).toEqual(['Diarium', 'Ärendesystem', 'Chatt']);
  });
});
