import { and, eq, isNull } from 'drizzle-orm';
import {
  type ExportSettingsUpdate,
  type LedgerLayout,
  presetLayouts,
} from '../../../../shared/catalogue/exports.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { units } from '../../../platform/directory/schema.ts';
import { problems } from '../../../platform/errors.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { exportSettings } from './schema.ts';

// A tenant's export settings: the voucher series, the IT unit's income account and cost centre,
// the default account, and the ledger layout. Until a tenant saves them, the defaults hold (series
// IT, the Raindance preset) and the accounts are unset: a finance export then answers 409 and
// says which setting is missing, rather than guessing at a municipality's chart of accounts.

export const SETTINGS = 'catalogueExportSettings';

export interface ExportConfig {
  series: string;
  incomeAccount: string | null;
  itUnit: { id: string; name: string; costCentre: string | null } | null;
  defaultAccount: string | null;
  layout: LedgerLayout;
  version: number;
}

export async function getExportConfig(db: Executor, tenantId: string): Promise<ExportConfig> {
  const [row] = await db
    .select({
      settings: exportSettings,
      unit: { id: units.id, name: units.name, costCentre: units.costCentre },
    })
    .from(exportSettings)
    .leftJoin(units, and(eq(units.tenantId, exportSettings.tenantId), eq(units.id, exportSettings.itUnitId)))
    .where(eq(exportSettings.tenantId, tenantId));
  if (!row)
    return {
      series: 'IT',
      incomeAccount: null,
      itUnit: null,
      defaultAccount: null,
      layout: presetLayouts.raindance,
      version: 0,
    };
  const s = row.settings;
  return {
    series: s.series,
    incomeAccount: s.incomeAccount,
    itUnit: row.unit?.id ? row.unit : null,
    defaultAccount: s.defaultAccount,
    layout: s.layout,
    version: s.version,
  };
}

/** What a finance export still lacks, by field; empty when it can be written. */
export function missingSettings(c: ExportConfig): string[] {
  const missing: string[] = [];
  if (!c.incomeAccount) missing.push('incomeAccount');
  if (!c.itUnit) missing.push('itUnitId');
  else if (!c.itUnit.costCentre) missing.push('itUnitId.costCentre');
  return missing;
}

export function updateExportSettings(db: Database, actor: Actor, input: ExportSettingsUpdate) {
  return inTenant(db, actor, async (s) => {
    if (input.itUnitId) {
      const [unit] = await s.tx
        .select({ id: units.id })
        .from(units)
        .where(s.where(units, and(eq(units.id, input.itUnitId), isNull(units.archivedAt))));
      if (!unit) throw problems.field('body.itUnitId', 'No such unit');
    }
    // A preset's columns are the preset's: only a custom layout keeps the columns sent.
    const layout = input.layout.preset === 'custom' ? input.layout : presetLayouts[input.layout.preset];
    const values = {
      series: input.series,
      incomeAccount: input.incomeAccount,
      itUnitId: input.itUnitId,
      defaultAccount: input.defaultAccount,
      layout,
    };
    const [before] = await s.tx.select().from(exportSettings).where(s.where(exportSettings)).for('update');
    if (!before) {
      if (input.version !== 0) throw problems.versionConflict(0);
      const [after] = await s.tx
        .insert(exportSettings)
        .values({ tenantId: s.tenantId, ...values })
        .onConflictDoNothing()
        .returning();
      // Two first saves at once: the second finds the first's row.
      if (!after) throw problems.versionConflict(1);
      await s.audit({ entity: SETTINGS, entityId: s.tenantId, action: 'create', after });
      return after;
    }
    assertVersion(before, input.version, SETTINGS);
    const [after] = await s
      .update(exportSettings, { ...values, version: input.version + 1, updatedAt: new Date() }, undefined)
      .returning();
    await s.audit({ entity: SETTINGS, entityId: s.tenantId, action: 'update', before, after });
    return after!;
  });
}
