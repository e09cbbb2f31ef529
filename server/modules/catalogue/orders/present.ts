import type {
  KonteringCode,
  KonteringDimension,
  Order,
  OrderStatus,
  Subscription,
} from '../../../../shared/catalogue/orders.ts';
import type { Actor } from '../../../platform/context.ts';
import { iso } from '../../../platform/http.ts';
import { cataloguePolicy } from '../policy.ts';
import {
  type KonteringCodeRow,
  type OrderView,
  orderCan,
  type SubscriptionView,
  subscriptionCan,
} from './service.ts';

// Rows → API shapes for a reader, with what the reader may do (`can`).

export function presentCode(row: KonteringCodeRow, reader: Actor, chain: readonly string[]): KonteringCode {
  const keeps = cataloguePolicy.attestFor(reader, chain) && row.archivedAt === null;
  return {
    id: row.id,
    unitId: row.unitId,
    dimension: row.dimension as KonteringDimension,
    code: row.code,
    name: row.name,
    archivedAt: iso(row.archivedAt),
    version: row.version,
    can: { update: keeps, archive: keeps },
  };
}

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function presentOrder(o: OrderView, reader: Actor): Order {
  return {
    id: o.id,
    offering: { id: o.offeringId, name: o.offeringName },
    unit: { id: o.unitId, name: o.unitName },
    forPerson: ref(o.forPersonId, o.forPersonName),
    orderedBy: ref(o.orderedById, o.orderedByName),
    quantity: o.quantity,
    kontering: {
      costCentre: o.costCentre,
      account: o.account,
      activity: o.activity,
      counterpart: o.counterpart,
    },
    note: o.note,
    orderAnswers: o.orderAnswers,
    approval: o.approval,
    status: o.status as OrderStatus,
    decidedBy: ref(o.decidedById, o.decidedByName),
    decidedAt: iso(o.decidedAt),
    decisionReason: o.decisionReason,
    ticket: o.ticketId && o.ticketNumber ? { id: o.ticketId, number: o.ticketNumber } : null,
    deliveredOn: o.deliveredOn,
    subscriptionId: o.subscriptionId,
    createdAt: iso(o.createdAt),
    version: o.version,
    can: orderCan(reader, o),
  };
}

export function presentSubscription(v: SubscriptionView, reader: Actor): Subscription {
  return {
    id: v.id,
    offering: { id: v.offeringId, name: v.offeringName },
    unit: { id: v.unitId, name: v.unitName },
    person: ref(v.personId, v.personName),
    quantity: v.quantity,
    kontering: {
      costCentre: v.costCentre,
      account: v.account,
      activity: v.activity,
      counterpart: v.counterpart,
    },
    orderId: v.orderId,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    version: v.version,
    can: subscriptionCan(reader, v),
  };
}
