import {
  type LifecyclePhase,
  lifecyclePhases,
  type OperationForm,
  operationForms,
  type SystemRoleKind,
  type SystemScope,
  type SystemSort,
  systemRoleKinds,
  systemScopes,
  systemSorts,
  type TimeAssessment,
  timeAssessments,
} from '../../../../shared/registry/systems.ts';

// The URL search of this part's pages, read when a route matches: here, apart from the pages, so
// that index.tsx can declare the routes without importing the (lazily loaded) page modules.

export interface ResponsibilitiesSearch {
  personId?: string;
  unitId?: string;
  kind?: SystemRoleKind;
  gaps?: boolean;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uuid = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : undefined);

export function validateResponsibilitiesSearch(search: Record<string, unknown>): ResponsibilitiesSearch {
  return {
    personId: uuid(search.personId),
    unitId: uuid(search.unitId),
    kind: systemRoleKinds.includes(search.kind as SystemRoleKind)
      ? (search.kind as SystemRoleKind)
      : undefined,
    gaps: search.gaps === true || search.gaps === 'true' ? true : undefined,
  };
}

export interface SystemsSearch {
  q?: string;
  scope?: SystemScope;
  phase?: LifecyclePhase;
  archived?: boolean;
  sort?: SystemSort;
  order?: 'asc' | 'desc';
  owningUnitId?: string;
  usingUnitId?: string;
  personId?: string;
  operationForm?: OperationForm;
  timeAssessment?: TimeAssessment;
  eService?: 'true' | 'false';
  ownDeveloped?: 'true' | 'false';
  tag?: string;
  category?: string;
}

export const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined =>
  values.includes(v as T) ? (v as T) : undefined;

export const text = (v: unknown, max: number) =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined;

export const yesNo = (v: unknown) =>
  v === 'true' || v === true ? 'true' : v === 'false' || v === false ? 'false' : undefined;

export function validateSystemsSearch(search: Record<string, unknown>): SystemsSearch {
  return {
    q: typeof search.q === 'string' && search.q ? search.q.slice(0, 100) : undefined,
    scope: systemScopes.includes(search.scope as SystemScope) ? (search.scope as SystemScope) : undefined,
    phase: lifecyclePhases.includes(search.phase as LifecyclePhase)
      ? (search.phase as LifecyclePhase)
      : undefined,
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
    sort: oneOf(systemSorts, search.sort),
    order: oneOf(['asc', 'desc'] as const, search.order),
    owningUnitId: uuid(search.owningUnitId),
    usingUnitId: uuid(search.usingUnitId),
    personId: uuid(search.personId),
    operationForm: oneOf(operationForms, search.operationForm),
    timeAssessment: oneOf(timeAssessments, search.timeAssessment),
    eService: yesNo(search.eService),
    ownDeveloped: yesNo(search.ownDeveloped),
    tag: text(search.tag, 50),
    category: text(search.category, 100),
  };
}
