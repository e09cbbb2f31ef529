import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Direction,
  directions,
  type Goal,
  type Indicator,
  type IndicatorInput,
} from '../../../../shared/governance/goals.ts';
import { api } from '../../../platform/api.ts';
import { ArchiveDialog, Dialog, DialogFooter, useRestore } from '../../../platform/dialogs.tsx';
import { PersonLink } from '../../../platform/directory/parts.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { useFormat } from '../../../platform/format.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { DetailList, PageHeader, Section } from '../../../platform/page.tsx';
import {
  isNotFound,
  RecordActions,
  RecordFallback,
  RecordNotices,
} from '../../../platform/record-actions.tsx';
import { useGovernanceInvalidate } from '../api.ts';
import { putGoalValue, useGoal, useIndicatorSources } from './api.ts';
import { GoalFields, type GoalFieldValues, goalFieldsBody } from './GoalFields.tsx';
import { IndicatorChart, useFigure, useSourceText } from './parts.tsx';

// One goal of the IT strategy: its perspective, owner and description, and each indicator with its
// values year by year (typed, computed from a module, or frozen), its trend, and — for the
// keepers — a form to enter a year's value and target, or to freeze a computed figure.

const thisYear = () => new Date().getFullYear();

export function GoalPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { goalId } = useParams({ from: '/_app/governance/goals/$goalId' });
  const query = useGoal(goalId);
  const invalidate = useGovernanceInvalidate();
  const restore = useRestore(`/api/v1/goals/${goalId}`, query.data?.version ?? 0, invalidate);
  const [dialog, setDialog] = useState<null | 'edit' | 'indicator' | 'archive'>(null);
  const g = query.data;
  if (!g || isNotFound(query.error)) return <RecordFallback error={query.error} />;
  return (
    <>
      <PageHeader
        title={g.title}
        breadcrumbs={[
          { label: t('governance.navGroup') },
          { label: t('governance.goals.title'), to: '/governance/goals' },
          { label: g.title },
        ]}
        description={t(`governance.goals.perspective.${g.perspective}`)}
        actions={
          <RecordActions
            archived={!!g.archivedAt}
            can={g.can}
            onEdit={() => setDialog('edit')}
            restore={restore}
            items={[]}
            history={{ entity: 'goal', entityId: g.id }}
            onArchive={() => setDialog('archive')}
          />
        }
      />
      <RecordNotices
        restoreError={restore.error}
        onReload={() => void query.refetch()}
        archived={
          g.archivedAt
            ? {
                title: t('governance.goals.archivedTitle', { date: f.date(g.archivedAt) }),
                reason: g.archiveReason,
              }
            : null
        }
      />
      <Stack gap="md">
        <Section id="goal-details" title={t('governance.goals.details')}>
          <DetailList
            items={[
              {
                label: t('governance.goals.field.perspective'),
                value: t(`governance.goals.perspective.${g.perspective}`),
              },
              {
                label: t('governance.goals.field.owner'),
                value: g.owner ? <PersonLink id={g.owner.id} name={g.owner.name} /> : null,
              },
            ]}
          />
          {g.description && (
            <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {g.description}
            </Text>
          )}
        </Section>
        {g.indicators.map((i) => (
          <IndicatorSection key={i.id} goal={g} indicator={i} onReload={() => void query.refetch()} />
        ))}
        {g.can.update && (
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setDialog('indicator')}
            >
              {t('governance.goals.addIndicator')}
            </Button>
          </Group>
        )}
      </Stack>
      {g.can.update && (
        <GoalEditDialog
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
          goal={g}
          onReload={() => void query.refetch()}
        />
      )}
      {g.can.update && (
        <IndicatorDialog opened={dialog === 'indicator'} onClose={() => setDialog(null)} goal={g} />
      )}
      {g.can.archive && (
        <ArchiveDialog
          opened={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={t('governance.goals.archiveTitle', { name: g.title })}
          help={t('governance.goals.archiveHelp')}
          path={`/api/v1/goals/${g.id}`}
          version={g.version}
          onReload={() => query.refetch()}
          invalidate={invalidate}
        />
      )}
    </>
  );
}

