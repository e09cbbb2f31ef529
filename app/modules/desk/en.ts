import type { Messages } from '../../platform/seam.ts';
import { en as calendars } from './calendars/en.ts';
import { en as phone } from './phone/en.ts';
import type { sv } from './sv.ts';

export const en: Messages<typeof sv> = {
  navGroup: 'Service desk',
  navGroupAdmin: 'Service desk: settings',
  calendars,
  phone,
};
