import type { Messages } from '../../platform/seam.ts';
import { en as projects } from './projects/en.ts';
import type { sv } from './sv.ts';

// English messages of the portfolio.
export const en: Messages<typeof sv> = {
  navGroup: 'Portfolio',
  projects,
};
