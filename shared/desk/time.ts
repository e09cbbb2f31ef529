import { z } from 'zod';
import { archiveBody, version } from '../records.ts';
import { isoDate } from '../registry/systems.ts';
import { id, line } from '../text.ts';

// Time worked on tickets (billable desk hours, issue 16 point 4), shared by server and web. An
// entry is one agent's minutes on one ticket on one day; billable entries are charged by the
// chargeback run at their perHour offering's internal price, to the unit of the ticket.

/** A working day at most: 24 hours. */
export const MAX_MINUTES = 1440;

export const timeEntryCreate = z.strictObject({
  /** The agent who did the work; the caller when left out. */
  personId: id.optional(),
  workedOn: isoDate,
  minutes: z
    .number()
    .int({ message: 'Must be whole minutes' })
    .min(1, { message: 'At least one minute' })
    .max(MAX_MINUTES, { message: 'At most 1440 minutes (24 hours)' }),
  billable: z.boolean(),
  note: line(500).optional(),
  /** The perHour offering it is charged at; the ticket's service's one when left out. */
  offeringId: id.nullable().optional(),
});
export type TimeEntryCreate = z.infer<typeof timeEntryCreate>;

export const timeEntryArchive = archiveBody;

export const timeParams = z.strictObject({ id, entryId: id });

export const timeEntry = z.object({
  id,
  ticketId: id,
  personId: id,
  personName: z.string(),
  workedOn: z.string(),
  minutes: z.number().int(),
  billable: z.boolean(),
  note: z.string().nullable(),
  offeringId: id.nullable(),
  offeringName: z.string().nullable(),
  version,
  createdAt: z.string(),
});
export type TimeEntry = z.infer<typeof timeEntry>;

/** A perHour offering time may be charged at. */
export const hourOffering = z.object({ id, name: z.string() });

export const ticketTime = z.object({
  /** Agents see every entry; the requester the billable ones. */
  items: z.array(timeEntry),
  totalMinutes: z.number().int(),
  billableMinutes: z.number().int(),
  /** Whether the caller may log and archive time on the ticket. */
  canLog: z.boolean(),
  /** The perHour offerings to choose from (for agents; empty for the requester). */
  offerings: z.array(hourOffering),
  /** The offering of the ticket's service, the default of a new entry. */
  defaultOfferingId: id.nullable(),
});
export type TicketTime = z.infer<typeof ticketTime>;

/** Minutes as hours and minutes, "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
