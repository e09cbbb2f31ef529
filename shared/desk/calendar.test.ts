import { describe, expect, it } from 'vitest';
import {
  businessMinutes,
  compileCalendar,
  dayOf,
  dueAt,
  swedishHolidaysOf,
  zonedInstant,
} from './calendar.ts';
import { naiveBusinessMinutes, naiveDueAt } from './calendar-reference.ts';
import {
  type CalendarDefinition,
  calendarCreate,
  defaultWeekly,
  holidayKeys,
  type Interval,
  type Weekly,
  weekdays,
} from './calendars.ts';

// The business-time maths against hand-counted cases (DST, midnight, holidays beside weekends,
// years, a million minutes), against the minute-stepping reference on random calendars, and the
// schema's checks of intervals and zones.

const MINUTE = 60_000;

function calendarOf(over: Partial<CalendarDefinition> = {}) {
  return compileCalendar({
    timeZone: 'Europe/Stockholm',
    weekly: defaultWeekly,
    swedishHolidays: true,
    openHolidays: [],
    extraClosedDates: [],
    exceptions: [],
    ...over,
  });
}

const closedWeek: Weekly = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const allDay = Object.fromEntries(weekdays.map((d) => [d, [['00:00', '24:00']]])) as Weekly;
const desk = calendarOf();
const roundTheClock = calendarOf({ weekly: allDay, swedishHolidays: false });

const at = (iso: string) => new Date(iso);
const due = (cal: ReturnType<typeof calendarOf>, start: string, minutes: number) =>
  dueAt(cal, at(start), minutes).toISOString();

