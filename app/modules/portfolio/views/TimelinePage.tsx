import { Alert, Box, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { procurementStatuses } from '../../../../shared/portfolio/procurements.ts';
import { type ProjectPhase, projectPhases, type Rag } from '../../../../shared/portfolio/projects.ts';
import { type Timeline, timelineKinds } from '../../../../shared/portfolio/views.ts';
import { api, query } from '../../../platform/api.ts';
import { UnitSelect } from '../../../platform/directory/parts.tsx';
import { useFormat } from '../../../platform/format.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { FilterBar } from '../../../platform/list-page.tsx';
import { EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import { ProcurementStatusBadge } from '../procurements/parts.tsx';
import { PhaseBadge, RagBadge } from '../projects/parts.tsx';
import './views.css';

// The portfolio's timeline (GET /api/v1/portfolio/timeline): a Gantt-like SVG of the projects
// (bars coloured and worded by their latest status, milestones as diamonds) and procurements
// (striped bars) over a period, with today's line. Each row is a link: Tab or the arrow keys move
// between them, Enter opens one, and the focused row is outlined. The same rows follow as a real
// table, for anyone who would rather read them. Colours have at least 3:1 against white and are
// never the only difference: the status is in each row's name and in the table.

const WIDTH = 960;
const LABEL = 260;
const ROW = 30;
const HEAD = 34;
const ragColor: Record<Rag | 'none', string> = {
  green: '#2b8a3e',
  amber: '#b35c00',
  red: '#c92a2a',
  none: '#495057',
};
const PROCUREMENT = '#1864ab';

const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
const defaultFrom = () => {
  const d = new Date();
  d.setMonth(d.getMonth() - 3, 1);
  return `${d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 8)}01`;
};

interface Row {
  key: string;
  kind: 'project' | 'procurement';
  id: string;
  name: string;
  start: string | null;
  end: string | null;
  color: string;
  state: string;
  href: string;
  milestones: { id: string; name: string; on: string; done: boolean }[];
}

export function TimelinePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`portfolio.views.timeline.${key}`, o);
  const v = (key: string) => t(`portfolio.views.${key}`);
  const [from, setFrom] = useState<string | undefined>(defaultFrom());
  const [to, setTo] = useState<string | undefined>();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [phase, setPhase] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [kind, setKind] = useState<string>('all');
  const params = {
    from,
    to,
    unitId: unitId ?? undefined,
    phase: phase ?? undefined,
    status: status ?? undefined,
    kind,
  };
  const timeline = useQuery({
    queryKey: ['portfolio', 'views', 'timeline', params],
    queryFn: ({ signal }) => api.get<Timeline>(`/api/v1/portfolio/timeline${query(params)}`, { signal }),
    placeholderData: (previous) => previous,
  });
  const data = timeline.data;
  return (
    <>
      <PageHeader
        title={m('title')}
        description={m('description')}
        breadcrumbs={[{ label: t('portfolio.navGroup') }, { label: m('title') }]}
      />
      <FilterBar label={v('filters')}>
        <DateField label={v('from')} value={from} onChange={setFrom} w={170} />
        <DateField label={v('to')} value={to} onChange={setTo} w={170} />
        <UnitSelect
          label={v('unit')}
          placeholder={v('anyUnit')}
          value={unitId}
          onChange={setUnitId}
          w={240}
        />
        <Select
          label={v('phase')}
          placeholder={v('anyPhase')}
          data={projectPhases.map((p) => ({ value: p, label: t(`portfolio.projects.phase.${p}`) }))}
          value={phase}
          onChange={setPhase}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={200}
        />
        <Select
          label={v('status')}
          placeholder={v('anyStatus')}
          data={procurementStatuses.map((s) => ({
            value: s,
            label: t(`portfolio.procurements.status.${s}`),
          }))}
          value={status}
          onChange={setStatus}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          w={200}
        />
        <Select
          label={v('kind')}
          data={timelineKinds.map((k) => ({
            value: k,
            label: v(`kind${k[0]!.toUpperCase()}${k.slice(1)}`),
          }))}
          value={kind}
          onChange={(value) => setKind(value ?? 'all')}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          w={240}
        />
      </FilterBar>
      {timeline.error ? (
        <Alert color="red" role="alert">
          {timeline.error.message}
        </Alert>
      ) : null}
      {data && <TimelineBody data={data} format={f} />}
    </>
  );
}

