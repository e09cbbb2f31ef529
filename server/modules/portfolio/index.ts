import { combineParts, type ModulePart } from '../../platform/module-parts.ts';
import { projectsPart } from './projects/index.ts';

// The portfolio: needs and ideas, preparation, decision, projects, effect goals and benefit
// follow-up. One Module on the seam, combined from its parts (server/platform/module-parts.ts).

const parts: ModulePart[] = [projectsPart];

export const portfolioModule = combineParts('portfolio', parts);
