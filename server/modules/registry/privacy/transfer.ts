import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type {
  Article9Basis,
  LegalBasis,
  ProcessingActivityExportQuery,
  ProcessorAgreementStatus,
  TransferSafeguard,
} from '../../../../shared/registry/privacy.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people, units } from '../../../platform/directory/schema.ts';
import { column, type ExportFile, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { suppliers } from '../suppliers/schema.ts';
import { systems } from '../systems/schema.ts';
import { type ActivityWithSystems, listActivities } from './service.ts';

// The register as a file (CSV or XLSX): every Art. 30(1) field in a column with a Swedish header,
// references by name, lists joined with "; ". Formula-safe through the platform's writer. The
// register is not imported (its many lists do not fit a sheet well), so the columns are for
// reading; `parse` is only what the column type asks for.

export const legalBasisSv: Record<LegalBasis, string> = {
  consent: 'Samtycke',
  contract: 'Avtal',
  legalObligation: 'Rättslig förpliktelse',
  vitalInterests: 'Grundläggande intresse',
  publicTask: 'Allmänt intresse / myndighetsutövning',
  legitimateInterests: 'Berättigat intresse',
};

export const article9Sv: Record<Article9Basis, string> = {
  explicitConsent: 'Uttryckligt samtycke (a)',
  employment: 'Arbetsrätt och social trygghet (b)',
  vitalInterests: 'Grundläggande intresse (c)',
  nonProfit: 'Ideell organisation (d)',
  madePublic: 'Offentliggjorda uppgifter (e)',
  legalClaims: 'Rättsliga anspråk (f)',
  substantialPublicInterest: 'Viktigt allmänt intresse (g)',
  healthCare: 'Hälso- och sjukvård, social omsorg (h)',
  publicHealth: 'Folkhälsa (i)',
  archiving: 'Arkiv, forskning, statistik (j)',
};

export const safeguardSv: Record<TransferSafeguard, string> = {
  adequacy: 'Beslut om adekvat skyddsnivå',
  scc: 'Standardavtalsklausuler (SCC)',
  bcr: 'Bindande företagsbestämmelser (BCR)',
  derogation: 'Undantag (art. 49)',
  other: 'Annan skyddsåtgärd',
};

export const agreementSv: Record<ProcessorAgreementStatus, string> = {
  none: 'Inget',
  needed: 'Behövs',
  signed: 'Undertecknat',
};

const text = z.string();
const c = (key: string, sv: string, en: string) => column({ key, sv, en, parse: text });

export const activityColumns = [
  c('name', 'behandling', 'processing activity'),
  c('description', 'beskrivning', 'description'),
  c('controller', 'personuppgiftsansvarig', 'controller'),
  c('controllerContact', 'kontaktperson', 'contact person'),
  c('dpo', 'dataskyddsombud', 'data protection officer'),
  c('purposes', 'ändamål', 'purposes'),
  c('legalBasis', 'rättslig grund', 'legal basis'),
  c('legalBasisReference', 'lagrum', 'legal basis reference'),
  c('dataSubjectCategories', 'kategorier av registrerade', 'categories of data subjects'),
  c('personalDataCategories', 'kategorier av personuppgifter', 'categories of personal data'),
  c('sensitiveData', 'känsliga personuppgifter', 'sensitive data'),
  c('sensitiveDataBasis', 'undantag art. 9', 'Art. 9 basis'),
  c('criminalData', 'uppgifter om lagöverträdelser', 'criminal data'),
  c('criminalDataBasis', 'stöd art. 10', 'Art. 10 basis'),
  c('personalIdentityNumbers', 'personnummer', 'personal identity numbers'),
  c('estimatedDataSubjects', 'antal registrerade', 'estimated data subjects'),
  c('recipients', 'mottagare', 'recipients'),
  c('thirdCountryTransfer', 'överföring till tredje land', 'third-country transfer'),
  c('thirdCountries', 'tredje länder', 'third countries'),
  c('transferSafeguard', 'skyddsåtgärd vid överföring', 'transfer safeguard'),
  c('retention', 'lagring och gallring', 'retention'),
  c('securityMeasures', 'säkerhetsåtgärder', 'security measures'),
  c('dpiaRequired', 'konsekvensbedömning krävs', 'DPIA required'),
  c('dpiaDate', 'konsekvensbedömning datum', 'DPIA date'),
  c('dpiaResult', 'konsekvensbedömning resultat', 'DPIA result'),
  c('automatedDecisions', 'automatiserade beslut', 'automated decisions'),
  c('automatedDecisionsDescription', 'automatiserade beslut beskrivning', 'automated decisions description'),
  c('systems', 'system', 'systems'),
  c('processor', 'personuppgiftsbiträde', 'processor'),
  c('processorAgreementStatus', 'biträdesavtal', 'processor agreement'),
  c('processorAgreementReference', 'avtalsreferens', 'agreement reference'),
  c('archived', 'arkiverad', 'archived'),
] as const;

const PAGE = 200;
const yesNo = (v: boolean) => (v ? 'Ja' : 'Nej');
const joined = (list: readonly string[]) => list.join('; ');

/** Names by id of the units, people, systems and suppliers the rows name: one query per kind. */
async function namesFor(db: Database, tenantId: string, rows: ActivityWithSystems[]) {
  const unitIds = [...new Set(rows.map((r) => r.controllerId))];
  const personIds = [
    ...new Set(rows.flatMap((r) => [r.controllerContactId, r.dpoId]).filter((v): v is string => !!v)),
  ];
  const systemIds = [...new Set(rows.flatMap((r) => r.systemIds))];
  const supplierIds = [...new Set(rows.map((r) => r.processorId).filter((v): v is string => !!v))];
  const names = new Map<string, string>();
  if (unitIds.length > 0)
    for (const u of await db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.tenantId, tenantId), inArray(units.id, unitIds))))
      names.set(u.id, u.name);
  if (personIds.length > 0)
    for (const p of await db
      .select({ id: people.id, given: people.givenName, family: people.familyName, email: people.email })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds))))
      names.set(p.id, `${p.given} ${p.family} <${p.email}>`);
  if (systemIds.length > 0)
    for (const s of await db
      .select({ id: systems.id, name: systems.name })
      .from(systems)
      .where(and(eq(systems.tenantId, tenantId), inArray(systems.id, systemIds))))
      names.set(s.id, s.name);
  if (supplierIds.length > 0)
    for (const s of await db
      .select({ id: suppliers.id, name: suppliers.name })
      .from(suppliers)
      .where(and(eq(suppliers.tenantId, tenantId), inArray(suppliers.id, supplierIds))))
      names.set(s.id, s.name);
  return names;
}

