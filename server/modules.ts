import { catalogueModule } from './modules/catalogue/index.ts';
import { deskModule } from './modules/desk/index.ts';
import { governanceModule } from './modules/governance/index.ts';
import { portfolioModule } from './modules/portfolio/index.ts';
import { registryModule } from './modules/registry/index.ts';
import { platformParts } from './platform/parts.ts';
import { type Module, Seam } from './platform/seam.ts';

// The one list of server modules. A module is a folder in server/modules/<name>/ whose index.ts
// exports one `Module` (server/platform/seam.ts); adding it here plugs in its routes, scope kinds,
// search, audit names, start-page items, jobs, demo data and walk fixtures. The web app has its
// own list in app/modules.ts.

export const modules: readonly Module[] = [
  registryModule,
  deskModule,
  governanceModule,
  portfolioModule,
  catalogueModule,
];

/** The platform's parts and `list` (the modules above unless a test gives its own), checked once. */
export function productSeam(list: readonly Module[] = modules): Seam {
  return new Seam([...platformParts, ...list]);
}
