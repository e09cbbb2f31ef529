import { Button, Group, Menu, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChartLine, IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EffectGoal } from '../../../../shared/portfolio/benefits.ts';
import type { Project } from '../../../../shared/portfolio/projects.ts';
import { ArchiveDialog, useRestore } from '../../../platform/dialogs.tsx';
import { useFormat } from '../../../platform/format.ts';
import { EmptyValue, Section } from '../../../platform/page.tsx';
import { useDemandOf, useEffectGoals, useGoalsInvalidate } from './api.ts';
import { FollowUpDialog, GoalDialog } from './GoalDialogs.tsx';
import { FollowUpState, useValueText } from './parts.tsx';

// A project's effect goals as a section of its page (#benefits): each goal's indicator from
// baseline to target, the benefit it promises and what its latest follow-up realised, the next
// follow-up and who is responsible; then every follow-up recorded. The project's keepers and
// manager state and change goals; the responsible person records follow-ups.

export function GoalsSection({ project, canKeep }: { project: Project; canKeep: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const tb = (key: string, o?: Record<string, unknown>) => t(`portfolio.benefits.${key}`, o ?? {});
  const [showArchived, setShowArchived] = useState(false);
  const goals = useEffectGoals({ projectId: project.id, includeArchived: showArchived ? 'true' : 'false' });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<EffectGoal | null>(null);
  const [following, setFollowing] = useState<EffectGoal | null>(null);
  const [archiving, setArchiving] = useState<EffectGoal | null>(null);
  const value = useValueText();
  const demand = useDemandOf(project.demandId).data;
  const promise =
    demand && (demand.yearlySavings !== null || demand.hoursFreed !== null)
      ? tb('demandPromised', {
          number: demand.number,
          money: demand.yearlySavings === null ? '–' : f.sek(demand.yearlySavings),
          hours: demand.hoursFreed === null ? '–' : f.number(demand.hoursFreed),
        })
      : null;
  const items = goals.data?.items ?? [];
  const followUps = items.flatMap((g) => g.followUps.map((u) => ({ goal: g, ...u })));
  followUps.sort((a, b) => b.measuredOn.localeCompare(a.measuredOn));
  return (
    <Section
      id="benefits"
      title={tb('sectionTitle')}
      description={tb('sectionHelp')}
      actions={
        canKeep &&
        !project.archivedAt && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {tb('newGoal')}
          </Button>
        )
      }
    >
      <Stack gap="md">
        {promise && <Text size="sm">{promise}</Text>}
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {goals.isPending ? t('common.loading') : tb('noGoals')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760} type="native">
            <Table verticalSpacing="xs" fz="sm" striped>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
                {tb('goalsCaption', { name: project.name })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{tb('field.name')}</Table.Th>
                  <Table.Th scope="col">{tb('baselineToTarget')}</Table.Th>
                  <Table.Th scope="col">{tb('promised')}</Table.Th>
                  <Table.Th scope="col">{tb('realised')}</Table.Th>
                  <Table.Th scope="col">{tb('nextFollowUp')}</Table.Th>
                  <Table.Th scope="col">{tb('field.responsible')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{tb('actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Th scope="row" fw={500}>
                      {g.name}
                      <Text size="xs" fw={400}>
                        {g.indicator} · {tb(`kind.${g.kind}`)} · {tb(`direction.${g.direction}`)}
                      </Text>
                    </Table.Th>
                    <Table.Td>{`${value(g, g.baseline)} → ${value(g, g.target)}`}</Table.Td>
                    <Table.Td>{value(g, g.promised)}</Table.Td>
                    <Table.Td>{value(g, g.realised)}</Table.Td>
                    <Table.Td>
                      <FollowUpState goal={g} />
                    </Table.Td>
                    <Table.Td>{g.responsible.name}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        {g.can.followUp && (
                          <Button
                            size="compact-sm"
                            variant="default"
                            leftSection={<IconChartLine size={14} aria-hidden />}
                            onClick={() => setFollowing(g)}
                            aria-label={tb('followUpNamed', { name: g.name })}
                          >
                            {tb('followUp')}
                          </Button>
                        )}
                        {(g.can.update || g.can.archive || g.can.restore) && (
                          <GoalMenu goal={g} onEdit={() => setEditing(g)} onArchive={() => setArchiving(g)} />
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {followUps.length > 0 && (
          <Table.ScrollContainer minWidth={640} type="native">
            <Table verticalSpacing="xs" fz="sm">
              <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
                {tb('followUpsCaption')}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{tb('field.measuredOn')}</Table.Th>
                  <Table.Th scope="col">{tb('goal')}</Table.Th>
                  <Table.Th scope="col">{tb('field.value')}</Table.Th>
                  <Table.Th scope="col">{tb('realised')}</Table.Th>
                  <Table.Th scope="col">{tb('field.comment')}</Table.Th>
                  <Table.Th scope="col">{tb('recordedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {followUps.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Th scope="row" fw={500}>
                      {f.date(u.measuredOn)}
                      <Text size="xs" fw={400}>
                        {u.dueOn ? tb('answers', { date: f.date(u.dueOn) }) : tb('interim')}
                      </Text>
                    </Table.Th>
                    <Table.Td>{u.goal.name}</Table.Td>
                    <Table.Td>{value(u.goal, u.value)}</Table.Td>
                    <Table.Td>{value(u.goal, u.realised)}</Table.Td>
                    <Table.Td>{u.comment ?? <EmptyValue />}</Table.Td>
                    <Table.Td>{u.recordedBy}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => setShowArchived((v) => !v)}>
            {showArchived ? tb('hideArchived') : tb('showArchived')}
          </Button>
        </Group>
      </Stack>
      {canKeep && (
        <GoalDialog
          opened={creating || editing !== null}
          onClose={() => {
            setCreating(false);
            setEditing(null);
          }}
          goal={editing}
          project={project}
          onReload={() => goals.refetch()}
        />
      )}
      {following && <FollowUpDialog goal={following} opened onClose={() => setFollowing(null)} />}
      {archiving && (
        <ArchiveGoal goal={archiving} onClose={() => setArchiving(null)} onReload={() => goals.refetch()} />
      )}
    </Section>
  );
}

function GoalMenu({
  goal,
  onEdit,
  onArchive,
}: {
  goal: EffectGoal;
  onEdit: () => void;
  onArchive: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useGoalsInvalidate();
  const restore = useRestore(`/api/v1/effect-goals/${goal.id}`, goal.version, invalidate);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="subtle"
          aria-label={t('portfolio.benefits.moreFor', { name: goal.name })}
        >
          <IconDots size={16} aria-hidden />
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {goal.can.update && <Menu.Item onClick={onEdit}>{t('common.edit')}</Menu.Item>}
        {goal.can.archive && <Menu.Item onClick={onArchive}>{t('common.archive')}</Menu.Item>}
        {goal.can.restore && <Menu.Item onClick={() => restore.mutate()}>{t('common.restore')}</Menu.Item>}
      </Menu.Dropdown>
    </Menu>
  );
}

function ArchiveGoal({
  goal,
  onClose,
  onReload,
}: {
  goal: EffectGoal;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useGoalsInvalidate();
  return (
    <ArchiveDialog
      opened
      onClose={onClose}
      title={t('portfolio.benefits.archiveTitle', { name: goal.name })}
      help={t('portfolio.benefits.archiveHelp')}
      path={`/api/v1/effect-goals/${goal.id}`}
      version={goal.version}
      onReload={onReload}
      invalidate={invalidate}
    />
  );
}
