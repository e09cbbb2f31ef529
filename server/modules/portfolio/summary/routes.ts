import { summaryQuery, portfolioSummary as summarySchema } from '../../../../shared/portfolio/summary.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { portfolioPolicy } from '../policy.ts';
import { portfolioSummary } from './service.ts';

// HTTP for the portfolio summary: staff read it, as they read the records it counts.

export function summaryRoutes(app: App, { db }: ModuleContext) {
  app.get(
    '/api/v1/portfolio/summary',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'The portfolio at a glance: demands by status and what the approved promise, projects by phase and latest status with the year’s budget, procurements by status',
        querystring: summaryQuery,
        response: { 200: summarySchema, ...errorResponses },
      },
      config: { authorize: portfolioPolicy.read },
    },
    async (request) => portfolioSummary(db, principalOf(request), request.query),
  );
}
