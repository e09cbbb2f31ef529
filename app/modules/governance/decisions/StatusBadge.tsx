import { useTranslation } from 'react-i18next';
import type { DecisionStatus } from '../../../../shared/governance/decisions.ts';
import { StatusBadge as Badge, type Tone } from '../../../platform/badges.tsx';

// Shared by this part's pages, apart from them so that each page stays its own lazily loaded chunk.

export const tones: Record<DecisionStatus, Tone> = {
  notStarted: 'neutral',
  inProgress: 'info',
  completed: 'positive',
  revoked: 'negative',
};

export function StatusBadge({ status }: { status: DecisionStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`governance.decisions.status.${status}`)}</Badge>;
}
