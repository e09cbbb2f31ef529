import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page, query } from '../../../platform/api.ts';

// Pickers that search a list API as one types (suppliers, people, systems): a page of 20 matches,
// plus the labels of what is already chosen so that a saved choice shows its name.

interface Named {
  id: string;
  label: string;
}

function useMatches(path: string, search: string, toLabel: (item: never) => string) {
  const [debounced] = useDebouncedValue(search, 200);
  const result = useQuery({
    queryKey: ['registry', 'picker', path, debounced],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: string }>>(`${path}${query({ search: debounced || undefined, limit: 20 })}`, {
        signal,
      }),
    staleTime: 30_000,
  });
  return (result.data?.items ?? []).map((item) => ({ id: item.id, label: toLabel(item as never) }));
}

function options(found: Named[], chosen: Named[]) {
  const seen = new Set<string>();
  return [...chosen, ...found]
    .filter((o) => !seen.has(o.id) && seen.add(o.id))
    .map((o) => ({ value: o.id, label: o.label }));
}

export function RemoteSelect<T>({
  path,
  toLabel,
  value,
  onChange,
  label,
  error,
  required,
}: {
  path: string;
  toLabel: (item: T) => string;
  /** The chosen record and its label, or null. */
  value: Named | null;
  onChange: (value: Named | null) => void;
  label: string;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const found = useMatches(path, search, toLabel as (item: never) => string);
  const data = options(found, value ? [value] : []);
  return (
    <Select
      label={label}
      data={data}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? { id, label: data.find((o) => o.value === id)?.label ?? id } : null)}
      searchable
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('common.nothingFound')}
      clearable={!required}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      required={required}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function RemoteMultiSelect<T>({
  path,
  toLabel,
  value,
  onChange,
  label,
  error,
}: {
  path: string;
  toLabel: (item: T) => string;
  value: Named[];
  onChange: (value: Named[]) => void;
  label: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const found = useMatches(path, search, toLabel as (item: never) => string);
  const data = options(found, value);
  return (
    <MultiSelect
      label={label}
      data={data}
      value={value.map((v) => v.id)}
      onChange={(ids) =>
        onChange(ids.map((id) => ({ id, label: data.find((o) => o.value === id)?.label ?? id })))
      }
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('common.nothingFound')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
