import { z } from 'zod';
import { orderAnswers } from '../desk/services.ts';
import { archiveBody, currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, multiline, requiredLine } from '../text.ts';

// Orders in the portal (issue 16 point 2), shared by server and web: the kontering codes each unit
// may use (Kommun-Bas: kostnadsställe, konto, aktivitet/projekt, motpart), an order of an offering
// for a person or a unit with its kontering and the answers to the offering's desk order form, the
// budget holder's attest, and the subscription that starts on delivery and ends at a month's end.

/** The kontering's dimensions. The unit's own cost centre (units.cost_centre) is always allowed. */
export const konteringDimensions = ['costCentre', 'account', 'activity', 'counterpart'] as const;
export type KonteringDimension = (typeof konteringDimensions)[number];

/** One code of a kontering dimension, as Kommun-Bas and the finance systems write them. */
export const konteringValue = z
  .string()
  .trim()
  .min(1, { message: 'Required' })
  .max(20)
  .regex(/^[0-9A-Za-z._-]+$/, { message: 'Only letters, digits, . _ -' });

export const konteringCodeCreate = z.strictObject({
  unitId: id,
  dimension: z.enum(konteringDimensions),
  code: konteringValue,
  name: requiredLine(120),
});
export type KonteringCodeCreate = z.infer<typeof konteringCodeCreate>;
export const konteringCodeUpdate = z.strictObject({ version, name: requiredLine(120) });
export type KonteringCodeUpdate = z.infer<typeof konteringCodeUpdate>;
export const konteringCodeArchive = archiveBody;
export const konteringCodeListQuery = z.strictObject({
  unitId: id.optional(),
  dimension: z.enum(konteringDimensions).optional(),
  limit: listQuery.shape.limit,
  cursor: listQuery.shape.cursor,
  includeArchived: listQuery.shape.includeArchived,
});
export type KonteringCodeListQuery = z.infer<typeof konteringCodeListQuery>;

export const konteringCode = z.object({
  id,
  unitId: id,
  dimension: z.enum(konteringDimensions),
  code: z.string(),
  name: z.string(),
  archivedAt: z.string().nullable(),
  version: currentVersion,
  can: permissions(['update', 'archive']),
});
export type KonteringCode = z.infer<typeof konteringCode>;

/** What a unit may put in each dimension: the choices of the order page. */
export const unitKontering = z.object({
  unit: z.object({ id, name: z.string(), costCentre: z.string().nullable() }),
  choices: z.object(
    Object.fromEntries(
      konteringDimensions.map((d) => [d, z.array(z.object({ code: z.string(), name: z.string() }))]),
    ) as Record<KonteringDimension, z.ZodArray<z.ZodObject<{ code: z.ZodString; name: z.ZodString }>>>,
  ),
  can: z.object({ manage: z.boolean() }),
});
export type UnitKontering = z.infer<typeof unitKontering>;

export const kontering = z.strictObject({
  costCentre: konteringValue,
  account: konteringValue,
  activity: konteringValue.nullable().optional(),
  counterpart: konteringValue.nullable().optional(),
});
export type Kontering = z.infer<typeof kontering>;

/** The message of a code the unit may not use, per dimension (the web app translates each). */
export const konteringMessages: Record<KonteringDimension, string> = {
  costCentre: "Not one of the unit's cost centres",
  account: "Not one of the unit's accounts",
  activity: "Not one of the unit's activities or projects",
  counterpart: "Not one of the unit's counterparts",
};

/**
 * Whether a kontering uses only the unit's codes: a map of field → message (empty when it does).
 * `allowed` holds the unit's codes per dimension (its own cost centre among the cost centres).
 */
export function checkKontering(
  given: Kontering,
  allowed: Record<KonteringDimension, ReadonlySet<string>>,
): Partial<Record<KonteringDimension, string>> {
  const errors: Partial<Record<KonteringDimension, string>> = {};
  for (const d of konteringDimensions) {
    const value = given[d];
    if (value === undefined || value === null) continue;
    if (!allowed[d].has(value)) errors[d] = konteringMessages[d];
  }
  return errors;
}

