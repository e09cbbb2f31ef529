import { catalogueModule } from './modules/catalogue/index.tsx';
import { deskModule } from './modules/desk/index.tsx';
import { governanceModule } from './modules/governance/index.tsx';
import { portfolioModule } from './modules/portfolio/index.tsx';
import { registryModule } from './modules/registry/index.tsx';
import { platformParts } from './platform/parts.tsx';
import { buildSeam, type ClientModule } from './platform/seam.ts';

// The one list of web modules. A module is a folder app/modules/<name>/ whose index.tsx exports one
// `ClientModule` (app/platform/seam.ts): its navigation, pages, search sections, audit names and
// translations. The server has its own list in server/modules.ts.

export const modules: readonly ClientModule[] = [
  registryModule,
  deskModule,
  governanceModule,
  portfolioModule,
  catalogueModule,
];

/** The platform's parts and the modules above, checked once. */
export const clientSeam = buildSeam([...platformParts, ...modules]);
