import {
  simulationRequest,
  simulationResult,
  volume,
  volumeListQuery,
  volumeSet,
} from '../../../../shared/catalogue/simulation.ts';
import { page } from '../../../../shared/records.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { cataloguePolicy } from '../policy.ts';
import { presentVolume } from './present.ts';
import { getVolume, listVolumes, runSimulation, setVolume } from './service.ts';

// HTTP for planned volumes (/api/v1/catalogue/volumes: list, and set one by year, offering and
// unit) and the price simulation (POST /api/v1/catalogue/simulations: computes, writes nothing).

export function simulationRoutes(app: App, { db }: ModuleContext) {
  const tags = ['catalogue'];

  app.get(
    '/api/v1/catalogue/volumes',
    {
      schema: {
        tags,
        summary: 'Planned volumes per unit, offering and year (what the simulation counts)',
        querystring: volumeListQuery,
        response: { 200: page(volume), ...errorResponses },
      },
      config: { authorize: cataloguePolicy.read },
    },
    async (request) => {
      const actor = principalOf(request);
      const result = await listVolumes(db, actor, request.query);
      return { items: result.items.map((v) => presentVolume(v, actor)), nextCursor: result.nextCursor };
    },
  );

  app.post(
    '/api/v1/catalogue/volumes',
    {
      schema: {
        tags,
        summary:
          "Plan a unit's volume of an offering for a year (without version when new, with the version read when changed)",
        body: volumeSet,
        response: { 200: volume, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.manage },
    },
    async (request) => {
      const actor = principalOf(request);
      const row = await setVolume(db, actor, request.body);
      return presentVolume(await getVolume(db, actor, row.id), actor);
    },
  );

  app.post(
    '/api/v1/catalogue/simulations',
    {
      schema: {
        tags,
        summary:
          "Simulate next year's prices and volumes: every unit's cost next year against this year (nothing is written)",
        body: simulationRequest,
        response: { 200: simulationResult, ...errorResponses },
      },
      config: { authorize: cataloguePolicy.simulate },
    },
    async (request) => runSimulation(db, principalOf(request), request.body),
  );
}
