import type { Messages } from '../../platform/seam.ts';
import { en as contracts } from './contracts/en.ts';
import type { sv } from './sv.ts';
import { en as systems } from './systems/en.ts';

export const en: Messages<typeof sv> = {
  navGroup: 'System register',
  systems,
  contracts,
};
