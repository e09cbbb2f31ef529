import { sv as calendars } from './calendars/sv.ts';
import { sv as groups } from './groups/sv.ts';
import { sv as inbox } from './inbox/sv.ts';
import { sv as knowledge } from './knowledge/sv.ts';
import { sv as metrics } from './metrics/sv.ts';
import { sv as phone } from './phone/sv.ts';
import { sv as portal } from './portal/sv.ts';
import { sv as routing } from './routing/sv.ts';
import { sv as services } from './services/sv.ts';
import { sv as suppliers } from './suppliers/sv.ts';
import { sv as tickets } from './tickets/sv.ts';
import { sv as time } from './tickets/time-sv.ts';
import { sv as work } from './tickets/work-sv.ts';

// Swedish messages of the service desk, one subtree per part (t('desk.<part>.…')).
export const sv = {
  navGroup: 'Servicedesk',
  navGroupAdmin: 'Servicedesk: inställningar',
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
