import { Button, Group, List, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconHistory, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Demand, type DemandStatus, mayTransition } from '../../../../shared/portfolio/demands.ts';
import { api } from '../../../platform/api.ts';
import { useMe } from '../../../platform/auth.tsx';
import { PersonLink } from '../../../platform/directory/parts.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { RecordRefLink, RouterAnchor } from '../../../platform/links.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import { isNotFound, RecordFallback } from '../../../platform/record-actions.tsx';
import { useDemand, useDemandRouting, usePortfolioInvalidate } from '../api.ts';
import { useKeepsPortfolio, useProjectsOfDemand } from '../projects/api.ts';
import { ProjectFormModal } from '../projects/ProjectForm.tsx';
import { AgendaDialog, ConsultDialog, DecideDialog, PrepareDialog } from './DemandDialogs.tsx';
import { DemandStatusBadge } from './parts.tsx';

// One demand: what it is and who submitted it, its preparation (benefit, cost, security impact,
// score), its decision path (who decides, who must be consulted first, what is missing), its
// consultations and agendas, and the actions the reader may take: prepare, move it a step, record
// a consultation, put it on an agenda, record the decision.

const steps: DemandStatus[] = ['received', 'preparing', 'readyForDecision', 'inProgress', 'closed'];

function Refs({ items }: { items: { id: string; name: string | null; href: string | null }[] }) {
  if (items.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap">
      {items.map((r, i) => (
        <Text span size="sm" key={r.id}>
          <RecordRefLink name={r.name} href={r.href} />
          {i < items.length - 1 ? ',' : ''}
        </Text>
      ))}
    </Group>
  );
}

