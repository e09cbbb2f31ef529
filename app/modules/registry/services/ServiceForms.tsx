import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Service,
  type ServiceKind,
  serviceCreate,
  serviceKinds,
} from '../../../../shared/registry/services.ts';
import {
  type LifecyclePhase,
  lifecyclePhases,
  type OperationForm,
  operationForms,
} from '../../../../shared/registry/systems.ts';
import { request } from '../../../platform/api.ts';
import { Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { UnitSelect } from '../../../platform/directory/parts.tsx';
import { ProblemAlert, useFieldErrors } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { notifySuccess } from '../../../platform/notify.ts';
import { useRecordForm } from '../../../platform/record-form.ts';
import { SupplierSelect } from '../privacy/inputs.tsx';
import { useServicesInvalidate } from './api.ts';
import { PersonPicker, SystemsPicker } from './parts.tsx';

// Registering and changing a service or an API, and choosing the systems that provide and consume
// it. Edits carry the version they were based on; a 409 offers to reload instead of overwriting.

interface ServiceValues {
  kind: ServiceKind;
  name: string;
  description: string;
  ownerId: string | null;
  owningUnitId: string | null;
  hosting: OperationForm | null;
  supplierId: string | null;
  confidentiality: string | null;
  integrity: string | null;
  availability: string | null;
  documentationUrl: string;
  apiVersion: string;
  phase: LifecyclePhase;
}

const level = (value: number | null) => (value === null ? null : String(value));
const toLevel = (value: string | null) => (value === null ? null : Number(value));

function valuesOf(s: Service | null): ServiceValues {
  return {
    kind: s?.kind ?? 'service',
    name: s?.name ?? '',
    description: s?.description ?? '',
    ownerId: s?.ownerId ?? null,
    owningUnitId: s?.owningUnitId ?? null,
    hosting: s?.hosting ?? null,
    supplierId: s?.supplierId ?? null,
    confidentiality: level(s?.confidentiality ?? null),
    integrity: level(s?.integrity ?? null),
    availability: level(s?.availability ?? null),
    documentationUrl: s?.documentationUrl ?? '',
    apiVersion: s?.apiVersion ?? '',
    phase: s?.phase ?? 'operation',
  };
}

const FIELDS = [
  'kind',
  'name',
  'description',
  'ownerId',
  'owningUnitId',
  'hosting',
  'supplierId',
  'confidentiality',
  'integrity',
  'availability',
  'documentationUrl',
  'apiVersion',
  'phase',
];

export function ServiceFormModal({
  opened,
  onClose,
  service,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  /** The service to edit; null to register one. */
  service: Service | null;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useServicesInvalidate();
  // Levels are sent only by those who may read them: others would overwrite what they cannot see.
  const withLevels = service === null || service.can.readLevels;
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: service,
    initial: () => valuesOf(service),
    collection: '/api/v1/services',
    payload: (v: ServiceValues) => ({
      kind: v.kind,
      name: v.name.trim(),
      description: orNull(v.description),
      ownerId: v.ownerId,
      owningUnitId: v.owningUnitId,
      hosting: v.hosting,
      supplierId: v.supplierId,
      ...(withLevels
        ? {
            confidentiality: toLevel(v.confidentiality),
            integrity: toLevel(v.integrity),
            availability: toLevel(v.availability),
          }
        : {}),
      documentationUrl: orNull(v.documentationUrl),
      apiVersion: orNull(v.apiVersion),
      phase: v.phase,
    }),
    createOnly: () => ({}),
    before: (s) => ({
      kind: s.kind,
      name: s.name,
      description: s.description,
      ownerId: s.ownerId,
      owningUnitId: s.owningUnitId,
      hosting: s.hosting,
      supplierId: s.supplierId,
      ...(withLevels
        ? { confidentiality: s.confidentiality, integrity: s.integrity, availability: s.availability }
        : {}),
      documentationUrl: s.documentationUrl,
      apiVersion: s.apiVersion,
      phase: s.phase,
    }),
    schema: serviceCreate,
    invalidate,
    createdMessage: (saved) => t('registry.services.created', { name: saved.name }),
    onCreated: (saved) => navigate({ to: '/services/$serviceId', params: { serviceId: saved.id } }),
    onReload,
  });
  const set =
    <K extends keyof ServiceValues>(field: K) =>
    (value: ServiceValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));
  const field = (name: string) => t(`registry.services.field.${name}`);
  const levelData = [0, 1, 2, 3, 4].map((n) => ({
    value: String(n),
    label: t(`registry.services.level.${n}`),
  }));
  const levelSelect = (name: 'confidentiality' | 'integrity' | 'availability') => (
    <Select
      label={field(name)}
      data={levelData}
      value={values[name]}
      onChange={set(name)}
      error={errors[name]}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('registry.services.createTitle') : t('registry.services.editTitle')}
      size="xl"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={FIELDS}
            onReload={reload ? () => void reload() : undefined}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={field('name')}
              value={values.name}
              onChange={(e) => set('name')(e.currentTarget.value)}
              error={errors.name}
              required
              data-autofocus
              maxLength={200}
            />
            <Select
              label={field('kind')}
              data={serviceKinds.map((k) => ({ value: k, label: t(`registry.services.kind.${k}`) }))}
              value={values.kind}
              onChange={(v) => v && set('kind')(v as ServiceKind)}
              error={errors.kind}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
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
            <PersonPicker
              label={field('ownerId')}
              value={values.ownerId}
              onChange={set('ownerId')}
              error={errors.ownerId}
            />
            <UnitSelect
              label={field('owningUnitId')}
              value={values.owningUnitId}
              onChange={set('owningUnitId')}
              error={errors.owningUnitId}
            />
            <Select
              label={field('hosting')}
              data={operationForms.map((o) => ({
                value: o,
                label: t(`registry.systems.operationForm.${o}`),
              }))}
              value={values.hosting}
              onChange={(v) => set('hosting')((v as OperationForm) ?? null)}
              error={errors.hosting}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            <SupplierSelect
              label={field('supplierId')}
              value={values.supplierId}
              onChange={set('supplierId')}
              error={errors.supplierId}
            />
            <Select
              label={field('phase')}
              data={lifecyclePhases.map((p) => ({ value: p, label: t(`registry.systems.phase.${p}`) }))}
              value={values.phase}
              onChange={(v) => v && set('phase')(v as LifecyclePhase)}
              error={errors.phase}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={field('documentationUrl')}
              type="url"
              value={values.documentationUrl}
              onChange={(e) => set('documentationUrl')(e.currentTarget.value)}
              error={errors.documentationUrl}
              maxLength={2000}
            />
            <TextInput
              label={field('apiVersion')}
              value={values.apiVersion}
              onChange={(e) => set('apiVersion')(e.currentTarget.value)}
              error={errors.apiVersion}
              maxLength={60}
            />
          </SimpleGrid>
          {withLevels && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {levelSelect('confidentiality')}
              {levelSelect('integrity')}
              {levelSelect('availability')}
            </SimpleGrid>
          )}
          <DialogFooter
            onCancel={close}
            label={creating ? t('registry.services.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}

/** Choose the systems that provide and consume the service (replaces its links). */
export function ServiceSystemsModal({
  opened,
  onClose,
  service,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  service: Service;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useServicesInvalidate();
  const ids = (role: 'provides' | 'consumes') =>
    service.systems.filter((l) => l.role === role).map((l) => l.systemId);
  const [provides, setProvides] = useState<string[]>(ids('provides'));
  const [consumes, setConsumes] = useState<string[]>(ids('consumes'));
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when (re)opened or reloaded
  useEffect(() => {
    if (opened) {
      setProvides(ids('provides'));
      setConsumes(ids('consumes'));
    }
  }, [opened, service.version]);
  const names = new Map(service.systems.map((l) => [l.systemId, l.name]));
  const save = useMutation({
    mutationFn: () =>
      request<Service>('PUT', `/api/v1/services/${service.id}/systems`, {
        version: service.version,
        provides,
        consumes,
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('common.saved'));
      close();
    },
  });
  const errors = useFieldErrors(save.error);
  const errorOf = (role: string) =>
    Object.entries(errors).find(([key]) => key === role || key.startsWith(`${role}.`))?.[1];
  function close() {
    save.reset();
    onClose();
  }
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={t('registry.services.linkTitle', { name: service.name })}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={['provides', 'consumes']}
            onReload={async () => {
              await onReload();
              save.reset();
            }}
          />
          <SystemsPicker
            label={t('registry.services.provides')}
            value={provides}
            names={names}
            onChange={setProvides}
            error={errorOf('provides')}
          />
          <SystemsPicker
            label={t('registry.services.consumes')}
            value={consumes}
            names={names}
            onChange={setConsumes}
            error={errorOf('consumes')}
          />
          <DialogFooter onCancel={close} label={t('common.save')} loading={save.isPending} mt="sm" />
        </Stack>
      </form>
    </Dialog>
  );
}
