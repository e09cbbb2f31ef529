import type { Part } from '../part.ts';
import { registryPolicy } from '../policy.ts';
import { loadServicesDemo } from './demo.ts';
import { serviceRoutes } from './routes.ts';
import * as services from './service.ts';

// Services and APIs on the seam: routes, the global search, how the audit trail names them, demo
// data and the walks' records.

export const servicesPart: Part = {
  name: 'services',
  routes: serviceRoutes,
  demo: loadServicesDemo,
  search: [
    {
      section: 'services',
      async search(db, actor, term, limit) {
        const page = await services.listServices(db, actor, { search: term, limit, includeArchived: false });
        // The detail never carries K/R/T: search is read by everyone.
        return page.items.map((s) => ({
          id: s.id,
          title: s.name,
          detail: [s.kind === 'api' ? 'API' : null, s.apiVersion].filter(Boolean).join(' ') || null,
          href: `/services/${s.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'service',
      describe: services.serviceRefs,
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const row = await services.createService(db, tenant.actor, {
        kind: 'api',
        name: 'Hemligt API A',
        description: 'Hemlig beskrivning A',
        owningUnitId: tenant.unitId,
        confidentiality: 3,
        integrity: 2,
        availability: 1,
      });
      if (made.systems)
        await services.setServiceSystems(db, tenant.actor, row.id, {
          version: row.version,
          provides: [made.systems],
          consumes: [],
        });
      return { ids: { services: row.id }, secrets: [row.id, 'Hemligt API A', 'Hemlig beskrivning A'] };
    },
    bodies: {
      'POST /api/v1/services': (ids) => ({
        kind: 'service',
        name: 'Ny tjänst',
        description: 'Beskrivning',
        owningUnitId: ids.units,
        hosting: 'saas',
        confidentiality: 2,
        integrity: 2,
        availability: 3,
        documentationUrl: 'https://example.se/doc',
        apiVersion: 'v1',
        phase: 'operation',
      }),
      'PATCH /api/v1/services/{id}': () => ({ version: 1, name: 'Ändrad tjänst', integrity: 3 }),
      'PUT /api/v1/services/{id}/systems': (ids) => ({
        version: 2,
        provides: [],
        consumes: ids.systems ? [ids.systems] : [],
      }),
      'POST /api/v1/services/{id}/archive': () => ({ version: 2, reason: 'Test' }),
      'POST /api/v1/services/{id}/restore': () => ({ version: 2 }),
    },
  },
};
