import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTargets, type OrderAnswers } from '../../../../shared/desk/services.ts';
import type { TicketType, TicketUpdate } from '../../../../shared/desk/tickets.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import type { Actor } from '../../../platform/context.ts';
import { Problem } from '../../../platform/errors.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  seedTenant,
  signIn,
  type TestContext,
} from '../../../testing.ts';
import { numberDuplicates } from '../phone/plan.ts';
import { writeCalls } from '../phone/service.ts';
import { tickets as ticketTable } from '../tickets/schema.ts';
import { createTicket, updateTicket } from '../tickets/service.ts';
import { deskPromises } from './promises.ts';
import { serviceLevels } from './schema.ts';
import { checkOrder } from './service.ts';

// Service levels and catalogue services through the real app and database: the CRUD of both with
// versions and archiving, the rules (an active calendar, contract, group, level, owner and system
// of the tenant; one default level, also under parallel requests; a level in use stays active),
// who reads and writes (services everyone, levels staff, writes admins), another tenant's ids,
// checkOrder as a ticket's creation calls it, and the published promises with their figures.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let employee: Session;
let reader: Session;
let employeeId: string;
let employeeActor: Actor;
let calendarId: string;
let bCalendarId: string;
let contractId: string;
let bContractId: string;
let firstLineId: string;
let secondLineId: string;
let bGroupId: string;
let systemId: string;

const post = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: s.headers(), payload: payload as object });
const patch = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url, headers: s.headers(), payload: payload as object });
const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers() });

const weekly = {
  mon: [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ],
  tue: [['08:00', '17:00']],
  wed: [['08:00', '17:00']],
  thu: [['08:00', '17:00']],
  fri: [['08:00', '15:00']],
  sat: [],
  sun: [],
};

async function calendar(s: Session, name: string, isDefault = false) {
  const made = await post(s, '/api/v1/calendars', {
    name,
    timeZone: 'Europe/Stockholm',
    weekly,
    swedishHolidays: true,
    openHolidays: [],
    extraClosedDates: [],
    exceptions: [],
    unitIds: [],
    isDefault,
  });
  expect(made.statusCode, made.body).toBe(201);
  return json(made).id as string;
}

async function contract(s: Session, title: string) {
  const supplier = await post(s, '/api/v1/suppliers', { name: `Leverantör ${title}` });
  expect(supplier.statusCode, supplier.body).toBe(201);
  const made = await post(s, '/api/v1/contracts', {
    title,
    supplierId: json(supplier).id,
    startsOn: '2024-01-01',
  });
  expect(made.statusCode, made.body).toBe(201);
  return json(made).id as string;
}

const level = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'service',
  calendarId,
  targets: defaultTargets,
  ...extra,
});

async function createLevel(name: string, extra: Record<string, unknown> = {}) {
  const made = await post(admin, '/api/v1/service-levels', level(name, extra));
  expect(made.statusCode, made.body).toBe(201);
  return json(made);
}

async function createService(name: string, extra: Record<string, unknown> = {}) {
  const made = await post(admin, '/api/v1/catalogue-services', { name, groupId: secondLineId, ...extra });
  expect(made.statusCode, made.body).toBe(201);
  return json(made);
}

function fieldsOf(response: { body: string }): string[] {
  return (JSON.parse(response.body).errors ?? []).map((e: { path: string }) => e.path);
}

async function defaultsOf(tenantId: string) {
  return t.db
    .select({ id: serviceLevels.id })
    .from(serviceLevels)
    .where(and(eq(serviceLevels.tenantId, tenantId), eq(serviceLevels.isDefault, true)));
}

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  employeeId = (await seedPerson(t.db, t.a, 'anna@a.example', ['employee'])).id;
  employee = await signIn(t.app, 'anna@a.example');
  employeeActor = {
    tenantId: t.a.id,
    personId: employeeId,
    name: 'Anna',
    grants: [{ role: 'employee', scope: 'global', scopeId: null }],
  };
  await seedPerson(t.db, t.a, 'lasare@a.example', ['reader']);
  reader = await signIn(t.app, 'lasare@a.example');
  calendarId = await calendar(admin, 'Servicedeskens öppettider');
  bCalendarId = await calendar(bAdmin, 'B:s öppettider');
  contractId = await contract(admin, 'Lön och personal');
  bContractId = await contract(bAdmin, 'B:s avtal');
  firstLineId = json(await post(admin, '/api/v1/groups', { name: 'Servicedesk', kind: 'firstLine' })).id;
  secondLineId = json(await post(admin, '/api/v1/groups', { name: 'IT-enheten', kind: 'secondLine' })).id;
  bGroupId = json(await post(bAdmin, '/api/v1/groups', { name: 'B:s grupp', kind: 'secondLine' })).id;
  systemId = json(await post(admin, '/api/v1/systems', { name: 'Klientplattform', scope: 'platform' })).id;
});
afterAll(() => t.close());

