import { useTranslation } from 'react-i18next';
import type { Metrics } from '../../../../shared/desk/metrics.ts';
import { type Kpi, useNumbers } from './parts.tsx';

// Shared by this part's pages, apart from them so that each page stays its own lazily loaded chunk.

/** The key figures of a period, with the desk's promises beside them. */
export function useKpis(m: Pick<Metrics, 'total' | 'phone' | 'targets'>): Kpi[] {
  const { t } = useTranslation();
  const x = useNumbers();
  const total = m.total;
  return [
    { label: t('desk.metrics.created'), value: x.count(total.created) },
    { label: t('desk.metrics.solved'), value: x.count(total.solved) },
    { label: t('desk.metrics.open'), value: x.count(total.open) },
    {
      label: t('desk.metrics.response'),
      value: x.share(total.response.share),
      detail: t('desk.metrics.measuredOf', { count: total.response.measured }),
    },
    {
      label: t('desk.metrics.resolution'),
      value: x.share(total.resolution.share),
      detail: t('desk.metrics.measuredOf', { count: total.resolution.measured }),
    },
    {
      label: t('desk.metrics.firstContact'),
      value: x.share(total.firstContact.share),
      detail: t('desk.metrics.ofSolved', { count: total.firstContact.solved }),
      promise: {
        text: t('desk.metrics.promise', { value: x.share(m.targets.firstContact) }),
        met: total.firstContact.share === null ? null : total.firstContact.share >= m.targets.firstContact,
      },
    },
    {
      label: t('desk.metrics.reopened'),
      value: x.share(total.reopened.share),
      detail: t('desk.metrics.ofSolved', { count: total.solved }),
    },
    {
      label: t('desk.metrics.satisfaction'),
      value: x.rating(total.satisfaction.mean),
      detail: t('desk.metrics.ratedOf', { count: total.satisfaction.count }),
    },
    { label: t('desk.metrics.resolutionTime'), value: x.minutes(total.resolutionMinutes.mean) },
    {
      label: t('desk.metrics.phoneShare', { seconds: m.targets.phoneAnswerSeconds }),
      value: x.share(m.phone.shareWithinTarget),
      detail: t('desk.metrics.ofCalls', { count: m.phone.offered }),
      promise: {
        text: t('desk.metrics.promise', { value: x.share(m.targets.phoneShare) }),
        met: m.phone.targetMet,
      },
    },
    { label: t('desk.metrics.phoneWait'), value: x.seconds(m.phone.meanWaitSeconds) },
    {
      label: t('desk.metrics.phoneAbandoned'),
      value: x.count(m.phone.abandoned),
      detail: t('desk.metrics.ofCalls', { count: m.phone.offered }),
    },
  ];
}
