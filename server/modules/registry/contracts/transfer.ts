import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type {
  ContractListQuery,
  LicenceListQuery,
  SupplierListQuery,
} from '../../../../shared/registry/contracts.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people } from '../../../platform/directory/schema.ts';
import { everyPage } from '../../../platform/directory/transfer.ts';
import { column, type ExportFormat, exportFile } from '../../../platform/transfer/index.ts';
import { listSuppliers } from '../suppliers/service.ts';
import { systemRefs } from '../systems/service.ts';
import { listLicences } from './licences.ts';
import { annualCostOf } from './present.ts';
import { listContracts } from './service.ts';

// Exports of suppliers, contracts and licences as CSV or XLSX through the platform's engine (formula
// safe), with the filters of their lists. Money in kronor with two decimals, as a spreadsheet sums it.

type Export<Q> = Omit<Q, 'limit' | 'cursor'>;
const PAGE = 200;
const text = z.string();
const kronor = (ore: number | null) => (ore === null ? '' : (ore / 100).toFixed(2));

const supplierColumns = [
  column({ key: 'name', sv: 'namn', en: 'name', required: true, parse: text }),
  column({ key: 'orgNumber', sv: 'organisationsnummer', en: 'org number', parse: text }),
  column({ key: 'address', sv: 'adress', en: 'address', parse: text }),
  column({ key: 'phone', sv: 'telefon', en: 'phone', parse: text }),
  column({ key: 'email', sv: 'e-post', en: 'email', parse: text }),
  column({ key: 'website', sv: 'webbplats', en: 'website', parse: text }),
  column({ key: 'contactPerson', sv: 'kontaktperson', en: 'contact person', parse: text }),
  column({ key: 'notes', sv: 'anteckningar', en: 'notes', parse: text }),
] as const;

export async function exportSuppliers(
  db: Database,
  actor: Actor,
  query: Export<SupplierListQuery>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listSuppliers(db, actor, { ...query, limit: PAGE, cursor }));
  return exportFile(
    { columns: supplierColumns, filename: 'leverantorer', sheetName: 'Leverantörer' },
    rows,
    format,
  );
}

/** People's names by id, one query. */
async function personNames(db: Database, tenantId: string, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, wanted)));
  return new Map(rows.map((p) => [p.id, `${p.givenName} ${p.familyName}`]));
}

const money = (key: string, sv: string, en: string) =>
  column({ key, sv, en, parse: z.number().nullable(), format: (v: number | null) => kronor(v) });

const contractColumns = [
  column({ key: 'title', sv: 'avtal', en: 'contract', required: true, parse: text }),
  column({ key: 'contractNumber', sv: 'avtalsnummer', en: 'contract number', parse: text }),
  column({ key: 'supplierName', sv: 'leverantör', en: 'supplier', parse: text }),
  column({ key: 'startsOn', sv: 'startdatum', en: 'starts on', parse: text }),
  column({ key: 'endsOn', sv: 'slutdatum', en: 'ends on', parse: text }),
  column({ key: 'noticeMonths', sv: 'uppsägningstid (månader)', en: 'notice (months)', parse: text }),
  column({ key: 'noticeDeadline', sv: 'sista dag för uppsägning', en: 'notice deadline', parse: text }),
  column({ key: 'extensions', sv: 'förlängningsoptioner', en: 'extension options', parse: text }),
  column({ key: 'extendableUntil', sv: 'kan förlängas till', en: 'extendable until', parse: text }),
  money('annualValue', 'årligt värde (kr)', 'annual value (SEK)'),
  column({
    key: 'procurementReference',
    sv: 'upphandling/diarienummer',
    en: 'procurement reference',
    parse: text,
  }),
  column({ key: 'owner', sv: 'avtalsägare', en: 'owner', parse: text }),
  column({ key: 'systems', sv: 'system', en: 'systems', parse: text }),
  column({ key: 'dpaStatus', sv: 'personuppgiftsbiträdesavtal', en: 'DPA', parse: text }),
  column({ key: 'dpaSignedOn', sv: 'pub-avtal undertecknat', en: 'DPA signed on', parse: text }),
] as const;

const dpaText = { none: 'behövs inte', needed: 'saknas', signed: 'undertecknat' } as Record<string, string>;

export async function exportContracts(
  db: Database,
  actor: Actor,
  query: Export<ContractListQuery>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listContracts(db, actor, { ...query, limit: PAGE, cursor }));
  const owners = await personNames(
    db,
    actor.tenantId,
    rows.map((r) => r.ownerId),
  );
  const names = await systemRefs(
    db,
    actor.tenantId,
    rows.flatMap((r) => r.systemIds),
  );
  const records = rows.map((r) => ({
    ...r,
    extensions: r.extensionCount ? `${r.extensionCount} × ${r.extensionMonths ?? '?'} mån` : null,
    owner: r.ownerId ? (owners.get(r.ownerId) ?? null) : null,
    systems: r.systemIds.map((id) => names.get(id)?.name ?? id).join('; ') || null,
    dpaStatus: dpaText[r.dpaStatus] ?? r.dpaStatus,
  }));
  return exportFile({ columns: contractColumns, filename: 'avtal', sheetName: 'Avtal' }, records, format);
}

const licenceTypeText: Record<string, string> = {
  namedUser: 'namngiven användare',
  concurrentUser: 'samtidig användare',
  device: 'enhet',
  server: 'server',
  site: 'site',
  subscription: 'prenumeration',
};

const licenceColumns = [
  column({ key: 'systemName', sv: 'system', en: 'system', required: true, parse: text }),
  column({ key: 'contractTitle', sv: 'avtal', en: 'contract', parse: text }),
  column({ key: 'type', sv: 'licenstyp', en: 'type', parse: text }),
  column({ key: 'count', sv: 'antal', en: 'count', parse: text }),
  column({ key: 'used', sv: 'använda', en: 'used', parse: text }),
  money('cost', 'kostnad per period (kr)', 'cost per period (SEK)'),
  column({ key: 'period', sv: 'period', en: 'period', parse: text }),
  money('annualCost', 'kostnad per år (kr)', 'annual cost (SEK)'),
  column({ key: 'validFrom', sv: 'giltig från', en: 'valid from', parse: text }),
  column({ key: 'validTo', sv: 'giltig till', en: 'valid to', parse: text }),
  column({ key: 'note', sv: 'anteckning', en: 'note', parse: text }),
] as const;

export async function exportLicences(
  db: Database,
  actor: Actor,
  query: Export<LicenceListQuery>,
  format: ExportFormat,
) {
  const rows = await everyPage((cursor) => listLicences(db, actor, { ...query, limit: PAGE, cursor }));
  const records = rows.map((r) => ({
    ...r,
    type: licenceTypeText[r.type] ?? r.type,
    period: r.period === 'month' ? 'månad' : r.period === 'year' ? 'år' : null,
    annualCost: annualCostOf(r),
  }));
  return exportFile(
    { columns: licenceColumns, filename: 'licenser', sheetName: 'Licenser' },
    records,
    format,
  );
}
