import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { inTenant, readScope } from '../../../platform/tenancy.ts';
import { suppliers } from './schema.ts';

// The rules of suppliers: the only writer of ./schema.ts.

export type SupplierRow = typeof suppliers.$inferSelect;

export function createSupplier(
  db: Database,
  actor: Actor,
  input: { name: string; orgNumber?: string | null },
): Promise<SupplierRow> {
  return inTenant(db, actor, async (s) => {
    const [row] = await s
      .insert(suppliers, { id: newId(), name: input.name, orgNumber: input.orgNumber ?? null })
      .returning();
    await s.audit({ entity: 'supplier', entityId: row!.id, action: 'create', after: row });
    return row!;
  });
}

export async function findSupplier(db: Database, actor: Actor, id: string) {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(suppliers)
    .where(s.where(suppliers, eq(suppliers.id, id)));
  return row;
}
