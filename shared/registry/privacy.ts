import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, line, multiline, requiredLine } from '../text.ts';
import { isoDate } from './systems.ts';

// The GDPR Article 30 register (registerförteckning över behandlingar), shared by server and web:
// one processing activity (behandling) per record, with every field Art. 30(1) asks of a
// controller, plus what a Swedish municipality's dataskyddsombud follows up (DPIA, biträdesavtal).

/** Art. 6(1) a–f. */
export const legalBases = [
  'consent',
  'contract',
  'legalObligation',
  'vitalInterests',
  'publicTask',
  'legitimateInterests',
] as const;
export type LegalBasis = (typeof legalBases)[number];

/** Art. 9(2) a–j: the exception that lets sensitive (särskilda kategorier av) data be processed. */
export const article9Bases = [
  'explicitConsent',
  'employment',
  'vitalInterests',
  'nonProfit',
  'madePublic',
  'legalClaims',
  'substantialPublicInterest',
  'healthCare',
  'publicHealth',
  'archiving',
] as const;
export type Article9Basis = (typeof article9Bases)[number];

/** Chapter V: what makes a transfer outside the EU/EEA lawful. */
export const transferSafeguards = ['adequacy', 'scc', 'bcr', 'derogation', 'other'] as const;
export type TransferSafeguard = (typeof transferSafeguards)[number];

/** The processor's agreement (personuppgiftsbiträdesavtal, Art. 28): none, needed, signed. */
export const processorAgreementStatuses = ['none', 'needed', 'signed'] as const;
export type ProcessorAgreementStatus = (typeof processorAgreementStatuses)[number];

const listItem = requiredLine(300);
const textList = (max = 100) => z.array(listItem).max(max);

/** The fields an activity is created with; a change may give any of them. */
const activityFields = {
  name: requiredLine(200),
  description: multiline(4000).nullable().optional(),
  /** The personuppgiftsansvarig nämnd or bolag: a unit of kind department or company. */
  controllerId: id,
  controllerContactId: id.nullable().optional(),
  dpoId: id.nullable().optional(),
  purposes: textList(50).min(1, { message: 'At least one purpose' }),
  legalBasis: z.enum(legalBases),
  /** The law or decision the basis rests on, e.g. "SoL 2001:453". */
  legalBasisReference: line(300).nullable().optional(),
  dataSubjectCategories: textList().optional(),
  personalDataCategories: textList().optional(),
  sensitiveData: z.boolean().optional(),
  sensitiveDataBasis: z.enum(article9Bases).nullable().optional(),
  /** Personal data about criminal convictions and offences (Art. 10). */
  criminalData: z.boolean().optional(),
  criminalDataBasis: line(300).nullable().optional(),
  personalIdentityNumbers: z.boolean().optional(),
  estimatedDataSubjects: z.number().int().min(0).max(100_000_000).nullable().optional(),
  recipients: textList().optional(),
  thirdCountryTransfer: z.boolean().optional(),
  thirdCountries: textList(50).optional(),
  transferSafeguard: z.enum(transferSafeguards).nullable().optional(),
  transferSafeguardNote: line(300).nullable().optional(),
  retention: multiline(2000).nullable().optional(),
  securityMeasures: multiline(4000).nullable().optional(),
  dpiaRequired: z.boolean().optional(),
  dpiaDate: isoDate.nullable().optional(),
  dpiaResult: multiline(2000).nullable().optional(),
  automatedDecisions: z.boolean().optional(),
  automatedDecisionsDescription: multiline(2000).nullable().optional(),
  systemIds: z.array(id).max(200).optional(),
  /** The supplier that processes the data for the controller (personuppgiftsbiträde). */
  processorId: id.nullable().optional(),
  processorAgreementStatus: z.enum(processorAgreementStatuses).nullable().optional(),
  processorAgreementReference: line(200).nullable().optional(),
};

export const processingActivityCreate = z.strictObject(activityFields);
export type ProcessingActivityCreate = z.infer<typeof processingActivityCreate>;

export const processingActivityUpdate = z.strictObject({
  version,
  ...Object.fromEntries(Object.entries(activityFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof version } & {
  [K in keyof typeof activityFields]: z.ZodOptional<(typeof activityFields)[K]>;
});
export type ProcessingActivityUpdate = z.infer<typeof processingActivityUpdate>;

export const processingActivityPermissions = permissions(['update', 'archive', 'restore', 'readHistory']);

export const processingActivity = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  controllerId: id,
  controllerContactId: id.nullable(),
  dpoId: id.nullable(),
  purposes: z.array(z.string()),
  legalBasis: z.enum(legalBases),
  legalBasisReference: z.string().nullable(),
  dataSubjectCategories: z.array(z.string()),
  personalDataCategories: z.array(z.string()),
  sensitiveData: z.boolean(),
  sensitiveDataBasis: z.enum(article9Bases).nullable(),
  criminalData: z.boolean(),
  criminalDataBasis: z.string().nullable(),
  personalIdentityNumbers: z.boolean(),
  estimatedDataSubjects: z.number().int().nullable(),
  recipients: z.array(z.string()),
  thirdCountryTransfer: z.boolean(),
  thirdCountries: z.array(z.string()),
  transferSafeguard: z.enum(transferSafeguards).nullable(),
  transferSafeguardNote: z.string().nullable(),
  retention: z.string().nullable(),
  securityMeasures: z.string().nullable(),
  dpiaRequired: z.boolean(),
  dpiaDate: z.string().nullable(),
  dpiaResult: z.string().nullable(),
  automatedDecisions: z.boolean(),
  automatedDecisionsDescription: z.string().nullable(),
  systemIds: z.array(id),
  processorId: id.nullable(),
  processorAgreementStatus: z.enum(processorAgreementStatuses).nullable(),
  processorAgreementReference: z.string().nullable(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: processingActivityPermissions,
});
export type ProcessingActivity = z.infer<typeof processingActivity>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The orders of the processing activities' list; each pages by keyset on its own key. */
export const processingActivitySorts = ['name', 'controller', 'updatedAt'] as const;
export type ProcessingActivitySort = (typeof processingActivitySorts)[number];

export const processingActivityListQuery = listQuery.extend({
  sort: z.enum(processingActivitySorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  controllerId: id.optional(),
  systemId: id.optional(),
  sensitive: flag.optional(),
  dpiaRequired: flag.optional(),
  thirdCountry: flag.optional(),
});
export type ProcessingActivityListQuery = z.infer<typeof processingActivityListQuery>;

export const processingActivityExportQuery = processingActivityListQuery
  .omit({ limit: true, cursor: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
export type ProcessingActivityExportQuery = z.infer<typeof processingActivityExportQuery>;
