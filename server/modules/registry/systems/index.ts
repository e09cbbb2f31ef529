import type { Part } from '../part.ts';
import { registryPolicy } from '../policy.ts';
import { loadSystemsDemo } from './demo.ts';
import { systemQualityChecks } from './quality.ts';
import { systemRoutes } from './routes.ts';
import * as systems from './service.ts';

// Systems on the seam: their routes, the `system` scope kind (so roles are granted per system),
// systems in the global search, how the audit trail names them, and the walks' records.

export const systemsPart: Part = {
  name: 'systems',
  routes: systemRoutes,
  demo: loadSystemsDemo,
  quality: systemQualityChecks,
  scopeKinds: [
    {
      kind: 'system',
      describe: systems.systemRefs,
      async search(db, actor, term, limit) {
        const page = await systems.listSystems(db, actor, {
          search: term,
          limit,
          includeArchived: false,
        });
        return page.items.map((s) => ({ id: s.id, name: s.name, href: `/systems/${s.id}`, archived: false }));
      },
    },
  ],
  search: [
    {
      section: 'systems',
      async search(db, actor, term, limit) {
        const page = await systems.listSystems(db, actor, { search: term, limit, includeArchived: false });
        return page.items.map((s) => ({
          id: s.id,
          title: s.shortName ? `${s.name} (${s.shortName})` : s.name,
          detail: [s.product, s.productVersion].filter(Boolean).join(' ') || null,
          href: `/systems/${s.id}`,
        }));
      },
    },
  ],
  auditEntities: [
    {
      entity: 'system',
      describe: systems.systemRefs,
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant) {
      const system = await systems.createSystem(db, tenant.actor, {
        name: 'Hemligt system A',
        scope: 'business',
        owningUnitId: tenant.unitId,
        usingUnits: [{ unitId: tenant.unitId, users: 12 }],
      });
      return { ids: { systems: system.id }, secrets: [system.id, 'Hemligt system A'] };
    },
    bodies: {
      'POST /api/v1/systems': (ids) => ({
        name: 'Nytt system',
        shortName: 'NS',
        description: 'Beskrivning',
        scope: 'shared',
        category: 'Ekonomi',
        owningUnitId: ids.units,
        usingUnits: [{ unitId: ids.units, users: 3 }],
        phase: 'operation',
        inOperationFrom: '2020-01-01',
        operationForm: 'saas',
        criticality: 'high',
        timeAssessment: 'invest',
        timeMotivation: 'Motivering',
        product: 'Produkt',
        productVersion: '1.0',
        eService: true,
        ownDeveloped: false,
        links: [{ label: 'Start', url: 'https://example.se' }],
        tags: ['ekonomi'],
      }),
      'PATCH /api/v1/systems/{id}': () => ({ version: 1, name: 'Ändrat', criticality: 'low' }),
      'POST /api/v1/systems/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/systems/{id}/restore': () => ({ version: 1 }),
    },
  },
};
