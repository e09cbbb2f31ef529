import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as directory from '../../../platform/directory/service.ts';
import { readSheet } from '../../../platform/transfer/index.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { activityColumns } from './transfer.ts';

let t: TestContext;
let admin: Session;
let adminB: Session;
let systemId: string;
let systemB: string;
let office: string;
let company: string;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  adminB = await signIn(t.app, t.b.adminEmail);
  office = (
    await directory.createUnit(t.db, t.a.actor, { name: 'Kontor', kind: 'office', parentId: t.a.unitId })
  ).id;
  company = (await directory.createUnit(t.db, t.a.actor, { name: 'Bostäder AB', kind: 'company' })).id;
  systemId = json(await post(admin, '/api/v1/systems', { name: 'Treserva', scope: 'business' })).id;
  systemB = json(await post(adminB, '/api/v1/systems', { name: 'B-system', scope: 'business' })).id;
});
afterAll(() => t.close());

const post = (session: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
const patch = (session: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url, headers: session.headers(), payload: payload as object });
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const ids = (response: { json(): unknown }) =>
  (response.json() as { items: { id: string }[] }).items.map((i) => i.id);

const base = () => ({
  name: 'Utredning enligt SoL',
  controllerId: t.a.unitId,
  purposes: ['Utreda behov'],
  legalBasis: 'publicTask',
  legalBasisReference: 'SoL 2001:453',
});

