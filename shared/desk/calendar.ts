import { tzOffset } from '@date-fns/tz';
import Holidays from 'date-holidays';
import {
  type CalendarDefinition,
  type HolidayKey,
  type Interval,
  minuteOfDay,
  type Weekday,
} from './calendars.ts';

// The business-time maths of the service desk's calendars: when n business minutes after a start
// have passed (dueAt), and how many business minutes lie between two instants (businessMinutes).
// Pure, shared by server and benchmark.
//
// How: a calendar is compiled once into its rules; each local calendar year is then laid out, on
// first use, as the year's opening intervals in real (UTC) milliseconds with a running total of
// open time before each. A question is a binary search in one year's intervals, plus a step over
// whole years by their totals: its cost does not grow with the number of minutes (it never steps
// over minutes, nor over days). Counting in real milliseconds is what makes DST right: a 24-hour
// calendar's day of the spring change has 23 hours, of the autumn change 25.

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far dueAt looks for enough open time before it gives up (a calendar almost never open). */
export const HORIZON_YEARS = 100;
/** Years laid out and kept per compiled calendar. */
const YEARS_KEPT = 40;

const weekdayOfIndex: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

// ---------------------------------------------------------------- holidays

/**
 * date-holidays' Swedish names (its SE data, default language Swedish) by our keys. Its SE data
 * has every allmän helgdag and the three eves (checked by ./calendar.test.ts for 2000–2100), so
 * none is computed here; its other days (trettondagsafton, valborg, påskafton …) are not
 * closing days and are ignored.
 */
const holidayNames: Record<string, HolidayKey> = {
  nyårsdagen: 'newYearsDay',
  'trettondedag jul': 'epiphany',
  långfredagen: 'goodFriday',
  påskdagen: 'easterSunday',
  'annandag påsk': 'easterMonday',
  'första maj': 'mayDay',
  'Kristi himmelsfärdsdag': 'ascensionDay',
  pingstdagen: 'whitSunday',
  nationaldagen: 'nationalDay',
  midsommarafton: 'midsummerEve',
  midsommardagen: 'midsummerDay',
  'alla helgons dag': 'allSaintsDay',
  julafton: 'christmasEve',
  juldagen: 'christmasDay',
  'annandag jul': 'boxingDay',
  nyårsafton: 'newYearsEve',
};

let swedish: Holidays | undefined;
const holidaysByYear = new Map<number, Map<string, HolidayKey[]>>();

/**
 * The Swedish holidays and eves of a year, by date (YYYY-MM-DD); computed once per year. A date
 * may hold two (första maj was Kristi himmelsfärdsdag too in 2008).
 */
export function swedishHolidaysOf(year: number): Map<string, HolidayKey[]> {
  let days = holidaysByYear.get(year);
  if (!days) {
    swedish ??= new Holidays('SE', { languages: ['sv'] });
    days = new Map();
    for (const h of swedish.getHolidays(year, 'sv')) {
      const key = holidayNames[h.name];
      const date = h.date.slice(0, 10);
      if (key) days.set(date, [...(days.get(date) ?? []), key]);
    }
    holidaysByYear.set(year, days);
  }
  return days;
}

// ---------------------------------------------------------------- civil dates and zones

/** Days since 1970-01-01 of a civil date. */
function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY);
}

function isoOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/**
 * The instant of a wall-clock time in a zone, `wall` being that time's milliseconds as if it were
 * UTC. An ambiguous time (autumn, the hour that repeats) is its first occurrence; a time that does
 * not exist (spring, the skipped hour) is the instant of the change, so that the mapping never
 * goes backwards and an interval never gets a negative length. Assumes at most one offset change
 * within a day either side, which holds for every zone in the tz database since 1970.
 */
