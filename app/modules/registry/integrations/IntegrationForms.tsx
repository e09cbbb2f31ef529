import { Select, type SelectProps, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/directory.ts';
import {
  type Integration,
  type IntegrationDirection,
  type IntegrationFrequency,
  type IntegrationTechnique,
  integrationCreate,
  integrationDirections,
  integrationFrequencies,
  integrationTechniques,
} from '../../../../shared/registry/integrations.ts';
import type { System } from '../../../../shared/registry/systems.ts';
import { api, type Page, query } from '../../../platform/api.ts';
import { ArchiveDialog, Dialog, DialogFooter } from '../../../platform/dialogs.tsx';
import { ProblemAlert } from '../../../platform/errors.tsx';
import { orNull } from '../../../platform/form.ts';
import { useRecordForm } from '../../../platform/record-form.ts';
import { useIntegrationsInvalidate } from './api.ts';

// Registering, changing and archiving an integration. Edits carry the version they were based on;
// a 409 offers to reload instead of overwriting someone else's change.

type Option = { value: string; label: string };

interface RemoteSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue'> {
  value: string | null;
  onChange: (value: string | null) => void;
  /** The chosen record's name, shown before any search has run. */
  currentLabel?: string | null;
}

/** A searchable select whose options come from a list route, searched as one types. */
function useRemoteOptions(key: string, load: (term: string, signal: AbortSignal) => Promise<Option[]>) {
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search, 200);
  const options = useQuery({
    queryKey: ['registry', 'integrations', 'options', key, term],
    queryFn: ({ signal }) => load(term, signal),
    staleTime: 30_000,
  });
  return { search, setSearch, options };
}

