import { zonedInstant } from '../../../../shared/desk/calendar.ts';

// A meeting's times are typed as a day and wall-clock times in Stockholm, whatever the browser's
// zone, and sent as instants with offset.

const ZONE = 'Europe/Stockholm';

/** The instant of `date` (YYYY-MM-DD) at `time` (HH:MM) in Stockholm, as ISO 8601. */
export function stockholmInstant(date: string, time: string): string {
  return new Date(zonedInstant(ZONE, Date.parse(`${date}T${time}:00Z`))).toISOString();
}

const dayFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });

/** The meeting's day in Stockholm (YYYY-MM-DD): its name and its decisions' date. */
export const meetingDay = (iso: string) => dayFormat.format(new Date(iso));

/** 13:00–15:00 */
export const meetingHours = (m: { startsAt: string; endsAt: string }) =>
  `${timeFormat.format(new Date(m.startsAt))}–${timeFormat.format(new Date(m.endsAt))}`;

/** 13:00: the wall-clock time in Stockholm (what the form shows to change). */
export const meetingTime = (iso: string) => timeFormat.format(new Date(iso));
