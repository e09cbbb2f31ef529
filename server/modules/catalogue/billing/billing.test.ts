import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modeOn } from '../../../../shared/catalogue/billing.ts';
import * as directory from '../../../platform/directory/service.ts';
import {
  createTestContext,
  json,
  type Session,
  seedPerson,
  signIn,
  type TestContext,
} from '../../../testing.ts';

// The dated switch per unit between quality steering and billing (seed 002): the mode on a date,
// the history kept, a planned switch withdrawn by archiving, the rules, who may switch, and tenant
// B seeing and switching none of tenant A's units.

let t: TestContext;
let admin: Session;
let bAdmin: Session;
let reader: Session;

const send = (session: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: session.headers(), payload: payload as object });
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers() });
const paths = (r: { json(): { errors?: { path: string }[] } }) => (r.json().errors ?? []).map((e) => e.path);

beforeAll(async () => {
  t = await createTestContext();
  admin = await signIn(t.app, t.a.adminEmail);
  bAdmin = await signIn(t.app, t.b.adminEmail);
  await seedPerson(t.db, t.a, 'reader@a.example', ['reader']);
  reader = await signIn(t.app, 'reader@a.example');
});
afterAll(() => t.close());

describe('the switch from quality steering to billing', () => {
  it('answers the mode on a date from the latest switch on or before it', () => {
    const s = [
      { mode: 'billing', fromOn: '2025-01-01' },
      { mode: 'qualitySteering', fromOn: '2025-07-01' },
    ];
    expect(modeOn(s, '2024-12-31')).toBe('qualitySteering');
    expect(modeOn(s, '2025-01-01')).toBe('billing');
    expect(modeOn(s, '2025-06-30')).toBe('billing');
    expect(modeOn(s, '2026-01-01')).toBe('qualitySteering');
  });

  it('switches a unit at a date and keeps the history', async () => {
    const unit = t.a.unitId;
    expect(json(await get(reader, `/api/v1/catalogue/billing-units/${unit}`))).toMatchObject({
      mode: 'qualitySteering',
      nextSwitch: null,
      history: [],
    });
    const past = await send(admin, '/api/v1/catalogue/billing-switches', {
      unitId: unit,
      mode: 'billing',
      fromOn: '2025-01-01',
    });
    expect(past.statusCode, past.body).toBe(201);
    const planned = await send(admin, '/api/v1/catalogue/billing-switches', {
      unitId: unit,
      mode: 'qualitySteering',
      fromOn: '2099-01-01',
      note: 'Tillbaka',
    });
    expect(planned.statusCode).toBe(201);
    const b = json(await get(reader, `/api/v1/catalogue/billing-units/${unit}`));
    expect(b).toMatchObject({
      mode: 'billing',
      nextSwitch: { fromOn: '2099-01-01', mode: 'qualitySteering' },
    });
    expect(b.history).toHaveLength(2);
    const list = json(await get(reader, '/api/v1/catalogue/billing-units'));
    expect(list.items[0]).toMatchObject({ mode: 'billing', since: '2025-01-01' });
    // Withdrawn, it stays in the history; the unit stays billed.
    const w = await send(admin, `/api/v1/catalogue/billing-switches/${json(planned).id}/archive`, {
      version: 1,
    });
    expect(w.statusCode, w.body).toBe(200);
    const after = json(await get(reader, `/api/v1/catalogue/billing-units/${unit}`));
    expect(after).toMatchObject({ mode: 'billing', nextSwitch: null });
    expect(after.history).toHaveLength(2);
    const stale = await send(admin, `/api/v1/catalogue/billing-switches/${json(planned).id}/archive`, {
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses a switch that changes nothing, a second one on a date, and others than the keepers', async () => {
    const unit = t.a.unitId;
    const same = await send(admin, '/api/v1/catalogue/billing-switches', {
      unitId: unit,
      mode: 'billing',
      fromOn: '2026-03-01',
    });
    expect(same.statusCode).toBe(400);
    expect(paths(same)).toEqual(['body.mode']);
    const date = await send(admin, '/api/v1/catalogue/billing-switches', {
      unitId: unit,
      mode: 'qualitySteering',
      fromOn: '2025-01-01',
    });
    expect(date.statusCode).toBe(409);
    expect(paths(date)).toEqual(['body.fromOn']);
    const r = await send(reader, '/api/v1/catalogue/billing-switches', {
      unitId: unit,
      mode: 'billing',
      fromOn: '2030-01-01',
    });
    expect(r.statusCode).toBe(403);
  });

  it('passes a switch down to the units below until one has a switch of its own', async () => {
    // t.a.unitId bills from 2025-01-01 (the test above); a school below it and a class below that.
    const school = (
      await directory.createUnit(t.db, t.a.actor, { name: 'Skolan', kind: 'subunit', parentId: t.a.unitId })
    ).id;
    const klass = (
      await directory.createUnit(t.db, t.a.actor, { name: 'Klassen', kind: 'subunit', parentId: school })
    ).id;
    const inherited = json(await get(reader, `/api/v1/catalogue/billing-units/${klass}`));
    expect(inherited).toMatchObject({
      mode: 'billing',
      inheritedFrom: { id: t.a.unitId },
      nextSwitch: null,
      history: [],
    });
    // The school's own switch to the mode it inherits is allowed: it keeps it when the unit above
    // switches back. Its own mode repeated says nothing.
    const own = await send(admin, '/api/v1/catalogue/billing-switches', {
      unitId: school,
      mode: 'billing',
      fromOn: '2025-06-01',
    });
    expect(own.statusCode, own.body).toBe(201);
    const again = await send(admin, '/api/v1/catalogue/billing-switches', {
      unitId: school,
      mode: 'billing',
      fromOn: '2025-08-01',
    });
    expect(again.statusCode).toBe(400);
    const back = await send(admin, '/api/v1/catalogue/billing-switches', {
      unitId: school,
      mode: 'qualitySteering',
      fromOn: '2025-09-01',
    });
    expect(back.statusCode, back.body).toBe(201);
    expect(json(await get(reader, `/api/v1/catalogue/billing-units/${klass}`))).toMatchObject({
      mode: 'qualitySteering',
      inheritedFrom: { id: school },
    });
    expect(json(await get(reader, `/api/v1/catalogue/billing-units/${school}`))).toMatchObject({
      mode: 'qualitySteering',
      inheritedFrom: null,
    });
    const list = json(await get(reader, '/api/v1/catalogue/billing-units?limit=100'));
    const row = list.items.find((u: { unit: { id: string } }) => u.unit.id === klass);
    expect(row).toMatchObject({
      mode: 'qualitySteering',
      since: '2025-09-01',
      inheritedFrom: { id: school },
    });
  });

  it("keeps tenant A's units from tenant B", async () => {
    expect((await get(bAdmin, `/api/v1/catalogue/billing-units/${t.a.unitId}`)).statusCode).toBe(404);
    const r = await send(bAdmin, '/api/v1/catalogue/billing-switches', {
      unitId: t.a.unitId,
      mode: 'billing',
      fromOn: '2030-01-01',
    });
    expect(r.statusCode).toBe(400);
    expect(paths(r)).toEqual(['body.unitId']);
  });
});
