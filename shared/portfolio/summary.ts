import { z } from 'zod';
import { demandStatuses } from './demands.ts';
import { procurementStatuses } from './procurements.ts';
import { projectPhases } from './projects.ts';

// The portfolio summary (GET /api/v1/portfolio/summary): what the IT-styrgrupp sees first. How
// many demands wait at each step and what the approved ones promise; the projects by phase, their
// latest status (the worst of time, cost and scope) and the year's budget against its outcome; the
// procurements by status and what the cancelled ones cost; the benefit promised against realised.
// Money in öre, as everywhere.

export const summaryQuery = z.strictObject({
  /** The budget year; this year when left out. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type SummaryQuery = z.infer<typeof summaryQuery>;

const counts = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.record(z.enum(keys), z.number().int());

const amounts = z.object({ money: z.number().int(), hours: z.number().int() });

export const portfolioSummary = z.object({
  year: z.number().int(),
  demands: z.object({
    total: z.number().int(),
    byStatus: counts(demandStatuses),
    /** Decided with approval or under way: what they promise a year, and their investment. */
    approved: z.object({
      count: z.number().int(),
      yearlySavings: z.number().int(),
      hoursFreed: z.number().int(),
      investment: z.number().int(),
    }),
  }),
  projects: z.object({
    total: z.number().int(),
    byPhase: counts(projectPhases),
    /** Projects by their latest report's worst level; `none` when none is reported yet. */
    byStatus: z.object({
      green: z.number().int(),
      amber: z.number().int(),
      red: z.number().int(),
      none: z.number().int(),
    }),
    reportsOverdue: z.number().int(),
    budget: z.object({
      investment: z.number().int(),
      running: z.number().int(),
      investmentOutcome: z.number().int(),
      runningOutcome: z.number().int(),
    }),
  }),
  procurements: z.object({
    total: z.number().int(),
    byStatus: counts(procurementStatuses),
    cancelledCost: z.number().int(),
  }),
  /**
   * Promised against realised benefit of the active projects, money in öre a year and hours a
   * year: what their demands promised when decided, what their effect goals promise, what the
   * goals followed up so far promised, and what those realised (each goal's latest measurement).
   */
  benefits: z.object({
    goals: z.number().int(),
    followUpsOverdue: z.number().int(),
    followUpsDueSoon: z.number().int(),
    decided: z.object({ yearlySavings: z.number().int(), hoursFreed: z.number().int() }),
    promised: amounts,
    promisedFollowedUp: amounts,
    realised: amounts,
  }),
});
export type PortfolioSummary = z.infer<typeof portfolioSummary>;
