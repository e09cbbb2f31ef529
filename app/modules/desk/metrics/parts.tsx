import {
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultPeriod,
  type MetricsAccess,
  type MetricsDimension,
  type MetricsRow,
  type MetricsSeries,
} from '../../../../shared/desk/metrics.ts';
import { api } from '../../../platform/api.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { BarChart, extremes, LineChart } from '../../../platform/charts.tsx';
import { TIME_ZONE, useFormat } from '../../../platform/format.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';

// What the metrics page and the unit report share: the period picker with its presets, the key
// figure cards with the promise beside the measure, the charts of the series and the table.

export const metricsKeys = {
  access: ['desk', 'metrics', 'access'] as const,
  all: ['desk', 'metrics'] as const,
};

export function useMetricsAccess() {
  return useQuery({
    queryKey: metricsKeys.access,
    queryFn: ({ signal }) => api.get<MetricsAccess>('/api/v1/desk/metrics/access', { signal }),
    staleTime: 60_000,
  });
}

/** For the navigation: the link shows to those who read some figures. */
export function useReadsMetrics(): boolean {
  return useMetricsAccess().data?.read ?? false;
}

// ---------------------------------------------------------------- periods

export const presets = ['thisMonth', 'lastMonth', 'last12', 'thisYear'] as const;
export type Preset = (typeof presets)[number];

export function todayInStockholm(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE }).format(now);
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function presetPeriod(preset: Preset, today = todayInStockholm()): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'thisMonth':
      return { from: iso(new Date(Date.UTC(y, m - 1, 1))), to: today };
    case 'lastMonth':
      return { from: iso(new Date(Date.UTC(y, m - 2, 1))), to: iso(new Date(Date.UTC(y, m - 1, 0))) };
    case 'last12':
      return defaultPeriod(today);
    case 'thisYear':
      return { from: `${y}-01-01`, to: today };
  }
}

export function presetOf(from: string, to: string): Preset | 'custom' {
  return (
    presets.find((p) => {
      const period = presetPeriod(p);
      return period.from === from && period.to === to;
    }) ?? 'custom'
  );
}

export function PeriodPicker({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (period: { from: string; to: string }) => void;
}) {
  const { t } = useTranslation();
  const preset = presetOf(from, to);
  return (
    <Stack gap="xs">
      <Text component="span" size="sm" fw={500} id="metrics-period-label">
        {t('desk.metrics.period')}
      </Text>
      <SegmentedControl
        aria-labelledby="metrics-period-label"
        value={preset}
        onChange={(value) => {
          if (value !== 'custom') onChange(presetPeriod(value as Preset));
        }}
        data={[
          ...presets.map((p) => ({ value: p, label: t(`desk.metrics.presets.${p}`) })),
          { value: 'custom', label: t('desk.metrics.presets.custom'), disabled: preset !== 'custom' },
        ]}
      />
      <Group gap="sm" align="flex-end">
        <DateField
          label={t('desk.metrics.from')}
          value={from}
          onChange={(value) => value && onChange({ from: value, to })}
          w={170}
        />
        <DateField
          label={t('desk.metrics.to')}
          value={to}
          onChange={(value) => value && onChange({ from, to: value })}
          w={170}
        />
      </Group>
    </Stack>
  );
}

// ---------------------------------------------------------------- numbers

