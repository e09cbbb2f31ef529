import { type ClientPart, combineClientParts } from '../../platform/module-parts.ts';
import { benefitsPart } from './benefits/index.tsx';
import { demandsPart } from './demands/index.tsx';
import { en } from './en.ts';
import { procurementsPart } from './procurements/index.tsx';
import { projectsPart } from './projects/index.tsx';
import { summaryPart } from './summary/index.tsx';
import { sv } from './sv.ts';
import { viewsPart } from './views/index.tsx';

// The portfolio on the web app's seam, combined from its parts (app/platform/module-parts.ts):
// demands (ideas and needs, preparation, decision path), procurements, projects and their effect
// goals (benefit follow-up), each a folder with its pages and messages.

const portfolioPart: ClientPart = {
  name: 'portfolio',
  navGroups: [{ id: 'portfolio', label: 'portfolio.navGroup', order: 40 }],
};

export const portfolioModule = combineClientParts('portfolio', { sv, en }, [
  portfolioPart,
  summaryPart,
  demandsPart,
  procurementsPart,
  projectsPart,
  viewsPart,
  benefitsPart,
]);
