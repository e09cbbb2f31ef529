import { Select, type SelectProps, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordType } from '../../../../shared/registry/records.ts';
import type { System } from '../../../../shared/registry/systems.ts';
import { api, type Page, query } from '../../../platform/api.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { EmptyValue } from '../../../platform/page.tsx';
import { useSystem } from '../systems/api.ts';

// Pieces of the records pages: how a record type's retention and its K/R/T levels read, and a
// system picker that searches the register as one types.

/** "Bevaras", or "Gallras: 5 år efter avslutad akt", with a badge when the decision is missing. */
export function RetentionText({ recordType: r }: { recordType: RecordType }) {
  const { t } = useTranslation();
  const period =
    r.retentionPeriod ??
    (r.retentionMonths !== null ? t('registry.records.months', { count: r.retentionMonths }) : null);
  return (
    <>
      <Text span size="sm" fw={500}>
        {t(`registry.records.retention.${r.retention}`)}
      </Text>
      {r.retention === 'dispose' && period && (
        <Text span size="sm">
          {': '}
          {period}
        </Text>
      )}
    </>
  );
}

/** The basis of the retention, or a warning badge when a disposal rests on no decision. */
export function BasisText({ recordType: r }: { recordType: RecordType }) {
  const { t } = useTranslation();
  if (r.retentionBasis) return <Text size="sm">{r.retentionBasis}</Text>;
  if (r.retention === 'dispose')
    return <StatusBadge tone="warning">{t('registry.records.noDecision')}</StatusBadge>;
  return <EmptyValue />;
}

/** K/R/T as "3/4/2", or "Skyddas" for a reader who may not see them. */
export function LevelsText({ recordType: r }: { recordType: RecordType }) {
  const { t } = useTranslation();
  if (r.levelsHidden)
    return (
      <Tooltip label={t('registry.records.levelsHiddenHelp')}>
        <Text span size="sm" c="dimmed" tabIndex={0}>
          {t('registry.records.levelsHidden')}
        </Text>
      </Tooltip>
    );
  if (r.confidentiality === null && r.integrity === null && r.availability === null) return <EmptyValue />;
  const level = (v: number | null) => (v === null ? '–' : String(v));
  return (
    <Text
      span
      size="sm"
      className="styrbord-mono"
      aria-label={t('registry.records.levelsLabel', {
        c: level(r.confidentiality),
        i: level(r.integrity),
        a: level(r.availability),
      })}
    >
      {level(r.confidentiality)}/{level(r.integrity)}/{level(r.availability)}
    </Text>
  );
}

/** A system of the register, searched by name as one types (the register may hold thousands). */
export function SystemSelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'value' | 'onChange' | 'data'> & {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const [debounced] = useDebouncedValue(term, 200);
  const chosen = useSystem(value ?? '', { enabled: !!value });
  const found = useQuery({
    queryKey: ['registry', 'systems', 'picker', debounced],
    queryFn: ({ signal }) =>
      api.get<Page<System>>(`/api/v1/systems${query({ search: debounced || undefined, limit: 30 })}`, {
        signal,
      }),
    staleTime: 30_000,
  });
  const options = new Map<string, string>();
  if (value && chosen.data) options.set(value, chosen.data.name);
  for (const s of found.data?.items ?? []) options.set(s.id, s.name);
  return (
    <Select
      {...props}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      onSearchChange={setTerm}
      filter={({ options: all }) => all}
      placeholder={t('registry.records.noSystem')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
