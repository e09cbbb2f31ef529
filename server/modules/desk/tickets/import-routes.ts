import { ticketImport, ticketImportResult } from '../../../../shared/desk/import.ts';
import { principalOf } from '../../../platform/auth/plugin.ts';
import { type App, errorResponses } from '../../../platform/http.ts';
import type { ModuleContext } from '../../../platform/seam.ts';
import { deskPolicy } from '../policy.ts';
import { importTickets } from './import.ts';

// HTTP for importing historical tickets with their status histories (./import.ts): JSON, up to
// 500 tickets a call (within the platform's body limit), one transaction each.

export function ticketImportRoutes(app: App, { db }: ModuleContext) {
  app.post(
    '/api/v1/tickets/import',
    {
      schema: {
        tags: ['desk'],
        summary:
          'Import historical tickets with their status histories; clocks and compliance are computed from each history',
        body: ticketImport,
        response: { 200: ticketImportResult, ...errorResponses },
      },
      config: { authorize: deskPolicy.configure },
    },
    async (request) => importTickets(db, principalOf(request), request.body),
  );
}
