import type { Messages } from '../../platform/seam.ts';
import { en as integrations } from './integrations/en.ts';
import type { sv } from './sv.ts';
import { en as systems } from './systems/en.ts';

export const en: Messages<typeof sv> = {
  navGroup: 'System register',
  systems,
  integrations,
};
