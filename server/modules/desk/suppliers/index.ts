import type { ModulePart } from '../../../platform/module-parts.ts';
import { supplierRoutes } from './routes.ts';

// Underpinning contracts followed up on the desk's seam: the report's routes and the walks' records.
// Its table is written in the transactions of the tickets' changes and imports (../tickets), so it
// has no audit entity of its own: the ticket's audit events and timeline carry the changes, and the
// link of a contract to its levels is the underpinning service level (../services), audited there.

export const suppliersPart: ModulePart = {
  name: 'suppliers',
  routes: supplierRoutes,
  walk: {
    async seed() {
      return { ids: {}, secrets: [] };
    },
    bodies: {},
  },
};
