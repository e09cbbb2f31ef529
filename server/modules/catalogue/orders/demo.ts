import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import {
  approveOrder,
  cancelSubscription,
  createKonteringCode,
  createOrder,
  deliverOrder,
  getOrder,
  rejectOrder,
} from './service.ts';

// Styrby kommun's kontering codes (Kommun-Bas konton, the förvaltningars projekt and the internal
// counterpart) for the units that order in the demo, and a few orders in every status: waiting
// for the attest of the barn- och utbildningsförvaltning's ekonom (Jessica Holmberg), rejected,
// in fulfilment at the desk and delivered, with their subscriptions (a modest number; a year of
// subscriptions for every employee comes with the chargeback run).

const ACCOUNTS: [string, string][] = [
  ['6540', 'IT-tjänster'],
  ['6550', 'Datorer och kringutrustning'],
  ['6420', 'Telefoni och mobiltelefoner'],
  ['6570', 'Programvarulicenser'],
];
const COUNTERPARTS: [string, string][] = [
  ['10', 'Intern motpart, kommunen'],
  ['83', 'Kommunala bolag'],
];
const ACTIVITIES: Record<string, [string, string][]> = {
  buf: [
    ['P4001', 'Digitalisering i skolan'],
    ['A4200', 'Grundskola'],
  ],
  soc: [['A5100', 'Individ- och familjeomsorg']],
};
const UNITS = ['buf', 'bjork', 'vastra', 'forskola', 'soc', 'forsorj', 'it'];

const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d;
};
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function loadOrdersDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const laptop = made.get('offering:laptop');
  const mobile = made.get('offering:mobile');
  const pages = made.get('offering:pages');
  if (!laptop || !mobile || !pages) return;
  for (const key of UNITS) {
    const unitId = tenant.unitId(key);
    for (const [code, name] of ACCOUNTS)
      await createKonteringCode(db, tenant.actor, { unitId, dimension: 'account', code, name });
    for (const [code, name] of COUNTERPARTS)
      await createKonteringCode(db, tenant.actor, { unitId, dimension: 'counterpart', code, name });
    const top = key === 'soc' || key === 'forsorj' ? 'soc' : key === 'it' ? null : 'buf';
    for (const [code, name] of top ? (ACTIVITIES[top] ?? []) : [])
      await createKonteringCode(db, tenant.actor, { unitId, dimension: 'activity', code, name });
  }
  const niklas = tenant.personId('niklas.wallin@styrby.example');
  const jessica: Actor = {
    tenantId: tenant.id,
    personId: tenant.personId('jessica.holmberg@styrby.example'),
    name: 'Jessica Holmberg',
    grants: [{ role: 'economist', scope: 'unit', scopeId: tenant.unitId('buf') }],
  };
  const order = (
    offeringId: string,
    unitKey: string,
    costCentre: string,
    at: Date,
    extra: { account?: string; activity?: string; note?: string } = {},
  ) =>
    createOrder(
      db,
      tenant.actor,
      {
        offeringId,
        forUnitId: tenant.unitId(unitKey),
        quantity: 1,
        kontering: {
          costCentre,
          account: extra.account ?? '6550',
          activity: extra.activity ?? null,
          counterpart: '10',
        },
        note: extra.note ?? null,
        // The desk's order forms of these services ask for the cost centre and the place too.
        orderAnswers:
          offeringId === pages
            ? { vad: 'Koppla passerkortet till utskrift', plats: 'Expeditionen, plan 1' }
            : offeringId === mobile
              ? { kostnadsstalle: costCentre, modell: 'iPhone SE', anvandare: niklas }
              : {
                  kostnadsstalle: costCentre,
                  anvandare: niklas,
                  leveransadress: 'Expeditionen, plan 1',
                  modell: 'Bärbar standarddator 14"',
                },
      },
      { orderedById: niklas, at },
    );
  // Delivered months ago: running subscriptions (one cancelled, ending at its month's end).
  const delivered: string[] = [];
  for (const [i, [unit, cc]] of (
    [
      ['bjork', '4210'],
      ['bjork', '4210'],
      ['vastra', '4220'],
      ['vastra', '4220'],
      ['forskola', '4100'],
      ['buf', '4000'],
    ] as const
  ).entries()) {
    const at = monthsAgo(6 - i);
    const o = await order(i % 3 === 2 ? mobile : laptop, unit, cc, at, {
      account: i % 3 === 2 ? '6420' : '6550',
      activity: i === 0 ? 'P4001' : undefined,
    });
    await approveOrder(db, jessica, o.id, 1);
    await deliverOrder(db, tenant.actor, o.id, {
      version: 2,
      deliveredOn: isoDay(new Date(at.getTime() + 7 * 86_400_000)),
    });
    delivered.push(o.id);
  }
  const first = await getOrder(db, tenant.actor, delivered[4]!);
  if (first.subscriptionId) await cancelSubscription(db, tenant.actor, first.subscriptionId, { version: 1 });
  // In fulfilment: approved, the desk's request open.
  const open = await order(laptop, 'bjork', '4210', monthsAgo(0), { note: 'Ny lärare börjar efter lovet' });
  await approveOrder(db, jessica, open.id, 1);
  // Printing by the page needs no attest: straight to the desk.
  await order(pages, 'vastra', '4220', monthsAgo(0), { account: '6540' });
  // Rejected, with the reason.
  const rejected = await order(mobile, 'forskola', '4100', monthsAgo(1), { account: '6420' });
  await rejectOrder(db, jessica, rejected.id, 1, 'Förskolan har redan en gemensam telefon');
  // Waiting for Jessica Holmberg's attest.
  await order(laptop, 'vastra', '4220', monthsAgo(0), { note: 'Ny medarbetare i arbetslag 8' });
  await order(mobile, 'bjork', '4210', monthsAgo(0), {
    account: '6420',
    note: 'Rektor, ersätter trasig telefon',
  });
}
