import type { ModulePart } from '../../../platform/module-parts.ts';
import { viewRoutes } from './routes.ts';

// The portfolio's views on the seam: read-only routes over the other parts' tables (timeline,
// bubble chart, load on key roles, the report for the IT-styrgrupp). They take no path parameter
// and no body, so the walks need no fixture of their own: tenant B's walk reads them and must not
// see the secrets the projects' and demands' walk seeds.

export const viewsPart: ModulePart = {
  name: 'views',
  routes: viewRoutes,
};
