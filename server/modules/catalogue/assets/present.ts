import {
  type Asset,
  type AssetKind,
  type AssetState,
  bookValue,
  type InvestmentBudget,
  mayTransition,
} from '../../../../shared/catalogue/assets.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { todayInStockholm } from '../../registry/contracts/reminders.ts';
import { cataloguePolicy } from '../policy.ts';
import type { AssetView, BudgetRow } from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`): the keepers change, issue,
// return and scrap; the state says which of those the asset allows now. The rent is the internal
// price of the offering's card this month, shown to those who may see internal prices.

export function presentAsset(row: AssetView, reader: Actor): Asset {
  const active = row.archivedAt === null;
  const manage = cataloguePolicy.manageAssets(reader) && active;
  const state = row.state as AssetState;
  return {
    id: row.id,
    serial: row.serial,
    model: row.model,
    kind: row.kind as AssetKind,
    offering: { id: row.offeringId, name: row.offeringName },
    purchaseValue: row.purchaseValue,
    purchasedOn: row.purchasedOn,
    depreciationMonths: row.depreciationMonths,
    replacementDueOn: row.replacementDueOn,
    bookValue: bookValue(row.purchaseValue, row.purchasedOn, row.depreciationMonths, todayInStockholm()),
    monthlyRent: cataloguePolicy.seeInternal(reader) ? (row.card?.internalPrice ?? null) : null,
    state,
    unit: row.unitId ? { id: row.unitId, name: row.unitName ?? '' } : null,
    person: row.personId ? { id: row.personId, name: row.personName ?? '' } : null,
    issuedOn: row.issuedOn,
    returnedOn: row.returnedOn,
    scrappedOn: row.scrappedOn,
    scrapReason: row.scrapReason,
    note: row.note,
    assignments: row.assignments.map((a) => ({
      id: a.id,
      unit: { id: a.unitId, name: a.unitName },
      person: a.personId ? { id: a.personId, name: a.personName ?? '' } : null,
      fromOn: a.fromOn,
      toOn: a.toOn,
    })),
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      update: manage,
      archive: manage && state !== 'issued',
      restore: cataloguePolicy.manageAssets(reader) && !active,
      issue: manage && mayTransition('issue', state),
      return: manage && mayTransition('return', state),
      scrap: manage && mayTransition('scrap', state),
    },
  };
}

export function presentBudget(row: BudgetRow): InvestmentBudget {
  return {
    year: row.year,
    amount: row.amount,
    note: row.note,
    version: row.version,
    updatedAt: iso(row.updatedAt),
  };
}
