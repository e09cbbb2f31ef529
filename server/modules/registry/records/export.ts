import { z } from 'zod';
import type {
  RecordFormat,
  RecordTypeListQuery,
  Registration,
  Retention,
} from '../../../../shared/registry/records.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { registryPolicy } from '../policy.ts';
import { allRecordTypes, informationPlanView, type RecordTypeWithRefs } from './service.ts';

// Record types as CSV or XLSX: the list with its filters, or one process's informationshanterings-
// plan. The K/R/T levels are written only for a reader who may read them; for anyone else those
// cells are empty, as on the screen (secret under OSL).

export const formatLabels: Record<RecordFormat, string> = {
  paper: 'papper',
  digital: 'digitalt',
  both: 'papper och digitalt',
};
export const retentionLabels: Record<Retention, string> = { preserve: 'bevaras', dispose: 'gallras' };
export const registrationLabels: Record<Registration, string> = {
  register: 'diarieförs',
  keepOrdered: 'hålls ordnad',
  none: 'registreras inte',
};

const text = z.string();
const yesNo = (v: boolean) => (v ? 'ja' : 'nej');
const bool = z.boolean();

export const recordTypeColumns = [
  column({ key: 'processCode', sv: 'processkod', en: 'process code', required: true, parse: text }),
  column({ key: 'processName', sv: 'process', en: 'process', parse: text }),
  column({ key: 'name', sv: 'handlingstyp', en: 'record type', required: true, parse: text }),
  column({ key: 'description', sv: 'beskrivning', en: 'description', parse: text }),
  column({
    key: 'format',
    sv: 'format',
    en: 'format',
    parse: text,
    format: (v: string) => formatLabels[v as RecordFormat] ?? v,
  }),
  column({ key: 'fileFormats', sv: 'filformat', en: 'file formats', parse: text }),
  column({
    key: 'retention',
    sv: 'bevaras/gallras',
    en: 'retention',
    parse: text,
    format: (v: string) => retentionLabels[v as Retention] ?? v,
  }),
  column({ key: 'retentionMonths', sv: 'gallringsfrist (månader)', en: 'retention months', parse: text }),
  column({ key: 'retentionPeriod', sv: 'gallringsfrist', en: 'retention period', parse: text }),
  column({ key: 'retentionBasis', sv: 'föreskrift/beslut', en: 'retention basis', parse: text }),
  column({
    key: 'registration',
    sv: 'registrering',
    en: 'registration',
    parse: text,
    format: (v: string) => registrationLabels[v as Registration] ?? v,
  }),
  column({ key: 'systemName', sv: 'förvaras i system', en: 'system', parse: text }),
  column({ key: 'eArchive', sv: 'levereras till e-arkiv', en: 'e-archive', parse: bool, format: yesNo }),
  column({ key: 'eArchiveWhen', sv: 'när till e-arkiv', en: 'e-archive when', parse: text }),
  column({ key: 'secret', sv: 'sekretess', en: 'secret', parse: bool, format: yesNo }),
  column({ key: 'secrecyProvision', sv: 'lagrum', en: 'secrecy provision', parse: text }),
  column({ key: 'personalData', sv: 'personuppgifter', en: 'personal data', parse: bool, format: yesNo }),
  column({ key: 'confidentiality', sv: 'konfidentialitet', en: 'confidentiality', parse: text }),
  column({ key: 'integrity', sv: 'riktighet', en: 'integrity', parse: text }),
  column({ key: 'availability', sv: 'tillgänglighet', en: 'availability', parse: text }),
] as const;

function toRecord(row: RecordTypeWithRefs, actor: Actor) {
  const levels = registryPolicy.readRecordTypeLevels(actor, row.systemId);
  return {
    processCode: row.process.code,
    processName: row.process.name,
    name: row.name,
    description: row.description,
    format: row.format,
    fileFormats: row.fileFormats,
    retention: row.retention,
    retentionMonths: row.retentionMonths === null ? null : String(row.retentionMonths),
    retentionPeriod: row.retentionPeriod,
    retentionBasis: row.retentionBasis,
    registration: row.registration,
    systemName: row.systemName,
    eArchive: row.eArchive,
    eArchiveWhen: row.eArchiveWhen,
    secret: row.secret,
    secrecyProvision: row.secrecyProvision,
    personalData: row.personalData,
    confidentiality: levels && row.confidentiality !== null ? String(row.confidentiality) : null,
    integrity: levels && row.integrity !== null ? String(row.integrity) : null,
    availability: levels && row.availability !== null ? String(row.availability) : null,
  };
}

export async function exportRecordTypes(
  db: Database,
  actor: Actor,
  query: Omit<RecordTypeListQuery, 'limit' | 'cursor' | 'sort' | 'order'> &
    Partial<Pick<RecordTypeListQuery, 'sort' | 'order'>>,
  format: ExportFormat,
) {
  const rows = await allRecordTypes(db, actor, query);
  return exportFile(
    { columns: recordTypeColumns, filename: 'handlingstyper', sheetName: 'Handlingstyper' },
    rows.map((r) => toRecord(r, actor)),
    format,
  );
}

/** One process's plan: its record types, in the order of the printed plan. */
export async function exportInformationPlan(
  db: Database,
  actor: Actor,
  processId: string,
  format: ExportFormat,
) {
  const view = await informationPlanView(db, actor, processId);
  const slug = view.process.code.replace(/[^0-9A-Za-z]+/g, '-');
  return exportFile(
    {
      columns: recordTypeColumns,
      filename: `informationshanteringsplan-${slug}`,
      sheetName: `Plan ${view.process.code}`.slice(0, 31),
    },
    view.recordTypes.map((r) => toRecord(r, actor)),
    format,
  );
}
