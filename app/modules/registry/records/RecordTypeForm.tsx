import {
  Checkbox,
  Fieldset,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type RecordFormat,
  type RecordType,
  type Registration,
  type Retention,
  recordFormats,
  recordTypeCreate,
  registrations,
  retentions,
} from '../../../../shared/registry/records.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { useRecordForm } from '../../../platform/record-form.ts';
import { translateOwn } from '../processes/parts.tsx';
import { useRecordsInvalidate } from './api.ts';
import { SystemSelect } from './parts.tsx';

// Adding and changing a record type of a process: what it is, how long it is kept and on what
// decision, where and how it is registered and kept, secrecy, and its K/R/T levels.

interface Values {
  name: string;
  description: string;
  format: RecordFormat;
  fileFormats: string;
  retention: Retention;
  retentionMonths: number | null;
  retentionPeriod: string;
  retentionBasis: string;
  registration: Registration;
  systemId: string | null;
  eArchive: boolean;
  eArchiveWhen: string;
  secret: boolean;
  secrecyProvision: string;
  personalData: boolean;
  confidentiality: number | null;
  integrity: number | null;
  availability: number | null;
}

function valuesOf(r: RecordType | null, systemId: string | null): Values {
  return {
    name: r?.name ?? '',
    description: r?.description ?? '',
    format: r?.format ?? 'digital',
    fileFormats: r?.fileFormats ?? '',
    retention: r?.retention ?? 'dispose',
    retentionMonths: r?.retentionMonths ?? null,
    retentionPeriod: r?.retentionPeriod ?? '',
    retentionBasis: r?.retentionBasis ?? '',
    registration: r?.registration ?? 'register',
    systemId: r ? r.systemId : systemId,
    eArchive: r?.eArchive ?? false,
    eArchiveWhen: r?.eArchiveWhen ?? '',
    secret: r?.secret ?? false,
    secrecyProvision: r?.secrecyProvision ?? '',
    personalData: r?.personalData ?? false,
    confidentiality: r?.confidentiality ?? null,
    integrity: r?.integrity ?? null,
    availability: r?.availability ?? null,
  };
}

/** What is sent: fields that cannot apply are cleared, so the rules between them hold. */
function payloadOf(v: Values, withLevels: boolean) {
  const preserve = v.retention === 'preserve';
  return {
    name: v.name.trim(),
    description: orNull(v.description),
    format: v.format,
    fileFormats: v.format === 'paper' ? null : orNull(v.fileFormats),
    retention: v.retention,
    retentionMonths: preserve ? null : v.retentionMonths,
    retentionPeriod: preserve ? null : orNull(v.retentionPeriod),
    retentionBasis: orNull(v.retentionBasis),
    registration: v.registration,
    systemId: v.systemId,
    eArchive: v.eArchive,
    eArchiveWhen: v.eArchive ? orNull(v.eArchiveWhen) : null,
    secret: v.secret,
    secrecyProvision: v.secret ? orNull(v.secrecyProvision) : null,
    personalData: v.personalData,
    // A reader who may not see the levels does not send them (and so cannot blank them).
    ...(withLevels
      ? { confidentiality: v.confidentiality, integrity: v.integrity, availability: v.availability }
      : {}),
  };
}

const levelOptions = ['0', '1', '2', '3', '4'].map((v) => ({ value: v, label: v }));

