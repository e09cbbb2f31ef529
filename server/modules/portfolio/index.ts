import { combineParts, type ModulePart } from '../../platform/module-parts.ts';
import { procurementsPart } from './procurements/index.ts';

// The portfolio: from need to benefit (issue 15). One Module on the seam, combined from its parts
// (server/platform/module-parts.ts); each part is a folder with its own schema, service, routes and
// tests.

const parts: ModulePart[] = [procurementsPart];

export const portfolioModule = combineParts('portfolio', parts);
