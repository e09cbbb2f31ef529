import { businessMs, type CompiledCalendar, dueAt } from './calendar.ts';

// The service-level clocks of a ticket (issue 13 point 7), as pure functions over one state, so a
// live ticket and an imported one (its history replayed event by event) are measured by the same
// code. A ticket has two clocks: response (met by the first public reply from an agent, an
// acknowledgement, or solving) and resolution (met by status löst). Each counts business minutes on
// the calendar of the ticket's service level, runs from the ticket's creation or from its first
// assignment, and stops while the ticket waits for the requester or a supplier: a paused clock has
// no due time and is never breached. The state keeps the business minutes used so far, so a new
// target (another priority or service) keeps the time already spent, and a reopened ticket goes on
// from where its resolution clock stopped.
//
// Warnings and breaches are instants, not flags: `advance` marks the ones that have passed. The
// server persists the state on the ticket (desk_tickets.sla) with the due times as columns for
// sorting and reports, and a durable job at the next warning or due time advances it.

const MINUTE = 60_000;

export type ClockName = 'response' | 'resolution';
export const clockNames: readonly ClockName[] = ['response', 'resolution'];

/** pending: not started yet (starts at first assignment); running; paused (waiting); met (stopped). */
export type ClockPhase = 'pending' | 'running' | 'paused' | 'met';

export interface Clock {
  phase: ClockPhase;
  /** Business minutes of the target; null: no target (the clock counts but never warns or breaches). */
  target: number | null;
  /** Business milliseconds used before `since` (all of them when not running). */
  usedMs: number;
  /** ISO instant the running clock counts from. */
  since: string | null;
  /** When the target is reached while running; null when paused, met, pending or without target. */
  dueAt: string | null;
  /** When the warning share of the target is reached (null once warned, or when not running). */
  warnAt: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
  metAt: string | null;
}

export interface Sla {
  /** The service level the targets come from (null: none applies, the clocks only count). */
  levelId: string | null;
  /** The calendar the minutes are counted on (null: the built-in desk hours). */
  calendarId: string | null;
  /** Share of the target at which the warning comes, 1–99 (%). */
  warningPercent: number;
  response: Clock;
  resolution: Clock;
}

export interface Targets {
  response: number | null;
  resolution: number | null;
}

export interface SlaTerms {
  levelId: string | null;
  calendarId: string | null;
  warningPercent: number;
  targets: Targets;
  /** `assignment`: the clocks wait for the first assignment. */
  clockStart: 'creation' | 'assignment';
}

function iso(t: number): string {
  return new Date(t).toISOString();
}

function ms(at: string): number {
  return Date.parse(at);
}

function newClock(target: number | null): Clock {
  return {
    phase: 'pending',
    target,
    usedMs: 0,
    since: null,
    dueAt: null,
    warnAt: null,
    warnedAt: null,
    breachedAt: null,
    metAt: null,
  };
}

/** Due and warning instants of a running clock from its used time and target. */
function schedule(clock: Clock, calendar: CompiledCalendar, warningPercent: number): Clock {
  if (clock.phase !== 'running' || clock.target === null || clock.since === null)
    return { ...clock, dueAt: null, warnAt: null };
  const since = new Date(clock.since);
  const left = (targetMs: number) => Math.max(0, targetMs - clock.usedMs) / MINUTE;
  const targetMs = clock.target * MINUTE;
  const due = dueAt(calendar, since, left(targetMs));
  const warn =
    clock.warnedAt === null && clock.breachedAt === null
      ? dueAt(calendar, since, left(Math.ceil((targetMs * warningPercent) / 100)))
      : null;
  return { ...clock, dueAt: iso(due.getTime()), warnAt: warn ? iso(warn.getTime()) : null };
}

/** Marks the warning and breach of a running clock that have passed by `at` (each once). */
function advanceClock(clock: Clock, at: number): Clock {
  if (clock.phase !== 'running') return clock;
  let next = clock;
  if (next.warnAt !== null && next.warnedAt === null && ms(next.warnAt) <= at)
    next = { ...next, warnedAt: next.warnAt, warnAt: null };
  if (next.dueAt !== null && next.breachedAt === null && ms(next.dueAt) <= at)
    next = { ...next, breachedAt: next.dueAt, warnAt: null, warnedAt: next.warnedAt ?? next.dueAt };
  return next;
}

