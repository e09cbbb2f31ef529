import {
  bubbleQuery,
  bubbles as bubblesSchema,
  loadQuery,
  load as loadSchema,
  portfolioReport,
  reportQuery,
  timelineQuery,
  timeline as timelineSchema,
} from '../../../../shared/portfolio/views.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { portfolioPolicy } from '../policy.ts';
import * as views from './service.ts';

// HTTP for the portfolio's views: the timeline, the bubble chart, the load on key roles and the
// report for the IT-styrgrupp. Staff read them, as they read the records they show.

export function viewRoutes(app: App, { db }: ModuleContext) {
  const tags = ['portfolio'];
  const config = { authorize: portfolioPolicy.read };

  app.get(
    '/api/v1/portfolio/timeline',
    {
      schema: {
        tags,
        summary:
          'Projects (dates, phase, milestones, latest status) and procurements (dates, status) over a period, by unit, phase and status',
        querystring: timelineQuery,
        response: { 200: timelineSchema, ...errorResponses },
      },
      config,
    },
    async (request) => views.timeline(db, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/portfolio/bubbles',
    {
      schema: {
        tags,
        summary: 'Demands by benefit (yearly savings), cost (investment) and risk, highest ranked first',
        querystring: bubbleQuery,
        response: { 200: bubblesSchema, ...errorResponses },
      },
      config,
    },
    async (request) => views.bubbles(db, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/portfolio/load',
    {
      schema: {
        tags,
        summary:
          'Load on key roles (project managers, procurement leads) per month: projects, procurements and effort points against a capacity',
        querystring: loadQuery,
        response: { 200: loadSchema, ...errorResponses },
      },
      config,
    },
    async (request) => views.load(db, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/portfolio/report',
    {
      schema: {
        tags,
        summary:
          'The portfolio report for the IT-styrgrupp: ranked backlog top N, projects with their latest status, deviations, procurements starting soon',
        querystring: reportQuery,
        response: { 200: portfolioReport, ...errorResponses },
      },
      config,
    },
    async (request) => views.report(db, principalOf(request), request.query),
  );
}
