import { defineJob } from '../../../../platform/jobs/jobs.ts';
import { syncAllRoles } from './service.ts';

/**
 * Every night just after midnight in Stockholm: roles whose first day has come take effect (their
 * grant is made) and roles whose last day has passed lapse (their grant is revoked, unless another
 * role of the person still needs it). The state is derived from the rows, so a missed night loses
 * nothing: the next run catches up; with several processes the schedule still makes one job.
 */
export const syncSystemRolesJob = defineJob({
  name: 'registry.system-roles-sync',
  schedule: { cron: '5 0 * * *' },
  retry: { limit: 3, delaySeconds: 300 },
  handler: async (_data, { database, log }) => {
    const people = await syncAllRoles(database.db);
    if (people > 0) log.info({ people }, 'system roles synced with their dates');
  },
});
