import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitPool } from '../../../../shared/catalogue/allocations.ts';
import * as directory from '../../../platform/directory/service.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';
import { createService as createDeskService } from '../../desk/services/service.ts';
import * as catalogue from '../offerings/service.ts';

// Allocation keys (issue 16 point 4): the record (create, read, change, archive, restore; bad
// input 400 writing nothing; another tenant's id 404) and the run's lines of source `allocation`,
// held to shared/catalogue/allocations.ts splitPool: by users, by computers, by fixed shares, over
// every unit or a chosen list; the units in billing mode get their share as a line, the share of
// those under quality steering stays with the IT unit.

let t: TestContext;
let admin: Session;
let other: Session;
let north: string;
let south: string;
let east: string;
let steering: string;
let laptop: string;

const PATH = '/api/v1/catalogue/allocations';

const send = (method: 'POST' | 'PUT' | 'GET', url: string, payload?: unknown, as = admin) =>
  t.app.inject({ method, url, headers: as.headers(), payload: payload as object | undefined });
const post = (url: string, payload: unknown) => send('POST', url, payload);

const base = {
  name: 'Gemensam IT-infrastruktur',
  amount: 25_000_000,
  account: '6540',
  key: 'users',
  spread: 'all',
};

async function person(email: string, unitId: string, active = true) {
  await directory.createPerson(t.db, t.a.actor, {
    givenName: 'Test',
    familyName: email,
    email,
    unitId,
    active,
  });
}

async function asset(serial: string, kind: string, unitId: string) {
  const created = await post('/api/v1/catalogue/assets', {
    serial,
    model: 'EliteBook 840',
    kind,
    offeringId: laptop,
    purchaseValue: 1_200_000,
    purchasedOn: '2026-01-15',
    depreciationMonths: 48,
  });
  expect(created.statusCode, created.body).toBe(201);
  const issued = await post(`/api/v1/catalogue/assets/${json(created).id}/issue`, {
    version: 1,
    unitId,
    on: '2026-09-01',
  });
  expect(issued.statusCode, issued.body).toBe(200);
  return json(issued);
}

beforeAll(async () => {
  t = await createTestContext();
  const actor = t.a.actor;
  const unit = async (name: string, costCentre: string) =>
    (await directory.createUnit(t.db, actor, { name, kind: 'subunit', costCentre })).id;
  north = await unit('Norrskolan', '4210');
  south = await unit('Söderskolan', '4220');
  east = await unit('Österskolan', '4230');
  steering = await unit('Kulturskolan', '4500');
  admin = await signIn(t.app, t.a.adminEmail);
  other = await signIn(t.app, t.b.adminEmail);
  for (const u of [north, south, east]) {
    const billing = await post('/api/v1/catalogue/billing-switches', {
      unitId: u,
      mode: 'billing',
      fromOn: '2026-01-01',
    });
    expect(billing.statusCode, billing.body).toBe(201);
  }
  // People: north 3 active (and one inactive), south 2, east none, steering 4 (not billed).
  for (const [i, u] of [north, north, north, south, south, steering, steering, steering, steering].entries())
    await person(`p${i}@a.example`, u);
  await person('gone@a.example', north, false);
  // Computers on the month's last day: south 2, north 1, steering 1 (and a screen, which does not
  // count).
  const desk = await createDeskService(t.db, actor, {
    name: 'Dator som tjänst',
    description: null,
    orderable: true,
  });
  const family = await catalogue.createFamily(t.db, actor, { name: 'Arbetsplats' });
  const service = await catalogue.createFamilyService(t.db, actor, {
    deskServiceId: desk.id,
    familyId: family.id,
  });
  laptop = (
    await catalogue.createOffering(t.db, actor, {
      serviceId: service.id,
      name: 'Bärbar dator',
      priceModel: 'fixedMonthly',
      approval: 'none',
    })
  ).id;
  await asset('PC-1', 'computer', south);
  await asset('PC-2', 'computer', south);
  await asset('PC-3', 'computer', north);
  await asset('SK-1', 'screen', north);
  await asset('PC-4', 'computer', steering);
});
afterAll(() => t.close());

async function listed() {
  return json(await send('GET', `${PATH}?includeArchived=true&limit=200`)).items as { id: string }[];
}

