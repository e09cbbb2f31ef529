import { eq } from 'drizzle-orm';
import {
  defaultDirectLimit,
  defaultLeadMonths,
  defaultWarnDays,
  type Procedure,
  type ProcurementSettingsUpdate,
} from '../../../../shared/portfolio/procurements.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { procurementSettings } from './schema.ts';

// The tenant's procurement settings: the direktupphandling limit (it changes with the law, so each
// tenant sets its own), the lead time of each procedure and when the plan warns. A tenant that
// never changed them has the defaults, version 1.

export interface SettingsRow {
  directLimit: number;
  leadMonths: Record<Procedure, number>;
  warnDays: number;
  version: number;
  updatedAt: Date | null;
}

const defaults = (): SettingsRow => ({
  directLimit: defaultDirectLimit,
  leadMonths: { ...defaultLeadMonths },
  warnDays: defaultWarnDays,
  version: 1,
  updatedAt: null,
});

const asRow = (row: typeof procurementSettings.$inferSelect): SettingsRow => ({
  ...row,
  leadMonths: { ...defaultLeadMonths, ...row.leadMonths } as Record<Procedure, number>,
});

export async function procurementSettingsOf(db: Executor, tenantId: string): Promise<SettingsRow> {
  const [row] = await db.select().from(procurementSettings).where(eq(procurementSettings.tenantId, tenantId));
  return row ? asRow(row) : defaults();
}

export function updateProcurementSettings(db: Database, actor: Actor, input: ProcurementSettingsUpdate) {
  return inTenant(db, actor, async (s) => {
    const [row] = await s.tx
      .select()
      .from(procurementSettings)
      .where(s.where(procurementSettings))
      .for('update');
    const before = row ? asRow(row) : defaults();
    assertVersion(before, input.version, 'procurement settings');
    const values = {
      directLimit: input.directLimit ?? before.directLimit,
      leadMonths: input.leadMonths ?? before.leadMonths,
      warnDays: input.warnDays ?? before.warnDays,
      version: before.version + 1,
      updatedAt: new Date(),
    };
    const after = await s.saveSettings(
      procurementSettings,
      { exists: !!row, version: before.version },
      values,
    );
    const { version: _v, updatedAt: _u, ...was } = before;
    await s.audit({
      entity: 'procurementSettings',
      entityId: s.tenantId,
      action: 'update',
      before: was,
      after: { directLimit: after.directLimit, leadMonths: after.leadMonths, warnDays: after.warnDays },
    });
    return asRow(after);
  });
}

export async function procurementSettingsRefs(_db: Executor, tenantId: string, ids: readonly string[]) {
  return new Map(
    ids
      .filter((id) => id === tenantId)
      .map((id) => [
        id,
        {
          id,
          name: 'Inställningar för upphandling',
          href: '/portfolio/procurements/settings',
          archived: false,
        },
      ]),
  );
}
