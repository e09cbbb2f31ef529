import { IconCalendarEvent } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';

// The meetings: the list, a meeting's page (agenda, attendance, minutes, decisions, justering)
// and its minutes to print. A forum's meetings are also on the forum's page.

export const meetingsPart: ClientPart = {
  name: 'meetings',
  nav: [
    {
      to: '/governance/meetings',
      label: 'governance.meetings.nav',
      icon: IconCalendarEvent,
      group: 'governance',
    },
  ],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/meetings',
      component: lazyRouteComponent(() => import('./MeetingsPage.tsx'), 'MeetingsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/meetings/$meetingId',
      component: lazyRouteComponent(() => import('./MeetingPage.tsx'), 'MeetingPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/governance/meetings/$meetingId/minutes',
      component: lazyRouteComponent(() => import('./MinutesPage.tsx'), 'MinutesPage'),
    }),
  ],
  search: [{ section: 'meetings', label: 'governance.meetings.searchSection', icon: IconCalendarEvent }],
  startSections: [
    { section: 'meetingsToAdjust', label: 'governance.meetings.startToAdjust' },
    { section: 'upcomingMeetings', label: 'governance.meetings.startUpcoming' },
  ],
  serverMessages: {
    'The minutes of this meeting are justerade and locked; record a correction on the item instead':
      'governance.meetings.serverMessage.locked',
    'The meeting ends before it starts': 'governance.meetings.serverMessage.endsBeforeStart',
    'The justerare is another person than the chair': 'governance.meetings.serverMessage.adjusterIsChair',
    'You have already justerat these minutes': 'governance.meetings.serverMessage.alreadyAdjusted',
    'Name a justerare for the meeting first': 'governance.meetings.serverMessage.nameAdjuster',
    "Only the meeting's chair and its justerare justera the minutes":
      'governance.meetings.serverMessage.onlyChairAndAdjuster',
    'The minutes are not justerade yet; change the item itself':
      'governance.meetings.serverMessage.notLocked',
    'The meeting is archived; restore it first': 'governance.meetings.serverMessage.archived',
    'The meeting is of another forum than the decision': 'governance.meetings.serverMessage.otherForum',
    'A decision is recorded under this item; move the decision to another item first':
      'governance.meetings.serverMessage.itemDecided',
    'The calendar feed is already revoked': 'governance.meetings.serverMessage.feedRevoked',
  },
  audit: [
    { entity: 'meeting', label: 'governance.meetings.auditEntity' },
    { entity: 'calendarFeed', label: 'governance.meetings.calendarTitle' },
  ],
};
