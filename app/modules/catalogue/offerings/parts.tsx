import type { TFunction } from 'i18next';
import type { Offering, RateCardView } from '../../../../shared/catalogue/offerings.ts';

// How an offering's price reads: "450,00 kr per dator och månad", or the cost-covering total.

export function priceText(
  t: TFunction,
  sek: (ore: number) => string,
  o: Pick<Offering, 'priceModel' | 'priceUnit' | 'pricing'>,
  card: RateCardView | null,
  which: 'internal' | 'external' = 'internal',
): string {
  const m = (key: string, v?: Record<string, unknown>) => t(`catalogue.offerings.${key}`, v);
  if (!card) return m('noPrice');
  if (o.pricing === 'costCovering')
    return card.totalCost === null ? m('noPrice') : m('costCoveringPrice', { total: sek(card.totalCost) });
  const ore = which === 'internal' ? card.internalPrice : card.externalPriceWithVat;
  if (ore === null) return m('noPrice');
  const price = sek(ore);
  switch (o.priceModel) {
    case 'fixedMonthly':
      return m('perMonth', { price });
    case 'perUnitMonthly':
      return m('perUnit', { price, unit: o.priceUnit ? m(`priceUnit.${o.priceUnit}`) : '' });
    case 'perHour':
      return m('perHour', { price });
    default:
      return m('oneOff', { price });
  }
}
