import { useTranslation } from 'react-i18next';
import type { PlanState, ProcurementStatus } from '../../../../shared/portfolio/procurements.ts';
import { StatusBadge, type Tone } from '../../../platform/badges.tsx';

// A procurement's status and a plan line's state as words in a badge: the colour only repeats what
// the word says.

const statusTones: Record<ProcurementStatus, Tone> = {
  planned: 'neutral',
  preparing: 'info',
  advertised: 'info',
  evaluating: 'info',
  awarded: 'warning',
  contracted: 'positive',
  cancelled: 'negative',
};

export function ProcurementStatusBadge({ status }: { status: ProcurementStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={statusTones[status]}>{t(`portfolio.procurements.status.${status}`)}</StatusBadge>;
}

const stateTones: Record<PlanState, Tone> = {
  ok: 'positive',
  startSoon: 'warning',
  late: 'negative',
  underWay: 'info',
};

export function PlanStateBadge({ state }: { state: PlanState }) {
  const { t } = useTranslation();
  return <StatusBadge tone={stateTones[state]}>{t(`portfolio.procurements.planState.${state}`)}</StatusBadge>;
}

/** Kronor typed in a form → öre for the API (null when empty). */
export const ore = (kr: number | string) => (kr === '' || kr === null ? null : Math.round(Number(kr) * 100));
/** Öre → kronor for a form field ('' when none). */
export const kr = (ore: number | null | undefined) => (ore === null || ore === undefined ? '' : ore / 100);
