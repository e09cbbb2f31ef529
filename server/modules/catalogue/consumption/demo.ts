import type { Database } from '../../../db/client.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { sendConsumption } from './service.ts';

// A year of consumption in Styrby: the print system's pages per unit and printer, the storage
// platform's GB per unit, and the hours of system förvaltning the IT unit worked for units, month
// by month up to last month (this month's figures come when it ends). Quantities vary by unit and
// season (fewer pages in July), always the same for the same month, so the demo is repeatable.

const UNITS: [key: string, size: number][] = [
  ['buf', 2],
  ['bjork', 6],
  ['vastra', 5],
  ['forskola', 3],
  ['soc', 4],
  ['forsorj', 2],
];

/** The last `n` whole months before this one, oldest first, YYYY-MM. */
export function pastMonths(n: number, today = todayInStockholm()): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

export async function loadConsumptionDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const pages = made.get('offering:pages');
  const gb = made.get('offering:gb');
  const hours = made.get('offering:hours');
  if (!pages || !gb || !hours) return;
  const months = pastMonths(12);
  for (const [i, period] of months.entries()) {
    const month = Number(period.slice(5));
    const season = month === 7 ? 0.3 : month === 6 || month === 8 ? 0.7 : 1;
    await sendConsumption(
      db,
      tenant.actor,
      {
        period,
        offeringId: pages,
        rows: UNITS.flatMap(([key, size], u) =>
          ['Skrivare plan 1', 'Skrivare plan 2'].slice(0, size > 3 ? 2 : 1).map((reference, p) => ({
            unitId: tenant.unitId(key),
            reference,
            quantity: Math.round(size * 900 * season + ((i * 37 + u * 53 + p * 11) % 400)),
            account: '6540',
          })),
        ),
      },
      false,
    );
    await sendConsumption(
      db,
      tenant.actor,
      {
        period,
        offeringId: gb,
        // Storage grows a little every month.
        rows: UNITS.map(([key, size]) => ({
          unitId: tenant.unitId(key),
          quantity: Math.round(size * 120 * (1 + i * 0.02) * 100) / 100,
          account: '6540',
        })),
      },
      false,
    );
    // Hours of system förvaltning, for the units that bought them that month.
    const rows = UNITS.filter((_, u) => (i + u) % 3 === 0).map(([key], u) => ({
      unitId: tenant.unitId(key),
      quantity: 4 + ((i * 7 + u * 5) % 12) + 0.5,
      account: '6540',
      activity: key === 'soc' || key === 'forsorj' ? 'A5100' : undefined,
    }));
    if (rows.length > 0) await sendConsumption(db, tenant.actor, { period, offeringId: hours, rows }, false);
  }
}
