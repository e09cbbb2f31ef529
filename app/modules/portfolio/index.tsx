import { type ClientPart, combineClientParts } from '../../platform/module-parts.ts';
import { en } from './en.ts';
import { projectsPart } from './projects/index.tsx';
import { sv } from './sv.ts';

// The portfolio on the web app's seam, combined from its parts (app/platform/module-parts.ts).

const portfolioPart: ClientPart = {
  name: 'portfolio',
  navGroups: [{ id: 'portfolio', label: 'portfolio.navGroup', order: 35 }],
};

export const portfolioModule = combineClientParts('portfolio', { sv, en }, [portfolioPart, projectsPart]);
