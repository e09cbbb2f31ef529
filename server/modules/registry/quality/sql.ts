import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../../db/client.ts';
import type { QualityCheck } from './check.ts';
import { countedItems } from './check.ts';

/**
 * A check from one SELECT of `id, name, detail` over the actor's tenant (`${tenant}` in `select`),
 * in the order it gives: the count comes from a window over the same rows, so one query answers.
 */
export function sqlCheck(
  id: string,
  severity: QualityCheck['severity'],
  select: (tenantId: string, today: string) => SQL,
  href: (id: string) => string,
  readable?: QualityCheck['readable'],
): QualityCheck {
  return {
    id,
    severity,
    readable,
    async run(db, actor, limit) {
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
      const rows = rowsOf<{ total: number; id: string; name: string; detail: string | null }>(
        await db.execute(sql`
          select count(*) over ()::int as total, q.id, q.name, q.detail
          from (${select(actor.tenantId, today)}) q
          limit ${limit}`),
      );
      return countedItems(rows, href);
    },
  };
}