/** Stops counting at `at`: the used time is added up. */
function halt(clock: Clock, calendar: CompiledCalendar, at: number): Clock {
  if (clock.phase !== 'running' || clock.since === null) return clock;
  const used = clock.usedMs + businessMs(calendar, new Date(clock.since), new Date(at));
  return { ...clock, usedMs: used, since: null, dueAt: null, warnAt: null };
}

function run(clock: Clock, calendar: CompiledCalendar, warningPercent: number, at: number): Clock {
  return schedule({ ...clock, phase: 'running', since: iso(at) }, calendar, warningPercent);
}

function mapClocks(sla: Sla, f: (clock: Clock, name: ClockName) => Clock): Sla {
  return { ...sla, response: f(sla.response, 'response'), resolution: f(sla.resolution, 'resolution') };
}

/** The clocks of a new ticket created at `at` (running at once unless they wait for assignment). */
export function startSla(terms: SlaTerms, calendar: CompiledCalendar, at: Date): Sla {
  const sla: Sla = {
    levelId: terms.levelId,
    calendarId: terms.calendarId,
    warningPercent: terms.warningPercent,
    response: newClock(terms.targets.response),
    resolution: newClock(terms.targets.resolution),
  };
  return terms.clockStart === 'creation' ? startClocks(sla, calendar, at) : sla;
}

/** Starts the pending clocks (at creation, or at the first assignment). */
export function startClocks(sla: Sla, calendar: CompiledCalendar, at: Date): Sla {
  const t = at.getTime();
  return mapClocks(sla, (c) => (c.phase === 'pending' ? run(c, calendar, sla.warningPercent, t) : c));
}

/** Marks what has passed by `at`: warnings and breaches of running clocks. */
export function advanceSla(sla: Sla, at: Date): Sla {
  const t = at.getTime();
  return mapClocks(sla, (c) => advanceClock(c, t));
}

/** The ticket starts waiting (for the requester or a supplier): running clocks pause. */
export function pauseSla(sla: Sla, calendar: CompiledCalendar, at: Date): Sla {
  const t = at.getTime();
  return mapClocks(advanceSla(sla, at), (c) =>
    c.phase === 'running' ? { ...halt(c, calendar, t), phase: 'paused' } : c,
  );
}

/** The wait is over: paused clocks run again from `at`. */
export function resumeSla(sla: Sla, calendar: CompiledCalendar, at: Date): Sla {
  const t = at.getTime();
  return mapClocks(sla, (c) => (c.phase === 'paused' ? run(c, calendar, sla.warningPercent, t) : c));
}

/** A clock is met at `at` (response: the first reply; resolution: löst). A paused clock stops as it is. */
export function meetClock(sla: Sla, name: ClockName, calendar: CompiledCalendar, at: Date): Sla {
  const t = at.getTime();
  const advanced = advanceSla(sla, at);
  const clock = advanced[name];
  if (clock.phase === 'met') return advanced;
  // A clock that never started (waiting for assignment) is met in no time.
  return { ...advanced, [name]: { ...halt(clock, calendar, t), phase: 'met', metAt: iso(t) } };
}

/**
 * A solved ticket is reopened: its resolution clock goes on with the time it had used, running or
 * paused as the ticket's new status says. A breach stays a breach.
 */
export function reopenSla(sla: Sla, calendar: CompiledCalendar, at: Date, waiting: boolean): Sla {
  const clock = sla.resolution;
  if (clock.phase !== 'met') return sla;
  const reopened: Clock = { ...clock, phase: 'paused', metAt: null };
  const next = { ...sla, resolution: reopened };
  return waiting ? next : resumeSla(next, calendar, at);
}

/**
 * New terms at `at` (another priority, service or level): the time used so far is kept and counted
 * on, on the new calendar, towards the new targets; warnings and breaches already marked stay.
 */
export function retargetSla(
  sla: Sla,
  oldCalendar: CompiledCalendar,
  terms: Omit<SlaTerms, 'clockStart'>,
  calendar: CompiledCalendar,
  at: Date,
): Sla {
  const t = at.getTime();
  const advanced = advanceSla(sla, at);
  const next: Sla = {
    ...advanced,
    levelId: terms.levelId,
    calendarId: terms.calendarId,
    warningPercent: terms.warningPercent,
  };
  return mapClocks(next, (c, name) => {
    const target = terms.targets[name];
    // A met clock keeps the target it was measured against.
    if (c.phase === 'met') return c;
    if (c.phase === 'running')
      return run({ ...halt(c, oldCalendar, t), target }, calendar, next.warningPercent, t);
    return { ...c, target };
  });
}

