import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconEdit, IconFileReport, IconTransfer } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Project, riskScore } from '../../../../shared/portfolio/projects.ts';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { DetailList, EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { GoalsSection } from '../benefits/GoalsSection.tsx';
import { useProject, useProjectsInvalidate } from './api.ts';
import { DeviationDialog, HandoverDialog, ReportDialog } from './dialogs.tsx';
import { BudgetDialog, MilestonesDialog, RisksDialog } from './editors.tsx';
import { ProjectFormModal } from './ProjectForm.tsx';
import { Muted, PhaseBadge, RagBadge } from './parts.tsx';
import { todayText } from './today.ts';

// One project: its phase and people, milestones, budget and outcome per year, risks, status
// reports (red/amber/green in words and colour), deviations and where they went, its effect goals
// and their follow-ups (../benefits), and the handover.

function SimpleTable({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table verticalSpacing="xs" fz="sm" striped>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((h, i) => (
              <Table.Th key={h} scope="col" ta={i > 0 && h.endsWith(' ') ? 'right' : undefined}>
                {h.trim()}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ProjectPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { projectId } = useParams({ from: '/_app/portfolio/projects/$projectId' });
  const query = useProject(projectId);
  const invalidate = useProjectsInvalidate();
  const restore = useRestore(`/api/v1/projects/${projectId}`, query.data?.version ?? 0, invalidate);
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [raising, setRaising] = useState(false);
  const [handing, setHanding] = useState(false);
  const [listEditing, setListEditing] = useState<'milestones' | 'budget' | 'risks' | null>(null);
  const p = query.data;
  if (!p || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const tp = (key: string, options?: Record<string, unknown>) =>
    t(`portfolio.projects.${key}`, options ?? {});
  const field = (name: string) => tp(`field.${name}`);
  const money = (ore: number | null) => (ore === null ? '–' : f.sek(ore));
  const sum = (pick: (b: Project['budget'][number]) => number | null) =>
    p.budget.reduce((total, b) => total + (pick(b) ?? 0), 0);
  const today = todayText();
  const editButton = (list: 'milestones' | 'budget' | 'risks', label: string) =>
    p.can.update && (
      <Button
        variant="default"
        leftSection={<IconEdit size={16} aria-hidden />}
        onClick={() => setListEditing(list)}
      >
        {label}
      </Button>
    );
  return (
    <>
      <PageHeader
        title={p.name}
        breadcrumbs={[
          { label: t('portfolio.navGroup') },
          { label: tp('title'), to: '/portfolio/projects' },
          { label: p.name },
        ]}
        description={tp(`phase.${p.phase}`)}
        actions={
          <RecordActions
            archived={!!p.archivedAt}
            can={p.can}
            onEdit={() => setEditing(true)}
            restore={restore}
            items={[]}
            history={{ entity: 'project', entityId: p.id }}
            onArchive={() => setArchiving(true)}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void query.refetch()}
        archived={
          p.archivedAt
            ? { title: tp('archivedTitle', { date: f.date(p.archivedAt) }), reason: p.archiveReason }
            : null
        }
      />
      <Stack gap="md">
        <Section id="project-details" title={tp('details')}>
          <DetailList
            items={[
              { label: field('phase'), value: <PhaseBadge phase={p.phase} /> },
              {
                label: field('manager'),
                value: p.manager ? (
                  <RouterAnchor to="/people/$personId" params={{ personId: p.manager.id }}>
                    {p.manager.name}
                  </RouterAnchor>
                ) : null,
              },
              {
                label: field('steeringGroup'),
                value: p.steeringGroup ? (
                  <RouterAnchor to="/governance/forums/$forumId" params={{ forumId: p.steeringGroup.id }}>
                    {p.steeringGroup.name}
                  </RouterAnchor>
                ) : null,
              },
              { label: field('unit'), value: p.unit?.name ?? null },
              {
                label: field('dates'),
                value:
                  p.startsOn || p.endsOn
                    ? `${p.startsOn ? f.date(p.startsOn) : ''}–${p.endsOn ? f.date(p.endsOn) : ''}`
                    : null,
              },
              { label: field('reportCadence'), value: tp(`cadence.${p.reportCadence}`) },
              {
                label: field('nextReportOn'),
                value: p.nextReportOn
                  ? `${f.date(p.nextReportOn)}${p.nextReportOn < today ? ` (${tp('overdue')})` : ''}`
                  : null,
              },
              {
                label: field('initiative'),
                value: p.initiative ? (
                  <RouterAnchor to="/governance/plans/$planId" params={{ planId: p.initiative.planId }}>
                    {p.initiative.name}
                  </RouterAnchor>
                ) : null,
              },
              {
                label: field('systems'),
                value:
                  p.systems.length > 0 ? (
                    <Stack gap={0}>
                      {p.systems.map((s) => (
                        <RouterAnchor
                          key={s.id}
                          to="/systems/$systemId"
                          params={{ systemId: s.id }}
                          size="sm"
                        >
                          {s.name}
                        </RouterAnchor>
                      ))}
                    </Stack>
                  ) : null,
              },
            ]}
          />
          {p.description && (
            <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {p.description}
            </Text>
          )}
        </Section>

        <Section
          id="project-milestones"
          title={tp('milestones')}
          actions={editButton('milestones', tp('editor.editMilestones'))}
        >
          {p.milestones.length === 0 ? (
            <Muted>{tp('noMilestones')}</Muted>
          ) : (
            <SimpleTable
              caption={tp('milestonesCaption', { name: p.name })}
              head={[tp('milestone'), tp('plannedOn'), tp('doneOn')]}
            >
              {p.milestones.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Th scope="row" fw={500}>
                    {m.name}
                  </Table.Th>
                  <Table.Td>{m.plannedOn ? f.date(m.plannedOn) : <EmptyValue />}</Table.Td>
                  <Table.Td>{m.doneOn ? f.date(m.doneOn) : tp('notDone')}</Table.Td>
                </Table.Tr>
              ))}
            </SimpleTable>
          )}
        </Section>

        <Section
          id="project-budget"
          title={tp('budget')}
          actions={editButton('budget', tp('editor.editBudget'))}
        >
          {p.budget.length === 0 ? (
            <Muted>{tp('noBudget')}</Muted>
          ) : (
            <SimpleTable
              caption={tp('budgetCaption', { name: p.name })}
              head={[
                field('year'),
                `${field('investment')} `,
                `${field('investmentOutcome')} `,
                `${field('running')} `,
                `${field('runningOutcome')} `,
              ]}
            >
              {p.budget.map((b) => (
                <Table.Tr key={b.year}>
                  <Table.Th scope="row" fw={500}>
                    {b.year}
                  </Table.Th>
                  <Table.Td ta="right">{money(b.investment)}</Table.Td>
                  <Table.Td ta="right">{money(b.investmentOutcome)}</Table.Td>
                  <Table.Td ta="right">{money(b.running)}</Table.Td>
                  <Table.Td ta="right">{money(b.runningOutcome)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{tp('total')}</Table.Th>
                <Table.Td ta="right">{f.sek(sum((b) => b.investment))}</Table.Td>
                <Table.Td ta="right">{f.sek(sum((b) => b.investmentOutcome))}</Table.Td>
                <Table.Td ta="right">{f.sek(sum((b) => b.running))}</Table.Td>
                <Table.Td ta="right">{f.sek(sum((b) => b.runningOutcome))}</Table.Td>
              </Table.Tr>
            </SimpleTable>
          )}
        </Section>

        <Section id="project-risks" title={tp('risks')} actions={editButton('risks', tp('editor.editRisks'))}>
          {p.risks.length === 0 ? (
            <Muted>{tp('noRisks')}</Muted>
          ) : (
            <SimpleTable
              caption={tp('risksCaption', { name: p.name })}
              head={[
                tp('risk'),
                tp('probability'),
                tp('consequence'),
                tp('score'),
                tp('mitigation'),
                tp('owner'),
              ]}
            >
              {[...p.risks]
                .sort((a, b) => riskScore(b) - riskScore(a))
                .map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row" fw={500}>
                      {r.description}
                    </Table.Th>
                    <Table.Td>{r.probability}</Table.Td>
                    <Table.Td>{r.consequence}</Table.Td>
                    <Table.Td>{riskScore(r)}</Table.Td>
                    <Table.Td>{r.mitigation ?? <EmptyValue />}</Table.Td>
                    <Table.Td>{r.owner?.name ?? <EmptyValue />}</Table.Td>
                  </Table.Tr>
                ))}
            </SimpleTable>
          )}
        </Section>

        <Section
          id="project-reports"
          title={tp('reports')}
          actions={
            p.can.report && (
              <Button
                variant="default"
                leftSection={<IconFileReport size={16} aria-hidden />}
                onClick={() => setReporting(true)}
              >
                {tp('newReport')}
              </Button>
            )
          }
        >
          {p.reports.length === 0 ? (
            <Muted>{tp('noReports')}</Muted>
          ) : (
            <SimpleTable
              caption={tp('reportsCaption', { name: p.name })}
              head={[
                tp('period'),
                tp('ragArea.time'),
                tp('ragArea.cost'),
                tp('ragArea.scope'),
                tp('summary'),
                tp('reportedBy'),
              ]}
            >
              {p.reports.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={500}>
                    {`${f.date(r.periodFrom)}–${f.date(r.periodTo)}`}
                  </Table.Th>
                  {(['time', 'cost', 'scope'] as const).map((area) => (
                    <Table.Td key={area}>
                      <RagBadge level={r[area]} />
                      {r[`${area}Note`] && (
                        <Text size="xs" mt={4}>
                          {r[`${area}Note`]}
                        </Text>
                      )}
                    </Table.Td>
                  ))}
                  <Table.Td>{r.summary ?? <EmptyValue />}</Table.Td>
                  <Table.Td>{r.reportedBy}</Table.Td>
                </Table.Tr>
              ))}
            </SimpleTable>
          )}
        </Section>

        <Section
          id="project-deviations"
          title={tp('deviations')}
          actions={
            p.can.raiseDeviation && (
              <Button
                variant="default"
                leftSection={<IconAlertTriangle size={16} aria-hidden />}
                onClick={() => setRaising(true)}
              >
                {tp('newDeviation')}
              </Button>
            )
          }
        >
          {p.deviations.length === 0 ? (
            <Muted>{tp('noDeviations')}</Muted>
          ) : (
            <SimpleTable
              caption={tp('deviationsCaption', { name: p.name })}
              head={[
                tp('deviation'),
                tp('deviationConsequence'),
                tp('proposedAction'),
                field('steeringGroup'),
              ]}
            >
              {p.deviations.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Th scope="row" fw={500}>
                    {d.title}
                    <Text size="xs" fw={400}>
                      {d.needsDecision ? tp('decisionYes') : tp('decisionNo')} · {f.date(d.createdAt)} ·{' '}
                      {d.raisedBy}
                    </Text>
                  </Table.Th>
                  <Table.Td>{d.consequence ?? <EmptyValue />}</Table.Td>
                  <Table.Td>{d.proposedAction ?? <EmptyValue />}</Table.Td>
                  <Table.Td>
                    {d.forum?.name ?? <EmptyValue />}
                    {d.meeting ? (
                      <RouterAnchor
                        to="/governance/meetings/$meetingId"
                        params={{ meetingId: d.meeting.id }}
                        size="xs"
                        display="block"
                      >
                        {tp('onAgenda', { date: f.date(d.meeting.startsAt) })}
                      </RouterAnchor>
                    ) : (
                      d.forum && (
                        <Text size="xs" c="dimmed">
                          {tp('waiting')}
                        </Text>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </SimpleTable>
          )}
        </Section>

        <GoalsSection project={p} canKeep={p.can.report} />

        <Section
          id="project-handover"
          title={tp('handover')}
          actions={
            p.can.handover && (
              <Button
                variant="default"
                leftSection={<IconTransfer size={16} aria-hidden />}
                onClick={() => setHanding(true)}
              >
                {tp('handOver')}
              </Button>
            )
          }
        >
          {p.handover ? (
            <Group gap="xs">
              <Text size="sm">
                {tp('handoverDone', { date: f.date(p.handover.at), system: p.handover.system.name })}
              </Text>
              <RouterAnchor to="/systems/$systemId" params={{ systemId: p.handover.system.id }} size="sm">
                {p.handover.system.name}
              </RouterAnchor>
            </Group>
          ) : (
            <Muted>{tp('handoverHelp')}</Muted>
          )}
        </Section>
      </Stack>
      {p.can.update && (
        <ProjectFormModal
          opened={editing}
          onClose={() => setEditing(false)}
          project={p}
          onReload={() => query.refetch()}
        />
      )}
      {p.can.update && (
        <>
          <MilestonesDialog
            project={p}
            opened={listEditing === 'milestones'}
            onClose={() => setListEditing(null)}
            onReload={() => query.refetch()}
          />
          <BudgetDialog
            project={p}
            opened={listEditing === 'budget'}
            onClose={() => setListEditing(null)}
            onReload={() => query.refetch()}
          />
          <RisksDialog
            project={p}
            opened={listEditing === 'risks'}
            onClose={() => setListEditing(null)}
            onReload={() => query.refetch()}
          />
        </>
      )}
      {p.can.report && <ReportDialog project={p} opened={reporting} onClose={() => setReporting(false)} />}
      {p.can.raiseDeviation && (
        <DeviationDialog project={p} opened={raising} onClose={() => setRaising(false)} />
      )}
      {p.can.handover && <HandoverDialog project={p} opened={handing} onClose={() => setHanding(false)} />}
      {p.can.archive && (
        <ArchiveDialog
          opened={archiving}
          onClose={() => setArchiving(false)}
          title={tp('archiveTitle', { name: p.name })}
          help={tp('archiveHelp')}
          path={`/api/v1/projects/${p.id}`}
          version={p.version}
          onReload={() => query.refetch()}
          invalidate={invalidate}
        />
      )}
    </>
  );
}
