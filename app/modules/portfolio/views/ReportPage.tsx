import { Button, Group, NumberInput, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectPhase } from '../../../../shared/portfolio/projects.ts';
import type { PortfolioSummary } from '../../../../shared/portfolio/summary.ts';
import type { PortfolioReport } from '../../../../shared/portfolio/views.ts';
import { api, query } from '../../../platform/api.ts';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { ExportMenu } from '../../../platform/list-page.tsx';
import { DetailList, EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import { PhaseBadge, RagTriple } from '../projects/parts.tsx';
import './views.css';

// The portfolio report for the IT-styrgrupp: the summary's figures (GET /api/v1/portfolio/summary),
// then the report (GET /api/v1/portfolio/report): the ranked backlog's top N, the projects with
// their latest status, the deviations, the procurements starting soon. One page that prints as it
// reads (views.css hides the app's frame and the controls); the projects' XLSX from its header.

function ReportTable({
  caption,
  head,
  children,
  empty,
  colSpan,
}: {
  caption: string;
  head: string[];
  children: ReactNode;
  empty: string | null;
  colSpan: number;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer
      minWidth={640}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={t('portfolio.views.report.tableOf', { caption })}
    >
      <Table striped verticalSpacing={6} fz="sm">
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {children}
          {empty && (
            <Table.Tr>
              <Table.Td colSpan={colSpan}>{empty}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ReportPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const m = (key: string, o?: Record<string, unknown>) => t(`portfolio.views.report.${key}`, o);
  const [top, setTop] = useState(10);
  const [soonDays, setSoonDays] = useState(90);
  const [params] = useDebouncedValue({ top, soonDays }, 250);
  const summary = useQuery({
    queryKey: ['portfolio', 'summary'],
    queryFn: ({ signal }) => api.get<PortfolioSummary>('/api/v1/portfolio/summary', { signal }),
  });
  const report = useQuery({
    queryKey: ['portfolio', 'views', 'report', params],
    queryFn: ({ signal }) => api.get<PortfolioReport>(`/api/v1/portfolio/report${query(params)}`, { signal }),
    placeholderData: (previous) => previous,
  });
  const s = summary.data;
  const r = report.data;
  const sek = (ore: number | null) => (ore === null ? <EmptyValue /> : f.sek(ore));
  return (
    <div className="styrbord-portfolio-report">
      <PageHeader
        title={m('title')}
        description={r ? m('generated', { date: f.date(r.today) }) : m('description')}
        breadcrumbs={[{ label: t('portfolio.navGroup') }, { label: m('title') }]}
        actions={
          <Group gap="xs" className="styrbord-no-print">
            <ExportMenu path="/api/v1/projects/export" params={{}} />
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={() => window.print()}
            >
              {m('print')}
            </Button>
          </Group>
        }
      />
      <Group gap="md" mb="md" className="styrbord-no-print" align="flex-end">
        <NumberInput
          label={m('top')}
          value={top}
          onChange={(v) => setTop(Math.min(50, Math.max(1, Number(v) || 1)))}
          min={1}
          max={50}
          w={200}
        />
        <NumberInput
          label={m('soonDays')}
          value={soonDays}
          onChange={(v) => setSoonDays(Math.min(730, Math.max(1, Number(v) || 1)))}
          min={1}
          max={730}
          w={280}
        />
      </Group>
      <Stack gap="md">
        {s && (
          <Section id="report-overview" title={m('overview')}>
            <DetailList
              items={[
                { label: m('demands'), value: f.number(s.demands.total) },
                { label: m('approvedSavings'), value: f.sek(s.demands.approved.yearlySavings) },
                { label: m('projectsTotal'), value: f.number(s.projects.total) },
                ...(['green', 'amber', 'red'] as const).map((level) => ({
                  label: t('portfolio.summary.latest', { level: t(`portfolio.projects.rag.${level}`) }),
                  value: f.number(s.projects.byStatus[level]),
                })),
                { label: m('reportsOverdue'), value: f.number(s.projects.reportsOverdue) },
                { label: m('procurementsTotal'), value: f.number(s.procurements.total) },
                { label: t('portfolio.summary.cancelledCost'), value: f.sek(s.procurements.cancelledCost) },
              ]}
            />
          </Section>
        )}
        {r && (
          <>
            <Section id="report-backlog" title={m('backlog', { count: top })}>
              <ReportTable
                caption={m('backlog', { count: top })}
                colSpan={6}
                empty={r.backlog.length === 0 ? m('backlogNone') : null}
                head={[
                  t('portfolio.views.bubbles.number'),
                  t('portfolio.views.bubbles.titleCol'),
                  t('portfolio.views.bubbles.statusCol'),
                  t('portfolio.views.bubbles.score'),
                  t('portfolio.views.bubbles.investment'),
                  t('portfolio.views.bubbles.savings'),
                ]}
              >
                {r.backlog.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{d.number}</Table.Td>
                    <Table.Th scope="row" fw={400}>
                      <RouterAnchor to="/portfolio/demands/$demandId" params={{ demandId: d.id }} size="sm">
                        {d.title}
                      </RouterAnchor>
                    </Table.Th>
                    <Table.Td>{t(`portfolio.demands.status.${d.status}`)}</Table.Td>
                    <Table.Td>{f.number(d.score)}</Table.Td>
                    <Table.Td>{sek(d.investment)}</Table.Td>
                    <Table.Td>{sek(d.yearlySavings)}</Table.Td>
                  </Table.Tr>
                ))}
              </ReportTable>
            </Section>
            <Section id="report-projects" title={m('projects')}>
              <ReportTable
                caption={m('projects')}
                colSpan={6}
                empty={r.projects.length === 0 ? m('projectsNone') : null}
                head={[
                  t('portfolio.views.timeline.nameCol'),
                  t('portfolio.views.phase'),
                  m('manager'),
                  m('endsOn'),
                  m('periodTo'),
                  t('portfolio.views.timeline.ragCol'),
                ]}
              >
                {r.projects.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row" fw={400}>
                      <RouterAnchor
                        to="/portfolio/projects/$projectId"
                        params={{ projectId: p.id }}
                        size="sm"
                      >
                        {p.name}
                      </RouterAnchor>
                    </Table.Th>
                    <Table.Td>
                      <PhaseBadge phase={p.phase as ProjectPhase} />
                    </Table.Td>
                    <Table.Td>{p.manager?.name ?? <EmptyValue />}</Table.Td>
                    <Table.Td>{p.endsOn ? f.date(p.endsOn) : <EmptyValue />}</Table.Td>
                    <Table.Td>{p.latest ? f.date(p.latest.periodTo) : <EmptyValue />}</Table.Td>
                    <Table.Td>
                      {p.latest ? (
                        <Stack gap={2}>
                          <RagTriple report={p.latest} />
                          {p.latest.summary && <Text size="sm">{p.latest.summary}</Text>}
                        </Stack>
                      ) : (
                        t('portfolio.views.timeline.noStatus')
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </ReportTable>
            </Section>
            <Section id="report-deviations" title={m('deviations')}>
              <ReportTable
                caption={m('deviations')}
                colSpan={5}
                empty={r.deviations.length === 0 ? m('deviationsNone') : null}
                head={[
                  t('portfolio.views.timeline.project'),
                  t('portfolio.views.timeline.nameCol'),
                  m('raisedOn'),
                  m('needsDecision'),
                  m('agenda'),
                ]}
              >
                {r.deviations.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <RouterAnchor
                        to="/portfolio/projects/$projectId"
                        params={{ projectId: d.project.id }}
                        size="sm"
                      >
                        {d.project.name}
                      </RouterAnchor>
                    </Table.Td>
                    <Table.Th scope="row" fw={400}>
                      {d.title}
                    </Table.Th>
                    <Table.Td>{f.date(d.raisedOn)}</Table.Td>
                    <Table.Td>{d.needsDecision ? m('yes') : m('no')}</Table.Td>
                    <Table.Td>{d.waiting ? m('waiting') : m('onAgenda')}</Table.Td>
                  </Table.Tr>
                ))}
              </ReportTable>
            </Section>
            <Section id="report-soon" title={m('soon', { days: soonDays })}>
              <ReportTable
                caption={m('soon', { days: soonDays })}
                colSpan={5}
                empty={r.procurementsSoon.length === 0 ? m('soonNone') : null}
                head={[
                  t('portfolio.views.timeline.nameCol'),
                  m('plannedStart'),
                  m('procedure'),
                  t('portfolio.views.bubbles.statusCol'),
                  m('value'),
                ]}
              >
                {r.procurementsSoon.map((q) => (
                  <Table.Tr key={q.id}>
                    <Table.Th scope="row" fw={400}>
                      <RouterAnchor
                        to="/portfolio/procurements/$procurementId"
                        params={{ procurementId: q.id }}
                        size="sm"
                      >
                        {q.title}
                      </RouterAnchor>
                    </Table.Th>
                    <Table.Td>{f.date(q.plannedStartOn)}</Table.Td>
                    <Table.Td>{t(`portfolio.procurements.procedure.${q.procedure}`)}</Table.Td>
                    <Table.Td>{t(`portfolio.procurements.status.${q.status}`)}</Table.Td>
                    <Table.Td>{sek(q.estimatedValue)}</Table.Td>
                  </Table.Tr>
                ))}
              </ReportTable>
            </Section>
          </>
        )}
      </Stack>
    </div>
  );
}
