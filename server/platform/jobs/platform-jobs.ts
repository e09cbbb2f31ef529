import type { Config } from '../../config.ts';
import { mailJobs, mailSettings } from '../mail/service.ts';
import { notificationJobs } from '../notifications/service.ts';
import type { Seam } from '../seam.ts';
import { purgeExpired } from './housekeeping.ts';
import type { JobDefinition } from './jobs.ts';

/**
 * The platform's own jobs; main.ts adds the modules' (their `jobs` on the seam). The seam gives
 * the reminder job the registered kinds of notification.
 */
export function platformJobs(config: Config, seam: Seam): JobDefinition[] {
  return [purgeExpired, ...mailJobs(mailSettings(config)), ...notificationJobs(seam)];
}
