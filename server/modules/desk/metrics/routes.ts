import {
  metrics,
  metricsAccess,
  metricsExportQuery,
  metricsQuery,
  unitReport,
  unitReportQuery,
} from '../../../../shared/desk/metrics.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses, idParams } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { deskPolicy } from '../policy.ts';
import { exportMetrics } from './export.ts';
import { metricsPolicy } from './policy.ts';
import * as service from './service.ts';

// HTTP for the desk's metrics: parse, authorize, call the service, shape the answer. The gate is
// "reads some figures" (metricsPolicy.read); the service narrows a unit reader to their units and
// refuses a unit outside them.

const tags = ['desk'];

const counting =
  'Whole days in Europe/Stockholm, from and to included (default: the 12 months ending this month). created: made in the period; solved: last solution in the period; open: the backlog at its end (a ticket that stood solved then and was reopened later is not counted). Response compliance: of the tickets made in the period with a response target whose response was settled (answered, solved or breached), the share not breached; resolution compliance: of the tickets solved in the period with a resolution target, the share not breached. First contact: solved without leaving the first line, of the solved. Reopened, satisfaction (mean rating 1–5) and resolution time (business minutes, waiting left out): of the solved. A reader with IT-kundansvarig or IT-samordnare for units sees the tickets of those units and their sub-units only.';

export function metricsRoutes(app: App, { db }: ModuleContext) {
  app.get(
    '/api/v1/desk/metrics/access',
    {
      schema: {
        tags,
        summary: 'Whether the caller reads the desk’s metrics, of every ticket or of which units',
        response: { 200: metricsAccess, ...errorResponses },
      },
      config: { authorize: deskPolicy.request },
    },
    async (request) => service.metricsAccess(db, principalOf(request)),
  );

  app.get(
    '/api/v1/desk/metrics',
    {
      schema: {
        tags,
        summary:
          'The desk’s figures of a period per unit, service, system, group, supplier, priority or category',
        description: `${counting} by=unit: the rows are the unitId filter's own tickets and its sub-units, else the reader's units, else the top-level units, each with its sub-units. The series is per week for up to 92 days, else per month. The phone figures are the desk's (all queues) in the period.`,
        querystring: metricsQuery,
        response: { 200: metrics, ...errorResponses },
      },
      config: { authorize: metricsPolicy.read },
    },
    async (request) => service.metricsReport(db, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/desk/metrics/export',
    {
      schema: {
        tags,
        summary: 'The metrics table as CSV or XLSX: a row per row of the dimension and the total',
        description: counting,
        querystring: metricsExportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: metricsPolicy.read },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendFile(reply, await exportMetrics(db, principalOf(request), query, format));
    },
  );

  app.get(
    '/api/v1/desk/metrics/units/:id/report',
    {
      schema: {
        tags,
        summary: 'The report of a unit (a förvaltning) and its sub-units for a period',
        description: `${counting} Volumes by sub-unit, category and system; compliance per priority beside the default service level's targets (minutes); first contact against the desk's promise; the phone; the same period a year before; the tickets made in the period with a breached clock (priority first, newest first, \`limit\` of them, and how many in all).`,
        params: idParams,
        querystring: unitReportQuery,
        response: { 200: unitReport, ...errorResponses },
      },
      config: { authorize: metricsPolicy.read },
    },
    async (request) => service.unitReport(db, principalOf(request), request.params.id, request.query),
  );
}
