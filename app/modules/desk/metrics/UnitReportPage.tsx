import { Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MetricsRow, UnitReport } from '../../../../shared/desk/metrics.ts';
import { ApiError, api, query } from '../../../platform/api.ts';
import { BarChart } from '../../../platform/charts.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { ForbiddenPage, NotFoundPage } from '../../../platform/NotFoundPage.tsx';
import { PageHeader, Section } from '../../../platform/page.tsx';
import { DataTable } from '../../../platform/table.tsx';
import { useIsAgent } from '../api.ts';
import { useKpis } from './kpis.ts';
import {
  CREATED_COLOR,
  FiguresTable,
  KpiCards,
  metricsKeys,
  PeriodPicker,
  PREVIOUS_COLOR,
  presetPeriod,
  useNumbers,
  usePeriodLabel,
} from './parts.tsx';
import '../../../platform/print.css';
import type { ReportSearch } from './search.ts';

// The report per förvaltning that seed 002 asks for ("rapportering av service till verksamhet"):
// one unit with its sub-units for a period — the key figures against the desk's promises and
// against the same period a year before, the trend, volumes by sub-unit, category and system,
// compliance per priority beside the service level's targets, the phone, and the tickets whose
// service level was breached. One page that prints as it reads (print.css hides the app's frame).

