import {
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Initiative,
  type InitiativeInput,
  type InitiativeStatus,
  initiativeInput,
  initiativeStatuses,
  type Plan,
} from '../../../../shared/governance/plans.ts';
import { api } from '../../../platform/api.ts';
import { Dialog, DialogFooter, useClientErrors } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { focusFirstInvalid, orNull } from '../../../platform/form.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { type Named, PersonSelect, RemoteSelect } from '../../desk/inputs.tsx';
import { useGovernanceInvalidate } from '../api.ts';
import { useGoals } from '../goals/api.ts';
import { asInput, kronor, ore } from './InitiativeDialog.tsx';
import { decisionLabel } from './PlanForm.tsx';

// Adding an initiative to a plan and changing all of its fields, and removing one. The plan's
// PATCH takes the whole list with the plan's version: the others are sent as they are, one left
// out is removed (the plan's audit event keeps it). Costs are typed in kronor, kept in öre.

interface InitiativeValues {
  title: string;
  description: string;
  goalIds: string[];
  responsible: Named | null;
  status: InitiativeStatus;
  startsOn: string | undefined;
  endsOn: string | undefined;
  plannedCost: number | string;
  outcomeCost: number | string;
  statusNote: string;
  decision: Named | null;
  projectLink: string;
}

const valuesOf = (i: Initiative | null): InitiativeValues => ({
  title: i?.title ?? '',
  description: i?.description ?? '',
  goalIds: i?.goals.map((g) => g.id) ?? [],
  responsible: i?.responsible ?? null,
  status: i?.status ?? 'planned',
  startsOn: i?.startsOn ?? undefined,
  endsOn: i?.endsOn ?? undefined,
  plannedCost: kronor(i?.plannedCost ?? null),
  outcomeCost: kronor(i?.outcomeCost ?? null),
  statusNote: i?.statusNote ?? '',
  decision: i?.decision ?? null,
  projectLink: i?.projectLink ?? '',
});

const inputOf = (v: InitiativeValues): Omit<InitiativeInput, 'id'> => ({
  title: v.title.trim(),
  description: orNull(v.description),
  goalIds: v.goalIds,
  responsibleId: v.responsible?.id ?? null,
  status: v.status,
  startsOn: v.startsOn ?? null,
  endsOn: v.endsOn ?? null,
  plannedCost: ore(v.plannedCost),
  outcomeCost: ore(v.outcomeCost),
  statusNote: orNull(v.statusNote),
  decisionId: v.decision?.id ?? null,
  projectLink: orNull(v.projectLink),
});

/** The plan's PATCH with its initiatives as given, based on the version shown. */
export const patchInitiatives = (plan: Plan, list: InitiativeInput[]) =>
  api.patch<Plan>(`/api/v1/plans/${plan.id}`, { version: plan.version, initiatives: list });

