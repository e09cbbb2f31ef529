import { Badge, Group, MultiSelect, Select, type SelectProps, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/directory.ts';
import type { Service, ServiceKind } from '../../../../shared/registry/services.ts';
import type { System } from '../../../../shared/registry/systems.ts';
import { api, type Page, query } from '../../../platform/api.ts';
import { usePerson } from '../../../platform/directory/api.ts';
import { EmptyValue } from '../../../platform/page.tsx';

// Small pieces of the services pages: the kind badge, the K/R/T levels (or that they are secret),
// and pickers for a person and for systems.

export function KindBadge({ kind }: { kind: ServiceKind }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={kind === 'api' ? 'grape' : 'sea'}
      variant="light"
      miw="fit-content"
      styles={{ root: { textTransform: 'none' }, label: { color: 'var(--mantine-color-gray-9)' } }}
    >
      {t(`registry.services.kind.${kind}`)}
    </Badge>
  );
}

/** "K 3 · R 3 · T 2", "Sekretess" when set but hidden from the reader, or nothing when unset. */
export function Levels({ service }: { service: Service }) {
  const { t } = useTranslation();
  if (!service.hasLevels) return <EmptyValue />;
  if (!service.can.readLevels)
    return (
      <Text span size="sm" c="dimmed">
        {t('registry.services.levelsSecret')}
      </Text>
    );
  const level = (value: number | null) => (value === null ? '–' : String(value));
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm">
        {t('registry.services.levelShort', {
          c: level(service.confidentiality),
          i: level(service.integrity),
          a: level(service.availability),
        })}
      </Text>
    </Group>
  );
}

/** Choose an active person by searching the directory. */
export function PersonPicker({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const selected = usePerson(value);
  const people = useQuery({
    queryKey: ['people', 'pick', debounced],
    queryFn: ({ signal }) =>
      api.get<Page<Person>>(`/api/v1/people${query({ search: debounced, limit: 20 })}`, { signal }),
    staleTime: 10_000,
  });
  const options = new Map<string, string>();
  if (selected.data) options.set(selected.data.id, selected.data.name);
  for (const p of people.data?.items ?? []) options.set(p.id, p.name);
  return (
    <Select
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

/** Choose systems by searching the register; the chosen keep their names. */
export function SystemsPicker({
  label,
  value,
  names,
  onChange,
  error,
}: {
  label: string;
  value: string[];
  /** Names of systems already chosen (from the service's links). */
  names: Map<string, string>;
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [known, setKnown] = useState(names);
  const systems = useQuery({
    queryKey: ['registry', 'systems', 'pick', debounced],
    queryFn: ({ signal }) =>
      api.get<Page<System>>(`/api/v1/systems${query({ search: debounced || undefined, limit: 30 })}`, {
        signal,
      }),
    staleTime: 10_000,
  });
  const options = new Map(known);
  for (const s of systems.data?.items ?? []) options.set(s.id, s.name);
  return (
    <MultiSelect
      label={label}
      searchable
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={(ids) => {
        setKnown(new Map([...options].filter(([id]) => ids.includes(id))));
        onChange(ids);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      error={error}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
    />
  );
}
