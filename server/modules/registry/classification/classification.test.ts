import { addDays, addYears, format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../../shared/roles.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { defaultScaleLevels } from './default-scale.ts';
import { today } from './service.ts';

// Information classification through the API on a real database: the versioned scale, the rules of
// a classification, and the secrecy of levels and motivations (OSL) per role on every route that
// could carry them.

let t: TestContext;
let admin: Session;
const sessions: Record<string, Session> = {};
let secretSystem: string; // classified at level 4, owned by `owner`, managed by `manager`
let otherSystem: string; // owned by `otherOwner`
let secretId: string;

const MOTIVATION = 'Skyddsvärda uppgifter om barn i socialtjänsten';

const post = (session: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
const patch = (session: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url, headers: session.headers(), payload: payload as object });
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });

async function person(email: string, roles: Role[]) {
  const row = await seedPerson(t.db, t.a, email, roles);
  return row.id;
}

async function grant(personId: string, role: 'systemOwner' | 'systemManager', systemId: string) {
  const response = await post(admin, '/api/v1/role-assignments', {
    personId,
    role,
    scope: 'system',
    scopeId: systemId,
  });
  expect(response.statusCode).toBe(201);
}

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  sessions.admin = admin;
  secretSystem = json(
    await post(admin, '/api/v1/systems', { name: 'Socialtjänstsystem', scope: 'business' }),
  ).id;
  otherSystem = json(
    await post(admin, '/api/v1/systems', { name: 'Bibliotekssystem', scope: 'business' }),
  ).id;
  await person('strateg@a.example', ['itStrategist']);
  await person('sakerhet@a.example', ['securityCoordinator']);
  await grant(await person('agare@a.example', ['employee']), 'systemOwner', secretSystem);
  await grant(await person('forvaltare@a.example', ['employee']), 'systemManager', secretSystem);
  await grant(await person('annan@a.example', ['employee']), 'systemOwner', otherSystem);
  await person('medarbetare@a.example', ['employee']);
  await person('lasare@a.example', ['reader']);
  for (const [key, email] of Object.entries({
    itStrategist: 'strateg@a.example',
    securityCoordinator: 'sakerhet@a.example',
    owner: 'agare@a.example',
    manager: 'forvaltare@a.example',
    otherOwner: 'annan@a.example',
    employee: 'medarbetare@a.example',
    reader: 'lasare@a.example',
  }))
    sessions[key] = await signIn(t.app, email);
  const created = await post(sessions.owner!, '/api/v1/classifications', {
    systemId: secretSystem,
    informationSet: 'Personakter',
    confidentiality: 4,
    integrity: 3,
    availability: 2,
    traceability: 3,
    motivation: MOTIVATION,
  });
  expect(created.statusCode).toBe(201);
  secretId = json(created).id;
});
afterAll(() => t.close());

