import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, requiredLine } from '../text.ts';

// Business calendars of the service desk (öppettider), shared by server and web: when the desk is
// open, in which time zone, on which Swedish public holidays it closes, and the dates that differ.
// Service levels count their minutes on these (./calendar.ts has the maths).

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/**
 * The Swedish public holidays (allmänna helgdagar, lagen 1989:253) and the three eves that are
 * closed in practice (midsommarafton, julafton, nyårsafton), by a key of their own. A calendar
 * with `swedishHolidays` closes on every one of them unless the key is in `openHolidays`.
 */
export const holidayKeys = [
  'newYearsDay',
  'epiphany',
  'goodFriday',
  'easterSunday',
  'easterMonday',
  'mayDay',
  'ascensionDay',
  'whitSunday',
  'nationalDay',
  'midsummerEve',
  'midsummerDay',
  'allSaintsDay',
  'christmasEve',
  'christmasDay',
  'boxingDay',
  'newYearsEve',
] as const;
export type HolidayKey = (typeof holidayKeys)[number];

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A time of day, "HH:MM" in 24-hour notation. */
export const timeOfDay = z.string().regex(HHMM, { message: 'Must be a time HH:MM' });
/** The end of an interval: a time of day, or "24:00" for the end of the day. */
export const endOfInterval = z
  .string()
  .refine((s) => s === '24:00' || HHMM.test(s), { message: 'Must be a time HH:MM (or 24:00)' });

/** Minutes since midnight of "HH:MM" ("24:00" is 1440). */
export function minuteOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** "HH:MM" of minutes since midnight (1440 is "24:00"). */
export function timeOfMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export const interval = z
  .tuple([timeOfDay, endOfInterval])
  .describe(
    'An opening interval [start, end) in local time, e.g. ["07:00", "16:00"]; "24:00" ends at midnight',
  )
  .superRefine(([start, end], ctx) => {
    if (HHMM.test(start) && (end === '24:00' || HHMM.test(end)) && minuteOfDay(start) >= minuteOfDay(end))
      ctx.addIssue({ code: 'custom', message: 'The start must be before the end', path: [1] });
  });
export type Interval = z.infer<typeof interval>;

/** One day's opening intervals: none (closed) or several, which must not overlap (touching is fine). */
export const dayIntervals = z
  .array(interval)
  .max(24)
  .describe('The opening intervals of one day, none when closed; they must not overlap')
  .superRefine((list, ctx) => {
    const order = list
      .map((iv, index) => ({ index, start: minuteOfDay(iv[0]), end: minuteOfDay(iv[1]) }))
      .sort((a, b) => a.start - b.start);
    for (let i = 1; i < order.length; i++) {
      if (order[i]!.start < order[i - 1]!.end)
        ctx.addIssue({
          code: 'custom',
          message: 'Opening intervals must not overlap',
          path: [order[i]!.index],
        });
    }
  });

export const weekly = z
  .strictObject(
    Object.fromEntries(weekdays.map((d) => [d, dayIntervals])) as Record<Weekday, typeof dayIntervals>,
  )
  .describe("Opening intervals per weekday (mon … sun), in the calendar's time zone");
export type Weekly = z.infer<typeof weekly>;

/** Weekdays 07:00–16:00, weekends closed: the desk's default hours. */
export const defaultWeekly: Weekly = {
  mon: [['07:00', '16:00']],
  tue: [['07:00', '16:00']],
  wed: [['07:00', '16:00']],
  thu: [['07:00', '16:00']],
  fri: [['07:00', '16:00']],
  sat: [],
  sun: [],
};
export const defaultTimeZone = 'Europe/Stockholm';

/** An IANA time zone name the runtime knows ("Europe/Stockholm", "UTC"); offsets like "+01:00" are not zones. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: 'Must be an IANA time zone, e.g. Europe/Stockholm' })
  .describe('IANA time zone of the opening hours, e.g. Europe/Stockholm');

/** A calendar date YYYY-MM-DD, between 1970 and 2200 (the range the maths computes). */
export const calendarDate = z.iso
  .date({ message: 'Must be a date YYYY-MM-DD' })
  .refine((d) => d >= '1970-01-01' && d <= '2200-12-31', { message: 'Must be between 1970 and 2200' });

function uniqueBy<T>(key: (item: T) => string, message: string) {
  return (list: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message, path: [index] });
      seen.add(k);
    });
  };
}

export const calendarException = z
  .strictObject({
    date: calendarDate,
    intervals: dayIntervals,
  })
  .describe("A dated exception: that day's opening intervals instead of the usual ones ([] closes it)");
export type CalendarException = z.infer<typeof calendarException>;

