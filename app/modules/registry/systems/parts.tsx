import { Badge, Select, Table, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/directory.ts';
import type { LifecyclePhase, SystemScope } from '../../../../shared/registry/systems.ts';
import { api, type Page, query } from '../../../platform/api.ts';
import { usePerson } from '../../../platform/directory/api.ts';
import { RouterAnchor } from '../../../platform/links.tsx';
import { EmptyValue } from '../../../platform/page.tsx';
import { useSystem } from './api.ts';

// Small pieces the registry's pages share: a system's name as a link, scope and phase badges.

const phaseColors: Record<LifecyclePhase, string> = {
  idea: 'gray',
  procurement: 'cyan',
  implementation: 'sea',
  operation: 'green',
  phaseOut: 'orange',
  retired: 'gray',
};

const badgeStyles = {
  root: { textTransform: 'none' as const, fontWeight: 600 },
  label: { color: 'var(--mantine-color-gray-9)', overflow: 'visible' as const },
};

export function PhaseBadge({ phase }: { phase: LifecyclePhase }) {
  const { t } = useTranslation();
  return (
    <Badge color={phaseColors[phase]} variant="light" miw="fit-content" styles={badgeStyles}>
      {t(`registry.systems.phase.${phase}`)}
    </Badge>
  );
}

export function ScopeBadge({ scope }: { scope: SystemScope }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={scope === 'shared' ? 'sea' : 'grape'}
      variant="light"
      miw="fit-content"
      styles={badgeStyles}
    >
      {t(`registry.systems.scope.${scope}`)}
    </Badge>
  );
}

/** A link to a system by id, named by fetching it (cached per system). */
export function SystemLink({ id }: { id: string | null | undefined }) {
  const system = useSystem(id ?? '', { enabled: !!id });
  if (!id) return <EmptyValue />;
  return (
    <RouterAnchor to="/systems/$systemId" params={{ systemId: id }} size="sm">
      {system.data?.name ?? '…'}
    </RouterAnchor>
  );
}

/** A column header that sorts the list: a button in the header cell, the cell says its order (aria-sort). */
export function SortHeader<S extends string>({
  column,
  label,
  sort,
  order,
  onSort,
}: {
  column: S;
  label: string;
  sort: S;
  order: 'asc' | 'desc';
  onSort: (column: S, order: 'asc' | 'desc') => void;
}) {
  const { t } = useTranslation();
  const active = sort === column;
  const Icon = active ? (order === 'asc' ? IconArrowUp : IconArrowDown) : IconArrowsSort;
  return (
    <Table.Th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(column, active && order === 'asc' ? 'desc' : 'asc')}
        aria-label={t('registry.systems.sortBy', { column: label })}
        fw={700}
        fz="sm"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        {label}
        <Icon size={14} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}

/** Choose an active person by name (searched on the server, 20 at a time). */
export function PersonSelect({
  value,
  onChange,
  label,
  placeholder,
  error,
  required,
  autoFocus,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  placeholder?: string;
  error?: string;
  required?: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const selected = usePerson(value);
  const people = useQuery({
    queryKey: ['people', 'pick', 'active', debounced],
    queryFn: ({ signal }) =>
      api.get<Page<Person>>(`/api/v1/people${query({ search: debounced, limit: 20 })}`, { signal }),
    staleTime: 10_000,
  });
  const options = new Map<string, string>();
  if (selected.data) options.set(selected.data.id, selected.data.name);
  for (const p of people.data?.items ?? []) options.set(p.id, p.title ? `${p.name} · ${p.title}` : p.name);
  return (
    <Select
      label={label}
      placeholder={placeholder}
      searchable
      clearable
      required={required}
      error={error}
      data-autofocus={autoFocus || undefined}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={people.isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
