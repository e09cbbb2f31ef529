import { Box, Group, Table, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';

// Small charts for dashboards and reports: bars per period (one or more series side by side) and
// lines over periods. Written here rather than taken from a chart library because what they must
// do is little and strict: each chart is one SVG with role="img" and a summary in words as its
// name, the same numbers follow as a real table (behind a disclosure, for anyone who would rather
// read them, and for print), nothing in them takes focus, the colours are the caller's (picked with
// at least 3:1 against white, WCAG 1.4.11) and each series also has its own pattern of line or
// bar edge, so that colour is never the only difference. They print as they show. Every word in
// them is the caller's (sv.ts/en.ts): the title, the summary, what the values count (the value
// axis's title), the series, the disclosure and the table's period column. The chart with its
// legend and table is a group named by its title; the table's scroll box is a named region that
// takes focus, so that a keyboard can scroll it.

export interface ChartSeries {
  label: string;
  /** A CSS colour with at least 3:1 contrast against white. */
  color: string;
  values: number[];
}

interface ChartProps {
  /** The chart's heading, shown above it. */
  title: string;
  /** What the chart shows, in words: the SVG's accessible name. */
  summary: string;
  /** The label of each period (x axis), e.g. "jan 2026". */
  labels: string[];
  series: ChartSeries[];
  /** The disclosure's text: "Visa siffrorna som tabell". */
  tableLabel: string;
  /** The heading of the table's first column ("Period"). */
  periodLabel: string;
  /** What the values count ("Antal ärenden"): the value axis's title (the summary says it in words). */
  valueLabel?: string;
  format?: (value: number) => string;
  height?: number;
}

const WIDTH = 720;
const PAD = { top: 12, right: 12, bottom: 44, left: 52 };
/** Room for the value axis's title left of the numbers. */
const AXIS_TITLE = 20;
const DASHES = ['', '6 4', '2 3', '10 3 2 3'];

/** A round step for about four grid lines up to `max`. */
function niceStep(max: number): number {
  if (max <= 4) return 1;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const n = raw / power;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * power;
}

function Frame({
  title,
  summary,
  valueLabel,
  height,
  labels,
  max,
  format,
  children,
}: {
  title: string;
  summary: string;
  valueLabel?: string;
  height: number;
  labels: string[];
  max: number;
  format: (value: number) => string;
  children: (x: (i: number) => number, y: (v: number) => number, slot: number) => ReactNode;
}) {
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const left = PAD.left + (valueLabel ? AXIS_TITLE : 0);
  const plotW = WIDTH - left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, labels.length);
  const x = (i: number) => left + slot * i + slot / 2;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const ticks = Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
  // Every label when they fit, else every n-th.
  const every = Math.max(1, Math.ceil(labels.length / 12));
  return (
    <svg
      role="img"
      aria-label={`${title}. ${summary}`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: 'block', overflow: 'visible' }}
    >
      {valueLabel ? (
        <text
          transform={`translate(14 ${PAD.top + plotH / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={12}
          fill="#343a40"
        >
          {valueLabel}
        </text>
      ) : null}
      {ticks.map((v) => (
        <g key={v}>
          <line x1={left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} stroke="#ced4da" strokeWidth={1} />
          <text x={left - 6} y={y(v) + 4} textAnchor="end" fontSize={12} fill="#343a40">
            {format(v)}
          </text>
        </g>
      ))}
      {children(x, y, slot)}
      <line x1={left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} stroke="#495057" strokeWidth={1} />
      {labels.map((label, i) =>
        i % every === 0 ? (
          <text
            key={label}
            x={x(i)}
            y={height - PAD.bottom + 18}
            textAnchor="middle"
            fontSize={12}
            fill="#343a40"
          >
            {label}
          </text>
        ) : null,
      )}
    </svg>
  );
}

function Legend({ series }: { series: ChartSeries[] }) {
  return (
    <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {series.map((s, i) => (
        <Group key={s.label} gap={6} component="li" wrap="nowrap">
          <svg width={28} height={12} aria-hidden focusable="false">
            <line
              x1={0}
              x2={28}
              y1={6}
              y2={6}
              stroke={s.color}
              strokeWidth={4}
              strokeDasharray={DASHES[i % 4]}
            />
          </svg>
          <Text size="sm">{s.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

function NumbersTable({ props }: { props: ChartProps }) {
  const format = props.format ?? String;
  return (
    <Box component="details" mt="xs" className="styrbord-chart-table">
      <Box component="summary" style={{ cursor: 'pointer' }}>
        <Text span size="sm">
          {props.tableLabel}
        </Text>
      </Box>
      <Table.ScrollContainer minWidth={320} type="native" tabIndex={0} role="region" aria-label={props.title}>
        <Table striped verticalSpacing={4} horizontalSpacing="sm" fz="sm" mt="xs">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>{props.title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{props.periodLabel}</Table.Th>
              {props.series.map((s) => (
                <Table.Th key={s.label} scope="col" ta="right">
                  {s.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.labels.map((label, i) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" fw={500}>
                  {label}
                </Table.Th>
                {props.series.map((s) => (
                  <Table.Td key={s.label} ta="right">
                    {format(s.values[i] ?? 0)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}

function ChartBox({ props, children }: { props: ChartProps; children: ReactNode }) {
  const titleId = useId();
  return (
    <Box role="group" aria-labelledby={titleId}>
      <Text fw={600} mb={4} id={titleId}>
        {props.title}
      </Text>
      {children}
      <Box mt={6}>
        <Legend series={props.series} />
      </Box>
      <NumbersTable props={props} />
    </Box>
  );
}

const maxOf = (series: ChartSeries[]) => Math.max(0, ...series.flatMap((s) => s.values));

/** Bars per period, the series side by side. */
export function BarChart(props: ChartProps) {
  const format = props.format ?? String;
  const height = props.height ?? 240;
  const n = Math.max(1, props.series.length);
  return (
    <ChartBox props={props}>
      <Frame
        title={props.title}
        summary={props.summary}
        valueLabel={props.valueLabel}
        height={height}
        labels={props.labels}
        max={maxOf(props.series)}
        format={format}
      >
        {(x, y, slot) => {
          const bar = Math.min(28, (slot * 0.8) / n);
          return props.series.map((s, k) =>
            s.values.map((v, i) => {
              const left = x(i) - (bar * n) / 2 + k * bar;
              return (
                <rect
                  // biome-ignore lint/suspicious/noArrayIndexKey: a bar is its period and series
                  key={`${k}-${i}`}
                  x={left + 1}
                  y={y(v)}
                  width={Math.max(1, bar - 2)}
                  height={Math.max(0, y(0) - y(v))}
                  fill={s.color}
                  stroke="#212529"
                  strokeWidth={k === 0 ? 0 : 1}
                  strokeDasharray={DASHES[k % 4]}
                />
              );
            }),
          );
        }}
      </Frame>
    </ChartBox>
  );
}

/** Lines over the periods, a marker at each value. */
export function LineChart(props: ChartProps) {
  const format = props.format ?? String;
  const height = props.height ?? 240;
  return (
    <ChartBox props={props}>
      <Frame
        title={props.title}
        summary={props.summary}
        valueLabel={props.valueLabel}
        height={height}
        labels={props.labels}
        max={maxOf(props.series)}
        format={format}
      >
        {(x, y) =>
          props.series.map((s, k) => (
            <g key={s.label}>
              <polyline
                points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
                fill="none"
                stroke={s.color}
                strokeWidth={3}
                strokeDasharray={DASHES[k % 4]}
              />
              {s.values.map((v, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a marker is its period
                <circle key={i} cx={x(i)} cy={y(v)} r={3.5} fill={s.color} />
              ))}
            </g>
          ))
        }
      </Frame>
    </ChartBox>
  );
}

/** "most in August (1 234), least in July (410)" and the like: the peak and the low of a series. */
export function extremes(
  labels: string[],
  values: number[],
): { max: [string, number]; min: [string, number] } | null {
  if (values.length === 0) return null;
  let hi = 0;
  let lo = 0;
  values.forEach((v, i) => {
    if (v > values[hi]!) hi = i;
    if (v < values[lo]!) lo = i;
  });
  return { max: [labels[hi]!, values[hi]!], min: [labels[lo]!, values[lo]!] };
}
