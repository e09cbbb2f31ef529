import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { OrderAnswers } from '../../../../shared/desk/services.ts';
import { timestamptz as ts } from '../../../db/columns.ts';
import { people, tenants, units } from '../../../platform/directory/schema.ts';
import { tickets } from '../../desk/tickets/schema.ts';
import { offerings } from '../offerings/schema.ts';

// Kontering codes per unit, orders and subscriptions. Only ./service.ts writes them. The desk's
// request ticket of an order is referred to by id (the desk's table is the desk's; the ticket is
// made through its service function), with a foreign key so a ticket cannot be of another tenant.

const kontering = {
  costCentre: text('cost_centre').notNull(),
  account: text('account').notNull(),
  activity: text('activity'),
  counterpart: text('counterpart'),
};

/** The codes a unit may put in each dimension of the kontering (Kommun-Bas). */
export const konteringCodes = pgTable(
  'catalogue_kontering_codes',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** costCentre | account | activity | counterpart */
    dimension: text('dimension').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    archivedAt: ts('archived_at'),
    archiveReason: text('archive_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    index('catalogue_kontering_codes_list_idx').on(t.tenantId, t.unitId, t.dimension, t.code, t.id),
    uniqueIndex('catalogue_kontering_codes_key')
      .on(t.tenantId, t.unitId, t.dimension, t.code)
      .where(sql`archived_at is null`),
  ],
);

export const orders = pgTable(
  'catalogue_orders',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    offeringId: uuid('offering_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    forPersonId: uuid('for_person_id'),
    orderedById: uuid('ordered_by_id'),
    quantity: integer('quantity').notNull().default(1),
    ...kontering,
    note: text('note'),
    orderAnswers: jsonb('order_answers').$type<OrderAnswers>(),
    /** The offering's approval rule when ordered: none | budgetHolder | role */
    approval: text('approval').notNull(),
    /** awaitingApproval | rejected | inFulfilment | delivered */
    status: text('status').notNull(),
    decidedById: uuid('decided_by_id'),
    decidedAt: ts('decided_at'),
    decisionReason: text('decision_reason'),
    ticketId: uuid('ticket_id'),
    deliveredOn: date('delivered_on'),
    deliveredById: uuid('delivered_by_id'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.forPersonId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.orderedById], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id] }),
    // My orders and the attest queue, newest first (ascending index read backward).
    index('catalogue_orders_orderer_idx').on(t.tenantId, t.orderedById, t.id),
    index('catalogue_orders_person_idx').on(t.tenantId, t.forPersonId, t.id),
    index('catalogue_orders_status_idx').on(t.tenantId, t.status, t.unitId, t.id),
    // One order per ticket: the desk's request fulfils exactly one order.
    uniqueIndex('catalogue_orders_ticket_key').on(t.tenantId, t.ticketId),
  ],
);

export const subscriptions = pgTable(
  'catalogue_subscriptions',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    offeringId: uuid('offering_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    personId: uuid('person_id'),
    quantity: integer('quantity').notNull().default(1),
    ...kontering,
    orderId: uuid('order_id'),
    startsOn: date('starts_on').notNull(),
    /** The last day it is charged (a month's end when cancelled); null while it runs. */
    endsOn: date('ends_on'),
    endedById: uuid('ended_by_id'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }),
    // One subscription per order: a delivery repeated starts nothing twice.
    uniqueIndex('catalogue_subscriptions_order_key').on(t.tenantId, t.orderId),
    // "Active in a month" for the chargeback run: starts_on <= month end and (ends_on is null or
    // ends_on >= month start), by the start; the unit's list by unit.
    index('catalogue_subscriptions_active_idx').on(t.tenantId, t.startsOn, t.endsOn),
    index('catalogue_subscriptions_unit_idx').on(t.tenantId, t.unitId, t.id),
  ],
);
