import { type ClientPart, combineClientParts } from '../../platform/module-parts.ts';
import { decisionsPart } from './decisions/index.tsx';
import { documentsPart } from './documents/index.tsx';
import { en } from './en.ts';
import { forumsPart } from './forums/index.tsx';
import { goalsPart } from './goals/index.tsx';
import { meetingsPart } from './meetings/index.tsx';
import { plansPart } from './plans/index.tsx';
import { surveysPart } from './surveys/index.tsx';
import { sv } from './sv.ts';

// Governance on the web app's seam, combined from its parts (app/platform/module-parts.ts): the
// forums, their meetings, the decision log, the governing documents, the IT strategy's goals with
// the yearly follow-up, the IT plans and the yearly self-assessment, each a folder with its pages
// and messages.

const governancePart: ClientPart = {
  name: 'governance',
  navGroups: [{ id: 'governance', label: 'governance.navGroup', order: 30 }],
};

export const governanceModule = combineClientParts('governance', { sv, en }, [
  governancePart,
  forumsPart,
  decisionsPart,
  documentsPart,
  meetingsPart,
  goalsPart,
  plansPart,
  surveysPart,
]);
