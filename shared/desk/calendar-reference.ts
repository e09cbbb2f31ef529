import { tzOffset } from '@date-fns/tz';
import type { CompiledCalendar } from './calendar.ts';

// The obvious way, kept as a reference for ./calendar.ts: step minute by minute, asking of each
// whether it is open by its local wall-clock time. Slow on purpose (its cost grows with the
// minutes, also the closed ones): the tests compare dueAt against it, and bench/desk.ts prints
// dueAt's speed as a ratio to it. Starts on whole minutes only.

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Whether the minute [t, t + 1 min) is open: its local time within one of its local day's intervals. */
export function openAt(calendar: CompiledCalendar, t: number): boolean {
  const local = t + tzOffset(calendar.timeZone, new Date(t)) * MINUTE;
  const day = Math.floor(local / DAY);
  const minute = Math.floor((local - day * DAY) / MINUTE);
  return calendar.intervalsOn(day).some(([s, e]) => s <= minute && minute < e);
}

/** dueAt by stepping minutes (`start` on a whole minute). */
export function naiveDueAt(calendar: CompiledCalendar, start: Date, minutes: number): Date {
  let t = start.getTime();
  for (let counted = 0; counted < minutes; t += MINUTE) if (openAt(calendar, t)) counted++;
  return new Date(t);
}

/** businessMinutes by stepping minutes (`from` and `to` on whole minutes). */
export function naiveBusinessMinutes(calendar: CompiledCalendar, from: Date, to: Date): number {
  let counted = 0;
  for (let t = from.getTime(); t < to.getTime(); t += MINUTE) if (openAt(calendar, t)) counted++;
  return counted;
}