describe('the allocation record', () => {
  it('is created, read, changed as a whole, archived and restored', async () => {
    const created = await post(PATH, { ...base, description: 'Nät och servrar' });
    expect(created.statusCode, created.body).toBe(201);
    const a = json(created);
    expect(a).toMatchObject({
      name: 'Gemensam IT-infrastruktur',
      description: 'Nät och servrar',
      amount: 25_000_000,
      offering: null,
      account: '6540',
      key: 'users',
      spread: 'all',
      units: [],
      shares: [],
      version: 1,
      can: { update: true, archive: true, restore: false },
    });
    expect((await send('GET', `${PATH}/${a.id}`)).json()).toEqual(a);

    const changed = await send('PUT', `${PATH}/${a.id}`, {
      ...base,
      version: 1,
      offeringId: laptop,
      account: null,
      key: 'fixed',
      spread: 'chosen',
      unitIds: [north, south],
      shares: [
        { unitId: north, weight: 1 },
        { unitId: south, weight: 3 },
      ],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(json(changed)).toMatchObject({
      version: 2,
      offering: { id: laptop, name: 'Bärbar dator' },
      account: null,
      description: null,
      key: 'fixed',
      units: [
        { id: north, name: 'Norrskolan' },
        { id: south, name: 'Söderskolan' },
      ],
      shares: [
        { unitId: north, unitName: 'Norrskolan', weight: 1 },
        { unitId: south, unitName: 'Söderskolan', weight: 3 },
      ],
    });
    const stale = await send('PUT', `${PATH}/${a.id}`, { ...base, version: 1 });
    expect(stale.statusCode).toBe(409);

    const archived = await post(`${PATH}/${a.id}/archive`, { version: 2, reason: 'Ersatt' });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(json(archived)).toMatchObject({ archiveReason: 'Ersatt', can: { update: false, restore: true } });
    expect(json(await send('GET', PATH)).items.map((x: { id: string }) => x.id)).not.toContain(a.id);
    expect((await listed()).map((x) => x.id)).toContain(a.id);
    const restored = await post(`${PATH}/${a.id}/restore`, { version: 3 });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(json(restored)).toMatchObject({ archivedAt: null, version: 4 });
    // Out of the way of the run's tests below.
    expect((await post(`${PATH}/${a.id}/archive`, { version: 4, reason: 'Prov' })).statusCode).toBe(200);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = (await listed()).length;
    const notAnOffering = (await catalogue.createFamily(t.db, t.b.actor, { name: 'Annan kommuns familj' }))
      .id;
    const cases: [object, string][] = [
      [{ ...base, account: null }, 'body.account'],
      [{ ...base, amount: 0 }, 'body.amount'],
      [{ ...base, amount: 12.5 }, 'body.amount'],
      [{ ...base, key: 'rooms' }, 'body.key'],
      [{ ...base, spread: 'chosen' }, 'body.unitIds'],
      [{ ...base, unitIds: [north] }, 'body.unitIds'],
      [{ ...base, spread: 'chosen', unitIds: [north, t.b.unitId] }, 'body.unitIds.1'],
      [{ ...base, key: 'fixed' }, 'body.shares'],
      [{ ...base, key: 'fixed', shares: [{ unitId: north, weight: -1 }] }, 'body.shares.0.weight'],
      [{ ...base, key: 'fixed', shares: [{ unitId: t.b.unitId, weight: 1 }] }, 'body.shares.0.unitId'],
      [{ ...base, offeringId: notAnOffering }, 'body.offeringId'],
      [{ ...base, name: '' }, 'body.name'],
      [{ ...base, extra: 1 }, 'body'],
    ];
    for (const [payload, path] of cases) {
      const response = await post(PATH, payload);
      expect(response.statusCode, `${path}: ${response.body}`).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      const paths = (json(response).errors ?? []).map((e: { path: string }) => e.path);
      expect(
        paths.some((p: string) => p.startsWith(path)),
        `${path}: ${response.body}`,
      ).toBe(true);
    }
    expect((await listed()).length).toBe(before);
  });

  it("answers 404 for another tenant's allocation, and lists only the tenant's own", async () => {
    const a = json(await post(PATH, { ...base, name: 'Tenant A:s kostnad' }));
    expect((await send('GET', `${PATH}/${a.id}`, undefined, other)).statusCode).toBe(404);
    expect((await send('PUT', `${PATH}/${a.id}`, { ...base, version: 1 }, other)).statusCode).toBe(404);
    const archive = await send('POST', `${PATH}/${a.id}/archive`, { version: 1, reason: 'x' }, other);
    expect(archive.statusCode).toBe(404);
    expect(json(await send('GET', PATH, undefined, other)).items).toEqual([]);
    expect(json(await send('GET', `${PATH}/${a.id}`)).version).toBe(1);
    expect((await post(`${PATH}/${a.id}/archive`, { version: 1, reason: 'Prov' })).statusCode).toBe(200);
  });
});

interface Line {
  source: string;
  description: string;
  quantity: string;
  unitPrice: number;
  amount: number;
  unit: { id: string };
  offering: { id: string } | null;
  kontering: { costCentre: string | null; account: string | null };
}

async function runLines(period: string): Promise<Line[]> {
  const run = await post('/api/v1/catalogue/runs', { period });
  expect(run.statusCode, run.body).toBeLessThan(300);
  const lines = await send('GET', `/api/v1/catalogue/runs/${json(run).id}/lines?limit=200`);
  expect(lines.statusCode, lines.body).toBe(200);
  return (json(lines).items as Line[]).filter((l) => l.source === 'allocation');
}

const costCentre: Record<string, string> = {};

/** Active people per unit of tenant A, read from the directory's own route. */
async function usersPerUnit(): Promise<Record<string, number>> {
  const page = json(await send('GET', '/api/v1/people?limit=200'));
  const out: Record<string, number> = {};
  for (const p of page.items as { unitId: string | null; active: boolean; archivedAt: string | null }[])
    if (p.unitId && p.active && !p.archivedAt) out[p.unitId] = (out[p.unitId] ?? 0) + 1;
  return out;
}

/** The lines splitPool gives the billed units of a split over all the weights. */
function billedShares(amount: number, weights: Record<string, number>, billed: readonly string[]) {
  const total = Object.values(weights).reduce((s, w) => s + w, 0);
  const lines = splitPool(
    amount,
    Object.entries(weights).map(([unitId, weight]) => ({ unitId, weight })),
  ).filter((x) => billed.includes(x.unitId) && x.amount > 0);
  return { total, lines };
}

describe('allocation lines in the run', () => {
  beforeAll(() => {
    Object.assign(costCentre, { [north]: '4210', [south]: '4220', [east]: '4230' });
  });

  it('spreads each allocation by its key over the units in billing mode, summing to its amount', async () => {
    const made = async (payload: object) => {
      const r = await post(PATH, { ...base, ...payload });
      expect(r.statusCode, r.body).toBe(201);
      return json(r);
    };
    // Weights on 2026-10-31: people from the directory, computers and shares by hand from the
    // setup above. The steering unit (and tenant A's own unit, with its admin) share the cost
    // but get no line.
    const people = await usersPerUnit();
    expect(people[north]).toBe(3);
    expect(people[steering]).toBe(4);
    const cases = [
      {
        name: 'Användare',
        payload: { key: 'users', amount: 10_000_001 },
        weights: people,
        word: 'användare',
      },
      {
        name: 'Datorer',
        payload: { key: 'computers', amount: 999_999 },
        weights: { [north]: 1, [south]: 2, [steering]: 1 },
        word: 'datorer',
      },
      {
        name: 'Fast',
        payload: {
          key: 'fixed',
          amount: 1_000,
          offeringId: laptop,
          account: null,
          shares: [
            { unitId: north, weight: 3 },
            { unitId: south, weight: 3 },
            { unitId: east, weight: 1 },
            { unitId: steering, weight: 50 },
          ],
        },
        weights: { [north]: 3, [south]: 3, [east]: 1, [steering]: 50 },
        word: 'andelar',
      },
      {
        name: 'Noll',
        payload: {
          key: 'fixed',
          amount: 100,
          shares: [
            { unitId: north, weight: 0 },
            { unitId: south, weight: 1 },
            { unitId: east, weight: 1 },
          ],
        },
        weights: { [south]: 1, [east]: 1 },
        word: 'andelar',
      },
      {
        name: 'Utvalda',
        payload: { key: 'users', amount: 700, spread: 'chosen', unitIds: [north, east, steering] },
        weights: { [north]: 3, [steering]: 4 },
        word: 'användare',
      },
    ];
    const ids: Record<string, string> = {};
    for (const c of cases) ids[c.name] = (await made({ name: c.name, ...c.payload })).id;

    const lines = await runLines('2026-10');
    for (const c of cases) {
      const mine = lines.filter((l) => l.description.startsWith(`${c.name} – `));
      const amount = (c.payload as { amount: number }).amount;
      const { total, lines: shares } = billedShares(amount, c.weights, [north, south, east]);
      const expected = shares
        .map((x) => [x.unitId, x.amount, `${c.name} – ${c.weights[x.unitId]} av ${total} ${c.word}`])
        .sort();
      expect(mine.map((l) => [l.unit.id, l.amount, l.description]).sort(), c.name).toEqual(expected);
      // All of it when every unit with a weight is billed; less by the steering units' share.
      const charged = mine.reduce((s, l) => s + l.amount, 0);
      if (c.weights[steering] || c.weights[t.a.unitId]) expect(charged, c.name).toBeLessThan(amount);
      else expect(charged, c.name).toBe(amount);
      for (const l of mine) {
        expect(l.kontering.costCentre).toBe(costCentre[l.unit.id]);
        expect(l.quantity).toMatch(/^1(\.0+)?$/);
        expect(l.unitPrice).toBe(l.amount);
      }
    }
    // The fixed key is booked on its offering, the others on their account.
    const fixed = lines.filter((l) => l.description.startsWith('Fast – '));
    expect(fixed.every((l) => l.offering?.id === laptop && l.kontering.account === null)).toBe(true);
    const users = lines.filter((l) => l.description.startsWith('Användare – '));
    expect(users.every((l) => l.offering === null && l.kontering.account === '6540')).toBe(true);
    // Largest remainder: 1 000 by 3:3:1:50 is 52.63, 52.63, 17.54 and 877.19 — floors 998, the
    // two öre left go to the two largest remainders; the steering unit's 877 stay with the IT unit.
    expect(fixed.map((l) => l.amount).sort()).toEqual([17, 53, 53]);

    // Recomputed: the same lines, not twice. Archived: gone from the next computation.
    expect((await runLines('2026-10')).length).toBe(lines.length);
    for (const c of cases)
      expect((await post(`${PATH}/${ids[c.name]}/archive`, { version: 1, reason: 'Prov' })).statusCode).toBe(
        200,
      );
    expect(await runLines('2026-10')).toEqual([]);
  });

  it('counts the units on the month’s last day: before the billing switch there is no line', async () => {
    // A förvaltning switched to billing bills the school below it that has no switch of its own
    // (billingDays): the school's people count for the school; the förvaltning has none.
    const west = (await directory.createUnit(t.db, t.a.actor, { name: 'Västra', kind: 'department' })).id;
    const school = (
      await directory.createUnit(t.db, t.a.actor, {
        name: 'Västerskolan',
        kind: 'subunit',
        parentId: west,
        costCentre: '4240',
      })
    ).id;
    await person('w1@a.example', school);
    await person('w2@a.example', school);
    const billing = await post('/api/v1/catalogue/billing-switches', {
      unitId: west,
      mode: 'billing',
      fromOn: '2026-01-01',
    });
    expect(billing.statusCode, billing.body).toBe(201);
    const a = json(await post(PATH, { ...base, name: 'Före' }));
    expect(await runLines('2025-12')).toEqual([]);
    const lines = (await runLines('2026-01')).filter((l) => l.description.startsWith('Före – '));
    const { lines: shares } = billedShares(base.amount, await usersPerUnit(), [north, south, school]);
    expect(shares.map((x) => x.unitId).sort()).toEqual([north, south, school].sort());
    expect(lines.map((l) => [l.unit.id, l.amount, l.kontering.costCentre]).sort()).toEqual(
      shares.map((x) => [x.unitId, x.amount, costCentre[x.unitId] ?? '4240']).sort(),
    );
    expect((await post(`${PATH}/${a.id}/archive`, { version: 1, reason: 'Prov' })).statusCode).toBe(200);
  });
});

describe('the global search', () => {
  it("finds an allocation by its name or description, and tenant B finds none of A's", async () => {
    const made = json(
      await post(PATH, { ...base, name: 'Nätverk och brandvägg', description: 'Stadsnätets avgift' }),
    );
    const byName = json(await send('GET', '/api/v1/search?q=brandvägg'));
    expect(JSON.stringify(byName)).toContain(made.id);
    const byDescription = json(await send('GET', '/api/v1/search?q=Stadsnätets'));
    expect(JSON.stringify(byDescription)).toContain(made.id);
    const theirs = json(await send('GET', '/api/v1/search?q=brandvägg', undefined, other));
    expect(JSON.stringify(theirs)).not.toContain(made.id);
  });
});
