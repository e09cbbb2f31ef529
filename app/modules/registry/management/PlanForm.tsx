import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  type ManagementPlan,
  managementPlanCreate,
  type PlanActivityKind,
  type PlanActivityStatus,
  type PlanStatus,
  planActivityKinds,
  planActivityStatuses,
  planStatuses,
} from '../../../../shared/registry/management.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { useRecordForm } from '../../../platform/record-form.ts';
import { TagsField } from '../privacy/inputs.tsx';

// A förvaltningsplan: the year (when made), goals as tags, activities as rows, and budget and
// outcome in kronor (sent as öre). Kept on the object's page; a second plan of a year is refused.

interface ActivityValues {
  title: string;
  description: string;
  kind: PlanActivityKind;
  status: PlanActivityStatus;
}

interface Values {
  year: number | null;
  status: PlanStatus;
  goals: string[];
  activities: ActivityValues[];
  budgetMaintenance: number | null;
  budgetDevelopment: number | null;
  outcomeMaintenance: number | null;
  outcomeDevelopment: number | null;
}

const kronor = (ore: number | null) => (ore === null ? null : ore / 100);
const ore = (kr: number | null) => (kr === null ? null : Math.round(kr * 100));

const valuesOf = (p: ManagementPlan | null, year: number): Values => ({
  year: p?.year ?? year,
  status: p?.status ?? 'draft',
  goals: p?.goals ?? [],
  activities: (p?.activities ?? []).map((a) => ({ ...a, description: a.description ?? '' })),
  budgetMaintenance: kronor(p?.budgetMaintenance ?? 0),
  budgetDevelopment: kronor(p?.budgetDevelopment ?? 0),
  outcomeMaintenance: kronor(p?.outcomeMaintenance ?? null),
  outcomeDevelopment: kronor(p?.outcomeDevelopment ?? null),
});

const payloadOf = (v: Values) => ({
  status: v.status,
  goals: v.goals,
  activities: v.activities.map((a) => ({
    title: a.title.trim(),
    description: orNull(a.description),
    kind: a.kind,
    status: a.status,
  })),
  budgetMaintenance: ore(v.budgetMaintenance) ?? 0,
  budgetDevelopment: ore(v.budgetDevelopment) ?? 0,
  outcomeMaintenance: ore(v.outcomeMaintenance),
  outcomeDevelopment: ore(v.outcomeDevelopment),
});

export function PlanFormModal({
  opened,
  onClose,
  objectId,
  plan,
  year,
  invalidate,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  objectId: string;
  plan: ManagementPlan | null;
  /** The year a new plan is for. */
  year: number;
  invalidate: () => Promise<unknown>;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: plan,
    initial: () => valuesOf(plan, year),
    // Plans are made under their object and changed by their own path.
    collection: plan ? '/api/v1/management-plans' : `/api/v1/management-objects/${objectId}/plans`,
    payload: payloadOf,
    createOnly: (v) => ({ year: v.year }),
    before: (p: ManagementPlan) => payloadOf(valuesOf(p, p.year)),
    schema: managementPlanCreate,
    invalidate,
    createdMessage: (saved) => t('registry.management.plans.created', { year: saved.year }),
    onCreated: async () => undefined,
    onReload,
  });
  const set =
    <K extends keyof Values>(field: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [field]: value }));
  const setActivity = (i: number, patch: Partial<ActivityValues>) =>
    setValues((v) => ({ ...v, activities: v.activities.map((a, j) => (j === i ? { ...a, ...patch } : a)) }));
  const p = (key: string, options?: Record<string, unknown>) =>
    t(`registry.management.plans.${key}`, options);
  const money = (
    name: 'budgetMaintenance' | 'budgetDevelopment' | 'outcomeMaintenance' | 'outcomeDevelopment',
  ) => (
    <NumberInput
      label={p(name)}
      description={name.startsWith('outcome') ? p('outcomeHelp') : undefined}
      value={values[name] ?? ''}
      onChange={(v) => set(name)(typeof v === 'number' ? v : null)}
      error={errors[name]}
      min={0}
      max={1_000_000_000}
      decimalScale={2}
      allowNegative={false}
      thousandSeparator=" "
      decimalSeparator=","
    />
  );
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? p('createTitle') : p('editTitle', { year: plan?.year })}
      size="xl"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={['year', 'status', 'goals', 'activities', ...Object.keys(payloadOf(values))]}
            onReload={reload ? () => void reload() : undefined}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {creating && (
              <NumberInput
                label={p('year')}
                value={values.year ?? ''}
                onChange={(v) => set('year')(typeof v === 'number' ? v : null)}
                error={errors.year}
                min={2000}
                max={2100}
                allowDecimal={false}
                required
                data-autofocus
              />
            )}
            <Select
              label={p('status')}
              data={planStatuses.map((s) => ({ value: s, label: p(`planStatus.${s}`) }))}
              value={values.status}
              onChange={(v) => v && set('status')(v as PlanStatus)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <TagsField
            label={p('goals')}
            value={values.goals}
            onChange={set('goals')}
            error={errors.goals}
            maxLength={500}
          />
          <Fieldset legend={p('activities')} variant="filled">
            <Stack gap="sm">
              {values.activities.map((a, i) => (
                // Rows have no id of their own: the position is what the API knows them by.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Fieldset key={i} legend={p('activity', { n: i + 1 })}>
                  <Stack gap="xs">
                    <Group align="flex-end" wrap="nowrap">
                      <TextInput
                        label={p('activityTitle')}
                        value={a.title}
                        onChange={(e) => setActivity(i, { title: e.currentTarget.value })}
                        required
                        maxLength={200}
                        style={{ flex: 1 }}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        size="lg"
                        aria-label={p('removeActivity', { n: i + 1 })}
                        onClick={() =>
                          setValues((v) => ({ ...v, activities: v.activities.filter((_, j) => j !== i) }))
                        }
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Group>
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <Select
                        label={p('kind')}
                        data={planActivityKinds.map((k) => ({ value: k, label: p(`kinds.${k}`) }))}
                        value={a.kind}
                        onChange={(v) => v && setActivity(i, { kind: v as PlanActivityKind })}
                        allowDeselect={false}
                        comboboxProps={{ withinPortal: true }}
                      />
                      <Select
                        label={p('activityStatus')}
                        data={planActivityStatuses.map((s) => ({ value: s, label: p(`statuses.${s}`) }))}
                        value={a.status}
                        onChange={(v) => v && setActivity(i, { status: v as PlanActivityStatus })}
                        allowDeselect={false}
                        comboboxProps={{ withinPortal: true }}
                      />
                    </SimpleGrid>
                    <Textarea
                      label={p('activityDescription')}
                      value={a.description}
                      onChange={(e) => setActivity(i, { description: e.currentTarget.value })}
                      autosize
                      minRows={1}
                      maxLength={2000}
                    />
                  </Stack>
                </Fieldset>
              ))}
              {errors.activities && (
                <div role="alert" style={{ color: 'var(--mantine-color-error)', fontSize: 14 }}>
                  {errors.activities}
                </div>
              )}
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() =>
                  setValues((v) => ({
                    ...v,
                    activities: [
                      ...v.activities,
                      { title: '', description: '', kind: 'maintenance', status: 'planned' },
                    ],
                  }))
                }
                w="fit-content"
              >
                {p('addActivity')}
              </Button>
            </Stack>
          </Fieldset>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {money('budgetMaintenance')}
            {money('budgetDevelopment')}
            {money('outcomeMaintenance')}
            {money('outcomeDevelopment')}
          </SimpleGrid>
          <DialogFooter
            onCancel={close}
            label={creating ? p('create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
