import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../../../shared/catalogue/orders.ts';
import { StatusBadge, type Tone } from '../../../platform/badges.tsx';

// What the order pages share: the status badge and the kontering as one line.

const tones: Record<OrderStatus, Tone> = {
  awaitingApproval: 'warning',
  rejected: 'negative',
  inFulfilment: 'info',
  delivered: 'positive',
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={tones[status]}>{t(`catalogue.orders.status.${status}`)}</StatusBadge>;
}

export function konteringText(k: {
  costCentre: string;
  account: string;
  activity: string | null;
  counterpart: string | null;
}): string {
  return [k.costCentre, k.account, k.activity ?? '–', k.counterpart ?? '–'].join(' · ');
}
