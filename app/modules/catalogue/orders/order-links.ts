import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../platform/format.ts';
import type { OrderLinks } from '../../desk/services/order-links.ts';
import { useOfferingChoices } from '../api.ts';
import { priceText } from '../offerings/parts.tsx';

// The catalogue's answer to the desk's `desk.orderLinks` point: a catalogue service with an
// offering is ordered on the catalogue's order form (kontering required, attest by the unit's
// budget holder, then the desk request), not as a bare desk request that nobody would charge.
// The portal's card shows the price of the service's only offering, or "from" the lowest of several.

export const useCatalogueOrderLinks: OrderLinks = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const offerings = useOfferingChoices();
  const byService = Map.groupBy(
    (offerings.data?.items ?? []).filter((o) => o.archivedAt === null),
    (o) => o.service.id,
  );
  return (serviceId) => {
    const own = byService.get(serviceId);
    if (!own) return null;
    const detail =
      own.length === 1
        ? priceText(t, f.sek, own[0]!, own[0]!.current)
        : t('catalogue.orders.offeringCount', { count: own.length });
    return { to: '/catalogue/order', search: { serviceId }, detail };
  };
};
