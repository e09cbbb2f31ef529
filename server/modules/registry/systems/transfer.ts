import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { SystemListQuery } from '../../../../shared/registry/systems.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people, units } from '../../../platform/directory/schema.ts';
import { column, type ExportFile, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { suppliers } from '../suppliers/schema.ts';
import { systemRoles } from './roles/schema.ts';
import { stockholmToday } from './roles/service.ts';
import { allSystems } from './service.ts';

// The systems list as a file (CSV or XLSX through the platform's transfer engine, formula-safe):
// the list's filters and order, every field, names instead of ids, and who answers for each.

const text = z.string();
const labels = {
  scope: { shared: 'Kommungemensamt', business: 'Verksamhetsspecifikt', platform: 'Teknisk plattform' },
  phase: {
    idea: 'Idé',
    procurement: 'Upphandling',
    implementation: 'Införande',
    operation: 'Drift',
    phaseOut: 'Avveckling',
    retired: 'Avvecklat',
  },
  operationForm: {
    itUnit: 'IT-enheten',
    supplierHosted: 'Leverantörens drift',
    saas: 'SaaS',
    otherMunicipality: 'Annan kommun',
  },
  criticality: { low: 'Låg', medium: 'Medel', high: 'Hög', critical: 'Kritisk' },
  timeAssessment: { tolerate: 'Tolerera', invest: 'Investera', migrate: 'Migrera', eliminate: 'Avveckla' },
} as const;
const label = (map: Record<string, string>) => (v: string) => map[v] ?? v;
const yes = (v: boolean) => (v ? 'ja' : 'nej');

const systemColumns = [
  column({ key: 'name', sv: 'namn', en: 'name', parse: text }),
  column({ key: 'shortName', sv: 'kortnamn', en: 'shortName', parse: text }),
  column({ key: 'description', sv: 'beskrivning', en: 'description', parse: text }),
  column({ key: 'scope', sv: 'omfattning', en: 'scope', parse: text, format: label(labels.scope) }),
  column({ key: 'category', sv: 'kategori', en: 'category', parse: text }),
  column({ key: 'owningUnit', sv: 'ägande enhet', en: 'owningUnit', parse: text }),
  column({ key: 'usingUnits', sv: 'användande enheter', en: 'usingUnits', parse: text }),
  column({ key: 'phase', sv: 'fas', en: 'phase', parse: text, format: label(labels.phase) }),
  column({ key: 'inOperationFrom', sv: 'i drift från', en: 'inOperationFrom', parse: text }),
  column({ key: 'phaseOutFrom', sv: 'avveckling från', en: 'phaseOutFrom', parse: text }),
  column({ key: 'retiredOn', sv: 'avvecklat', en: 'retiredOn', parse: text }),
  column({
    key: 'operationForm',
    sv: 'driftform',
    en: 'operationForm',
    parse: text,
    format: label(labels.operationForm),
  }),
  column({
    key: 'criticality',
    sv: 'kritikalitet',
    en: 'criticality',
    parse: text,
    format: label(labels.criticality),
  }),
  column({
    key: 'timeAssessment',
    sv: 'TIME',
    en: 'timeAssessment',
    parse: text,
    format: label(labels.timeAssessment),
  }),
  column({ key: 'timeMotivation', sv: 'TIME-motivering', en: 'timeMotivation', parse: text }),
  column({ key: 'supplier', sv: 'leverantör', en: 'supplier', parse: text }),
  column({ key: 'product', sv: 'produkt', en: 'product', parse: text }),
  column({ key: 'productVersion', sv: 'version', en: 'productVersion', parse: text }),
  column({ key: 'eService', sv: 'e-tjänst', en: 'eService', parse: z.boolean(), format: yes }),
  column({ key: 'ownDeveloped', sv: 'egenutvecklat', en: 'ownDeveloped', parse: z.boolean(), format: yes }),
  column({ key: 'productCouncil', sv: 'produktråd', en: 'productCouncil', parse: text }),
  column({ key: 'owners', sv: 'systemägare', en: 'systemOwners', parse: text }),
  column({ key: 'managers', sv: 'systemförvaltare', en: 'systemManagers', parse: text }),
  column({ key: 'tags', sv: 'taggar', en: 'tags', parse: text }),
  column({ key: 'links', sv: 'länkar', en: 'links', parse: text }),
] as const;

export async function exportSystems(
  db: Database,
  actor: Actor,
  query: Partial<SystemListQuery>,
  format: ExportFormat,
): Promise<ExportFile> {
  const rows = await allSystems(db, actor, query);
  const ids = rows.map((r) => r.id);
  const unitIds = [
    ...new Set(rows.flatMap((r) => [r.owningUnitId, ...r.usingUnits.map((u) => u.unitId)])),
  ].filter((id): id is string => id !== null);
  const supplierIds = [...new Set(rows.map((r) => r.supplierId))].filter((id): id is string => id !== null);
  // One query each for the names of units, suppliers and today's owners and förvaltare.
  const unitNames = new Map(
    unitIds.length
      ? (
          await db
            .select({ id: units.id, name: units.name })
            .from(units)
            .where(and(eq(units.tenantId, actor.tenantId), inArray(units.id, unitIds)))
        ).map((u) => [u.id, u.name])
      : [],
  );
  const supplierNames = new Map(
    supplierIds.length
      ? (
          await db
            .select({ id: suppliers.id, name: suppliers.name })
            .from(suppliers)
            .where(and(eq(suppliers.tenantId, actor.tenantId), inArray(suppliers.id, supplierIds)))
        ).map((s) => [s.id, s.name])
      : [],
  );
  const day = stockholmToday();
  const holders = ids.length
    ? await db
        .select({
          systemId: systemRoles.systemId,
          kind: systemRoles.kind,
          name: sql<string>`${people.givenName} || ' ' || ${people.familyName}`,
        })
        .from(systemRoles)
        .innerJoin(
          people,
          and(eq(people.tenantId, systemRoles.tenantId), eq(people.id, systemRoles.personId)),
        )
        .where(
          and(
            eq(systemRoles.tenantId, actor.tenantId),
            inArray(systemRoles.systemId, ids),
            inArray(systemRoles.kind, ['systemOwner', 'systemManager']),
            sql`${systemRoles.validFrom} <= ${day}::date and (${systemRoles.validTo} is null or ${systemRoles.validTo} >= ${day}::date)`,
            sql`${people.archivedAt} is null`,
          ),
        )
        .orderBy(people.sortName)
    : [];
  const holdersOf = (systemId: string, kind: string) =>
    holders
      .filter((h) => h.systemId === systemId && h.kind === kind)
      .map((h) => h.name)
      .join('; ');
  const records = rows.map((r) => ({
    ...r,
    owningUnit: r.owningUnitId ? (unitNames.get(r.owningUnitId) ?? null) : null,
    usingUnits: r.usingUnits
      .map((u) => `${unitNames.get(u.unitId) ?? u.unitId}${u.users === null ? '' : ` (${u.users})`}`)
      .join('; '),
    supplier: r.supplierId ? (supplierNames.get(r.supplierId) ?? null) : null,
    owners: holdersOf(r.id, 'systemOwner'),
    managers: holdersOf(r.id, 'systemManager'),
    tags: r.tags.join('; '),
    links: r.links.map((l) => `${l.label} <${l.url}>`).join('; '),
  }));
  return exportFile({ columns: systemColumns, filename: 'system', sheetName: 'System' }, records, format);
}
