import { combineParts, type ModulePart } from '../../platform/module-parts.ts';
import { decisionsPart } from './decisions/index.ts';
import { documentsPart } from './documents/index.ts';
import { forumsPart } from './forums/index.ts';
import { goalsPart } from './goals/index.ts';
import { plansPart } from './plans/index.ts';
import { surveysPart } from './surveys/index.ts';

// Governance: the forums that decide about IT, their decisions with § and diarienummer, the
// governing documents with their review cycle, the IT strategy's goals with their indicators, the
// IT plan, the yearly self-assessment (surveys), and (to come) meetings. One Module on the seam, combined from its parts
// (server/platform/module-parts.ts); each part is a folder with its own schema, service, routes
// and tests.

const parts: ModulePart[] = [forumsPart, decisionsPart, documentsPart, goalsPart, plansPart, surveysPart];

export const governanceModule = combineParts('governance', parts);
