import type { ModulePart } from '../../../platform/module-parts.ts';
import { deskPolicy } from '../policy.ts';
import { loadServicesDemo } from './demo.ts';
import { serviceRoutes } from './routes.ts';
import * as catalogue from './service.ts';

// Service levels and catalogue services on the seam: their routes (and the desk's published
// promises), both in the global search (services for everyone, levels for staff), how the audit
// trail names them, the demo's levels and catalogue, and the walks' records.

export const servicesPart: ModulePart = {
  name: 'services',
  routes: serviceRoutes,
  demo: loadServicesDemo,
  search: [
    {
      section: 'catalogueServices',
      async search(db, actor, term, limit) {
        const page = await catalogue.listServices(db, actor, {
          search: term,
          limit,
          includeArchived: false,
          orderable: undefined,
        });
        return page.items.map((s) => ({
          id: s.id,
          title: s.name,
          detail: s.groupName,
          // Employees order in the portal; staff open the service's page.
          href: deskPolicy.readServiceLevels(actor) ? `/desk/services/${s.id}` : `/portal/order/${s.id}`,
        }));
      },
    },
    {
      section: 'serviceLevels',
      async search(db, actor, term, limit) {
        if (!deskPolicy.readServiceLevels(actor)) return [];
        const page = await catalogue.listLevels(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((l) => ({
          id: l.id,
          title: l.name,
          detail: l.contractTitle ?? l.calendarName,
          href: `/desk/service-levels/${l.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    { entity: 'serviceLevel', describe: catalogue.levelRefs },
    { entity: 'catalogueService', describe: catalogue.serviceRefs },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const level = await catalogue.createLevel(db, tenant.actor, {
        name: 'Hemlig servicenivå',
        kind: 'service',
        calendarId: made.calendars ?? null,
        targets: {
          '1': { response: 60, resolution: 240 },
          '2': { response: 120, resolution: 540 },
          '3': { response: 240, resolution: 1620 },
          '4': { response: 540, resolution: null },
        },
      });
      const service = await catalogue.createService(db, tenant.actor, {
        name: 'Hemlig tjänst',
        description: 'Hemlig tjänstebeskrivning',
        groupId: made.groups ?? null,
        serviceLevelId: level.id,
        orderable: true,
        orderForm: [{ key: 'hemligt-falt', label: 'Hemligt fält', type: 'text', required: false }],
      });
      return {
        ids: { 'service-levels': level.id, 'catalogue-services': service.id },
        secrets: [level.id, service.id, 'Hemlig servicenivå', 'Hemlig tjänst', 'Hemligt fält'],
      };
    },
    bodies: {
      'POST /api/v1/service-levels': (ids) => ({
        name: 'Verksamhetskritiskt',
        kind: 'service',
        calendarId: ids.calendars ?? null,
        clockStart: 'assignment',
        warningPercent: 75,
        targets: {
          '1': { response: 30, resolution: 120 },
          '2': { response: 60, resolution: 360 },
          '3': { response: 120, resolution: 1080 },
          '4': { response: 240, resolution: 2160 },
        },
        escalation: { notifyLead: 'warning', raisePriority: true, reassignGroupId: null },
        isDefault: false,
      }),
      'PATCH /api/v1/service-levels/{id}': () => ({ version: 1, description: 'Kortare tider' }),
      'POST /api/v1/service-levels/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/service-levels/{id}/restore': () => ({ version: 1 }),
      'POST /api/v1/catalogue-services': (ids) => ({
        name: 'Mobiltelefon',
        description: 'Telefon med abonnemang',
        groupId: ids.groups ?? null,
        serviceLevelId: ids['service-levels'] ?? null,
        orderable: true,
        orderForm: [
          { key: 'modell', label: 'Modell', type: 'select', required: true, options: ['iPhone', 'Android'] },
          { key: 'anvandare', label: 'Användare', type: 'person', required: true },
        ],
      }),
      'PATCH /api/v1/catalogue-services/{id}': () => ({ version: 1, description: 'Ny beskrivning' }),
      'POST /api/v1/catalogue-services/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/catalogue-services/{id}/restore': () => ({ version: 1 }),
    },
  },
};
