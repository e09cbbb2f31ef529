import { IconCalendarTime } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';
import { validateCalendarsSearch } from './search.ts';

// Business calendars on the web app's seam: the list and a calendar's page in the desk's admin
// group, the audit trail's name for them, and the server's messages in Swedish and English.

export const calendarsPart: ClientPart = {
  name: 'calendars',
  serverMessages: {
    'The start must be before the end': 'desk.calendars.serverMessage.startBeforeEnd',
    'Opening intervals must not overlap': 'desk.calendars.serverMessage.overlap',
    'Must be a time HH:MM': 'desk.calendars.serverMessage.time',
    'Must be a time HH:MM (or 24:00)': 'desk.calendars.serverMessage.timeEnd',
    'Must be an IANA time zone, e.g. Europe/Stockholm': 'desk.calendars.serverMessage.timeZone',
    'Listed twice': 'desk.calendars.serverMessage.twice',
    'Two exceptions on one date': 'desk.calendars.serverMessage.twoExceptions',
    'Must be between 1970 and 2200': 'desk.calendars.serverMessage.dateRange',
    'The calendar is archived; restore it first': 'desk.calendars.serverMessage.archived',
    'The default calendar stays the default until another is made the default':
      'desk.calendars.serverMessage.defaultStays',
    'Make another calendar the default instead': 'desk.calendars.serverMessage.makeAnother',
    'The default calendar cannot be archived; make another the default first':
      'desk.calendars.serverMessage.archiveDefault',
    'The unit has another calendar': 'desk.calendars.serverMessage.unitTaken',
    'No such active unit': 'desk.calendars.serverMessage.noUnit',
    'The calendar is not open that long within 100 years': 'desk.calendars.serverMessage.notOpenEnough',
  },
  nav: [{ to: '/desk/calendars', label: 'desk.calendars.nav', icon: IconCalendarTime, group: 'deskAdmin' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/calendars',
      validateSearch: validateCalendarsSearch,
      component: lazyRouteComponent(() => import('./CalendarsPage.tsx'), 'CalendarsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/calendars/$calendarId',
      component: lazyRouteComponent(() => import('./CalendarPage.tsx'), 'CalendarPage'),
    }),
  ],
  audit: [{ entity: 'calendar', label: 'desk.calendars.auditEntity' }],
};
