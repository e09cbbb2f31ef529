import {
  Checkbox,
  Fieldset,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Article9Basis,
  article9Bases,
  type LegalBasis,
  legalBases,
  type ProcessingActivity,
  type ProcessorAgreementStatus,
  processingActivityCreate,
  processorAgreementStatuses,
  type TransferSafeguard,
  transferSafeguards,
} from '../../../../shared/registry/privacy.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { DateField } from '../../../platform/inputs.tsx';
import { useRecordForm } from '../../../platform/record-form.ts';
import { ControllerSelect, PersonSelect, SupplierSelect, SystemsMultiSelect, TagsField } from './inputs.tsx';

// Recording and changing a processing activity: the many Art. 30 fields in sections (fieldsets),
// lists as tags, and the fields that depend on a yes shown only with it. The server checks the
// same dependencies and names the field; a 409 offers to reload instead of overwriting.

interface Values {
  name: string;
  description: string;
  controllerId: string | null;
  controllerContactId: string | null;
  dpoId: string | null;
  purposes: string[];
  legalBasis: LegalBasis | null;
  legalBasisReference: string;
  dataSubjectCategories: string[];
  personalDataCategories: string[];
  sensitiveData: boolean;
  sensitiveDataBasis: Article9Basis | null;
  criminalData: boolean;
  criminalDataBasis: string;
  personalIdentityNumbers: boolean;
  estimatedDataSubjects: number | null;
  recipients: string[];
  thirdCountryTransfer: boolean;
  thirdCountries: string[];
  transferSafeguard: TransferSafeguard | null;
  transferSafeguardNote: string;
  retention: string;
  securityMeasures: string;
  dpiaRequired: boolean;
  dpiaDate: string | undefined;
  dpiaResult: string;
  automatedDecisions: boolean;
  automatedDecisionsDescription: string;
  systemIds: string[];
  processorId: string | null;
  processorAgreementStatus: ProcessorAgreementStatus | null;
  processorAgreementReference: string;
}

function valuesOf(a: ProcessingActivity | null, controllerId: string | null): Values {
  return {
    name: a?.name ?? '',
    description: a?.description ?? '',
    controllerId: a?.controllerId ?? controllerId,
    controllerContactId: a?.controllerContactId ?? null,
    dpoId: a?.dpoId ?? null,
    purposes: a?.purposes ?? [],
    legalBasis: a?.legalBasis ?? null,
    legalBasisReference: a?.legalBasisReference ?? '',
    dataSubjectCategories: a?.dataSubjectCategories ?? [],
    personalDataCategories: a?.personalDataCategories ?? [],
    sensitiveData: a?.sensitiveData ?? false,
    sensitiveDataBasis: a?.sensitiveDataBasis ?? null,
    criminalData: a?.criminalData ?? false,
    criminalDataBasis: a?.criminalDataBasis ?? '',
    personalIdentityNumbers: a?.personalIdentityNumbers ?? false,
    estimatedDataSubjects: a?.estimatedDataSubjects ?? null,
    recipients: a?.recipients ?? [],
    thirdCountryTransfer: a?.thirdCountryTransfer ?? false,
    thirdCountries: a?.thirdCountries ?? [],
    transferSafeguard: a?.transferSafeguard ?? null,
    transferSafeguardNote: a?.transferSafeguardNote ?? '',
    retention: a?.retention ?? '',
    securityMeasures: a?.securityMeasures ?? '',
    dpiaRequired: a?.dpiaRequired ?? false,
    dpiaDate: a?.dpiaDate ?? undefined,
    dpiaResult: a?.dpiaResult ?? '',
    automatedDecisions: a?.automatedDecisions ?? false,
    automatedDecisionsDescription: a?.automatedDecisionsDescription ?? '',
    systemIds: a?.systemIds ?? [],
    processorId: a?.processorId ?? null,
    processorAgreementStatus: a?.processorAgreementStatus ?? null,
    processorAgreementReference: a?.processorAgreementReference ?? '',
  };
}

