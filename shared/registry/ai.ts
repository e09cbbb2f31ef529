import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, multiline, requiredLine } from '../text.ts';
import { isoDate } from './systems.ts';

// The AI Act register (EU 2024/1689): the AI applications the municipality uses, each tied to a
// system, with its risk category, the Annex III area of a high-risk use, the fundamental-rights
// impact assessment (FRIA, Art. 27) a public deployer owes, transparency to those affected (Art.
// 50), human oversight (Art. 26) and registration in the EU database (Art. 49). Shared by server
// and web.

/** Unacceptable (Art. 5), high (Art. 6, Annex III), limited (transparency duties), minimal. */
export const aiRiskCategories = ['prohibited', 'high', 'limited', 'minimal'] as const;
export type AiRiskCategory = (typeof aiRiskCategories)[number];

/** The Annex III areas a municipality meets; `essentialServices` covers public benefits. */
export const aiHighRiskAreas = [
  'biometrics',
  'criticalInfrastructure',
  'education',
  'employment',
  'essentialServices',
  'lawEnforcement',
  'migration',
  'justice',
] as const;
export type AiHighRiskArea = (typeof aiHighRiskAreas)[number];

export const aiRegistrationStatuses = ['notRequired', 'pending', 'registered'] as const;
export type AiRegistrationStatus = (typeof aiRegistrationStatuses)[number];

const text = multiline(4000).nullable().optional();

const aiFields = {
  name: requiredLine(200),
  purpose: text,
  /** None yet: the risk has not been assessed (the data-quality list asks for it). */
  riskCategory: z.enum(aiRiskCategories).nullable().optional(),
  highRiskArea: z.enum(aiHighRiskAreas).nullable().optional(),
  motivation: text,
  friaRequired: z.boolean().nullable().optional(),
  friaOn: isoDate.nullable().optional(),
  friaResult: text,
  /** How those affected are told that they meet an AI system. */
  transparency: text,
  /** Who oversees the system's output, and how they can stop or override it. */
  humanOversight: text,
  registrationStatus: z.enum(aiRegistrationStatuses).nullable().optional(),
};

export const aiApplicationCreate = z.strictObject({ systemId: id, ...aiFields });
export type AiApplicationCreate = z.infer<typeof aiApplicationCreate>;

export const aiApplicationUpdate = z.strictObject({
  version,
  ...Object.fromEntries(Object.entries(aiFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof version } & { [K in keyof typeof aiFields]: z.ZodOptional<(typeof aiFields)[K]> });
export type AiApplicationUpdate = z.infer<typeof aiApplicationUpdate>;

export const aiApplication = z.object({
  id,
  systemId: id,
  systemName: z.string(),
  name: z.string(),
  purpose: z.string().nullable(),
  riskCategory: z.enum(aiRiskCategories).nullable(),
  highRiskArea: z.enum(aiHighRiskAreas).nullable(),
  motivation: z.string().nullable(),
  friaRequired: z.boolean().nullable(),
  friaOn: z.string().nullable(),
  friaResult: z.string().nullable(),
  transparency: z.string().nullable(),
  humanOversight: z.string().nullable(),
  registrationStatus: z.enum(aiRegistrationStatuses).nullable(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: permissions(['update', 'archive', 'restore', 'readHistory']),
});
export type AiApplication = z.infer<typeof aiApplication>;

/** The orders of the AI register's list; each pages by keyset on its own key. */
export const aiApplicationSorts = ['name', 'system', 'riskCategory', 'registrationStatus'] as const;
export type AiApplicationSort = (typeof aiApplicationSorts)[number];

export const aiApplicationListQuery = listQuery.extend({
  sort: z.enum(aiApplicationSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  systemId: id.optional(),
  riskCategory: z.enum(aiRiskCategories).optional(),
  /** false: no risk category yet. */
  assessed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type AiApplicationListQuery = z.infer<typeof aiApplicationListQuery>;
