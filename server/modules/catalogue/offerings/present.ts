import {
  type ApprovalRule,
  type Family,
  type FamilyService,
  monthOf,
  type Offering,
  type PeriodKind,
  type PriceModel,
  type PriceUnit,
  type Pricing,
  type RateCard,
  type RateCardView,
  withVat,
} from '../../../../shared/catalogue/offerings.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { cataloguePolicy } from '../policy.ts';
import {
  currentCard,
  type FamilyServiceView,
  type FamilyView,
  type OfferingView,
  type RateCardRow,
} from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`). The internal price is
// shown to those who may see it; the external one (with moms 25 %) to those who may see that.

const actions = (reader: Actor, active: boolean) => {
  const manage = cataloguePolicy.manage(reader);
  return { update: manage && active, archive: manage && active, restore: manage && !active };
};

export function presentFamily(row: FamilyView, reader: Actor): Family {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    serviceCount: row.serviceCount,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: actions(reader, row.archivedAt === null),
  };
}

export function presentFamilyService(row: FamilyServiceView, reader: Actor): FamilyService {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    family: { id: row.familyId, name: row.familyName },
    serviceLevel: row.serviceLevelId ? { id: row.serviceLevelId, name: row.serviceLevelName ?? '' } : null,
    orderable: row.orderable,
    offeringCount: row.offeringCount,
    deskArchived: row.deskArchived,
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: actions(reader, row.archivedAt === null),
  };
}

function cardView(row: RateCardRow, reader: Actor): RateCardView {
  const internal = cataloguePolicy.seeInternal(reader);
  const external = cataloguePolicy.seeExternal(reader);
  const ext = row.externalPrice ?? row.internalPrice;
  return {
    id: row.id,
    startsOn: row.startsOn,
    periodKind: row.periodKind as PeriodKind,
    internalPrice: internal ? row.internalPrice : null,
    externalPrice: external ? ext : null,
    externalPriceWithVat: external && ext !== null ? withVat(ext) : null,
    totalCost: internal ? row.totalCost : null,
    note: row.note,
    archivedAt: iso(row.archivedAt),
    version: row.version,
  };
}

export function presentRateCard(row: RateCardRow, reader: Actor): RateCard {
  const active = row.archivedAt === null;
  const manage = cataloguePolicy.manage(reader);
  return {
    ...cardView(row, reader),
    offeringId: row.offeringId,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: { update: manage && active, archive: manage && active },
  };
}

export function presentOffering(row: OfferingView, reader: Actor, today = new Date()): Offering {
  const active = row.archivedAt === null;
  const manage = cataloguePolicy.manage(reader);
  const current = currentCard(row.rateCards, monthOf(today.toISOString().slice(0, 10)));
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    service: { id: row.serviceId, name: row.serviceName },
    family: { id: row.familyId, name: row.familyName },
    priceModel: row.priceModel as PriceModel,
    priceUnit: row.priceUnit as PriceUnit | null,
    pricing: row.pricing as Pricing,
    approval: row.approval as ApprovalRule,
    approvalRole: row.approvalRole,
    orderService: row.orderServiceId ? { id: row.orderServiceId, name: row.orderServiceName ?? '' } : null,
    serviceLevel: row.serviceLevelId ? { id: row.serviceLevelId, name: row.serviceLevelName ?? '' } : null,
    allUnits: row.allUnits,
    units: row.units,
    partners: row.partners,
    current: current ? cardView(current, reader) : null,
    rateCards: row.rateCards.map((c) => cardView(c, reader)),
    archivedAt: iso(row.archivedAt),
    archiveReason: row.archiveReason,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    can: {
      ...actions(reader, active),
      price: manage && active,
      seeInternal: cataloguePolicy.seeInternal(reader),
    },
  };
}
