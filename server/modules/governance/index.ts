import { combineParts, type ModulePart } from '../../platform/module-parts.ts';
import { decisionsPart } from './decisions/index.ts';
import { documentsPart } from './documents/index.ts';
import { forumsPart } from './forums/index.ts';
import { meetingsPart } from './meetings/index.ts';

// Governance: the forums that decide about IT, their decisions with § and diarienummer, the
// governing documents with their review cycle, the forums' meetings with agenda, minutes and
// justering, and (to come) the IT plan. One Module
// on the seam, combined from its parts (server/platform/module-parts.ts); each part is a folder
// with its own schema, service, routes and tests.

const parts: ModulePart[] = [forumsPart, decisionsPart, documentsPart, meetingsPart];

export const governanceModule = combineParts('governance', parts);