/** What is sent: every field, texts trimmed, '' as null. */
function payloadOf(v: Values) {
  return {
    name: v.name.trim(),
    description: orNull(v.description),
    controllerId: v.controllerId,
    controllerContactId: v.controllerContactId,
    dpoId: v.dpoId,
    purposes: v.purposes,
    legalBasis: v.legalBasis,
    legalBasisReference: orNull(v.legalBasisReference),
    dataSubjectCategories: v.dataSubjectCategories,
    personalDataCategories: v.personalDataCategories,
    sensitiveData: v.sensitiveData,
    sensitiveDataBasis: v.sensitiveData ? v.sensitiveDataBasis : null,
    criminalData: v.criminalData,
    criminalDataBasis: v.criminalData ? orNull(v.criminalDataBasis) : null,
    personalIdentityNumbers: v.personalIdentityNumbers,
    estimatedDataSubjects: v.estimatedDataSubjects,
    recipients: v.recipients,
    thirdCountryTransfer: v.thirdCountryTransfer,
    thirdCountries: v.thirdCountryTransfer ? v.thirdCountries : [],
    transferSafeguard: v.thirdCountryTransfer ? v.transferSafeguard : null,
    transferSafeguardNote: v.thirdCountryTransfer ? orNull(v.transferSafeguardNote) : null,
    retention: orNull(v.retention),
    securityMeasures: orNull(v.securityMeasures),
    dpiaRequired: v.dpiaRequired,
    dpiaDate: v.dpiaDate ?? null,
    dpiaResult: orNull(v.dpiaResult),
    automatedDecisions: v.automatedDecisions,
    automatedDecisionsDescription: v.automatedDecisions ? orNull(v.automatedDecisionsDescription) : null,
    systemIds: v.systemIds,
    processorId: v.processorId,
    processorAgreementStatus: v.processorId ? v.processorAgreementStatus : null,
    processorAgreementReference: v.processorId ? orNull(v.processorAgreementReference) : null,
  };
}

const FIELDS = Object.keys(payloadOf(valuesOf(null, null)));

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend} variant="filled">
      <Stack gap="sm">{children}</Stack>
    </Fieldset>
  );
}

