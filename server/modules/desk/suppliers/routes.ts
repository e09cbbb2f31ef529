import {
  supplierReport,
  supplierReportExportQuery,
  supplierReportQuery,
} from '../../../../shared/desk/suppliers.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { fileResponse, sendFile } from '../../../platform/transfer/http.ts';
import { metricsPolicy } from '../metrics/policy.ts';
import { exportSupplierReport } from './export.ts';
import * as service from './service.ts';

// HTTP for the follow-up of underpinning contracts: the report per supplier and contract, and its
// export. The contract's levels themselves are a service level of kind underpinning
// (/api/v1/desk/service-levels, with its contractId); a ticket's stays with suppliers are in the
// ticket's JSON (supplierClocks).

const tags = ['desk'];

const counting =
  'A ticket is with a supplier while a supplier group holds it, or while it waits for a supplier (the one it was last with, else the one whose contract covers its system). Each stay is measured against the levels of the supplier’s contract that covers the ticket’s system, else the supplier’s single contract with levels in force on the day of the hand-over (an underpinning service level names the contract); none: the stay is listed with contract null and not measured. Response: the supplier’s first action (a public reply, taking the ticket, pågår) or the ticket leaving them; resolution: the ticket leaving them (solved, or back to an own group). Business minutes on the level’s calendar, for the ticket’s priority, waits for the requester left out. The stays begun in the period count (whole days in Europe/Stockholm, from and to included; default: the 12 months ending this month). Compliance: of the stays with a target whose clock was settled (met, or past its due time), the share not breached.';

export function supplierRoutes(app: App, { db }: ModuleContext) {
  app.get(
    '/api/v1/desk/suppliers/report',
    {
      schema: {
        tags,
        summary:
          'Underpinning contracts followed up: per supplier and contract, the tickets against the contracted levels',
        description: counting,
        querystring: supplierReportQuery,
        response: { 200: supplierReport, ...errorResponses },
      },
      config: { authorize: metricsPolicy.readAll },
    },
    async (request) => service.supplierReport(db, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/desk/suppliers/report/export',
    {
      schema: {
        tags,
        summary: 'The supplier report as XLSX or CSV: a row per supplier and contract',
        description: counting,
        querystring: supplierReportExportQuery,
        response: { 200: fileResponse, ...errorResponses },
      },
      config: { authorize: metricsPolicy.readAll },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendFile(reply, await exportSupplierReport(db, principalOf(request), query, format));
    },
  );
}
