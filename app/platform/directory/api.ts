import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ListedRoleAssignment, Person, Unit } from '../../../shared/directory.ts';
import type { Role } from '../../../shared/roles.ts';
import { api, type Page, query } from '../api.ts';
import { useCursorList } from '../table.tsx';

// Data of the directory: units, people and role assignments, through TanStack Query.

export const orgKeys = {
  units: ['units'] as const,
  unitIndex: ['units', 'index'] as const,
  unit: (id: string) => ['units', 'one', id] as const,
  people: ['people'] as const,
  person: (id: string) => ['people', 'one', id] as const,
  roles: ['role-assignments'] as const,
  roleCounts: ['role-assignments', 'counts'] as const,
};

const INDEX_PAGE = 200;
const INDEX_MAX_PAGES = 50;

/**
 * Every unit of the tenant, archived ones too: names for ids, the tree, and the unit pickers.
 * A municipality has hundreds of units, not tens of thousands, so one list is cheap.
 */
export function useUnitIndex() {
  const result = useQuery({
    queryKey: orgKeys.unitIndex,
    queryFn: async ({ signal }) => {
      const all: Unit[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < INDEX_MAX_PAGES; i++) {
        const page = await api.get<Page<Unit>>(
          `/api/v1/units${query({ limit: INDEX_PAGE, includeArchived: true, cursor })}`,
          { signal },
        );
        all.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return all;
    },
    staleTime: 30_000,
  });
  const units = result.data;
  const index = useMemo(() => {
    const byId = new Map<string, Unit>();
    const children = new Map<string | null, Unit[]>();
    for (const unit of units ?? []) {
      byId.set(unit.id, unit);
      const list = children.get(unit.parentId) ?? [];
      list.push(unit);
      children.set(unit.parentId, list);
    }
    /** The unit and its ancestors, root first. */
    function pathOf(id: string | null | undefined): Unit[] {
      const path: Unit[] = [];
      const seen = new Set<string>();
      let current = id ? byId.get(id) : undefined;
      while (current && !seen.has(current.id)) {
        seen.add(current.id);
        path.unshift(current);
        current = current.parentId ? byId.get(current.parentId) : undefined;
      }
      return path;
    }
    /** The unit and everything below it. */
    function subtreeOf(id: string): Set<string> {
      const result = new Set<string>([id]);
      const stack = [id];
      for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
        for (const child of children.get(next) ?? []) {
          if (!result.has(child.id)) {
            result.add(child.id);
            stack.push(child.id);
          }
        }
      }
      return result;
    }
    return { byId, children, pathOf, subtreeOf };
  }, [units]);
  return { ...result, units: units ?? [], ...index };
}

export function useUnit(id: string) {
  return useQuery({
    queryKey: orgKeys.unit(id),
    queryFn: ({ signal }) => api.get<Unit>(`/api/v1/units/${id}`, { signal }),
  });
}

export function usePerson(id: string | null | undefined) {
  return useQuery({
    queryKey: orgKeys.person(id ?? ''),
    queryFn: ({ signal }) => api.get<Person>(`/api/v1/people/${id}`, { signal }),
    enabled: !!id,
    staleTime: 30_000,
  });
}

/** Role assignments of one person or one role (or all), in keyset pages in the order granted. */
export function useRoleAssignments(filter: { personId?: string; role?: Role; includeRevoked?: boolean }) {
  return useCursorList<ListedRoleAssignment>(orgKeys.roles, '/api/v1/role-assignments', {
    ...filter,
    limit: 100,
  });
}

/** How many people hold each role. */
export function useRoleCounts() {
  return useQuery({
    queryKey: orgKeys.roleCounts,
    queryFn: ({ signal }) =>
      api.get<{ items: { role: Role; holders: number }[] }>('/api/v1/role-assignments/counts', { signal }),
  });
}

/** After a change: everything of the directory and the audit trail is stale. */
export function useOrgInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: orgKeys.units }),
      queryClient.invalidateQueries({ queryKey: orgKeys.people }),
      queryClient.invalidateQueries({ queryKey: orgKeys.roles }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
      queryClient.invalidateQueries({ queryKey: ['session'] }),
    ]);
}