export function useNumbers() {
  const { t } = useTranslation();
  const f = useFormat();
  const percent = new Intl.NumberFormat(f.locale, { style: 'percent', maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(f.locale, { maximumFractionDigits: 1 });
  return {
    count: (value: number) => f.number(value),
    share: (value: number | null) => (value === null ? '–' : percent.format(value)),
    rating: (value: number | null) => (value === null ? '–' : decimal.format(value)),
    minutes: (value: number | null) => {
      if (value === null) return '–';
      if (value < 120) return t('desk.metrics.minutes', { value: f.number(Math.round(value)) });
      return t('desk.metrics.hours', { value: decimal.format(value / 60) });
    },
    seconds: (value: number | null) =>
      value === null ? '–' : t('desk.metrics.seconds', { value: f.number(Math.round(value)) }),
  };
}

/** ISO week of a Monday (YYYY-MM-DD). */
function isoWeek(day: string): { week: number; year: number } {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week =
    1 + Math.round(((d.getTime() - jan4.getTime()) / 864e5 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return { week, year };
}

export function usePeriodLabel() {
  const { t } = useTranslation();
  const f = useFormat();
  const month = new Intl.DateTimeFormat(f.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (series: MetricsSeries) =>
    series.points.map((p) =>
      series.interval === 'week'
        ? t('desk.metrics.week', isoWeek(p.start))
        : month.format(new Date(`${p.start}T00:00:00Z`)),
    );
}

// ---------------------------------------------------------------- cards

export interface Kpi {
  label: string;
  value: string;
  detail?: string;
  /** The promise and whether the measure keeps it (null: nothing measured). */
  promise?: { text: string; met: boolean | null };
}

export function KpiCards({ items, label }: { items: Kpi[]; label: string }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm" component="dl" m={0} aria-label={label}>
      {items.map((kpi) => (
        <Paper key={kpi.label} withBorder p="sm" className="styrbord-kpi">
          <Text component="dt" size="sm" c="dimmed">
            {kpi.label}
          </Text>
          <Text component="dd" m={0}>
            <Text span size="xl" fw={700} display="block">
              {kpi.value}
            </Text>
            {kpi.detail && (
              <Text span size="xs" c="dimmed" display="block">
                {kpi.detail}
              </Text>
            )}
            {kpi.promise && (
              <Group gap={6} mt={4} component="span">
                <Text span size="xs">
                  {kpi.promise.text}
                </Text>
                {kpi.promise.met === null ? (
                  <StatusBadge tone="neutral">{t('desk.metrics.noData')}</StatusBadge>
                ) : (
                  <StatusBadge tone={kpi.promise.met ? 'positive' : 'negative'}>
                    {kpi.promise.met ? t('desk.metrics.promiseMet') : t('desk.metrics.promiseNotMet')}
                  </StatusBadge>
                )}
              </Group>
            )}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

// ---------------------------------------------------------------- charts

export const CREATED_COLOR = '#1864ab';
export const SOLVED_COLOR = '#c2255c';
export const BACKLOG_COLOR = '#2b8a3e';
export const PREVIOUS_COLOR = '#5f3dc4';

export function SeriesCharts({ series }: { series: MetricsSeries }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = usePeriodLabel()(series);
  const created = series.points.map((p) => p.created);
  const solved = series.points.map((p) => p.solved);
  const backlog = series.points.map((p) => p.backlog);
  const interval = t(`desk.metrics.interval.${series.interval}`);
  const peaks = extremes(labels, created);
  const backlogPeak = extremes(labels, backlog);
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <BarChart
        title={t('desk.metrics.volumeChart', { interval })}
        summary={t('desk.metrics.volumeSummary', {
          from: labels[0] ?? '',
          to: labels[labels.length - 1] ?? '',
          created: f.number(sum(created)),
          solved: f.number(sum(solved)),
          peak: peaks?.max[0] ?? '',
          peakValue: f.number(peaks?.max[1] ?? 0),
          low: peaks?.min[0] ?? '',
          lowValue: f.number(peaks?.min[1] ?? 0),
        })}
        labels={labels}
        series={[
          { label: t('desk.metrics.created'), color: CREATED_COLOR, values: created },
          { label: t('desk.metrics.solved'), color: SOLVED_COLOR, values: solved },
        ]}
        tableLabel={t('desk.metrics.showTable')}
        periodLabel={t('desk.metrics.periodColumn')}
        valueLabel={t('desk.metrics.ticketsAxis')}
        format={f.number}
      />
      <LineChart
        title={t('desk.metrics.backlogChart', { interval })}
        summary={t('desk.metrics.backlogSummary', {
          first: f.number(backlog[0] ?? 0),
          last: f.number(backlog[backlog.length - 1] ?? 0),
          peak: backlogPeak?.max[0] ?? '',
          peakValue: f.number(backlogPeak?.max[1] ?? 0),
        })}
        labels={labels}
        series={[{ label: t('desk.metrics.open'), color: BACKLOG_COLOR, values: backlog }]}
        tableLabel={t('desk.metrics.showTable')}
        periodLabel={t('desk.metrics.periodColumn')}
        valueLabel={t('desk.metrics.ticketsAxis')}
        format={f.number}
      />
    </SimpleGrid>
  );
}

// ---------------------------------------------------------------- the table

export function rowLabel(t: (key: string) => string, by: MetricsDimension, row: MetricsRow): string {
  if (row.key === null) return t(`desk.metrics.none.${by}`);
  if (by === 'priority') return t(`desk.tickets.priority.${row.key}`);
  if (by === 'category') return t(`desk.tickets.category.${row.key}`);
  return row.name ?? row.key;
}

export function FiguresTable({
  caption,
  by,
  rows,
  total,
  rowHeader,
}: {
  caption: string;
  by: MetricsDimension;
  rows: MetricsRow[];
  total?: MetricsRow;
  /** The first cell of a row (a unit's row has links); by default its label. */
  rowHeader?: (row: MetricsRow) => ReactNode;
}) {
  const { t } = useTranslation();
  const x = useNumbers();
  const cells = (row: MetricsRow) => (
    <>
      <Table.Td ta="right">{x.count(row.created)}</Table.Td>
      <Table.Td ta="right">{x.count(row.solved)}</Table.Td>
      <Table.Td ta="right">{x.count(row.open)}</Table.Td>
      <Table.Td ta="right">{x.share(row.response.share)}</Table.Td>
      <Table.Td ta="right">{x.share(row.resolution.share)}</Table.Td>
      <Table.Td ta="right">{x.share(row.firstContact.share)}</Table.Td>
      <Table.Td ta="right">{x.share(row.reopened.share)}</Table.Td>
      <Table.Td ta="right">{x.rating(row.satisfaction.mean)}</Table.Td>
      <Table.Td ta="right">{x.minutes(row.resolutionMinutes.mean)}</Table.Td>
    </>
  );
  const columns = [
    'created',
    'solved',
    'open',
    'response',
    'resolution',
    'firstContact',
    'reopened',
    'satisfaction',
    'time',
  ];
  // A table of its own rather than DataTable: it scrolls sideways on narrow screens and may hold
  // no link, so its scrolling region takes focus itself (keyboard users scroll it with the arrows).
  return (
    <Table.ScrollContainer minWidth={980} type="native" tabIndex={0} role="region" aria-label={caption}>
      <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="sm">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'start', marginTop: 0 }}>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`desk.metrics.dimension.${by}`)}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c} scope="col" ta="right">
                {t(`desk.metrics.columns.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key ?? 'none'}>
              <Table.Th scope="row" fw={500}>
                {rowHeader ? rowHeader(row) : rowLabel(t, by, row)}
              </Table.Th>
              {cells(row)}
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={10}>
                <Text c="dimmed" ta="center" py="md" size="sm">
                  {t('common.nothingFound')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {total && (
            <Table.Tr style={{ fontWeight: 700 }}>
              <Table.Th scope="row">{t('desk.metrics.total')}</Table.Th>
              {cells(total)}
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ReportLink({
  unitId,
  name,
  from,
  to,
}: {
  unitId: string;
  name: string;
  from: string;
  to: string;
}) {
  const { t } = useTranslation();
  return (
    <RouterAnchor
      to="/desk/reports/units/$unitId"
      params={{ unitId }}
      search={{ from, to }}
      size="sm"
      aria-label={t('desk.metrics.reportFor', { unit: name })}
    >
      {t('desk.metrics.report')}
    </RouterAnchor>
  );
}
