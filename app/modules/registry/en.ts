import type { Messages } from '../../platform/seam.ts';
import { en as management } from './management/en.ts';
import { en as privacy } from './privacy/en.ts';
import type { sv } from './sv.ts';
import { en as systems } from './systems/en.ts';

export const en: Messages<typeof sv> = {
  navGroup: 'System register',
  systems,
  privacy,
  management,
};
