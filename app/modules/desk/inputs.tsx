import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page, query } from '../../platform/api.ts';

// Pickers of the desk's forms that search a list API as one types: people of the directory,
// systems of the register, suppliers. A page of 20 matches, plus the chosen record (which the
// desk's answers name: `{id, name}`), so a saved choice shows its name before any search.

export interface Named {
  id: string;
  name: string;
}

export type RemoteProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable'> & {
  value: Named | null;
  onChange: (value: Named | null) => void;
};

export function RemoteSelect({
  path,
  extra,
  labelOf,
  value,
  onChange,
  required,
  ...props
}: RemoteProps & {
  path: string;
  extra?: Record<string, string | boolean | undefined>;
  labelOf: (item: Record<string, unknown>) => string;
}) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const [debounced] = useDebouncedValue(term, 200);
  // Typing the chosen option's own name is no new search (Mantine sets the search to the label).
  const search = value && debounced === value.name ? '' : debounced;
  const found = useQuery({
    queryKey: ['desk', 'picker', path, extra, search],
    queryFn: ({ signal }) =>
      api.get<Page<Record<string, unknown> & { id: string }>>(
        `${path}${query({ ...extra, search: search || undefined, limit: 20 })}`,
        { signal },
      ),
    staleTime: 30_000,
  });
  const options = new Map<string, string>();
  if (value) options.set(value.id, value.name);
  const names = new Map<string, string>();
  for (const item of found.data?.items ?? []) {
    options.set(item.id, options.get(item.id) ?? labelOf(item));
    names.set(item.id, String(item.name ?? labelOf(item)));
  }
  return (
    <Select
      searchable
      clearable={!required}
      required={required}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? { id, name: names.get(id) ?? options.get(id) ?? id } : null)}
      onSearchChange={setTerm}
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      {...props}
    />
  );
}

/** A person of the directory (active ones; the tenant may have thousands, so searched). */
export function PersonSelect(props: RemoteProps) {
  return (
    <RemoteSelect
      path="/api/v1/people"
      labelOf={(p) => `${String(p.name)}${p.title ? ` (${String(p.title)})` : ''}`}
      {...props}
    />
  );
}

/** A system of the register. */
export function SystemSelect(props: RemoteProps) {
  return <RemoteSelect path="/api/v1/systems" labelOf={(s) => String(s.name)} {...props} />;
}

/** A supplier of the register. */
export function SupplierSelect(props: RemoteProps) {
  return <RemoteSelect path="/api/v1/suppliers" labelOf={(s) => String(s.name)} {...props} />;
}

/** An active group of the desk. */
export function GroupSelect(props: RemoteProps) {
  return <RemoteSelect path="/api/v1/groups" labelOf={(g) => String(g.name)} {...props} />;
}

/** A contract of the register (an underpinning service level follows one up). */
export function ContractSelect(props: RemoteProps) {
  return <RemoteSelect path="/api/v1/contracts" labelOf={(c) => String(c.title)} {...props} />;
}

/** A business calendar of the desk. */
export function CalendarSelect(props: RemoteProps) {
  return <RemoteSelect path="/api/v1/calendars" labelOf={(c) => String(c.name)} {...props} />;
}

/** A service level a catalogue service may follow (not an underpinning contract). */
export function ServiceLevelSelect(props: RemoteProps) {
  return (
    <RemoteSelect
      path="/api/v1/service-levels"
      extra={{ kind: 'service' }}
      labelOf={(l) => String(l.name)}
      {...props}
    />
  );
}

/** A ticket the agent works, found by number, title or text (links, merging). */
export function TicketSelect(props: RemoteProps) {
  return (
    <RemoteSelect
      path="/api/v1/tickets"
      extra={{ view: 'work' }}
      labelOf={(t) => `${String(t.number)} ${String(t.title)}`}
      {...props}
    />
  );
}
