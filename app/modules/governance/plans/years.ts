import type { Plan } from '../../../../shared/governance/plans.ts';

// Shared by this part's pages, apart from them so that each page stays its own lazily loaded chunk.

export const planYears = (p: Pick<Plan, 'year' | 'endYear'>) =>
  p.endYear && p.endYear !== p.year ? `${p.year}–${p.endYear}` : String(p.year);
