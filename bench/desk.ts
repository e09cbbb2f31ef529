// `npm run bench:desk`: the service desk's hot computations (DESIGN.md "Performance principles",
// issue 13). Written as sections, each measuring its own figures and saying whether its targets
// are met; later sections (ticket lists, the SLA job …) add themselves to `sections` below.
//
// Section "due": the business calendar's due-time function (shared/desk/calendar.ts) on the desk's
// default calendar (weekdays 07:00–16:00, Europe/Stockholm, Swedish holidays), in this process:
//   - dueAt of 5-day targets (2,700 minutes) from BENCH_STARTS (10,000) random starts over 2026–2029
//     (seeded, whole and broken minutes, open and closed hours): computations/s, target ≥ 200,000/s;
//   - the same for 1,000,000 minutes, as a ratio to the 5-day figure: the cost must not grow with
//     the minutes (target: the million-minute rate ≥ 50 % of the 5-day rate);
//   - the limit measured in the same run: the cheapest due time there is, `start + n minutes` on a
//     24-hour calendar without the calendar (a Date made from a sum), which dueAt's rate is printed
//     as a ratio of; and the naive reference (shared/desk/calendar-reference.ts, stepping minute by
//     minute), which dueAt is printed as a multiple of.
// Each rate is the median of BENCH_RUNS (5) runs of BENCH_RUN_MS (300) ms, after a warm-up that
// also lays out the calendar's years (a server keeps its compiled calendars, so that is not what
// a request costs).
// Section "email" (bench/desk-email.ts): mail through the SMTP listener into tickets, paced and with
// the server killed mid-ingest, on PostgreSQL and PGlite.
// Section "metrics" (bench/desk-metrics.ts): the 12-month SLA compliance report by unit at
// 1,000,000 tickets on PostgreSQL (target < 1 s), as a ratio of a plain count(*) of the rows it
// counts; PGlite at 100,000 tickets for information.
// Exit code 0 when every section's targets are met, else 1.
//
// Environment: BENCH_SECTIONS (comma-separated names; all by default), BENCH_RUNS, BENCH_RUN_MS,
// BENCH_STARTS.

import { availableParallelism, loadavg } from 'node:os';
import { compileCalendar, dueAt } from '../shared/desk/calendar.ts';
import { naiveDueAt } from '../shared/desk/calendar-reference.ts';
import { defaultTimeZone, defaultWeekly } from '../shared/desk/calendars.ts';
import { emailSection } from './desk-email.ts';
import { metricsSection } from './desk-metrics.ts';
import { benchTickets } from './desk-tickets.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RUN_MS = Number(process.env.BENCH_RUN_MS ?? 300);
const STARTS = Number(process.env.BENCH_STARTS ?? 10_000);
const ONLY = process.env.BENCH_SECTIONS?.split(',').map((s) => s.trim());

const TARGET_DUE_PER_SECOND = 200_000;
const TARGET_INDEPENDENCE = 0.5;

interface SectionResult {
  lines: string[];
  ok: boolean;
}

interface Section {
  name: string;
  title: string;
  run(): Promise<SectionResult> | SectionResult;
}

// ---------------------------------------------------------------- helpers

/** mulberry32: seeded, so that every run measures the same starts. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Calls per second of `work(i)` over i = 0, 1, 2 …: the median of RUNS runs of RUN_MS each. */
function rate(work: (i: number) => number, runMs = RUN_MS, batch = 1000): number {
  const rates: number[] = [];
  let sink = 0;
  for (let r = 0; r < RUNS; r++) {
    let calls = 0;
    const began = performance.now();
    let now = began;
    while (now - began < runMs) {
      for (let k = 0; k < batch; k++) sink += work(calls++);
      now = performance.now();
    }
    rates.push(calls / ((now - began) / 1000));
  }
  if (sink === Number.MIN_VALUE) console.log(''); // keeps the work from being optimised away
  return rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)]!;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (r: number) => `${(r * 100).toFixed(1)} %`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');

// ---------------------------------------------------------------- sections

const dueSection: Section = {
  name: 'due',
  title: 'Due times on a business calendar (weekdays 07:00–16:00, Europe/Stockholm, Swedish holidays)',
  run() {
    const calendar = compileCalendar({
      timeZone: defaultTimeZone,
      weekly: defaultWeekly,
      swedishHolidays: true,
      openHolidays: [],
      extraClosedDates: [],
      exceptions: [],
    });
    const random = mulberry32(13);
    const from = Date.UTC(2026, 0, 1);
    const span = Date.UTC(2030, 0, 1) - from;
    const starts = Array.from({ length: STARTS }, () => new Date(from + Math.floor(random() * span)));
    const whole = starts.map((s) => new Date(Math.floor(s.getTime() / 60_000) * 60_000));
    const at = (i: number) => starts[i % STARTS]!;

    // Warm-up: lays out 2026–2037 (a million minutes from 2029 ends in 2036) and lets the JIT settle.
    for (let i = 0; i < STARTS; i++) dueAt(calendar, at(i), i % 2 ? 2700 : 1_000_000);

    const floor = rate((i) => new Date(at(i).getTime() + 2700 * 60_000).getTime());
    const fiveDays = rate((i) => dueAt(calendar, at(i), 2700).getTime());
    const million = rate((i) => dueAt(calendar, at(i), 1_000_000).getTime());
    // The reference steps ~10,000 minutes for each 5-day target: one call at a time.
    const naive = rate((i) => naiveDueAt(calendar, whole[i % STARTS]!, 2700).getTime(), 200, 1);

    const independence = million / fiveDays;
    const ok = fiveDays >= TARGET_DUE_PER_SECOND && independence >= TARGET_INDEPENDENCE;
    return {
      ok,
      lines: [
        `limit: start + 2,700 minutes without a calendar: ${fmt(floor)}/s`,
        `dueAt, 5-day targets (2,700 minutes): ${fmt(fiveDays)}/s = ${pct(fiveDays / floor)} of the limit ` +
          `(target ≥ ${fmt(TARGET_DUE_PER_SECOND)}/s: ${verdict(fiveDays >= TARGET_DUE_PER_SECOND)})`,
        `dueAt, 1,000,000 minutes: ${fmt(million)}/s = ${pct(independence)} of the 5-day rate ` +
          `(cost independent of the minutes, target ≥ ${pct(TARGET_INDEPENDENCE)}: ${verdict(independence >= TARGET_INDEPENDENCE)})`,
        `naive minute-stepping reference, 5-day targets: ${fmt(naive)}/s; dueAt is ${fmt(fiveDays / naive)}× faster`,
      ],
    };
  },
};

const ticketsSection: Section = {
  name: 'tickets',
  title: 'Tickets at scale: creation through the API and the queue page (bench/desk-tickets.ts)',
  run: benchTickets,
};

/** The sections in the order they run; a later part of the desk adds its own here. */
const sections: Section[] = [dueSection, ticketsSection, emailSection, metricsSection];

// ---------------------------------------------------------------- main

const load = loadavg()[0]!;
console.log(
  `Desk benchmark. Machine: ${availableParallelism()} cores, load ${load.toFixed(1)} (shared: compare ratios).`,
);
let allOk = true;
for (const section of sections) {
  if (ONLY && !ONLY.includes(section.name)) continue;
  const result = await section.run();
  allOk &&= result.ok;
  console.log('');
  console.log(`${section.title} [${section.name}]: ${verdict(result.ok)}`);
  for (const line of result.lines) console.log(`  ${line}`);
}
console.log('');
console.log(allOk ? 'All targets met.' : 'Some target was NOT MET.');
process.exit(allOk ? 0 : 1);
