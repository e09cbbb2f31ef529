import { IconPhone } from '@tabler/icons-react';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { ClientPart } from '../../../platform/module-parts.ts';

// The desk's phone on the web app's seam: its page in the desk's navigation group, and how the
// audit trail names its records.

export const phonePart: ClientPart = {
  name: 'phone',
  nav: [{ to: '/desk/phone', label: 'desk.phone.nav', icon: IconPhone, group: 'desk' }],
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/desk/phone',
      component: lazyRouteComponent(() => import('./PhonePage.tsx'), 'PhonePage'),
    }),
  ],
  audit: [
    { entity: 'callImport', label: 'desk.phone.auditImport' },
    { entity: 'phoneSettings', label: 'desk.phone.auditSettings' },
  ],
  serverMessages: {
    'Must be a number of seconds (45) or minutes and seconds (0:45)': 'desk.phone.server.wait',
    'A wait cannot be negative': 'desk.phone.server.negative',
    'A wait longer than a day is not a phone call': 'desk.phone.server.tooLong',
    'Must be a time YYYY-MM-DD HH:MM[:SS], with an offset or in Swedish time': 'desk.phone.server.time',
    'Must be a date YYYY-MM-DD': 'desk.phone.server.date',
    'Must be a time of day HH:MM[:SS]': 'desk.phone.server.clock',
    'No such date or time': 'desk.phone.server.noSuchTime',
    'The time is before the year 2000': 'desk.phone.server.tooEarly',
    'The time is in the future': 'desk.phone.server.future',
  },
};
