import { inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { problems } from '../../platform/errors.ts';
import type { TenantScope, TenantTable } from '../../platform/tenancy.ts';

/** A field of a request body that names a record by id. */
export interface NamedId {
  id: string;
  field: string;
}

/**
 * Refuses ids that are not rows of `table` in the scope's tenant (and meet `conditions`), naming
 * the first such field: another tenant's id reads as no such record. One query however many.
 */
export async function checkIdsIn(
  s: TenantScope,
  table: TenantTable & { id: PgColumn },
  items: NamedId[],
  message: string,
  ...conditions: (SQL | undefined)[]
) {
  if (items.length === 0) return;
  const rows = (await s.tx
    .select({ id: table.id })
    .from(table)
    .where(
      s.where(
        table,
        inArray(
          table.id,
          items.map((i) => i.id),
        ),
        ...conditions,
      ),
    )) as { id: string }[];
  const found = new Set(rows.map((r) => r.id));
  for (const i of items) if (!found.has(i.id)) throw problems.field(i.field, message);
}
