import { Anchor, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Initiative } from '../../../../shared/governance/plans.ts';
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
import { useGovernanceInvalidate } from '../api.ts';
import { usePlan } from '../goals/api.ts';
import { InitiativeStatusBadge } from '../goals/parts.tsx';
import { InitiativeDialog } from './InitiativeDialog.tsx';
import { InitiativeFormModal, RemoveInitiativeDialog } from './InitiativeForm.tsx';
import { PlanFormModal } from './PlanForm.tsx';
import { planYears } from './years.ts';

// One IT plan: the decision that adopted it and each initiative with its goals, who answers, its
// status and why, its dates, planned and actual cost, its decision and a link to its project.

export function PlanPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { planId } = useParams({ from: '/_app/governance/plans/$planId' });
  const query = usePlan(planId);
  const invalidate = useGovernanceInvalidate();
  const restore = useRestore(`/api/v1/plans/${planId}`, query.data?.version ?? 0, invalidate);
  const [archiving, setArchiving] = useState(false);
  const [editing, setEditing] = useState(false);
  const [following, setFollowing] = useState<Initiative | null>(null);
  // The initiative whose fields are changed; 'new' while one is added.
  const [changing, setChanging] = useState<Initiative | 'new' | null>(null);
  const [removing, setRemoving] = useState<Initiative | null>(null);
  const p = query.data;
  if (!p || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  const money = (ore: number | null) => (ore === null ? '–' : f.sek(ore));
  return (
    <>
      <PageHeader
        title={p.title}
        breadcrumbs={[
          { label: t('governance.navGroup') },
          { label: t('governance.plans.title'), to: '/governance/plans' },
          { label: p.title },
        ]}
        description={planYears(p)}
        actions={
          <RecordActions
            archived={!!p.archivedAt}
            can={p.can}
            onEdit={() => setEditing(true)}
            restore={restore}
            items={[]}
            history={{ entity: 'plan', entityId: p.id }}
            onArchive={() => setArchiving(true)}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void query.refetch()}
        archived={
          p.archivedAt
            ? {
                title: t('governance.plans.archivedTitle', { date: f.date(p.archivedAt) }),
                reason: p.archiveReason,
              }
            : null
        }
      />
      <Stack gap="md">
        <Section id="plan-details" title={t('governance.plans.details')}>
          <DetailList
            items={[
              { label: t('governance.plans.field.years'), value: planYears(p) },
              {
                label: t('governance.plans.field.decision'),
                value: p.decision ? (
                  <RouterAnchor to="/governance/decisions/$decisionId" params={{ decisionId: p.decision.id }}>
                    {p.decision.name}
                  </RouterAnchor>
                ) : null,
              },
              { label: t('governance.plans.field.plannedCost'), value: f.sek(p.summary.plannedCost) },
              { label: t('governance.plans.field.outcomeCost'), value: f.sek(p.summary.outcomeCost) },
            ]}
          />
          {p.description && (
            <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {p.description}
            </Text>
          )}
        </Section>
        <Section
          id="plan-initiatives"
          title={t('governance.plans.field.initiatives')}
          actions={
            p.can.update && (
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setChanging('new')}
              >
                {t('governance.plans.addInitiative')}
              </Button>
            )
          }
        >
          <Table.ScrollContainer minWidth={900} type="native">
            <Table verticalSpacing="xs" fz="sm" striped>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
                {t('governance.plans.initiativesCaption', { name: p.title })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('governance.plans.field.initiative')}</Table.Th>
                  <Table.Th scope="col">{t('governance.plans.field.status')}</Table.Th>
                  <Table.Th scope="col">{t('governance.plans.field.responsible')}</Table.Th>
                  <Table.Th scope="col">{t('governance.plans.field.dates')}</Table.Th>
                  <Table.Th scope="col">{t('governance.plans.field.goals')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('governance.plans.field.plannedCost')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('governance.plans.field.outcomeCost')}
                  </Table.Th>
                  <Table.Th scope="col">{t('governance.plans.field.decision')}</Table.Th>
                  {p.can.update && (
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('governance.plans.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.initiatives.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Th scope="row" fw={500}>
                      {i.title}
                      {i.statusNote && (
                        <Text size="xs" fw={400} c="dimmed">
                          {i.statusNote}
                        </Text>
                      )}
                      {i.projectLink && (
                        <Anchor href={i.projectLink} size="xs" fw={400} display="block">
                          {t('governance.plans.project')}
                        </Anchor>
                      )}
                    </Table.Th>
                    <Table.Td>
                      <InitiativeStatusBadge status={i.status} />
                    </Table.Td>
                    <Table.Td>{i.responsible?.name ?? <EmptyValue />}</Table.Td>
                    <Table.Td>
                      {i.startsOn || i.endsOn ? (
                        `${i.startsOn ? f.date(i.startsOn) : ''}–${i.endsOn ? f.date(i.endsOn) : ''}`
                      ) : (
                        <EmptyValue />
                      )}
                    </Table.Td>
                    <Table.Td>
                      {i.goals.length === 0 ? (
                        <EmptyValue />
                      ) : (
                        <Stack gap={0}>
                          {i.goals.map((g) => (
                            <RouterAnchor
                              key={g.id}
                              to="/governance/goals/$goalId"
                              params={{ goalId: g.id }}
                              size="sm"
                            >
                              {g.name}
                            </RouterAnchor>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{money(i.plannedCost)}</Table.Td>
                    <Table.Td ta="right">{money(i.outcomeCost)}</Table.Td>
                    <Table.Td>
                      {i.decision ? (
                        <RouterAnchor
                          to="/governance/decisions/$decisionId"
                          params={{ decisionId: i.decision.id }}
                          size="sm"
                        >
                          {i.decision.name}
                        </RouterAnchor>
                      ) : (
                        <EmptyValue />
                      )}
                    </Table.Td>
                    {p.can.update && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setFollowing(i)}
                            aria-label={t('governance.plans.followUpTitle', { name: i.title })}
                          >
                            {t('governance.plans.followUp')}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setChanging(i)}
                            aria-label={t('governance.plans.editInitiativeTitle', { name: i.title })}
                          >
                            {t('common.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            color="red.9"
                            onClick={() => setRemoving(i)}
                            aria-label={t('governance.plans.removeInitiativeTitle', { name: i.title })}
                          >
                            {t('governance.plans.remove')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>
      </Stack>
      {p.can.update && (
        <>
          <PlanFormModal
            opened={editing}
            onClose={() => setEditing(false)}
            plan={p}
            onReload={() => query.refetch()}
          />
          <InitiativeDialog
            plan={p}
            initiative={following}
            onClose={() => setFollowing(null)}
            onReload={() => void query.refetch()}
          />
          <InitiativeFormModal
            plan={p}
            opened={changing !== null}
            initiative={changing === 'new' ? null : changing}
            onClose={() => setChanging(null)}
            onReload={() => query.refetch()}
          />
          <RemoveInitiativeDialog
            plan={p}
            initiative={removing}
            onClose={() => setRemoving(null)}
            onReload={() => void query.refetch()}
          />
        </>
      )}
      {p.can.archive && (
        <ArchiveDialog
          opened={archiving}
          onClose={() => setArchiving(false)}
          title={t('governance.plans.archiveTitle', { name: p.title })}
          help={t('governance.plans.archiveHelp')}
          path={`/api/v1/plans/${p.id}`}
          version={p.version}
          onReload={() => query.refetch()}
          invalidate={invalidate}
        />
      )}
    </>
  );
}
