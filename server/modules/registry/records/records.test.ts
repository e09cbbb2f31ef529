import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { maxLevelsBySystem } from '../classification/service.ts';

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let processId: string;
let groupId: string;
let keptIn: { id: string };
let otherSystem: { id: string };

const send = (session: Session, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown) =>
  t.app.inject({ method, url, headers: session.headers(), payload: payload as object });
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });

const valid = () => ({
  processId,
  name: 'Ansökan om ekonomiskt bistånd',
  format: 'digital',
  fileFormats: 'PDF/A',
  retention: 'dispose',
  retentionPeriod: '5 år efter avslutad akt',
  retentionBasis: 'Socialnämndens beslut 2024-03-19 § 34',
  registration: 'keepOrdered',
  systemId: keptIn.id,
  eArchive: true,
  eArchiveWhen: 'Årligen',
  secret: true,
  secrecyProvision: '26 kap. 1 § OSL',
  personalData: true,
  confidentiality: 3,
  integrity: 4,
  availability: 2,
});

async function person(email: string, roles: ('employee' | 'securityCoordinator')[], ownerOf?: string) {
  const p = await seedPerson(t.db, t.a, email, roles);
  if (ownerOf)
    await send(admin, 'POST', '/api/v1/role-assignments', {
      personId: p.id,
      role: 'systemOwner',
      scope: 'system',
      scopeId: ownerOf,
    });
  return signIn(t.app, email);
}

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await send(admin, 'POST', '/api/v1/processes/reference', {});
  const found = json(await get(admin, '/api/v1/processes?search=Ekonomiskt%20bist%C3%A5nd&level=process'))
    .items[0];
  processId = found.id;
  groupId = found.parentId;
  keptIn = json(await send(admin, 'POST', '/api/v1/systems', { name: 'Procapita', scope: 'business' }));
  otherSystem = json(await send(admin, 'POST', '/api/v1/systems', { name: 'Heroma', scope: 'shared' }));
});
afterAll(() => t.close());

