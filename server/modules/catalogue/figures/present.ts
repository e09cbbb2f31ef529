import type { UnitBudgets } from '../../../../shared/catalogue/figures.ts';
import type { Actor } from '../../../platform/context.ts';
import { cataloguePolicy } from '../policy.ts';
import type { listUnitBudgets } from './service.ts';

// The answers of the figures' routes: what the caller may do beside what is shown.

export const figurePermissions = (actor: Actor) => ({
  setBudgets: cataloguePolicy.manage(actor),
  setSharing: cataloguePolicy.manage(actor),
});

export function presentBudgets(
  actor: Actor,
  year: number,
  rows: Awaited<ReturnType<typeof listUnitBudgets>>,
): UnitBudgets {
  return {
    year,
    items: rows.map((r) => ({
      unitId: r.unitId,
      unitName: r.unitName,
      amount: r.amount,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
    })),
    can: { update: cataloguePolicy.manage(actor) },
  };
}

export function presentSettings(actor: Actor, s: { shareFigures: boolean; version: number }) {
  return { shareFigures: s.shareFigures, version: s.version, can: { update: cataloguePolicy.manage(actor) } };
}
