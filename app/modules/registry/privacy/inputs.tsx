import {
  MultiSelect,
  type MultiSelectProps,
  Select,
  type SelectProps,
  TagsInput,
  type TagsInputProps,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/directory.ts';
import type { System } from '../../../../shared/registry/systems.ts';
import { api, type Page, query } from '../../../platform/api.ts';
import { usePerson, useUnitIndex } from '../../../platform/directory/api.ts';

// Inputs the registry's forms share: a person found by search, units of the kinds that can be
// personuppgiftsansvarig, systems and suppliers of the register, lists typed as tags.

type SingleProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

const comboboxProps = { withinPortal: true };

/** Choose an active person: searched on the server as one types (the tenant may have thousands). */
export function PersonSelect({ value, onChange, ...props }: SingleProps) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const [debounced] = useDebouncedValue(term, 250);
  const current = usePerson(value);
  const found = useQuery({
    queryKey: ['people', 'pick', debounced],
    queryFn: ({ signal }) =>
      api.get<Page<Person>>(`/api/v1/people${query({ search: debounced || undefined, limit: 20 })}`, {
        signal,
      }),
    staleTime: 30_000,
  });
  const options = new Map<string, string>();
  if (current.data) options.set(current.data.id, current.data.name);
  for (const p of found.data?.items ?? []) options.set(p.id, `${p.name}${p.title ? ` (${p.title})` : ''}`);
  return (
    <Select
      searchable
      clearable
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      value={value}
      onChange={onChange}
      onSearchChange={setTerm}
      filter={({ options }) => options}
      nothingFoundMessage={found.isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={comboboxProps}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      {...props}
    />
  );
}

/** Choose a nämnd's förvaltning or a bolag: the units that can be personuppgiftsansvarig. */
export function ControllerSelect({ value, onChange, ...props }: SingleProps) {
  const { t } = useTranslation();
  const { units, isPending } = useUnitIndex();
  const data = units
    .filter((u) => (u.kind === 'department' || u.kind === 'company') && (!u.archivedAt || u.id === value))
    .map((u) => ({ value: u.id, label: u.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
  return (
    <Select
      searchable
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={comboboxProps}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      {...props}
    />
  );
}

/** The register's active systems (one page of 200, the most any list answers at once). */
export function useSystemOptions() {
  return useQuery({
    queryKey: ['registry', 'systems', 'options'],
    queryFn: ({ signal }) => api.get<Page<System>>('/api/v1/systems?limit=200', { signal }),
    staleTime: 60_000,
    select: (page) => page.items.map((s) => ({ value: s.id, label: s.name })),
  });
}

export function SystemsMultiSelect({
  value,
  onChange,
  ...props
}: Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: string[];
  onChange: (v: string[]) => void;
}) {
  const { t } = useTranslation();
  const options = useSystemOptions();
  return (
    <MultiSelect
      searchable
      data={options.data ?? []}
      value={value}
      onChange={onChange}
      nothingFoundMessage={options.isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={comboboxProps}
      {...props}
    />
  );
}

/** Suppliers of the register (`/api/v1/suppliers`, the suppliers part's list). */
export function useSuppliers() {
  return useQuery({
    queryKey: ['registry', 'suppliers', 'options'],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: string; name: string }>>('/api/v1/suppliers?limit=200', { signal }),
    staleTime: 60_000,
    retry: false,
    select: (page) => page.items.map((s) => ({ value: s.id, label: s.name })),
  });
}

export function SupplierSelect({ value, onChange, ...props }: SingleProps) {
  const { t } = useTranslation();
  const suppliers = useSuppliers();
  return (
    <Select
      searchable
      clearable
      data={suppliers.data ?? []}
      value={value}
      onChange={onChange}
      nothingFoundMessage={suppliers.isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={comboboxProps}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      {...props}
    />
  );
}

/** A supplier's name by id, from the suppliers list. */
export function SupplierName({ id }: { id: string | null }) {
  const suppliers = useSuppliers();
  if (!id) return null;
  return <>{suppliers.data?.find((s) => s.value === id)?.label ?? '…'}</>;
}

/** A list of short texts entered as tags (Enter or comma adds one). */
export function TagsField(props: TagsInputProps) {
  const { t } = useTranslation();
  return (
    <TagsInput
      description={t('registry.privacy.tagsHelp')}
      splitChars={[',', ';']}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      maxLength={300}
      {...props}
    />
  );
}
