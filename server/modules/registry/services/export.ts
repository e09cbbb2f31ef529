import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { ServiceListQuery } from '../../../../shared/registry/services.ts';
import { line } from '../../../../shared/text.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people, units } from '../../../platform/directory/schema.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { suppliers } from '../suppliers/schema.ts';
import { levelsFor } from './present.ts';
import { listServices, type ServiceWithSystems } from './service.ts';

// The list of services and APIs as CSV or XLSX (formula-safe through the transfer engine), with
// the list's filters. K/R/T cells are left empty where the reader may not read the levels, and
// the column "K/R/T satt" says only that they exist.

const text = line(4000);
const kindLabels = { service: 'tjänst', api: 'API' } as const;
const hostingLabels = {
  itUnit: 'IT-enheten',
  supplierHosted: 'leverantörens drift',
  saas: 'SaaS',
  otherMunicipality: 'annan kommun',
} as const;
const phaseLabels = {
  idea: 'idé',
  procurement: 'upphandling',
  implementation: 'införande',
  operation: 'i drift',
  phaseOut: 'under avveckling',
  retired: 'avvecklat',
} as const;

const columns = [
  column({ key: 'name', sv: 'namn', en: 'name', parse: text }),
  column({ key: 'kind', sv: 'typ', en: 'kind', parse: text }),
  column({ key: 'description', sv: 'beskrivning', en: 'description', parse: text }),
  column({ key: 'owner', sv: 'ägare', en: 'owner', parse: text }),
  column({ key: 'owningUnit', sv: 'ägande förvaltning', en: 'owning unit', parse: text }),
  column({ key: 'hosting', sv: 'drift', en: 'hosting', parse: text }),
  column({ key: 'supplier', sv: 'leverantör', en: 'supplier', parse: text }),
  column({ key: 'confidentiality', sv: 'konfidentialitet', en: 'confidentiality', parse: z.number() }),
  column({ key: 'integrity', sv: 'riktighet', en: 'integrity', parse: z.number() }),
  column({ key: 'availability', sv: 'tillgänglighet', en: 'availability', parse: z.number() }),
  column({
    key: 'hasLevels',
    sv: 'K/R/T satt',
    en: 'levels set',
    parse: z.boolean(),
    format: (v: boolean) => (v ? 'ja' : 'nej'),
  }),
  column({ key: 'documentationUrl', sv: 'dokumentation', en: 'documentation', parse: text }),
  column({ key: 'apiVersion', sv: 'version', en: 'version', parse: text }),
  column({ key: 'phase', sv: 'livscykelfas', en: 'phase', parse: text }),
  column({ key: 'providers', sv: 'tillhandahålls av', en: 'provided by', parse: text }),
  column({ key: 'consumers', sv: 'används av', en: 'consumed by', parse: text }),
] as const;

const PAGE = 200;

export async function exportServices(
  db: Database,
  actor: Actor,
  query: Omit<ServiceListQuery, 'limit' | 'cursor' | 'sort' | 'order'> &
    Partial<Pick<ServiceListQuery, 'sort' | 'order'>>,
  format: ExportFormat,
) {
  const all: ServiceWithSystems[] = [];
  let cursor: string | undefined;
  do {
    const page = await listServices(db, actor, { ...query, limit: PAGE, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const ids = (pick: (s: ServiceWithSystems) => string | null) => [
    ...new Set(all.map(pick).filter((v): v is string => v !== null)),
  ];
  const [owners, unitRows, supplierRows] = await Promise.all([
    namesOf(
      db,
      actor,
      people,
      ids((s) => s.ownerId),
      (p) => `${p.givenName} ${p.familyName} <${p.email}>`,
    ),
    namesOf(
      db,
      actor,
      units,
      ids((s) => s.owningUnitId),
      (u) => u.name,
    ),
    namesOf(
      db,
      actor,
      suppliers,
      ids((s) => s.supplierId),
      (u) => u.name,
    ),
  ]);
  const records = all.map((s) => {
    const levels = levelsFor(s, actor);
    return {
      name: s.name,
      kind: kindLabels[s.kind as keyof typeof kindLabels] ?? s.kind,
      description: s.description,
      owner: s.ownerId ? (owners.get(s.ownerId) ?? null) : null,
      owningUnit: s.owningUnitId ? (unitRows.get(s.owningUnitId) ?? null) : null,
      hosting: s.hosting ? (hostingLabels[s.hosting as keyof typeof hostingLabels] ?? s.hosting) : null,
      supplier: s.supplierId ? (supplierRows.get(s.supplierId) ?? null) : null,
      ...levels,
      documentationUrl: s.documentationUrl,
      apiVersion: s.apiVersion,
      phase: phaseLabels[s.phase as keyof typeof phaseLabels] ?? s.phase,
      providers: s.systems
        .filter((l) => l.role === 'provides')
        .map((l) => l.name)
        .join(', '),
      consumers: s.systems
        .filter((l) => l.role === 'consumes')
        .map((l) => l.name)
        .join(', '),
    };
  });
  return exportFile({ columns, filename: 'tjanster', sheetName: 'Tjänster och API:er' }, records, format);
}

/** Names of the rows with these ids, in one query. */
async function namesOf<T extends typeof people | typeof units | typeof suppliers>(
  db: Database,
  actor: Actor,
  table: T,
  ids: string[],
  name: (row: T['$inferSelect']) => string,
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await db
    .select()
    .from(table as typeof people)
    .where(and(eq(table.tenantId, actor.tenantId), inArray(table.id, ids)))) as T['$inferSelect'][];
  return new Map(rows.map((r) => [r.id, name(r)]));
}
