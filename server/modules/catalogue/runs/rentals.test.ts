import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as directory from '../../../platform/directory/service.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';
import { createService as createDeskService } from '../../desk/services/service.ts';
import * as catalogue from '../offerings/service.ts';

// Rented equipment in the month's run (issue 16 point 3 into point 4): an asset issued to a unit
// in billing mode is charged for the days it held it at its offering's rent, whole month or by
// day; a unit under quality steering is not charged; an archived asset drops out.

let t: TestContext;
let admin: Session;
let schoolId: string;
let steeringId: string;
let laptop: string;

const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: admin.headers(), payload: payload as object });

beforeAll(async () => {
  t = await createTestContext();
  const actor = t.a.actor;
  schoolId = (
    await directory.createUnit(t.db, actor, { name: 'Björkskolan', kind: 'subunit', costCentre: '4210' })
  ).id;
  steeringId = (
    await directory.createUnit(t.db, actor, { name: 'Kulturskolan', kind: 'subunit', costCentre: '4500' })
  ).id;
  admin = await signIn(t.app, t.a.adminEmail);
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
  const card = await post('/api/v1/catalogue/rate-cards', {
    offeringId: laptop,
    startsOn: '2026-01-01',
    periodKind: 'year',
    internalPrice: 45_000,
  });
  expect(card.statusCode, card.body).toBe(201);
  const billing = await post('/api/v1/catalogue/billing-switches', {
    unitId: schoolId,
    mode: 'billing',
    fromOn: '2026-01-01',
  });
  expect(billing.statusCode, billing.body).toBe(201);
});
afterAll(() => t.close());

async function asset(serial: string, unitId: string, on: string) {
  const created = await post('/api/v1/catalogue/assets', {
    serial,
    model: 'EliteBook 840',
    kind: 'computer',
    offeringId: laptop,
    purchaseValue: 1_200_000,
    purchasedOn: '2026-01-15',
    depreciationMonths: 48,
  });
  expect(created.statusCode, created.body).toBe(201);
  const issued = await post(`/api/v1/catalogue/assets/${json(created).id}/issue`, { version: 1, unitId, on });
  expect(issued.statusCode, issued.body).toBe(200);
  return json(issued);
}

async function rentalLines(period: string) {
  const run = await post('/api/v1/catalogue/runs', { period });
  expect(run.statusCode, run.body).toBeLessThan(300);
  const lines = json(
    await t.app.inject({
      url: `/api/v1/catalogue/runs/${json(run).id}/lines?limit=200`,
      headers: admin.headers(),
    }),
  ).items as {
    source: string;
    description: string;
    amount: number;
    unit: { id: string };
    billedDays: number;
    kontering: { costCentre: string | null };
  }[];
  return lines
    .filter((l) => l.source === 'rental')
    .map((l) => [l.description, l.unit.id, l.amount, l.billedDays, l.kontering.costCentre])
    .sort();
}

describe('rentals in the run', () => {
  it('charges each held asset at its rent for a unit in billing mode, by the tenant’s proration', async () => {
    const whole = await asset('PC-1', schoolId, '2026-09-01');
    await asset('PC-2', schoolId, '2026-10-11');
    await asset('PC-3', steeringId, '2026-09-01');
    // Whole month (the default): PC-2 from the 11th costs the full rent too.
    expect(await rentalLines('2026-10')).toEqual([
      ['Bärbar dator – PC-1', schoolId, 45_000, 31, '4210'],
      ['Bärbar dator – PC-2', schoolId, 45_000, 21, '4210'],
    ]);
    // Returned on the 20th: 20 days held in November.
    const back = await post(`/api/v1/catalogue/assets/${whole.id}/return`, {
      version: whole.version,
      on: '2026-11-20',
    });
    expect(back.statusCode, back.body).toBe(200);
    const settings = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/catalogue/run-settings',
      headers: admin.headers(),
      payload: { version: 0, proration: 'day' },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(await rentalLines('2026-11')).toEqual([
      ['Bärbar dator – PC-1', schoolId, 30_000, 20, '4210'],
      ['Bärbar dator – PC-2', schoolId, 45_000, 30, '4210'],
    ]);
    // October by day: 21 of 31 days of 450 kr, rounded to whole öre.
    expect((await rentalLines('2026-10')).map((l) => l[2])).toEqual([45_000, Math.round((45_000 * 21) / 31)]);
  });
});
