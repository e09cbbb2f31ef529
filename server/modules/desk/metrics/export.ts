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
// one decimal: in CSV with a decimal comma, as Swedish Excel reads numbers; in a workbook every
// figure is a number cell (the name alone is text), so that it sums and charts.

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

/** A figure: a number cell in a workbook (`format` its Excel number format), text in CSV. */
const figure = <K extends string>(key: K, sv: string, en: string, format = '0') =>
  column({ key, sv, en, parse: text, xlsxNumber: format });

const columnsFor = (by: MetricsDimension) =>
  [
    column({ key: 'name', sv: dimensionHeaders[by], en: by, parse: text }),
    figure('created', 'skapade', 'created'),
    figure('solved', 'lösta', 'solved'),
    figure('open', 'öppna vid periodens slut', 'open at the end'),
    figure('responseMeasured', 'svar mätta', 'responses measured'),
    figure('responseBreached', 'svar överskridna', 'responses breached'),
    figure('responseShare', 'svar i tid (%)', 'responses on time (%)', '0.0'),
    figure('resolutionMeasured', 'lösningar mätta', 'resolutions measured'),
    figure('resolutionBreached', 'lösningar överskridna', 'resolutions breached'),
    figure('resolutionShare', 'lösta i tid (%)', 'resolved on time (%)', '0.0'),
    figure('firstContact', 'lösta vid första kontakt', 'first-contact resolutions'),
    figure('firstContactShare', 'första kontakt (%)', 'first contact (%)', '0.0'),
    figure('reopened', 'återöppnade', 'reopened'),
    figure('reopenedShare', 'återöppnade (%)', 'reopened (%)', '0.0'),
    figure('rated', 'betygsatta', 'rated'),
    figure('satisfaction', 'medelbetyg (1–5)', 'mean rating (1–5)', '0.00'),
    figure('minutes', 'lösningstid, medel (arbetsminuter)', 'mean resolution (business minutes)'),
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
