import { TZDate } from '@date-fns/tz';
import type { Database } from '../../../db/client.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import { numberDuplicates, type ParsedCall, ZONE } from './plan.ts';
import { writeCalls } from './service.ts';

// Two years of Styrby's call statistics, as the telephony system would export them: 07–16 on
// working days, about 60–150 calls a day (more on Mondays, in January and at the school start in
// August, fewer in July), two queues, waits mostly well under a minute with a tail on busy
// mornings, and a few callers who give up. Generated with a seeded generator, so every load is
// alike, and written as one import through the service's bulk writer.

/** mulberry32: a small seeded generator; Math.random cannot be seeded. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Fixed-date public holidays; the movable ones (Easter, Ascension, Midsummer) are left as working
// days: a demo does not need them, and the product has no holiday calendar of its own yet.
const HOLIDAYS = new Set(['01-01', '01-06', '05-01', '06-06', '12-24', '12-25', '12-26', '12-31']);

/** Share of a day's calls per hour from 07 to 15 (the line closes at 16). */
const HOURS = [0.07, 0.16, 0.15, 0.13, 0.08, 0.11, 0.12, 0.1, 0.08];

export function demoCalls(end: Date, seed = 13): ParsedCall[] {
  const random = generator(seed);
  const calls: ParsedCall[] = [];
  const last = new TZDate(end.getTime(), ZONE);
  const day = new Date(Date.UTC(last.getFullYear() - 2, last.getMonth(), last.getDate()));
  const stop = Date.UTC(last.getFullYear(), last.getMonth(), last.getDate());
  for (; day.getTime() < stop; day.setUTCDate(day.getUTCDate() + 1)) {
    const weekday = day.getUTCDay();
    const month = day.getUTCMonth() + 1;
    const date = day.getUTCDate();
    if (weekday === 0 || weekday === 6) continue;
    if (HOLIDAYS.has(`${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`)) continue;
    const schoolStart = month === 8 && date >= 10;
    const season = schoolStart ? 1.45 : month === 1 ? 1.3 : month === 7 ? 0.55 : month === 12 ? 0.85 : 1;
    const weekdayFactor = [0, 1.2, 1.05, 1, 0.95, 0.8][weekday]!;
    const volume = Math.round(88 * season * weekdayFactor * (0.85 + random() * 0.3));
    // A busy day's line is slower: fewer agents per call.
    const pressure = season * weekdayFactor;
    // Stockholm's offset of the day, once: summer time changes on a Sunday night, never within a
    // working day, and a TZDate per call would cost seconds over two years.
    const y = day.getUTCFullYear();
    const mo = day.getUTCMonth();
    const offsetMs = new TZDate(y, mo, day.getUTCDate(), 12, 0, 0, ZONE).getTimezoneOffset() * 60_000;
    HOURS.forEach((share, i) => {
      const hour = 7 + i;
      const n = Math.round(volume * share * (0.8 + random() * 0.4));
      const rush = hour <= 9 ? 1.25 : 1;
      for (let k = 0; k < n; k++) {
        const minute = Math.floor(random() * 60);
        const second = Math.floor(random() * 60);
        const at = new Date(Date.UTC(y, mo, day.getUTCDate(), hour, minute, second) + offsetMs);
        const school = random() < (schoolStart ? 0.4 : 0.22);
        // Exponential waits around 20–35 s, longer under pressure; one call in twenty waits long.
        const mean = 18 * pressure * rush * (school ? 1.15 : 1);
        let wait = -Math.log(1 - random()) * mean;
        if (random() < 0.05) wait += 40 + random() * 150;
        const seconds = Math.min(900, Math.round(wait));
        // The longer the wait, the likelier the caller gives up.
        const abandons = random() < 0.015 + Math.min(0.5, seconds / 400);
        calls.push({
          line: calls.length + 2,
          at,
          queue: school ? 'Skolsupport' : 'Servicedesk',
          waitedSeconds: abandons ? Math.max(3, Math.round(seconds * (0.3 + random() * 0.7))) : seconds,
          outcome: abandons ? 'abandoned' : 'answered',
        });
      }
    });
  }
  return calls;
}

export async function loadPhoneDemo(db: Database, tenant: DemoContext) {
  // Only Styrby runs its phone line through the desk; its neighbour's calls stay elsewhere.
  if (tenant.slug !== 'styrby') return;
  const end = new Date();
  await inTenant(db, tenant.actor, (s) =>
    writeCalls(s, numberDuplicates(demoCalls(end)), { fileName: 'telefoni-statistik-demo.csv' }),
  );
}
