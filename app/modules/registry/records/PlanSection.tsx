import { Button, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPencil, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type InformationPlan,
  informationPlanCreate,
  type PlanStatus,
  planStatuses,
} from '../../../../shared/registry/records.ts';
import { api } from '../../../platform/api.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { Dialog, DialogFooter, useClientErrors } from '../../../platform/dialogs.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { changedFields, focusFirstInvalid, orNull } from '../../../platform/form.ts';
import { useFormat } from '../../../platform/format.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { RouterButton } from '../../../platform/links.tsx';
import { ExportMenu } from '../../../platform/list-page.tsx';
import { notifySuccess } from '../../../platform/notify.ts';
import { DetailList, Section } from '../../../platform/page.tsx';
import { translateOwn } from '../processes/parts.tsx';
import { useInformationPlan, useRecordsInvalidate } from './api.ts';

// The informationshanteringsplan of a process: drafted, then adopted by a decision (date, body,
// §, diarienummer); printable and exportable with its record types.

export function PlanStatusBadge({ plan }: { plan: InformationPlan | null }) {
  const { t } = useTranslation();
  if (!plan) return null;
  return (
    <StatusBadge tone={plan.status === 'adopted' ? 'positive' : 'warning'}>
      {t(`registry.records.plan.status.${plan.status}`)}
    </StatusBadge>
  );
}

interface PlanValues {
  status: PlanStatus;
  adoptedOn: string | undefined;
  body: string;
  paragraph: string;
  registrationNumber: string;
  note: string;
}

function payloadOf(v: PlanValues) {
  return {
    status: v.status,
    adoptedOn: v.adoptedOn ?? null,
    body: orNull(v.body),
    paragraph: orNull(v.paragraph),
    registrationNumber: orNull(v.registrationNumber),
    note: orNull(v.note),
  };
}

function PlanDialog({
  opened,
  onClose,
  processId,
  plan,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  processId: string;
  plan: InformationPlan | null;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useRecordsInvalidate();
  const initial = (): PlanValues => ({
    status: plan?.status ?? 'draft',
    adoptedOn: plan?.adoptedOn ?? undefined,
    body: plan?.body ?? '',
    paragraph: plan?.paragraph ?? '',
    registrationNumber: plan?.registrationNumber ?? '',
    note: plan?.note ?? '',
  });
  const [values, setValues] = useState<PlanValues>(initial);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when (re)opened or reloaded
  useEffect(() => {
    if (opened) setValues(initial());
  }, [opened, plan?.version]);
  const client = useClientErrors();
  const path = `/api/v1/processes/${processId}/information-plan`;
  const save = useMutation({
    mutationFn: () =>
      plan
        ? api.patch(path, {
            version: plan.version,
            ...changedFields(
              payloadOf({
                status: plan.status,
                adoptedOn: plan.adoptedOn ?? undefined,
                body: plan.body ?? '',
                paragraph: plan.paragraph ?? '',
                registrationNumber: plan.registrationNumber ?? '',
                note: plan.note ?? '',
              }),
              payloadOf(values),
            ),
          })
        : api.post(path, payloadOf(values)),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('registry.records.plan.saved'));
      close();
    },
    onError: () => focusFirstInvalid(document.querySelector<HTMLFormElement>('#plan-form')),
  });
  const errors = translateOwn(t, { ...useFieldErrors(save.error), ...client.errors });
  function close() {
    save.reset();
    client.clear();
    onClose();
  }
  const set =
    <K extends keyof PlanValues>(field: K) =>
    (value: PlanValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));
  const f = (name: string) => t(`registry.records.plan.field.${name}`);
  const adopted = values.status === 'adopted';
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={plan ? t('registry.records.plan.editTitle') : t('registry.records.plan.createTitle')}
      size="lg"
    >
      <form
        id="plan-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (client.check(informationPlanCreate, payloadOf(values))) save.mutate();
          else focusFirstInvalid(e.currentTarget);
        }}
      >
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={['status', 'adoptedOn', 'body', 'paragraph', 'registrationNumber', 'note']}
            onReload={async () => {
              await onReload();
              save.reset();
            }}
          />
          <Select
            label={f('status')}
            description={t('registry.records.plan.help.adopted')}
            data={planStatuses.map((s) => ({ value: s, label: t(`registry.records.plan.status.${s}`) }))}
            value={values.status}
            onChange={(v) => v && set('status')(v as PlanStatus)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={f('body')}
              description={t('registry.records.plan.help.body')}
              value={values.body}
              onChange={(e) => set('body')(e.currentTarget.value)}
              error={errors.body}
              required={adopted}
              maxLength={200}
            />
            <DateField
              label={f('adoptedOn')}
              value={values.adoptedOn}
              onChange={set('adoptedOn')}
              error={errors.adoptedOn}
              required={adopted}
            />
            <TextInput
              label={f('paragraph')}
              description={t('registry.records.plan.help.paragraph')}
              value={values.paragraph}
              onChange={(e) => set('paragraph')(e.currentTarget.value)}
              error={errors.paragraph}
              required={adopted}
              maxLength={40}
            />
            <TextInput
              label={f('registrationNumber')}
              description={t('registry.records.plan.help.registrationNumber')}
              value={values.registrationNumber}
              onChange={(e) => set('registrationNumber')(e.currentTarget.value)}
              error={errors.registrationNumber}
              maxLength={60}
            />
          </SimpleGrid>
          <Textarea
            label={f('note')}
            value={values.note}
            onChange={(e) => set('note')(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <DialogFooter onCancel={close} label={t('common.save')} loading={save.isPending} mt="sm" />
        </Stack>
      </form>
    </Dialog>
  );
}

export function PlanSection({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const view = useInformationPlan(processId);
  const [editing, setEditing] = useState(false);
  const plan = view.data?.plan ?? null;
  const field = (name: string) => t(`registry.records.plan.field.${name}`);
  return (
    <Section
      id="process-plan"
      title={t('registry.records.plan.title')}
      actions={
        <>
          <RouterButton
            to="/processes/$processId/plan"
            params={{ processId }}
            variant="default"
            size="sm"
            leftSection={<IconPrinter size={16} aria-hidden />}
          >
            {t('registry.records.plan.print')}
          </RouterButton>
          <ExportMenu path={`/api/v1/processes/${processId}/information-plan/export`} params={{}} />
          {view.data?.canManage && (
            <Button
              size="sm"
              leftSection={plan ? <IconPencil size={16} aria-hidden /> : <IconPlus size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {plan
                ? plan.status === 'adopted'
                  ? t('registry.records.plan.edit')
                  : t('registry.records.plan.adopt')
                : t('registry.records.plan.create')}
            </Button>
          )}
        </>
      }
    >
      <ProblemAlert error={view.error} />
      {plan ? (
        <Stack gap="sm">
          <PlanStatusBadge plan={plan} />
          <DetailList
            items={[
              { label: field('body'), value: plan.body },
              { label: field('adoptedOn'), value: f.date(plan.adoptedOn) || null },
              { label: field('paragraph'), value: plan.paragraph },
              { label: field('registrationNumber'), value: plan.registrationNumber },
              { label: field('note'), value: plan.note },
            ]}
          />
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('registry.records.plan.none')}
        </Text>
      )}
      <PlanDialog
        opened={editing}
        onClose={() => setEditing(false)}
        processId={processId}
        plan={plan}
        onReload={() => view.refetch()}
      />
    </Section>
  );
}
