import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlaClock, SupplierClock, TicketSla } from '../../../../shared/desk/tickets.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { useFormat } from '../../../platform/format.ts';
import { EmptyValue } from '../../../platform/page.tsx';

// A ticket's service-level clocks as words first (breached, paused, time left), colour second: the
// console's column and the ticket page's panel. The server computes the clocks
// (shared/desk/sla.ts); the page only shows them.

const MINUTE = 60_000;

/** "2 h 5 min", "3 d 4 h": the two largest units of a span of minutes. */
export function useSpan() {
  const { t } = useTranslation();
  return (minutes: number) => {
    const m = Math.max(0, Math.round(minutes));
    const days = Math.floor(m / 1440);
    const hours = Math.floor((m % 1440) / 60);
    const rest = m % 60;
    if (days > 0) return t('desk.tickets.sla.span.daysHours', { days, hours });
    if (hours > 0) return t('desk.tickets.sla.span.hoursMinutes', { hours, minutes: rest });
    return t('desk.tickets.sla.span.minutes', { minutes: rest });
  };
}

/** The console's cell: breached, paused, or the time left to the due time. */
export function SlaBadge({
  row,
  now = Date.now(),
}: {
  row: { dueAt: string | null; slaPaused: boolean; responseBreached: boolean; resolutionBreached: boolean };
  now?: number;
}) {
  const { t } = useTranslation();
  const span = useSpan();
  if (row.responseBreached || row.resolutionBreached)
    return <StatusBadge tone="negative">{t('desk.tickets.sla.breached')}</StatusBadge>;
  if (row.slaPaused) return <StatusBadge tone="neutral">{t('desk.tickets.sla.paused')}</StatusBadge>;
  if (!row.dueAt) return <EmptyValue />;
  const left = (Date.parse(row.dueAt) - now) / MINUTE;
  if (left <= 0) return <StatusBadge tone="negative">{t('desk.tickets.sla.due')}</StatusBadge>;
  return (
    <StatusBadge tone={left < 60 ? 'warning' : 'neutral'}>
      {t('desk.tickets.sla.left', { span: span(left) })}
    </StatusBadge>
  );
}

function ClockRow({ name, clock }: { name: 'response' | 'resolution'; clock: SlaClock }) {
  const { t } = useTranslation();
  const f = useFormat();
  const span = useSpan();
  const share = clock.targetMinutes ? Math.min(100, (clock.usedMinutes / clock.targetMinutes) * 100) : 0;
  const state =
    clock.breachedAt !== null
      ? t('desk.tickets.sla.breachedAt', { at: f.dateTime(clock.breachedAt) })
      : clock.phase === 'met'
        ? t('desk.tickets.sla.metAt', { at: f.dateTime(clock.metAt) })
        : clock.phase === 'paused'
          ? t('desk.tickets.sla.paused')
          : clock.phase === 'pending'
            ? t('desk.tickets.sla.pending')
            : clock.dueAt
              ? t('desk.tickets.sla.dueAt', { at: f.dateTime(clock.dueAt) })
              : t('desk.tickets.sla.noTarget');
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {t(`desk.tickets.sla.clock.${name}`)}
        </Text>
        <Text size="sm">{state}</Text>
      </Group>
      {clock.targetMinutes !== null && (
        <>
          <Progress
            value={share}
            color={clock.breachedAt ? 'red.9' : share >= 80 ? 'orange.9' : 'sea.7'}
            aria-label={t('desk.tickets.sla.used', {
              used: span(clock.usedMinutes),
              target: span(clock.targetMinutes),
            })}
          />
          <Text size="xs" c="dimmed">
            {t('desk.tickets.sla.used', { used: span(clock.usedMinutes), target: span(clock.targetMinutes) })}
          </Text>
        </>
      )}
    </Stack>
  );
}

/** The ticket page's panel: both clocks with their targets in business time and the level they follow. */
export function SlaClocks({ sla }: { sla: TicketSla | null }) {
  const { t } = useTranslation();
  if (!sla) return null;
  return (
    <Stack gap="sm">
      <Text size="sm">{sla.serviceLevel ? sla.serviceLevel.name : t('desk.tickets.sla.noLevel')}</Text>
      <ClockRow name="response" clock={sla.response} />
      <ClockRow name="resolution" clock={sla.resolution} />
    </Stack>
  );
}

/** The ticket's stays with suppliers, each measured against the supplier's contract (or not measured). */
export function SupplierClocks({ clocks }: { clocks: SupplierClock[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack gap="md">
      {clocks.map((c) => (
        <Stack key={c.id} gap="sm">
          <Text size="sm" fw={600}>
            {c.supplier.name}
            {c.group ? ` (${c.group.name})` : ` (${t('desk.tickets.sla.supplier.waiting')})`}
          </Text>
          <Text size="sm">
            {c.endedAt
              ? t('desk.tickets.sla.supplier.span', {
                  from: f.dateTime(c.startedAt),
                  to: f.dateTime(c.endedAt),
                })
              : t('desk.tickets.sla.supplier.since', { from: f.dateTime(c.startedAt) })}
          </Text>
          <Text size="sm">
            {c.contract
              ? t('desk.tickets.sla.supplier.contract', {
                  contract: c.contract.name,
                  level: c.serviceLevel?.name ?? '',
                })
              : t('desk.tickets.sla.supplier.noContract')}
          </Text>
          {c.response && <ClockRow name="response" clock={c.response} />}
          {c.resolution && <ClockRow name="resolution" clock={c.resolution} />}
        </Stack>
      ))}
    </Stack>
  );
}
