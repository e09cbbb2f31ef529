import { sv as demands } from './demands/sv.ts';
import { sv as procurements } from './procurements/sv.ts';

// Swedish messages of the portfolio, one subtree per part (t('portfolio.<part>.…')).
export const sv = {
  navGroup: 'Portfölj',
  demands,
  procurements,
};
