import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconCalendarPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BenefitKind,
  benefitKinds,
  defaultFollowUpMonths,
  type EffectGoal,
  effectGoalCreate,
  followUpCreate,
  type GoalDirection,
  goalDirections,
  monthsAfter,
} from '../../../../shared/portfolio/benefits.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter, useClientErrors } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { focusFirstInvalid, orNull } from '../../../platform/form.ts';
import { useFormat } from '../../../platform/format.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { useRecordForm } from '../../../platform/record-form.ts';
import { type Named, PersonSelect } from '../../desk/inputs.tsx';
import { useGoalsInvalidate } from './api.ts';
import { toShown, toStored } from './parts.tsx';

// The dialogs of effect goals: stating or changing a goal (indicator, baseline, target, kind of
// benefit, responsible person and follow-up dates, with 6, 12 and 24 months after the project's
// end one click away), and recording a follow-up (the value measured on a day, answering one of
// the planned dates). Money is typed in kronor and kept in öre.

interface GoalValues {
  name: string;
  description: string;
  indicator: string;
  unit: string;
  kind: BenefitKind;
  direction: GoalDirection;
  baseline: number | string;
  target: number | string;
  responsible: Named | null;
  followUpDates: (string | undefined)[];
}

const valuesOf = (g: EffectGoal | null): GoalValues => ({
  name: g?.name ?? '',
  description: g?.description ?? '',
  indicator: g?.indicator ?? '',
  unit: g?.unit ?? '',
  kind: g?.kind ?? 'money',
  direction: g?.direction ?? 'decrease',
  baseline: g ? toShown(g.kind, g.baseline) : '',
  target: g ? toShown(g.kind, g.target) : '',
  responsible: g?.responsible ?? null,
  followUpDates: g?.followUpDates ?? [undefined],
});

const num = (kind: BenefitKind, v: number | string) =>
  typeof v === 'number' ? toStored(kind, v) : (undefined as unknown as number);

const fields = [
  'name',
  'description',
  'indicator',
  'unit',
  'kind',
  'direction',
  'baseline',
  'target',
  'responsibleId',
  'followUpDates',
];

