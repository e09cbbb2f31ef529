import type { Config } from '../../config.ts';
import { mailJobs, mailSettings } from '../mail/service.ts';
import { purgeExpired } from './housekeeping.ts';
import type { JobDefinition } from './jobs.ts';

/** The platform's own jobs; main.ts adds the modules' (their `jobs` on the seam). */
export function platformJobs(config: Config): JobDefinition[] {
  return [purgeExpired, ...mailJobs(mailSettings(config))];
}
