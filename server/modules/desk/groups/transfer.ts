import { z } from 'zod';
import type { GroupKind, GroupListQuery } from '../../../../shared/desk/groups.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listGroups } from './service.ts';

// The groups list as CSV or XLSX through the platform's engine (formula safe), with its filters.

const text = z.string();
const count = z.coerce.number();

/** The kind as a Swedish word in the file; the web app translates it itself. */
const kindNames: Record<GroupKind, string> = {
  firstLine: 'Första linjen',
  secondLine: 'Andra linjen',
  management: 'Förvaltning',
  supplier: 'Leverantör',
};

const groupColumns = [
  column({ key: 'name', sv: 'namn', en: 'name', required: true, parse: text }),
  column({ key: 'kind', sv: 'typ', en: 'kind', parse: text }),
  column({ key: 'system', sv: 'system', en: 'system', parse: text }),
  column({ key: 'supplier', sv: 'leverantör', en: 'supplier', parse: text }),
  column({ key: 'lead', sv: 'gruppledare', en: 'lead', parse: text }),
  column({ key: 'members', sv: 'medlemmar', en: 'members', parse: count }),
  column({ key: 'email', sv: 'e-post', en: 'email', parse: text }),
] as const;

export async function exportGroups(
  db: Database,
  actor: Actor,
  query: Omit<GroupListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listGroups(db, actor, { ...query, limit: 200, cursor }));
  const records = rows.map((g) => ({
    name: g.name,
    kind: kindNames[g.kind as GroupKind],
    system: g.systemName ?? '',
    supplier: g.supplierName ?? '',
    lead: g.leadName ?? '',
    members: g.memberCount,
    email: g.email ?? '',
  }));
  return exportFile(
    { columns: groupColumns, filename: 'arendegrupper', sheetName: 'Ärendegrupper' },
    records,
    format,
  );
}
