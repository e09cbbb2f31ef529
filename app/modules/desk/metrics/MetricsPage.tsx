import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconArrowUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  type Metrics,
  type MetricsDimension,
  type MetricsRow,
  metricsDimensions,
} from '../../../../shared/desk/metrics.ts';
import { ApiError, api, query } from '../../../platform/api.ts';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { ExportMenu } from '../../../platform/list-page.tsx';
import { ForbiddenPage } from '../../../platform/NotFoundPage.tsx';
import { PageHeader, Section } from '../../../platform/page.tsx';
import { useKpis } from './kpis.ts';
import {
  FiguresTable,
  KpiCards,
  metricsKeys,
  PeriodPicker,
  presetPeriod,
  ReportLink,
  rowLabel,
  SeriesCharts,
} from './parts.tsx';
import type { MetricsSearch } from './search.ts';

// The metrics page for agents, admins and the units' IT-kundansvariga: a period (presets or own
// dates), a dimension, the key figures beside the desk's promises, the series as charts, and the
// table by the dimension with its export. A unit's row goes down into its sub-units and to the
// unit's printable report. The choices live in the URL, so a view can be bookmarked and shared.

export function MetricsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/_app/desk/metrics' }) as MetricsSearch;
  const navigate = useNavigate();
  const fallback = presetPeriod('last12');
  const from = search.from ?? fallback.from;
  const to = search.to ?? fallback.to;
  const by = search.by ?? 'unit';
  const set = (patch: Partial<MetricsSearch>) =>
    void navigate({
      to: '/desk/metrics',
      search: (prev: MetricsSearch) => ({ ...prev, ...patch }),
      replace: true,
    });
  const params = { from, to, by, unitId: search.unitId };
  const metrics = useQuery({
    queryKey: [...metricsKeys.all, 'report', params],
    queryFn: ({ signal }) => api.get<Metrics>(`/api/v1/desk/metrics${query(params)}`, { signal }),
    placeholderData: (previous) => previous,
  });
  const data = metrics.data;
  const kpis = useKpis(
    data ?? {
      total: {
        created: 0,
        solved: 0,
        open: 0,
        response: { measured: 0, breached: 0, met: 0, share: null },
        resolution: { measured: 0, breached: 0, met: 0, share: null },
        firstContact: { solved: 0, firstContact: 0, share: null },
        reopened: { count: 0, share: null },
        satisfaction: { count: 0, mean: null },
        resolutionMinutes: { mean: null },
      },
      phone: {
        offered: 0,
        answered: 0,
        abandoned: 0,
        answeredWithinTarget: 0,
        shareWithinTarget: null,
        meanWaitSeconds: null,
        p90WaitSeconds: null,
        targetMet: null,
      },
      targets: { firstContact: 0.7, phoneAnswerSeconds: 60, phoneShare: 0.8 },
    },
  );
  if (metrics.error instanceof ApiError && metrics.error.status === 403) return <ForbiddenPage />;
  const unitHeader = (row: MetricsRow) => {
    const name = rowLabel(t, 'unit', row);
    if (row.key === null) return name;
    const own = row.key === search.unitId;
    return (
      <Group gap="xs" wrap="nowrap" justify="space-between">
        {row.hasChildren && !own ? (
          <RouterAnchor
            to="/desk/metrics"
            search={{ ...params, unitId: row.key }}
            aria-label={t('desk.metrics.showSubUnits', { unit: name })}
          >
            {name}
          </RouterAnchor>
        ) : (
          <Text span inherit>
            {name}
          </Text>
        )}
        <ReportLink unitId={row.key} name={name} from={from} to={to} />
      </Group>
    );
  };
  const dimension = t(`desk.metrics.dimension.${by}`).toLowerCase();
  return (
    <>
      <PageHeader
        title={t('desk.metrics.title')}
        description={t('desk.metrics.description')}
        breadcrumbs={[{ label: t('desk.navGroup') }, { label: t('desk.metrics.nav') }]}
        actions={<ExportMenu path="/api/v1/desk/metrics/export" params={params} />}
      />
      <Stack gap="md">
        <Section id="metrics-choice" title={t('desk.metrics.period')}>
          <Group align="flex-end" gap="lg" wrap="wrap">
            <PeriodPicker from={from} to={to} onChange={(period) => set(period)} />
            <Select
              label={t('desk.metrics.by')}
              data={metricsDimensions.map((d) => ({ value: d, label: t(`desk.metrics.dimension.${d}`) }))}
              value={by}
              onChange={(value) => value && set({ by: value as MetricsDimension })}
              allowDeselect={false}
              w={200}
            />
          </Group>
          {data && !data.scope.all && (
            <Text size="sm" mt="sm">
              {t('desk.metrics.scopeUnits', { units: data.scope.units.map((u) => u.name).join(', ') })}
            </Text>
          )}
          {data?.filters.unit && (
            <Group gap="sm" mt="sm">
              <Text size="sm">{t('desk.metrics.filterUnit', { unit: data.filters.unit.name })}</Text>
              <Button
                size="compact-sm"
                variant="default"
                leftSection={<IconArrowUp size={14} aria-hidden />}
                onClick={() => set({ unitId: undefined })}
              >
                {t('desk.metrics.clearUnit')}
              </Button>
            </Group>
          )}
        </Section>
        <ProblemAlert error={metrics.error} />
        {data && (
          <>
            <Section id="metrics-kpis" title={t('desk.metrics.kpis')}>
              <KpiCards items={kpis} label={t('desk.metrics.kpis')} />
            </Section>
            <Section id="metrics-charts" title={t('desk.metrics.charts')}>
              <SeriesCharts series={data.series} />
            </Section>
            <Section id="metrics-table" title={t('desk.metrics.table', { dimension })}>
              <FiguresTable
                caption={t('desk.metrics.tableCaption', {
                  dimension,
                  from: f.date(data.from),
                  to: f.date(data.to),
                })}
                by={by}
                rows={data.rows}
                total={{ key: null, name: null, hasChildren: false, ...data.total }}
                rowHeader={by === 'unit' ? unitHeader : undefined}
              />
            </Section>
          </>
        )}
      </Stack>
    </>
  );
}
