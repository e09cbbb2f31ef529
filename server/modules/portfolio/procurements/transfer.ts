import { z } from 'zod';
import type {
  Procedure,
  ProcurementListQuery,
  ProcurementStatus,
} from '../../../../shared/portfolio/procurements.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listProcurements } from './service.ts';

// The procurements as CSV or XLSX, one row each, with the list's filters. Money in kronor (the
// file is read by people; the API keeps öre).

const text = z.string();

/** The procedure and status as Swedish words in the file; the web app translates them itself. */
export const procedureNames: Record<Procedure, string> = {
  direct: 'Direktupphandling',
  simplified: 'Förenklat förfarande',
  open: 'Öppet förfarande',
  renewedCompetition: 'Förnyad konkurrensutsättning',
};
export const statusNames: Record<ProcurementStatus, string> = {
  planned: 'Planerad',
  preparing: 'Förbereds',
  advertised: 'Annonserad',
  evaluating: 'Utvärdering',
  awarded: 'Tilldelad',
  contracted: 'Avtal tecknat',
  cancelled: 'Avbruten',
};

const columns = [
  column({ key: 'title', sv: 'upphandling', en: 'procurement', required: true, parse: text }),
  column({ key: 'procedure', sv: 'förfarande', en: 'procedure', parse: text }),
  column({ key: 'framework', sv: 'ramavtal', en: 'framework agreement', parse: text }),
  column({ key: 'status', sv: 'status', en: 'status', parse: text }),
  column({ key: 'estimatedValue', sv: 'uppskattat värde (kr)', en: 'estimated value (SEK)', parse: text }),
  column({ key: 'plannedStartOn', sv: 'planerad start', en: 'planned start', parse: text }),
  column({ key: 'advertisedOn', sv: 'annonserad', en: 'advertised', parse: text }),
  column({ key: 'tenderDeadlineOn', sv: 'sista anbudsdag', en: 'tender deadline', parse: text }),
  column({ key: 'awardedOn', sv: 'tilldelningsbeslut', en: 'award', parse: text }),
  column({ key: 'contractStartsOn', sv: 'avtalsstart', en: 'contract start', parse: text }),
  column({ key: 'responsible', sv: 'ansvarig', en: 'responsible', parse: text }),
  column({ key: 'unit', sv: 'enhet', en: 'unit', parse: text }),
  column({ key: 'systems', sv: 'system', en: 'systems', parse: text }),
  column({ key: 'replaces', sv: 'ersätter avtal', en: 'replaces contract', parse: text }),
  column({ key: 'contract', sv: 'avtal', en: 'contract', parse: text }),
  column({ key: 'cancelledOn', sv: 'avbruten', en: 'cancelled on', parse: text }),
  column({ key: 'cancelReason', sv: 'skäl till avbrytande', en: 'reason for cancelling', parse: text }),
  column({ key: 'cancelCost', sv: 'kostnad för avbruten (kr)', en: 'cost of cancelled (SEK)', parse: text }),
  column({ key: 'cancelHours', sv: 'nedlagda timmar', en: 'hours spent', parse: text }),
] as const;

const kronor = (ore: number | null) => (ore === null ? '' : String(ore / 100));

export async function exportProcurements(
  db: Database,
  actor: Actor,
  query: Omit<ProcurementListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listProcurements(db, actor, { ...query, limit: 200, cursor }));
  const records = rows.map((p) => ({
    title: p.title,
    procedure: procedureNames[p.procedure as Procedure],
    framework:
      p.frameworkReference ??
      (p.frameworkContractId ? (p.contractNames.get(p.frameworkContractId) ?? '') : ''),
    status: statusNames[p.status as ProcurementStatus],
    estimatedValue: kronor(p.estimatedValue),
    plannedStartOn: p.plannedStartOn ?? '',
    advertisedOn: p.advertisedOn ?? '',
    tenderDeadlineOn: p.tenderDeadlineOn ?? '',
    awardedOn: p.awardedOn ?? '',
    contractStartsOn: p.contractStartsOn ?? '',
    responsible: p.responsibleName ?? '',
    unit: p.unitName ?? '',
    systems: p.systems.map((s) => s.name).join('; '),
    replaces: p.replacesContractId ? (p.contractNames.get(p.replacesContractId) ?? '') : '',
    contract: p.contractId ? (p.contractNames.get(p.contractId) ?? '') : '',
    cancelledOn: p.cancelledOn ?? '',
    cancelReason: p.cancelReason ?? '',
    cancelCost: kronor(p.cancelCost),
    cancelHours: p.cancelHours === null ? '' : String(p.cancelHours),
  }));
  return exportFile({ columns, filename: 'upphandlingar', sheetName: 'Upphandlingar' }, records, format);
}