describe('dueAt on weekdays 07–16, Europe/Stockholm', () => {
  it('counts within a day and ends at the closing time, not at the next opening', () => {
    expect(due(desk, '2026-03-02T10:00:00+01:00', 60)).toBe('2026-03-02T10:00:00.000Z');
    expect(due(desk, '2026-03-02T15:00:00+01:00', 60)).toBe('2026-03-02T15:00:00.000Z');
    expect(due(desk, '2026-03-02T15:00:00+01:00', 61)).toBe('2026-03-03T06:01:00.000Z');
  });

  it('gives the start itself for 0 minutes, even outside opening hours', () => {
    expect(due(desk, '2026-03-07T12:34:56.789+01:00', 0)).toBe('2026-03-07T11:34:56.789Z');
    expect(due(desk, '2026-03-02T03:00:00+01:00', 0)).toBe('2026-03-02T02:00:00.000Z');
  });

  it('waits for the next opening when it starts outside opening hours', () => {
    // Before opening, in the evening, at the closing minute, on a weekend.
    expect(due(desk, '2026-03-02T05:00:00+01:00', 30)).toBe('2026-03-02T06:30:00.000Z');
    expect(due(desk, '2026-03-02T20:00:00+01:00', 30)).toBe('2026-03-03T06:30:00.000Z');
    expect(due(desk, '2026-03-06T16:00:00+01:00', 1)).toBe('2026-03-09T06:01:00.000Z');
    expect(due(desk, '2026-03-07T10:00:00+01:00', 540)).toBe('2026-03-09T15:00:00.000Z');
  });

  it('counts a 5-day target (2,700 minutes) over a weekend', () => {
    expect(due(desk, '2026-03-04T12:00:00+01:00', 2700)).toBe('2026-03-11T11:00:00.000Z');
  });

  it('keeps local opening hours across the spring and autumn changes', () => {
    // Friday before the spring change (29 March 2026) to Monday after: 07:00 CEST is 05:00Z.
    expect(due(desk, '2026-03-27T15:00:00+01:00', 120)).toBe('2026-03-30T06:00:00.000Z');
    expect(businessMinutes(desk, at('2026-03-27T00:00:00+01:00'), at('2026-03-31T00:00:00+02:00'))).toBe(
      2 * 540,
    );
    // Friday before the autumn change (25 October 2026) to Monday after: 07:00 CET is 06:00Z.
    expect(due(desk, '2026-10-23T15:00:00+02:00', 120)).toBe('2026-10-26T07:00:00.000Z');
  });

  it('stays closed on Easter, midsummer, Christmas and New Year beside their weekends', () => {
    // Maundy Thursday 2 April 2026, then långfredag, Easter weekend, annandag påsk.
    expect(due(desk, '2026-04-02T15:00:00+02:00', 120)).toBe('2026-04-07T06:00:00.000Z');
    // Midsommarafton (Fri 19 June 2026) and midsommardagen (Sat).
    expect(due(desk, '2026-06-18T15:00:00+02:00', 120)).toBe('2026-06-22T06:00:00.000Z');
    // Julafton Thu, juldagen Fri, annandag jul Sat 2026.
    expect(due(desk, '2026-12-23T15:00:00+01:00', 120)).toBe('2026-12-28T07:00:00.000Z');
    // Nyårsafton Thu, nyårsdagen Fri, the weekend; trettondedag jul is Wed 6 January 2027.
    expect(due(desk, '2026-12-30T15:00:00+01:00', 120)).toBe('2027-01-04T07:00:00.000Z');
    expect(due(desk, '2027-01-05T15:00:00+01:00', 120)).toBe('2027-01-07T07:00:00.000Z');
    // Kristi himmelsfärd (Thu 14 May 2026), första maj (Fri 1 May 2026).
    expect(due(desk, '2026-05-13T15:00:00+02:00', 120)).toBe('2026-05-15T06:00:00.000Z');
    expect(due(desk, '2026-04-30T15:00:00+02:00', 120)).toBe('2026-05-04T06:00:00.000Z');
  });

  it('counts 251 working days in 2026 and spans of years', () => {
    // 261 weekdays less ten holidays on weekdays (1/1, 6/1, 3/4, 6/4, 1/5, 14/5, 19/6, 24/12, 25/12, 31/12).
    expect(businessMinutes(desk, at('2026-01-01T00:00:00+01:00'), at('2027-01-01T00:00:00+01:00'))).toBe(
      251 * 540,
    );
    const y2026to2028 = businessMinutes(
      desk,
      at('2026-01-01T00:00:00+01:00'),
      at('2029-01-01T00:00:00+01:00'),
    );
    const byYear = [2026, 2027, 2028].reduce(
      (sum, y) =>
        sum + businessMinutes(desk, at(`${y}-01-01T00:00:00+01:00`), at(`${y + 1}-01-01T00:00:00+01:00`)),
      0,
    );
    expect(y2026to2028).toBe(byYear);
    // Across New Year's midnight in UTC and in Stockholm.
    expect(due(desk, '2026-12-30T15:00:00+01:00', 540)).toBe('2027-01-04T14:00:00.000Z');
  });

  it('answers 1,000,000 minutes, the inverse of businessMinutes, years ahead', () => {
    const start = at('2026-01-05T07:00:00+01:00');
    const end = dueAt(desk, start, 1_000_000);
    expect(businessMinutes(desk, start, end)).toBe(1_000_000);
    // About 1,852 working days: over seven years.
    expect(end.getUTCFullYear()).toBe(2033);
    // Whatever the span, the answer is at an open minute's end: one minute earlier is one short.
    expect(businessMinutes(desk, start, new Date(end.getTime() - MINUTE))).toBe(999_999);
  });
});

