import type { Module } from '../seam.ts';
import { shellRoutes } from './routes.ts';

// The frame of the web app on the seam: global search, start page, scope kinds for role grants.

export const shellModule: Module = {
  name: 'shell',
  routes: shellRoutes,
  walk: { seed: async () => ({ ids: {}, secrets: [] }), bodies: {}, params: { kind: 'unit' } },
};