const calendarFields = {
  name: requiredLine(200),
  timeZone,
  weekly,
  swedishHolidays: z
    .boolean()
    .describe(
      'Closed on the Swedish public holidays and on midsommarafton, julafton and nyårsafton, except those in openHolidays',
    ),
  openHolidays: z
    .array(z.enum(holidayKeys))
    .max(holidayKeys.length)
    .superRefine(uniqueBy((k) => k, 'Listed twice'))
    .describe(
      'Holidays (by key) on which the calendar keeps its weekly hours although swedishHolidays is on',
    ),
  extraClosedDates: z
    .array(calendarDate)
    .max(2000)
    .superRefine(uniqueBy((d) => d, 'Listed twice'))
    .describe('Further dates on which the desk is closed (YYYY-MM-DD); they win over holidays'),
  exceptions: z
    .array(calendarException)
    .max(2000)
    .superRefine(uniqueBy((e) => e.date, 'Two exceptions on one date'))
    .describe("Dated exceptions that replace a day's intervals; they win over closed dates and holidays"),
  /** The units (and partners) whose calendar this is; their sub-units inherit it unless they have their own. */
  unitIds: z
    .array(id)
    .max(1000)
    .superRefine(uniqueBy((u) => u, 'Listed twice'))
    .describe(
      "Units whose calendar this is; a unit without one uses its nearest ancestor's, else the default",
    ),
  isDefault: z
    .boolean()
    .describe("The tenant's default calendar, for units with none of their own (one per tenant)"),
};

export const calendarCreate = z.strictObject({
  ...calendarFields,
  timeZone: calendarFields.timeZone.default(defaultTimeZone),
  weekly: calendarFields.weekly.default(defaultWeekly),
  swedishHolidays: calendarFields.swedishHolidays.default(true),
  openHolidays: calendarFields.openHolidays.default([]),
  extraClosedDates: calendarFields.extraClosedDates.default([]),
  exceptions: calendarFields.exceptions.default([]),
  unitIds: calendarFields.unitIds.default([]),
  isDefault: calendarFields.isDefault.default(false),
});
export type CalendarCreate = z.infer<typeof calendarCreate>;

export const calendarUpdate = z.strictObject({
  version,
  ...Object.fromEntries(Object.entries(calendarFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof version } & {
  [K in keyof typeof calendarFields]: z.ZodOptional<(typeof calendarFields)[K]>;
});
export type CalendarUpdate = z.infer<typeof calendarUpdate>;

/** What a calendar is made of, as the maths takes it. */
export interface CalendarDefinition {
  timeZone: string;
  weekly: Weekly;
  swedishHolidays: boolean;
  openHolidays: readonly HolidayKey[];
  extraClosedDates: readonly string[];
  exceptions: readonly CalendarException[];
}

export const calendarPermissions = permissions(['update', 'archive', 'restore', 'readHistory']);

export const calendar = z.object({
  id,
  name: z.string(),
  timeZone: z.string(),
  weekly,
  swedishHolidays: z.boolean(),
  openHolidays: z.array(z.enum(holidayKeys)),
  extraClosedDates: z.array(z.string()),
  exceptions: z.array(z.object({ date: z.string(), intervals: z.array(z.tuple([z.string(), z.string()])) })),
  unitIds: z.array(id),
  isDefault: z.boolean(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: calendarPermissions,
});
export type Calendar = z.infer<typeof calendar>;

export const calendarSorts = ['name', 'updatedAt'] as const;

export const calendarListQuery = listQuery.extend({
  sort: z.enum(calendarSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  /** Only the calendar assigned to this unit itself (not inherited). */
  unitId: id.optional(),
});
export type CalendarListQuery = z.infer<typeof calendarListQuery>;

/** An instant with its offset (ISO 8601), between 1970 and 2200. */
export const instant = z.iso
  .datetime({ offset: true, message: 'Must be an ISO 8601 date and time with offset' })
  .refine(
    (s) => {
      const t = Date.parse(s);
      return t >= Date.UTC(1970, 0, 2) && t < Date.UTC(2200, 0, 1);
    },
    { message: 'Must be between 1970 and 2200' },
  );

/** At most a million business minutes (about 5 years of 07–16 weekdays; a 24-hour calendar, 2 years). */
export const MAX_MINUTES = 1_000_000;
/** The longest span /business-minutes counts (each year is laid out on first use). */
export const MAX_SPAN_YEARS = 20;

export const dueQuery = z.strictObject({
  start: instant.describe('When the clock starts (ISO 8601 with offset)'),
  minutes: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_MINUTES)
    .describe('Business minutes to count, 0 to 1,000,000'),
});
export const dueAnswer = z.object({
  due: z.string().describe('The earliest instant by which the minutes have passed in opening hours (UTC)'),
});

export const businessMinutesQuery = z
  .strictObject({
    from: instant.describe('Start of the span (inclusive)'),
    to: instant.describe('End of the span (exclusive)'),
  })
  .superRefine((q, ctx) => {
    if (Date.parse(q.to) < Date.parse(q.from))
      ctx.addIssue({ code: 'custom', message: 'Must not be before from', path: ['to'] });
    else if (Date.parse(q.to) - Date.parse(q.from) > MAX_SPAN_YEARS * 366 * 86_400_000)
      ctx.addIssue({ code: 'custom', message: `At most ${MAX_SPAN_YEARS} years`, path: ['to'] });
  });
export const businessMinutesAnswer = z.object({
  minutes: z.number().int().describe('Whole business minutes in [from, to)'),
});
