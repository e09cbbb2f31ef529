import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssetState } from '../../../../shared/catalogue/assets.ts';
import { useAuth } from '../../../platform/auth.tsx';

// Small pieces the rental equipment pages share.

const stateColors: Record<AssetState, string> = {
  inStock: 'blue',
  issued: 'green',
  returned: 'yellow',
  scrapped: 'gray',
};

export function AssetStateBadge({ state }: { state: AssetState }) {
  const { t } = useTranslation();
  return (
    <Badge color={stateColors[state]} variant="light">
      {t(`catalogue.assets.state.${state}`)}
    </Badge>
  );
}

/**
 * Whether the signed-in person keeps the catalogue (admin, IT-strateg or ekonom for the whole
 * tenant), as server/modules/catalogue/policy.ts says: only to show the keepers' buttons; the
 * server decides every request itself, and each asset's `can` says what it allows.
 */
export function useKeepsCatalogue(): boolean {
  const { me } = useAuth();
  return !!me?.grants.some(
    (g) =>
      g.scope === 'global' && (g.role === 'admin' || g.role === 'itStrategist' || g.role === 'economist'),
  );
}

/** Today in Stockholm, YYYY-MM-DD: the default date of an issue, return or scrapping. */
export const todayIso = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
