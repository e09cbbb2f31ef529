import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, line, multiline, requiredLine } from '../text.ts';
import { isoDate } from './systems.ts';

// Information classification (informationsklassning) after KLASSA: per system and per information
// set, a consequence level 0–4 for each dimension, on a scale whose wording the tenant may edit
// (versioned; the version in force is stored with each classification). Shared by server and web.

/** Konfidentialitet, riktighet, tillgänglighet, spårbarhet (K/R/T/S). */
export const classificationDimensions = [
  'confidentiality',
  'integrity',
  'availability',
  'traceability',
] as const;
export type ClassificationDimension = (typeof classificationDimensions)[number];

/** KLASSA's consequence scale: 0 försumbar, 1 begränsad, 2 måttlig, 3 allvarlig, 4 synnerligen allvarlig. */
export const consequenceLevels = [0, 1, 2, 3, 4] as const;
export type ConsequenceLevel = (typeof consequenceLevels)[number];
/** A level of 4 in any dimension calls for a separate protection analysis (skyddsanalys). */
export const HIGHEST_LEVEL = 4;

export const consequenceLevel = z
  .number({ message: 'Must be a level 0–4' })
  .int({ message: 'Must be a level 0–4' })
  .min(0, { message: 'Must be a level 0–4' })
  .max(4, { message: 'Must be a level 0–4' });

// ---------------------------------------------------------------- the scale

const bilingualLine = z.strictObject({ sv: requiredLine(80), en: requiredLine(80) });
const bilingualText = z.strictObject({
  sv: multiline(2000).pipe(z.string().trim().min(1, { message: 'Required' })),
  en: multiline(2000).pipe(z.string().trim().min(1, { message: 'Required' })),
});

/** One step of the scale in one dimension: its name and what the consequence means, in both languages. */
export const scaleLevel = z.strictObject({ name: bilingualLine, description: bilingualText });
export type ScaleLevel = z.infer<typeof scaleLevel>;

/** Five steps, index = level. */
const scaleSteps = z.array(scaleLevel).length(5, { message: 'Must give the five levels 0–4' });

/** The wording of every level of every dimension. */
export const scaleLevels = z.strictObject({
  confidentiality: scaleSteps,
  integrity: scaleSteps,
  availability: scaleSteps,
  traceability: scaleSteps,
});
export type ScaleLevels = z.infer<typeof scaleLevels>;

/** A new version of the scale, based on the one the editor saw (409 when it is no longer current). */
export const scaleCreate = z.strictObject({
  basedOnVersion: version,
  levels: scaleLevels,
});
export type ScaleCreate = z.infer<typeof scaleCreate>;

export const scaleVersion = z.object({
  version: z.number().int(),
  levels: scaleLevels,
  /** Version 1 is the wording shipped with Styrbord; later ones the tenant's own. */
  isDefault: z.boolean(),
  createdAt: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export type ScaleVersion = z.infer<typeof scaleVersion>;

export const scale = scaleVersion.extend({ can: permissions(['update']) });
export type Scale = z.infer<typeof scale>;

export const scaleVersions = z.object({ items: z.array(scaleVersion) });

// ---------------------------------------------------------------- classifications

const classificationFields = {
  /** The information set (informationsmängd) classified; none means the system as a whole. */
  informationSet: line(200).nullable().optional(),
  confidentiality: consequenceLevel,
  integrity: consequenceLevel,
  availability: consequenceLevel,
  traceability: consequenceLevel.nullable().optional(),
  motivation: multiline(4000).pipe(z.string().trim().min(1, { message: 'Required' })),
  /** When to review; a year after the classification when not given. */
  nextReviewOn: isoDate.optional(),
};

export const classificationCreate = z.strictObject({ systemId: id, ...classificationFields });
export type ClassificationCreate = z.infer<typeof classificationCreate>;

export const classificationUpdate = z.strictObject({
  version,
  informationSet: classificationFields.informationSet,
  confidentiality: consequenceLevel.optional(),
  integrity: consequenceLevel.optional(),
  availability: consequenceLevel.optional(),
  traceability: classificationFields.traceability,
  motivation: classificationFields.motivation.optional(),
  nextReviewOn: isoDate.optional(),
});
export type ClassificationUpdate = z.infer<typeof classificationUpdate>;

export const classificationPermissions = permissions(['update', 'archive', 'restore', 'readHistory']);

/**
 * A classification as the reader may see it. Levels and motivation are secret under OSL: for a
 * reader who may not read them they are null and `restricted` is true; that the classification
 * exists, what it covers and when it is to be reviewed are not secret.
 */
export const classification = z.object({
  id,
  systemId: id,
  systemName: z.string(),
  informationSet: z.string().nullable(),
  restricted: z.boolean(),
  confidentiality: z.number().int().nullable(),
  integrity: z.number().int().nullable(),
  availability: z.number().int().nullable(),
  traceability: z.number().int().nullable(),
  motivation: z.string().nullable(),
  /** The scale version in force when it was classified. */
  scaleVersion: z.number().int(),
  classifiedById: id.nullable(),
  classifiedByName: z.string(),
  classifiedOn: z.string(),
  nextReviewOn: z.string(),
  /** The review date has passed. */
  overdue: z.boolean(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: classificationPermissions,
});
export type Classification = z.infer<typeof classification>;

export const classificationSorts = ['system', 'nextReviewOn'] as const;
export type ClassificationSort = (typeof classificationSorts)[number];

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const classificationListQuery = listQuery.extend({
  systemId: id.optional(),
  /** Review date today or earlier. */
  reviewDue: flag,
  /** Level 4 in some dimension; only among the classifications the reader may read. */
  level4: flag,
  sort: z.enum(classificationSorts).default('system'),
});
export type ClassificationListQuery = z.infer<typeof classificationListQuery>;

/** A system's classification as a whole: the maximum per dimension over its information sets. */
export const systemClassification = z.object({
  systemId: id,
  /** Any active classification exists. */
  classified: z.boolean(),
  restricted: z.boolean(),
  confidentiality: z.number().int().nullable(),
  integrity: z.number().int().nullable(),
  availability: z.number().int().nullable(),
  traceability: z.number().int().nullable(),
  /** Some level is 4: a separate protection analysis is needed (null when restricted). */
  needsProtectionAnalysis: z.boolean().nullable(),
  /** The earliest review date of its classifications. */
  nextReviewOn: z.string().nullable(),
  overdue: z.boolean(),
  can: permissions(['classify']),
});
export type SystemClassification = z.infer<typeof systemClassification>;
