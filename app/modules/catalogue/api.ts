import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitBilling } from '../../../shared/catalogue/billing.ts';
import type { Offering } from '../../../shared/catalogue/offerings.ts';
import { api, type Page } from '../../platform/api.ts';

// Data of the catalogue through TanStack Query. A change refreshes the whole catalogue (an
// offering's page shows its rate cards; the lists their current price).

export const catalogueKeys = {
  all: ['catalogue'] as const,
  offerings: ['catalogue', 'offerings'] as const,
  offering: (id: string) => ['catalogue', 'offerings', 'one', id] as const,
  families: ['catalogue', 'families'] as const,
  services: ['catalogue', 'services'] as const,
  billing: ['catalogue', 'billing'] as const,
  unitBilling: (id: string) => ['catalogue', 'billing', 'one', id] as const,
  orders: ['catalogue', 'orders'] as const,
  order: (id: string) => ['catalogue', 'orders', 'one', id] as const,
  subscriptions: ['catalogue', 'subscriptions'] as const,
};

export function useOffering(id: string) {
  return useQuery({
    queryKey: catalogueKeys.offering(id),
    queryFn: ({ signal }) => api.get<Offering>(`/api/v1/catalogue/offerings/${id}`, { signal }),
  });
}

/** The catalogue's offerings, up to 200 (a kommun's catalogue holds tens): the order form's choices. */
export function useOfferingChoices() {
  return useQuery({
    queryKey: [...catalogueKeys.offerings, 'choices'],
    queryFn: ({ signal }) => api.get<Page<Offering>>('/api/v1/catalogue/offerings?limit=200', { signal }),
    staleTime: 60_000,
  });
}

export function useUnitBilling(id: string | null) {
  return useQuery({
    queryKey: catalogueKeys.unitBilling(id ?? ''),
    queryFn: ({ signal }) => api.get<UnitBilling>(`/api/v1/catalogue/billing-units/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useCatalogueInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: catalogueKeys.all });
}

/** Kronor (as typed, with a comma) → öre; null when empty. */
export function toOre(value: number | string): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(String(value).replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}
