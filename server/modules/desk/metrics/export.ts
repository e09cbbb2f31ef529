import { z } from 'zod';
import type {
  Metrics,
  MetricsDimension,
  MetricsFigures,
  MetricsQuery,
} from '../../../../shared/desk/metrics.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { metricsReport } from './service.ts';

// The metrics table as CSV or XLSX, formula-safe through the transfer engine: one row per row of
// the dimension and one for the whole, the same figures as the page. Shares are per cent with
// one decimal and a decimal comma, as Swedish Excel reads numbers.

const text = z.string();

const dimensionHeaders: Record<MetricsDimension, string> = {
  unit: 'enhet',
  service: 'tjänst',
  system: 'system',
  group: 'grupp',
  supplier: 'leverantör',
  priority: 'prioritet',
  category: 'kategori',
};

const noneLabels: Record<MetricsDimension, string> = {
  unit: 'Ingen enhet',
  service: 'Ingen tjänst',
  system: 'Inget system',
  group: 'Ingen grupp',
  supplier: 'Ingen leverantör',
  priority: 'Ingen prioritet',
  category: 'Ingen kategori',
};

const categoryLabels: Record<string, string> = {
  account: 'Konto och behörighet',
  password: 'Lösenord',
  function: 'Funktion',
  training: 'Utbildning',
  client: 'Dator och program',
  printing: 'Utskrift',
  network: 'Nätverk',
  order: 'Beställning',
  other: 'Övrigt',
};

const columnsFor = (by: MetricsDimension) =>
  [
    column({ key: 'name', sv: dimensionHeaders[by], en: by, parse: text }),
    column({ key: 'created', sv: 'skapade', en: 'created', parse: text }),
    column({ key: 'solved', sv: 'lösta', en: 'solved', parse: text }),
    column({ key: 'open', sv: 'öppna vid periodens slut', en: 'open at the end', parse: text }),
    column({ key: 'responseMeasured', sv: 'svar mätta', en: 'responses measured', parse: text }),
    column({ key: 'responseBreached', sv: 'svar överskridna', en: 'responses breached', parse: text }),
    column({ key: 'responseShare', sv: 'svar i tid (%)', en: 'responses on time (%)', parse: text }),
    column({ key: 'resolutionMeasured', sv: 'lösningar mätta', en: 'resolutions measured', parse: text }),
    column({
      key: 'resolutionBreached',
      sv: 'lösningar överskridna',
      en: 'resolutions breached',
      parse: text,
    }),
    column({ key: 'resolutionShare', sv: 'lösta i tid (%)', en: 'resolved on time (%)', parse: text }),
    column({
      key: 'firstContact',
      sv: 'lösta vid första kontakt',
      en: 'first-contact resolutions',
      parse: text,
    }),
    column({ key: 'firstContactShare', sv: 'första kontakt (%)', en: 'first contact (%)', parse: text }),
    column({ key: 'reopened', sv: 'återöppnade', en: 'reopened', parse: text }),
    column({ key: 'reopenedShare', sv: 'återöppnade (%)', en: 'reopened (%)', parse: text }),
    column({ key: 'rated', sv: 'betygsatta', en: 'rated', parse: text }),
    column({ key: 'satisfaction', sv: 'medelbetyg (1–5)', en: 'mean rating (1–5)', parse: text }),
    column({
      key: 'minutes',
      sv: 'lösningstid, medel (arbetsminuter)',
      en: 'mean resolution (business minutes)',
      parse: text,
    }),
  ] as const;

const decimal = (value: number | null, digits: number) =>
  value === null ? '' : value.toFixed(digits).replace('.', ',');
const percent = (value: number | null) => decimal(value === null ? null : value * 100, 1);

function cells(name: string, f: MetricsFigures) {
  return {
    name,
    created: String(f.created),
    solved: String(f.solved),
    open: String(f.open),
    responseMeasured: String(f.response.measured),
    responseBreached: String(f.response.breached),
    responseShare: percent(f.response.share),
    resolutionMeasured: String(f.resolution.measured),
    resolutionBreached: String(f.resolution.breached),
    resolutionShare: percent(f.resolution.share),
    firstContact: String(f.firstContact.firstContact),
    firstContactShare: percent(f.firstContact.share),
    reopened: String(f.reopened.count),
    reopenedShare: percent(f.reopened.share),
    rated: String(f.satisfaction.count),
    satisfaction: decimal(f.satisfaction.mean, 2),
    minutes: decimal(f.resolutionMinutes.mean, 0),
  };
}

function rowName(by: MetricsDimension, row: Metrics['rows'][number]): string {
  if (row.key === null) return noneLabels[by];
  if (by === 'priority') return `Prioritet ${row.key}`;
  if (by === 'category') return categoryLabels[row.key] ?? row.key;
  return row.name ?? row.key;
}

export async function exportMetrics(db: Database, actor: Actor, query: MetricsQuery, format: ExportFormat) {
  const report = await metricsReport(db, actor, query);
  const records = [
    ...report.rows.map((row) => cells(rowName(query.by, row), row)),
    cells(`Totalt ${report.from} – ${report.to}`, report.total),
  ];
  return exportFile(
    { columns: columnsFor(query.by), filename: `servicedesk-nyckeltal-${query.by}`, sheetName: 'Nyckeltal' },
    records,
    format,
  );
}