export function DemandPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const navigate = useNavigate();
  const { demandId } = useParams({ from: '/_app/portfolio/demands/$demandId' });
  const query = useDemand(demandId);
  const staff = me.grants.some((g) => g.role !== 'employee');
  const routing = useDemandRouting(demandId, staff && !!query.data);
  const invalidate = usePortfolioInvalidate();
  const [dialog, setDialog] = useState<null | 'prepare' | 'consult' | 'agenda' | 'decide' | 'project'>(null);
  const keeps = useKeepsPortfolio();
  const carried = useProjectsOfDemand(demandId, staff);
  const move = useMutation({
    mutationFn: (status: DemandStatus) =>
      api.post<Demand>(`/api/v1/demands/${demandId}/status`, { version: query.data?.version, status }),
    onSuccess: async (d) => {
      await invalidate();
      notifySuccess(t('portfolio.demands.moved', { status: t(`portfolio.demands.status.${d.status}`) }));
    },
  });
  const d = query.data;
  if (!d || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const field = (name: string) => t(`portfolio.demands.field.${name}`);
  const sek = (ore: number | null) => (ore === null ? null : f.sek(ore));
  const next = steps.filter((s) => mayTransition(d.status, s, d.outcome));
  const close = () => setDialog(null);
  const reload = () => void query.refetch();
  const r = routing.data;
  const security = d.securityImpact;
  // A project carries out a demand decided with approval (the server checks the same).
  const mayStartProject =
    keeps && (d.status === 'inProgress' || (d.status === 'decided' && d.outcome === 'approved'));
  const projects = carried.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={d.title}
        documentTitle={`${d.number} ${d.title}`}
        breadcrumbs={[
          { label: t('portfolio.navGroup') },
          { label: t('portfolio.demands.title'), to: '/portfolio/demands' },
          { label: d.number },
        ]}
        badges={<DemandStatusBadge status={d.status} outcome={d.outcome} />}
        description={`${d.number} · ${t(`portfolio.demands.scope.${d.scope}`)}`}
        actions={
          <Group gap="xs">
            {d.can.prepare && (
              <Button variant="default" onClick={() => setDialog('prepare')}>
                {t('portfolio.demands.prepare')}
              </Button>
            )}
            {d.can.decide && (
              <Button onClick={() => setDialog('decide')}>{t('portfolio.demands.decide')}</Button>
            )}
            {staff && (
              <Button
                variant="subtle"
                leftSection={<IconHistory size={16} aria-hidden />}
                onClick={() =>
                  void navigate({ to: '/admin/audit', search: { entity: 'demand', entityId: d.id } })
                }
              >
                {t('portfolio.demands.history')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="md">
        {d.can.transition && next.length > 0 && (
          <Group gap="xs">
            {next.map((s) => (
              <Button
                key={s}
                variant="light"
                size="xs"
                loading={move.isPending}
                onClick={() => move.mutate(s)}
              >
                {t('portfolio.demands.moveTo', { status: t(`portfolio.demands.status.${s}`) })}
              </Button>
            ))}
          </Group>
        )}
        <ProblemAlert error={move.error} onReload={reload} />
        <Section id="demand-details" title={t('portfolio.demands.details')}>
          <DetailList
            items={[
              { label: field('status'), value: <DemandStatusBadge status={d.status} outcome={d.outcome} /> },
              { label: field('scope'), value: t(`portfolio.demands.scope.${d.scope}`) },
              {
                label: field('unit'),
                value: d.unitId ? (
                  <RouterAnchor to="/units/$unitId" params={{ unitId: d.unitId }}>
                    {d.unitName}
                  </RouterAnchor>
                ) : null,
              },
              {
                label: field('submitter'),
                value: d.submitterId ? (
                  <PersonLink id={d.submitterId} name={d.submitterName ?? undefined} />
                ) : null,
              },
              { label: field('createdAt'), value: f.date(d.createdAt) },
              { label: field('systems'), value: <Refs items={d.systems} /> },
              { label: field('reason'), value: d.reason },
              { label: field('beneficiaries'), value: d.beneficiaries },
              {
                label: field('fromTicket'),
                value: d.fromTicket ? (
                  <RecordRefLink name={d.fromTicket.name} href={d.fromTicket.href} />
                ) : null,
              },
              {
                label: field('decision'),
                value: d.decision ? <RecordRefLink name={d.decision.name} href={d.decision.href} /> : null,
              },
            ]}
          />
          <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {d.description}
          </Text>
        </Section>
        <Section id="demand-preparation" title={t('portfolio.demands.preparation')}>
          <DetailList
            items={[
              { label: field('score'), value: f.number(d.score) },
              { label: field('benefitText'), value: d.benefitText },
              { label: field('yearlySavings'), value: sek(d.yearlySavings) },
              { label: field('hoursFreed'), value: d.hoursFreed === null ? null : f.number(d.hoursFreed) },
              { label: field('investment'), value: sek(d.investment) },
              { label: field('runningCost'), value: sek(d.runningCost) },
              { label: field('affectedUnits'), value: <Refs items={d.affectedUnits} /> },
              { label: field('goals'), value: <Refs items={d.goals} /> },
              {
                label: field('securityImpact'),
                value: security
                  ? security.highest === null
                    ? t('portfolio.demands.securityUnknown')
                    : t('portfolio.demands.security', {
                        c: security.confidentiality ?? '–',
                        i: security.integrity ?? '–',
                        a: security.availability ?? '–',
                        highest: security.highest,
                        classified: security.classified,
                        systems: security.systems,
                      })
                  : d.systems.length
                    ? t('portfolio.demands.securityHidden')
                    : null,
              },
              { label: field('risks'), value: d.risks },
              { label: field('effort'), value: d.effort ? t(`portfolio.demands.effort.${d.effort}`) : null },
              {
                label: field('preparedByForum'),
                value: d.preparedByForum ? (
                  <RecordRefLink name={d.preparedByForum.name} href={d.preparedByForum.href} />
                ) : null,
              },
              { label: field('preparedOn'), value: d.preparedOn },
            ]}
          />
        </Section>
        {staff && (
          <Section
            id="demand-routing"
            title={t('portfolio.demands.routing')}
            description={t('portfolio.demands.routingHelp')}
          >
            {r && (
              <Stack gap="sm">
                <Text size="sm">
                  <strong>{t('portfolio.demands.decidingBody')}:</strong>{' '}
                  {r.decidingBody
                    ? `${r.decidingBody.name} (${t(`portfolio.demands.rule.${r.decidingBody.rule}`)})`
                    : t('portfolio.demands.decidingBodyNone')}
                </Text>
                {r.decidingBody && r.decidingBody.because.length > 0 && (
                  <List size="sm" spacing={4}>
                    {r.decidingBody.because.map((b) => (
                      <List.Item key={b.key}>
                        {t(`portfolio.demands.because.${b.key}`, { names: b.names.join(', ') })}
                      </List.Item>
                    ))}
                  </List>
                )}
                {r.consultFirst.length > 0 && (
                  <>
                    <Text size="sm" fw={500}>
                      {t('portfolio.demands.consultFirst')}
                    </Text>
                    <List size="sm" spacing={4} listStyleType="none">
                      {r.consultFirst.map((s) => (
                        <List.Item
                          key={s.key}
                          icon={
                            <ThemeIcon size={20} radius="xl" color={s.done ? 'green.8' : 'gray.7'}>
                              {s.done ? <IconCheck size={14} aria-hidden /> : <IconX size={14} aria-hidden />}
                            </ThemeIcon>
                          }
                        >
                          {t(`portfolio.demands.step.${s.key}`)}:{' '}
                          {s.done ? t('portfolio.demands.done') : t('portfolio.demands.notDone')}
                          {s.detail ? ` (${s.detail})` : ''}
                        </List.Item>
                      ))}
                    </List>
                  </>
                )}
                <Text size="sm" fw={500}>
                  {t('portfolio.demands.missing')}
                </Text>
                {r.missing.length === 0 ? (
                  <Text size="sm">{t('portfolio.demands.missingNone')}</Text>
                ) : (
                  <List size="sm" spacing={4}>
                    {r.missing.map((m) => (
                      <List.Item key={m.key}>
                        {t(`portfolio.demands.missingKey.${m.key}`, { defaultValue: m.message })}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            )}
          </Section>
        )}
        <Section
          id="demand-consultations"
          title={t('portfolio.demands.consultations')}
          actions={
            d.can.consult ? (
              <Button size="xs" variant="default" onClick={() => setDialog('consult')}>
                {t('portfolio.demands.consult')}
              </Button>
            ) : undefined
          }
        >
          {d.consultations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('portfolio.demands.consultationsNone')}
            </Text>
          ) : (
            <Table>
              <Table.Caption>{t('portfolio.demands.consultations')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('portfolio.demands.consultOn')}</Table.Th>
                  <Table.Th scope="col">{t('portfolio.demands.consultParty')}</Table.Th>
                  <Table.Th scope="col">{t('portfolio.demands.consultWho')}</Table.Th>
                  <Table.Th scope="col">{t('portfolio.demands.consultNote')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.consultations.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.on}</Table.Td>
                    <Table.Td>{t(`portfolio.demands.party.${c.party}`)}</Table.Td>
                    <Table.Td>{c.who}</Table.Td>
                    <Table.Td>{c.note}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
        <Section
          id="demand-agenda"
          title={t('portfolio.demands.agenda')}
          actions={
            d.can.putOnAgenda ? (
              <Button size="xs" variant="default" onClick={() => setDialog('agenda')}>
                {t('portfolio.demands.putOnAgenda')}
              </Button>
            ) : undefined
          }
        >
          {d.agenda.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('portfolio.demands.agendaNone')}
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {d.agenda.map((a) => (
                <List.Item key={a.itemId}>
                  <RouterAnchor to="/governance/meetings/$meetingId" params={{ meetingId: a.meetingId }}>
                    {a.forumName} {f.date(a.startsAt)}
                  </RouterAnchor>
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        {staff && (
          <Section
            id="demand-projects"
            title={t('portfolio.demands.projects')}
            actions={
              mayStartProject ? (
                <Button size="xs" variant="default" onClick={() => setDialog('project')}>
                  {t('portfolio.demands.startProject')}
                </Button>
              ) : undefined
            }
          >
            {projects.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('portfolio.demands.projectsNone')}
              </Text>
            ) : (
              <List size="sm" spacing={4}>
                {projects.map((p) => (
                  <List.Item key={p.id}>
                    <RouterAnchor to="/portfolio/projects/$projectId" params={{ projectId: p.id }}>
                      {p.name}
                    </RouterAnchor>{' '}
                    · {t(`portfolio.projects.phase.${p.phase}`)}
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        )}
      </Stack>
      {mayStartProject && (
        <ProjectFormModal
          opened={dialog === 'project'}
          onClose={close}
          project={null}
          demand={{ id: d.id, title: d.title, unitId: d.unitId }}
        />
      )}
      {d.can.prepare && (
        <PrepareDialog opened={dialog === 'prepare'} onClose={close} demand={d} onReload={reload} />
      )}
      {d.can.consult && (
        <ConsultDialog opened={dialog === 'consult'} onClose={close} demand={d} onReload={reload} />
      )}
      {d.can.putOnAgenda && (
        <AgendaDialog opened={dialog === 'agenda'} onClose={close} demand={d} onReload={reload} />
      )}
      {d.can.decide && (
        <DecideDialog opened={dialog === 'decide'} onClose={close} demand={d} onReload={reload} routing={r} />
      )}
    </>
  );
}