function RemoteSelect({
  value,
  onChange,
  currentLabel,
  kind,
  load,
  ...props
}: RemoteSelectProps & { kind: string; load: (term: string, signal: AbortSignal) => Promise<Option[]> }) {
  const { t } = useTranslation();
  const { setSearch, options } = useRemoteOptions(kind, load);
  const data = [...(options.data ?? [])];
  if (value && currentLabel && !data.some((o) => o.value === value))
    data.unshift({ value, label: currentLabel });
  return (
    <Select
      searchable
      data={data}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={options.isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      {...props}
    />
  );
}

/** Choose an active system by name. */
export function SystemSelect(props: RemoteSelectProps) {
  return (
    <RemoteSelect
      kind="systems"
      load={async (term, signal) => {
        const page = await api.get<Page<System>>(
          `/api/v1/systems${query({ search: term || undefined, limit: 50 })}`,
          {
            signal,
          },
        );
        return page.items.map((s) => ({ value: s.id, label: s.name }));
      }}
      {...props}
    />
  );
}

/** Choose an active person by name. */
export function PersonSelect(props: RemoteSelectProps) {
  return (
    <RemoteSelect
      kind="people"
      clearable
      load={async (term, signal) => {
        const page = await api.get<Page<Person>>(
          `/api/v1/people${query({ search: term || undefined, limit: 50 })}`,
          {
            signal,
          },
        );
        return page.items.map((p) => ({ value: p.id, label: `${p.givenName} ${p.familyName}` }));
      }}
      {...props}
    />
  );
}

interface IntegrationValues {
  fromSystemId: string | null;
  toSystemId: string | null;
  information: string;
  technique: IntegrationTechnique;
  direction: IntegrationDirection;
  frequency: IntegrationFrequency | null;
  ownerId: string | null;
  personalData: boolean;
  critical: boolean;
  description: string;
}

function valuesOf(row: Integration | null, preset: { fromSystemId?: string; toSystemId?: string }) {
  return {
    fromSystemId: row?.fromSystem.id ?? preset.fromSystemId ?? null,
    toSystemId: row?.toSystem.id ?? preset.toSystemId ?? null,
    information: row?.information ?? '',
    technique: row?.technique ?? 'api',
    direction: row?.direction ?? 'oneWay',
    frequency: row?.frequency ?? null,
    ownerId: row?.owner?.id ?? null,
    personalData: row?.personalData ?? false,
    critical: row?.critical ?? false,
    description: row?.description ?? '',
  } satisfies IntegrationValues;
}

export function IntegrationFormModal({
  opened,
  onClose,
  integration,
  preset = {},
  presetName,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  /** The integration to change; null to register one. */
  integration: Integration | null;
  /** An end chosen beforehand (adding from a system's page). */
  preset?: { fromSystemId?: string; toSystemId?: string };
  presetName?: string;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useIntegrationsInvalidate();
  const { values, setValues, errors, creating, formRef, save, close, submit, reload } = useRecordForm({
    opened,
    onClose,
    record: integration,
    initial: () => valuesOf(integration, preset),
    collection: '/api/v1/integrations',
    payload: (v: IntegrationValues) => ({
      fromSystemId: v.fromSystemId,
      toSystemId: v.toSystemId,
      information: v.information.trim(),
      technique: v.technique,
      direction: v.direction,
      frequency: v.frequency,
      ownerId: v.ownerId,
      personalData: v.personalData,
      critical: v.critical,
      description: orNull(v.description),
    }),
    createOnly: () => ({}),
    before: (r: Integration) => ({
      fromSystemId: r.fromSystem.id,
      toSystemId: r.toSystem.id,
      information: r.information,
      technique: r.technique,
      direction: r.direction,
      frequency: r.frequency,
      ownerId: r.owner?.id ?? null,
      personalData: r.personalData,
      critical: r.critical,
      description: r.description,
    }),
    schema: integrationCreate,
    invalidate,
    createdMessage: (saved: Integration) =>
      t('registry.integrations.created', { information: saved.information }),
    onCreated: async () => undefined,
    onReload,
  });
  const set =
    <K extends keyof IntegrationValues>(field: K) =>
    (value: IntegrationValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));
  const field = (name: string) => t(`registry.integrations.field.${name}`);
  const label = (side: 'fromSystemId' | 'toSystemId') =>
    integration
      ? side === 'fromSystemId'
        ? integration.fromSystem.name
        : integration.toSystem.name
      : preset[side]
        ? presetName
        : null;

  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={creating ? t('registry.integrations.createTitle') : t('registry.integrations.editTitle')}
      size="lg"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert
            error={save.error}
            fields={Object.keys(values)}
            onReload={reload ? () => void reload() : undefined}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SystemSelect
              label={field('fromSystemId')}
              value={values.fromSystemId}
              currentLabel={label('fromSystemId')}
              onChange={set('fromSystemId')}
              error={errors.fromSystemId}
              required
              data-autofocus
            />
            <SystemSelect
              label={field('toSystemId')}
              description={t('registry.integrations.help.toSystemId')}
              value={values.toSystemId}
              currentLabel={label('toSystemId')}
              onChange={set('toSystemId')}
              error={errors.toSystemId}
              required
            />
          </SimpleGrid>
          <TextInput
            label={field('information')}
            description={t('registry.integrations.help.information')}
            value={values.information}
            onChange={(e) => set('information')(e.currentTarget.value)}
            error={errors.information}
            required
            maxLength={300}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={field('technique')}
              data={integrationTechniques.map((v) => ({
                value: v,
                label: t(`registry.integrations.technique.${v}`),
              }))}
              value={values.technique}
              onChange={(v) => v && set('technique')(v as IntegrationTechnique)}
              error={errors.technique}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={field('direction')}
              data={integrationDirections.map((v) => ({
                value: v,
                label: t(`registry.integrations.direction.${v}`),
              }))}
              value={values.direction}
              onChange={(v) => v && set('direction')(v as IntegrationDirection)}
              error={errors.direction}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={field('frequency')}
              data={integrationFrequencies.map((v) => ({
                value: v,
                label: t(`registry.integrations.frequency.${v}`),
              }))}
              value={values.frequency}
              onChange={(v) => set('frequency')((v as IntegrationFrequency) ?? null)}
              error={errors.frequency}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <PersonSelect
            label={field('ownerId')}
            value={values.ownerId}
            currentLabel={integration?.owner?.name}
            onChange={set('ownerId')}
            error={errors.ownerId}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Switch
              label={field('personalData')}
              checked={values.personalData}
              onChange={(e) => set('personalData')(e.currentTarget.checked)}
            />
            <Switch
              label={field('critical')}
              checked={values.critical}
              onChange={(e) => set('critical')(e.currentTarget.checked)}
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
          <DialogFooter
            onCancel={close}
            label={creating ? t('registry.integrations.create') : t('common.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Dialog>
  );
}

export function ArchiveIntegrationModal({
  opened,
  onClose,
  integration,
  onReload,
}: {
  opened: boolean;
  onClose: () => void;
  integration: Integration;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const invalidate = useIntegrationsInvalidate();
  return (
    <ArchiveDialog
      opened={opened}
      onClose={onClose}
      title={t('registry.integrations.archiveTitle')}
      help={t('registry.integrations.archiveHelp')}
      path={`/api/v1/integrations/${integration.id}`}
      version={integration.version}
      onReload={onReload}
      invalidate={invalidate}
    />
  );
}
