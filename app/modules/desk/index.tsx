import { type ClientPart, combineClientParts } from '../../platform/module-parts.ts';
import { calendarsPart } from './calendars/index.tsx';
import { en } from './en.ts';
import { groupsPart } from './groups/index.tsx';
import { inboxPart } from './inbox/index.tsx';
import { knowledgePart } from './knowledge/index.tsx';
import { metricsPart } from './metrics/index.tsx';
import { phonePart } from './phone/index.tsx';
import { portalPart } from './portal/index.tsx';
import { routingPart } from './routing/index.tsx';
import { orderPart, servicesPart } from './services/index.tsx';
import { suppliersPart } from './suppliers/index.tsx';
import { sv } from './sv.ts';
import { ticketsPart } from './tickets/index.tsx';
import { ticketWorkPart } from './tickets/work.tsx';

// The service desk on the web app's seam, combined from its parts (app/platform/module-parts.ts):
// one folder per part, each with its pages, its messages (./sv.ts, ./en.ts) and what it registers.

// The navigation groups are the desk's own; its parts put their pages in them.
const deskPart: ClientPart = {
  name: 'desk',
  navGroups: [
    { id: 'desk', label: 'desk.navGroup', order: 5 },
    { id: 'deskAdmin', label: 'desk.navGroupAdmin', order: 95, admin: true },
  ],
};

export const deskModule = combineClientParts('desk', { sv, en }, [
  deskPart,
  portalPart,
  orderPart,
  ticketsPart,
  inboxPart,
  knowledgePart,
  ticketWorkPart,
  phonePart,
  groupsPart,
  calendarsPart,
  routingPart,
  servicesPart,
  metricsPart,
  suppliersPart,
]);
