import { Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  type Classification,
  type ClassificationDimension,
  classificationCreate,
  classificationDimensions,
  consequenceLevels,
} from '../../../../shared/registry/classification.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { useRecordForm } from '../../../platform/record-form.ts';
import { classificationKeys, useScale } from './api.ts';
import { translateClassificationErrors } from './messages.ts';

// "Klassa": a level 0–4 per dimension, each level a radio with the scale's wording beside it (arrow
// keys move within a dimension, Tab to the next), the information set, the motivation and the
// review date. Creates a classification, or changes one (a changed level is a new classification).

interface Values {
  informationSet: string;
  confidentiality: string | null;
  integrity: string | null;
  availability: string | null;
  traceability: string | null;
  motivation: string;
  nextReviewOn: string | undefined;
}

const level = (value: string | null) => (value === null || value === '' ? null : Number(value));

export function ClassifyDialog({
  opened,
  onClose,
  system,
  record,
}: {
  opened: boolean;
  onClose: () => void;
  system: { id: string; name: string };
  /** The classification to change; null to classify anew. */
  record: Classification | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const client = useQueryClient();
  const scale = useScale();
  const form = useRecordForm<Classification, Values, Record<string, unknown>>({
    opened,
    onClose,
    record,
    initial: () => ({
      informationSet: record?.informationSet ?? '',
      confidentiality: record?.confidentiality?.toString() ?? null,
      integrity: record?.integrity?.toString() ?? null,
      availability: record?.availability?.toString() ?? null,
      traceability: record?.traceability?.toString() ?? null,
      motivation: record?.motivation ?? '',
      nextReviewOn: record?.nextReviewOn,
    }),
    collection: '/api/v1/classifications',
    payload: (v) => ({
      informationSet: orNull(v.informationSet),
      confidentiality: level(v.confidentiality),
      integrity: level(v.integrity),
      availability: level(v.availability),
      traceability: level(v.traceability),
      motivation: v.motivation,
      nextReviewOn: v.nextReviewOn || undefined,
    }),
    createOnly: () => ({ systemId: system.id }),
    before: (r) => ({
      informationSet: r.informationSet,
      confidentiality: r.confidentiality,
      integrity: r.integrity,
      availability: r.availability,
      traceability: r.traceability,
      motivation: r.motivation,
      nextReviewOn: r.nextReviewOn,
    }),
    schema: classificationCreate,
    invalidate: () => client.invalidateQueries({ queryKey: classificationKeys.all }),
    createdMessage: () => t('registry.classification.created'),
    onCreated: async () => undefined,
  });
  const { values, setValues } = form;
  const errors = translateClassificationErrors(t, form.errors);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((current) => ({ ...current, [key]: value }));

  const dimension = (d: ClassificationDimension) => (
    <Radio.Group
      key={d}
      label={t(`registry.classification.dimension.${d}`)}
      value={values[d]}
      onChange={set(d)}
      error={errors[d]}
      required={d !== 'traceability'}
    >
      <Stack gap={6} mt={6}>
        {consequenceLevels.map((n) => {
          const step = scale.data?.levels[d][n];
          return (
            <Radio
              key={n}
              value={String(n)}
              label={`${n} ${step?.name[lang] ?? ''}`}
              description={step?.description[lang]}
            />
          );
        })}
        {d === 'traceability' && (
          <Radio value="" label={t('registry.classification.field.traceabilityNone')} />
        )}
      </Stack>
    </Radio.Group>
  );

  return (
    <Dialog
      opened={opened}
      onClose={form.close}
      size="xl"
      title={
        record
          ? t('registry.classification.editClassification')
          : t('registry.classification.classifySystem', { name: system.name })
      }
    >
      <form ref={form.formRef} onSubmit={form.submit} noValidate>
        <Stack>
          <ProblemAlert
            error={form.save.error}
            fields={['informationSet', ...classificationDimensions, 'motivation', 'nextReviewOn']}
            onReload={form.reload}
          />
          {scale.data && (
            <Text size="sm" c="dimmed">
              {t('registry.classification.scaleVersion', { version: scale.data.version })}
            </Text>
          )}
          <TextInput
            label={t('registry.classification.field.informationSet')}
            description={t('registry.classification.informationSetHelp')}
            value={values.informationSet}
            onChange={(e) => set('informationSet')(e.currentTarget.value)}
            error={errors.informationSet}
            maxLength={200}
            data-autofocus
          />
          {classificationDimensions.map(dimension)}
          <Textarea
            label={t('registry.classification.field.motivation')}
            value={values.motivation}
            onChange={(e) => set('motivation')(e.currentTarget.value)}
            error={errors.motivation}
            required
            autosize
            minRows={3}
            maxLength={4000}
          />
          <DateField
            label={t('registry.classification.field.nextReviewOn')}
            value={values.nextReviewOn}
            onChange={set('nextReviewOn')}
            error={errors.nextReviewOn}
          />
          <DialogFooter
            onCancel={form.close}
            label={record ? t('common.save') : t('registry.classification.classify')}
            loading={form.save.isPending}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
