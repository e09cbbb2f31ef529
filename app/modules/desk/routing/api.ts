import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoutingRule } from '../../../../shared/desk/routing.ts';
import { api, type Page } from '../../../platform/api.ts';

// The routing rules in their order, shared by the page and the rule dialog.

export const routingKeys = { rules: ['desk', 'routing', 'rules'] as const };

export function useRoutingRules() {
  return useQuery({
    queryKey: routingKeys.rules,
    queryFn: ({ signal }) => api.get<Page<RoutingRule>>('/api/v1/routing-rules?limit=200', { signal }),
  });
}

export function useRoutingInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: routingKeys.rules });
}