export function ActivityFormModal({
  opened,
  onClose,
  activity,
  controllerId = null,
  invalidate,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  activity: ProcessingActivity | null;
  controllerId?: string | null;
  invalidate: () => Promise<unknown>;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: activity,
    initial: () => valuesOf(activity, controllerId),
    collection: '/api/v1/processing-activities',
    payload: payloadOf,
    createOnly: () => ({}),
    before: (a: ProcessingActivity) => payloadOf(valuesOf(a, null)),
    schema: processingActivityCreate,
    invalidate,
    createdMessage: (saved) => t('registry.privacy.created', { name: saved.name }),
    onCreated: (saved) =>
      navigate({ to: '/processing-activities/$activityId', params: { activityId: saved.id } }),
    onReload,
  });
  const set =
    <K extends keyof Values>(field: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [field]: value }));
  const label = (name: string) => t(`registry.privacy.field.${name}`);
  const text = (name: keyof Values, options: { required?: boolean; max?: number; help?: string } = {}) => (
    <TextInput
      label={label(name)}
      description={options.help}
      value={values[name] as string}
      onChange={(e) => set(name)(e.currentTarget.value as never)}
      error={errors[name]}
      required={options.required}
      maxLength={options.max ?? 300}
    />
  );
  const area = (name: keyof Values, max = 4000) => (
    <Textarea
      label={label(name)}
      value={values[name] as string}
      onChange={(e) => set(name)(e.currentTarget.value as never)}
      error={errors[name]}
      autosize
      minRows={2}
      maxLength={max}
    />
  );
  const tags = (name: keyof Values, required = false) => (
    <TagsField
      label={label(name)}
      value={values[name] as string[]}
      onChange={(v) => set(name)(v as never)}
      error={errors[name]}
      required={required}
    />
  );
  const check = (name: keyof Values) => (
    <Checkbox
      label={label(name)}
      checked={values[name] as boolean}
      onChange={(e) => set(name)(e.currentTarget.checked as never)}
      error={errors[name]}
    />
  );
  const options = (group: string, keys: readonly string[]) =>
    keys.map((k) => ({ value: k, label: t(`registry.privacy.${group}.${k}`) }));

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('registry.privacy.createTitle') : t('registry.privacy.editTitle')}
      size="xl"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={FIELDS}
            onReload={reload ? () => void reload() : undefined}
          />
          <Group legend={t('registry.privacy.section.basics')}>
            <TextInput
              label={label('name')}
              value={values.name}
              onChange={(e) => set('name')(e.currentTarget.value)}
              error={errors.name}
              required
              data-autofocus
              maxLength={200}
            />
            {area('description')}
          </Group>
          <Group legend={t('registry.privacy.section.responsibility')}>
            <ControllerSelect
              label={label('controllerId')}
              description={label('controllerHelp')}
              value={values.controllerId}
              onChange={set('controllerId')}
              error={errors.controllerId}
              required
              allowDeselect={false}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <PersonSelect
                label={label('controllerContactId')}
                value={values.controllerContactId}
                onChange={set('controllerContactId')}
                error={errors.controllerContactId}
              />
              <PersonSelect
                label={label('dpoId')}
                value={values.dpoId}
                onChange={set('dpoId')}
                error={errors.dpoId}
              />
            </SimpleGrid>
          </Group>
          <Group legend={t('registry.privacy.section.legal')}>
            {tags('purposes', true)}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={label('legalBasis')}
                data={options('legalBasis', legalBases)}
                value={values.legalBasis}
                onChange={(v) => set('legalBasis')(v as LegalBasis | null)}
                error={errors.legalBasis}
                required
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
              {text('legalBasisReference', { help: label('legalBasisReferenceHelp') })}
            </SimpleGrid>
          </Group>
          <Group legend={t('registry.privacy.section.data')}>
            {tags('dataSubjectCategories')}
            {tags('personalDataCategories')}
            {check('sensitiveData')}
            {values.sensitiveData && (
              <Select
                label={label('sensitiveDataBasis')}
                data={options('article9', article9Bases)}
                value={values.sensitiveDataBasis}
                onChange={(v) => set('sensitiveDataBasis')(v as Article9Basis | null)}
                error={errors.sensitiveDataBasis}
                required
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {check('criminalData')}
            {values.criminalData && text('criminalDataBasis', { required: true })}
            {check('personalIdentityNumbers')}
            <NumberInput
              label={label('estimatedDataSubjects')}
              value={values.estimatedDataSubjects ?? ''}
              onChange={(v) => set('estimatedDataSubjects')(typeof v === 'number' ? v : null)}
              error={errors.estimatedDataSubjects}
              min={0}
              max={100_000_000}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=" "
              w={240}
            />
          </Group>
          <Group legend={t('registry.privacy.section.sharing')}>
            {tags('recipients')}
            {check('thirdCountryTransfer')}
            {values.thirdCountryTransfer && (
              <>
                {tags('thirdCountries', true)}
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={label('transferSafeguard')}
                    data={options('safeguard', transferSafeguards)}
                    value={values.transferSafeguard}
                    onChange={(v) => set('transferSafeguard')(v as TransferSafeguard | null)}
                    error={errors.transferSafeguard}
                    required
                    comboboxProps={{ withinPortal: true }}
                  />
                  {text('transferSafeguardNote')}
                </SimpleGrid>
              </>
            )}
          </Group>
          <Group legend={t('registry.privacy.section.protection')}>
            {area('retention', 2000)}
            {area('securityMeasures')}
          </Group>
          <Group legend={t('registry.privacy.section.dpia')}>
            {check('dpiaRequired')}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField
                label={label('dpiaDate')}
                value={values.dpiaDate}
                onChange={set('dpiaDate')}
                error={errors.dpiaDate}
              />
            </SimpleGrid>
            {area('dpiaResult', 2000)}
            {check('automatedDecisions')}
            {values.automatedDecisions && area('automatedDecisionsDescription', 2000)}
          </Group>
          <Group legend={t('registry.privacy.section.systems')}>
            <SystemsMultiSelect
              label={label('systemIds')}
              value={values.systemIds}
              onChange={set('systemIds')}
              error={errors.systemIds}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <SupplierSelect
                label={label('processorId')}
                value={values.processorId}
                onChange={(v) =>
                  setValues((cur) => ({
                    ...cur,
                    processorId: v,
                    processorAgreementStatus: v ? (cur.processorAgreementStatus ?? 'needed') : null,
                  }))
                }
                error={errors.processorId}
              />
              {values.processorId && (
                <Select
                  label={label('processorAgreementStatus')}
                  data={options('agreement', processorAgreementStatuses)}
                  value={values.processorAgreementStatus}
                  onChange={(v) => set('processorAgreementStatus')(v as ProcessorAgreementStatus | null)}
                  error={errors.processorAgreementStatus}
                  required
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            </SimpleGrid>
            {values.processorId && text('processorAgreementReference', { max: 200 })}
          </Group>
          <DialogFooter
            onCancel={close}
            label={creating ? t('registry.privacy.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}
