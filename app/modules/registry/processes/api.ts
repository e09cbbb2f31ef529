import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type {
  ProcessNode,
  ProcessSystems,
  ProcessTree,
  ProcessTreeNode,
  SystemProcesses,
} from '../../../../shared/registry/processes.ts';
import { api, query } from '../../../platform/api.ts';

// Data of the process tree, through TanStack Query. The whole tree is one request (a
// municipality's structure is a few hundred nodes), indexed by id and by parent for the pages.

export const processKeys = {
  all: ['registry', 'processes'] as const,
  tree: (archived: boolean) => ['registry', 'processes', 'tree', archived] as const,
  one: (id: string) => ['registry', 'processes', 'one', id] as const,
  systems: (id: string) => ['registry', 'processes', 'systems', id] as const,
  ofSystem: (id: string) => ['registry', 'processes', 'ofSystem', id] as const,
};

export function useProcessTree(includeArchived = false) {
  const result = useQuery({
    queryKey: processKeys.tree(includeArchived),
    queryFn: ({ signal }) =>
      api.get<ProcessTree>(`/api/v1/processes/tree${query({ includeArchived })}`, { signal }),
    staleTime: 30_000,
  });
  const index = useMemo(() => {
    const byId = new Map<string, ProcessTreeNode>();
    const children = new Map<string | null, ProcessTreeNode[]>();
    for (const node of result.data?.items ?? []) {
      byId.set(node.id, node);
      const list = children.get(node.parentId) ?? [];
      list.push(node);
      children.set(node.parentId, list);
    }
    /** The node and its ancestors, the verksamhetstyp first. */
    function pathOf(id: string | null | undefined): ProcessTreeNode[] {
      const path: ProcessTreeNode[] = [];
      const seen = new Set<string>();
      let current = id ? byId.get(id) : undefined;
      while (current && !seen.has(current.id)) {
        seen.add(current.id);
        path.unshift(current);
        current = current.parentId ? byId.get(current.parentId) : undefined;
      }
      return path;
    }
    return { byId, children, pathOf };
  }, [result.data]);
  return { ...result, ...index, canManage: result.data?.canManage ?? false };
}

export function useProcess(id: string) {
  return useQuery({
    queryKey: processKeys.one(id),
    queryFn: ({ signal }) => api.get<ProcessNode>(`/api/v1/processes/${id}`, { signal }),
  });
}

export function useProcessSystems(id: string) {
  return useQuery({
    queryKey: processKeys.systems(id),
    queryFn: ({ signal }) => api.get<ProcessSystems>(`/api/v1/processes/${id}/systems`, { signal }),
  });
}

export function useSystemProcesses(systemId: string) {
  return useQuery({
    queryKey: processKeys.ofSystem(systemId),
    queryFn: ({ signal }) => api.get<SystemProcesses>(`/api/v1/systems/${systemId}/processes`, { signal }),
  });
}

/** Refreshes everything that shows processes (and the record types hanging on them). */
export function useProcessInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: processKeys.all }),
      client.invalidateQueries({ queryKey: ['registry', 'records'] }),
    ]);
}
