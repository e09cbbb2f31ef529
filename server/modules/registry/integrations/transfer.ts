import { z } from 'zod';
import type { Integration, IntegrationListQuery } from '../../../../shared/registry/integrations.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { column, type ExportFile, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listIntegrations } from './service.ts';

// Integrations as CSV or XLSX, with the list's filters (the engine: platform/transfer, which makes
// every cell formula-safe). Export only: integrations come in with the systemkarta import.

const text = z.string();
const yesNo = (value: boolean) => (value ? 'ja' : 'nej');

const techniques: Record<Integration['technique'], string> = {
  file: 'Fil',
  api: 'API',
  database: 'Databas',
  message: 'Meddelande',
  manual: 'Manuell',
};
const directions: Record<Integration['direction'], string> = {
  oneWay: 'Enkelriktad',
  bothWays: 'Dubbelriktad',
};
const frequencies: Record<NonNullable<Integration['frequency']>, string> = {
  realtime: 'Realtid',
  hourly: 'Varje timme',
  daily: 'Dagligen',
  weekly: 'Varje vecka',
  monthly: 'Varje månad',
  onDemand: 'Vid behov',
};

export const integrationColumns = [
  column({ key: 'from', sv: 'Avsändande system', en: 'From system', parse: text }),
  column({ key: 'to', sv: 'Mottagande system', en: 'To system', parse: text }),
  column({ key: 'information', sv: 'Information', en: 'Information', parse: text }),
  column({ key: 'technique', sv: 'Teknik', en: 'Technique', parse: text }),
  column({ key: 'direction', sv: 'Riktning', en: 'Direction', parse: text }),
  column({ key: 'frequency', sv: 'Frekvens', en: 'Frequency', parse: text }),
  column({ key: 'owner', sv: 'Ansvarig', en: 'Owner', parse: text }),
  column({ key: 'personalData', sv: 'Personuppgifter', en: 'Personal data', parse: text }),
  column({ key: 'critical', sv: 'Kritisk', en: 'Critical', parse: text }),
  column({ key: 'description', sv: 'Beskrivning', en: 'Description', parse: text }),
  column({ key: 'archived', sv: 'Arkiverad', en: 'Archived', parse: text }),
] as const;

const PAGE = 200;

export async function exportIntegrations(
  db: Database,
  actor: Actor,
  query: Omit<IntegrationListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
): Promise<ExportFile> {
  const records = [];
  let cursor: string | undefined;
  do {
    const page = await listIntegrations(db, actor, { ...query, limit: PAGE, cursor });
    for (const r of page.items)
      records.push({
        from: r.fromSystem.name,
        to: r.toSystem.name,
        information: r.information,
        technique: techniques[r.technique as Integration['technique']] ?? r.technique,
        direction: directions[r.direction as Integration['direction']] ?? r.direction,
        frequency: r.frequency ? (frequencies[r.frequency as keyof typeof frequencies] ?? r.frequency) : null,
        owner: r.owner?.name ?? null,
        personalData: yesNo(r.personalData),
        critical: yesNo(r.critical),
        description: r.description,
        archived: r.archivedAt ? yesNo(true) : yesNo(false),
      });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return exportFile(
    { columns: integrationColumns, filename: 'integrationer', sheetName: 'Integrationer' },
    records,
    format,
  );
}
