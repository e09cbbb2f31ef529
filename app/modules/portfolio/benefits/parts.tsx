import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BenefitKind, EffectGoal } from '../../../../shared/portfolio/benefits.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { useFormat } from '../../../platform/format.ts';

// Small parts of the benefit pages: an indicator's value in its kind's unit (money in kronor,
// hours, or the goal's own unit), and the state of a goal's next follow-up in words and colour.

/** Kronor typed in the form to öre, and back (money goals are kept in öre). */
export const toStored = (kind: BenefitKind, shown: number) =>
  kind === 'money' ? Math.round(shown * 100) : shown;
export const toShown = (kind: BenefitKind, stored: number) => (kind === 'money' ? stored / 100 : stored);

export function useValueText() {
  const { t } = useTranslation();
  const f = useFormat();
  return (goal: Pick<EffectGoal, 'kind' | 'unit'>, value: number | null) => {
    if (value === null) return '–';
    if (goal.kind === 'money') return `${f.sek(value)}${t('portfolio.benefits.perYear')}`;
    if (goal.kind === 'hours') return t('portfolio.benefits.hoursValue', { hours: f.number(value) });
    return goal.unit ? `${f.number(value)} ${goal.unit}` : f.number(value);
  };
}

export function FollowUpState({ goal }: { goal: EffectGoal }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (goal.archivedAt) return <StatusBadge tone="neutral">{t('portfolio.benefits.archived')}</StatusBadge>;
  if (!goal.nextFollowUpOn)
    return <StatusBadge tone="positive">{t('portfolio.benefits.allFollowedUp')}</StatusBadge>;
  return (
    <>
      <Text size="sm">{f.date(goal.nextFollowUpOn)}</Text>
      {goal.overdue && <StatusBadge tone="negative">{t('portfolio.benefits.overdue')}</StatusBadge>}
    </>
  );
}
