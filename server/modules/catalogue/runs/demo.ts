import { nextPeriod } from '../../../../shared/catalogue/runs.ts';
import type { Database } from '../../../db/client.ts';
import type { Made } from '../../../platform/module-parts.ts';
import type { DemoContext } from '../../../platform/seam.ts';
import { listTickets } from '../../desk/tickets/service.ts';
import { logTime } from '../../desk/time/service.ts';
import { approveOrder, cancelSubscription, createOrder, deliverOrder, getOrder } from '../orders/service.ts';
import { computeRun, createDispute, listLines, lockRun, updateSettings } from './service.ts';

// Styrby kommun's chargeback this year. The socialförvaltning is billed since the 1st of January
// (the billing part's demo) and the barn- och utbildningsförvaltning's units, under quality
// steering until next year, give no lines; so the socialförvaltning orders computers and phones
// during the year here (one phone cancelled), by-day proration is set, the months before this one
// are computed and locked, this month is a preview, and one line of a locked month is disputed.
// The desk's agents log time on the socialförvaltning's tickets of the year, most of it billable
// at the hourly rate of systemförvaltning (the desk's time service; the offering is made by the
// catalogue's demo, after the desk's), so that each month has its desk-hour lines.

const at = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day, 9));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function loadRunsDemo(db: Database, tenant: DemoContext, made: Made) {
  if (tenant.slug !== 'styrby') return;
  const laptop = made.get('offering:laptop');
  const mobile = made.get('offering:mobile');
  if (!laptop || !mobile) return;
  const now = new Date();
  const year = now.getUTCFullYear();
  const thisMonth = isoDay(now).slice(0, 7);
  const niklas = tenant.personId('niklas.wallin@styrby.example');
  const soc = tenant.unitId('soc');

  const placed: { offeringId: string; quantity: number; on: Date; account: string }[] = [
    { offeringId: laptop, quantity: 4, on: at(year, 1, 8), account: '6550' },
    { offeringId: mobile, quantity: 2, on: at(year, 1, 20), account: '6420' },
    { offeringId: laptop, quantity: 1, on: at(year, 3, 11), account: '6550' },
    { offeringId: mobile, quantity: 1, on: at(year, 5, 4), account: '6420' },
    { offeringId: laptop, quantity: 2, on: at(year, 9, 15), account: '6550' },
  ];
  const subscriptionIds: string[] = [];
  for (const p of placed) {
    const delivered = new Date(p.on.getTime() + 6 * 86_400_000);
    if (delivered > now) continue;
    const order = await createOrder(
      db,
      tenant.actor,
      {
        offeringId: p.offeringId,
        forUnitId: soc,
        quantity: p.quantity,
        kontering: { costCentre: '5000', account: p.account, activity: 'A5100', counterpart: '10' },
        note: 'Socialförvaltningens arbetsplatser',
        orderAnswers:
          p.offeringId === mobile
            ? { kostnadsstalle: '5000', modell: 'iPhone SE', anvandare: niklas }
            : {
                kostnadsstalle: '5000',
                anvandare: niklas,
                leveransadress: 'Socialkontoret, plan 2',
                modell: 'Bärbar standarddator 14"',
              },
      },
      { orderedById: niklas, at: p.on },
    );
    await approveOrder(db, tenant.actor, order.id, 1);
    await deliverOrder(db, tenant.actor, order.id, { version: 2, deliveredOn: isoDay(delivered) });
    const view = await getOrder(db, tenant.actor, order.id);
    if (view.subscriptionId) subscriptionIds.push(view.subscriptionId);
  }
  // The second phone is cancelled in the spring: charged to the end of its month.
  if (subscriptionIds[1] && now > at(year, 4, 20))
    await cancelSubscription(db, tenant.actor, subscriptionIds[1], {
      version: 1,
      cancelledOn: `${year}-04-20`,
    });

  const hours = made.get('offering:hours');
  if (hours) await logDeskHours(db, tenant, hours, soc, now);

  await updateSettings(db, tenant.actor, { proration: 'day', version: 0 });
  let disputed = false;
  for (let p = `${year}-01`; p < thisMonth; p = nextPeriod(p)) {
    const run = await computeRun(db, tenant.actor, p);
    await lockRun(db, tenant.actor, run.id, run.version);
    if (!disputed) {
      // A rented computer the unit says it had already handed back.
      const line = (await listLines(db, tenant.actor, run.id, { unitId: soc, limit: 200 })).items.find(
        (l) => l.source === 'rental',
      );
      if (line) {
        await createDispute(
          db,
          tenant.actor,
          line.id,
          'Datorn lämnades tillbaka till IT-enheten i början av månaden och ska inte debiteras hela månaden',
        );
        disputed = true;
      }
    }
  }
  await computeRun(db, tenant.actor, thisMonth);
}

/**
 * Time on the socialförvaltning's tickets of this year, by their assignees, on the day after each
 * was reported (not after today): a varied number of minutes, every fourth entry not billable.
 */
async function logDeskHours(
  db: Database,
  tenant: DemoContext,
  offeringId: string,
  unitId: string,
  now: Date,
) {
  const year = now.getUTCFullYear();
  const page = await listTickets(db, tenant.actor, {
    view: 'work',
    unitId,
    limit: 100,
    sort: 'createdAt',
    order: 'asc',
    unassigned: false,
  });
  const minutes = [60, 90, 45, 120, 30, 75, 150, 20];
  let n = 0;
  for (const ticket of page.items) {
    if (!ticket.assigneeId || ticket.createdAt.getUTCFullYear() !== year) continue;
    const day = new Date(Math.min(ticket.createdAt.getTime() + 86_400_000, now.getTime()));
    await logTime(db, tenant.actor, ticket.id, {
      personId: ticket.assigneeId,
      workedOn: isoDay(day),
      minutes: minutes[n % minutes.length]!,
      billable: n % 4 !== 3,
      note: n % 4 === 3 ? 'Intern uppföljning' : 'Felsökning och åtgärd i verksamhetssystemet',
      offeringId,
    });
    n++;
  }
}