describe('dueAt on a 24-hour calendar', () => {
  it('counts real elapsed minutes across the DST changes', () => {
    // 29 March 2026 has 23 hours in Stockholm, 25 October 2026 has 25.
    expect(
      businessMinutes(roundTheClock, at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00')),
    ).toBe(23 * 60);
    expect(
      businessMinutes(roundTheClock, at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00')),
    ).toBe(25 * 60);
    expect(due(roundTheClock, '2026-03-29T01:30:00+01:00', 60)).toBe('2026-03-29T01:30:00.000Z');
    expect(due(roundTheClock, '2026-10-25T02:30:00+02:00', 120)).toBe('2026-10-25T02:30:00.000Z');
  });

  it('runs through midnight and New Year without a seam', () => {
    expect(due(roundTheClock, '2026-03-02T23:30:00+01:00', 60)).toBe('2026-03-02T23:30:00.000Z');
    expect(due(roundTheClock, '2026-12-31T23:00:00+01:00', 120)).toBe('2027-01-01T00:00:00.000Z');
    expect(businessMinutes(roundTheClock, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toBe(
      525_600,
    );
    expect(due(roundTheClock, '2026-01-01T00:00:00Z', 1_000_000)).toBe(
      new Date(Date.parse('2026-01-01T00:00:00Z') + 1_000_000 * MINUTE).toISOString(),
    );
  });

  it('closes 00:00–24:00 days on holidays only when they are on', () => {
    const closedOnHolidays = calendarOf({ weekly: allDay });
    expect(due(closedOnHolidays, '2026-12-23T23:00:00+01:00', 120)).toBe('2026-12-27T00:00:00.000Z');
  });

  it('counts real minutes in other zones too (New York, 8 March 2026)', () => {
    const ny = calendarOf({ timeZone: 'America/New_York', weekly: allDay, swedishHolidays: false });
    expect(businessMinutes(ny, at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'))).toBe(
      23 * 60,
    );
  });
});

describe('the order of the rules: exceptions, closed dates, holidays, weekly hours', () => {
  it('opens a holiday by an exception, and an exception wins over a closed date', () => {
    const cal = calendarOf({
      extraClosedDates: ['2026-12-24', '2026-03-03'],
      exceptions: [
        { date: '2026-12-24', intervals: [['09:00', '12:00']] },
        { date: '2026-03-04', intervals: [] },
        { date: '2026-03-07', intervals: [['10:00', '11:00']] },
      ],
    });
    // Julafton: a holiday and a closed date, but the exception opens 09–12.
    expect(due(cal, '2026-12-24T00:00:00+01:00', 60)).toBe('2026-12-24T09:00:00.000Z');
    // A closed Tuesday and an exception that closes Wednesday: Monday's 16:00 goes to Thursday.
    expect(due(cal, '2026-03-02T15:00:00+01:00', 120)).toBe('2026-03-05T07:00:00.000Z');
    // An exception opens a Saturday for an hour.
    expect(due(cal, '2026-03-06T16:00:00+01:00', 30)).toBe('2026-03-07T09:30:00.000Z');
  });

  it('closes on holidays over the weekly hours, each holiday switchable', () => {
    const eveOpen = calendarOf({ openHolidays: ['midsummerEve', 'christmasEve', 'newYearsEve'] });
    expect(due(eveOpen, '2026-06-18T15:00:00+02:00', 120)).toBe('2026-06-19T06:00:00.000Z');
    expect(due(eveOpen, '2026-12-23T15:00:00+01:00', 120)).toBe('2026-12-24T07:00:00.000Z');
    const noHolidays = calendarOf({ swedishHolidays: false });
    expect(due(noHolidays, '2026-04-02T15:00:00+02:00', 120)).toBe('2026-04-03T06:00:00.000Z');
  });

  it('takes several intervals a day, and weekends by the weekly hours', () => {
    const split = calendarOf({
      weekly: {
        ...defaultWeekly,
        mon: [
          ['13:00', '16:00'],
          ['08:00', '12:00'],
        ],
        sat: [['10:00', '14:00']],
      },
    });
    expect(due(split, '2026-03-02T11:30:00+01:00', 60)).toBe('2026-03-02T12:30:00.000Z');
    expect(due(split, '2026-03-06T15:30:00+01:00', 60)).toBe('2026-03-07T09:30:00.000Z');
    expect(businessMinutes(split, at('2026-03-02T00:00:00+01:00'), at('2026-03-03T00:00:00+01:00'))).toBe(
      420,
    );
  });

  it('refuses a calendar that is never open, and one not open enough within the horizon', () => {
    const never = calendarOf({ weekly: closedWeek });
    expect(() => dueAt(never, at('2026-03-02T10:00:00Z'), 1)).toThrow(RangeError);
    expect(due(never, '2026-03-02T10:00:00Z', 0)).toBe('2026-03-02T10:00:00.000Z');
    expect(businessMinutes(never, at('2026-03-02T10:00:00Z'), at('2027-03-02T10:00:00Z'))).toBe(0);
    const once = calendarOf({
      weekly: closedWeek,
      exceptions: [{ date: '2026-03-03', intervals: [['10:00', '11:00']] }],
    });
    expect(due(once, '2026-03-02T10:00:00Z', 60)).toBe('2026-03-03T10:00:00.000Z');
    expect(() => dueAt(once, at('2026-03-02T10:00:00Z'), 61)).toThrow(RangeError);
    // An hour a week holds some 5,300 hours in a century: a million minutes is refused at once.
    const hourAWeek = calendarOf({ weekly: { ...closedWeek, mon: [['09:00', '10:00']] } });
    const began = performance.now();
    expect(() => dueAt(hourAWeek, at('2026-03-02T10:00:00Z'), 1_000_000)).toThrow(RangeError);
    expect(performance.now() - began).toBeLessThan(50);
    expect(due(hourAWeek, '2026-03-02T10:00:00Z', 300)).toBe('2026-04-13T08:00:00.000Z'); // not Easter Monday
  });
});

describe('businessMinutes', () => {
  it('counts [from, to), nothing when to is not after from', () => {
    expect(businessMinutes(desk, at('2026-03-02T07:00:00+01:00'), at('2026-03-02T16:00:00+01:00'))).toBe(540);
    expect(businessMinutes(desk, at('2026-03-02T06:00:00+01:00'), at('2026-03-02T07:00:00+01:00'))).toBe(0);
    expect(businessMinutes(desk, at('2026-03-02T12:00:00+01:00'), at('2026-03-02T11:00:00+01:00'))).toBe(0);
    expect(businessMinutes(desk, at('2026-03-06T15:00:00+01:00'), at('2026-03-09T08:00:00+01:00'))).toBe(120);
  });
});

describe('the Swedish holidays of date-holidays', () => {
  it('has every allmän helgdag and the three eves in each year 2005–2100', () => {
    for (let year = 2005; year <= 2100; year++) {
      const keys = new Set([...swedishHolidaysOf(year).values()].flat());
      expect(
        [...holidayKeys].filter((k) => !keys.has(k)),
        String(year),
      ).toEqual([]);
    }
  });

  it('puts them on the right dates (2026, 2027)', () => {
    const of = (year: number) =>
      Object.fromEntries([...swedishHolidaysOf(year)].flatMap(([d, keys]) => keys.map((k) => [k, d])));
    expect(of(2026)).toEqual({
      newYearsDay: '2026-01-01',
      epiphany: '2026-01-06',
      goodFriday: '2026-04-03',
      easterSunday: '2026-04-05',
      easterMonday: '2026-04-06',
      mayDay: '2026-05-01',
      ascensionDay: '2026-05-14',
      whitSunday: '2026-05-24',
      nationalDay: '2026-06-06',
      midsummerEve: '2026-06-19',
      midsummerDay: '2026-06-20',
      allSaintsDay: '2026-10-31',
      christmasEve: '2026-12-24',
      christmasDay: '2026-12-25',
      boxingDay: '2026-12-26',
      newYearsEve: '2026-12-31',
    });
    expect(of(2008)).toMatchObject({ mayDay: '2008-05-01', ascensionDay: '2008-05-01' });
    expect(of(2027)).toMatchObject({
      goodFriday: '2027-03-26',
      midsummerEve: '2027-06-25',
      allSaintsDay: '2027-11-06',
    });
  });
});

describe('zonedInstant', () => {
  it('maps wall-clock times to instants, the skipped hour to the change and a repeated one to its first', () => {
    const wall = (iso: string) => Date.parse(`${iso}Z`);
    expect(new Date(zonedInstant('Europe/Stockholm', wall('2026-03-29T02:30:00'))).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(new Date(zonedInstant('Europe/Stockholm', wall('2026-10-25T02:30:00'))).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(new Date(zonedInstant('Europe/Stockholm', wall('2026-07-01T07:00:00'))).toISOString()).toBe(
      '2026-07-01T05:00:00.000Z',
    );
  });
});

// ---------------------------------------------------------------- random calendars

/** mulberry32: a small seeded generator, so that a failure repeats. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Boundaries avoid 02:00–03:00, the hour that DST skips or repeats, where "open at 02:30" has no
// single meaning for a minute-by-minute reader.
const boundaries = [
  '00:00',
  '01:00',
  '03:00',
  '06:30',
  '07:00',
  '08:15',
  '12:00',
  '13:00',
  '16:00',
  '18:45',
  '22:00',
  '24:00',
];

function randomDay(next: () => number): Interval[] {
  const picks = [...new Set(boundaries.filter(() => next() < 0.3))].sort();
  const out: Interval[] = [];
  for (let i = 0; i + 1 < picks.length; i += 2) out.push([picks[i]!, picks[i + 1]!] as Interval);
  return out;
}

function randomDate(next: () => number) {
  const t = Date.UTC(2025, 10, 1) + Math.floor(next() * 3 * 365) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function randomCalendar(next: () => number) {
  const weekly = Object.fromEntries(weekdays.map((d) => [d, randomDay(next)])) as Weekly;
  weekly.mon = weekly.mon.length ? weekly.mon : [['07:00', '16:00']];
  const exceptions = Array.from({ length: Math.floor(next() * 20) }, () => ({
    date: randomDate(next),
    intervals: randomDay(next),
  }));
  return calendarOf({
    timeZone: next() < 0.7 ? 'Europe/Stockholm' : next() < 0.5 ? 'America/New_York' : 'UTC',
    weekly,
    swedishHolidays: next() < 0.8,
    openHolidays: holidayKeys.filter(() => next() < 0.2),
    extraClosedDates: [...new Set(Array.from({ length: Math.floor(next() * 20) }, () => randomDate(next)))],
    exceptions: [...new Map(exceptions.map((e) => [e.date, e])).values()],
  });
}

/** A whole-minute instant from November 2025 over three years (both DST changes, three New Years). */
const randomStart = (next: () => number) =>
  new Date(Date.UTC(2025, 10, 1) + Math.floor(next() * 3 * 365 * 1440) * MINUTE);

describe('random calendars', () => {
  it('agrees with the minute-stepping reference', () => {
    const next = random(13);
    for (let i = 0; i < 30; i++) {
      const cal = randomCalendar(next);
      const start = randomStart(next);
      const minutes = Math.floor(next() * 3000);
      const expected = naiveDueAt(cal, start, minutes);
      expect(dueAt(cal, start, minutes).toISOString(), `case ${i}`).toBe(expected.toISOString());
      const to = new Date(start.getTime() + Math.floor(next() * 5 * 1440) * MINUTE);
      expect(businessMinutes(cal, start, to), `case ${i}`).toBe(naiveBusinessMinutes(cal, start, to));
    }
  }, 60_000);

  it('businessMinutes(from, dueAt(from, n)) is n, up to a million minutes', () => {
    const next = random(2026);
    for (let i = 0; i < 300; i++) {
      const cal = i % 10 === 0 ? randomCalendar(next) : desk;
      // Starts off whole minutes too, and minutes up to the limit.
      const start = new Date(randomStart(next).getTime() + Math.floor(next() * MINUTE));
      const minutes = i % 3 === 0 ? Math.floor(next() * 1_000_000) : Math.floor(next() * 10_000);
      const end = dueAt(cal, start, minutes);
      expect(businessMinutes(cal, start, end), `case ${i}`).toBe(minutes);
      expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
    }
  });

  it('on a day with opening hours, the local hours of intervalsOn are those of the weekly rule', () => {
    expect(desk.intervalsOn(dayOf('2026-03-02'))).toEqual([[420, 960]]);
    expect(desk.intervalsOn(dayOf('2026-03-07'))).toEqual([]);
    expect(desk.intervalsOn(dayOf('2026-12-24'))).toEqual([]);
  });
});

describe('the calendar schema', () => {
  const base = { name: 'Servicedesken' };
  const paths = (body: unknown) => {
    const r = calendarCreate.safeParse(body);
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };

  it('defaults to weekdays 07–16 in Europe/Stockholm with the holidays on', () => {
    expect(calendarCreate.parse(base)).toMatchObject({
      timeZone: 'Europe/Stockholm',
      weekly: defaultWeekly,
      swedishHolidays: true,
      openHolidays: [],
    });
  });

  it('refuses backwards, overlapping and malformed intervals, and takes 24:00 as an end', () => {
    expect(paths({ ...base, weekly: { ...defaultWeekly, mon: [['16:00', '07:00']] } })).toEqual([
      'weekly.mon.0.1',
    ]);
    expect(paths({ ...base, weekly: { ...defaultWeekly, mon: [['07:00', '07:00']] } })).toEqual([
      'weekly.mon.0.1',
    ]);
    expect(
      paths({
        ...base,
        weekly: {
          ...defaultWeekly,
          tue: [
            ['12:00', '16:00'],
            ['07:00', '12:30'],
          ],
        },
      }),
    ).toEqual(['weekly.tue.0']);
    expect(paths({ ...base, weekly: { ...defaultWeekly, wed: [['7:00', '16:00']] } })).toEqual([
      'weekly.wed.0.0',
    ]);
    expect(paths({ ...base, weekly: { ...defaultWeekly, wed: [['24:00', '24:00']] } })).toEqual([
      'weekly.wed.0.0',
    ]);
    expect(paths({ ...base, weekly: { ...defaultWeekly, thu: [['07:00', '25:00']] } })).toEqual([
      'weekly.thu.0.1',
    ]);
    expect(
      paths({
        ...base,
        weekly: {
          ...defaultWeekly,
          sun: [
            ['00:00', '12:00'],
            ['12:00', '24:00'],
          ],
        },
      }),
    ).toEqual([]);
  });

  it('refuses unknown zones, offsets as zones, bad dates and repeats', () => {
    expect(paths({ ...base, timeZone: 'Europe/Gothenburg' })).toEqual(['timeZone']);
    expect(paths({ ...base, timeZone: '+01:00' })).toEqual(['timeZone']);
    expect(paths({ ...base, timeZone: 'UTC' })).toEqual([]);
    expect(paths({ ...base, extraClosedDates: ['2026-02-30'] })).toEqual(['extraClosedDates.0']);
    expect(paths({ ...base, extraClosedDates: ['2026-03-02', '2026-03-02'] })).toEqual([
      'extraClosedDates.1',
    ]);
    expect(
      paths({
        ...base,
        exceptions: [
          { date: '2026-03-02', intervals: [] },
          { date: '2026-03-02', intervals: [] },
        ],
      }),
    ).toEqual(['exceptions.1']);
    expect(paths({ ...base, openHolidays: ['midsummerEve', 'valborg'] })).toEqual(['openHolidays.1']);
  });
});
