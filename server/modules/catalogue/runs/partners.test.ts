import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as directory from '../../../platform/directory/service.ts';
import { newId } from '../../../platform/ids.ts';
import { createTestContext, json, type Session, signIn, type TestContext } from '../../../testing.ts';
import { createService as createDeskService } from '../../desk/services/service.ts';
import * as catalogue from '../offerings/service.ts';
import { subscriptions } from '../orders/schema.ts';

// Partners in the month's run (issue 16 point 1): a partner (a unit of kind partner: a company
// or another kommun the IT unit serves) is charged the rate card's external price without moms,
// or the internal price where the card sets no external one; the kommun's own units are charged
// the internal price of the same card.

let t: TestContext;
let admin: Session;
let own: string;
let partner: string;
let laptop: string;
let phone: string;

const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: admin.headers(), payload: payload as object });

beforeAll(async () => {
  t = await createTestContext();
  const actor = t.a.actor;
  own = (
    await directory.createUnit(t.db, actor, { name: 'Björkskolan', kind: 'subunit', costCentre: '4210' })
  ).id;
  partner = (
    await directory.createUnit(t.db, actor, { name: 'Styrby Energi AB', kind: 'partner', costCentre: '9100' })
  ).id;
  admin = await signIn(t.app, t.a.adminEmail);
  const desk = await createDeskService(t.db, actor, {
    name: 'Arbetsplats',
    description: null,
    orderable: true,
  });
  const family = await catalogue.createFamily(t.db, actor, { name: 'Arbetsplats' });
  const service = await catalogue.createFamilyService(t.db, actor, {
    deskServiceId: desk.id,
    familyId: family.id,
  });
  const offering = async (name: string) =>
    (await catalogue.createOffering(t.db, actor, { serviceId: service.id, name, priceModel: 'fixedMonthly' }))
      .id;
  laptop = await offering('Bärbar dator');
  phone = await offering('Mobiltelefon');
  for (const [offeringId, externalPrice] of [
    [laptop, 52_000],
    [phone, null],
  ] as const) {
    const card = await post('/api/v1/catalogue/rate-cards', {
      offeringId,
      startsOn: '2026-01-01',
      periodKind: 'year',
      internalPrice: 45_000,
      externalPrice,
    });
    expect(card.statusCode, card.body).toBe(201);
  }
  for (const unitId of [own, partner]) {
    const billing = await post('/api/v1/catalogue/billing-switches', {
      unitId,
      mode: 'billing',
      fromOn: '2026-01-01',
    });
    expect(billing.statusCode, billing.body).toBe(201);
  }
  await t.db.insert(subscriptions).values(
    [own, partner].flatMap((unitId) =>
      [laptop, phone].map((offeringId) => ({
        tenantId: t.a.id,
        id: newId(),
        unitId,
        offeringId,
        quantity: 2,
        startsOn: '2026-01-01',
        endsOn: null,
        costCentre: unitId === own ? '4210' : '9100',
        account: '6550',
        activity: null,
        counterpart: null,
      })),
    ),
  );
});
afterAll(() => t.close());

describe('a partner in the run', () => {
  it('pays the external price without moms, or the internal one where the card sets none', async () => {
    const run = await post('/api/v1/catalogue/runs', { period: '2026-03' });
    expect(run.statusCode, run.body).toBeLessThan(300);
    const lines = json(
      await t.app.inject({
        url: `/api/v1/catalogue/runs/${json(run).id}/lines?limit=50`,
        headers: admin.headers(),
      }),
    ).items as { unit: { id: string }; offering: { id: string }; unitPrice: number; amount: number }[];
    const price = (unitId: string, offeringId: string) =>
      lines
        .filter((l) => l.unit.id === unitId && l.offering?.id === offeringId)
        .map((l) => [l.unitPrice, l.amount]);
    expect(price(own, laptop)).toEqual([[45_000, 90_000]]);
    expect(price(partner, laptop)).toEqual([[52_000, 104_000]]);
    expect(price(own, phone)).toEqual([[45_000, 90_000]]);
    expect(price(partner, phone)).toEqual([[45_000, 90_000]]);
  });
});
