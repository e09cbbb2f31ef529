import { type ProjectPhase, projectPhases } from '../../../../shared/portfolio/projects.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface ProjectsSearch {
  q?: string;
  phase?: ProjectPhase;
  overdue?: boolean;
  archived?: boolean;
}

export const flag = (v: unknown) => (v === true || v === 'true' ? true : undefined);

export function validateProjectsSearch(search: Record<string, unknown>): ProjectsSearch {
  return {
    q: typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 100) : undefined,
    phase: projectPhases.includes(search.phase as ProjectPhase) ? (search.phase as ProjectPhase) : undefined,
    overdue: flag(search.overdue),
    archived: flag(search.archived),
  };
}
