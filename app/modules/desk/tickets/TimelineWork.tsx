import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../shared/desk/tickets.ts';
import { StatusBadge } from '../../../platform/badges.tsx';
import { RouterAnchor } from '../../../platform/links.tsx';
import { TicketNumber } from './parts.tsx';

// The timeline's words for working tickets together: a link made or removed (agents only), a
// merge (on both tickets), and where a message came from (a merged duplicate, a major incident).

interface Ref {
  id: string;
  number: string;
}

const refOf = (value: unknown): Ref | null =>
  value && typeof value === 'object' && 'id' in value && 'number' in value
    ? { id: String((value as Ref).id), number: String((value as Ref).number) }
    : null;

export const workKinds: readonly TimelineEntry['kind'][] = ['linked', 'unlinked', 'merged'];

/** Another ticket's number, a link to it where the reader may open it. */
function OtherNumber({ ticket, open }: { ticket: Ref; open: 'agent' | 'portal' | null }) {
  if (open === 'agent')
    return (
      <RouterAnchor to="/desk/tickets/$ticketId" params={{ ticketId: ticket.id }} size="sm">
        <TicketNumber number={ticket.number} />
      </RouterAnchor>
    );
  if (open === 'portal')
    return (
      <RouterAnchor to="/portal/tickets/$ticketId" params={{ ticketId: ticket.id }} size="sm">
        <TicketNumber number={ticket.number} />
      </RouterAnchor>
    );
  return <TicketNumber number={ticket.number} />;
}

/** What a link or merge entry says, after its author's name. */
export function WorkEntryText({ entry, agent }: { entry: TimelineEntry; agent: boolean }) {
  const { t } = useTranslation();
  const change = entry.change ?? {};
  if (entry.kind === 'linked' || entry.kind === 'unlinked') {
    const other = refOf(change.ticket);
    return (
      <>
        {t(`desk.work.timeline.${entry.kind}`, {
          relation: t(`desk.work.links.relationText.${String(change.relation)}`, { defaultValue: '' }),
        })}{' '}
        {other && <OtherNumber ticket={other} open={agent ? 'agent' : null} />}
      </>
    );
  }
  const into = refOf(change.into);
  if (into)
    return (
      <>
        {t('desk.work.timeline.mergedInto')} <OtherNumber ticket={into} open={agent ? 'agent' : 'portal'} />
        {'. '}
        {t('desk.work.timeline.mergedIntoHelp')}
      </>
    );
  const from = refOf(change.from);
  return (
    <>
      {t('desk.work.timeline.mergedFrom')}{' '}
      {from && <OtherNumber ticket={from} open={agent ? 'agent' : null} />}{' '}
      {t('desk.work.timeline.copied', { count: typeof change.messages === 'number' ? change.messages : 0 })}
    </>
  );
}

/** Where a message came from, or what it was: a copy from a duplicate, a major incident's, a solution. */
export function MessageMarks({ entry, agent }: { entry: TimelineEntry; agent: boolean }) {
  const { t } = useTranslation();
  const change = entry.change ?? {};
  const merged = refOf(change.mergedFrom);
  const major = refOf(change.fromMajor);
  const broadcast =
    change.broadcast && typeof change.broadcast === 'object'
      ? ((change.broadcast as { count?: unknown }).count as number | undefined)
      : undefined;
  return (
    <>
      {merged && (
        <Text span size="xs">
          {t('desk.work.timeline.copyFrom')} <OtherNumber ticket={merged} open={agent ? 'agent' : null} />
        </Text>
      )}
      {major && (
        <Text span size="xs">
          {t('desk.work.timeline.fromMajor')} <OtherNumber ticket={major} open={agent ? 'agent' : null} />
        </Text>
      )}
      {broadcast !== undefined && agent && (
        <StatusBadge tone="negative">{t('desk.work.timeline.broadcast', { count: broadcast })}</StatusBadge>
      )}
      {change.solution === true && (
        <StatusBadge tone="positive">{t('desk.work.timeline.solution')}</StatusBadge>
      )}
    </>
  );
}
