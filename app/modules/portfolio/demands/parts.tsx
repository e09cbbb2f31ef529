import { MultiSelect, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DemandOutcome, DemandStatus } from '../../../../shared/portfolio/demands.ts';
import { api, type Page } from '../../../platform/api.ts';
import { StatusBadge, type Tone } from '../../../platform/badges.tsx';

// Small parts the demands' pages share: the status badge and pickers of other modules' records
// (systems, units, goals, forums) read through their lists.

const tones: Record<DemandStatus, Tone> = {
  received: 'neutral',
  preparing: 'info',
  readyForDecision: 'warning',
  decided: 'positive',
  inProgress: 'info',
  closed: 'neutral',
};

export function DemandStatusBadge({
  status,
  outcome,
}: {
  status: DemandStatus;
  outcome?: DemandOutcome | null;
}) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={outcome === 'rejected' ? 'negative' : tones[status]}>
      {t(`portfolio.demands.status.${status}`)}
      {outcome ? ` · ${t(`portfolio.demands.outcome.${outcome}`)}` : ''}
    </StatusBadge>
  );
}

type Named = { id: string; name?: string; title?: string };

/** The first 200 records of a list, as options. */
export function useOptions(path: string, enabled = true) {
  const query = useQuery({
    queryKey: ['portfolio', 'options', path],
    queryFn: ({ signal }) =>
      api.get<Page<Named>>(`${path}${path.includes('?') ? '&' : '?'}limit=200`, { signal }),
    staleTime: 60_000,
    enabled,
  });
  return (query.data?.items ?? []).map((r) => ({ value: r.id, label: String(r.name ?? r.title ?? r.id) }));
}

interface PickProps {
  label: string;
  description?: string;
  error?: string;
  path: string;
  disabled?: boolean;
  /** In a table row, where the column head names the field: the label is for screen readers only. */
  hideLabel?: boolean;
}

const labelled = ({ label, hideLabel }: Pick<PickProps, 'label' | 'hideLabel'>) =>
  hideLabel ? { 'aria-label': label } : { label };

export function PickMany({
  value,
  onChange,
  path,
  label,
  hideLabel,
  ...props
}: PickProps & { value: string[]; onChange: (v: string[]) => void }) {
  const { t } = useTranslation();
  const data = useOptions(path);
  return (
    <MultiSelect
      {...props}
      {...labelled({ label, hideLabel })}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function PickOne({
  value,
  onChange,
  path,
  label,
  hideLabel,
  ...props
}: PickProps & { value: string | null; onChange: (v: string | null) => void; required?: boolean }) {
  const { t } = useTranslation();
  const data = useOptions(path);
  return (
    <Select
      {...props}
      {...labelled({ label, hideLabel })}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Kronor typed in a form → öre on the wire (null when empty). */
export const toOre = (kr: number | string) => (typeof kr === 'number' ? Math.round(kr * 100) : null);
export const toKr = (ore: number | null) => (ore === null ? '' : ore / 100);
