import { z } from 'zod';
import type { ForumKind, ForumListQuery } from '../../../../shared/governance/forums.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listForums } from './service.ts';

// The forums list as CSV or XLSX through the platform's engine (formula safe), with its filters.

const text = z.string();

/** The kind as a Swedish word in the file; the web app translates it itself. */
export const forumKindNames: Record<ForumKind, string> = {
  steeringGroup: 'Styrgrupp',
  preparationGroup: 'Beredningsgrupp',
  systemOwnerGroup: 'Systemägargrupp',
  financingGroup: 'Finansieringsgrupp',
  serviceCouncil: 'Tjänsteråd',
  productCouncil: 'Produktråd',
  managementGroup: 'Ledningsgrupp',
  other: 'Annat forum',
};

const forumColumns = [
  column({ key: 'name', sv: 'namn', en: 'name', required: true, parse: text }),
  column({ key: 'kind', sv: 'typ', en: 'kind', parse: text }),
  column({ key: 'meetings', sv: 'möten per år', en: 'meetings a year', parse: text }),
  column({ key: 'chair', sv: 'ordförande', en: 'chair', parse: text }),
  column({ key: 'convener', sv: 'sammankallande', en: 'convener', parse: text }),
  column({ key: 'secretary', sv: 'sekreterare', en: 'secretary', parse: text }),
  column({ key: 'members', sv: 'ledamöter', en: 'members', parse: text }),
] as const;

export async function exportForums(
  db: Database,
  actor: Actor,
  query: Omit<ForumListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listForums(db, actor, { ...query, limit: 200, cursor }));
  const records = rows.map((f) => ({
    name: f.name,
    kind: forumKindNames[f.kind as ForumKind],
    meetings: f.meetingsPerYearMax
      ? `${f.meetingsPerYear}–${f.meetingsPerYearMax}`
      : String(f.meetingsPerYear),
    chair: f.chairName ?? '',
    convener: f.convenerName ?? '',
    secretary: f.secretaryName ?? '',
    members: f.members.map((m) => (m.deputyName ? `${m.name} (ers. ${m.deputyName})` : m.name)).join('; '),
  }));
  return exportFile({ columns: forumColumns, filename: 'forum', sheetName: 'Forum' }, records, format);
}
