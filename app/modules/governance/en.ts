import type { Messages } from '../../platform/seam.ts';
import { en as decisions } from './decisions/en.ts';
import { en as documents } from './documents/en.ts';
import { en as forums } from './forums/en.ts';
import { en as goals } from './goals/en.ts';
import { en as meetings } from './meetings/en.ts';
import { en as plans } from './plans/en.ts';
import { en as surveys } from './surveys/en.ts';
import type { sv } from './sv.ts';

export const en: Messages<typeof sv> = {
  navGroup: 'Governance',
  forums,
  decisions,
  documents,
  goals,
  plans,
  surveys,
  meetings,
};
