import type { Messages } from '../../platform/seam.ts';
import { en as calendars } from './calendars/en.ts';
import { en as groups } from './groups/en.ts';
import { en as metrics } from './metrics/en.ts';
import { en as phone } from './phone/en.ts';
import { en as portal } from './portal/en.ts';
import { en as routing } from './routing/en.ts';
import type { sv } from './sv.ts';
import { en as tickets } from './tickets/en.ts';

export const en: Messages<typeof sv> = {
  navGroup: 'Service desk',
  navGroupAdmin: 'Service desk: settings',
  portal,
  tickets,
  groups,
  calendars,
  phone,
  routing,
  metrics,
};
