import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Demand, DemandRouting, PortfolioSettings } from '../../../shared/portfolio/demands.ts';
import { api } from '../../platform/api.ts';
import { useMe } from '../../platform/auth.tsx';

// Data of the portfolio through TanStack Query: demands, their routing and the tenant's settings.
// A change to a demand refreshes its routing and the lists too.

export const portfolioKeys = {
  all: ['portfolio'] as const,
  settings: ['portfolio', 'settings'] as const,
  demands: ['portfolio', 'demands'] as const,
  demandList: ['portfolio', 'demands', 'list'] as const,
  demand: (id: string) => ['portfolio', 'demands', 'one', id] as const,
  routing: (id: string) => ['portfolio', 'demands', 'routing', id] as const,
};

export function useDemand(id: string) {
  return useQuery({
    queryKey: portfolioKeys.demand(id),
    queryFn: ({ signal }) => api.get<Demand>(`/api/v1/demands/${id}`, { signal }),
  });
}

export function useDemandRouting(id: string, enabled: boolean) {
  return useQuery({
    queryKey: portfolioKeys.routing(id),
    queryFn: ({ signal }) => api.get<DemandRouting>(`/api/v1/demands/${id}/routing`, { signal }),
    enabled,
  });
}

export function usePortfolioSettings(enabled = true) {
  return useQuery({
    queryKey: portfolioKeys.settings,
    queryFn: ({ signal }) => api.get<PortfolioSettings>('/api/v1/portfolio/settings', { signal }),
    staleTime: 60_000,
    enabled,
  });
}

export function usePortfolioInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: portfolioKeys.all });
}

/**
 * Whether the reader registers demands for units and promotes change tickets into demands (the
 * server's portfolioPolicy.prepareSome, registerFor some unit): the portfolio's keepers, an
 * IT-kundansvarig or a förändringsansvarig; the server checks the unit itself.
 */
export function useRegistersDemands(): boolean {
  const me = useMe();
  return me.grants.some(
    (g) =>
      (g.scope === 'global' && ['admin', 'itStrategist', 'changeManager'].includes(g.role)) ||
      g.role === 'accountManager' ||
      g.role === 'changeManager',
  );
}
