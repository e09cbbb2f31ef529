import { combineParts, type ModulePart } from '../../platform/module-parts.ts';
import { calendarsPart } from './calendars/index.ts';
import { filtersPart } from './filters/index.ts';
import { groupsPart } from './groups/index.ts';
import { knowledgePart } from './knowledge/index.ts';
import { mailPart } from './mail/index.ts';
import { metricsPart } from './metrics/index.ts';
import { phonePart } from './phone/index.ts';
import { routingPart } from './routing/index.ts';
import { servicesPart } from './services/index.ts';
import { suppliersPart } from './suppliers/index.ts';
import { ticketsPart } from './tickets/index.ts';
import { ticketWorkPart } from './tickets/work.ts';
import { timePart } from './time/index.ts';

// The service desk (desk): tickets of the four ITIL types, groups and routing, service levels
// measured on business calendars, the email channel, the self-service portal, knowledge and
// metrics. One Module on the seam, combined from its parts (server/platform/module-parts.ts), one
// folder each, in the order their records depend on each other: a part's walk seed and demo data
// see what the parts before it made.

const parts: ModulePart[] = [
  calendarsPart,
  groupsPart,
  routingPart,
  servicesPart,
  ticketsPart,
  ticketWorkPart,
  timePart,
  mailPart,
  filtersPart,
  knowledgePart,
  phonePart,
  metricsPart,
  suppliersPart,
];

export const deskModule = combineParts('desk', parts);
