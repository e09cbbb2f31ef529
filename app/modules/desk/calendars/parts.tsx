import type { TFunction } from 'i18next';
import { type Weekly, weekdays } from '../../../../shared/desk/calendars.ts';

// Small pieces the calendar pages share.

/** "Mon–Fri 07:00–16:00" style text of a week: runs of days with the same hours, closed days left out. */
export function weeklySummary(t: TFunction, weekly: Weekly): string {
  const hours = (d: (typeof weekdays)[number]) => weekly[d].map(([s, e]) => `${s}–${e}`).join(', ');
  const short = (d: (typeof weekdays)[number]) => t(`desk.calendars.weekday.${d}`).slice(0, 3);
  const parts: string[] = [];
  let i = 0;
  while (i < weekdays.length) {
    const day = weekdays[i]!;
    let j = i;
    while (j + 1 < weekdays.length && hours(weekdays[j + 1]!) === hours(day)) j++;
    if (hours(day)) parts.push(`${short(day)}${j > i ? `–${short(weekdays[j]!)}` : ''} ${hours(day)}`);
    i = j + 1;
  }
  return parts.length > 0 ? parts.join('; ') : t('desk.calendars.closed');
}
