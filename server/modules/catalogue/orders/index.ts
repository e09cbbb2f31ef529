import type { ModulePart } from '../../../platform/module-parts.ts';
import { RawBody } from '../../../platform/seam.ts';
import { cataloguePolicy } from '../policy.ts';
import './bare-requests.ts';
import { loadOrdersDemo } from './demo.ts';
import { orderRoutes } from './routes.ts';
import * as orders from './service.ts';

// Orders on the seam: routes, the attest notifications and the budget holder's start-page queue,
// audit names, the demo's kontering codes, orders and subscriptions, and the walks' records.

const keeps = (actor: Parameters<typeof cataloguePolicy.readHistory>[0]) =>
  cataloguePolicy.readHistory(actor);

export const ordersPart: ModulePart = {
  name: 'orders',
  routes: orderRoutes,
  demo: loadOrdersDemo,
  notificationKinds: orders.orderNotifications,
  startItems: [{ section: 'catalogueAttest', items: orders.attestItems }],
  search: [
    {
      section: 'catalogueOrders',
      async search(db, actor, term, limit) {
        // The orders the reader may list: every one for the keepers, else their own.
        const view = cataloguePolicy.readAllOrders(actor) ? 'all' : 'mine';
        const page = await orders.listOrders(db, actor, { view, search: term, limit });
        return page.items.map((o) => ({
          id: o.id,
          title: `${o.offeringName} · ${o.unitName}`,
          detail: o.forPersonName ?? o.orderedByName,
          href: `/catalogue/orders/${o.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    { entity: 'catalogueKonteringCode', describe: orders.codeRefs, canReadHistory: keeps },
    { entity: 'catalogueOrder', describe: orders.orderRefs, canReadHistory: keeps },
    { entity: 'catalogueSubscription', describe: orders.subscriptionRefs, canReadHistory: keeps },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const offeringId = made.offerings!;
      for (const [dimension, code, name] of [
        ['costCentre', 'K100', 'Hemligt kostnadsställe'],
        ['account', '6540', 'IT-tjänster'],
        ['activity', 'P77', 'Hemligt projekt'],
      ] as const)
        await orders.createKonteringCode(db, tenant.actor, { unitId: tenant.unitId, dimension, code, name });
      const [code] = (
        await orders.listKonteringCodes(db, tenant.actor, {
          unitId: tenant.unitId,
          dimension: 'account',
          limit: 1,
          includeArchived: false,
        })
      ).items;
      const body = {
        offeringId,
        forUnitId: tenant.unitId,
        kontering: { costCentre: 'K100', account: '6540', activity: 'P77' },
        note: 'Hemlig beställning',
      };
      const waiting = await orders.createOrder(db, tenant.actor, body, { orderedById: tenant.adminId });
      const delivered = await orders.createOrder(db, tenant.actor, body, { orderedById: tenant.adminId });
      await orders.approveOrder(db, tenant.actor, delivered.id, 1);
      await orders.deliverOrder(db, tenant.actor, delivered.id, { version: 2 });
      const view = await orders.getOrder(db, tenant.actor, delivered.id);
      return {
        ids: {
          'kontering-units': tenant.unitId,
          'kontering-codes': code!.id,
          orders: waiting.id,
          subscriptions: view.subscriptionId!,
        },
        secrets: [waiting.id, delivered.id, view.subscriptionId!, 'Hemlig beställning', 'Hemligt projekt'],
      };
    },
    bodies: {
      'POST /api/v1/catalogue/kontering-codes': (ids) => ({
        unitId: ids['kontering-units'],
        dimension: 'account',
        code: '6550',
        name: 'Datorer och kringutrustning',
      }),
      'POST /api/v1/catalogue/kontering-codes/import': () =>
        new RawBody(
          'text/csv',
          'enhet;dimension;kod;benämning\nFörvaltning a;konto;6560;Förbrukningsinventarier\n',
          'dryRun=true',
        ),
      'PATCH /api/v1/catalogue/kontering-codes/{id}': () => ({ version: 1, name: 'Nytt namn' }),
      'POST /api/v1/catalogue/kontering-codes/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/catalogue/orders': (ids) => ({
        offeringId: ids.offerings,
        forUnitId: ids['kontering-units'],
        quantity: 1,
        kontering: { costCentre: 'K100', account: '6540', activity: null, counterpart: null },
        note: 'Ny medarbetare',
        orderAnswers: {},
      }),
      'POST /api/v1/catalogue/orders/{id}/approve': () => ({ version: 1 }),
      'POST /api/v1/catalogue/orders/{id}/reject': () => ({ version: 1, reason: 'Ingen budget' }),
      'POST /api/v1/catalogue/orders/{id}/deliver': () => ({ version: 1, deliveredOn: '2027-01-15' }),
      'POST /api/v1/catalogue/subscriptions/{id}/cancel': () => ({ version: 1, cancelledOn: '2027-03-10' }),
    },
    selfService: ['POST /api/v1/catalogue/orders'],
  },
};
