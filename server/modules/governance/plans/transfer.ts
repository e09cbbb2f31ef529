import { z } from 'zod';
import type { InitiativeStatus, PlanListQuery } from '../../../../shared/governance/plans.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listPlans } from './service.ts';

// The IT plans as CSV or XLSX, one row per initiative, with the list's filters. Money in kronor
// (the file is read by people; the API keeps öre).

const text = z.string();

/** The status as a Swedish word in the file; the web app translates it itself. */
export const initiativeStatusNames: Record<InitiativeStatus, string> = {
  planned: 'Planerad',
  inProgress: 'Pågår',
  done: 'Genomförd',
  cancelled: 'Avbruten',
  postponed: 'Uppskjuten',
};

const planColumns = [
  column({ key: 'plan', sv: 'plan', en: 'plan', required: true, parse: text }),
  column({ key: 'years', sv: 'år', en: 'years', parse: text }),
  column({ key: 'initiative', sv: 'insats', en: 'initiative', parse: text }),
  column({ key: 'status', sv: 'status', en: 'status', parse: text }),
  column({ key: 'responsible', sv: 'ansvarig', en: 'responsible', parse: text }),
  column({ key: 'goals', sv: 'mål', en: 'goals', parse: text }),
  column({ key: 'plannedCost', sv: 'planerad kostnad (kr)', en: 'planned cost (SEK)', parse: text }),
  column({ key: 'outcomeCost', sv: 'utfall (kr)', en: 'outcome (SEK)', parse: text }),
  column({ key: 'statusNote', sv: 'kommentar', en: 'note', parse: text }),
] as const;

const kronor = (ore: number | null) => (ore === null ? '' : String(ore / 100));

export async function exportPlans(
  db: Database,
  actor: Actor,
  query: Omit<PlanListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listPlans(db, actor, { ...query, limit: 200, cursor }));
  const records = rows.flatMap((p) => {
    const plan = {
      plan: p.title,
      years: p.endYear && p.endYear !== p.year ? `${p.year}–${p.endYear}` : String(p.year),
    };
    if (p.initiatives.length === 0)
      return [
        {
          ...plan,
          initiative: '',
          status: '',
          responsible: '',
          goals: '',
          plannedCost: '',
          outcomeCost: '',
          statusNote: '',
        },
      ];
    return p.initiatives.map((i) => ({
      ...plan,
      initiative: i.title,
      status: initiativeStatusNames[i.status as InitiativeStatus],
      responsible: i.responsibleName ?? '',
      goals: i.goals.map((g) => g.name).join('; '),
      plannedCost: kronor(i.plannedCost),
      outcomeCost: kronor(i.outcomeCost),
      statusNote: i.statusNote ?? '',
    }));
  });
  return exportFile({ columns: planColumns, filename: 'it-plan', sheetName: 'IT-plan' }, records, format);
}
