import { z } from 'zod';
import type { ProjectListQuery, ProjectPhase, Rag } from '../../../../shared/portfolio/projects.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listProjects } from './service.ts';

// The projects as CSV or XLSX, one row each, with the list's filters. Money in kronor (the file is
// read by people; the API keeps öre).

const text = z.string();

/** The phase as a Swedish word in the file; the web app translates it itself. */
export const phaseNames: Record<ProjectPhase, string> = {
  preStudy: 'Förstudie',
  planning: 'Planering',
  execution: 'Genomförande',
  closing: 'Avslut',
  handedOver: 'Överlämnad till förvaltning',
};

export const ragNames: Record<Rag, string> = { green: 'Grön', amber: 'Gul', red: 'Röd' };

const projectColumns = [
  column({ key: 'name', sv: 'projekt', en: 'project', required: true, parse: text }),
  column({ key: 'phase', sv: 'fas', en: 'phase', parse: text }),
  column({ key: 'manager', sv: 'projektledare', en: 'project manager', parse: text }),
  column({ key: 'steeringGroup', sv: 'styrgrupp', en: 'steering group', parse: text }),
  column({ key: 'unit', sv: 'enhet', en: 'unit', parse: text }),
  column({ key: 'startsOn', sv: 'start', en: 'start', parse: text }),
  column({ key: 'endsOn', sv: 'slut', en: 'end', parse: text }),
  column({ key: 'budget', sv: 'budget (kr)', en: 'budget (SEK)', parse: text }),
  column({ key: 'outcome', sv: 'utfall (kr)', en: 'outcome (SEK)', parse: text }),
  column({
    key: 'status',
    sv: 'senaste status (tid/kostnad/omfattning)',
    en: 'latest status (time/cost/scope)',
    parse: text,
  }),
  column({ key: 'nextReportOn', sv: 'nästa rapport', en: 'next report', parse: text }),
] as const;

const kronor = (ore: number) => String(ore / 100);

export async function exportProjects(
  db: Database,
  actor: Actor,
  query: Omit<ProjectListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listProjects(db, actor, { ...query, limit: 200, cursor }));
  const records = rows.map((p) => {
    const name = (id: string | null) => (id ? (p.names.get(id) ?? '') : '');
    const latest = p.reports[0];
    return {
      name: p.name,
      phase: phaseNames[p.phase as ProjectPhase],
      manager: name(p.managerId),
      steeringGroup: name(p.steeringGroupId),
      unit: name(p.unitId),
      startsOn: p.startsOn ?? '',
      endsOn: p.endsOn ?? '',
      budget: kronor(p.budget.reduce((sum, b) => sum + (b.investment ?? 0) + (b.running ?? 0), 0)),
      outcome: kronor(
        p.budget.reduce((sum, b) => sum + (b.investmentOutcome ?? 0) + (b.runningOutcome ?? 0), 0),
      ),
      status: latest ? [latest.time, latest.cost, latest.scope].map((r) => ragNames[r as Rag]).join('/') : '',
      nextReportOn: p.nextReportOn ?? '',
    };
  });
  return exportFile({ columns: projectColumns, filename: 'projekt', sheetName: 'Projekt' }, records, format);
}