describe('record types', () => {
  it('adds, reads, lists, changes, archives and restores a record type of a process', async () => {
    const created = await send(admin, 'POST', '/api/v1/record-types', valid());
    expect(created.statusCode).toBe(201);
    const row = json(created);
    expect(row).toMatchObject({
      process: { id: processId, name: 'Ekonomiskt bistånd', level: 'process' },
      systemName: 'Procapita',
      confidentiality: 3,
      integrity: 4,
      availability: 2,
      levelsHidden: false,
      version: 1,
      can: { update: true, readLevels: true },
    });
    const listed = json(await get(admin, `/api/v1/record-types?processId=${processId}`));
    expect(listed.items.map((r: { id: string }) => r.id)).toEqual([row.id]);
    const changed = await send(admin, 'PATCH', `/api/v1/record-types/${row.id}`, {
      version: 1,
      retention: 'preserve',
      retentionPeriod: null,
    });
    expect(changed.statusCode).toBe(200);
    expect(json(changed)).toMatchObject({ retention: 'preserve', retentionPeriod: null, version: 2 });
    const stale = await send(admin, 'PATCH', `/api/v1/record-types/${row.id}`, {
      version: 1,
      name: 'Gammal',
    });
    expect(stale.statusCode).toBe(409);
    const archived = await send(admin, 'POST', `/api/v1/record-types/${row.id}/archive`, {
      version: 2,
      reason: 'Dubblett',
    });
    expect(archived.statusCode).toBe(200);
    expect(json(await get(admin, `/api/v1/record-types?processId=${processId}`)).items).toEqual([]);
    const restored = await send(admin, 'POST', `/api/v1/record-types/${row.id}/restore`, { version: 3 });
    expect(json(restored)).toMatchObject({ archivedAt: null, version: 4 });
  });

  it('refuses what breaks the rules, naming the field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ retentionPeriod: null, retentionMonths: null }, 'body.retentionPeriod'],
      [{ retention: 'preserve', retentionPeriod: '2 år' }, 'body.retentionPeriod'],
      [{ retention: 'preserve', retentionPeriod: null, retentionMonths: 12 }, 'body.retentionMonths'],
      [{ secret: true, secrecyProvision: null }, 'body.secrecyProvision'],
      [{ secret: false, secrecyProvision: '26 kap. 1 § OSL' }, 'body.secrecyProvision'],
      [{ format: 'paper', fileFormats: 'PDF' }, 'body.fileFormats'],
      [{ eArchive: false, eArchiveWhen: 'Årligen' }, 'body.eArchiveWhen'],
      [{ processId: groupId }, 'body.processId'],
      [{ systemId: '00000000-0000-4000-8000-000000000000' }, 'body.systemId'],
      [{ confidentiality: 5 }, 'body.confidentiality'],
      [{ registration: 'diarieförs' }, 'body.registration'],
      [{ name: '' }, 'body.name'],
    ];
    for (const [change, path] of cases) {
      const response = await send(admin, 'POST', '/api/v1/record-types', {
        ...valid(),
        name: 'Fel',
        ...change,
      });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(json(response).errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(json(await get(admin, '/api/v1/record-types?search=Fel')).items).toEqual([]);
    // A process of another tenant is no process at all.
    await send(bAdmin, 'POST', '/api/v1/processes/reference', {});
    const bProcess = json(await get(bAdmin, '/api/v1/processes?level=process&limit=1')).items[0];
    const across = await send(admin, 'POST', '/api/v1/record-types', { ...valid(), processId: bProcess.id });
    expect(json(across).errors[0].path).toBe('body.processId');
  });

  it('filters by system, retention and a missing disposal decision, and exports', async () => {
    const noDecision = json(
      await send(admin, 'POST', '/api/v1/record-types', {
        ...valid(),
        name: 'Statistik',
        retentionBasis: null,
        systemId: otherSystem.id,
        secret: false,
        secrecyProvision: null,
        confidentiality: 1,
        integrity: 1,
        availability: 3,
      }),
    );
    const missing = json(await get(admin, '/api/v1/record-types?noDisposalDecision=true'));
    expect(missing.items.map((r: { id: string }) => r.id)).toEqual([noDecision.id]);
    const bySystem = json(await get(admin, `/api/v1/record-types?systemId=${otherSystem.id}`));
    expect(bySystem.items.map((r: { id: string }) => r.id)).toEqual([noDecision.id]);
    const preserved = json(await get(admin, '/api/v1/record-types?retention=preserve'));
    expect(preserved.items.map((r: { name: string }) => r.name)).toEqual(['Ansökan om ekonomiskt bistånd']);
    const csv = await get(admin, `/api/v1/record-types/export?format=csv&processId=${processId}`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).toContain('processkod;process;handlingstyp');
    expect(lines.find((l) => l.includes('Statistik'))).toContain(';gallras;');
    expect(lines.find((l) => l.includes('Statistik'))).toMatch(/;1;1;3$/);
    expect(csv.body).not.toContain('Hemlig');
  });

  it('shows K/R/T levels only to those who may read the keeping system’s classification', async () => {
    const keptNowhere = json(
      await send(admin, 'POST', '/api/v1/record-types', {
        ...valid(),
        name: 'Minnesanteckningar',
        systemId: null,
        confidentiality: 2,
      }),
    );
    const owner = await person('owner@a.example', ['employee'], keptIn.id);
    const otherOwner = await person('other.owner@a.example', ['employee'], otherSystem.id);
    const employee = await person('staff@a.example', ['employee']);
    const security = await person('security@a.example', ['securityCoordinator']);
    const levelsSeen = async (session: Session) => {
      const list = json(await get(session, `/api/v1/record-types?processId=${processId}`)).items;
      return Object.fromEntries(
        list.map((r: { name: string; confidentiality: number | null; levelsHidden: boolean }) => [
          r.name,
          r.levelsHidden ? 'hidden' : r.confidentiality,
        ]),
      );
    };
    expect(await levelsSeen(admin)).toEqual({
      'Ansökan om ekonomiskt bistånd': 3,
      Minnesanteckningar: 2,
      Statistik: 1,
    });
    expect(await levelsSeen(owner)).toEqual({
      'Ansökan om ekonomiskt bistånd': 3,
      Minnesanteckningar: 'hidden',
      Statistik: 'hidden',
    });
    expect(await levelsSeen(otherOwner)).toEqual({
      'Ansökan om ekonomiskt bistånd': 'hidden',
      Minnesanteckningar: 'hidden',
      Statistik: 1,
    });
    expect(await levelsSeen(employee)).toEqual({
      'Ansökan om ekonomiskt bistånd': 'hidden',
      Minnesanteckningar: 'hidden',
      Statistik: 'hidden',
    });
    expect(await levelsSeen(security)).toEqual({
      'Ansökan om ekonomiskt bistånd': 3,
      Minnesanteckningar: 2,
      Statistik: 1,
    });
    // The same on one record, the plan and the exports.
    const one = json(await get(employee, `/api/v1/record-types/${keptNowhere.id}`));
    expect(one).toMatchObject({
      confidentiality: null,
      integrity: null,
      availability: null,
      levelsHidden: true,
    });
    const plan = json(await get(employee, `/api/v1/processes/${processId}/information-plan`));
    expect(
      plan.recordTypes.every(
        (r: { levelsHidden: boolean; integrity: null }) => r.levelsHidden && r.integrity === null,
      ),
    ).toBe(true);
    const csv = (await get(employee, `/api/v1/record-types/export?processId=${processId}`)).body;
    const rows = csv
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean);
    expect(rows).toHaveLength(3);
    for (const line of rows) expect(line).toMatch(/;;;$/);
    const ownerCsv = (await get(owner, `/api/v1/processes/${processId}/information-plan/export`)).body;
    expect(ownerCsv.split(/\r?\n/).find((l) => l.includes('Ansökan om ekonomiskt bistånd'))).toMatch(
      /;3;4;2$/,
    );
    // Only keepers write record types.
    const write = await send(owner, 'POST', '/api/v1/record-types', valid());
    expect(write.statusCode).toBe(403);
  });

  it("takes a system's maximum levels over the record types it keeps", async () => {
    await send(admin, 'POST', '/api/v1/record-types', {
      ...valid(),
      name: 'Journal',
      confidentiality: 4,
      integrity: 2,
      availability: null,
    });
    // The systems have no classification of their own here: their maximum is the record types'.
    const levels = await maxLevelsBySystem(t.db, t.a.id, [keptIn.id, otherSystem.id]);
    expect(levels.get(keptIn.id)).toMatchObject({ confidentiality: 4, integrity: 4, availability: 2 });
    expect(levels.get(otherSystem.id)).toMatchObject({ confidentiality: 1, integrity: 1, availability: 3 });
    expect((await maxLevelsBySystem(t.db, t.b.id, [keptIn.id])).size).toBe(0);
  });

  it("never shows tenant A's record types to tenant B", async () => {
    const list = await get(bAdmin, '/api/v1/record-types');
    expect(json(list).items).toEqual([]);
    const mine = json(await get(admin, '/api/v1/record-types?limit=1')).items[0];
    expect((await get(bAdmin, `/api/v1/record-types/${mine.id}`)).statusCode).toBe(404);
    const change = await send(bAdmin, 'PATCH', `/api/v1/record-types/${mine.id}`, {
      version: mine.version,
      name: 'B',
    });
    expect(change.statusCode).toBe(404);
    expect((await get(bAdmin, `/api/v1/processes/${processId}/information-plan`)).statusCode).toBe(404);
    expect((await get(bAdmin, '/api/v1/record-types/export')).body).not.toContain('Ansökan');
  });
});

