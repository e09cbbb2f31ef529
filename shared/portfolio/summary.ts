import { z } from 'zod';
import { demandStatuses } from './demands.ts';
import { procurementStatuses } from './procurements.ts';
import { projectPhases } from './projects.ts';

// The portfolio summary (GET /api/v1/portfolio/summary): what the IT-styrgrupp sees first. How
// many demands wait at each step and what the approved ones promise; the projects by phase, their
// latest status (the worst of time, cost and scope) and the year's budget against its outcome; the
// procurements by status and what the cancelled ones cost. Money in öre, as everywhere.

export const summaryQuery = z.strictObject({
  /** The budget year; this year when left out. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type SummaryQuery = z.infer<typeof summaryQuery>;

const counts = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.record(z.enum(keys), z.number().int());

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
});
export type PortfolioSummary = z.infer<typeof portfolioSummary>;