export async function exportActivities(
  db: Database,
  actor: Actor,
  query: Omit<ProcessingActivityExportQuery, 'format'>,
  format: ExportFormat,
): Promise<ExportFile> {
  const rows: ActivityWithSystems[] = [];
  let cursor: string | undefined;
  do {
    const page = await listActivities(db, actor, { ...query, limit: PAGE, cursor });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const names = await namesFor(db, actor.tenantId, rows);
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const records = rows.map((r) => ({
    name: r.name,
    description: r.description,
    controller: name(r.controllerId),
    controllerContact: name(r.controllerContactId),
    dpo: name(r.dpoId),
    purposes: joined(r.purposes),
    legalBasis: legalBasisSv[r.legalBasis as LegalBasis],
    legalBasisReference: r.legalBasisReference,
    dataSubjectCategories: joined(r.dataSubjectCategories),
    personalDataCategories: joined(r.personalDataCategories),
    sensitiveData: yesNo(r.sensitiveData),
    sensitiveDataBasis: r.sensitiveDataBasis ? article9Sv[r.sensitiveDataBasis as Article9Basis] : null,
    criminalData: yesNo(r.criminalData),
    criminalDataBasis: r.criminalDataBasis,
    personalIdentityNumbers: yesNo(r.personalIdentityNumbers),
    estimatedDataSubjects: r.estimatedDataSubjects,
    recipients: joined(r.recipients),
    thirdCountryTransfer: yesNo(r.thirdCountryTransfer),
    thirdCountries: joined(r.thirdCountries),
    transferSafeguard: r.transferSafeguard
      ? [safeguardSv[r.transferSafeguard as TransferSafeguard], r.transferSafeguardNote]
          .filter(Boolean)
          .join(': ')
      : null,
    retention: r.retention,
    securityMeasures: r.securityMeasures,
    dpiaRequired: yesNo(r.dpiaRequired),
    dpiaDate: r.dpiaDate,
    dpiaResult: r.dpiaResult,
    automatedDecisions: yesNo(r.automatedDecisions),
    automatedDecisionsDescription: r.automatedDecisionsDescription,
    systems: joined(r.systemIds.map((id) => names.get(id) ?? id)),
    processor: name(r.processorId),
    processorAgreementStatus: r.processorAgreementStatus
      ? agreementSv[r.processorAgreementStatus as ProcessorAgreementStatus]
      : null,
    processorAgreementReference: r.processorAgreementReference,
    archived: r.archivedAt ? 'Ja' : null,
  }));
  return exportFile(
    { columns: activityColumns, filename: 'behandlingar', sheetName: 'Behandlingar' },
    records,
    format,
  );
}
