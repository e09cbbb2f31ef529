import { sv as benefits } from './benefits/sv.ts';
import { sv as demands } from './demands/sv.ts';
import { sv as procurements } from './procurements/sv.ts';
import { sv as projects } from './projects/sv.ts';
import { sv as summary } from './summary/sv.ts';
import { sv as views } from './views/sv.ts';

// Swedish messages of the portfolio, one subtree per part (t('portfolio.<part>.…')).
export const sv = {
  navGroup: 'Portfölj',
  benefits,
  demands,
  procurements,
  projects,
  summary,
  views,
};
