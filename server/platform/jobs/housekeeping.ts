import { purgeExpiredSessions } from '../auth/service.ts';
import { purgeIdempotencyKeys } from '../idempotency.ts';
import { defineJob } from './jobs.ts';

/**
 * Every hour: expired sessions and old idempotency answers go. Both are derived from the rows
 * themselves, so a missed run loses nothing; with several processes the schedule still makes one
 * job per hour.
 */
export const purgeExpired = defineJob({
  name: 'platform.purge-expired',
  schedule: { cron: '7 * * * *' },
  retry: { limit: 2, delaySeconds: 60 },
  handler: async (_data, { database }) => {
    await purgeExpiredSessions(database.db);
    await purgeIdempotencyKeys(database.db);
  },
});
