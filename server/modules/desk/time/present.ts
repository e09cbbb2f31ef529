import type { TicketTime } from '../../../../shared/desk/time.ts';
import { iso } from '../../../platform/http.ts';
import type { TicketTimeRows } from './service.ts';

// A ticket's time as the API shows it. The note is the agents' own (what was done, in their
// words): the requester sees the billable entries without it.

export function presentTime(t: TicketTimeRows): TicketTime {
  const items = t.rows.map((r) => ({
    id: r.entry.id,
    ticketId: r.entry.ticketId,
    personId: r.entry.personId,
    personName: r.personName,
    workedOn: r.entry.workedOn,
    minutes: r.entry.minutes,
    billable: r.entry.billable,
    note: t.agent ? r.entry.note : null,
    offeringId: r.entry.offeringId,
    offeringName: r.offeringName,
    version: r.entry.version,
    createdAt: iso(r.entry.createdAt),
  }));
  return {
    items,
    totalMinutes: items.reduce((n, e) => n + e.minutes, 0),
    billableMinutes: items.reduce((n, e) => n + (e.billable ? e.minutes : 0), 0),
    canLog: t.agent,
    offerings: t.offerings,
    defaultOfferingId: t.defaultOfferingId,
  };
}