export function zonedInstant(timeZone: string, wall: number): number {
  const before = tzOffset(timeZone, new Date(wall - DAY)) * MINUTE;
  const after = tzOffset(timeZone, new Date(wall + DAY)) * MINUTE;
  const valid = (offset: number) => tzOffset(timeZone, new Date(wall - offset)) * MINUTE === offset;
  // The earlier instant first: with the larger offset.
  const [first, second] = before >= after ? [before, after] : [after, before];
  if (valid(first)) return wall - first;
  if (valid(second)) return wall - second;
  // In a gap: the change lies between the two candidates; find it to the minute.
  let lo = wall - first; // still before the change (old offset)
  let hi = wall - second; // already after it
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (tzOffset(timeZone, new Date(mid)) * MINUTE === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

// ---------------------------------------------------------------- compiled calendars

/** One local year laid out: its open intervals in UTC ms, and the open time before each. */
interface YearTable {
  /** The instant local 1 January 00:00 of the year, and of the next. */
  first: number;
  end: number;
  starts: Float64Array;
  ends: Float64Array;
  /** Open milliseconds in the year before interval i. */
  before: Float64Array;
  /** Open milliseconds in the whole year. */
  total: number;
}

export interface CompiledCalendar {
  readonly timeZone: string;
  /** The intervals of a local day (days since 1970-01-01), in minutes of the day, after all rules. */
  intervalsOn(day: number): readonly (readonly [number, number])[];
  /** The year's table, laid out on first use. */
  year(year: number): YearTable;
  /** No day after this year is open (infinite with weekly hours; -1 when never open). */
  readonly lastOpenYear: number;
  /** More open minutes than HORIZON_YEARS can hold at most (weekly hours, exceptions, DST's extra hour). */
  readonly horizonMinutes: number;
}

type Minutes = readonly (readonly [number, number])[];

function toMinutes(intervals: readonly Interval[]): Minutes {
  return intervals
    .map(([s, e]) => [minuteOfDay(s), minuteOfDay(e)] as const)
    .filter(([s, e]) => s < e)
    .sort((a, b) => a[0] - b[0]);
}

/**
 * A calendar ready for questions. Precedence per date: a dated exception's intervals, else closed
 * when it is an extra closed date, else closed on a Swedish holiday that is on, else the weekday's
 * intervals. Keep the compiled calendar (per id and version): its years are cached inside it.
 */
export function compileCalendar(definition: CalendarDefinition): CompiledCalendar {
  const { timeZone } = definition;
  const byWeekday = weekdayOfIndex.map((d) => toMinutes(definition.weekly[d]));
  const exceptions = new Map(definition.exceptions.map((e) => [e.date, toMinutes(e.intervals)]));
  const closed = new Set(definition.extraClosedDates);
  const open = new Set(definition.openHolidays);
  const closedNone: Minutes = [];
  const years = new Map<number, YearTable>();

  function intervalsOn(day: number): Minutes {
    const iso = isoOfDay(day);
    const exception = exceptions.get(iso);
    if (exception) return exception;
    if (closed.has(iso)) return closedNone;
    if (definition.swedishHolidays) {
      const holidays = swedishHolidaysOf(Number(iso.slice(0, 4))).get(iso);
      if (holidays?.some((h) => !open.has(h))) return closedNone;
    }
    // 1970-01-01 was a Thursday.
    return byWeekday[(((day + 4) % 7) + 7) % 7]!;
  }

  function layOut(year: number): YearTable {
    const firstDay = dayNumber(year, 1, 1);
    const endDay = dayNumber(year + 1, 1, 1);
    const starts: number[] = [];
    const ends: number[] = [];
    const before: number[] = [];
    let total = 0;
    let dayStart = zonedInstant(timeZone, firstDay * DAY);
    const first = dayStart;
    let offset = firstDay * DAY - dayStart;
    for (let day = firstDay; day < endDay; day++) {
      // Next midnight at today's offset when that is right (one look-up, not zonedInstant's three).
      const wall = (day + 1) * DAY;
      let nextStart = wall - offset;
      if (tzOffset(timeZone, new Date(nextStart)) * MINUTE !== offset) {
        nextStart = zonedInstant(timeZone, wall);
        offset = wall - nextStart;
      }
      const intervals = intervalsOn(day);
      if (intervals.length > 0) {
        // No change of offset within the day (all but two days a year): one offset for all.
        const plain = nextStart - dayStart === DAY;
        for (const [s, e] of intervals) {
          const from = plain ? dayStart + s * MINUTE : zonedInstant(timeZone, day * DAY + s * MINUTE);
          const to = plain ? dayStart + e * MINUTE : zonedInstant(timeZone, day * DAY + e * MINUTE);
          if (to <= from) continue;
          // Touching intervals (12:00–24:00 and the next day's 00:00–…) join into one.
          if (ends.length > 0 && ends[ends.length - 1] === from) {
            ends[ends.length - 1] = to;
          } else {
            starts.push(from);
            ends.push(to);
            before.push(total);
          }
          total += to - from;
        }
      }
      dayStart = nextStart;
    }
    return {
      first,
      end: dayStart,
      starts: Float64Array.from(starts),
      ends: Float64Array.from(ends),
      before: Float64Array.from(before),
      total,
    };
  }

  // Without weekly hours only exceptions open, and no year after the last of them can.
  const openYears = [...exceptions].filter(([, d]) => d.length > 0).map(([date]) => Number(date.slice(0, 4)));
  const length = (d: Minutes) => d.reduce((sum, [a, b]) => sum + b - a, 0);
  const weekMinutes = byWeekday.reduce((sum, d) => sum + length(d), 0);
  const exceptionMinutes = [...exceptions.values()].reduce((sum, d) => sum + length(d), 0);
  return {
    timeZone,
    intervalsOn,
    horizonMinutes: (weekMinutes * 53 + 60) * (HORIZON_YEARS + 1) + exceptionMinutes,
    lastOpenYear: byWeekday.some((d) => d.length > 0) ? Number.POSITIVE_INFINITY : Math.max(-1, ...openYears),
    year(year: number) {
      let table = years.get(year);
      if (!table) {
        table = layOut(year);
        // A bounded number of years per calendar (the oldest laid out goes first): a question
        // about a far span lays its years out once, but does not keep them all.
        if (years.size >= YEARS_KEPT) years.delete(years.keys().next().value!);
        years.set(year, table);
      }
      return table;
    },
  };
}

/** The local year of an instant and its table (the UTC year, or the one either side near New Year). */
function yearAt(calendar: CompiledCalendar, t: number): [number, YearTable] {
  let year = new Date(t).getUTCFullYear();
  let table = calendar.year(year);
  while (t < table.first) table = calendar.year(--year);
  while (t >= table.end) table = calendar.year(++year);
  return [year, table];
}

/** The first interval whose end is after t (the one t is in, or the next); length when none. */
function intervalAfter(table: YearTable, t: number): number {
  let lo = 0;
  let hi = table.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table.ends[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Open milliseconds of the year before t (t within the year). */
function openBefore(table: YearTable, t: number): number {
  const i = intervalAfter(table, t);
  if (i === table.ends.length) return table.total;
  return table.before[i]! + Math.max(0, t - table.starts[i]!);
}

/** The instant at which the year's open time reaches `target` ms (0 < target ≤ total). */
function instantOf(table: YearTable, target: number): number {
  // The last interval that starts with less than target before it.
  let lo = 0;
  let hi = table.before.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (table.before[mid]! < target) lo = mid;
    else hi = mid - 1;
  }
  return table.starts[lo]! + (target - table.before[lo]!);
}

/**
 * The earliest instant by which `minutes` business minutes have passed since `start`: a start
 * outside opening hours waits for the next opening; 0 minutes is the start itself. Throws a
 * RangeError when the calendar does not open that much within HORIZON_YEARS.
 */
export function dueAt(calendar: CompiledCalendar, start: Date, minutes: number): Date {
  if (!(minutes >= 0) || !Number.isFinite(minutes)) throw new RangeError('minutes must be a number ≥ 0');
  const t = start.getTime();
  if (minutes === 0) return new Date(t);
  // Not worth laying out a century to find out (a calendar open an hour a week, a million minutes).
  if (minutes > calendar.horizonMinutes)
    throw new RangeError(`The calendar is not open that long within ${HORIZON_YEARS} years`);
  let [year, table] = yearAt(calendar, t);
  const last = Math.min(year + HORIZON_YEARS, calendar.lastOpenYear);
  let remaining = minutes * MINUTE + openBefore(table, t);
  while (remaining > table.total) {
    remaining -= table.total;
    if (++year > last)
      throw new RangeError(`The calendar is not open that long within ${HORIZON_YEARS} years`);
    table = calendar.year(year);
  }
  return new Date(instantOf(table, remaining));
}

/** Business milliseconds in [from, to) (0 when to ≤ from). */
export function businessMs(calendar: CompiledCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  const [yearA, tableA] = yearAt(calendar, a);
  const [yearB, tableB] = yearAt(calendar, b);
  let sum = openBefore(tableB, b) - openBefore(tableA, a);
  for (let y = yearA; y < yearB; y++) sum += calendar.year(y).total;
  return sum;
}

/** Business minutes in [from, to), fractional when an end is not on a whole minute. */
export function businessMinutes(calendar: CompiledCalendar, from: Date, to: Date): number {
  return businessMs(calendar, from, to) / MINUTE;
}

/** A local day (days since 1970-01-01) of a date YYYY-MM-DD, for intervalsOn. */
export function dayOf(isoDate: string): number {
  return dayNumber(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10)));
}
