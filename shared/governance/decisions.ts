import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { isoDate } from '../registry/systems.ts';
import { id, line, multiline, requiredLine } from '../text.ts';

// Decisions (beslut), shared by server and web: taken by a forum or by an external body typed by
// hand (KF, KS, a nämnd, kommundirektören), on a date, under a paragraph (§) that is unique per
// body and year, with the diarienummer the tenant's pattern allows, an execution status with a
// responsible person and a follow-up date, and links to the records it is about.

/** Execution status (verkställighet): ej påbörjat, pågår, genomfört, upphävt. */
export const decisionStatuses = ['notStarted', 'inProgress', 'completed', 'revoked'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

/**
 * The kinds of record a decision may link to. A kind whose module is present is checked (the
 * record exists in the tenant); one whose module is not (yet) is kept as given.
 */
export const decisionLinkKinds = [
  'system',
  'contract',
  'supplier',
  'integration',
  'informationPlan',
  'processingActivity',
  'managementObject',
  'service',
  'ticket',
  'forum',
  'decision',
  'demand',
  'project',
  'procurement',
  'governingDocument',
] as const;
export type DecisionLinkKind = (typeof decisionLinkKinds)[number];

export const decisionLinkInput = z.strictObject({ kind: z.enum(decisionLinkKinds), id });
export type DecisionLinkInput = z.infer<typeof decisionLinkInput>;

// ---------------------------------------------------------------- the diarienummer pattern

/**
 * A pattern of diarienummer is a template: `{series}` (1–6 letters, e.g. KS, BUN), `{year}` (four
 * digits), `{number}` (1–6 digits); anything else stands for itself. `{series} {year}/{number}`
 * allows `KS 2014/1341`. A tenant keeps one or more; a number is valid if it matches one.
 */
export const registrationTokens = {
  series: '[A-Za-zÅÄÖåäö]{1,6}',
  year: '(?:19|20)\\d{2}',
  number: '\\d{1,6}',
} as const;

export const defaultRegistrationPatterns = ['{series} {year}/{number}'];

const TOKEN = /\{([a-z]+)\}/g;

/** The template as an anchored regular expression (null when it names an unknown token). */
export function registrationRegex(template: string): RegExp | null {
  let source = '';
  let last = 0;
  for (const match of template.matchAll(TOKEN)) {
    const token = registrationTokens[match[1] as keyof typeof registrationTokens];
    if (!token) return null;
    source += literalPattern(template.slice(last, match.index)) + token;
    last = match.index + match[0].length;
  }
  source += literalPattern(template.slice(last));
  return new RegExp(`^${source}$`, 'u');
}

function literalPattern(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whether `value` follows one of the templates. */
export function followsPattern(value: string, templates: readonly string[]): boolean {
  return templates.some((t) => registrationRegex(t)?.test(value) ?? false);
}

/** An example of a template, for the form's hint: `KS 2026/123`. */
export function registrationExample(template: string, year = new Date().getFullYear()): string {
  return template.replace('{series}', 'KS').replace('{year}', String(year)).replace('{number}', '123');
}

const registrationTemplate = requiredLine(60).refine(
  (t) => /\{[a-z]+\}/.test(t) && registrationRegex(t) !== null,
  {
    message: 'Use {series}, {year} and {number} for the parts that vary',
  },
);

export const governanceSettingsUpdate = z.strictObject({
  version,
  registrationPatterns: z.array(registrationTemplate).min(1).max(5),
});
export type GovernanceSettingsUpdate = z.infer<typeof governanceSettingsUpdate>;

export const governanceSettings = z.object({
  registrationPatterns: z.array(z.string()),
  version: currentVersion,
  updatedAt: z.string().nullable(),
  can: permissions(['update', 'recordDecisions']),
});
export type GovernanceSettings = z.infer<typeof governanceSettings>;

// ---------------------------------------------------------------- decisions

const decisionFields = {
  /** The forum that decided; or `body` for an external one. */
  forumId: id.nullable().optional(),
  /** An external body typed by hand: KF, KS, a nämnd, kommundirektören. */
  body: line(120).nullable().optional(),
  /** The meeting it was taken at (of the same forum; not one whose minutes are locked). */
  meetingId: id.nullable().optional(),
  /** The agenda item of that meeting it was taken under. */
  agendaItemId: id.nullable().optional(),
  decidedOn: isoDate,
  paragraph: z.number().int().min(1).max(99_999),
  /** The ärendemening: what the decision is about, in one line. */
  title: line(300).nullable().optional(),
  /** The decision as worded in the minutes. */
  text: multiline(20_000).pipe(z.string().trim().min(1, { message: 'Required' })),
  registrationNumber: line(60).nullable().optional(),
  status: z.enum(decisionStatuses).optional(),
  responsibleId: id.nullable().optional(),
  followUpOn: isoDate.nullable().optional(),
  links: z
    .array(decisionLinkInput)
    .max(50)
    .transform((links) => {
      const seen = new Set<string>();
      return links.filter((l) => !seen.has(`${l.kind}:${l.id}`) && seen.add(`${l.kind}:${l.id}`));
    })
    .optional(),
};

export const decisionCreate = z.strictObject(decisionFields);
export type DecisionCreate = z.infer<typeof decisionCreate>;
export const decisionUpdate = z.strictObject({
  version,
  ...decisionFields,
  decidedOn: decisionFields.decidedOn.optional(),
  paragraph: decisionFields.paragraph.optional(),
  text: decisionFields.text.optional(),
});
export type DecisionUpdate = z.infer<typeof decisionUpdate>;

export const decisionPermissions = permissions(['update', 'archive', 'restore']);

export const decisionLink = z.object({
  kind: z.enum(decisionLinkKinds),
  id,
  /** Null when the record's module is not present, or the record is gone. */
  name: z.string().nullable(),
  href: z.string().nullable(),
  archived: z.boolean(),
});
export type DecisionLink = z.infer<typeof decisionLink>;

export const decision = z.object({
  id,
  forumId: id.nullable(),
  forumName: z.string().nullable(),
  body: z.string().nullable(),
  /** The forum's name or the external body, as the log shows it. */
  bodyName: z.string(),
  meetingId: id.nullable(),
  agendaItemId: id.nullable(),
  decidedOn: z.string(),
  year: z.number().int(),
  paragraph: z.number().int(),
  title: z.string().nullable(),
  text: z.string(),
  registrationNumber: z.string().nullable(),
  status: z.enum(decisionStatuses),
  responsibleId: id.nullable(),
  responsibleName: z.string().nullable(),
  followUpOn: z.string().nullable(),
  links: z.array(decisionLink),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: decisionPermissions,
});
export type Decision = z.infer<typeof decision>;

export const decisionListQuery = listQuery.extend({
  forumId: id.optional(),
  /** An external body, as typed (case does not matter). */
  body: line(120).optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  status: z.enum(decisionStatuses).optional(),
  responsibleId: id.optional(),
  /** Decisions linked to this record. */
  linkKind: z.enum(decisionLinkKinds).optional(),
  linkId: id.optional(),
});
export type DecisionListQuery = z.infer<typeof decisionListQuery>;

/** The external bodies already used in the tenant, for the form's suggestions. */
export const decisionBodies = z.object({ items: z.array(z.string()) });
