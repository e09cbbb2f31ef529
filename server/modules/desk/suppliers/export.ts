import { z } from 'zod';
import type { SupplierReportQuery, SupplierReportRow } from '../../../../shared/desk/suppliers.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { supplierReport } from './service.ts';

// The supplier report as XLSX or CSV through the transfer engine (formula-safe), the figures of the
// page: a row per supplier and contract. Shares are per cent with one decimal and minutes with one,
// with a decimal comma, as Swedish Excel reads numbers (as the metrics' export).

const text = z.string();

const columns = [
  column({ key: 'supplier', sv: 'leverantör', en: 'supplier', parse: text }),
  column({ key: 'contract', sv: 'avtal', en: 'contract', parse: text }),
  column({ key: 'contractNumber', sv: 'avtalsnummer', en: 'contract number', parse: text }),
  column({ key: 'level', sv: 'avtalad servicenivå', en: 'contracted level', parse: text }),
  column({ key: 'tickets', sv: 'ärenden', en: 'tickets', parse: text }),
  column({ key: 'spells', sv: 'överlämningar', en: 'hand-overs', parse: text }),
  column({ key: 'open', sv: 'hos leverantören nu', en: 'with the supplier now', parse: text }),
  column({ key: 'responseMeasured', sv: 'svar mätta', en: 'responses measured', parse: text }),
  column({ key: 'responseBreached', sv: 'svar överskridna', en: 'responses breached', parse: text }),
  column({ key: 'responseShare', sv: 'svar i tid (%)', en: 'responses on time (%)', parse: text }),
  column({
    key: 'responseMedian',
    sv: 'svarstid, median (arbetsminuter)',
    en: 'median response (business minutes)',
    parse: text,
  }),
  column({
    key: 'responseMean',
    sv: 'svarstid, medel (arbetsminuter)',
    en: 'mean response (business minutes)',
    parse: text,
  }),
  column({ key: 'resolutionMeasured', sv: 'lösningar mätta', en: 'resolutions measured', parse: text }),
  column({ key: 'resolutionBreached', sv: 'lösningar överskridna', en: 'resolutions breached', parse: text }),
  column({ key: 'resolutionShare', sv: 'lösta i tid (%)', en: 'resolved on time (%)', parse: text }),
  column({
    key: 'resolutionMedian',
    sv: 'lösningstid, median (arbetsminuter)',
    en: 'median resolution (business minutes)',
    parse: text,
  }),
  column({
    key: 'resolutionMean',
    sv: 'lösningstid, medel (arbetsminuter)',
    en: 'mean resolution (business minutes)',
    parse: text,
  }),
  column({ key: 'breaches', sv: 'överskridanden', en: 'breaches', parse: text }),
] as const;

const decimal = (value: number | null, digits: number) =>
  value === null ? '' : value.toFixed(digits).replace('.', ',');
const percent = (value: number | null) => decimal(value === null ? null : value * 100, 1);

function cells(row: SupplierReportRow) {
  return {
    supplier: row.supplier.name,
    contract: row.contract?.title ?? 'Inget avtal med servicenivåer',
    contractNumber: row.contract?.contractNumber ?? '',
    level: row.serviceLevel?.name ?? '',
    tickets: String(row.tickets),
    spells: String(row.spells),
    open: String(row.open),
    responseMeasured: String(row.response.measured),
    responseBreached: String(row.response.breached),
    responseShare: percent(row.response.share),
    responseMedian: decimal(row.response.minutes.median, 1),
    responseMean: decimal(row.response.minutes.mean, 1),
    resolutionMeasured: String(row.resolution.measured),
    resolutionBreached: String(row.resolution.breached),
    resolutionShare: percent(row.resolution.share),
    resolutionMedian: decimal(row.resolution.minutes.median, 1),
    resolutionMean: decimal(row.resolution.minutes.mean, 1),
    breaches: String(row.breaches),
  };
}

export async function exportSupplierReport(
  db: Database,
  actor: Actor,
  query: SupplierReportQuery,
  format: ExportFormat,
) {
  const report = await supplierReport(db, actor, query);
  return exportFile(
    {
      columns,
      filename: `leverantorsavtal-${report.from}-${report.to}`,
      sheetName: 'Leverantörsavtal',
    },
    report.rows.map(cells),
    format,
  );
}
