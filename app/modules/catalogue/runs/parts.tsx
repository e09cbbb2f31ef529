import { useTranslation } from 'react-i18next';
import type { DisputeState, RunState } from '../../../../shared/catalogue/runs.ts';
import { StatusBadge, type Tone } from '../../../platform/badges.tsx';

// What the chargeback pages share: the badges of a run's and a dispute's state.

export function RunStateBadge({ state }: { state: RunState }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={state === 'locked' ? 'positive' : 'info'}>
      {t(`catalogue.runs.states.${state}`)}
    </StatusBadge>
  );
}

const disputeTones: Record<DisputeState, Tone> = {
  open: 'warning',
  accepted: 'positive',
  rejected: 'neutral',
};

export function DisputeStateBadge({ state }: { state: DisputeState }) {
  const { t } = useTranslation();
  return <StatusBadge tone={disputeTones[state]}>{t(`catalogue.runs.disputeStates.${state}`)}</StatusBadge>;
}

/** The current month, YYYY-MM, in Stockholm. */
export const thisMonth = () =>
  new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 7);
