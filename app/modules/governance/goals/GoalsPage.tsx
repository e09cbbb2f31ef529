import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconReportAnalytics } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../../shared/governance/goals.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { RouterAnchor, RouterButton } from '../../../platform/links.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { EmptyValue, PageHeader, Section } from '../../../platform/page.tsx';
import { useGovernanceInvalidate, useGovernanceSettings } from '../api.ts';
import { useGoals } from './api.ts';
import { GoalFields, type GoalFieldValues, goalFieldsBody } from './GoalFields.tsx';
import { perspectiveOrder, useFigure } from './parts.tsx';

// The IT strategy's målbild: the goals by perspective of the steering model (seed 001), each with
// its indicators and their latest value against the target.

function latest(goal: Goal) {
  return goal.indicators.map((i) => {
    const withValue = [...i.years].reverse().find((y) => y.value !== null);
    return { indicator: i, year: withValue ?? null };
  });
}

export function GoalsPage() {
  const { t } = useTranslation();
  const goals = useGoals();
  const settings = useGovernanceSettings();
  const figure = useFigure();
  const [creating, setCreating] = useState(false);
  const items = goals.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('governance.goals.title')}
        breadcrumbs={[{ label: t('governance.navGroup') }, { label: t('governance.goals.title') }]}
        description={t('governance.goals.description')}
        actions={
          <Group gap="xs">
            <RouterButton
              to="/governance/follow-up"
              variant="default"
              leftSection={<IconReportAnalytics size={16} aria-hidden />}
            >
              {t('governance.goals.followUp.nav')}
            </RouterButton>
            {settings.data?.can.update && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('governance.goals.new')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="md">
        {perspectiveOrder.map((p) => {
          const inPerspective = items.filter((g) => g.perspective === p);
          return (
            <Section key={p} id={`perspective-${p}`} title={t(`governance.goals.perspective.${p}`)}>
              {inPerspective.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('governance.goals.none')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={560} type="native">
                  <Table verticalSpacing="xs" fz="sm">
                    <Table.Caption>
                      <VisuallyHidden>{t(`governance.goals.perspective.${p}`)}</VisuallyHidden>
                    </Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('governance.goals.field.title')}</Table.Th>
                        <Table.Th scope="col">{t('governance.goals.field.owner')}</Table.Th>
                        <Table.Th scope="col">{t('governance.goals.indicators')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {inPerspective.map((g) => (
                        <Table.Tr key={g.id}>
                          <Table.Td>
                            <RouterAnchor to="/governance/goals/$goalId" params={{ goalId: g.id }} size="sm">
                              {g.title}
                            </RouterAnchor>
                          </Table.Td>
                          <Table.Td>{g.owner?.name ?? <EmptyValue />}</Table.Td>
                          <Table.Td>
                            {g.indicators.length === 0 ? (
                              <EmptyValue />
                            ) : (
                              <Stack gap={2}>
                                {latest(g).map(({ indicator, year }) => (
                                  <Text key={indicator.id} size="sm">
                                    {indicator.name}:{' '}
                                    {year
                                      ? t('governance.goals.latestValue', {
                                          value: figure(year.value, indicator.unit),
                                          year: year.year,
                                        })
                                      : '–'}
                                    {indicator.target !== null &&
                                      ` · ${t('governance.goals.targetShort', { value: figure(indicator.target, indicator.unit) })}`}
                                  </Text>
                                ))}
                              </Stack>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Section>
          );
        })}
      </Stack>
      <GoalCreateDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function GoalCreateDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useGovernanceInvalidate();
  const [fields, setFields] = useState<GoalFieldValues>({
    perspective: 'service',
    title: '',
    description: '',
  });
  const save = useMutation({
    mutationFn: () => api.post<Goal>('/api/v1/goals', goalFieldsBody(fields)),
    onSuccess: async (goal) => {
      await invalidate();
      notifySuccess(t('governance.goals.created', { name: goal.title }));
      onClose();
      await navigate({ to: '/governance/goals/$goalId', params: { goalId: goal.id } });
    },
  });
  const errors = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Dialog opened={opened} onClose={onClose} title={t('governance.goals.new')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={save.error} fields={['perspective', 'title', 'description']} />
          <GoalFields value={fields} onChange={setFields} errors={errors} />
          <DialogFooter onCancel={onClose} label={t('governance.goals.create')} loading={save.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}
