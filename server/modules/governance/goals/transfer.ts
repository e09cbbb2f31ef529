import { z } from 'zod';
import type { Direction, GoalListQuery, Perspective } from '../../../../shared/governance/goals.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listGoals, type Sources } from './service.ts';

// The goals as CSV or XLSX, one row per indicator (a goal without one on a row of its own), with
// the list's filters: the målbild as a table for the IT strategy's yearly report.

const text = z.string();

/** The perspective as a Swedish word in the file; the web app translates it itself. */
export const perspectiveNames: Record<Perspective, string> = {
  society: 'Samhälle',
  service: 'Service',
  staff: 'Medarbetare',
  economy: 'Ekonomi',
};

const directionNames: Record<Direction, string> = { increase: 'Öka', decrease: 'Minska', keep: 'Bibehålla' };

const goalColumns = [
  column({ key: 'perspective', sv: 'perspektiv', en: 'perspective', required: true, parse: text }),
  column({ key: 'title', sv: 'mål', en: 'goal', required: true, parse: text }),
  column({ key: 'owner', sv: 'ansvarig', en: 'owner', parse: text }),
  column({ key: 'indicator', sv: 'indikator', en: 'indicator', parse: text }),
  column({ key: 'unit', sv: 'enhet', en: 'unit', parse: text }),
  column({ key: 'direction', sv: 'riktning', en: 'direction', parse: text }),
  column({ key: 'baseline', sv: 'utgångsvärde', en: 'baseline', parse: text }),
  column({ key: 'target', sv: 'målvärde', en: 'target', parse: text }),
  column({ key: 'source', sv: 'källa', en: 'source', parse: text }),
] as const;

const num = (n: number | null, y: number | null) => (n === null ? '' : y ? `${n} (${y})` : String(n));

export async function exportGoals(
  db: Database,
  actor: Actor,
  query: Omit<GoalListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
  seam?: Sources,
) {
  const rows = await everyPage((cursor) => listGoals(db, actor, { ...query, limit: 200, cursor }, seam));
  const records = rows.flatMap((g) => {
    const goal = {
      perspective: perspectiveNames[g.perspective as Perspective],
      title: g.title,
      owner: g.ownerName ?? '',
    };
    if (g.indicators.length === 0)
      return [{ ...goal, indicator: '', unit: '', direction: '', baseline: '', target: '', source: '' }];
    return g.indicators.map((i) => ({
      ...goal,
      indicator: i.name,
      unit: i.unit,
      direction: directionNames[i.direction as Direction],
      baseline: num(i.baseline, i.baselineYear),
      target: num(i.target, i.targetYear),
      source: i.source?.label.sv ?? i.sourceKey ?? 'Manuellt',
    }));
  });
  return exportFile({ columns: goalColumns, filename: 'mal', sheetName: 'Mål' }, records, format);
}