// ---------------------------------------------------------------- orders

export const orderStatuses = ['awaitingApproval', 'rejected', 'inFulfilment', 'delivered'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderCreate = z
  .strictObject({
    offeringId: id,
    /** The person it is for (a new employee's computer); the unit is then theirs unless given. */
    forPersonId: id.nullable().optional(),
    forUnitId: id.nullable().optional(),
    quantity: z.number().int().min(1).max(10_000).default(1),
    kontering,
    note: multiline(2000).nullable().optional(),
    /** Answers to the offering's desk order form (shared/desk/services.ts checkAnswers). */
    orderAnswers: orderAnswers.optional(),
  })
  .refine((o) => Boolean(o.forPersonId) || Boolean(o.forUnitId), {
    path: ['forUnitId'],
    message: 'Choose a person or a unit',
  });
export type OrderCreate = z.input<typeof orderCreate>;

export const orderDecision = z.strictObject({ version });
export const orderRejection = z.strictObject({
  version,
  reason: multiline(1000).pipe(z.string().trim().min(1, { message: 'Required' })),
});
export const orderDelivery = z.strictObject({
  version,
  /** The delivery date; today by default. The subscription starts on it. */
  deliveredOn: z.iso.date({ message: 'Must be a date (YYYY-MM-DD)' }).optional(),
});

export const orderListQuery = z.strictObject({
  /** mine: ordered by me or for me; queue: waiting for my attest; all: every order I may read. */
  view: z.enum(['mine', 'queue', 'all']).default('mine'),
  status: z.enum(orderStatuses).optional(),
  /** Part of the offering's, the unit's, the ordering or receiving person's name, or the ticket number. */
  search: listQuery.shape.search,
  limit: listQuery.shape.limit,
  cursor: listQuery.shape.cursor,
});
export type OrderListQuery = z.infer<typeof orderListQuery>;

const ref = z.object({ id, name: z.string() }).nullable();

export const order = z.object({
  id,
  offering: z.object({ id, name: z.string() }),
  unit: z.object({ id, name: z.string() }),
  forPerson: ref,
  orderedBy: ref,
  quantity: z.number().int(),
  kontering: z.object({
    costCentre: z.string(),
    account: z.string(),
    activity: z.string().nullable(),
    counterpart: z.string().nullable(),
  }),
  note: z.string().nullable(),
  orderAnswers: orderAnswers.nullable(),
  approval: z.string(),
  status: z.enum(orderStatuses),
  decidedBy: ref,
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  ticket: z.object({ id, number: z.string() }).nullable(),
  deliveredOn: z.string().nullable(),
  subscriptionId: id.nullable(),
  createdAt: z.string(),
  version: currentVersion,
  can: permissions(['approve', 'reject', 'deliver']),
});
export type Order = z.infer<typeof order>;

// ---------------------------------------------------------------- subscriptions

export const subscriptionListQuery = z.strictObject({
  unitId: id.optional(),
  /** Only those active on this date. */
  activeOn: z.iso.date({ message: 'Must be a date (YYYY-MM-DD)' }).optional(),
  limit: listQuery.shape.limit,
  cursor: listQuery.shape.cursor,
});
export type SubscriptionListQuery = z.infer<typeof subscriptionListQuery>;

export const subscriptionCancel = z.strictObject({
  version,
  /** When it is cancelled; it ends at the end of that month. Today by default. */
  cancelledOn: z.iso.date({ message: 'Must be a date (YYYY-MM-DD)' }).optional(),
});

export const subscription = z.object({
  id,
  offering: z.object({ id, name: z.string() }),
  unit: z.object({ id, name: z.string() }),
  person: ref,
  quantity: z.number().int(),
  kontering: order.shape.kontering,
  orderId: id.nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  version: currentVersion,
  can: permissions(['cancel']),
});
export type Subscription = z.infer<typeof subscription>;

/** The last day of the month of a date (YYYY-MM-DD): where a cancelled subscription ends. */
export function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0));
  return last.toISOString().slice(0, 10);
}
