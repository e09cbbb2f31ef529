import { Box, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { demandStatuses } from '../../../../shared/portfolio/demands.ts';
import type { BubblePoint, Bubbles } from '../../../../shared/portfolio/views.ts';
import { api, query } from '../../../platform/api.ts';
import { UnitSelect } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { FilterBar } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';

// Benefit, cost and risk of the demands (GET /api/v1/portfolio/bubbles): an SVG scatter of the
// prepared demands, yearly savings across and investment up, each circle as large and as dark as
// its risk (risk not rated: a small hollow circle), so that size says what colour says. The SVG is
// one image named by a summary in words, with axis titles; every demand follows in a real table,
// which is where the keyboard goes (each title a link).

const WIDTH = 720;
const HEIGHT = 420;
const PAD = { top: 16, right: 48, bottom: 56, left: 96 };
/** Risk 0–5: light to dark, each at least 3:1 against white. */
const riskColor = ['#2f9e44', '#5c940d', '#b35c00', '#d9480f', '#c92a2a', '#862e9c'];
const radius = (risk: number | null) => (risk === null ? 6 : 7 + risk * 3);

function niceMax(max: number) {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const n = max / power;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * power;
}

export function BubblesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`portfolio.views.bubbles.${key}`, o);
  const [status, setStatus] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const params = { status: status ?? undefined, unitId: unitId ?? undefined };
  const bubbles = useQuery({
    queryKey: ['portfolio', 'views', 'bubbles', params],
    queryFn: ({ signal }) => api.get<Bubbles>(`/api/v1/portfolio/bubbles${query(params)}`, { signal }),
    placeholderData: (previous) => previous,
  });
  const items = bubbles.data?.items ?? [];
  const sek = (ore: number | null) => (ore === null ? '–' : f.sek(ore));
  const riskText = (risk: number | null) =>
    risk === null ? m('riskUnknown') : m('riskLevel', { level: risk });
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('portfolio.navGroup') }, { label: m('title') }]}
      />
      <FilterBar label={t('portfolio.views.filters')}>
        <Select
          label={m('demandStatus')}
          placeholder={m('anyDemandStatus')}
          data={demandStatuses.map((s) => ({ value: s, label: t(`portfolio.demands.status.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={220}
        />
        <UnitSelect
          label={t('portfolio.views.unit')}
          placeholder={t('portfolio.views.anyUnit')}
          value={unitId}
          onChange={setUnitId}
          w={240}
        />
      </FilterBar>
      {bubbles.data && (
        <Stack gap="md">
          <Section id="bubbles-chart" title={m('chart')}>
            <Chart items={items} sek={sek} riskText={riskText} />
          </Section>
          <Section id="bubbles-table" title={m('tableSection')}>
            <Table.ScrollContainer
              minWidth={900}
              type="native"
              tabIndex={0}
              role="region"
              aria-label={m('table')}
            >
              <Table striped verticalSpacing={6} fz="sm">
                <Table.Caption>
                  <VisuallyHidden>{m('table')}</VisuallyHidden>
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{m('number')}</Table.Th>
                    <Table.Th scope="col">{m('titleCol')}</Table.Th>
                    <Table.Th scope="col">{m('statusCol')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {m('score')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {m('savings')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {m('hours')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {m('investment')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {m('running')}
                    </Table.Th>
                    <Table.Th scope="col">{m('risk')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>{d.number}</Table.Td>
                      <Table.Th scope="row" fw={400}>
                        <RouterAnchor to="/portfolio/demands/$demandId" params={{ demandId: d.id }} size="sm">
                          {d.title}
                        </RouterAnchor>
                      </Table.Th>
                      <Table.Td>{t(`portfolio.demands.status.${d.status}`)}</Table.Td>
                      <Table.Td ta="right">{f.number(d.score)}</Table.Td>
                      <Table.Td ta="right">
                        {d.yearlySavings === null ? <EmptyValue /> : f.sek(d.yearlySavings)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {d.hoursFreed === null ? <EmptyValue /> : f.number(d.hoursFreed)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {d.investment === null ? <EmptyValue /> : f.sek(d.investment)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {d.runningCost === null ? <EmptyValue /> : f.sek(d.runningCost)}
                      </Table.Td>
                      <Table.Td>{riskText(d.risk)}</Table.Td>
                    </Table.Tr>
                  ))}
                  {items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={9}>{m('none')}</Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Section>
        </Stack>
      )}
    </>
  );
}

function Chart({
  items,
  sek,
  riskText,
}: {
  items: BubblePoint[];
  sek: (ore: number | null) => string;
  riskText: (risk: number | null) => string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`portfolio.views.bubbles.${key}`, o);
  const summaryId = useId();
  const points = items.filter((d) => d.yearlySavings !== null && d.investment !== null);
  const maxX = niceMax(Math.max(0, ...points.map((d) => d.yearlySavings!)));
  const maxY = niceMax(Math.max(0, ...points.map((d) => d.investment!)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (v: number) => PAD.left + (v / maxX) * plotW;
  const y = (v: number) => PAD.top + plotH - (v / maxY) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const kr = (ore: number) => f.number(Math.round(ore / 100));
  const summary = m('summary', { count: points.length });
  // The larger circles first, so the small ones stay visible on top.
  const drawn = [...points].sort((a, b) => radius(b.risk) - radius(a.risk));
  return (
    <Box role="group" aria-labelledby="bubbles-chart" aria-describedby={summaryId}>
      <Text size="sm" mb="xs" id={summaryId}>
        {summary}
      </Text>
      <svg
        role="img"
        aria-label={`${m('chart')}. ${summary}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: WIDTH, display: 'block' }}
      >
        {ticks.map((k) => (
          <g key={k}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(k * maxY)} y2={y(k * maxY)} stroke="#dee2e6" />
            <text x={PAD.left - 6} y={y(k * maxY) + 4} textAnchor="end" fontSize={11} fill="#343a40">
              {kr(k * maxY)}
            </text>
            <line x1={x(k * maxX)} x2={x(k * maxX)} y1={PAD.top} y2={PAD.top + plotH} stroke="#dee2e6" />
            <text x={x(k * maxX)} y={PAD.top + plotH + 16} textAnchor="middle" fontSize={11} fill="#343a40">
              {kr(k * maxX)}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} stroke="#495057" />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} stroke="#495057" />
        <text x={PAD.left + plotW / 2} y={HEIGHT - 12} textAnchor="middle" fontSize={12} fill="#343a40">
          {m('xAxis')}
        </text>
        <text
          transform={`translate(16 ${PAD.top + plotH / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={12}
          fill="#343a40"
        >
          {m('yAxis')}
        </text>
        {drawn.map((d) => (
          <circle
            key={d.id}
            cx={x(d.yearlySavings!)}
            cy={y(d.investment!)}
            r={radius(d.risk)}
            fill={d.risk === null ? '#fff' : riskColor[d.risk]}
            fillOpacity={d.risk === null ? 1 : 0.75}
            stroke={d.risk === null ? '#495057' : '#212529'}
            strokeWidth={1.5}
          >
            <title>
              {m('pointLabel', {
                title: d.title,
                savings: sek(d.yearlySavings),
                investment: sek(d.investment),
                risk: riskText(d.risk),
              })}
            </title>
          </circle>
        ))}
      </svg>
      <Box
        component="ul"
        mt={6}
        style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: 12 }}
      >
        {[null, 0, 1, 2, 3, 4, 5].map((risk) => (
          <Box component="li" key={String(risk)} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
            <svg width={30} height={30} aria-hidden focusable="false">
              <circle
                cx={15}
                cy={15}
                r={Math.min(14, radius(risk))}
                fill={risk === null ? '#fff' : riskColor[risk]}
                fillOpacity={risk === null ? 1 : 0.75}
                stroke={risk === null ? '#495057' : '#212529'}
                strokeWidth={1.5}
              />
            </svg>
            <Text size="sm">{riskText(risk)}</Text>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
