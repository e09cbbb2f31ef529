import { z } from 'zod';
import {
  type BenefitKind,
  benefitOf,
  type EffectGoalListQuery,
  type GoalDirection,
} from '../../../../shared/portfolio/benefits.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listGoals } from './service.ts';

// The effect goals as CSV or XLSX, one row each, with the list's filters: promised and realised
// benefit side by side. Money in kronor (the file is read by people; the API keeps öre).

const text = z.string();

export const kindNames: Record<BenefitKind, string> = {
  money: 'Pengar (kr/år)',
  hours: 'Timmar/år',
  qualitative: 'Kvalitativ',
};

const goalColumns = [
  column({ key: 'project', sv: 'projekt', en: 'project', required: true, parse: text }),
  column({ key: 'name', sv: 'effektmål', en: 'effect goal', required: true, parse: text }),
  column({ key: 'indicator', sv: 'indikator', en: 'indicator', parse: text }),
  column({ key: 'kind', sv: 'nytta', en: 'benefit', parse: text }),
  column({ key: 'baseline', sv: 'utgångsvärde', en: 'baseline', parse: text }),
  column({ key: 'target', sv: 'målvärde', en: 'target', parse: text }),
  column({ key: 'latest', sv: 'senaste mätvärde', en: 'latest value', parse: text }),
  column({ key: 'promised', sv: 'utlovad nytta', en: 'promised benefit', parse: text }),
  column({ key: 'realised', sv: 'realiserad nytta', en: 'realised benefit', parse: text }),
  column({ key: 'responsible', sv: 'ansvarig', en: 'responsible', parse: text }),
  column({ key: 'nextFollowUpOn', sv: 'nästa uppföljning', en: 'next follow-up', parse: text }),
] as const;

export async function exportGoals(
  db: Database,
  actor: Actor,
  query: Omit<EffectGoalListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listGoals(db, actor, { ...query, limit: 200, cursor }));
  const records = rows.map((g) => {
    const shown = (v: number) => String(g.kind === 'money' ? v / 100 : v);
    const goal = { direction: g.direction as GoalDirection, baseline: g.baseline };
    const latest = g.followUps.find((f) => f.value !== null)?.value ?? null;
    return {
      project: g.projectName,
      name: g.name,
      indicator: g.indicator,
      kind: kindNames[g.kind as BenefitKind],
      baseline: shown(g.baseline),
      target: shown(g.target),
      latest: latest === null ? '' : shown(latest),
      promised: shown(benefitOf(goal, g.target)),
      realised: latest === null ? '' : shown(benefitOf(goal, latest)),
      responsible: g.responsibleName,
      nextFollowUpOn: g.nextFollowUpOn ?? '',
    };
  });
  return exportFile({ columns: goalColumns, filename: 'effektmal', sheetName: 'Effektmål' }, records, format);
}
