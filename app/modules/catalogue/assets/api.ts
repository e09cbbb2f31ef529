import { useQuery } from '@tanstack/react-query';
import type { Asset, Investments } from '../../../../shared/catalogue/assets.ts';
import type { Offering } from '../../../../shared/catalogue/offerings.ts';
import type { Unit } from '../../../../shared/directory.ts';
import type { Page } from '../../../platform/api.ts';
import { api } from '../../../platform/api.ts';
import { catalogueKeys } from '../api.ts';

// Rental equipment through TanStack Query, under the catalogue's key so that a change refreshes
// the catalogue's lists with it (useCatalogueInvalidate).

export const assetKeys = {
  assets: [...catalogueKeys.all, 'assets'] as const,
  asset: (id: string) => [...catalogueKeys.all, 'assets', 'one', id] as const,
  investments: (year: number) => [...catalogueKeys.all, 'investments', year] as const,
  offerings: [...catalogueKeys.all, 'assets', 'offerings'] as const,
  units: [...catalogueKeys.all, 'assets', 'units'] as const,
};

export function useAsset(id: string) {
  return useQuery({
    queryKey: assetKeys.asset(id),
    queryFn: ({ signal }) => api.get<Asset>(`/api/v1/catalogue/assets/${id}`, { signal }),
  });
}

export function useInvestments(year: number, enabled = true) {
  return useQuery({
    queryKey: assetKeys.investments(year),
    queryFn: ({ signal }) =>
      api.get<Investments>(`/api/v1/catalogue/assets/investments?year=${year}`, { signal }),
    enabled,
  });
}

/** The active offerings an asset may be rented at (a catalogue has tens, not thousands). */
export function useRentalOfferings() {
  return useQuery({
    queryKey: assetKeys.offerings,
    queryFn: ({ signal }) => api.get<Page<Offering>>('/api/v1/catalogue/offerings?limit=200', { signal }),
    // Only a rent by the month (server/modules/catalogue/assets/service.ts RENTAL_PRICE_MODELS).
    select: (page) => ({
      ...page,
      items: page.items.filter((o) => o.priceModel === 'perUnitMonthly' || o.priceModel === 'fixedMonthly'),
    }),
    staleTime: 60_000,
  });
}

/** The active units, for the filter (a municipality has hundreds at most). */
export function useUnitChoices(enabled = true) {
  return useQuery({
    queryKey: assetKeys.units,
    queryFn: ({ signal }) => api.get<Page<Unit>>('/api/v1/units?limit=200', { signal }),
    staleTime: 60_000,
    enabled,
  });
}
