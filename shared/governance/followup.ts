import { z } from 'zod';
import { goal, perspectives } from './goals.ts';
import { plan, planSummary } from './plans.ts';

// The yearly follow-up (årlig uppföljning) of the IT strategy and the IT plan: the goals by
// perspective with each indicator's value against its target over the last five years, and the
// plans that cover the year with the status of their initiatives.

export const followUp = z.object({
  year: z.number().int(),
  /** The years each indicator shows, oldest first, ending with `year`. */
  years: z.array(z.number().int()),
  perspectives: z.array(z.object({ perspective: z.enum(perspectives), goals: z.array(goal) })),
  plans: z.array(plan),
  /** The initiatives of every plan above together. */
  summary: planSummary,
});
export type FollowUp = z.infer<typeof followUp>;
