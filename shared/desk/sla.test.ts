import { describe, expect, it } from 'vitest';
import { compileCalendar } from './calendar.ts';
import { defaultWeekly } from './calendars.ts';
import {
  advanceSla,
  meetClock,
  newMarks,
  nextCheck,
  nextDue,
  retargetSla,
  type SlaTerms,
  startSla,
  stepSla,
  usedMinutes,
} from './sla.ts';

// The clocks against hand-counted cases on the default desk hours (weekdays 07–16, Stockholm,
// Swedish holidays closed). 2026-03-02 is a Monday; Stockholm is UTC+1 until 29 March.

const calendar = compileCalendar({
  timeZone: 'Europe/Stockholm',
  weekly: defaultWeekly,
  swedishHolidays: true,
  openHolidays: [],
  extraClosedDates: [],
  exceptions: [],
});

/** Stockholm wall time in March 2026 (UTC+1) as an instant. */
const at = (day: number, hh: number, mm = 0) => new Date(Date.UTC(2026, 2, day, hh - 1, mm));

const terms = (over: Partial<SlaTerms> = {}): SlaTerms => ({
  levelId: 'level',
  calendarId: null,
  warningPercent: 80,
  targets: { response: 60, resolution: 540 },
  clockStart: 'creation',
  ...over,
});

const open = { status: 'new', assigned: false };
const assigned = { status: 'assigned', assigned: true };
const working = { status: 'inProgress', assigned: true };
const waiting = { status: 'waitingRequester', assigned: true };
const solved = { status: 'solved', assigned: true };

describe('service-level clocks', () => {
  it('count business time only: a ticket at 15:00 on a Friday is due on Monday', () => {
    // Friday 6 March 15:00; 540 minutes: one hour on Friday, eight on Monday (07–15).
    const sla = startSla(terms(), calendar, at(6, 15));
    expect(sla.resolution.phase).toBe('running');
    expect(sla.response.dueAt).toBe(at(6, 16).toISOString());
    expect(sla.resolution.dueAt).toBe(at(9, 15).toISOString());
    // The warning at 80 % of 540 = 432 minutes: 1 h Friday + 6 h 12 min Monday.
    expect(sla.resolution.warnAt).toBe(at(9, 13, 12).toISOString());
    expect(nextDue(sla)).toBe(sla.response.dueAt);
  });

  it('pause while waiting, keep the time used, and are never breached while paused', () => {
    let sla = startSla(terms(), calendar, at(2, 8));
    // Waiting for the requester from 09:00 (60 minutes used) for two days.
    sla = stepSla(sla, calendar, working, waiting, at(2, 9));
    expect(sla.resolution.phase).toBe('paused');
    expect(sla.resolution.dueAt).toBeNull();
    expect(usedMinutes(sla.resolution, calendar, at(4, 9))).toBe(60);
    // Two days on, still paused: nothing is marked.
    const later = advanceSla(sla, at(4, 15));
    expect(later.resolution.breachedAt).toBeNull();
    // Resumed Wednesday 10:00: 480 minutes left → due 16:00 the same day... 10 + 6 = 16, then 2 h Thursday.
    sla = stepSla(later, calendar, waiting, working, at(4, 10));
    expect(sla.resolution.phase).toBe('running');
    expect(sla.resolution.dueAt).toBe(at(5, 9).toISOString());
  });

  it('mark the warning and the breach once each, at their instants', () => {
    let sla = startSla(terms({ targets: { response: null, resolution: 100 } }), calendar, at(2, 8));
    expect(sla.response.dueAt).toBeNull();
    expect(nextCheck(sla)?.toISOString()).toBe(at(2, 9, 20).toISOString());
    const warned = advanceSla(sla, at(2, 9, 30));
    expect(newMarks(sla, warned)).toEqual([{ clock: 'resolution', mark: 'warning' }]);
    expect(warned.resolution.warnedAt).toBe(at(2, 9, 20).toISOString());
    expect(nextCheck(warned)?.toISOString()).toBe(at(2, 9, 40).toISOString());
    const breached = advanceSla(warned, at(2, 10));
    expect(newMarks(warned, breached)).toEqual([{ clock: 'resolution', mark: 'breach' }]);
    expect(newMarks(breached, advanceSla(breached, at(2, 12)))).toEqual([]);
    expect(nextCheck(breached)).toBeNull();
    // Solving late keeps the breach.
    sla = meetClock(breached, 'resolution', calendar, at(2, 11));
    expect(sla.resolution.breachedAt).toBe(at(2, 9, 40).toISOString());
    expect(sla.resolution.metAt).toBe(at(2, 11).toISOString());
  });

  it('a breach passed unseen is marked when the ticket is solved after it', () => {
    const sla = startSla(terms(), calendar, at(2, 8));
    const done = stepSla(sla, calendar, working, solved, at(3, 8, 1));
    expect(done.resolution.phase).toBe('met');
    // 540 minutes from Monday 08:00: 8 h Monday (08–16), 1 h Tuesday → Tuesday 08:00.
    expect(done.resolution.breachedAt).toBe(at(3, 8).toISOString());
    expect(done.response.breachedAt).toBe(at(2, 9).toISOString());
  });

  it('meet the response by a public reply or by the acknowledgement', () => {
    const sla = startSla(terms(), calendar, at(2, 8));
    const replied = stepSla(sla, calendar, open, open, at(2, 8, 30), true);
    expect(replied.response).toMatchObject({
      phase: 'met',
      metAt: at(2, 8, 30).toISOString(),
      breachedAt: null,
    });
    const acknowledged = stepSla(sla, calendar, assigned, working, at(2, 8, 45));
    expect(acknowledged.response.phase).toBe('met');
    expect(acknowledged.resolution.phase).toBe('running');
  });

  it('wait for the first assignment when the level says so', () => {
    let sla = startSla(terms({ clockStart: 'assignment' }), calendar, at(2, 8));
    expect(sla.resolution.phase).toBe('pending');
    expect(nextCheck(sla)).toBeNull();
    sla = stepSla(sla, calendar, open, assigned, at(2, 10));
    expect(sla.response.dueAt).toBe(at(2, 11).toISOString());
  });

  it('keep the time used under new targets (another priority) and count on', () => {
    let sla = startSla(terms(), calendar, at(2, 8));
    // Two hours in, the priority changes to a 240-minute resolution: 120 left → due 12:00.
    sla = retargetSla(
      sla,
      calendar,
      { levelId: 'level', calendarId: null, warningPercent: 80, targets: { response: 60, resolution: 240 } },
      calendar,
      at(2, 10),
    );
    expect(sla.resolution.dueAt).toBe(at(2, 12).toISOString());
    // The response was already past due at 09:00: the new terms keep that breach.
    expect(sla.response.breachedAt).toBe(at(2, 9).toISOString());
  });

  it('reopen the resolution clock with its time kept', () => {
    let sla = startSla(terms(), calendar, at(2, 8));
    sla = stepSla(sla, calendar, working, solved, at(2, 10));
    expect(sla.resolution.phase).toBe('met');
    // Reopened the next morning at 08:00: 420 minutes left → due 15:00.
    sla = stepSla(sla, calendar, solved, working, at(3, 8));
    expect(sla.resolution).toMatchObject({ phase: 'running', metAt: null });
    expect(sla.resolution.dueAt).toBe(at(3, 15).toISOString());
    // The response stays met.
    expect(sla.response.phase).toBe('met');
  });
});
