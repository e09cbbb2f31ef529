import { en as demands } from './demands/en.ts';
import type { sv } from './sv.ts';

// English messages of the portfolio, the same keys as sv.ts.
export const en: typeof sv = { navGroup: 'Portfolio', demands };
