import { z } from 'zod';
import type { DemandListQuery, DemandScope, DemandStatus } from '../../../../shared/portfolio/demands.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listDemands } from './service.ts';

// The demands list (or the ranked backlog) as CSV or XLSX through the platform's engine, with the
// list's filters and order.

const text = z.string();

const statusNames: Record<DemandStatus, string> = {
  received: 'Inkommen',
  preparing: 'Under beredning',
  readyForDecision: 'Redo för beslut',
  decided: 'Beslutad',
  inProgress: 'Genomförs',
  closed: 'Avslutad',
};
const scopeNames: Record<DemandScope, string> = {
  shared: 'Kommungemensamt',
  business: 'Verksamhetsspecifikt',
  local: 'Lokalt',
};
const outcomeNames: Record<string, string> = { approved: 'Bifall', rejected: 'Avslag', deferred: 'Vilande' };

const kronor = (ore: number | null) => (ore === null ? '' : String(Math.round(ore / 100)));

const demandColumns = [
  column({ key: 'number', sv: 'nummer', en: 'number', required: true, parse: text }),
  column({ key: 'title', sv: 'rubrik', en: 'title', required: true, parse: text }),
  column({ key: 'scope', sv: 'omfattning', en: 'scope', parse: text }),
  column({ key: 'status', sv: 'status', en: 'status', parse: text }),
  column({ key: 'outcome', sv: 'utfall', en: 'outcome', parse: text }),
  column({ key: 'unit', sv: 'enhet', en: 'unit', parse: text }),
  column({ key: 'submitter', sv: 'inlämnat av', en: 'submitted by', parse: text }),
  column({ key: 'score', sv: 'poäng', en: 'score', parse: text }),
  column({ key: 'investment', sv: 'investering (kr)', en: 'investment (SEK)', parse: text }),
  column({ key: 'yearlySavings', sv: 'besparing per år (kr)', en: 'yearly savings (SEK)', parse: text }),
  column({ key: 'hoursFreed', sv: 'frigjorda timmar per år', en: 'hours freed per year', parse: text }),
  column({ key: 'createdAt', sv: 'inkom', en: 'received', parse: text }),
] as const;

export async function exportDemands(
  db: Database,
  actor: Actor,
  query: Omit<DemandListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listDemands(db, actor, { ...query, limit: 200, cursor }));
  const records = rows.map((d) => ({
    number: d.number,
    title: d.title,
    scope: scopeNames[d.scope as DemandScope],
    status: statusNames[d.status as DemandStatus],
    outcome: d.outcome ? (outcomeNames[d.outcome] ?? d.outcome) : '',
    unit: d.unitName ?? '',
    submitter: d.submitterName ?? '',
    score: (d.score / 100).toFixed(2),
    investment: kronor(d.investment),
    yearlySavings: kronor(d.yearlySavings),
    hoursFreed: d.hoursFreed === null ? '' : String(d.hoursFreed),
    createdAt: d.createdAt.toISOString().slice(0, 10),
  }));
  return exportFile({ columns: demandColumns, filename: 'behov', sheetName: 'Behov' }, records, format);
}
