import type { Database } from '../../db/client.ts';
import { systemActor } from '../../platform/context.ts';
import { defineJob, type JobDefinition } from '../../platform/jobs/jobs.ts';
import { inTenant, type TenantScope } from '../../platform/tenancy.ts';
import { todayInStockholm } from '../registry/contracts/reminders.ts';

// The nightly sweep of the governance parts' reminders. A reminder is scheduled when its record
// is saved, as a keyed job (platform `remind`); a record saved while no jobs ran (an import, a
// restore from backup, the jobs down) has none. The sweep schedules each reminder that is due by
// today once more, under the key the save would have used: the job's id is derived from that
// key, so the database's primary key makes one job of any number of schedulings, by any number
// of sweeps running at once, and a reminder already sent (its job is kept for a year, longer
// than a reminder stays due) is not sent again. Each part says which of its reminders are due.

export interface ReminderSweep {
  /** The job's name, `governance.<what>-sweep`. */
  name: string;
  /** The tenants with a reminder due by `today` (a query over all tenants, for the loop only). */
  tenants(db: Database, today: string): Promise<string[]>;
  /** Schedules the tenant's reminders due by `today` in the scope's transaction; answers how many are due. */
  schedule(s: TenantScope, today: string): Promise<number>;
}

/** Runs a sweep now: each tenant in a transaction of its own. Answers how many reminders were due. */
export async function runReminderSweep(db: Database, sweep: ReminderSweep, today = todayInStockholm()) {
  let count = 0;
  for (const tenantId of await sweep.tenants(db, today))
    count += await inTenant(db, systemActor(tenantId, sweep.name), (s) => sweep.schedule(s, today));
  return count;
}

/**
 * The sweep as a daily job at 05:40 in Stockholm: before the reminders' 07:00, so that what is due
 * today is scheduled for 07:00, and what was missed goes out at once.
 */
export function defineReminderSweep(sweep: ReminderSweep): JobDefinition {
  return defineJob({
    name: sweep.name,
    schedule: { cron: '40 5 * * *' },
    handler: async (_data, { database, log }) => {
      const due = await runReminderSweep(database.db, sweep);
      log.info({ job: sweep.name, due }, 'reminders swept');
    },
  });
}
