import { sv as decisions } from './decisions/sv.ts';
import { sv as documents } from './documents/sv.ts';
import { sv as forums } from './forums/sv.ts';
import { sv as goals } from './goals/sv.ts';
import { sv as meetings } from './meetings/sv.ts';
import { sv as plans } from './plans/sv.ts';
import { sv as surveys } from './surveys/sv.ts';

// Swedish messages of governance, one subtree per part (t('governance.<part>.…')).
export const sv = {
  navGroup: 'Styrning',
  forums,
  decisions,
  documents,
  goals,
  plans,
  surveys,
  meetings,
};
