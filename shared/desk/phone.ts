import { z } from 'zod';
import { currentVersion, permissions, version } from '../records.ts';
import { line } from '../text.ts';

// The desk's phone: calls imported from the telephony system's statistics export, and the answer
// promise they are measured against (seed 002: "svarstider i telefon … 60 sekunder").

const isoDate = z.iso.date({ message: 'Must be a date YYYY-MM-DD' });

export const callOutcomes = ['answered', 'abandoned'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

/** One call as the telephony system reported it. */
export const phoneCall = z.object({
  id: z.string(),
  at: z.string(),
  queue: z.string(),
  waitedSeconds: z.number().int(),
  outcome: z.enum(callOutcomes),
  importId: z.string(),
});
export type PhoneCall = z.infer<typeof phoneCall>;

/** A period filter: whole days in Europe/Stockholm, both ends included. */
const period = {
  from: isoDate.optional().describe('First day (Europe/Stockholm), included'),
  to: isoDate.optional().describe('Last day (Europe/Stockholm), included'),
  queue: line(200).pipe(z.string().min(1)).optional(),
};

export const phoneCallListQuery = z.strictObject({
  ...period,
  outcome: z.enum(callOutcomes).optional(),
  sort: z.enum(['at']).default('at'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: line(500).optional(),
});
export type PhoneCallListQuery = z.infer<typeof phoneCallListQuery>;

export const statsGroups = ['day', 'week', 'month'] as const;
export type StatsGroup = (typeof statsGroups)[number];

export const phoneStatsQuery = z.strictObject({
  ...period,
  groupBy: z.enum(statsGroups).default('week'),
});
export type PhoneStatsQuery = z.infer<typeof phoneStatsQuery>;

/** The figures of a period (or of the whole range). */
export const phoneFigures = z.object({
  offered: z.number().int(),
  answered: z.number().int(),
  abandoned: z.number().int(),
  /** Answered with a wait of at most the target's seconds. */
  answeredWithinTarget: z.number().int(),
  /**
   * Answered within the target, of all calls offered (an abandoned call was not answered within
   * the promise), 0–1; null when no call was offered.
   */
  shareWithinTarget: z.number().nullable(),
  /** Mean wait of answered calls, seconds; null when none was answered. */
  meanWaitSeconds: z.number().nullable(),
  /** 90th percentile (continuous) of the wait of answered calls, seconds. */
  p90WaitSeconds: z.number().nullable(),
  /** Whether the share reaches the target share (null without calls). */
  targetMet: z.boolean().nullable(),
});
export type PhoneFigures = z.infer<typeof phoneFigures>;

export const phoneSettings = z.object({
  /** The promise: a call is answered within this many seconds. */
  answerSeconds: z.number().int(),
  /** The share of calls, in per cent, that must be answered within it. */
  targetPercent: z.number().int(),
  version: currentVersion,
  updatedAt: z.string().nullable(),
  can: permissions(['update']),
});
export type PhoneSettings = z.infer<typeof phoneSettings>;

export const phoneSettingsUpdate = z.strictObject({
  version,
  answerSeconds: z.number().int().min(1).max(3600).optional(),
  targetPercent: z.number().int().min(1).max(100).optional(),
});
export type PhoneSettingsUpdate = z.infer<typeof phoneSettingsUpdate>;

export const phoneStats = z.object({
  from: z.string(),
  to: z.string(),
  queue: z.string().nullable(),
  groupBy: z.enum(statsGroups),
  target: phoneSettings,
  total: phoneFigures,
  periods: z.array(phoneFigures.extend({ period: z.string().describe('First day of the period') })),
  /** The queues with calls in the range, for the filter. */
  queues: z.array(z.string()),
  can: permissions(['import', 'configure']),
});
export type PhoneStats = z.infer<typeof phoneStats>;

/** The fields a column of an export can fill. */
export const callImportFields = ['at', 'date', 'queue', 'waitedSeconds', 'outcome'] as const;
export type CallImportField = (typeof callImportFields)[number];

export const callImportReport = z.object({
  dryRun: z.boolean(),
  written: z.boolean(),
  columns: z.array(
    z.object({
      index: z.number().int(),
      header: z.string(),
      field: z.enum(callImportFields).nullable(),
      source: z.enum(['auto', 'mapping', 'ignored']),
    }),
  ),
  /** Data rows in the file. */
  rows: z.number().int(),
  /** Calls not imported before (written unless a dry run). */
  added: z.number().int(),
  /** Calls that an earlier import already holds (the same export twice, or overlapping ones). */
  alreadyImported: z.number().int(),
  /** First and last call of the file. */
  first: z.string().nullable(),
  last: z.string().nullable(),
  /** The import's id, when written. */
  importId: z.string().nullable(),
  errors: z.array(
    z.object({ line: z.number().int().nullable(), field: z.string().nullable(), message: z.string() }),
  ),
});
export type CallImportReport = z.infer<typeof callImportReport>;

export const callImport = z.object({
  id: z.string(),
  fileName: z.string().nullable(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
  rows: z.number().int(),
  added: z.number().int(),
  alreadyImported: z.number().int(),
  first: z.string().nullable(),
  last: z.string().nullable(),
});
export type CallImport = z.infer<typeof callImport>;
