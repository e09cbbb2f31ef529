import { combineParts, type ModulePart } from '../../platform/module-parts.ts';
import { decisionsPart } from './decisions/index.ts';
import { documentsPart } from './documents/index.ts';
import { forumsPart } from './forums/index.ts';
import { goalsPart } from './goals/index.ts';
import { meetingsPart } from './meetings/index.ts';
import { plansPart } from './plans/index.ts';
import { surveysPart } from './surveys/index.ts';

// Governance: the forums that decide about IT, their meetings with agenda, minutes and justering,
// their decisions with § and diarienummer, the governing documents with their review cycle, the IT
// strategy's goals with their indicators, the IT plan and the yearly self-assessment (surveys). One
// Module on the seam, combined from its parts (server/platform/module-parts.ts); each part is a
// folder with its own schema, service, routes and tests.

const parts: ModulePart[] = [
  forumsPart,
  decisionsPart,
  documentsPart,
  meetingsPart,
  goalsPart,
  plansPart,
  surveysPart,
];

export const governanceModule = combineParts('governance', parts);