describe('the consequence scale', () => {
  it('ships KLASSA wording as version 1, and keepers and security save new versions', async () => {
    const first = json(await get(sessions.employee!, '/api/v1/classification-scale'));
    expect(first).toMatchObject({ version: 1, isDefault: true, can: { update: false } });
    expect(first.levels.confidentiality[4].name).toEqual({ sv: 'Synnerligen allvarlig', en: 'Very serious' });
    expect(first.levels.traceability).toHaveLength(5);

    for (const who of ['employee', 'owner', 'reader']) {
      const refused = await post(sessions[who]!, '/api/v1/classification-scale', {
        basedOnVersion: 1,
        levels: defaultScaleLevels,
      });
      expect(refused.statusCode, who).toBe(403);
    }

    const edited = structuredClone(defaultScaleLevels);
    edited.availability[3]!.description.sv = 'Avbrott under en timme ger allvarlig skada.';
    const saved = await post(sessions.securityCoordinator!, '/api/v1/classification-scale', {
      basedOnVersion: 1,
      levels: edited,
    });
    expect(saved.statusCode).toBe(201);
    expect(json(saved)).toMatchObject({ version: 2, isDefault: false, can: { update: true } });

    const stale = await post(sessions.itStrategist!, '/api/v1/classification-scale', {
      basedOnVersion: 1,
      levels: defaultScaleLevels,
    });
    expect(stale.statusCode).toBe(409);
    const current = json(await get(admin, '/api/v1/classification-scale'));
    expect(current.version).toBe(2);
    expect(current.levels.availability[3].description.sv).toBe('Avbrott under en timme ger allvarlig skada.');

    const versions = json(await get(sessions.reader!, '/api/v1/classification-scale/versions'));
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.items[1].levels.availability[3].description.sv).toBe(
      defaultScaleLevels.availability[3]!.description.sv,
    );

    // Four steps of a dimension, or a blank wording, are refused naming the field.
    const short = await post(admin, '/api/v1/classification-scale', {
      basedOnVersion: 2,
      levels: { ...defaultScaleLevels, integrity: defaultScaleLevels.integrity.slice(0, 4) },
    });
    expect(short.statusCode).toBe(400);
    expect(json(short).errors[0].path).toContain('levels.integrity');

    // A classification made now stores the version in force.
    const made = await post(admin, '/api/v1/classifications', {
      systemId: otherSystem,
      confidentiality: 1,
      integrity: 1,
      availability: 1,
      motivation: 'Offentliga uppgifter',
    });
    expect(json(made).scaleVersion).toBe(2);
    // The first classification was made on version 1 and keeps it.
    expect(json(await get(admin, `/api/v1/classifications/${secretId}`)).scaleVersion).toBe(1);
  });
});

