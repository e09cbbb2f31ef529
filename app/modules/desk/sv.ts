import { sv as calendars } from './calendars/sv.ts';
import { sv as phone } from './phone/sv.ts';

// Swedish messages of the service desk, one subtree per part (t('desk.<part>.…')).
export const sv = {
  navGroup: 'Servicedesk',
  navGroupAdmin: 'Servicedesk: inställningar',
  calendars,
  phone,
};