function Trend({ report }: { report: UnitReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = usePeriodLabel()(report.series);
  const interval = t(`desk.metrics.interval.${report.series.interval}`);
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const now = report.series.points.map((p) => p.created);
  const before = report.previous.series.points.map((p) => p.created);
  return (
    <BarChart
      title={t('desk.metrics.reportPage.trend', { interval })}
      summary={t('desk.metrics.reportPage.trendSummary', {
        created: f.number(sum(now)),
        previous: f.number(sum(before)),
      })}
      labels={labels}
      series={[
        { label: t('desk.metrics.reportPage.thisPeriod'), color: CREATED_COLOR, values: now },
        { label: t('desk.metrics.reportPage.previousPeriod'), color: PREVIOUS_COLOR, values: before },
      ]}
      tableLabel={t('desk.metrics.showTable')}
      periodLabel={t('desk.metrics.periodColumn')}
      valueLabel={t('desk.metrics.ticketsAxis')}
      format={f.number}
    />
  );
}

function Priorities({ report }: { report: UnitReport }) {
  const { t } = useTranslation();
  const x = useNumbers();
  const target = (minutes: number | null) =>
    minutes === null ? t('desk.metrics.reportPage.noTarget') : x.minutes(minutes);
  return (
    <DataTable
      caption={t('desk.metrics.reportPage.prioritiesCaption')}
      colSpan={8}
      minWidth={760}
      head={
        <Table.Tr>
          <Table.Th scope="col">{t('desk.metrics.reportPage.priority')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('desk.metrics.columns.created')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('desk.metrics.columns.solved')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('desk.metrics.reportPage.responseTarget')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('desk.metrics.columns.response')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('desk.metrics.reportPage.resolutionTarget')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('desk.metrics.columns.resolution')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('desk.metrics.columns.time')}
          </Table.Th>
        </Table.Tr>
      }
    >
      {report.priorities.map((p) => (
        <Table.Tr key={p.priority}>
          <Table.Th scope="row" fw={500}>
            {t(`desk.tickets.priority.${p.priority}`)}
          </Table.Th>
          <Table.Td ta="right">{x.count(p.created)}</Table.Td>
          <Table.Td ta="right">{x.count(p.solved)}</Table.Td>
          <Table.Td ta="right">{target(p.responseTarget)}</Table.Td>
          <Table.Td ta="right">
            {x.share(p.response.share)} ({x.count(p.response.met)}/{x.count(p.response.measured)})
          </Table.Td>
          <Table.Td ta="right">{target(p.resolutionTarget)}</Table.Td>
          <Table.Td ta="right">
            {x.share(p.resolution.share)} ({x.count(p.resolution.met)}/{x.count(p.resolution.measured)})
          </Table.Td>
          <Table.Td ta="right">{x.minutes(p.resolutionMinutes.mean)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function Breached({ report }: { report: UnitReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const agent = useIsAgent();
  const items = report.breached.items;
  return (
    <Section
      id="report-breached"
      title={t('desk.metrics.reportPage.breached')}
      description={
        report.breached.count === 0
          ? t('desk.metrics.reportPage.breachedNone')
          : t('desk.metrics.reportPage.breachedDescription', {
              count: report.breached.count,
              shown: items.length,
            })
      }
    >
      {items.length > 0 && (
        <DataTable
          caption={t('desk.metrics.reportPage.breachedCaption')}
          colSpan={7}
          minWidth={860}
          head={
            <Table.Tr>
              <Table.Th scope="col">{t('desk.metrics.reportPage.number')}</Table.Th>
              <Table.Th scope="col">{t('desk.metrics.reportPage.ticketTitle')}</Table.Th>
              <Table.Th scope="col">{t('desk.metrics.reportPage.priority')}</Table.Th>
              <Table.Th scope="col">{t('desk.metrics.reportPage.unit')}</Table.Th>
              <Table.Th scope="col">{t('desk.metrics.reportPage.system')}</Table.Th>
              <Table.Th scope="col">{t('desk.metrics.reportPage.createdAt')}</Table.Th>
              <Table.Th scope="col">{t('desk.metrics.reportPage.clock')}</Table.Th>
            </Table.Tr>
          }
        >
          {items.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Th scope="row" fw={500}>
                {agent ? (
                  <RouterAnchor to="/desk/tickets/$ticketId" params={{ ticketId: b.id }}>
                    {b.number}
                  </RouterAnchor>
                ) : (
                  b.number
                )}
              </Table.Th>
              <Table.Td>{b.title}</Table.Td>
              <Table.Td>{t(`desk.tickets.priority.${b.priority}`)}</Table.Td>
              <Table.Td>{b.unit?.name ?? '–'}</Table.Td>
              <Table.Td>{b.system?.name ?? '–'}</Table.Td>
              <Table.Td>{f.dateTime(b.createdAt)}</Table.Td>
              <Table.Td>
                {[
                  b.responseBreachedAt ? t('desk.metrics.reportPage.clockResponse') : null,
                  b.resolutionBreachedAt ? t('desk.metrics.reportPage.clockResolution') : null,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}

export function UnitReportPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const x = useNumbers();
  const { unitId } = useParams({ from: '/_app/desk/reports/units/$unitId' });
  const search = useSearch({ from: '/_app/desk/reports/units/$unitId' }) as ReportSearch;
  const navigate = useNavigate();
  const fallback = presetPeriod('last12');
  const from = search.from ?? fallback.from;
  const to = search.to ?? fallback.to;
  const report = useQuery({
    queryKey: [...metricsKeys.all, 'unit', unitId, { from, to }],
    queryFn: ({ signal }) =>
      api.get<UnitReport>(`/api/v1/desk/metrics/units/${unitId}/report${query({ from, to })}`, { signal }),
    placeholderData: (previous) => (previous?.unit.id === unitId ? previous : undefined),
  });
  const data = report.data;
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
  if (report.error instanceof ApiError && report.error.status === 403) return <ForbiddenPage />;
  if (report.error instanceof ApiError && report.error.status === 404) return <NotFoundPage />;
  const name = data?.unit.name ?? '';
  // The year before, beside this period's figures where they compare.
  const before = data?.previous.total;
  const compared = before
    ? [
        { label: t('desk.metrics.created'), value: x.count(before.created) },
        { label: t('desk.metrics.solved'), value: x.count(before.solved) },
        { label: t('desk.metrics.resolution'), value: x.share(before.resolution.share) },
        { label: t('desk.metrics.firstContact'), value: x.share(before.firstContact.share) },
        { label: t('desk.metrics.satisfaction'), value: x.rating(before.satisfaction.mean) },
      ]
    : [];
  const unitHeader = (row: MetricsRow) =>
    row.key === data?.unit.id ? (
      t('desk.metrics.reportPage.ownTickets', { unit: name })
    ) : row.key === null ? (
      t('desk.metrics.none.unit')
    ) : (
      <RouterAnchor to="/desk/reports/units/$unitId" params={{ unitId: row.key }} search={{ from, to }}>
        {row.name ?? row.key}
      </RouterAnchor>
    );
  return (
    <div className="styrbord-report">
      <PageHeader
        title={data ? t('desk.metrics.reportPage.title', { unit: name }) : t('desk.metrics.reportPage.back')}
        documentTitle={data ? t('desk.metrics.reportPage.documentTitle', { unit: name }) : undefined}
        description={
          data
            ? t('desk.metrics.reportPage.description', {
                unit: name,
                from: f.date(data.from),
                to: f.date(data.to),
              })
            : undefined
        }
        breadcrumbs={[
          { label: t('desk.navGroup') },
          { label: t('desk.metrics.reportPage.back'), to: '/desk/metrics' },
          ...(data?.unit.path ?? []).map((u) => ({
            label: u.name,
            to: '/desk/reports/units/$unitId',
            params: { unitId: u.id },
          })),
          ...(data ? [{ label: name }] : []),
        ]}
        actions={
          <Button
            className="styrbord-no-print"
            variant="default"
            leftSection={<IconPrinter size={16} aria-hidden />}
            onClick={() => window.print()}
          >
            {t('desk.metrics.reportPage.print')}
          </Button>
        }
      />
      <Stack gap="md">
        <Section id="report-period" title={t('desk.metrics.period')} className="styrbord-no-print">
          <PeriodPicker
            from={from}
            to={to}
            onChange={(period) =>
              void navigate({
                to: '/desk/reports/units/$unitId',
                params: { unitId },
                search: period,
                replace: true,
              })
            }
          />
        </Section>
        <ProblemAlert error={report.error} />
        {data && (
          <>
            <Section id="report-summary" title={t('desk.metrics.reportPage.summary')}>
              <Stack gap="md">
                <KpiCards items={kpis} label={t('desk.metrics.reportPage.summary')} />
                <Text fw={600}>
                  {t('desk.metrics.reportPage.againstYear', {
                    from: f.date(data.previous.from),
                    to: f.date(data.previous.to),
                  })}
                </Text>
                <KpiCards items={compared} label={t('desk.metrics.reportPage.previousPeriod')} />
                <Trend report={data} />
              </Stack>
            </Section>
            <Section id="report-units" title={t('desk.metrics.reportPage.units')}>
              <FiguresTable
                caption={t('desk.metrics.reportPage.unitsCaption')}
                by="unit"
                rows={data.units}
                rowHeader={unitHeader}
              />
            </Section>
            <SimpleGrid cols={{ base: 1 }} spacing="md">
              <Section id="report-categories" title={t('desk.metrics.reportPage.categories')}>
                <FiguresTable
                  caption={t('desk.metrics.reportPage.categoriesCaption')}
                  by="category"
                  rows={data.categories}
                />
              </Section>
              <Section id="report-systems" title={t('desk.metrics.reportPage.systems')}>
                <FiguresTable
                  caption={t('desk.metrics.reportPage.systemsCaption')}
                  by="system"
                  rows={data.systems}
                />
              </Section>
            </SimpleGrid>
            <Section
              id="report-priorities"
              title={t('desk.metrics.reportPage.priorities')}
              description={
                data.serviceLevel
                  ? t('desk.metrics.reportPage.prioritiesDescription', { level: data.serviceLevel.name })
                  : t('desk.metrics.reportPage.prioritiesNoLevel')
              }
            >
              <Priorities report={data} />
            </Section>
            <Section
              id="report-phone"
              title={t('desk.metrics.reportPage.phone')}
              description={t('desk.metrics.reportPage.phoneDescription')}
            >
              <Group gap="xl">
                <Text>
                  {t('desk.metrics.reportPage.offered')}: <strong>{x.count(data.phone.offered)}</strong>
                </Text>
                <Text>
                  {t('desk.metrics.reportPage.answered')}: <strong>{x.count(data.phone.answered)}</strong>
                </Text>
                <Text>
                  {t('desk.metrics.phoneShare', { seconds: data.targets.phoneAnswerSeconds })}:{' '}
                  <strong>{x.share(data.phone.shareWithinTarget)}</strong> (
                  {t('desk.metrics.promise', { value: x.share(data.targets.phoneShare) })})
                </Text>
                <Text>
                  {t('desk.metrics.phoneWait')}: <strong>{x.seconds(data.phone.meanWaitSeconds)}</strong>
                </Text>
              </Group>
            </Section>
            <Breached report={data} />
          </>
        )}
      </Stack>
    </div>
  );
}
