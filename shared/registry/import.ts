import { z } from 'zod';

// The import of a "systemkarta" (the Excel list of systems most municipalities keep): what the
// server answers, for the person who reads it after a dry run or an import. Every note and error
// carries a code and its parameters (the web app words them in Swedish or English) and an English
// text for scripts.

/** The fields a column of the file can fill. */
export const importFields = [
  'name',
  'shortName',
  'description',
  'scope',
  'category',
  'owningUnit',
  'owner',
  'managers',
  'supplier',
  'product',
  'productVersion',
  'operationForm',
  'criticality',
  'phase',
  'timeAssessment',
  'eService',
  'ownDeveloped',
  'tags',
] as const;
export type ImportField = (typeof importFields)[number];

/** What one row did (or, in a dry run, would do). */
export const importActions = ['create', 'update', 'unchanged', 'merged', 'error'] as const;
export type ImportAction = (typeof importActions)[number];

export const importIssue = z.object({
  /** The field the issue is about (an import field, or null for the row as a whole). */
  field: z.string().nullable(),
  code: z.string(),
  params: z.record(z.string(), z.string()),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const importRowReport = z.object({
  line: z.number().int(),
  name: z.string(),
  action: z.enum(importActions),
  /** The system created or matched (null on an error, or a new one in a dry run). */
  systemId: z.string().nullable(),
  /** The fields a create sets or an update changes (systemOwner/systemManagers: grants). */
  changed: z.array(z.string()),
  /** For a merged line: the line it was merged into. */
  mergedWith: z.number().int().nullable(),
  notes: z.array(importIssue),
  errors: z.array(importIssue),
});
export type ImportRowReport = z.infer<typeof importRowReport>;

export const importColumnReport = z.object({
  /** 0-based position in the file. */
  index: z.number().int(),
  header: z.string(),
  field: z.enum(importFields).nullable(),
  /** How the field was chosen: by its name or alias, by the caller's mapping, or not at all. */
  source: z.enum(['auto', 'mapping', 'ignored']),
});

export const systemImportReport = z.object({
  dryRun: z.boolean(),
  /** Whether anything was written (false on a dry run). */
  written: z.boolean(),
  columns: z.array(importColumnReport),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    merged: z.number().int(),
    error: z.number().int(),
  }),
  /** Suppliers the import creates (no existing supplier had the name). */
  suppliersCreated: z.array(z.string()),
  rows: z.array(importRowReport),
  /** Every error, the file's own (line null or the header's) and each row's, in line order. */
  errors: z.array(importIssue.extend({ line: z.number().int().nullable() })),
});
export type SystemImportReport = z.infer<typeof systemImportReport>;
