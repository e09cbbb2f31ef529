import type { Messages } from '../../platform/seam.ts';
import { en as processes } from './processes/en.ts';
import { en as records } from './records/en.ts';
import type { sv } from './sv.ts';
import { en as systems } from './systems/en.ts';

export const en: Messages<typeof sv> = {
  navGroup: 'System register',
  systems,
  processes,
  records,
};
