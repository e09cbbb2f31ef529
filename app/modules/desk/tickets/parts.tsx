import { Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Priority, TicketStatus, TicketType } from '../../../../shared/desk/tickets.ts';
import { StatusBadge, type Tone } from '../../../platform/badges.tsx';

// The words of a ticket the desk's pages share (its status, priority and type), each as text
// first: the badges' colours only repeat what the words say.

const statusTones: Record<TicketStatus, Tone> = {
  new: 'info',
  assigned: 'info',
  inProgress: 'info',
  waitingRequester: 'warning',
  waitingSupplier: 'warning',
  solved: 'positive',
  closed: 'neutral',
};

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={statusTones[status]}>{t(`desk.tickets.status.${status}`)}</StatusBadge>;
}

const priorityTones: Record<Priority, Tone> = { 1: 'negative', 2: 'warning', 3: 'neutral', 4: 'neutral' };

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return <StatusBadge tone={priorityTones[priority]}>{t(`desk.tickets.priority.${priority}`)}</StatusBadge>;
}

export function TicketTypeText({ type }: { type: TicketType }) {
  const { t } = useTranslation();
  return (
    <Text span size="sm">
      {t(`desk.tickets.type.${type}`)}
    </Text>
  );
}

/** A ticket's number, in a fixed-width face so that a column of them lines up. */
export function TicketNumber({ number }: { number: string }) {
  return (
    <Text span size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
      {number}
    </Text>
  );
}

/** A column header that sorts the list by it, saying how it is sorted (aria-sort). */
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
        onClick={() => onSort(column, active && order === 'desc' ? 'asc' : 'desc')}
        aria-label={t('desk.tickets.sortBy', { column: label })}
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
