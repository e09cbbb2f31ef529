import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type Assessment,
  assess,
  type Indicator,
  type IndicatorSourceInfo,
  type Perspective,
  targetFor,
} from '../../../../shared/governance/goals.ts';
import type { InitiativeStatus } from '../../../../shared/governance/plans.ts';
import { StatusBadge, type Tone } from '../../../platform/badges.tsx';
import { LineChart } from '../../../platform/charts.tsx';
import { useFormat } from '../../../platform/format.ts';

// What the goals, follow-up and plan pages share: an indicator's value with its unit, whether it
// reaches its target, its trend as a chart, where a computed figure comes from, and an
// initiative's status.

export const VALUE_COLOR = '#1864ab';
export const TARGET_COLOR = '#c2255c';

export const perspectiveOrder: Perspective[] = ['society', 'service', 'staff', 'economy'];

export function useFigure() {
  const f = useFormat();
  return (value: number | null, unit: string) =>
    value === null ? '–' : `${f.number(value)}${unit ? ` ${unit}` : ''}`;
}

/** The source's words in the reader's language. */
export function useSourceText() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (s: IndicatorSourceInfo) => ({
    label: en ? s.label.en : s.label.sv,
    origin: en ? s.origin.en : s.origin.sv,
  });
}

const assessmentTones: Record<Assessment, Tone> = { met: 'positive', notMet: 'warning', unknown: 'neutral' };

export function AssessmentBadge({ indicator, year }: { indicator: Indicator; year: number }) {
  const { t } = useTranslation();
  const value = indicator.years.find((y) => y.year === year)?.value ?? null;
  const a = assess(indicator.direction, value, targetFor(indicator, year));
  return <StatusBadge tone={assessmentTones[a]}>{t(`governance.goals.assessment.${a}`)}</StatusBadge>;
}

const statusTones: Record<InitiativeStatus, Tone> = {
  planned: 'neutral',
  inProgress: 'info',
  done: 'positive',
  cancelled: 'negative',
  postponed: 'warning',
};

export function InitiativeStatusBadge({ status }: { status: InitiativeStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={statusTones[status]}>{t(`governance.plans.status.${status}`)}</StatusBadge>;
}

/** The indicator's values over the years that have one, with the target beside them. */
export function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const f = useFormat();
  const years = indicator.years.filter((y) => y.value !== null);
  if (years.length < 2)
    return (
      <Text size="sm" c="dimmed">
        {t('governance.goals.chartTooFew')}
      </Text>
    );
  const labels = years.map((y) => String(y.year));
  const values = years.map((y) => y.value ?? 0);
  const targets = years.map((y) => targetFor(indicator, y.year));
  const withTarget = targets.every((v) => v !== null);
  const first = years[0]!;
  const last = years[years.length - 1]!;
  return (
    <LineChart
      title={t('governance.goals.chartTitle', { name: indicator.name })}
      summary={t('governance.goals.chartSummary', {
        from: first.year,
        to: last.year,
        first: f.number(first.value ?? 0),
        last: f.number(last.value ?? 0),
        unit: indicator.unit,
        target: indicator.target === null ? '–' : f.number(indicator.target),
      })}
      labels={labels}
      series={[
        { label: t('governance.goals.valueSeries'), color: VALUE_COLOR, values },
        ...(withTarget
          ? [{ label: t('governance.goals.targetSeries'), color: TARGET_COLOR, values: targets as number[] }]
          : []),
      ]}
      tableLabel={t('governance.goals.showTable')}
      periodLabel={t('governance.goals.yearColumn')}
      valueLabel={indicator.unit || undefined}
      format={f.number}
      height={220}
    />
  );
}
