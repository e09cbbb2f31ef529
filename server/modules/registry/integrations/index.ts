import type { Part } from '../part.ts';
import { registryPolicy } from '../policy.ts';
import { createSystem } from '../systems/service.ts';
import { loadIntegrationsDemo } from './demo.ts';
import { integrationQualityChecks } from './quality.ts';
import { integrationRoutes } from './routes.ts';
import * as service from './service.ts';

// Integrations on the seam: their routes (with the impact analysis and the system map), how the
// audit trail names them, the demo's flows and the walks' records.

export const integrationsPart: Part = {
  name: 'integrations',
  quality: integrationQualityChecks,
  routes: integrationRoutes,
  derivedCaches: [service.impactCache],
  demo: loadIntegrationsDemo,
  auditEntities: [
    {
      entity: 'integration',
      describe: service.integrationRefs,
      canReadHistory: (actor) => registryPolicy.readHistory(actor),
    },
  ],
  walk: {
    async seed(db, tenant, _seam, made) {
      const receiver = await createSystem(db, tenant.actor, {
        name: 'Hemlig mottagare A',
        scope: 'business',
      });
      const row = await service.createIntegration(db, tenant.actor, {
        fromSystemId: made.systems!,
        toSystemId: receiver.id,
        information: 'Hemligt flöde A',
        technique: 'api',
      });
      return {
        // The receiver is also the other end of the walks' new integration.
        ids: { integrations: row.id, integrationReceiver: receiver.id },
        secrets: [row.id, receiver.id, 'Hemlig mottagare A', 'Hemligt flöde A'],
      };
    },
    bodies: {
      'POST /api/v1/integrations': (ids) => ({
        fromSystemId: ids.systems,
        toSystemId: ids.integrationReceiver,
        information: 'Nytt flöde',
        technique: 'file',
        direction: 'oneWay',
        frequency: 'daily',
        ownerId: null,
        personalData: true,
        critical: false,
        description: 'Beskrivning',
      }),
      'PATCH /api/v1/integrations/{id}': () => ({ version: 1, information: 'Ändrat flöde', critical: true }),
      'POST /api/v1/integrations/{id}/archive': () => ({ version: 1, reason: 'Test' }),
      'POST /api/v1/integrations/{id}/restore': () => ({ version: 1 }),
    },
  },
};