describe('service levels', () => {
  it('creates, reads, changes with the version, archives and restores a level, audited', async () => {
    const made = await createLevel('Standard', {
      description: 'Det vi lovar',
      clockStart: 'assignment',
      warningPercent: 75,
      escalation: { notifyLead: 'breach', raisePriority: true, reassignGroupId: secondLineId },
    });
    expect(made).toMatchObject({
      name: 'Standard',
      kind: 'service',
      calendarId,
      calendarName: 'Servicedeskens öppettider',
      clockStart: 'assignment',
      warningPercent: 75,
      targets: defaultTargets,
      escalation: { notifyLead: 'breach', raisePriority: true, reassignGroupId: secondLineId },
      isDefault: false,
      version: 1,
      can: { update: true, archive: true, restore: false },
    });
    // The defaults of what was left out.
    const plain = await createLevel('Enkel', { calendarId: null });
    expect(plain).toMatchObject({ clockStart: 'creation', warningPercent: 80, calendarId: null });
    expect(plain.escalation).toEqual({ notifyLead: 'warning', raisePriority: false, reassignGroupId: null });

    const changed = await patch(admin, `/api/v1/service-levels/${made.id}`, {
      version: 1,
      targets: { ...defaultTargets, '4': { response: 540, resolution: null } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(json(changed)).toMatchObject({ version: 2, targets: { '4': { resolution: null } } });
    const stale = await patch(admin, `/api/v1/service-levels/${made.id}`, { version: 1, name: 'Gammal' });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).code).toBe('version-conflict');
    expect(json(await get(admin, `/api/v1/service-levels/${made.id}`)).name).toBe('Standard');

    const archived = await post(admin, `/api/v1/service-levels/${made.id}/archive`, {
      version: 2,
      reason: 'Ersatt',
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(json(archived)).toMatchObject({ archiveReason: 'Ersatt', can: { update: false, restore: true } });
    expect(
      (await patch(admin, `/api/v1/service-levels/${made.id}`, { version: 3, name: 'X' })).statusCode,
    ).toBe(409);
    const listed = json(await get(admin, '/api/v1/service-levels')).items.map((l: { id: string }) => l.id);
    expect(listed).not.toContain(made.id);
    const withArchived = json(await get(admin, '/api/v1/service-levels?includeArchived=true')).items;
    expect(withArchived.map((l: { id: string }) => l.id)).toContain(made.id);
    const restored = await post(admin, `/api/v1/service-levels/${made.id}/restore`, { version: 3 });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(json(restored).archivedAt).toBeNull();

    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'serviceLevel'), eq(auditEvents.entityId, made.id)))
      .orderBy(auditEvents.occurredAt, auditEvents.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'archive', 'restore']);
  });

  it('pages by name with a keyset cursor, filters by kind and search, and exports', async () => {
    await createLevel('Ärendenivå Ö');
    await createLevel('Ärendenivå Å');
    await createLevel('Ärendenivå A');
    const names: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = json(
        await get(
          admin,
          `/api/v1/service-levels?search=${encodeURIComponent('Ärendenivå')}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        ),
      );
      names.push(...page.items.map((l: { name: string }) => l.name));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    // Swedish order: a … z, å, ä, ö.
    expect(names).toEqual(['Ärendenivå A', 'Ärendenivå Å', 'Ärendenivå Ö']);
    await createLevel('Avtal med leverantören', { kind: 'underpinning', contractId });
    const contracts = json(await get(admin, '/api/v1/service-levels?kind=underpinning')).items;
    expect(contracts.map((l: { name: string }) => l.name)).toEqual(['Avtal med leverantören']);
    expect(contracts[0]).toMatchObject({ contractId, contractTitle: 'Lön och personal' });
    expect(contracts[0].supplierName).toBe('Leverantör Lön och personal');

    const csv = await get(admin, '/api/v1/service-levels/export?format=csv&kind=underpinning');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Avtal med leverantören');
    expect(csv.body).toContain('Underleverantörsavtal');
    expect(csv.body).not.toContain('Ärendenivå');
    const xlsx = await get(admin, '/api/v1/service-levels/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses calendars, contracts and groups that are not active in the tenant, writing nothing', async () => {
    const before = (await get(admin, '/api/v1/service-levels?limit=200')).body;
    const archivedCalendar = await calendar(admin, 'Gammal kalender');
    const archiveCal = await post(admin, `/api/v1/calendars/${archivedCalendar}/archive`, {
      version: 1,
      reason: 'Test',
    });
    expect(archiveCal.statusCode, archiveCal.body).toBe(200);
    const cases: [Record<string, unknown>, string][] = [
      [level('B:s kalender', { calendarId: bCalendarId }), 'body.calendarId'],
      [level('Arkiverad kalender', { calendarId: archivedCalendar }), 'body.calendarId'],
      [level('Utan avtal', { kind: 'underpinning' }), 'body.contractId'],
      [level('B:s avtal', { kind: 'underpinning', contractId: bContractId }), 'body.contractId'],
      [level('Avtal på tjänst', { contractId }), 'body.contractId'],
      [level('Avtal som standard', { kind: 'underpinning', contractId, isDefault: true }), 'body.isDefault'],
      [
        level('B:s grupp', {
          escalation: { notifyLead: 'never', raisePriority: false, reassignGroupId: bGroupId },
        }),
        'body.escalation.reassignGroupId',
      ],
      [
        level('Noll minuter', { targets: { ...defaultTargets, '1': { response: 0, resolution: 60 } } }),
        'body.targets.1.response',
      ],
      [level('Hundra procent', { warningPercent: 100 }), 'body.warningPercent'],
    ];
    for (const [body, field] of cases) {
      const response = await post(admin, '/api/v1/service-levels', body);
      expect(response.statusCode, `${body.name}: ${response.body}`).toBe(400);
      expect(fieldsOf(response)).toContain(field);
    }
    // An archived contract is not followed up either.
    const old = await contract(admin, 'Upphört avtal');
    const archived = await post(admin, `/api/v1/contracts/${old}/archive`, { version: 1, reason: 'Upphört' });
    expect(archived.statusCode, archived.body).toBe(200);
    const onOld = await post(
      admin,
      '/api/v1/service-levels',
      level('Upphört', { kind: 'underpinning', contractId: old }),
    );
    expect(fieldsOf(onOld)).toEqual(['body.contractId']);
    expect((await get(admin, '/api/v1/service-levels?limit=200')).body).toBe(before);
  });

  it('keeps one default: a new default takes over in the same change, and the default stays active', async () => {
    const first = await createLevel('Första standard', { isDefault: true });
    const second = await createLevel('Andra standard', { isDefault: true });
    expect(json(await get(admin, `/api/v1/service-levels/${first.id}`))).toMatchObject({
      isDefault: false,
      version: 2,
    });
    expect(await defaultsOf(t.a.id)).toEqual([{ id: second.id }]);
    const third = await createLevel('Tredje');
    const made = await patch(admin, `/api/v1/service-levels/${third.id}`, { version: 1, isDefault: true });
    expect(made.statusCode, made.body).toBe(200);
    expect(await defaultsOf(t.a.id)).toEqual([{ id: third.id }]);
    // The one unset is audited as a change of its own.
    const unset = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'serviceLevel'), eq(auditEvents.entityId, second.id)));
    expect(unset.map((e) => e.action)).toEqual(['create', 'update']);
    const archive = await post(admin, `/api/v1/service-levels/${third.id}/archive`, {
      version: 2,
      reason: 'x',
    });
    expect(archive.statusCode).toBe(409);
    // Tenant B's default is B's own.
    const bLevel = await post(bAdmin, '/api/v1/service-levels', {
      ...level('B:s standard', { calendarId: bCalendarId }),
      isDefault: true,
    });
    expect(bLevel.statusCode, bLevel.body).toBe(201);
    expect(await defaultsOf(t.a.id)).toEqual([{ id: third.id }]);
  });

  it('leaves exactly one default when several levels are made the default at the same time', async () => {
    const levels = [];
    for (let i = 0; i < 6; i++) levels.push(await createLevel(`Samtidig ${i}`));
    const answers = await Promise.all(
      levels.map((l) => patch(admin, `/api/v1/service-levels/${l.id}`, { version: 1, isDefault: true })),
    );
    const created = await Promise.all(
      [0, 1, 2].map((i) =>
        post(admin, '/api/v1/service-levels', level(`Ny samtidig ${i}`, { isDefault: true })),
      ),
    );
    const statuses = [...answers, ...created].map((r) => r.statusCode);
    // Each either won (and was the default until the next) or lost to another with a 409.
    for (const s of statuses) expect([200, 201, 409]).toContain(s);
    expect(statuses.some((s) => s === 200 || s === 201)).toBe(true);
    for (const r of [...answers, ...created].filter((r) => r.statusCode === 409))
      expect(fieldsOf(r)).toEqual(['body.isDefault']);
    const defaults = await defaultsOf(t.a.id);
    expect(defaults).toHaveLength(1);
    const winners = [
      ...answers.filter((r) => r.statusCode === 200),
      ...created.filter((r) => r.statusCode === 201),
    ].map((r) => json(r).id);
    expect(winners).toContain(defaults[0]!.id);
  });

  it('gives a contract one underpinning level when several are made for it at the same time', async () => {
    const fresh = await contract(admin, 'Samtidigt avtal');
    const made = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        post(
          admin,
          '/api/v1/service-levels',
          level(`Samtidigt avtal ${i}`, { kind: 'underpinning', contractId: fresh }),
        ),
      ),
    );
    const statuses = made.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const r of made.filter((r) => r.statusCode === 409))
      expect(fieldsOf(r)).toEqual(['body.contractId']);
    const held = await t.db
      .select({ id: serviceLevels.id })
      .from(serviceLevels)
      .where(and(eq(serviceLevels.contractId, fresh), sql`archived_at is null`));
    expect(held).toHaveLength(1);
  });

  it('is read by staff only, written by admins only, and never across tenants', async () => {
    const made = await createLevel('Läsbar');
    expect((await get(reader, `/api/v1/service-levels/${made.id}`)).statusCode).toBe(200);
    expect(json(await get(reader, `/api/v1/service-levels/${made.id}`)).can.update).toBe(false);
    expect((await get(employee, '/api/v1/service-levels')).statusCode).toBe(403);
    expect((await get(employee, `/api/v1/service-levels/${made.id}`)).statusCode).toBe(403);
    expect((await post(reader, '/api/v1/service-levels', level('Läsare'))).statusCode).toBe(403);
    expect((await post(employee, '/api/v1/service-levels', level('Anställd'))).statusCode).toBe(403);
    expect((await get(bAdmin, `/api/v1/service-levels/${made.id}`)).statusCode).toBe(404);
    expect(
      (await patch(bAdmin, `/api/v1/service-levels/${made.id}`, { version: 1, name: 'B' })).statusCode,
    ).toBe(404);
    expect(
      (await post(bAdmin, `/api/v1/service-levels/${made.id}/archive`, { version: 1, reason: 'B' }))
        .statusCode,
    ).toBe(404);
    const bList = json(await get(bAdmin, '/api/v1/service-levels?search=L%C3%A4sbar')).items;
    expect(bList).toEqual([]);
    const search = json(await get(bAdmin, '/api/v1/search?q=L%C3%A4sbar'));
    expect(JSON.stringify(search)).not.toContain(made.id);
    expect(JSON.stringify(json(await get(employee, '/api/v1/search?q=L%C3%A4sbar')))).not.toContain(made.id);
    expect(JSON.stringify(json(await get(reader, '/api/v1/search?q=L%C3%A4sbar')))).toContain(made.id);
  });
});

describe('catalogue services', () => {
  it('creates a service with its group, level, owner, system and order form; everyone reads it', async () => {
    const lvl = await createLevel('Tjänstens nivå');
    const made = await createService('Dator som tjänst', {
      description: 'En dator från IT-enheten',
      serviceLevelId: lvl.id,
      ownerId: t.a.adminId,
      systemId,
      orderable: true,
      orderForm: [
        { key: 'modell', label: 'Modell', type: 'select', options: ['Bärbar', 'Stationär'], required: true },
        { key: 'anvandare', label: 'Användare', type: 'person', required: true },
        { key: 'datum', label: 'Önskat datum', type: 'date' },
      ],
    });
    expect(made).toMatchObject({
      name: 'Dator som tjänst',
      groupId: secondLineId,
      groupName: 'IT-enheten',
      serviceLevelId: lvl.id,
      serviceLevelName: 'Tjänstens nivå',
      ownerId: t.a.adminId,
      ownerName: 'Ada a',
      systemId,
      systemName: 'Klientplattform',
      orderable: true,
      version: 1,
      can: { update: true, archive: true, restore: false, order: true },
    });
    // A field left without `required` is optional.
    expect(made.orderForm[2]).toMatchObject({ key: 'datum', required: false });
    const seen = await get(employee, `/api/v1/catalogue-services/${made.id}`);
    expect(seen.statusCode).toBe(200);
    expect(json(seen).can).toEqual({ update: false, archive: false, restore: false, order: true });
    const search = json(await get(employee, '/api/v1/search?q=Dator'));
    expect(JSON.stringify(search)).toContain(`/portal/order/${made.id}`);

    const changed = await patch(admin, `/api/v1/catalogue-services/${made.id}`, {
      version: 1,
      orderForm: [{ key: 'modell', label: 'Modell', type: 'select', options: ['Bärbar'], required: true }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(json(changed).orderForm).toHaveLength(1);
    const stale = await patch(admin, `/api/v1/catalogue-services/${made.id}`, { version: 1, name: 'X' });
    expect(stale.statusCode).toBe(409);
  });

  it('lists by name with filters (orderable, group, level, system, search) and exports', async () => {
    const lvl = await createLevel('Listans nivå');
    await createService('Öppen listtjänst', { orderable: true, serviceLevelId: lvl.id });
    await createService('Äldre listtjänst', { orderable: false, groupId: firstLineId });
    await createService('Annan listtjänst', { orderable: true, systemId });
    const names = async (q: string) =>
      json(await get(employee, `/api/v1/catalogue-services?${q}`)).items.map((s: { name: string }) => s.name);
    expect(await names('search=listtj%C3%A4nst&orderable=true')).toEqual([
      'Annan listtjänst',
      'Öppen listtjänst',
    ]);
    expect(await names('search=listtj%C3%A4nst&orderable=false')).toEqual(['Äldre listtjänst']);
    expect(await names(`groupId=${firstLineId}`)).toEqual(['Äldre listtjänst']);
    expect(await names(`serviceLevelId=${lvl.id}`)).toEqual(['Öppen listtjänst']);
    expect(await names(`systemId=${systemId}&search=Annan`)).toEqual(['Annan listtjänst']);
    const first = json(await get(employee, '/api/v1/catalogue-services?search=listtj%C3%A4nst&limit=2'));
    const second = json(
      await get(
        employee,
        `/api/v1/catalogue-services?search=listtj%C3%A4nst&limit=2&cursor=${first.nextCursor}`,
      ),
    );
    expect([...first.items, ...second.items].map((s: { name: string }) => s.name)).toEqual([
      'Annan listtjänst',
      'Äldre listtjänst',
      'Öppen listtjänst',
    ]);
    const csv = await get(
      admin,
      '/api/v1/catalogue-services/export?format=csv&orderable=false&search=listtj%C3%A4nst',
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Äldre listtjänst');
    expect(csv.body).not.toContain('Öppen listtjänst');
  });

  it("refuses references that are not active in the tenant, and an underpinning contract as a service's level", async () => {
    // A contract of its own: a contract's levels are one underpinning level.
    const contractLevel = await createLevel('Bara avtal', {
      kind: 'underpinning',
      contractId: await contract(admin, 'Bara avtal'),
    });
    const bLevel = json(
      await post(bAdmin, '/api/v1/service-levels', level('B:s nivå', { calendarId: bCalendarId })),
    ).id;
    const bSystem = json(await post(bAdmin, '/api/v1/systems', { name: 'B:s system', scope: 'shared' })).id;
    const archivedGroup = json(
      await post(admin, '/api/v1/groups', { name: 'Nedlagd', kind: 'secondLine' }),
    ).id;
    await post(admin, `/api/v1/groups/${archivedGroup}/archive`, { version: 1, reason: 'Nedlagd' });
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'B:s grupp', groupId: bGroupId }, 'body.groupId'],
      [{ name: 'Nedlagd grupp', groupId: archivedGroup }, 'body.groupId'],
      [{ name: 'B:s nivå', serviceLevelId: bLevel }, 'body.serviceLevelId'],
      [{ name: 'Avtalsnivå', serviceLevelId: contractLevel.id }, 'body.serviceLevelId'],
      [{ name: 'B:s ägare', ownerId: t.b.adminId }, 'body.ownerId'],
      [{ name: 'B:s system', systemId: bSystem }, 'body.systemId'],
      [
        {
          name: 'Dubbla nycklar',
          orderForm: [
            { key: 'a', label: 'A', type: 'text' },
            { key: 'a', label: 'B', type: 'text' },
          ],
        },
        'body.orderForm',
      ],
      [
        { name: 'Val utan val', orderForm: [{ key: 'a', label: 'A', type: 'select' }] },
        'body.orderForm.0.options',
      ],
      [
        { name: 'Dålig nyckel', orderForm: [{ key: 'A B', label: 'A', type: 'text' }] },
        'body.orderForm.0.key',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await post(admin, '/api/v1/catalogue-services', body);
      expect(response.statusCode, `${body.name}: ${response.body}`).toBe(400);
      expect(fieldsOf(response)).toContain(field);
    }
    const none = json(await get(admin, '/api/v1/catalogue-services?search=B%3As')).items;
    expect(none).toEqual([]);
  });

  it('keeps a level in use active, and restores a service only onto an active level', async () => {
    const lvl = await createLevel('Används');
    const service = await createService('Mobiltelefon', { serviceLevelId: lvl.id });
    const refused = await post(admin, `/api/v1/service-levels/${lvl.id}/archive`, {
      version: 1,
      reason: 'x',
    });
    expect(refused.statusCode).toBe(409);
    // The 409 names the services that follow the level.
    expect(JSON.stringify(json(refused).errors)).toContain('Mobiltelefon');
    const toContract = await patch(admin, `/api/v1/service-levels/${lvl.id}`, {
      version: 1,
      kind: 'underpinning',
      contractId,
    });
    expect(toContract.statusCode).toBe(409);
    expect(json(await get(admin, `/api/v1/service-levels/${lvl.id}`)).version).toBe(1);

    expect(
      (await post(admin, `/api/v1/catalogue-services/${service.id}/archive`, { version: 1, reason: 'Slut' }))
        .statusCode,
    ).toBe(200);
    const archived = await post(admin, `/api/v1/service-levels/${lvl.id}/archive`, {
      version: 1,
      reason: 'x',
    });
    expect(archived.statusCode, archived.body).toBe(200);
    const restore = await post(admin, `/api/v1/catalogue-services/${service.id}/restore`, { version: 2 });
    expect(restore.statusCode).toBe(409);
    await post(admin, `/api/v1/service-levels/${lvl.id}/restore`, { version: 2 });
    const restored = await post(admin, `/api/v1/catalogue-services/${service.id}/restore`, { version: 2 });
    expect(restored.statusCode, restored.body).toBe(200);
  });

  it('is written by admins only, and never across tenants', async () => {
    const service = await createService('Lagringsyta');
    expect((await post(employee, '/api/v1/catalogue-services', { name: 'Egen' })).statusCode).toBe(403);
    expect((await post(reader, '/api/v1/catalogue-services', { name: 'Egen' })).statusCode).toBe(403);
    expect(
      (await patch(employee, `/api/v1/catalogue-services/${service.id}`, { version: 1, name: 'Egen' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(employee, `/api/v1/catalogue-services/${service.id}/archive`, { version: 1, reason: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await get(bAdmin, `/api/v1/catalogue-services/${service.id}`)).statusCode).toBe(404);
    expect(
      (await patch(bAdmin, `/api/v1/catalogue-services/${service.id}`, { version: 1, name: 'B' })).statusCode,
    ).toBe(404);
    expect(
      (await post(bAdmin, `/api/v1/catalogue-services/${service.id}/restore`, { version: 1 })).statusCode,
    ).toBe(404);
    expect(
      JSON.stringify(json(await get(bAdmin, '/api/v1/catalogue-services?search=Lagring'))),
    ).not.toContain(service.id);
    expect(JSON.stringify(json(await get(bAdmin, '/api/v1/search?q=Lagring')))).not.toContain(service.id);
    expect(json(await get(admin, `/api/v1/catalogue-services/${service.id}`)).version).toBe(1);
  });
});

describe('checkOrder', () => {
  let orderable: { id: string };
  let closed: { id: string };
  const order = (
    actor: Actor,
    serviceId: string,
    answers: OrderAnswers | undefined,
    type: TicketType = 'request',
  ) => inTenant(t.db, actor, (s) => checkOrder(s, serviceId, answers, type));
  /** The field paths of the problem a call throws. */
  const refused = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Problem);
    expect((error as Problem).status).toBe(400);
    return (error as Problem).errors!.map((e) => e.path).sort();
  };

  beforeAll(async () => {
    orderable = await createService('Behörighet i Heroma', {
      orderable: true,
      orderForm: [
        { key: 'for-vem', label: 'För vem', type: 'person', required: true },
        { key: 'roll', label: 'Roll', type: 'select', options: ['Chef', 'Lönehandläggare'], required: true },
        { key: 'fran', label: 'Från', type: 'date' },
        { key: 'antal', label: 'Antal', type: 'number' },
        { key: 'bradskande', label: 'Brådskande', type: 'checkbox' },
        { key: 'motivering', label: 'Motivering', type: 'textarea' },
      ],
    });
    closed = await createService('Intern tjänst', { orderable: false });
  });

  it('answers the active service for a request whose answers follow the form', async () => {
    const row = await order(employeeActor, orderable.id, {
      'for-vem': employeeId,
      roll: 'Chef',
      fran: '2026-09-01',
      antal: 2,
      bradskande: true,
      motivering: 'Ny chef\npå enheten',
    });
    expect(row).toMatchObject({ id: orderable.id, groupId: secondLineId, name: 'Behörighet i Heroma' });
    // Optional fields may be left out; an incident on a service carries no answers.
    expect((await order(employeeActor, orderable.id, { 'for-vem': employeeId, roll: 'Chef' })).id).toBe(
      orderable.id,
    );
    expect((await order(employeeActor, orderable.id, undefined, 'incident')).id).toBe(orderable.id);
  });

  it('names each wrong answer, and refuses a service that is not active and orderable in the tenant', async () => {
    expect(
      await refused(
        order(employeeActor, orderable.id, { roll: 'Kung', fran: '1 september', antal: 'två', okänd: 'x' }),
      ),
    ).toEqual([
      'body.orderAnswers.antal',
      'body.orderAnswers.for-vem',
      'body.orderAnswers.fran',
      'body.orderAnswers.okänd',
      'body.orderAnswers.roll',
    ]);
    expect(await refused(order(employeeActor, orderable.id, undefined))).toEqual([
      'body.orderAnswers.for-vem',
      'body.orderAnswers.roll',
    ]);
    expect(
      await refused(
        order(employeeActor, orderable.id, { 'for-vem': employeeId, roll: 'Chef', motivering: 'a\u0000b' }),
      ),
    ).toEqual(['body.orderAnswers.motivering']);
    // A person of another tenant, or no person at all, is not someone to order for.
    expect(
      await refused(order(employeeActor, orderable.id, { 'for-vem': t.b.adminId, roll: 'Chef' })),
    ).toEqual(['body.orderAnswers.for-vem']);
    expect(
      await refused(order(employeeActor, orderable.id, { 'for-vem': crypto.randomUUID(), roll: 'Chef' })),
    ).toEqual(['body.orderAnswers.for-vem']);
    expect(await refused(order(employeeActor, orderable.id, { roll: 'Chef' }, 'incident'))).toEqual([
      'body.orderAnswers',
    ]);
    // Tenant B's actor does not find A's service; nobody finds an unknown one.
    expect(
      await refused(order({ ...t.b.actor }, orderable.id, { 'for-vem': employeeId, roll: 'Chef' })),
    ).toEqual(['body.serviceId']);
    expect(await refused(order(employeeActor, crypto.randomUUID(), {}))).toEqual(['body.serviceId']);
    // Not orderable: refused to an employee; an agent registers the request anyway.
    expect(await refused(order(employeeActor, closed.id, {}))).toEqual(['body.serviceId']);
    expect((await order(t.a.actor, closed.id, {})).id).toBe(closed.id);
    const gone = await createService('Avvecklad', { orderable: true });
    await post(admin, `/api/v1/catalogue-services/${gone.id}/archive`, { version: 1, reason: 'Avvecklad' });
    expect(await refused(order(employeeActor, gone.id, {}))).toEqual(['body.serviceId']);
  });
});

describe('published promises', () => {
  it('publishes the hours of the default level, else the default calendar, else 07–16', async () => {
    // Tenant B: a default level on its own calendar.
    const wednesday = new Date('2026-05-13T10:00:00Z');
    const bActor = { ...t.b.actor };
    const promised = await deskPromises(t.db, bActor, wednesday);
    // B's default level counts on B's calendar (Mon split, Fri short); Thursday 14 May 2026 is
    // Kristi himmelsfärds dag, closed.
    expect(promised.weekStarts).toBe('2026-05-11');
    expect(promised.timeZone).toBe('Europe/Stockholm');
    expect(promised.openingHours).toEqual({
      mon: [
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ],
      tue: [['08:00', '17:00']],
      wed: [['08:00', '17:00']],
      thu: [],
      fri: [['08:00', '15:00']],
      sat: [],
      sun: [],
    });
    // A tenant without a default level counts on its default calendar; one without either on the
    // built-in hours.
    const c = await seedTenant(t.db, 'c');
    const none = await deskPromises(t.db, c.actor, wednesday);
    expect(none.openingHours.mon).toEqual([['07:00', '16:00']]);
    expect(none.openingHours.thu).toEqual([]);
    expect(none).toMatchObject({
      phoneAnswerSeconds: 60,
      phoneAnswerShare: 0.8,
      firstContactResolutionTarget: 0.7,
      measured: { phoneAnsweredWithin: null, firstContactResolution: null, resolutionCompliance: null },
    });
    const cAdmin = await signIn(t.app, c.adminEmail);
    await calendar(cAdmin, 'C:s öppettider', true);
    const onDefault = await deskPromises(t.db, c.actor, wednesday);
    expect(onDefault.openingHours.mon).toEqual(weekly.mon);
    expect(onDefault.openingHours.fri).toEqual([['08:00', '15:00']]);
  });

  it('measures the last 30 days: calls answered in time, first-contact resolution, resolution compliance', async () => {
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * 86_400_000);
    await inTenant(t.db, t.a.actor, (s) =>
      writeCalls(
        s,
        numberDuplicates([
          { line: 2, at: ago(1), queue: 'Servicedesk', waitedSeconds: 10, outcome: 'answered' },
          { line: 3, at: ago(2), queue: 'Servicedesk', waitedSeconds: 60, outcome: 'answered' },
          { line: 4, at: ago(3), queue: 'Servicedesk', waitedSeconds: 30, outcome: 'answered' },
          { line: 5, at: ago(4), queue: 'Servicedesk', waitedSeconds: 90, outcome: 'answered' },
          { line: 6, at: ago(5), queue: 'Servicedesk', waitedSeconds: 20, outcome: 'abandoned' },
          { line: 7, at: ago(40), queue: 'Servicedesk', waitedSeconds: 5, outcome: 'answered' },
        ]),
        { fileName: 'samtal.csv' },
      ),
    );
    const actor = t.a.actor;
    const requesterId = employeeId;
    const ticket = (title: string, groupId: string | null) =>
      createTicket(t.db, actor, { title, requesterId, groupId, type: 'incident' });
    const change = async (id: string, values: Record<string, unknown>) => {
      const [row] = await t.db
        .select({ version: ticketTable.version })
        .from(ticketTable)
        .where(eq(ticketTable.id, id));
      return updateTicket(t.db, actor, id, { version: row!.version, ...values } as TicketUpdate);
    };
    // Solved by the first line as it came: first contact.
    const t1 = await ticket('Lösenordet', firstLineId);
    await change(t1.id, { status: 'solved' });
    // Handed on to the second line: not first contact.
    const t2 = await ticket('Skrivaren', firstLineId);
    await change(t2.id, { groupId: secondLineId });
    await change(t2.id, { status: 'solved' });
    // Solved by the second line: not first contact.
    const t3 = await ticket('Nätverket', secondLineId);
    await change(t3.id, { status: 'solved' });
    // No group at first, then the first line, which solved it: no hand-over, first contact.
    const t4 = await ticket('Utan grupp', null);
    await change(t4.id, { groupId: firstLineId });
    await change(t4.id, { status: 'solved' });
    // Moved between two groups of the first line, solved there: it never left the first line, so
    // first contact, as the metrics count it (tickets/metrics-flags.ts, the one definition).
    const evening = json(
      await post(admin, '/api/v1/groups', { name: 'Servicedesk kväll', kind: 'firstLine' }),
    );
    const t6 = await ticket('Kvällspasset', firstLineId);
    await change(t6.id, { groupId: evening.id });
    await change(t6.id, { status: 'solved' });
    // To the second line and back to the first line, which solved it: handed on, not first contact.
    const t7 = await ticket('Tillbaka', firstLineId);
    await change(t7.id, { groupId: secondLineId });
    await change(t7.id, { groupId: firstLineId });
    await change(t7.id, { status: 'solved' });
    // Solved 40 days ago, and still open: outside what is measured.
    const t5 = await ticket('Förra månaden', firstLineId);
    await change(t5.id, { status: 'solved' });
    await ticket('Pågår', firstLineId);
    // The clocks as the SLA code leaves them: t1–t3 measured against a resolution target, t2
    // breached; t4 without a level; t5 outside the period.
    const clock = (target: number | null) => ({ phase: 'met', target });
    const measured = (target: number | null) =>
      sql`${JSON.stringify({ levelId: crypto.randomUUID(), resolution: clock(target), response: clock(60) })}::jsonb`;
    for (const [id, breached] of [
      [t1.id, null],
      [t2.id, ago(2)],
      [t3.id, null],
    ] as const)
      await t.db
        .update(ticketTable)
        .set({ sla: measured(540) as never, resolutionBreachedAt: breached })
        .where(eq(ticketTable.id, id));
    for (const id of [t4.id, t6.id, t7.id])
      await t.db
        .update(ticketTable)
        .set({ sla: null, resolutionBreachedAt: null })
        .where(eq(ticketTable.id, id));
    await t.db
      .update(ticketTable)
      .set({ solvedAt: ago(40), sla: measured(540) as never })
      .where(eq(ticketTable.id, t5.id));

    const answer = await get(employee, '/api/v1/desk/promises');
    expect(answer.statusCode, answer.body).toBe(200);
    const promised = json(answer);
    expect(promised.measured.phoneAnsweredWithin).toBeCloseTo(3 / 5);
    // t1, t4 and t6 of the six solved.
    expect(promised.measured.firstContactResolution).toBeCloseTo(3 / 6);
    // The metrics count the same tickets alike.
    const since = new Date(now - 20 * 86_400_000).toISOString().slice(0, 10);
    const metrics = await get(admin, `/api/v1/desk/metrics?from=${since}`);
    expect(metrics.statusCode, metrics.body).toBe(200);
    expect(json(metrics).total.firstContact).toEqual({ solved: 6, firstContact: 3, share: 0.5 });
    expect(promised.measured.resolutionCompliance).toBeCloseTo(2 / 3);
    expect(promised).toMatchObject({
      phoneAnswerSeconds: 60,
      phoneAnswerShare: 0.8,
      firstContactResolutionTarget: 0.7,
    });

    // The promise follows the settings: a stricter phone promise, another first-contact target.
    expect(
      (
        await patch(admin, '/api/v1/phone-calls/settings', {
          version: 1,
          answerSeconds: 20,
          targetPercent: 90,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await patch(admin, '/api/v1/desk/ticket-settings', {
          version: 1,
          firstContactTarget: 75,
          reopenDays: 5,
          autoCloseDays: 10,
        })
      ).statusCode,
    ).toBe(200);
    const stricter = json(await get(employee, '/api/v1/desk/promises'));
    expect(stricter).toMatchObject({
      phoneAnswerSeconds: 20,
      phoneAnswerShare: 0.9,
      firstContactResolutionTarget: 0.75,
    });
    expect(stricter.measured.phoneAnsweredWithin).toBeCloseTo(1 / 5);
    // Tenant B measured nothing of A's.
    const b = json(await get(bAdmin, '/api/v1/desk/promises'));
    expect(b.measured).toEqual({
      phoneAnsweredWithin: null,
      firstContactResolution: null,
      resolutionCompliance: null,
    });
    expect((await t.app.inject({ url: '/api/v1/desk/promises' })).statusCode).toBe(401);
  });
});
