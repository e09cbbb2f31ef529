import type { Database } from '../../../db/client.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { setVolume } from './service.ts';

// The demo's planned volumes for this year and next, per förvaltning: computers, phones, pages a
// month, gigabytes and hours a year. Next year the socialförvaltning moves its case files to the
// e-archive and uses fewer gigabytes, so the cost-covering price per GB rises for everyone.

const plan: Record<string, Record<string, [number, number]>> = {
  klk: { laptop: [85, 88], mobile: [60, 62], pages: [9000, 8000], gb: [2500, 2600], hours: [400, 420] },
  sbf: { laptop: [120, 120], mobile: [70, 72], pages: [14000, 13000], gb: [6000, 6200], hours: [900, 950] },
  buf: {
    laptop: [640, 610],
    mobile: [210, 205],
    pages: [52000, 50000],
    gb: [9000, 9000],
    hours: [1200, 1200],
  },
  soc: {
    laptop: [310, 315],
    mobile: [260, 270],
    pages: [21000, 20000],
    gb: [12000, 6000],
    hours: [1500, 1600],
  },
  voo: { laptop: [280, 290], mobile: [420, 430], pages: [11000, 10500], gb: [4000, 4200], hours: [700, 700] },
  kof: { laptop: [60, 58], mobile: [30, 30], pages: [4000, 3800], gb: [1500, 1500], hours: [150, 150] },
};

export async function loadSimulationDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const year = Number(todayInStockholm().slice(0, 4));
  for (const [unitKey, offerings] of Object.entries(plan))
    for (const [key, [now, next]] of Object.entries(offerings)) {
      const offeringId = made.get(`offering:${key}`);
      if (!offeringId) throw new Error(`Catalogue demo: no offering ${key}`);
      const unitId = tenant.unitId(unitKey);
      await setVolume(db, tenant.actor, { offeringId, unitId, year, quantity: now });
      await setVolume(db, tenant.actor, { offeringId, unitId, year: year + 1, quantity: next });
    }
}
