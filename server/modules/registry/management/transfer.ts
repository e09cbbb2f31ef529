import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { ManagementObjectSort } from '../../../../shared/registry/management.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people } from '../../../platform/directory/schema.ts';
import { column, type ExportFile, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { systems } from '../systems/schema.ts';
import { listObjects, type ObjectWithSystems } from './service.ts';

// Förvaltningsobjekt as a file (CSV or XLSX): people and systems by name, formula-safe through the
// platform's writer. Not imported, so the columns are for reading.

const c = (key: string, sv: string, en: string) => column({ key, sv, en, parse: z.string() });

export const objectColumns = [
  c('name', 'förvaltningsobjekt', 'management object'),
  c('description', 'beskrivning', 'description'),
  c('owner', 'objektägare', 'object owner'),
  c('manager', 'förvaltningsledare', 'object manager'),
  c('systems', 'system', 'systems'),
  c('archived', 'arkiverad', 'archived'),
] as const;

export async function exportObjects(
  db: Database,
  actor: Actor,
  query: {
    search?: string;
    systemId?: string;
    personId?: string;
    includeArchived: boolean;
    sort?: ManagementObjectSort;
    order?: 'asc' | 'desc';
  },
  format: ExportFormat,
): Promise<ExportFile> {
  const rows: ObjectWithSystems[] = [];
  let cursor: string | undefined;
  do {
    const page = await listObjects(db, actor, { ...query, limit: 200, cursor });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const names = new Map<string, string>();
  const personIds = [
    ...new Set(rows.flatMap((r) => [r.ownerId, r.managerId]).filter((v): v is string => !!v)),
  ];
  const systemIds = [...new Set(rows.flatMap((r) => r.systemIds))];
  if (personIds.length > 0)
    for (const p of await db
      .select({ id: people.id, given: people.givenName, family: people.familyName })
      .from(people)
      .where(and(eq(people.tenantId, actor.tenantId), inArray(people.id, personIds))))
      names.set(p.id, `${p.given} ${p.family}`);
  if (systemIds.length > 0)
    for (const s of await db
      .select({ id: systems.id, name: systems.name })
      .from(systems)
      .where(and(eq(systems.tenantId, actor.tenantId), inArray(systems.id, systemIds))))
      names.set(s.id, s.name);
  const records = rows.map((r) => ({
    name: r.name,
    description: r.description,
    owner: r.ownerId ? names.get(r.ownerId) : null,
    manager: r.managerId ? names.get(r.managerId) : null,
    systems: r.systemIds.map((id) => names.get(id) ?? id).join('; '),
    archived: r.archivedAt ? 'Ja' : null,
  }));
  return exportFile(
    { columns: objectColumns, filename: 'forvaltningsobjekt', sheetName: 'Förvaltningsobjekt' },
    records,
    format,
  );
}
