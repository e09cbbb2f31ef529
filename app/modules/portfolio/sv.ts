import { sv as projects } from './projects/sv.ts';

// Swedish messages of the portfolio, one subtree per part (t('portfolio.<part>.…')).
export const sv = {
  navGroup: 'Portfölj',
  projects,
};
