import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  type AiApplication,
  aiApplicationCreate,
  aiHighRiskAreas,
  aiRegistrationStatuses,
  aiRiskCategories,
} from '../../../../shared/registry/ai.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { useRecordForm } from '../../../platform/record-form.ts';
import { translateAiErrors } from './messages.ts';

// Register or change an AI application of a system: what it is for, its risk category under the
// AI Act (and the Annex III area of a high-risk use), the FRIA, transparency, human oversight and
// registration. The server holds the Act's rules on the combination and names the field it refuses.

export const aiKeys = { all: ['registry', 'ai'] as const, list: ['registry', 'ai', 'list'] as const };

interface Values {
  name: string;
  purpose: string;
  riskCategory: string | null;
  highRiskArea: string | null;
  motivation: string;
  friaRequired: string | null;
  friaOn: string | undefined;
  friaResult: string;
  transparency: string;
  humanOversight: string;
  registrationStatus: string | null;
}

const yesNo = (value: boolean | null | undefined) => (value === true ? 'yes' : value === false ? 'no' : null);

export function AiDialog({
  opened,
  onClose,
  system,
  record,
}: {
  opened: boolean;
  onClose: () => void;
  system: { id: string; name: string };
  record: AiApplication | null;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useRecordForm<AiApplication, Values, Record<string, unknown>>({
    opened,
    onClose,
    record,
    initial: () => ({
      name: record?.name ?? '',
      purpose: record?.purpose ?? '',
      riskCategory: record?.riskCategory ?? null,
      highRiskArea: record?.highRiskArea ?? null,
      motivation: record?.motivation ?? '',
      friaRequired: yesNo(record?.friaRequired),
      friaOn: record?.friaOn ?? undefined,
      friaResult: record?.friaResult ?? '',
      transparency: record?.transparency ?? '',
      humanOversight: record?.humanOversight ?? '',
      registrationStatus: record?.registrationStatus ?? null,
    }),
    collection: '/api/v1/ai-applications',
    payload: (v) => ({
      name: v.name.trim(),
      purpose: orNull(v.purpose),
      riskCategory: v.riskCategory,
      highRiskArea: v.riskCategory === 'high' ? v.highRiskArea : null,
      motivation: orNull(v.motivation),
      friaRequired: v.friaRequired === null ? null : v.friaRequired === 'yes',
      friaOn: v.friaOn ?? null,
      friaResult: orNull(v.friaResult),
      transparency: orNull(v.transparency),
      humanOversight: orNull(v.humanOversight),
      registrationStatus: v.registrationStatus,
    }),
    createOnly: () => ({ systemId: system.id }),
    before: (r) => ({
      name: r.name,
      purpose: r.purpose,
      riskCategory: r.riskCategory,
      highRiskArea: r.highRiskArea,
      motivation: r.motivation,
      friaRequired: r.friaRequired,
      friaOn: r.friaOn,
      friaResult: r.friaResult,
      transparency: r.transparency,
      humanOversight: r.humanOversight,
      registrationStatus: r.registrationStatus,
    }),
    schema: aiApplicationCreate,
    invalidate: () => client.invalidateQueries({ queryKey: aiKeys.all }),
    createdMessage: (saved) => t('registry.ai.created', { name: saved.name }),
    onCreated: async () => undefined,
  });
  const { values, setValues } = form;
  const errors = translateAiErrors(t, form.errors);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  const field = (name: string) => t(`registry.ai.field.${name}`);
  const clear = { clearable: true, clearButtonProps: { 'aria-label': t('common.clear') } };
  const text = (key: 'purpose' | 'motivation' | 'friaResult' | 'transparency' | 'humanOversight') => (
    <Textarea
      label={field(key)}
      value={values[key]}
      onChange={(e) => set(key)(e.currentTarget.value)}
      error={errors[key]}
      autosize
      minRows={2}
      maxLength={4000}
    />
  );

  return (
    <Dialog
      opened={opened}
      onClose={form.close}
      size="lg"
      title={
        record
          ? t('registry.ai.editTitle', { name: record.name })
          : t('registry.ai.addTo', { name: system.name })
      }
    >
      <form ref={form.formRef} onSubmit={form.submit} noValidate>
        <Stack>
          <ProblemAlert error={form.save.error} fields={Object.keys(values)} onReload={form.reload} />
          <TextInput
            label={field('name')}
            value={values.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors.name}
            required
            maxLength={200}
            data-autofocus
          />
          {text('purpose')}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={field('riskCategory')}
              placeholder={t('registry.ai.notAssessed')}
              data={aiRiskCategories.map((r) => ({ value: r, label: t(`registry.ai.risk.${r}`) }))}
              value={values.riskCategory}
              onChange={set('riskCategory')}
              error={errors.riskCategory}
              {...clear}
            />
            {values.riskCategory === 'high' && (
              <Select
                label={field('highRiskArea')}
                data={aiHighRiskAreas.map((a) => ({ value: a, label: t(`registry.ai.area.${a}`) }))}
                value={values.highRiskArea}
                onChange={set('highRiskArea')}
                error={errors.highRiskArea}
                required
                {...clear}
              />
            )}
          </SimpleGrid>
          {text('motivation')}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={field('friaRequired')}
              data={[
                { value: 'yes', label: t('registry.ai.yes') },
                { value: 'no', label: t('registry.ai.no') },
              ]}
              value={values.friaRequired}
              onChange={set('friaRequired')}
              error={errors.friaRequired}
              {...clear}
            />
            <DateField
              label={field('friaOn')}
              value={values.friaOn}
              onChange={set('friaOn')}
              error={errors.friaOn}
            />
          </SimpleGrid>
          {text('friaResult')}
          {text('transparency')}
          {text('humanOversight')}
          <Select
            label={field('registrationStatus')}
            data={aiRegistrationStatuses.map((r) => ({
              value: r,
              label: t(`registry.ai.registration.${r}`),
            }))}
            value={values.registrationStatus}
            onChange={set('registrationStatus')}
            error={errors.registrationStatus}
            {...clear}
          />
          <DialogFooter
            onCancel={form.close}
            label={record ? t('common.save') : t('registry.ai.add')}
            loading={form.save.isPending}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