function TimelineBody({ data, format: f }: { data: Timeline; format: ReturnType<typeof useFormat> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const m = (key: string, o?: Record<string, unknown>) => t(`portfolio.views.timeline.${key}`, o);
  const titleId = useId();
  const keysId = useId();
  const links = useRef<((Element & { focus(): void }) | null)[]>([]);
  const rows: Row[] = [
    ...data.projects.map((p) => ({
      key: `p${p.id}`,
      kind: 'project' as const,
      id: p.id,
      name: p.name,
      start: p.startsOn,
      end: p.endsOn,
      color: ragColor[p.rag ?? 'none'],
      state: `${t(`portfolio.projects.phase.${p.phase}`)}. ${
        p.rag ? m('statusLabel', { level: t(`portfolio.projects.rag.${p.rag}`) }) : m('noStatus')
      }`,
      href: `/portfolio/projects/${p.id}`,
      milestones: p.milestones
        .filter((x) => x.plannedOn || x.doneOn)
        .map((x) => ({ id: x.id, name: x.name, on: (x.doneOn ?? x.plannedOn)!, done: !!x.doneOn })),
    })),
    ...data.procurements.map((r) => ({
      key: `r${r.id}`,
      kind: 'procurement' as const,
      id: r.id,
      name: r.title,
      start: r.startsOn,
      end: r.endsOn,
      color: PROCUREMENT,
      state: t(`portfolio.procurements.status.${r.status}`),
      href: `/portfolio/procurements/${r.id}`,
      milestones: [],
    })),
  ];
  const first = dayNumber(data.from);
  const span = Math.max(1, dayNumber(data.to) - first + 1);
  const plot = WIDTH - LABEL - 8;
  const x = (date: string) => LABEL + (Math.min(Math.max(dayNumber(date) - first, 0), span) / span) * plot;
  const height = HEAD + rows.length * ROW + 8;
  // Month ticks: the first of each month in the period (every n-th when many).
  const months: string[] = [];
  for (let d = `${data.from.slice(0, 7)}-01`; d <= data.to; ) {
    if (d >= data.from) months.push(d);
    const [y, mo] = d.split('-').map(Number) as [number, number];
    d = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
  }
  const every = Math.max(1, Math.ceil(months.length / 12));
  const showToday = data.today >= data.from && data.today <= data.to;
  const onKey = (i: number) => (event: KeyboardEvent<Element>) => {
    const next =
      event.key === 'ArrowDown'
        ? i + 1
        : event.key === 'ArrowUp'
          ? i - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? rows.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    links.current[Math.max(0, Math.min(rows.length - 1, next))]?.focus();
  };
  const dateText = (date: string | null, open: string) => (date ? f.date(date) : m(open));
  const name = (r: Row) => (r.name.length > 34 ? `${r.name.slice(0, 33)}…` : r.name);
  return (
    <Stack gap="md">
      {data.truncated && (
        <Alert color="yellow" role="status">
          {m('truncated')}
        </Alert>
      )}
      <Section id="timeline-chart" title={m('chart', { from: f.date(data.from), to: f.date(data.to) })}>
        {rows.length === 0 ? (
          <Text c="dimmed">{m('none')}</Text>
        ) : (
          <Box role="group" aria-labelledby={titleId} aria-describedby={keysId} className="styrbord-timeline">
            <Text id={titleId} size="sm" mb={4}>
              {m('summary', {
                projects: data.projects.length,
                procurements: data.procurements.length,
                from: f.date(data.from),
                to: f.date(data.to),
              })}
            </Text>
            <Text id={keysId} size="sm" c="dimmed" mb="xs" className="styrbord-no-print">
              {m('keys')}
            </Text>
            <Box style={{ overflowX: 'auto' }}>
              <svg
                viewBox={`0 0 ${WIDTH} ${height}`}
                width="100%"
                style={{ minWidth: 720, maxWidth: WIDTH, display: 'block' }}
              >
                <title>{m('chart', { from: f.date(data.from), to: f.date(data.to) })}</title>
                {months.map((d, i) => (
                  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a tick line and its label, nothing in it takes focus
                  <g key={d} aria-hidden="true">
                    <line x1={x(d)} x2={x(d)} y1={HEAD - 6} y2={height - 4} stroke="#dee2e6" />
                    {i % every === 0 ? (
                      <text x={x(d) + 3} y={HEAD - 12} fontSize={12} fill="#343a40">
                        {f.date(d).slice(0, 7)}
                      </text>
                    ) : null}
                  </g>
                ))}
                {rows.map((r, i) => {
                  const top = HEAD + i * ROW;
                  const left = r.start ? x(r.start) : LABEL;
                  const right = r.end ? x(r.end) : WIDTH - 8;
                  const label = m('barLabel', {
                    kind: m(r.kind),
                    name: r.name,
                    start: dateText(r.start, 'openStart'),
                    end: dateText(r.end, 'openEnd'),
                    state: r.state,
                  });
                  return (
                    <a
                      key={r.key}
                      href={r.href}
                      aria-label={label}
                      ref={(el) => {
                        links.current[i] = el;
                      }}
                      onKeyDown={onKey(i)}
                      onClick={(event) => {
                        event.preventDefault();
                        void navigate({ to: r.href as never });
                      }}
                      className="styrbord-timeline-row"
                    >
                      <rect
                        className="styrbord-timeline-focus"
                        x={1}
                        y={top + 1}
                        width={WIDTH - 2}
                        height={ROW - 2}
                        rx={4}
                      />
                      <text x={8} y={top + ROW / 2 + 4} fontSize={13} fill="#212529">
                        {name(r)}
                      </text>
                      <rect
                        x={left}
                        y={top + 7}
                        width={Math.max(3, right - left)}
                        height={ROW - 14}
                        rx={3}
                        fill={r.kind === 'project' ? r.color : '#fff'}
                        stroke={r.color}
                        strokeWidth={r.kind === 'project' ? 0 : 2}
                        strokeDasharray={r.kind === 'project' ? undefined : '6 3'}
                      />
                      {r.kind === 'procurement' ? (
                        <rect
                          x={left + 3}
                          y={top + 11}
                          width={Math.max(0, right - left - 6)}
                          height={ROW - 22}
                          fill={r.color}
                          opacity={0.35}
                        />
                      ) : null}
                      {r.milestones
                        .filter((ms) => ms.on >= data.from && ms.on <= data.to)
                        .map((ms) => (
                          <path
                            key={ms.id}
                            d={`M ${x(ms.on)} ${top + 3} l 7 12 l -7 12 l -7 -12 z`}
                            fill={ms.done ? '#212529' : '#fff'}
                            stroke="#212529"
                            strokeWidth={1.5}
                          />
                        ))}
                    </a>
                  );
                })}
                {showToday ? (
                  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: the today line, named in the summary; nothing in it takes focus
                  <g aria-hidden="true">
                    <line
                      x1={x(data.today)}
                      x2={x(data.today)}
                      y1={HEAD - 8}
                      y2={height - 4}
                      stroke="#c92a2a"
                      strokeWidth={2}
                      strokeDasharray="4 3"
                    />
                    <text x={x(data.today) + 4} y={HEAD - 1} fontSize={11} fill="#c92a2a">
                      {m('today')}
                    </text>
                  </g>
                ) : null}
              </svg>
            </Box>
          </Box>
        )}
      </Section>
      <Section id="timeline-table" title={m('tableSection')}>
        <Table.ScrollContainer
          minWidth={760}
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
                <Table.Th scope="col">{m('kindCol')}</Table.Th>
                <Table.Th scope="col">{m('nameCol')}</Table.Th>
                <Table.Th scope="col">{m('startCol')}</Table.Th>
                <Table.Th scope="col">{m('endCol')}</Table.Th>
                <Table.Th scope="col">{m('stateCol')}</Table.Th>
                <Table.Th scope="col">{m('ragCol')}</Table.Th>
                <Table.Th scope="col">{m('milestonesCol')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.projects.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{m('project')}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    <RouterAnchor to="/portfolio/projects/$projectId" params={{ projectId: p.id }} size="sm">
                      {p.name}
                    </RouterAnchor>
                  </Table.Th>
                  <Table.Td>{p.startsOn ? f.date(p.startsOn) : <EmptyValue />}</Table.Td>
                  <Table.Td>{p.endsOn ? f.date(p.endsOn) : <EmptyValue />}</Table.Td>
                  <Table.Td>
                    <PhaseBadge phase={p.phase as ProjectPhase} />
                  </Table.Td>
                  <Table.Td>{p.rag ? <RagBadge level={p.rag} /> : m('noStatus')}</Table.Td>
                  <Table.Td>
                    {p.milestones.length === 0 ? (
                      <EmptyValue />
                    ) : (
                      p.milestones
                        .map(
                          (x) =>
                            `${x.name} (${x.doneOn ? f.date(x.doneOn) : x.plannedOn ? f.date(x.plannedOn) : '–'})`,
                        )
                        .join('; ')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              {data.procurements.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{m('procurement')}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    <RouterAnchor
                      to="/portfolio/procurements/$procurementId"
                      params={{ procurementId: r.id }}
                      size="sm"
                    >
                      {r.title}
                    </RouterAnchor>
                  </Table.Th>
                  <Table.Td>{r.startsOn ? f.date(r.startsOn) : <EmptyValue />}</Table.Td>
                  <Table.Td>{r.endsOn ? f.date(r.endsOn) : <EmptyValue />}</Table.Td>
                  <Table.Td>
                    <ProcurementStatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>
                    <EmptyValue />
                  </Table.Td>
                  <Table.Td>
                    <EmptyValue />
                  </Table.Td>
                </Table.Tr>
              ))}
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>{m('none')}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>
    </Stack>
  );
}
