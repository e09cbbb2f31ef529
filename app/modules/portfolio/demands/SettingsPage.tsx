import { Button, Group, NumberInput, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CapacityAnswer,
  PortfolioSettings,
  RoutingRules,
  ScoringCriterion,
} from '../../../../shared/portfolio/demands.ts';
import { api } from '../../../platform/api.ts';
import { EditableRows } from '../../../platform/editable-rows.tsx';
import { ProblemAlert, useErrorAt } from '../../../platform/errors.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { PageHeader } from '../../../platform/page.tsx';
import { RecordFallback } from '../../../platform/record-actions.tsx';
import { usePortfolioInvalidate, usePortfolioSettings } from '../api.ts';
import { CapacitySettings } from './CapacitySettings.tsx';
import { toKr, toOre } from './parts.tsx';
import { RoutingSettings } from './RoutingSettings.tsx';

// The tenant's portfolio settings, kept by admins: the scoring model's criteria and weights
// (changing it rescores every demand), the decision routing (seed 003, in RoutingSettings) and the
// key roles' capacity (CapacitySettings).

export function PortfolioSettingsPage() {
  const { t } = useTranslation();
  const query = usePortfolioSettings();
  const invalidate = usePortfolioInvalidate();
  const [scoring, setScoring] = useState<ScoringCriterion[]>([]);
  const [routing, setRouting] = useState<RoutingRules | null>(null);
  const [threshold, setThreshold] = useState<number | string>('');
  const [capacity, setCapacity] = useState<CapacityAnswer | null>(null);
  useEffect(() => {
    if (!query.data) return;
    setScoring(query.data.scoring);
    setRouting(query.data.routing);
    setThreshold(toKr(query.data.routing.costThreshold));
    setCapacity(query.data.capacity);
  }, [query.data]);
  const save = useMutation({
    mutationFn: () =>
      api.patch<PortfolioSettings>('/api/v1/portfolio/settings', {
        version: query.data?.version,
        scoring,
        routing: routing && {
          ...routing,
          costThreshold: toOre(threshold),
          // A row added and left empty is no rule; a half-filled one is sent and refused at its field.
          unitBodies: routing.unitBodies.filter((u) => u.unitId || u.forumId),
        },
        // Names are the answer's; a row with no person picked is no capacity.
        capacity: capacity && {
          default: capacity.default,
          people: capacity.people
            .filter((p) => p.personId)
            .map(({ personId, points }) => ({ personId, points })),
        },
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('portfolio.demands.saved'));
    },
  });
  const errorAt = useErrorAt(save.error);
  const s = (key: string) => t(`portfolio.demands.settings.${key}`);
  if (!query.data || !routing || !capacity) return <RecordFallback error={query.error} />;
  const can = query.data.can.update;
  const setCriterion = (i: number, patch: Partial<ScoringCriterion>) =>
    setScoring((list) => list.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <>
      <PageHeader
        title={s('title')}
        description={s('description')}
        breadcrumbs={[
          { label: t('portfolio.navGroup') },
          { label: t('portfolio.demands.title'), to: '/portfolio/demands' },
          { label: s('title') },
        ]}
      />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md" maw={900}>
          <ProblemAlert error={save.error} onReload={() => void query.refetch()} fields={[]} />
          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              {s('scoring')}
            </Title>
            <Stack gap="sm">
              <EditableRows
                caption={s('scoring')}
                columns={[s('key'), s('label'), s('weight')]}
                rows={scoring}
                cells={(c, i) => [
                  <TextInput
                    key="key"
                    aria-label={`${s('key')} ${i + 1}`}
                    value={c.key}
                    onChange={(e) => setCriterion(i, { key: e.currentTarget.value })}
                    disabled={!can}
                  />,
                  <TextInput
                    key="label"
                    aria-label={`${s('label')} ${i + 1}`}
                    value={c.label}
                    onChange={(e) => setCriterion(i, { label: e.currentTarget.value })}
                    disabled={!can}
                  />,
                  <NumberInput
                    key="weight"
                    aria-label={`${s('weight')} ${i + 1}`}
                    value={c.weight}
                    onChange={(v) => setCriterion(i, { weight: typeof v === 'number' ? v : 0 })}
                    min={0}
                    max={100}
                    allowDecimal={false}
                    disabled={!can}
                    w={100}
                  />,
                ]}
                rowName={(c) => c.label}
                onRemove={(i) => setScoring((list) => list.filter((_, j) => j !== i))}
                onAdd={() =>
                  setScoring((list) => [
                    ...list,
                    { key: `kriterium${list.length + 1}`, label: '', weight: 10 },
                  ])
                }
                addLabel={s('add')}
                can={can}
              />
            </Stack>
          </Paper>
          <RoutingSettings
            routing={routing}
            onChange={setRouting}
            threshold={threshold}
            onThreshold={setThreshold}
            can={can}
            errorAt={errorAt}
          />
          <CapacitySettings capacity={capacity} onChange={setCapacity} can={can} errorAt={errorAt} />
          {can && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </>
  );
}
