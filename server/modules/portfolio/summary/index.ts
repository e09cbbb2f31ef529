import type { ModulePart } from '../../../platform/module-parts.ts';
import { summaryRoutes } from './routes.ts';

// The portfolio summary on the seam: one read-only route over the other parts' tables.

export const summaryPart: ModulePart = {
  name: 'summary',
  routes: summaryRoutes,
};
