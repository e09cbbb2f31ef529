import {
  type KnowledgeKind,
  type KnowledgeSort,
  type KnowledgeState,
  knowledgeKinds,
  knowledgeSorts,
  knowledgeStates,
} from '../../../../shared/desk/knowledge.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface KnowledgeSearch {
  q?: string;
  systemId?: string;
  /** The chosen system's name, so the picker shows it after a reload without asking again. */
  systemName?: string;
  kind?: KnowledgeKind;
  state?: KnowledgeState;
  sort?: KnowledgeSort;
  order?: 'asc' | 'desc';
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const oneOf = <T>(values: readonly T[], v: unknown): T | undefined =>
  values.includes(v as T) ? (v as T) : undefined;

export function validateKnowledgeSearch(search: Record<string, unknown>): KnowledgeSearch {
  const systemId =
    typeof search.systemId === 'string' && UUID.test(search.systemId) ? search.systemId : undefined;
  return {
    q: typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 100) : undefined,
    systemId,
    systemName:
      systemId && typeof search.systemName === 'string' ? search.systemName.slice(0, 200) : undefined,
    kind: oneOf(knowledgeKinds, search.kind),
    state: oneOf(knowledgeStates, search.state),
    sort: oneOf(knowledgeSorts, search.sort),
    order: oneOf(['asc', 'desc'] as const, search.order),
  };
}