export function RecordTypeFormModal({
  opened,
  onClose,
  recordType,
  processId,
  systemId = null,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  recordType: RecordType | null;
  processId: string;
  systemId?: string | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useRecordsInvalidate();
  const withLevels = recordType ? !recordType.levelsHidden : true;
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: recordType,
    initial: () => valuesOf(recordType, systemId),
    collection: '/api/v1/record-types',
    payload: (v: Values) => payloadOf(v, withLevels),
    createOnly: () => ({ processId }),
    before: (r) => payloadOf(valuesOf(r, null), withLevels),
    schema: recordTypeCreate,
    invalidate,
    createdMessage: (saved) => t('registry.records.created', { name: saved.name }),
    onCreated: async () => undefined,
    onReload,
  });
  const shown = translateOwn(t, errors);
  const set =
    <K extends keyof Values>(field: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [field]: value }));
  const text = (field: keyof Values) => (e: { currentTarget: { value: string } }) =>
    set(field)(e.currentTarget.value as never);
  const f = (name: string) => t(`registry.records.field.${name}`);
  const level = (field: 'confidentiality' | 'integrity' | 'availability') => (
    <Select
      label={f(field)}
      data={levelOptions}
      value={values[field] === null ? null : String(values[field])}
      onChange={(v) => set(field)(v === null ? null : Number(v))}
      error={shown[field]}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      placeholder={t('registry.records.notLevelled')}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('registry.records.createTitle') : t('registry.records.editTitle')}
      size="xl"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={Object.keys(valuesOf(null, null))}
            onReload={reload ? () => void reload() : undefined}
          />
          <Fieldset legend={t('registry.records.group.basics')}>
            <Stack gap="sm">
              <TextInput
                label={f('name')}
                value={values.name}
                onChange={text('name')}
                error={shown.name}
                required
                data-autofocus
                maxLength={200}
              />
              <Textarea
                label={f('description')}
                value={values.description}
                onChange={text('description')}
                error={shown.description}
                autosize
                minRows={2}
                maxLength={4000}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={f('format')}
                  data={recordFormats.map((v) => ({ value: v, label: t(`registry.records.format.${v}`) }))}
                  value={values.format}
                  onChange={(v) => v && set('format')(v as RecordFormat)}
                  allowDeselect={false}
                  required
                  comboboxProps={{ withinPortal: true }}
                />
                <TextInput
                  label={f('fileFormats')}
                  description={t('registry.records.help.fileFormats')}
                  value={values.fileFormats}
                  onChange={text('fileFormats')}
                  error={shown.fileFormats}
                  disabled={values.format === 'paper'}
                  maxLength={200}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('registry.records.group.retention')}>
            <Stack gap="sm">
              <Select
                label={f('retention')}
                data={retentions.map((v) => ({ value: v, label: t(`registry.records.retention.${v}`) }))}
                value={values.retention}
                onChange={(v) => v && set('retention')(v as Retention)}
                allowDeselect={false}
                required
                comboboxProps={{ withinPortal: true }}
              />
              {values.retention === 'dispose' && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={f('retentionPeriod')}
                    description={t('registry.records.help.retentionPeriod')}
                    value={values.retentionPeriod}
                    onChange={text('retentionPeriod')}
                    error={shown.retentionPeriod}
                    maxLength={200}
                  />
                  <NumberInput
                    label={f('retentionMonths')}
                    value={values.retentionMonths ?? ''}
                    onChange={(v) => set('retentionMonths')(typeof v === 'number' ? v : null)}
                    error={shown.retentionMonths}
                    min={0}
                    max={1200}
                    allowDecimal={false}
                  />
                </SimpleGrid>
              )}
              <TextInput
                label={f('retentionBasis')}
                description={t('registry.records.help.retentionBasis')}
                value={values.retentionBasis}
                onChange={text('retentionBasis')}
                error={shown.retentionBasis}
                maxLength={300}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('registry.records.group.handling')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={f('registration')}
                  data={registrations.map((v) => ({
                    value: v,
                    label: t(`registry.records.registration.${v}`),
                  }))}
                  value={values.registration}
                  onChange={(v) => v && set('registration')(v as Registration)}
                  allowDeselect={false}
                  required
                  comboboxProps={{ withinPortal: true }}
                />
                <SystemSelect
                  label={f('systemId')}
                  value={values.systemId}
                  onChange={set('systemId')}
                  error={shown.systemId}
                />
              </SimpleGrid>
              <Checkbox
                label={f('eArchive')}
                checked={values.eArchive}
                onChange={(e) => set('eArchive')(e.currentTarget.checked)}
              />
              {values.eArchive && (
                <TextInput
                  label={f('eArchiveWhen')}
                  description={t('registry.records.help.eArchiveWhen')}
                  value={values.eArchiveWhen}
                  onChange={text('eArchiveWhen')}
                  error={shown.eArchiveWhen}
                  maxLength={200}
                />
              )}
            </Stack>
          </Fieldset>
          <Fieldset legend={t('registry.records.group.secrecy')}>
            <Stack gap="sm">
              <Checkbox
                label={f('secret')}
                checked={values.secret}
                onChange={(e) => set('secret')(e.currentTarget.checked)}
              />
              {values.secret && (
                <TextInput
                  label={f('secrecyProvision')}
                  description={t('registry.records.help.secrecyProvision')}
                  value={values.secrecyProvision}
                  onChange={text('secrecyProvision')}
                  error={shown.secrecyProvision}
                  required
                  maxLength={200}
                />
              )}
              <Checkbox
                label={f('personalData')}
                checked={values.personalData}
                onChange={(e) => set('personalData')(e.currentTarget.checked)}
              />
            </Stack>
          </Fieldset>
          {withLevels && (
            <Fieldset legend={t('registry.records.group.levels')}>
              <Text size="sm" c="dimmed" mb="xs">
                {t('registry.records.levelsHelp')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {level('confidentiality')}
                {level('integrity')}
                {level('availability')}
              </SimpleGrid>
            </Fieldset>
          )}
          <DialogFooter
            onCancel={close}
            label={creating ? t('registry.records.newRecordType') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
