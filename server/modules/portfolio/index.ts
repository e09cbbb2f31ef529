import { combineParts, type ModulePart } from '../../platform/module-parts.ts';
import { benefitsPart } from './benefits/index.ts';
import { demandsPart } from './demands/index.ts';
import { procurementsPart } from './procurements/index.ts';
import { projectsPart } from './projects/index.ts';
import { summaryPart } from './summary/index.ts';
import { viewsPart } from './views/index.ts';

// Portfolio: from need to benefit (issue 15). Demands (ideas and needs, their preparation, scoring
// and decision routing), procurements, projects and their effect goals (benefit follow-up), each
// a part in its own folder, combined into the one Module on the seam (server/platform/module-parts.ts).

const parts: ModulePart[] = [
  demandsPart,
  procurementsPart,
  projectsPart,
  benefitsPart,
  summaryPart,
  viewsPart,
];

export const portfolioModule = combineParts('portfolio', parts);
