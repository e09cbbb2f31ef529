import type { ModulePart } from '../../../platform/module-parts.ts';
import { portfolioPolicy } from '../policy.ts';
import { loadDemandsDemo } from './demo.ts';
import { demandRoutes } from './routes.ts';
import * as demands from './service.ts';
import { portfolioSettingsRefs } from './settings.ts';

// Demands on the seam: their routes, the demands in the global search (a reader outside staff
// finds their own), the audit trail's names, the status notice to the submitter, the agenda
// source (a demand waiting for a forum to prepare or decide it), the demo's demands and the walks.

export const demandsPart: ModulePart = {
  name: 'demands',
  routes: demandRoutes,
  demo: loadDemandsDemo,
  notificationKinds: [demands.demandStatusNotice],
  agendaSources: [
    { kind: demands.AGENDA_KIND, waiting: demands.demandsWaitingFor, describe: demands.demandRefs },
  ],
  search: [
    {
      section: 'demands',
      async search(db, actor, term, limit) {
        const page = await demands.listDemands(db, actor, {
          search: term,
          limit,
          sort: 'newest',
          mine: false,
        });
        return page.items.map((d) => ({
          id: d.id,
          title: `${d.number} ${d.title}`,
          detail: d.unitName,
          href: `/portfolio/demands/${d.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'demand',
      describe: demands.demandRefs,
      canReadHistory: (actor) => portfolioPolicy.readHistory(actor),
    },
    { entity: 'portfolioSettings', describe: portfolioSettingsRefs },
  ],
  walk: {
    async seed(db, tenant) {
      const row = await demands.createDemand(db, tenant.actor, {
        title: 'Hemligt behov',
        description: 'Hemlig behovsbeskrivning',
        scope: 'shared',
        unitId: tenant.unitId,
      });
      return { ids: { demands: row.id }, secrets: [row.id, 'Hemligt behov', 'Hemlig behovsbeskrivning'] };
    },
    bodies: {
      'POST /api/v1/demands': (ids) => ({
        title: 'E-tjänst för bygglov',
        description: 'Sökande ska kunna ansöka om bygglov digitalt.',
        scope: 'business',
        unitId: ids.units,
        systemIds: [ids.systems],
        reason: 'Färre pappersansökningar',
        beneficiaries: 'Sökande och handläggare',
      }),
      'PATCH /api/v1/demands/{id}': () => ({
        version: 1,
        benefitText: 'Kortare handläggningstid',
        hoursFreed: 750,
      }),
      'POST /api/v1/demands/{id}/status': () => ({ version: 1, status: 'preparing' }),
      'POST /api/v1/demands/{id}/consultations': () => ({
        version: 1,
        party: 'procurement',
        who: 'Upphandlingscentret',
        on: '2026-03-01',
      }),
      'POST /api/v1/demands/{id}/decide': (ids) => ({
        version: 1,
        outcome: 'approved',
        decisionId: ids.decisions,
      }),
      'POST /api/v1/demands/{id}/agenda': (ids) => ({ meetingId: ids.meetings }),
      'PATCH /api/v1/portfolio/settings': () => ({
        version: 1,
        scoring: [
          { key: 'benefit', label: 'Nytta', weight: 60 },
          { key: 'urgency', label: 'Brådska', weight: 40 },
        ],
      }),
    },
    selfService: ['POST /api/v1/demands', 'PATCH /api/v1/demands/{id}'],
  },
};