describe('classifications', () => {
  it('records who classified, when, and a review a year later', async () => {
    const c = json(await get(admin, `/api/v1/classifications/${secretId}`));
    expect(c).toMatchObject({
      systemId: secretSystem,
      systemName: 'Socialtjänstsystem',
      informationSet: 'Personakter',
      restricted: false,
      confidentiality: 4,
      traceability: 3,
      motivation: MOTIVATION,
      classifiedByName: 'Test agare',
      classifiedOn: today(),
      nextReviewOn: format(addYears(new Date(`${today()}T12:00:00Z`), 1), 'yyyy-MM-dd'),
      overdue: false,
      version: 1,
    });
  });

  it('refuses a level of 5, another tenant’s system, a duplicate information set, and writes nothing', async () => {
    const base = {
      systemId: secretSystem,
      confidentiality: 1,
      integrity: 1,
      availability: 1,
      motivation: 'M',
    };
    const five = await post(admin, '/api/v1/classifications', { ...base, confidentiality: 5 });
    expect(five.statusCode).toBe(400);
    expect(json(five).errors[0].path).toBe('body.confidentiality');
    const fraction = await post(admin, '/api/v1/classifications', { ...base, integrity: 1.5 });
    expect(json(fraction).errors[0].path).toBe('body.integrity');

    const bSystem = json(
      await post(await signIn(t.app, t.b.adminEmail), '/api/v1/systems', {
        name: 'B:s system',
        scope: 'shared',
      }),
    ).id;
    const foreign = await post(admin, '/api/v1/classifications', { ...base, systemId: bSystem });
    expect(foreign.statusCode).toBe(400);
    expect(json(foreign).errors[0].path).toBe('body.systemId');

    // The same information set, whatever its case and spacing, is one classification.
    const duplicate = await post(admin, '/api/v1/classifications', {
      ...base,
      informationSet: '  personAKTER ',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(json(duplicate).errors[0].path).toBe('body.informationSet');

    const past = await post(admin, '/api/v1/classifications', { ...base, nextReviewOn: '2020-01-01' });
    expect(json(past).errors[0].path).toBe('body.nextReviewOn');

    const list = json(await get(admin, `/api/v1/classifications?systemId=${secretSystem}`));
    expect(list.items).toHaveLength(1);
  });

  it('lets the systemägare classify their own system only; a förvaltare reads but does not classify', async () => {
    const body = {
      systemId: otherSystem,
      informationSet: 'Lån',
      confidentiality: 1,
      integrity: 1,
      availability: 1,
      motivation: 'M',
    };
    expect((await post(sessions.owner!, '/api/v1/classifications', body)).statusCode).toBe(403);
    expect(
      (await post(sessions.manager!, '/api/v1/classifications', { ...body, systemId: secretSystem }))
        .statusCode,
    ).toBe(403);
    const change = await patch(sessions.otherOwner!, `/api/v1/classifications/${secretId}`, {
      version: 1,
      confidentiality: 0,
    });
    expect(change.statusCode).toBe(403);
    expect(json(await get(admin, `/api/v1/classifications/${secretId}`))).toMatchObject({
      confidentiality: 4,
      version: 1,
    });
  });

  it('re-classifies on a changed level, postpones on a date alone, and refuses a stale version', async () => {
    const system = json(await post(admin, '/api/v1/systems', { name: 'Ändringssystem', scope: 'shared' })).id;
    const c = json(
      await post(admin, '/api/v1/classifications', {
        systemId: system,
        confidentiality: 2,
        integrity: 2,
        availability: 2,
        motivation: 'Första',
        nextReviewOn: format(addYears(new Date(), 2), 'yyyy-MM-dd'),
      }),
    );
    const strategist = sessions.itStrategist!;
    const later = format(addYears(new Date(), 3), 'yyyy-MM-dd');
    const postponed = json(
      await patch(strategist, `/api/v1/classifications/${c.id}`, { version: 1, nextReviewOn: later }),
    );
    expect(postponed).toMatchObject({
      nextReviewOn: later,
      classifiedByName: c.classifiedByName,
      version: 2,
    });
    const changed = json(
      await patch(strategist, `/api/v1/classifications/${c.id}`, {
        version: 2,
        availability: 3,
        motivation: 'Andra',
      }),
    );
    expect(changed).toMatchObject({
      availability: 3,
      motivation: 'Andra',
      classifiedByName: 'Test strateg',
      scaleVersion: 2,
      nextReviewOn: format(addYears(new Date(`${today()}T12:00:00Z`), 1), 'yyyy-MM-dd'),
      version: 3,
    });
    const stale = await patch(strategist, `/api/v1/classifications/${c.id}`, { version: 2, availability: 0 });
    expect(stale.statusCode).toBe(409);
    expect(json(await get(admin, `/api/v1/classifications/${c.id}`)).availability).toBe(3);

    // Archive, classify the same information anew, and the old one cannot come back beside it.
    const archived = await post(admin, `/api/v1/classifications/${c.id}/archive`, {
      version: 3,
      reason: 'Ny klassning',
    });
    expect(json(archived).archivedAt).not.toBeNull();
    const anew = await post(admin, '/api/v1/classifications', {
      systemId: system,
      confidentiality: 1,
      integrity: 1,
      availability: 1,
      motivation: 'Ny',
    });
    expect(anew.statusCode).toBe(201);
    const restore = await post(admin, `/api/v1/classifications/${c.id}/restore`, { version: 4 });
    expect(restore.statusCode).toBe(409);
  });

  it('answers a system’s maximum per dimension, the level-4 flag, the earliest review and overdue', async () => {
    await post(admin, '/api/v1/classifications', {
      systemId: secretSystem,
      informationSet: 'Utbetalningar',
      confidentiality: 3,
      integrity: 4,
      availability: 3,
      motivation: 'Bistånd',
      nextReviewOn: format(addYears(new Date(), 1), 'yyyy-MM-dd').replace(/-\d\d$/, '-01'),
    });
    const summary = json(await get(admin, `/api/v1/systems/${secretSystem}/classification`));
    expect(summary).toMatchObject({
      classified: true,
      restricted: false,
      confidentiality: 4,
      integrity: 4,
      availability: 3,
      traceability: 3,
      needsProtectionAnalysis: true,
      overdue: false,
      can: { classify: true },
    });
    const none = json(
      await get(
        admin,
        `/api/v1/systems/${json(await post(admin, '/api/v1/systems', { name: 'Oklassat', scope: 'shared' })).id}/classification`,
      ),
    );
    expect(none).toMatchObject({
      classified: false,
      confidentiality: null,
      nextReviewOn: null,
      overdue: false,
    });
  });
});

describe('secrecy of levels and motivations (OSL), per role and route', () => {
  const open = ['admin', 'itStrategist', 'securityCoordinator', 'owner', 'manager'];
  const closed = ['otherOwner', 'employee', 'reader'];

  it.each([...open, ...closed])('%s sees levels on every route only when allowed', async (who) => {
    const session = sessions[who]!;
    const allowed = open.includes(who);

    const one = json(await get(session, `/api/v1/classifications/${secretId}`));
    expect(one.restricted).toBe(!allowed);
    expect(one.confidentiality).toBe(allowed ? 4 : null);
    expect(one.motivation).toBe(allowed ? MOTIVATION : null);
    expect(one.nextReviewOn).toMatch(/^\d{4}-\d\d-\d\d$/);

    const list = json(await get(session, `/api/v1/classifications?systemId=${secretSystem}`));
    const row = list.items.find((c: { id: string }) => c.id === secretId);
    expect(row).toMatchObject({ restricted: !allowed, integrity: allowed ? 3 : null });

    const summary = json(await get(session, `/api/v1/systems/${secretSystem}/classification`));
    expect(summary).toMatchObject({
      classified: true,
      restricted: !allowed,
      confidentiality: allowed ? 4 : null,
      needsProtectionAnalysis: allowed ? true : null,
    });

    // Level 4 is itself secret: the filter finds it only for those who may read it.
    const level4 = json(await get(session, '/api/v1/classifications?level4=true'));
    expect(level4.items.some((c: { id: string }) => c.id === secretId)).toBe(allowed);

    // A word of the motivation finds the classification only for those who may read it.
    const search = json(await get(session, '/api/v1/search?q=barn%20i%20social&limit=20'));
    const hits = search.sections.find((s: { section: string }) => s.section === 'classifications').hits;
    expect(hits.some((h: { id: string }) => h.id === secretId)).toBe(allowed);
    const byName = json(await get(session, '/api/v1/search?q=Socialtj%C3%A4nstsystem&limit=20'));
    const named = byName.sections.find((s: { section: string }) => s.section === 'classifications').hits;
    const hit = named.find((h: { id: string }) => h.id === secretId);
    expect(hit).toBeDefined();
    expect(hit.detail).toBe(allowed ? 'K4 R3 T2 S3' : null);

    const file = await get(session, `/api/v1/classifications/export?format=csv&systemId=${secretSystem}`);
    expect(file.statusCode).toBe(200);
    expect(file.body.includes(MOTIVATION)).toBe(allowed);
    const line = file.body.split(/\r?\n/).find((l) => l.includes('Personakter'))!;
    expect(line.startsWith('Socialtjänstsystem;Personakter;')).toBe(true);
    expect(line.includes(';4;3;2;3;')).toBe(allowed);

    // The audit history holds every level it has had: keepers only.
    const keeper = who === 'admin' || who === 'itStrategist';
    const history = await get(session, `/api/v1/audit?entity=classification&entityId=${secretId}`);
    expect(history.statusCode).toBe(keeper ? 200 : 403);
    if (keeper) expect(history.body).toContain(MOTIVATION);
    const historyFile = await get(session, `/api/v1/audit/export?entity=classification&entityId=${secretId}`);
    expect(historyFile.statusCode).toBe(keeper ? 200 : 403);
    expect((await get(session, '/api/v1/audit?entity=classification')).statusCode).toBe(
      who === 'admin' ? 200 : 403,
    );
  });

  it('filters per row in a list that mixes systems the reader may and may not read', async () => {
    await post(admin, '/api/v1/classifications', {
      systemId: otherSystem,
      informationSet: 'Låntagare',
      confidentiality: 2,
      integrity: 1,
      availability: 1,
      motivation: 'Låneuppgifter om enskilda',
    });
    const list = json(await get(sessions.otherOwner!, '/api/v1/classifications?limit=200'));
    const bySystem = (id: string) => list.items.filter((c: { systemId: string }) => c.systemId === id);
    expect(bySystem(otherSystem).length).toBeGreaterThan(0);
    for (const c of bySystem(otherSystem)) expect(c).toMatchObject({ restricted: false });
    expect(
      bySystem(otherSystem).some((c: { motivation: string }) => c.motivation === 'Låneuppgifter om enskilda'),
    ).toBe(true);
    expect(bySystem(secretSystem).length).toBeGreaterThan(0);
    for (const c of bySystem(secretSystem))
      expect(c).toMatchObject({ restricted: true, confidentiality: null, motivation: null });

    const file = await get(sessions.otherOwner!, '/api/v1/classifications/export?format=csv');
    expect(file.body).toContain('Låneuppgifter om enskilda');
    expect(file.body).not.toContain(MOTIVATION);
  });

  it('leaves the levels blank in an XLSX export too', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const cells = async (who: string) => {
      const file = await t.app.inject({
        url: `/api/v1/classifications/export?format=xlsx&systemId=${secretSystem}`,
        headers: sessions[who]!.headers(),
      });
      expect(file.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const rows: string[][] = [];
      book.worksheets[0]!.eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
      });
      return rows.find((r) => r[1] === 'Personakter')!;
    };
    expect((await cells('manager')).slice(2, 7)).toEqual(['4', '3', '2', '3', MOTIVATION]);
    expect((await cells('reader')).slice(2, 7)).toEqual(['', '', '', '', '']);
  });

  it('lists what is due for review, to everyone, by review date', async () => {
    const due = json(await get(sessions.employee!, '/api/v1/classifications?reviewDue=true'));
    expect(due.items).toEqual([]);
    const all = json(await get(sessions.employee!, '/api/v1/classifications?sort=nextReviewOn&limit=2'));
    expect(all.items).toHaveLength(2);
    expect(all.items[0].nextReviewOn <= all.items[1].nextReviewOn).toBe(true);
    const next = json(
      await get(
        sessions.employee!,
        `/api/v1/classifications?sort=nextReviewOn&limit=2&cursor=${all.nextCursor}`,
      ),
    );
    const ids = [...all.items, ...next.items].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts reviews due within a month on the start page of those who are to review them', async () => {
    const soon = format(addDays(new Date(`${today()}T12:00:00Z`), 10), 'yyyy-MM-dd');
    const created = await post(sessions.otherOwner!, '/api/v1/classifications', {
      systemId: otherSystem,
      informationSet: 'Medier',
      confidentiality: 0,
      integrity: 1,
      availability: 1,
      motivation: 'Katalog',
      nextReviewOn: soon,
    });
    expect(created.statusCode).toBe(201);
    const id = json(created).id;
    const start = async (who: string) =>
      json(await get(sessions[who]!, '/api/v1/start')).items.filter(
        (i: { section: string }) => i.section === 'classificationReviews',
      );
    expect(await start('otherOwner')).toEqual([
      expect.objectContaining({
        id,
        title: 'Bibliotekssystem: Medier',
        due: soon,
        href: `/systems/${otherSystem}`,
      }),
    ]);
    expect((await start('securityCoordinator')).map((i: { id: string }) => i.id)).toContain(id);
    expect(await start('owner')).toEqual([]);
    expect(await start('employee')).toEqual([]);
  });
});