function IndicatorSection({
  goal,
  indicator: i,
  onReload,
}: {
  goal: Goal;
  indicator: Indicator;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const figure = useFigure();
  const sourceText = useSourceText();
  const source = i.source ? sourceText(i.source) : null;
  const [removing, setRemoving] = useState(false);
  return (
    <Section
      id={`indicator-${i.id}`}
      title={i.name}
      actions={
        goal.can.update &&
        !goal.archivedAt && (
          <Button
            variant="default"
            color="red.9"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => setRemoving(true)}
            aria-label={t('governance.goals.removeIndicatorTitle', { name: i.name })}
          >
            {t('governance.goals.removeIndicator')}
          </Button>
        )
      }
    >
      <Stack gap="md">
        <DetailList
          items={[
            { label: t('governance.goals.field.unit'), value: i.unit || null },
            {
              label: t('governance.goals.field.direction'),
              value: t(`governance.goals.direction.${i.direction}`),
            },
            {
              label: t('governance.goals.field.baseline'),
              value:
                i.baseline === null
                  ? null
                  : `${figure(i.baseline, i.unit)}${i.baselineYear ? ` (${i.baselineYear})` : ''}`,
            },
            {
              label: t('governance.goals.field.target'),
              value:
                i.target === null
                  ? null
                  : `${figure(i.target, i.unit)}${i.targetYear ? ` (${i.targetYear})` : ''}`,
            },
            {
              label: t('governance.goals.field.source'),
              value: source
                ? `${source.label} — ${source.origin}`
                : i.sourceKey
                  ? t('governance.goals.sourceMissing', { key: i.sourceKey })
                  : t('governance.goals.manual'),
            },
          ]}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Table.ScrollContainer minWidth={360} type="native">
            <Table verticalSpacing={4} fz="sm" striped>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
                {t('governance.goals.valuesCaption', { name: i.name })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('governance.goals.yearColumn')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('governance.goals.field.target')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('governance.goals.field.value')}
                  </Table.Th>
                  <Table.Th scope="col">{t('governance.goals.field.origin')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {i.years.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>{t('governance.goals.noValues')}</Table.Td>
                  </Table.Tr>
                )}
                {i.years.map((y) => (
                  <Table.Tr key={y.year}>
                    <Table.Th scope="row" fw={500}>
                      {y.year}
                    </Table.Th>
                    <Table.Td ta="right">
                      {figure(y.target ?? (i.targetYear === y.year ? i.target : null), i.unit)}
                    </Table.Td>
                    <Table.Td ta="right">{figure(y.value, i.unit)}</Table.Td>
                    <Table.Td>{y.origin ? t(`governance.goals.origin.${y.origin}`) : '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <IndicatorChart indicator={i} />
        </SimpleGrid>
        {goal.can.update && <ValueForm goal={goal} indicator={i} onReload={onReload} />}
      </Stack>
      {goal.can.update && (
        <RemoveIndicatorDialog
          opened={removing}
          onClose={() => setRemoving(false)}
          goal={goal}
          indicator={i}
          onReload={onReload}
        />
      )}
    </Section>
  );
}

/** A year's value (or freezing a computed one) and target, sent with the goal's version. */
function ValueForm({
  goal,
  indicator: i,
  onReload,
}: {
  goal: Goal;
  indicator: Indicator;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useGovernanceInvalidate();
  const computed = i.sourceKey !== null;
  const [year, setYear] = useState<number | string>(thisYear() - 1);
  const [value, setValue] = useState<number | string>('');
  const [target, setTarget] = useState<number | string>('');
  const save = useMutation({
    mutationFn: (freeze?: boolean) =>
      putGoalValue(goal.id, {
        version: goal.version,
        indicatorId: i.id,
        year: Number(year),
        ...(freeze !== undefined ? { freeze } : {}),
        ...(!computed && freeze === undefined && value !== '' ? { value: Number(value) } : {}),
        ...(freeze === undefined && target !== '' ? { target: Number(target) } : {}),
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
      setValue('');
      setTarget('');
    },
  });
  const errors = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined);
  };
  const frozen = i.years.find((y) => y.year === Number(year))?.origin === 'frozen';
  return (
    <form onSubmit={submit} noValidate aria-label={t('governance.goals.valueForm', { name: i.name })}>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('governance.goals.valueForm', { name: i.name })}
        </Text>
        <ProblemAlert error={save.error} fields={['year', 'value', 'target', 'freeze']} onReload={onReload} />
        <Group align="flex-end" gap="sm">
          <NumberInput
            label={t('governance.goals.yearColumn')}
            value={year}
            onChange={setYear}
            min={1990}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            w={110}
            error={errors.year}
          />
          {!computed && (
            <NumberInput
              label={t('governance.goals.field.value')}
              value={value}
              onChange={setValue}
              decimalSeparator=","
              w={160}
              error={errors.value}
            />
          )}
          <NumberInput
            label={t('governance.goals.yearTarget')}
            value={target}
            onChange={setTarget}
            decimalSeparator=","
            w={160}
            error={errors.target}
          />
          <Button type="submit" loading={save.isPending && save.variables === undefined}>
            {t('common.save')}
          </Button>
          {computed && (
            <Button
              variant="default"
              onClick={() => save.mutate(!frozen)}
              loading={save.isPending && save.variables !== undefined}
            >
              {frozen ? t('governance.goals.unfreeze') : t('governance.goals.freeze')}
            </Button>
          )}
        </Group>
        {errors.freeze && (
          <Text size="sm" c="red.8" role="alert">
            {errors.freeze}
          </Text>
        )}
      </Stack>
    </form>
  );
}

const existing = (i: Indicator): IndicatorInput => ({
  id: i.id,
  name: i.name,
  unit: i.unit,
  direction: i.direction,
  baseline: i.baseline,
  baselineYear: i.baselineYear,
  target: i.target,
  targetYear: i.targetYear,
  sourceKey: i.sourceKey,
});

/** Removes an indicator: the goal's PATCH without it, which removes its values too. */
function RemoveIndicatorDialog({
  opened,
  onClose,
  goal,
  indicator,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  goal: Goal;
  indicator: Indicator;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useGovernanceInvalidate();
  const remove = useMutation({
    mutationFn: () =>
      api.patch<Goal>(`/api/v1/goals/${goal.id}`, {
        version: goal.version,
        indicators: goal.indicators.filter((x) => x.id !== indicator.id).map(existing),
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('governance.goals.indicatorRemoved', { name: indicator.name }));
      onClose();
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={t('governance.goals.removeIndicatorTitle', { name: indicator.name })}
    >
      <Stack gap="sm">
        <ProblemAlert error={remove.error} onReload={onReload} />
        <Text size="sm">
          {t('governance.goals.removeIndicatorHelp', {
            count: indicator.years.filter((y) => y.origin === 'manual' || y.origin === 'frozen').length,
          })}
        </Text>
        <DialogFooter
          onCancel={close}
          label={t('governance.goals.removeIndicator')}
          color="red.9"
          loading={remove.isPending}
          onConfirm={() => remove.mutate()}
        />
      </Stack>
    </Dialog>
  );
}

/** Adds an indicator: the goal's PATCH names the whole list, the new one last. */
function IndicatorDialog({ opened, onClose, goal }: { opened: boolean; onClose: () => void; goal: Goal }) {
  const { t } = useTranslation();
  const invalidate = useGovernanceInvalidate();
  const sources = useIndicatorSources();
  const sourceText = useSourceText();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [direction, setDirection] = useState<Direction>('increase');
  const [target, setTarget] = useState<number | string>('');
  const [targetYear, setTargetYear] = useState<number | string>('');
  const [sourceKey, setSourceKey] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api.patch<Goal>(`/api/v1/goals/${goal.id}`, {
        version: goal.version,
        indicators: [
          ...goal.indicators.map(existing),
          {
            name,
            unit,
            direction,
            target: target === '' ? null : Number(target),
            targetYear: targetYear === '' ? null : Number(targetYear),
            sourceKey,
          },
        ],
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
      onClose();
    },
  });
  const errors = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Dialog opened={opened} onClose={onClose} title={t('governance.goals.addIndicator')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={save.error} />
          <TextInput
            label={t('governance.goals.field.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
            error={errors.indicators}
          />
          <TextInput
            label={t('governance.goals.field.unit')}
            value={unit}
            onChange={(e) => setUnit(e.currentTarget.value)}
          />
          <Select
            label={t('governance.goals.field.direction')}
            data={directions.map((d) => ({ value: d, label: t(`governance.goals.direction.${d}`) }))}
            value={direction}
            onChange={(v) => v && setDirection(v as Direction)}
            allowDeselect={false}
          />
          <Group grow>
            <NumberInput
              label={t('governance.goals.field.target')}
              value={target}
              onChange={setTarget}
              decimalSeparator=","
            />
            <NumberInput
              label={t('governance.goals.field.targetYear')}
              value={targetYear}
              onChange={setTargetYear}
              allowDecimal={false}
              thousandSeparator=""
              min={1990}
              max={2100}
            />
          </Group>
          <Select
            label={t('governance.goals.field.source')}
            description={t('governance.goals.sourceHelp')}
            placeholder={t('governance.goals.manual')}
            data={(sources.data?.items ?? []).map((s) => ({ value: s.key, label: sourceText(s).label }))}
            value={sourceKey}
            onChange={setSourceKey}
            clearable
          />
          <DialogFooter
            onCancel={onClose}
            label={t('governance.goals.addIndicator')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

/** The goal itself: its perspective, title, description and order within the perspective. */
function GoalEditDialog({
  opened,
  onClose,
  goal,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  goal: Goal;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useGovernanceInvalidate();
  const current = (): GoalFieldValues => ({
    perspective: goal.perspective,
    title: goal.title,
    description: goal.description ?? '',
  });
  const [fields, setFields] = useState<GoalFieldValues>(current);
  const [position, setPosition] = useState<number | string>(goal.position);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fresh values when opened or reloaded
  useEffect(() => {
    if (!opened) return;
    setFields(current());
    setPosition(goal.position);
  }, [opened, goal.version]);
  const save = useMutation({
    mutationFn: () =>
      api.patch<Goal>(`/api/v1/goals/${goal.id}`, {
        version: goal.version,
        ...goalFieldsBody(fields),
        position: Number(position) || 0,
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
      onClose();
    },
  });
  const errors = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Dialog opened={opened} onClose={onClose} title={t('governance.goals.editTitle', { name: goal.title })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert
            error={save.error}
            fields={['perspective', 'title', 'description', 'position']}
            onReload={onReload}
          />
          <GoalFields value={fields} onChange={setFields} errors={errors} />
          <NumberInput
            label={t('governance.goals.field.position')}
            value={position}
            onChange={setPosition}
            min={0}
            max={10000}
            allowDecimal={false}
            error={errors.position}
          />
          <DialogFooter onCancel={onClose} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Dialog>
  );
}