export function InitiativeFormModal({
  plan,
  opened,
  initiative,
  onClose,
  onReload,
}: {
  plan: Plan;
  opened: boolean;
  /** The initiative to change; null to add one at the end. */
  initiative: Initiative | null;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useGovernanceInvalidate();
  const goals = useGoals();
  const client = useClientErrors();
  const formRef = useRef<HTMLFormElement>(null);
  // After a reload on a version conflict the form starts over from the plan as it now is.
  const current = initiative ? (plan.initiatives.find((i) => i.id === initiative.id) ?? initiative) : null;
  const [values, setValues] = useState<InitiativeValues>(() => valuesOf(current));
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when (re)opened or the plan reloaded
  useEffect(() => {
    if (opened) setValues(valuesOf(current));
  }, [opened, plan.version]);
  const save = useMutation({
    mutationFn: () => {
      const edited = inputOf(values);
      const others = plan.initiatives.map((i) =>
        i.id === initiative?.id ? { ...edited, id: i.id } : asInput(i),
      );
      return patchInitiatives(plan, initiative ? others : [...others, edited]);
    },
    onSuccess: async () => {
      await invalidate();
      notifySuccess(
        initiative ? t('common.saved') : t('governance.plans.initiativeAdded', { name: values.title }),
      );
      close();
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  function close() {
    save.reset();
    client.clear();
    onClose();
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (client.check(initiativeInput, inputOf(values))) save.mutate();
    else focusFirstInvalid(formRef.current);
  };
  const errors = client.errors;
  const field = (name: string) => t(`governance.plans.field.${name}`);
  const set =
    <K extends keyof InitiativeValues>(key: K) =>
    (value: InitiativeValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const goalOptions = new Map((goals.data?.items ?? []).map((g) => [g.id, g.title]));
  for (const g of initiative?.goals ?? []) if (!goalOptions.has(g.id)) goalOptions.set(g.id, g.name);
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={
        initiative
          ? t('governance.plans.editInitiativeTitle', { name: initiative.title })
          : t('governance.plans.addInitiative')
      }
      size="xl"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert
            error={save.error}
            onReload={async () => {
              await onReload();
              save.reset();
            }}
          />
          <TextInput
            label={field('initiative')}
            value={values.title}
            onChange={(e) => set('title')(e.currentTarget.value)}
            error={errors.title}
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
          <MultiSelect
            label={field('goals')}
            data={[...goalOptions].map(([value, label]) => ({ value, label }))}
            value={values.goalIds}
            onChange={set('goalIds')}
            error={errors.goalIds}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            comboboxProps={{ withinPortal: true }}
            nothingFoundMessage={t('common.nothingFound')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PersonSelect
              label={field('responsible')}
              value={values.responsible}
              onChange={set('responsible')}
              error={errors.responsibleId}
            />
            <Select
              label={field('status')}
              data={initiativeStatuses.map((s) => ({ value: s, label: t(`governance.plans.status.${s}`) }))}
              value={values.status}
              onChange={(v) => v && set('status')(v as InitiativeStatus)}
              error={errors.status}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <DateField
              label={field('startsOn')}
              value={values.startsOn}
              onChange={set('startsOn')}
              error={errors.startsOn}
            />
            <DateField
              label={field('endsOn')}
              value={values.endsOn}
              onChange={set('endsOn')}
              error={errors.endsOn}
            />
            <NumberInput
              label={t('governance.plans.plannedKronor')}
              value={values.plannedCost}
              onChange={set('plannedCost')}
              error={errors.plannedCost}
              min={0}
              decimalScale={2}
              decimalSeparator=","
              thousandSeparator=" "
            />
            <NumberInput
              label={t('governance.plans.outcomeKronor')}
              value={values.outcomeCost}
              onChange={set('outcomeCost')}
              error={errors.outcomeCost}
              min={0}
              decimalScale={2}
              decimalSeparator=","
              thousandSeparator=" "
            />
          </SimpleGrid>
          <Textarea
            label={field('statusNote')}
            value={values.statusNote}
            onChange={(e) => set('statusNote')(e.currentTarget.value)}
            error={errors.statusNote}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <RemoteSelect
              path="/api/v1/decisions"
              labelOf={decisionLabel}
              label={field('decision')}
              value={values.decision}
              onChange={set('decision')}
              error={errors.decisionId}
            />
            <TextInput
              label={field('projectLink')}
              description={t('governance.plans.projectLinkHelp')}
              value={values.projectLink}
              onChange={(e) => set('projectLink')(e.currentTarget.value)}
              error={errors.projectLink}
              maxLength={500}
            />
          </SimpleGrid>
          <DialogFooter
            onCancel={close}
            label={initiative ? t('common.save') : t('governance.plans.add')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}

/** Removing an initiative: the plan's PATCH without it. */
export function RemoveInitiativeDialog({
  plan,
  initiative,
  onClose,
  onReload,
}: {
  plan: Plan;
  initiative: Initiative | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useGovernanceInvalidate();
  const remove = useMutation({
    mutationFn: () =>
      patchInitiatives(plan, plan.initiatives.filter((i) => i.id !== initiative?.id).map(asInput)),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('governance.plans.initiativeRemoved', { name: initiative?.title ?? '' }));
      close();
    },
  });
  function close() {
    remove.reset();
    onClose();
  }
  return (
    <Dialog
      opened={initiative !== null}
      onClose={close}
      title={t('governance.plans.removeInitiativeTitle', { name: initiative?.title ?? '' })}
    >
      <Stack gap="sm">
        <ProblemAlert error={remove.error} onReload={() => onReload()} />
        <Text size="sm">{t('governance.plans.removeInitiativeHelp')}</Text>
        <DialogFooter
          onCancel={close}
          label={t('governance.plans.remove')}
          color="red.9"
          loading={remove.isPending}
          onConfirm={() => remove.mutate()}
        />
      </Stack>
    </Dialog>
  );
}
