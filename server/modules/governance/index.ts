import { combineParts, type ModulePart } from '../../platform/module-parts.ts';
import { decisionsPart } from './decisions/index.ts';
import { forumsPart } from './forums/index.ts';

// Governance: the forums that decide about IT, their decisions with § and diarienummer, and (to
// come) meetings, governing documents and the IT plan. One Module on the seam, combined from its
// parts (server/platform/module-parts.ts); each part is a folder with its own schema, service,
// routes and tests.

const parts: ModulePart[] = [forumsPart, decisionsPart];

export const governanceModule = combineParts('governance', parts);