/** Business minutes a clock has used by `at` (whole minutes, rounded down). */
export function usedMinutes(clock: Clock, calendar: CompiledCalendar, at: Date): number {
  const running =
    clock.phase === 'running' && clock.since !== null ? businessMs(calendar, new Date(clock.since), at) : 0;
  return Math.floor((clock.usedMs + running) / MINUTE);
}

/** The next instant at which something may be marked (a warning or a due time), for the job. */
export function nextCheck(sla: Sla): Date | null {
  const times = clockNames
    .flatMap((n) => {
      const c = sla[n];
      if (c.phase !== 'running') return [];
      return [c.breachedAt === null ? c.warnAt : null, c.breachedAt === null ? c.dueAt : null];
    })
    .filter((t): t is string => t !== null)
    .map(ms);
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}

/** Whether a clock was (or is) breached; a met clock after its due time was breached when it was due. */
export function breached(clock: Clock): boolean {
  return clock.breachedAt !== null;
}

/** The earliest due time of the clocks still running: what a queue is sorted by. */
export function nextDue(sla: Sla): string | null {
  const dues = clockNames
    .map((n) => sla[n])
    .filter((c) => c.phase === 'running' && c.dueAt !== null)
    .map((c) => c.dueAt!);
  return dues.length > 0 ? dues.reduce((a, b) => (ms(a) <= ms(b) ? a : b)) : null;
}

/** Whether any clock is paused (shown as "pausad" in the console). */
export function isPaused(sla: Sla): boolean {
  return clockNames.some((n) => sla[n].phase === 'paused');
}

// ---------------------------------------------------------------- a ticket's changes

/** What of a ticket the clocks follow. */
export interface ClockedTicket {
  status: string;
  /** Whether someone is assigned (a clock that starts at assignment waits for it). */
  assigned: boolean;
}

const WAITING = new Set(['waitingRequester', 'waitingSupplier']);
const DONE = new Set(['solved', 'closed']);

/**
 * The clocks after one change of a ticket at `at`, from its state before and after. `responded`:
 * the change is a public reply from an agent (the response is met). Going from ny or tilldelad to
 * pågår is the agent's acknowledgement and meets the response too. The rules are by state, so the
 * same function replays an imported history: waiting pauses, not waiting resumes, löst and stängd
 * meet both clocks, leaving them reopens the resolution clock with its time kept.
 */
export function stepSla(
  sla: Sla,
  calendar: CompiledCalendar,
  before: ClockedTicket,
  after: ClockedTicket,
  at: Date,
  responded = false,
): Sla {
  let next = advanceSla(sla, at);
  const wasDone = DONE.has(before.status);
  const isDone = DONE.has(after.status);
  if (wasDone && !isDone) next = reopenSla(next, calendar, at, true);
  if (!before.assigned && after.assigned) next = startClocks(next, calendar, at);
  if (WAITING.has(after.status)) next = pauseSla(next, calendar, at);
  else if (!isDone) next = resumeSla(next, calendar, at);
  const acknowledged =
    after.status === 'inProgress' && (before.status === 'new' || before.status === 'assigned');
  if (responded || acknowledged || isDone) next = meetClock(next, 'response', calendar, at);
  if (isDone) next = meetClock(next, 'resolution', calendar, at);
  return next;
}

/** The warnings and breaches marked between two states of the clocks (for events and escalation). */
export function newMarks(before: Sla | null, after: Sla): { clock: ClockName; mark: 'warning' | 'breach' }[] {
  const marks: { clock: ClockName; mark: 'warning' | 'breach' }[] = [];
  for (const name of clockNames) {
    const was = before?.[name];
    const now = after[name];
    if (now.breachedAt !== null && (was?.breachedAt ?? null) === null)
      marks.push({ clock: name, mark: 'breach' });
    else if (now.warnedAt !== null && (was?.warnedAt ?? null) === null)
      marks.push({ clock: name, mark: 'warning' });
  }
  return marks;
}
