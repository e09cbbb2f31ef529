import { z } from 'zod';

// The register's data-quality dashboard: each check counts the records that fail it and lists
// the first of them, so a keeper sees where the register is wrong or incomplete.

export const qualitySeverities = ['high', 'medium', 'low'] as const;
export type QualitySeverity = (typeof qualitySeverities)[number];

export const qualityItem = z.object({
  id: z.string(),
  name: z.string(),
  href: z.string(),
  /** What is wrong with it, in a word the web app translates, or a date. */
  detail: z.string().nullable(),
});
export type QualityItem = z.infer<typeof qualityItem>;

export const qualityCheckResult = z.object({
  /** Stable id; the web app names it `registry.quality.check.<id>`. */
  check: z.string(),
  severity: z.enum(qualitySeverities),
  count: z.number().int(),
  items: z.array(qualityItem),
});
export type QualityCheckResult = z.infer<typeof qualityCheckResult>;

export const qualityReport = z.object({ checks: z.array(qualityCheckResult) });
export type QualityReport = z.infer<typeof qualityReport>;

export const qualityQuery = z.strictObject({
  /** One check only, with more of its records. */
  check: z
    .string()
    .regex(/^[a-zA-Z]{1,60}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(10),
});