describe('the information management plan', () => {
  it('is drafted, then adopted by a decision with date, body and §', async () => {
    const none = json(await get(admin, `/api/v1/processes/${processId}/information-plan`));
    expect(none.plan).toBeNull();
    expect(none.path.map((p: { level: string }) => p.level)).toEqual([
      'activityType',
      'area',
      'group',
      'process',
    ]);
    expect(none.recordTypes.length).toBeGreaterThan(0);
    const group = await send(admin, 'POST', `/api/v1/processes/${groupId}/information-plan`, {});
    expect(group.statusCode).toBe(409);
    const half = await send(admin, 'POST', `/api/v1/processes/${processId}/information-plan`, {
      status: 'adopted',
      adoptedOn: '2024-03-19',
      body: 'Socialnämnden',
    });
    expect(half.statusCode).toBe(400);
    expect(json(half).errors[0].path).toBe('body.paragraph');
    const draft = await send(admin, 'POST', `/api/v1/processes/${processId}/information-plan`, {
      body: 'Socialnämnden',
    });
    expect(draft.statusCode).toBe(201);
    expect(json(draft)).toMatchObject({ status: 'draft', version: 1 });
    const twice = await send(admin, 'POST', `/api/v1/processes/${processId}/information-plan`, {});
    expect(twice.statusCode).toBe(409);
    const noDate = await send(admin, 'PATCH', `/api/v1/processes/${processId}/information-plan`, {
      version: 1,
      status: 'adopted',
      paragraph: '§ 34',
    });
    expect(json(noDate).errors[0].path).toBe('body.adoptedOn');
    const adopted = await send(admin, 'PATCH', `/api/v1/processes/${processId}/information-plan`, {
      version: 1,
      status: 'adopted',
      adoptedOn: '2024-03-19',
      paragraph: '§ 34',
      registrationNumber: 'SN 2024/87',
    });
    expect(adopted.statusCode).toBe(200);
    expect(json(adopted)).toMatchObject({
      status: 'adopted',
      adoptedOn: '2024-03-19',
      body: 'Socialnämnden',
      version: 2,
    });
    const stale = await send(admin, 'PATCH', `/api/v1/processes/${processId}/information-plan`, {
      version: 1,
      note: 'x',
    });
    expect(stale.statusCode).toBe(409);
    const view = json(await get(admin, `/api/v1/processes/${processId}/information-plan`));
    expect(view.plan).toMatchObject({ paragraph: '§ 34', can: { update: true } });
    const employee = await person('reader@a.example', ['employee']);
    const read = json(await get(employee, `/api/v1/processes/${processId}/information-plan`));
    expect(read.plan.can.update).toBe(false);
    const xlsx = await get(admin, `/api/v1/processes/${processId}/information-plan/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('informationshanteringsplan-3-2-1-1');
  });
});
