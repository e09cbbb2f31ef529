import { z } from 'zod';
import type {
  ServiceLevelKind,
  ServiceLevelListQuery,
  ServiceListQuery,
  Target,
} from '../../../../shared/desk/services.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listLevels, listServices } from './service.ts';

// The lists of service levels and catalogue services as CSV or XLSX through the platform's engine
// (formula safe), with the filters of each list. Targets are written in business minutes, as the
// API has them; Swedish words for the kinds (the web app translates its own).

const text = z.string();
const count = z.coerce.number();

const kindNames: Record<ServiceLevelKind, string> = {
  service: 'Servicenivå',
  underpinning: 'Underleverantörsavtal',
};

const targetColumns = (['1', '2', '3', '4'] as const).flatMap((p) => [
  column({ key: `response${p}`, sv: `svar prio ${p} (min)`, en: `response p${p} (min)`, parse: count }),
  column({
    key: `resolution${p}`,
    sv: `lösning prio ${p} (min)`,
    en: `resolution p${p} (min)`,
    parse: count,
  }),
]);

const levelColumns = [
  column({ key: 'name', sv: 'namn', en: 'name', required: true, parse: text }),
  column({ key: 'kind', sv: 'typ', en: 'kind', parse: text }),
  column({ key: 'default', sv: 'standard', en: 'default', parse: text }),
  column({ key: 'calendar', sv: 'kalender', en: 'calendar', parse: text }),
  column({ key: 'clockStart', sv: 'klockan startar', en: 'clock starts', parse: text }),
  column({ key: 'warningPercent', sv: 'varning (%)', en: 'warning (%)', parse: count }),
  ...targetColumns,
  column({ key: 'contract', sv: 'avtal', en: 'contract', parse: text }),
  column({ key: 'supplier', sv: 'leverantör', en: 'supplier', parse: text }),
] as const;

const minutesOf = (t: Target, clock: 'response' | 'resolution') => t[clock] ?? '';

export async function exportLevels(
  db: Database,
  actor: Actor,
  query: Omit<ServiceLevelListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listLevels(db, actor, { ...query, limit: 200, cursor }));
  const records = rows.map((l) => ({
    name: l.name,
    kind: kindNames[l.kind as ServiceLevelKind],
    default: l.isDefault ? 'ja' : 'nej',
    calendar: l.calendarName ?? '',
    clockStart: l.clockStart === 'assignment' ? 'vid tilldelning' : 'när ärendet skapas',
    warningPercent: l.warningPercent,
    ...Object.fromEntries(
      (['1', '2', '3', '4'] as const).flatMap((p) => [
        [`response${p}`, minutesOf(l.targets[p], 'response')],
        [`resolution${p}`, minutesOf(l.targets[p], 'resolution')],
      ]),
    ),
    contract: l.contractTitle ?? '',
    supplier: l.supplierName ?? '',
  }));
  return exportFile(
    { columns: levelColumns, filename: 'servicenivaer', sheetName: 'Servicenivåer' },
    records,
    format,
  );
}

const serviceColumns = [
  column({ key: 'name', sv: 'namn', en: 'name', required: true, parse: text }),
  column({ key: 'group', sv: 'ärendegrupp', en: 'group', parse: text }),
  column({ key: 'level', sv: 'servicenivå', en: 'service level', parse: text }),
  column({ key: 'owner', sv: 'tjänsteägare', en: 'owner', parse: text }),
  column({ key: 'system', sv: 'system', en: 'system', parse: text }),
  column({ key: 'orderable', sv: 'beställningsbar', en: 'orderable', parse: text }),
  column({ key: 'fields', sv: 'fält i beställningen', en: 'order form fields', parse: count }),
  column({ key: 'description', sv: 'beskrivning', en: 'description', parse: text }),
] as const;

export async function exportServices(
  db: Database,
  actor: Actor,
  query: Omit<ServiceListQuery, 'limit' | 'cursor'>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listServices(db, actor, { ...query, limit: 200, cursor }));
  const records = rows.map((s) => ({
    name: s.name,
    group: s.groupName ?? '',
    level: s.serviceLevelName ?? '',
    owner: s.ownerName ?? '',
    system: s.systemName ?? '',
    orderable: s.orderable ? 'ja' : 'nej',
    fields: s.orderForm.length,
    description: s.description ?? '',
  }));
  return exportFile(
    { columns: serviceColumns, filename: 'tjanster', sheetName: 'Tjänster' },
    records,
    format,
  );
}
