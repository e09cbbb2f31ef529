import { eq, inArray, isNull } from 'drizzle-orm';
import type { SystemImportReport } from '../../../../shared/registry/import.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { people, roleAssignments, units } from '../../../platform/directory/schema.ts';
import { isUniqueViolation, problems } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { inTenant, type TenantScope } from '../../../platform/tenancy.ts';
import { DEFAULT_LIMITS, ImportErrors, readRows, readSheet } from '../../../platform/transfer/index.ts';
import { suppliers } from '../suppliers/schema.ts';
import { appointRolesIn } from '../systems/roles/service.ts';
import { systems } from '../systems/schema.ts';
import { importColumns } from './columns.ts';
import {
  cellErrors,
  chooseColumns,
  chosenSheet,
  type ImportContext,
  planSystems,
  type SystemPlan,
} from './plan.ts';

// The import of a systemkarta (CSV or XLSX): read the file with the platform's transfer engine,
// choose the columns, plan against the tenant's register in the import's transaction, and write
// the whole plan or nothing. A dry run answers the same report and writes nothing; a real import
// with any error answers 400 listing every error as `line N.field` and writes nothing.
//
// The writers below write registry_systems and registry_suppliers inside the import's one
// transaction (the systems and suppliers services open their own), exactly as the plan says, with
// an audit event per record, like the directory's import-service.ts.

export interface SystemImportOptions {
  dryRun: boolean;
  /** Header → field ('' ignores the column), overriding the automatic match. */
  mapping?: Record<string, string>;
}

async function load(s: TenantScope): Promise<ImportContext> {
  const [systemRows, unitRows, peopleRows, supplierRows, grantRows] = await Promise.all([
    s.tx.select().from(systems).where(s.where(systems)),
    s.tx
      .select({ id: units.id, name: units.name, costCentre: units.costCentre, archivedAt: units.archivedAt })
      .from(units)
      .where(s.where(units)),
    s.tx
      .select({
        id: people.id,
        givenName: people.givenName,
        familyName: people.familyName,
        email: people.email,
      })
      .from(people)
      .where(s.where(people, isNull(people.archivedAt))),
    s.tx
      .select({ id: suppliers.id, name: suppliers.name, archivedAt: suppliers.archivedAt })
      .from(suppliers)
      .where(s.where(suppliers)),
    s.tx
      .select({
        role: roleAssignments.role,
        scopeId: roleAssignments.scopeId,
        personId: roleAssignments.personId,
      })
      .from(roleAssignments)
      .where(
        s.where(
          roleAssignments,
          eq(roleAssignments.scope, 'system'),
          inArray(roleAssignments.role, ['systemOwner', 'systemManager']),
          isNull(roleAssignments.revokedAt),
        ),
      ),
  ]);
  return {
    systems: systemRows,
    units: unitRows,
    people: peopleRows,
    suppliers: supplierRows,
    grants: new Set(grantRows.map((g) => `${g.role}:${g.scopeId}:${g.personId}`)),
  };
}

const collided = () =>
  problems.conflict(
    'Someone else changed the same systems during the import; nothing was written. Import the file again.',
  );

async function apply(s: TenantScope, plan: SystemPlan) {
  try {
    await s.insertMany(suppliers, plan.suppliers, { audit: 'supplier' });
    await s.insertMany(systems, plan.creates, { audit: 'system' });
    const now = new Date();
    for (const { before, changes } of plan.updates) {
      // The version guard: a system changed since the plan was made is not overwritten.
      const [after] = await s
        .update(
          systems,
          { ...changes, version: before.version + 1, updatedAt: now },
          eq(systems.id, before.id),
          eq(systems.version, before.version),
        )
        .returning();
      if (!after) throw collided();
      await s.audit({ entity: 'system', entityId: before.id, action: 'update', before, after });
    }
  } catch (error) {
    if (isUniqueViolation(error)) throw collided();
    throw error;
  }
  // Owners and förvaltare the file names become registry system roles from today, in this same
  // transaction; the plan has left out those who already hold the role in effect.
  if (plan.grants.length > 0)
    await appointRolesIn(
      s,
      plan.grants.map((g) => ({ systemId: g.systemId, kind: g.role, personId: g.personId })),
    );
}

/** Imports a systemkarta, all or nothing; answers what each row did (or would do, dry run). */
export async function importSystems(
  db: Database,
  actor: Actor,
  file: Buffer,
  options: SystemImportOptions,
): Promise<SystemImportReport> {
  const sheet = await readSheet(file, DEFAULT_LIMITS);
  const fileErrors: SystemImportReport['errors'] = [];
  const columns = chooseColumns(sheet, options.mapping, fileErrors);
  const cells = new ImportErrors();
  const hasName = columns.some((c) => c.field === 'name');
  const rows = hasName ? readRows(chosenSheet(sheet, columns), importColumns, cells) : [];
  return inTenant(db, actor, async (s) => {
    const plan = planSystems(rows, await load(s), cellErrors(cells), newId);
    const errors = [...fileErrors, ...plan.errors];
    if (!options.dryRun && errors.length > 0) {
      const detail = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in the file. Nothing was imported.`;
      throw problems.validation(
        errors.map((e) => ({
          path: `${e.line === null ? 'file' : `line ${e.line}`}${e.field ? `.${e.field}` : ''}`,
          message: e.message,
        })),
        detail,
      );
    }
    if (!options.dryRun) await apply(s, plan);
    const created = new Set(plan.creates.map((c) => c.id));
    const count = (action: string) => plan.rows.filter((r) => r.action === action).length;
    return {
      dryRun: options.dryRun,
      written: !options.dryRun,
      columns: columns.map((c) => ({ index: c.index, header: c.header, field: c.field, source: c.source })),
      counts: {
        create: count('create'),
        update: count('update'),
        unchanged: count('unchanged'),
        merged: count('merged'),
        error: count('error'),
      },
      suppliersCreated: plan.suppliers.map((p) => p.name),
      // A system a dry run would create has no id yet.
      rows: plan.rows.map((r) => ({
        ...r,
        systemId: options.dryRun && r.systemId && created.has(r.systemId) ? null : r.systemId,
      })),
      errors,
    };
  });
}
