import { eq } from 'drizzle-orm';
import {
  defaultRegistrationPatterns,
  type GovernanceSettingsUpdate,
} from '../../../../shared/governance/decisions.ts';
import type { Database, Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { inTenant } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { governanceSettings } from './schema.ts';

// The tenant's governance settings: the templates a diarienummer must follow. A tenant that never
// changed them has the default (`{series} {year}/{number}`, as `KS 2014/1341`), version 1.

export interface SettingsRow {
  registrationPatterns: string[];
  version: number;
  updatedAt: Date | null;
}

export async function governanceSettingsOf(db: Executor, tenantId: string): Promise<SettingsRow> {
  const [row] = await db.select().from(governanceSettings).where(eq(governanceSettings.tenantId, tenantId));
  return row ?? { registrationPatterns: defaultRegistrationPatterns, version: 1, updatedAt: null };
}

export function updateGovernanceSettings(db: Database, actor: Actor, input: GovernanceSettingsUpdate) {
  return inTenant(db, actor, async (s) => {
    const [row] = await s.tx
      .select()
      .from(governanceSettings)
      .where(s.where(governanceSettings))
      .for('update');
    const before: SettingsRow = row ?? {
      registrationPatterns: defaultRegistrationPatterns,
      version: 1,
      updatedAt: null,
    };
    assertVersion(before, input.version, 'governance settings');
    const values = {
      registrationPatterns: [...new Set(input.registrationPatterns)],
      version: before.version + 1,
      updatedAt: new Date(),
    };
    const after = await s.saveSettings(
      governanceSettings,
      { exists: !!row, version: before.version },
      values,
    );
    await s.audit({
      entity: 'governanceSettings',
      entityId: s.tenantId,
      action: 'update',
      before: { registrationPatterns: before.registrationPatterns },
      after: { registrationPatterns: after.registrationPatterns },
    });
    return after as SettingsRow;
  });
}

export async function governanceSettingsRefs(_db: Executor, tenantId: string, ids: readonly string[]) {
  return new Map(
    ids
      .filter((id) => id === tenantId)
      .map((id) => [
        id,
        { id, name: 'Inställningar för beslut', href: '/governance/settings', archived: false },
      ]),
  );
}
