import type { Messages } from '../../platform/seam.ts';
import { en as benefits } from './benefits/en.ts';
import { en as demands } from './demands/en.ts';
import { en as procurements } from './procurements/en.ts';
import { en as projects } from './projects/en.ts';
import { en as summary } from './summary/en.ts';
import type { sv } from './sv.ts';
import { en as views } from './views/en.ts';

// English messages of the portfolio, one subtree per part (t('portfolio.<part>.…')).
export const en: Messages<typeof sv> = {
  navGroup: 'Portfolio',
  benefits,
  demands,
  procurements,
  projects,
  summary,
  views,
};
