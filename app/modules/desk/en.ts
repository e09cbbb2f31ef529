import type { Messages } from '../../platform/seam.ts';
import type { sv } from './sv.ts';

export const en: Messages<typeof sv> = {
  navGroup: 'Service desk',
  navGroupAdmin: 'Service desk: settings',
};
