import type { QualityItem, QualitySeverity } from '../../../../shared/registry/quality.ts';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../platform/context.ts';

/**
 * One check of the data-quality dashboard, owned by the part whose records it judges (systems,
 * integrations, contracts …) and registered on that part as `quality`. `run` counts in SQL and
 * returns the first `limit` records, in the tenant of the actor.
 */
export interface QualityCheck {
  id: string;
  severity: QualitySeverity;
  /** Who may see this check's records (contracts are for staff only); everyone signed in if absent. */
  readable?: (actor: Actor) => boolean;
  run(db: Database, actor: Actor, limit: number): Promise<{ count: number; items: QualityItem[] }>;
}

/** Splits the rows of a `count(*) over ()` query into the count and the items. */
export function countedItems(
  rows: { total: number; id: string; name: string; detail: string | null }[],
  href: (id: string) => string,
) {
  return {
    count: rows[0]?.total ?? 0,
    items: rows.map((r) => ({ id: r.id, name: r.name, href: href(r.id), detail: r.detail })),
  };
}
