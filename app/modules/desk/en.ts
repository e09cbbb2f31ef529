import type { Messages } from '../../platform/seam.ts';
import { en as calendars } from './calendars/en.ts';
import { en as groups } from './groups/en.ts';
import { en as inbox } from './inbox/en.ts';
import { en as knowledge } from './knowledge/en.ts';
import { en as metrics } from './metrics/en.ts';
import { en as phone } from './phone/en.ts';
import { en as portal } from './portal/en.ts';
import { en as routing } from './routing/en.ts';
import { en as services } from './services/en.ts';
import { en as suppliers } from './suppliers/en.ts';
import type { sv } from './sv.ts';
import { en as tickets } from './tickets/en.ts';
import { en as time } from './tickets/time-en.ts';
import { en as work } from './tickets/work-en.ts';

export const en: Messages<typeof sv> = {
  navGroup: 'Service desk',
  navGroupAdmin: 'Service desk: settings',
  portal,
  tickets,
  knowledge,
  inbox,
  work,
  time,
  groups,
  calendars,
  phone,
  routing,
  services,
  metrics,
  suppliers,
};