describe('processing activities', () => {
  it('records every Art. 30 field, reads, changes, archives and restores', async () => {
    const created = await post(admin, '/api/v1/processing-activities', {
      ...base(),
      controllerContactId: t.a.adminId,
      dpoId: t.a.adminId,
      dataSubjectCategories: ['Sökande', 'Barn'],
      personalDataCategories: ['Hälsa'],
      sensitiveData: true,
      sensitiveDataBasis: 'healthCare',
      personalIdentityNumbers: true,
      estimatedDataSubjects: 4200,
      recipients: ['IVO'],
      thirdCountryTransfer: true,
      thirdCountries: ['USA'],
      transferSafeguard: 'scc',
      dpiaRequired: true,
      dpiaDate: '2025-03-14',
      dpiaResult: 'Godtagbar',
      systemIds: [systemId],
    });
    expect(created.statusCode).toBe(201);
    const activity = json(created);
    expect(activity).toMatchObject({
      sensitiveDataBasis: 'healthCare',
      thirdCountries: ['USA'],
      systemIds: [systemId],
      dpiaDate: '2025-03-14',
      version: 1,
      can: { update: true, archive: true },
    });

    // Switching a flag off clears what hung on it.
    const changed = await patch(admin, `/api/v1/processing-activities/${activity.id}`, {
      version: 1,
      thirdCountryTransfer: false,
      systemIds: [],
    });
    expect(changed.statusCode).toBe(200);
    expect(json(changed)).toMatchObject({
      thirdCountryTransfer: false,
      thirdCountries: [],
      transferSafeguard: null,
      systemIds: [],
      version: 2,
    });

    const stale = await patch(admin, `/api/v1/processing-activities/${activity.id}`, {
      version: 1,
      name: 'Gammal',
    });
    expect(stale.statusCode).toBe(409);
    expect(json(await get(admin, `/api/v1/processing-activities/${activity.id}`)).name).toBe(
      'Utredning enligt SoL',
    );

    const archived = await post(admin, `/api/v1/processing-activities/${activity.id}/archive`, {
      version: 2,
      reason: 'Upphört',
    });
    expect(json(archived)).toMatchObject({ archiveReason: 'Upphört', can: { update: false, restore: true } });
    expect(ids(await get(admin, '/api/v1/processing-activities?search=utredning'))).toEqual([]);
    const restored = await post(admin, `/api/v1/processing-activities/${activity.id}/restore`, {
      version: 3,
    });
    expect(json(restored)).toMatchObject({ archivedAt: null, version: 4 });
  });

  it('refuses a controller that is not a department or company, and references of another tenant', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ controllerId: office }, 'body.controllerId'],
      [{ controllerId: t.b.unitId }, 'body.controllerId'],
      [{ dpoId: t.b.adminId }, 'body.dpoId'],
      [{ controllerContactId: t.b.adminId }, 'body.controllerContactId'],
      [{ systemIds: [systemId, systemB] }, 'body.systemIds.1'],
      [{ systemIds: [systemId, systemId] }, 'body.systemIds.1'],
      [{ sensitiveData: true }, 'body.sensitiveDataBasis'],
      [{ thirdCountryTransfer: true, transferSafeguard: 'scc' }, 'body.thirdCountries'],
      [{ automatedDecisions: true }, 'body.automatedDecisionsDescription'],
      [{ processorAgreementStatus: 'signed' }, 'body.processorAgreementStatus'],
      [{ purposes: [] }, 'body.purposes'],
    ];
    for (const [change, path] of cases) {
      const response = await post(admin, '/api/v1/processing-activities', {
        ...base(),
        name: 'Fel',
        ...change,
      });
      expect(response.statusCode, path).toBe(400);
      expect(json(response).errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(ids(await get(admin, '/api/v1/processing-activities?search=Fel'))).toEqual([]);
    // A bolag may be personuppgiftsansvarig.
    const bolag = await post(admin, '/api/v1/processing-activities', {
      ...base(),
      name: 'Hyresgäster',
      controllerId: company,
    });
    expect(bolag.statusCode).toBe(201);
  });

  it('keeps a system archived since it was linked, but refuses linking an archived one anew', async () => {
    const old = json(await post(admin, '/api/v1/systems', { name: 'Gammalt system', scope: 'business' }));
    const other = json(await post(admin, '/api/v1/systems', { name: 'Annat gammalt', scope: 'business' }));
    const activity = json(
      await post(admin, '/api/v1/processing-activities', { ...base(), name: 'Kvar', systemIds: [old.id] }),
    );
    for (const s of [old, other])
      await post(admin, `/api/v1/systems/${s.id}/archive`, { version: 1, reason: 'Avvecklat' });
    const kept = await patch(admin, `/api/v1/processing-activities/${activity.id}`, {
      version: 1,
      retention: 'Tio år',
      systemIds: [old.id],
    });
    expect(kept.statusCode).toBe(200);
    const added = await patch(admin, `/api/v1/processing-activities/${activity.id}`, {
      version: 2,
      systemIds: [old.id, other.id],
    });
    expect(added.statusCode).toBe(400);
    expect(json(added).errors[0].path).toBe('body.systemIds.1');
  });

  it('filters by controller, system, sensitive data, DPIA and third country', async () => {
    const make = async (name: string, extra: Record<string, unknown>) =>
      json(await post(admin, '/api/v1/processing-activities', { ...base(), name, ...extra })).id as string;
    const sensitive = await make('Filter känslig', { sensitiveData: true, sensitiveDataBasis: 'employment' });
    const dpia = await make('Filter dpia', { dpiaRequired: true, systemIds: [systemId] });
    const transfer = await make('Filter tredje land', {
      thirdCountryTransfer: true,
      thirdCountries: ['Indien'],
      transferSafeguard: 'scc',
      controllerId: company,
    });
    const list = async (query: string) =>
      ids(await get(admin, `/api/v1/processing-activities?search=filter&${query}`));
    expect(await list('sensitive=true')).toEqual([sensitive]);
    expect(await list('dpiaRequired=true')).toEqual([dpia]);
    expect(await list('thirdCountry=true')).toEqual([transfer]);
    expect(await list(`systemId=${systemId}`)).toEqual([dpia]);
    expect(await list(`controllerId=${company}`)).toEqual([transfer]);
    expect((await list('sensitive=false')).sort()).toEqual([dpia, transfer].sort());
    // Keyset pages: two of one, then the last.
    const first = json(await get(admin, '/api/v1/processing-activities?search=filter&limit=2'));
    expect(first.items).toHaveLength(2);
    const second = json(
      await get(admin, `/api/v1/processing-activities?search=filter&limit=2&cursor=${first.nextCursor}`),
    );
    expect(second.items.map((i: { id: string }) => i.id)).toEqual([transfer]);
    expect(second.nextCursor).toBeNull();
  });

  it('exports the register with named columns, formula-safe, filtered', async () => {
    await post(admin, '/api/v1/processing-activities', {
      ...base(),
      name: '=HYPERLINK("x")',
      sensitiveData: true,
      sensitiveDataBasis: 'healthCare',
      systemIds: [systemId],
    });
    const csv = await get(admin, '/api/v1/processing-activities/export?format=csv&sensitive=true');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/behandlingar-.*\.csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain(
      'behandling;beskrivning;personuppgiftsansvarig;kontaktperson;dataskyddsombud;ändamål',
    );
    expect(lines[0]).toContain('undantag art. 9');
    expect(lines[0]).toContain('biträdesavtal');
    expect(csv.body).toContain(`'=HYPERLINK`);
    expect(csv.body).toContain('Hälso- och sjukvård, social omsorg (h)');
    expect(csv.body).toContain('Treserva');
    expect(csv.body).toContain('Förvaltning a');
    expect(csv.body).not.toContain('Hyresgäster');
    // XLSX by default: the whole register, every Art. 30 column, one row per activity.
    const xlsx = await get(admin, '/api/v1/processing-activities/export');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet.header).toEqual(activityColumns.map((c) => c.sv));
    const listed = json(await get(admin, '/api/v1/processing-activities?limit=200')).items.length;
    expect(sheet.rows).toHaveLength(listed);
    const row = sheet.rows.find((r) => r.cells[0] === '=HYPERLINK("x")')!;
    expect(row.cells[sheet.header.indexOf('system')]).toBe('Treserva');
    expect(row.cells[sheet.header.indexOf('känsliga personuppgifter')]).toBe('Ja');
  });

  it('lets the DPO edit, staff read, and refuses an employee', async () => {
    const id = json(await post(admin, '/api/v1/processing-activities', { ...base(), name: 'Behörighet' })).id;
    await seedPerson(t.db, t.a, 'dso@a.example', ['dataProtectionOfficer']);
    await seedPerson(t.db, t.a, 'lasare@a.example', ['reader']);
    await seedPerson(t.db, t.a, 'anstalld@a.example', ['employee']);
    const dpo = await signIn(t.app, 'dso@a.example');
    const changed = await patch(dpo, `/api/v1/processing-activities/${id}`, {
      version: 1,
      retention: 'Fem år',
    });
    expect(changed.statusCode).toBe(200);
    expect(json(changed).can.update).toBe(true);
    // The DPO's start page lists an impact assessment required but not made; the admin's does not.
    await post(admin, '/api/v1/processing-activities', {
      ...base(),
      name: 'Saknar DPIA',
      dpiaRequired: true,
    });
    const start = json(await get(dpo, '/api/v1/start')).items.filter(
      (i: { section: string }) => i.section === 'processingFollowUp',
    );
    expect(start.map((i: { title: string }) => i.title)).toContain('Konsekvensbedömning saknas: Saknar DPIA');
    expect(
      json(await get(admin, '/api/v1/start')).items.filter(
        (i: { section: string }) => i.section === 'processingFollowUp',
      ),
    ).toEqual([]);

    // Every change is audited; the DPO reads the activity's history, named by the register.
    const history = await get(dpo, `/api/v1/audit?entity=processingActivity&entityId=${id}`);
    expect(history.statusCode).toBe(200);
    expect(
      json(history)
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['create', 'update']);
    expect(json(history).items[0]).toMatchObject({
      entityName: 'Behörighet',
      entityHref: `/processing-activities/${id}`,
    });

    const reader = await signIn(t.app, 'lasare@a.example');
    expect((await get(reader, `/api/v1/audit?entity=processingActivity&entityId=${id}`)).statusCode).toBe(
      403,
    );
    const read = await get(reader, `/api/v1/processing-activities/${id}`);
    expect(read.statusCode).toBe(200);
    expect(json(read).can).toMatchObject({ update: false, archive: false });
    expect(
      (await patch(reader, `/api/v1/processing-activities/${id}`, { version: 2, name: 'x' })).statusCode,
    ).toBe(403);

    const employee = await signIn(t.app, 'anstalld@a.example');
    expect((await get(employee, '/api/v1/processing-activities')).statusCode).toBe(403);
    expect((await get(employee, `/api/v1/processing-activities/${id}`)).statusCode).toBe(403);
    expect((await post(employee, '/api/v1/processing-activities', base())).statusCode).toBe(403);
  });

  it("keeps tenants apart: B neither lists, reads, exports nor changes A's activities", async () => {
    const id = json(await post(admin, '/api/v1/processing-activities', { ...base(), name: 'Isolerad' })).id;
    expect(ids(await get(adminB, '/api/v1/processing-activities'))).toEqual([]);
    expect((await get(adminB, `/api/v1/processing-activities/${id}`)).statusCode).toBe(404);
    expect(
      (await patch(adminB, `/api/v1/processing-activities/${id}`, { version: 1, name: 'x' })).statusCode,
    ).toBe(404);
    expect((await get(adminB, '/api/v1/processing-activities/export?format=csv')).body).not.toContain(
      'Isolerad',
    );
    expect(
      (await get(adminB, `/api/v1/processing-activities?controllerId=${t.a.unitId}`)).json().items,
    ).toEqual([]);
  });
});