export function GoalDialog({
  opened,
  onClose,
  goal,
  project,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  goal: EffectGoal | null;
  project: { id: string; endsOn: string | null; manager: Named | null };
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useGoalsInvalidate();
  const tb = (key: string, o?: Record<string, unknown>) => t(`portfolio.benefits.${key}`, o ?? {});
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: goal,
    initial: () => (goal ? valuesOf(goal) : { ...valuesOf(null), responsible: project.manager }),
    collection: '/api/v1/effect-goals',
    payload: (v: GoalValues) => ({
      name: v.name.trim(),
      description: orNull(v.description),
      indicator: v.indicator.trim(),
      unit: orNull(v.unit),
      kind: v.kind,
      direction: v.direction,
      baseline: num(v.kind, v.baseline),
      target: num(v.kind, v.target),
      responsibleId: v.responsible?.id ?? '',
      followUpDates: v.followUpDates.filter((d): d is string => !!d),
    }),
    createOnly: () => ({ projectId: project.id }),
    before: (g) => ({
      name: g.name,
      description: g.description,
      indicator: g.indicator,
      unit: g.unit,
      kind: g.kind,
      direction: g.direction,
      baseline: g.baseline,
      target: g.target,
      responsibleId: g.responsible.id,
      followUpDates: g.followUpDates,
    }),
    schema: effectGoalCreate,
    invalidate,
    createdMessage: (saved) => tb('created', { name: saved.name }),
    onCreated: async () => undefined,
    onReload,
  });
  const set =
    <K extends keyof GoalValues>(key: K) =>
    (value: GoalValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const field = (name: string) => tb(`field.${name}`);
  const valueLabel = (name: 'baseline' | 'target') =>
    values.kind === 'money'
      ? tb(`field.${name}Kr`)
      : values.kind === 'hours'
        ? tb(`field.${name}Hours`)
        : field(name);
  const setDate = (i: number) => (d: string | undefined) =>
    setValues((v) => ({ ...v, followUpDates: v.followUpDates.map((x, j) => (j === i ? d : x)) }));
  return (
    <Dialog opened={opened} onClose={close} title={creating ? tb('newGoal') : tb('editGoal')} size="lg">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert
            error={save.error}
            fields={fields}
            onReload={reload ? () => void reload() : undefined}
          />
          <TextInput
            label={field('name')}
            value={values.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors.name}
            maxLength={300}
            required
            data-autofocus
          />
          <Textarea
            label={field('description')}
            value={values.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={field('indicator')}
              description={tb('indicatorHelp')}
              value={values.indicator}
              onChange={(e) => set('indicator')(e.currentTarget.value)}
              error={errors.indicator}
              maxLength={300}
              required
            />
            <Select
              label={field('kind')}
              data={benefitKinds.map((k) => ({ value: k, label: tb(`kind.${k}`) }))}
              value={values.kind}
              onChange={(v) => v && set('kind')(v as BenefitKind)}
              error={errors.kind}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              required
            />
            <Select
              label={field('direction')}
              data={goalDirections.map((d) => ({ value: d, label: tb(`direction.${d}`) }))}
              value={values.direction}
              onChange={(v) => v && set('direction')(v as GoalDirection)}
              error={errors.direction}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              required
            />
            {values.kind === 'qualitative' && (
              <TextInput
                label={field('unit')}
                value={values.unit}
                onChange={(e) => set('unit')(e.currentTarget.value)}
                error={errors.unit}
                maxLength={50}
              />
            )}
            <NumberInput
              label={valueLabel('baseline')}
              value={values.baseline}
              onChange={set('baseline')}
              error={errors.baseline}
              min={0}
              allowDecimal={values.kind !== 'hours'}
              decimalScale={values.kind === 'money' ? 2 : undefined}
              thousandSeparator=" "
              decimalSeparator=","
              required
            />
            <NumberInput
              label={valueLabel('target')}
              value={values.target}
              onChange={set('target')}
              error={errors.target}
              min={0}
              allowDecimal={values.kind !== 'hours'}
              decimalScale={values.kind === 'money' ? 2 : undefined}
              thousandSeparator=" "
              decimalSeparator=","
              required
            />
          </SimpleGrid>
          <PersonSelect
            label={field('responsible')}
            value={values.responsible}
            onChange={set('responsible')}
            error={errors.responsibleId}
            required
          />
          <Stack gap={4} role="group" aria-labelledby="goal-dates-label">
            <Text id="goal-dates-label" size="sm" fw={500}>
              {field('followUpDates')}
            </Text>
            <Text size="xs" c="dimmed">
              {tb('datesHelp')}
            </Text>
            {errors.followUpDates && (
              <Text size="xs" c="red.8" role="alert">
                {errors.followUpDates}
              </Text>
            )}
            {values.followUpDates.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a date slot is its place in the list (dates may repeat while typed)
              <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                <DateField
                  label={tb('dateN', { n: i + 1 })}
                  value={d}
                  onChange={setDate(i)}
                  error={errors[`followUpDates.${i}`]}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={tb('removeDate', { n: i + 1 })}
                  onClick={() =>
                    setValues((v) => ({ ...v, followUpDates: v.followUpDates.filter((_, j) => j !== i) }))
                  }
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group gap="xs">
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconCalendarPlus size={16} aria-hidden />}
                onClick={() => setValues((v) => ({ ...v, followUpDates: [...v.followUpDates, undefined] }))}
                disabled={values.followUpDates.length >= 12}
              >
                {tb('addDate')}
              </Button>
              {project.endsOn && (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() =>
                    setValues((v) => ({
                      ...v,
                      followUpDates: monthsAfter(project.endsOn!, defaultFollowUpMonths),
                    }))
                  }
                >
                  {tb('afterClosure')}
                </Button>
              )}
            </Group>
          </Stack>
          <DialogFooter
            onCancel={close}
            label={creating ? tb('createGoal') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}

interface FollowUpValues {
  measuredOn: string | undefined;
  value: number | string;
  dueOn: string | null;
  comment: string;
}

const todayText = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

export function FollowUpDialog({
  goal,
  opened,
  onClose,
}: {
  goal: EffectGoal;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const tb = (key: string, o?: Record<string, unknown>) => t(`portfolio.benefits.${key}`, o ?? {});
  const invalidate = useGoalsInvalidate();
  const client = useClientErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const initial = (): FollowUpValues => ({
    measuredOn: todayText(),
    value: '',
    dueOn: goal.openDates[0] ?? null,
    comment: '',
  });
  const [values, setValues] = useState<FollowUpValues>(initial);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fresh values only when (re)opened
  useEffect(() => {
    if (opened) setValues(initial());
  }, [opened]);
  const body = {
    version: goal.version,
    measuredOn: values.measuredOn ?? '',
    value: typeof values.value === 'number' ? toStored(goal.kind, values.value) : null,
    comment: orNull(values.comment),
    ...(values.dueOn ? { dueOn: values.dueOn } : {}),
  };
  const save = useMutation({
    mutationFn: () => api.post<EffectGoal>(`/api/v1/effect-goals/${goal.id}/follow-ups`, body),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(tb('followUpSaved'));
      close();
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const errors = { ...useFieldErrors(save.error), ...client.errors } as Record<string, string>;
  function close() {
    save.reset();
    client.clear();
    onClose();
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (client.check(followUpCreate, body)) save.mutate();
    else focusFirstInvalid(formRef.current);
  };
  const format = useFormat();
  const f = (d: string) => format.date(d);
  const valueLabel =
    goal.kind === 'money'
      ? tb('field.valueKr')
      : goal.kind === 'hours'
        ? tb('field.valueHours')
        : `${tb('field.value')}${goal.unit ? ` (${goal.unit})` : ''}`;
  return (
    <Dialog opened={opened} onClose={close} title={tb('followUpTitle', { name: goal.name })} size="md">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={save.error} fields={['measuredOn', 'value', 'dueOn', 'comment', 'version']} />
          <Text size="sm">{tb('followUpHelp', { indicator: goal.indicator })}</Text>
          <DateField
            label={tb('field.measuredOn')}
            value={values.measuredOn}
            onChange={(d) => setValues((v) => ({ ...v, measuredOn: d }))}
            error={errors.measuredOn}
            required
            data-autofocus
          />
          <NumberInput
            label={valueLabel}
            value={values.value}
            onChange={(x) => setValues((v) => ({ ...v, value: x }))}
            error={errors.value}
            min={0}
            allowDecimal={goal.kind !== 'hours'}
            decimalScale={goal.kind === 'money' ? 2 : undefined}
            thousandSeparator=" "
            decimalSeparator=","
            required={goal.kind !== 'qualitative'}
          />
          <Select
            label={tb('field.dueOn')}
            description={tb('dueOnHelp')}
            data={goal.openDates.map((d) => ({ value: d, label: f(d) }))}
            value={values.dueOn}
            onChange={(d) => setValues((v) => ({ ...v, dueOn: d }))}
            error={errors.dueOn}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            placeholder={tb('interim')}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={tb('field.comment')}
            value={values.comment}
            onChange={(e) => setValues((v) => ({ ...v, comment: e.currentTarget.value }))}
            error={errors.comment}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <DialogFooter onCancel={close} label={tb('recordFollowUp')} loading={save.isPending} mt="sm" />
        </Stack>
      </form>
    </Dialog>
  );
}
