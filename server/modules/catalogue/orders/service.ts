import { type AnyColumn, and, asc, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  checkKontering,
  type KonteringCodeCreate,
  type KonteringCodeListQuery,
  type KonteringCodeUpdate,
  type KonteringDimension,
  konteringDimensions,
  monthEnd,
  type OrderCreate,
  type OrderListQuery,
  type OrderStatus,
  orderCreate,
  type SubscriptionListQuery,
} from '../../../../shared/catalogue/orders.ts';
import { type Role, roleAllowsScope, roleNames } from '../../../../shared/roles.ts';
import { type Database, type Executor, rowsOf } from '../../../db/client.ts';
import { holdsFor, isAdmin } from '../../../platform/authz.ts';
import { type Actor, systemActor } from '../../../platform/context.ts';
import { people, roleAssignments, units } from '../../../platform/directory/schema.ts';
import { type FieldError, problems, uniqueViolated } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { defineNotification } from '../../../platform/notifications/kinds.ts';
import { notify } from '../../../platform/notifications/service.ts';
import { decodeCursor, encodeCursor } from '../../../platform/pagination.ts';
import { type ArchiveInput, archiveRow, lockRow } from '../../../platform/records.ts';
import type { RecordRef, StartItem } from '../../../platform/seam.ts';
import { likePattern } from '../../../platform/search-text.ts';
import { inTenant, readScope, TenantScope } from '../../../platform/tenancy.ts';
import { assertVersion } from '../../../platform/versioning.ts';
import { checkOrder } from '../../desk/services/service.ts';
import { tickets } from '../../desk/tickets/schema.ts';
import { createTicket, getTicket, worksOn } from '../../desk/tickets/service.ts';
import { offerings, offeringUnits } from '../offerings/schema.ts';
import { cataloguePolicy } from '../policy.ts';
import { konteringCodes, orders, subscriptions } from './schema.ts';

// The rules of kontering codes, orders and subscriptions: the only writer of ./schema.ts.
//
// An order names an active offering the unit may order (every unit, or the offering's units and
// the units under them; a partner only when partners may), a person or a unit (a person's order
// is their unit's unless another is named), a quantity, the kontering — the unit's own cost centre
// or one of its kostnadsställen, and its konton, aktiviteter/projekt and motparter (400 naming
// body.kontering.<field>) — and the answers to the offering's desk order form (the desk's own
// checkOrder, 400 naming body.orderAnswers.<key>). Its approval rule is the offering's when
// ordered: `none` goes straight to fulfilment; `budgetHolder` (and `role`, by the role it names
// when that is a role held per unit, otherwise the budget holder) waits for the attest of the
// unit's ekonom (policy.ts), who is notified, and who approves or rejects with a reason.
//
// Fulfilment is a desk request: the ticket is made by the desk's createTicket for the offering's
// service, with the order's change written inside the ticket's transaction (its `within`): the
// order's row is locked there and must still await attest at the version approved, so two
// attests at once make one ticket and the second answers 409 with nothing written (a unique
// index on the order's ticket holds it too). The catalogue never writes the desk's tables.
//
// Delivery is an explicit "levererad" by an agent who works the ticket, with the delivery date,
// rather than the ticket being solved: a request is solved for other reasons too (withdrawn, a
// duplicate) and may be reopened, while the delivery date is what the subscription and the
// unit's bill start from, and it is a date the agent states, not the moment of a status change.
// Delivery of a recurring offering starts a subscription from that date (one per order); a
// one-off is charged once by its delivered order. Cancelling a subscription ends it at the end of
// the month it is cancelled in.

export type KonteringCodeRow = typeof konteringCodes.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;
export type SubscriptionRow = typeof subscriptions.$inferSelect;

const CODE = 'catalogueKonteringCode';
const ORDER = 'catalogueOrder';
const SUBSCRIPTION = 'catalogueSubscription';

/** Today in Stockholm, YYYY-MM-DD. */
export const todayIso = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

// ---------------------------------------------------------------- notifications

interface OrderParams {
  offering: string;
  unit: string;
  by?: string;
  reason?: string;
}

export const attestRequested = defineNotification<OrderParams>({
  kind: 'catalogue.attestRequested',
  label: { sv: 'Beställning att attestera', en: 'Order to approve' },
  sv: (p) => `${p.by ?? 'Någon'} har beställt ${p.offering} för ${p.unit}: attestera eller avslå`,
  en: (p) => `${p.by ?? 'Someone'} ordered ${p.offering} for ${p.unit}: approve or reject`,
  mail: { default: true },
});

export const orderApproved = defineNotification<OrderParams>({
  kind: 'catalogue.orderApproved',
  label: { sv: 'Beställning attesterad', en: 'Order approved' },
  sv: (p) => `Din beställning av ${p.offering} för ${p.unit} är attesterad och lämnad till leverans`,
  en: (p) => `Your order of ${p.offering} for ${p.unit} is approved and handed to fulfilment`,
});

export const orderRejected = defineNotification<OrderParams>({
  kind: 'catalogue.orderRejected',
  label: { sv: 'Beställning avslagen', en: 'Order rejected' },
  sv: (p) => `Din beställning av ${p.offering} för ${p.unit} är avslagen: ${p.reason ?? ''}`,
  en: (p) => `Your order of ${p.offering} for ${p.unit} was rejected: ${p.reason ?? ''}`,
  mail: { default: true },
});

export const orderDelivered = defineNotification<OrderParams>({
  kind: 'catalogue.orderDelivered',
  label: { sv: 'Beställning levererad', en: 'Order delivered' },
  sv: (p) => `Din beställning av ${p.offering} för ${p.unit} är levererad`,
  en: (p) => `Your order of ${p.offering} for ${p.unit} is delivered`,
});

export const orderNotifications = [attestRequested, orderApproved, orderRejected, orderDelivered];

const orderHref = (id: string) => `/catalogue/orders/${id}`;

// ---------------------------------------------------------------- units

/** The unit and its parents up to the top, nearest first; empty when it is not the tenant's. */
export async function unitChain(db: Executor, tenantId: string, unitId: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with recursive chain(id, parent_id, depth) as (
        select id, parent_id, 0 from units where tenant_id = ${tenantId} and id = ${unitId}
        union all
        select u.id, u.parent_id, c.depth + 1 from units u
          join chain c on u.tenant_id = ${tenantId} and u.id = c.parent_id
        where c.depth < 50
      )
      select id from chain order by depth`),
  );
  return rows.map((r) => r.id);
}

/** The units under the given ones, themselves included (an ekonom's grant covers them). */
async function unitsUnder(db: Executor, tenantId: string, roots: readonly string[]): Promise<string[]> {
  if (roots.length === 0) return [];
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with recursive below(id, depth) as (
        select id, 0 from units where tenant_id = ${tenantId}
          and id in (${sql.join(
            roots.map((r) => sql`${r}::uuid`),
            sql`, `,
          )})
        union all
        select u.id, b.depth + 1 from units u
          join below b on u.tenant_id = ${tenantId} and u.parent_id = b.id
        where b.depth < 50
      )
      select distinct id from below`),
  );
  return rows.map((r) => r.id);
}

/** The role whose holders attest an order of this rule (policy.ts: the ekonom per unit). */
function attestRole(approval: string, approvalRole: string | null): Role {
  if (
    approval === 'role' &&
    approvalRole &&
    (roleNames as string[]).includes(approvalRole) &&
    roleAllowsScope(approvalRole as Role, 'unit')
  )
    return approvalRole as Role;
  return 'economist';
}

function mayAttest(actor: Actor, role: Role, chain: readonly string[]): boolean {
  if (role === 'economist') return cataloguePolicy.attestFor(actor, chain);
  return isAdmin(actor) || holdsFor(actor, role, { kind: 'unit', id: chain[0]!, enclosing: chain.slice(1) });
}

/** Who attests for a unit: the role's holders in its scope or a parent's; else its global holders. */
async function attestants(s: TenantScope, role: Role, chain: readonly string[]): Promise<string[]> {
  const active = and(eq(roleAssignments.role, role), isNull(roleAssignments.revokedAt));
  const inUnits = await s.tx
    .select({ personId: roleAssignments.personId })
    .from(roleAssignments)
    .where(
      s.where(
        roleAssignments,
        active,
        eq(roleAssignments.scope, 'unit'),
        inArray(roleAssignments.scopeId, [...chain]),
      ),
    );
  if (inUnits.length > 0) return inUnits.map((r) => r.personId);
  const global = await s.tx
    .select({ personId: roleAssignments.personId })
    .from(roleAssignments)
    .where(s.where(roleAssignments, active, eq(roleAssignments.scope, 'global')));
  return global.map((r) => r.personId);
}

// ---------------------------------------------------------------- kontering codes

export interface AllowedCodes {
  unit: { id: string; name: string; costCentre: string | null };
  choices: Record<KonteringDimension, { code: string; name: string }[]>;
}

/** What a unit may put in each dimension: its codes, its own cost centre first among the cost centres. */
export async function allowedCodes(db: Executor, tenantId: string, unitId: string): Promise<AllowedCodes> {
  const [unit] = await db
    .select({ id: units.id, name: units.name, costCentre: units.costCentre })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), eq(units.id, unitId)));
  if (!unit) throw problems.notFound('unit');
  const rows = await db
    .select({ dimension: konteringCodes.dimension, code: konteringCodes.code, name: konteringCodes.name })
    .from(konteringCodes)
    .where(
      and(
        eq(konteringCodes.tenantId, tenantId),
        eq(konteringCodes.unitId, unitId),
        isNull(konteringCodes.archivedAt),
      ),
    )
    .orderBy(asc(konteringCodes.dimension), asc(konteringCodes.code));
  const choices = Object.fromEntries(konteringDimensions.map((d) => [d, []])) as unknown as Record<
    KonteringDimension,
    { code: string; name: string }[]
  >;
  if (unit.costCentre) choices.costCentre.push({ code: unit.costCentre, name: unit.name });
  for (const r of rows) {
    const list = choices[r.dimension as KonteringDimension];
    if (!list.some((c) => c.code === r.code)) list.push({ code: r.code, name: r.name });
  }
  return { unit, choices };
}

export async function unitKontering(db: Database, actor: Actor, unitId: string) {
  const codes = await allowedCodes(db, actor.tenantId, unitId);
  const chain = await unitChain(db, actor.tenantId, unitId);
  return { ...codes, can: { manage: cataloguePolicy.attestFor(actor, chain) } };
}

async function codesKeeper(s: TenantScope, unitId: string) {
  const [unit] = await s.tx
    .select({ id: units.id })
    .from(units)
    .where(s.where(units, eq(units.id, unitId), isNull(units.archivedAt)));
  if (!unit) throw problems.field('body.unitId', 'No such active unit');
  const chain = await unitChain(s.tx, s.tenantId, unitId);
  if (!cataloguePolicy.attestFor(s.actor, chain))
    throw problems.forbidden("Only the unit's ekonom or an admin keeps its codes");
}

const CODE_TAKEN = 'The unit already has this code in this dimension';

export async function createKonteringCode(
  db: Database,
  actor: Actor,
  input: KonteringCodeCreate,
): Promise<KonteringCodeRow> {
  try {
    return await inTenant(db, actor, async (s) => {
      await codesKeeper(s, input.unitId);
      // After an import that is writing the same code, not beside it: the code is then taken (409).
      await lockKonteringImport(s);
      const [row] = await s.insert(konteringCodes, { id: newId(), ...input }).returning();
      await s.audit({ entity: CODE, entityId: row!.id, action: 'create', after: row });
      return row!;
    });
  } catch (error) {
    if (uniqueViolated(error) === 'catalogue_kontering_codes_key')
      throw problems.conflict(CODE_TAKEN, [{ path: 'body.code', message: CODE_TAKEN }]);
    throw error;
  }
}

export function updateKonteringCode(db: Database, actor: Actor, id: string, input: KonteringCodeUpdate) {
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, konteringCodes, id);
    if (!before) throw problems.notFound(CODE);
    await codesKeeper(s, before.unitId);
    assertVersion(before, input.version, CODE);
    if (before.archivedAt) throw problems.conflict('The code is archived');
    const [after] = await s
      .update(
        konteringCodes,
        { name: input.name, version: input.version + 1, updatedAt: new Date() },
        eq(konteringCodes.id, id),
      )
      .returning();
    await s.audit({ entity: CODE, entityId: id, action: 'update', before, after });
    return after!;
  });
}

export function archiveKonteringCode(db: Database, actor: Actor, id: string, input: ArchiveInput) {
  return inTenant(db, actor, async (s) => {
    const row = await lockRow(s, konteringCodes, id);
    if (!row) throw problems.notFound(CODE);
    await codesKeeper(s, row.unitId);
    return archiveRow(s, konteringCodes, id, input, { entity: CODE, noun: 'code' });
  });
}

/** A code as an import makes it: the unit, dimension and code are its key. */
export interface KonteringCodeValues {
  unitId: string;
  dimension: KonteringDimension;
  code: string;
  name: string;
}

/** What an import of codes writes: new codes, and renames, archives and restores of stored ones. */
export interface KonteringImportPlan {
  creates: (KonteringCodeValues & { id: string })[];
  updates: { before: KonteringCodeRow; changes: { name?: string; archived?: boolean } }[];
  unchanged: number;
}

export const KONTERING_IMPORT_LOCK = 'catalogue.konteringCodes';

/**
 * Imports of a tenant's codes take turns (a transaction lock per tenant): a second import of the
 * same file waits for the first and then finds its codes, so a code is created once. Taken before
 * the import reads what is stored.
 */
export async function lockKonteringImport(s: TenantScope) {
  await s.tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`${KONTERING_IMPORT_LOCK}:${s.tenantId}`}, 0))`,
  );
}

/**
 * Writes an import's plan in the caller's transaction (the planner checked who keeps each unit's
 * codes): each change of a stored code at the version read, with its audit event, and the new
 * codes with theirs. A code changed meanwhile by hand answers 409 and nothing is written.
 */
export async function writeKonteringImport(s: TenantScope, plan: KonteringImportPlan, reason: string) {
  for (const { before, changes } of plan.updates) {
    const set: Partial<typeof konteringCodes.$inferInsert> = {
      version: before.version + 1,
      updatedAt: new Date(),
    };
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.archived === true) Object.assign(set, { archivedAt: new Date(), archiveReason: reason });
    if (changes.archived === false) Object.assign(set, { archivedAt: null, archiveReason: null });
    const [after] = await s
      .update(
        konteringCodes,
        set,
        eq(konteringCodes.id, before.id),
        eq(konteringCodes.version, before.version),
      )
      .returning();
    if (!after)
      throw problems.conflict('A code of the file was changed while it was imported: import it again');
    await s.audit({
      entity: CODE,
      entityId: before.id,
      action: changes.archived === true ? 'archive' : changes.archived === false ? 'restore' : 'update',
      before,
      after,
    });
  }
  if (plan.creates.length > 0) await s.insertMany(konteringCodes, plan.creates, { audit: CODE });
}

export async function getKonteringCode(db: Database, actor: Actor, id: string): Promise<KonteringCodeRow> {
  const s = readScope(db, actor);
  const [row] = await db
    .select()
    .from(konteringCodes)
    .where(s.where(konteringCodes, eq(konteringCodes.id, id)));
  if (!row) throw problems.notFound(CODE);
  return row;
}

/** Codes by unit, dimension and code (keyset on the same). */
export async function listKonteringCodes(db: Database, actor: Actor, query: KonteringCodeListQuery) {
  const s = readScope(db, actor);
  const after = decodeCursor(query.cursor, 4) as [string, string, string, string] | undefined;
  const k = konteringCodes;
  const rows = await db
    .select()
    .from(k)
    .where(
      s.where(
        k,
        query.unitId ? eq(k.unitId, query.unitId) : undefined,
        query.dimension ? eq(k.dimension, query.dimension) : undefined,
        query.includeArchived ? undefined : isNull(k.archivedAt),
        after
          ? sql`(${k.unitId}, ${k.dimension}, ${k.code}, ${k.id}) > (${after[0]}::uuid, ${after[1]}, ${after[2]}, ${after[3]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(k.unitId), asc(k.dimension), asc(k.code), asc(k.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([last.unitId, last.dimension, last.code, last.id])
        : null,
  };
}

/** The kontering against the unit's codes: 400 naming body.kontering.<field> for each that is not. */
async function checkUnitKontering(
  db: Executor,
  tenantId: string,
  unitId: string,
  given: OrderCreate['kontering'],
) {
  const { choices } = await allowedCodes(db, tenantId, unitId);
  const sets = Object.fromEntries(
    konteringDimensions.map((d) => [d, new Set(choices[d].map((c) => c.code))]),
  ) as Record<KonteringDimension, Set<string>>;
  const errors: FieldError[] = Object.entries(checkKontering(given, sets)).map(([field, message]) => ({
    path: `body.kontering.${field}`,
    message: message as string,
  }));
  if (errors.length > 0) throw problems.validation(errors, errors[0]!.message);
}

// ---------------------------------------------------------------- orders

export interface OrderView extends OrderRow {
  offeringName: string;
  unitName: string;
  forPersonName: string | null;
  orderedByName: string | null;
  decidedByName: string | null;
  ticketNumber: string | null;
  subscriptionId: string | null;
  /** The unit and its parents (for who may attest). */
  chain: string[];
  attestRole: Role;
  /** Whether the reader works the order's ticket (may deliver). */
  works: boolean;
}

const forPerson = alias(people, 'for_person');
const orderedBy = alias(people, 'ordered_by');
const decidedBy = alias(people, 'decided_by');
const personName = (p: { givenName: AnyColumn; familyName: AnyColumn }) =>
  sql<string | null>`${p.givenName} || ' ' || ${p.familyName}`;

function ordersWithNames(db: Executor) {
  return db
    .select({
      row: orders,
      offeringName: offerings.name,
      approvalRole: offerings.approvalRole,
      unitName: units.name,
      forPersonName: personName(forPerson),
      orderedByName: personName(orderedBy),
      decidedByName: personName(decidedBy),
      ticketNumber: tickets.number,
      ticketGroupId: tickets.groupId,
      ticketAssigneeId: tickets.assigneeId,
      subscriptionId: subscriptions.id,
    })
    .from(orders)
    .innerJoin(offerings, and(eq(offerings.tenantId, orders.tenantId), eq(offerings.id, orders.offeringId)))
    .innerJoin(units, and(eq(units.tenantId, orders.tenantId), eq(units.id, orders.unitId)))
    .leftJoin(forPerson, and(eq(forPerson.tenantId, orders.tenantId), eq(forPerson.id, orders.forPersonId)))
    .leftJoin(orderedBy, and(eq(orderedBy.tenantId, orders.tenantId), eq(orderedBy.id, orders.orderedById)))
    .leftJoin(decidedBy, and(eq(decidedBy.tenantId, orders.tenantId), eq(decidedBy.id, orders.decidedById)))
    .leftJoin(tickets, and(eq(tickets.tenantId, orders.tenantId), eq(tickets.id, orders.ticketId)))
    .leftJoin(
      subscriptions,
      and(eq(subscriptions.tenantId, orders.tenantId), eq(subscriptions.orderId, orders.id)),
    );
}

type OrderJoined = Awaited<ReturnType<ReturnType<typeof ordersWithNames>['execute']>>[number];

async function orderViews(db: Executor, actor: Actor, rows: OrderJoined[]): Promise<OrderView[]> {
  const chains = new Map<string, string[]>();
  for (const r of rows)
    if (!chains.has(r.row.unitId))
      chains.set(r.row.unitId, await unitChain(db, actor.tenantId, r.row.unitId));
  return rows.map((r) => ({
    ...r.row,
    offeringName: r.offeringName,
    unitName: r.unitName,
    forPersonName: r.forPersonName,
    orderedByName: r.orderedByName,
    decidedByName: r.decidedByName,
    ticketNumber: r.ticketNumber,
    subscriptionId: r.subscriptionId,
    chain: chains.get(r.row.unitId)!,
    attestRole: attestRole(r.row.approval, r.approvalRole),
    works:
      r.ticketNumber !== null &&
      worksOn(actor, { groupId: r.ticketGroupId ?? null, assigneeId: r.ticketAssigneeId ?? null }),
  }));
}

/** Whether the reader may see an order: who ordered it or is its person, its attest, its agents, the keepers. */
export function mayRead(actor: Actor, o: OrderView): boolean {
  return (
    (actor.personId !== null && (o.orderedById === actor.personId || o.forPersonId === actor.personId)) ||
    mayAttest(actor, o.attestRole, o.chain) ||
    o.works ||
    cataloguePolicy.readAllOrders(actor)
  );
}

export const orderCan = (actor: Actor, o: OrderView) => ({
  approve: o.status === 'awaitingApproval' && mayAttest(actor, o.attestRole, o.chain),
  reject: o.status === 'awaitingApproval' && mayAttest(actor, o.attestRole, o.chain),
  deliver: o.status === 'inFulfilment' && o.works,
});

export async function getOrder(db: Executor, actor: Actor, id: string): Promise<OrderView> {
  const rows = await ordersWithNames(db).where(and(eq(orders.tenantId, actor.tenantId), eq(orders.id, id)));
  const [view] = await orderViews(db, actor, rows);
  if (!view || !mayRead(actor, view)) throw problems.notFound(ORDER);
  return view;
}

/** The actor the desk's ticket is made by: the catalogue on the person's behalf (they are not agents). */
function fulfilmentActor(actor: Actor): Actor {
  return { ...systemActor(actor.tenantId, actor.name), requestId: actor.requestId };
}

interface OrderFacts {
  offering: typeof offerings.$inferSelect;
  unitName: string;
  orderFormServiceId: string;
}

function ticketInput(order: OrderRow, facts: OrderFacts) {
  const k = [
    `Kostnadsställe ${order.costCentre}`,
    `konto ${order.account}`,
    order.activity ? `aktivitet ${order.activity}` : null,
    order.counterpart ? `motpart ${order.counterpart}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const sameForm = facts.orderFormServiceId === facts.offering.serviceId;
  const answers = order.orderAnswers ?? {};
  const answerLines = sameForm
    ? []
    : Object.entries(answers).map(([key, value]) => `${key}: ${String(value)}`);
  return {
    type: 'request' as const,
    title: `Beställning: ${facts.offering.name}${order.quantity > 1 ? ` (${order.quantity} st)` : ''}`.slice(
      0,
      200,
    ),
    description: [
      `Beställning i tjänstekatalogen för ${facts.unitName}.`,
      `Kontering: ${k}.`,
      order.note ? `Meddelande: ${order.note}` : null,
      ...answerLines,
      `Beställning: ${orderHref(order.id)}`,
    ]
      .filter(Boolean)
      .join('\n'),
    requesterId: order.orderedById ?? order.forPersonId ?? undefined,
    onBehalfOfId: order.forPersonId,
    unitId: order.unitId,
    serviceId: facts.offering.serviceId,
    ...(sameForm ? { orderAnswers: answers } : {}),
    channel: 'portal' as const,
  };
}

async function factsOf(
  db: Executor,
  tenantId: string,
  offeringId: string,
  unitId: string,
): Promise<OrderFacts> {
  const [offering] = await db
    .select()
    .from(offerings)
    .where(and(eq(offerings.tenantId, tenantId), eq(offerings.id, offeringId)));
  const [unit] = await db
    .select({ name: units.name })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), eq(units.id, unitId)));
  return {
    offering: offering!,
    unitName: unit?.name ?? '',
    orderFormServiceId: offering!.orderServiceId ?? offering!.serviceId,
  };
}

export interface OrderOptions {
  /** The demo's orderer (the system actor orders nothing itself). */
  orderedById?: string;
  /** The demo's order time (orders of past months). */
  at?: Date;
}

export async function createOrder(
  db: Database,
  actor: Actor,
  given: OrderCreate,
  options: OrderOptions = {},
): Promise<OrderRow> {
  const input = orderCreate.parse(given);
  const orderedById = options.orderedById ?? actor.personId;
  if (!orderedById) throw problems.forbidden('Only a person orders');
  // The checks, in a transaction of their own that writes nothing.
  const checked = await inTenant(db, actor, async (s) => {
    const [offering] = await s.tx
      .select()
      .from(offerings)
      .where(s.where(offerings, eq(offerings.id, input.offeringId), isNull(offerings.archivedAt)));
    if (!offering) throw problems.field('body.offeringId', 'No such active offering');
    let unitId = input.forUnitId ?? null;
    if (input.forPersonId) {
      const [person] = await s.tx
        .select({ unitId: people.unitId })
        .from(people)
        .where(s.where(people, eq(people.id, input.forPersonId), isNull(people.archivedAt)));
      if (!person) throw problems.field('body.forPersonId', 'No such active person');
      unitId ??= person.unitId;
      if (!unitId) throw problems.field('body.forUnitId', 'The person belongs to no unit: choose the unit');
    }
    const [unit] = await s.tx
      .select({ id: units.id, kind: units.kind })
      .from(units)
      .where(s.where(units, eq(units.id, unitId!), isNull(units.archivedAt)));
    if (!unit) throw problems.field('body.forUnitId', 'No such active unit');
    const chain = await unitChain(s.tx, s.tenantId, unit.id);
    if (unit.kind === 'partner' && !offering.partners)
      throw problems.field('body.forUnitId', 'External partners may not order this offering');
    if (!offering.allUnits) {
      const allowed = await s.tx
        .select({ unitId: offeringUnits.unitId })
        .from(offeringUnits)
        .where(
          s.where(
            offeringUnits,
            eq(offeringUnits.offeringId, offering.id),
            inArray(offeringUnits.unitId, chain),
          ),
        );
      if (allowed.length === 0)
        throw problems.field('body.forUnitId', 'The unit may not order this offering');
    }
    await checkUnitKontering(s.tx, s.tenantId, unit.id, input.kontering);
    const formService = offering.orderServiceId ?? offering.serviceId;
    await checkOrder(s, formService, input.orderAnswers, 'request');
    return { offering, unitId: unit.id, chain };
  });
  const { offering, unitId, chain } = checked;
  const now = options.at ?? new Date();
  const values = {
    id: newId(),
    offeringId: offering.id,
    unitId,
    forPersonId: input.forPersonId ?? null,
    orderedById,
    quantity: input.quantity,
    costCentre: input.kontering.costCentre,
    account: input.kontering.account,
    activity: input.kontering.activity ?? null,
    counterpart: input.kontering.counterpart ?? null,
    note: input.note ?? null,
    orderAnswers: input.orderAnswers ?? null,
    approval: offering.approval,
    createdAt: now,
    updatedAt: now,
  };
  if (offering.approval === 'none') {
    // Straight to fulfilment: the order is written in the ticket's transaction.
    const facts = await factsOf(db, actor.tenantId, offering.id, unitId);
    let made: OrderRow | undefined;
    const draft = { ...values, status: 'inFulfilment' } as OrderRow;
    await createTicket(db, fulfilmentActor(actor), ticketInput(draft, facts), {
      within: async (ts, ticket) => {
        const s = new TenantScope(ts.tx, actor, ts.db);
        const [row] = await s
          .insert(orders, { ...values, status: 'inFulfilment', ticketId: ticket.id })
          .returning();
        await s.audit({ entity: ORDER, entityId: row!.id, action: 'create', after: row });
        made = row;
      },
    });
    return made!;
  }
  return inTenant(db, actor, async (s) => {
    const [row] = await s.insert(orders, { ...values, status: 'awaitingApproval' }).returning();
    await s.audit({ entity: ORDER, entityId: row!.id, action: 'create', after: row });
    const facts = await factsOf(s.tx, s.tenantId, offering.id, unitId);
    const [by] = await s.tx
      .select({ name: personName(people) })
      .from(people)
      .where(s.where(people, eq(people.id, orderedById)));
    await notify(s, {
      personIds: await attestants(s, attestRole(offering.approval, offering.approvalRole), chain),
      kind: attestRequested,
      params: { offering: offering.name, unit: facts.unitName, by: by?.name ?? undefined },
      record: { kind: ORDER, id: row!.id, href: orderHref(row!.id) },
    });
    return row!;
  });
}

/** The order locked in the scope's transaction, at the version given and in the status wanted. */
async function lockOrder(s: TenantScope, id: string, version: number, status: OrderStatus) {
  const row = await lockRow(s, orders, id);
  assertVersion(row, version, ORDER);
  if (row!.status !== status) throw problems.conflict(`The order is ${row!.status}, not ${status}`);
  return row!;
}

async function readableForChange(db: Database, actor: Actor, id: string) {
  const view = await getOrder(db, actor, id);
  return view;
}

export async function approveOrder(
  db: Database,
  actor: Actor,
  id: string,
  version: number,
): Promise<OrderRow> {
  const view = await readableForChange(db, actor, id);
  if (!mayAttest(actor, view.attestRole, view.chain))
    throw problems.forbidden("Only the unit's budget holder attests its orders");
  assertVersion(view, version, ORDER);
  if (view.status !== 'awaitingApproval') throw problems.conflict(`The order is ${view.status}`);
  const facts = await factsOf(db, actor.tenantId, view.offeringId, view.unitId);
  let after: OrderRow | undefined;
  try {
    await createTicket(db, fulfilmentActor(actor), ticketInput(view, facts), {
      within: async (ts, ticket) => {
        // The second of two attests at once waits here for the first's lock, then finds the
        // version moved on: 409, and its ticket is rolled back with it.
        const s = new TenantScope(ts.tx, actor, ts.db);
        const before = await lockOrder(s, id, version, 'awaitingApproval');
        const [row] = await s
          .update(
            orders,
            {
              status: 'inFulfilment',
              decidedById: actor.personId,
              decidedAt: new Date(),
              ticketId: ticket.id,
              version: version + 1,
              updatedAt: new Date(),
            },
            eq(orders.id, id),
          )
          .returning();
        await s.audit({ entity: ORDER, entityId: id, action: 'approve', before, after: row });
        await notify(s, {
          personIds: [before.orderedById, before.forPersonId].filter((p): p is string => p !== null),
          kind: orderApproved,
          params: { offering: facts.offering.name, unit: facts.unitName },
          record: { kind: ORDER, id, href: orderHref(id) },
        });
        after = row;
      },
    });
  } catch (error) {
    if (uniqueViolated(error) === 'catalogue_orders_ticket_key')
      throw problems.conflict('The order has a ticket');
    throw error;
  }
  return after!;
}

export async function rejectOrder(db: Database, actor: Actor, id: string, version: number, reason: string) {
  const view = await readableForChange(db, actor, id);
  if (!mayAttest(actor, view.attestRole, view.chain))
    throw problems.forbidden("Only the unit's budget holder attests its orders");
  return inTenant(db, actor, async (s) => {
    const before = await lockOrder(s, id, version, 'awaitingApproval');
    const [row] = await s
      .update(
        orders,
        {
          status: 'rejected',
          decidedById: actor.personId,
          decidedAt: new Date(),
          decisionReason: reason.trim(),
          version: version + 1,
          updatedAt: new Date(),
        },
        eq(orders.id, id),
      )
      .returning();
    await s.audit({ entity: ORDER, entityId: id, action: 'reject', before, after: row });
    await notify(s, {
      personIds: [before.orderedById, before.forPersonId].filter((p): p is string => p !== null),
      kind: orderRejected,
      params: { offering: view.offeringName, unit: view.unitName, reason: reason.trim() },
      record: { kind: ORDER, id, href: orderHref(id) },
    });
    return row!;
  });
}

/** "Levererad": an agent who works the order's ticket states the delivery date; a subscription starts on it. */
export async function deliverOrder(
  db: Database,
  actor: Actor,
  id: string,
  input: { version: number; deliveredOn?: string },
): Promise<OrderRow> {
  const view = await readableForChange(db, actor, id);
  if (view.status === 'inFulfilment' && view.ticketId) {
    // The desk decides who works its ticket.
    const ticket = await getTicket(db, actor, view.ticketId).catch(() => null);
    if (!ticket || !worksOn(actor, ticket))
      throw problems.forbidden("Only an agent who works the order's ticket delivers it");
  } else if (!view.works) {
    throw problems.forbidden("Only an agent who works the order's ticket delivers it");
  }
  const deliveredOn = input.deliveredOn ?? todayIso();
  const orderedOn = view.createdAt.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  if (deliveredOn < orderedOn)
    throw problems.field('body.deliveredOn', 'The delivery cannot be before the order');
  return inTenant(db, actor, async (s) => {
    const before = await lockOrder(s, id, input.version, 'inFulfilment');
    const [row] = await s
      .update(
        orders,
        {
          status: 'delivered',
          deliveredOn,
          deliveredById: actor.personId,
          version: input.version + 1,
          updatedAt: new Date(),
        },
        eq(orders.id, id),
      )
      .returning();
    await s.audit({ entity: ORDER, entityId: id, action: 'deliver', before, after: row });
    const [offering] = await s.tx
      .select({ priceModel: offerings.priceModel })
      .from(offerings)
      .where(s.where(offerings, eq(offerings.id, before.offeringId)));
    if (offering!.priceModel !== 'oneOff') {
      const [sub] = await s
        .insert(subscriptions, {
          id: newId(),
          offeringId: before.offeringId,
          unitId: before.unitId,
          personId: before.forPersonId,
          quantity: before.quantity,
          costCentre: before.costCentre,
          account: before.account,
          activity: before.activity,
          counterpart: before.counterpart,
          orderId: id,
          startsOn: deliveredOn,
        })
        .returning();
      await s.audit({ entity: SUBSCRIPTION, entityId: sub!.id, action: 'create', after: sub });
    }
    await notify(s, {
      personIds: [before.orderedById, before.forPersonId].filter((p): p is string => p !== null),
      kind: orderDelivered,
      params: { offering: view.offeringName, unit: view.unitName },
      record: { kind: ORDER, id, href: orderHref(id) },
    });
    return row!;
  });
}

/** Orders newest first (UUIDv7 ids are in time order), keyset on the id. */
export async function listOrders(db: Database, actor: Actor, query: OrderListQuery) {
  const after = decodeCursor(query.cursor, 1) as [string] | undefined;
  let scope: SQL | undefined;
  if (query.view === 'queue') {
    const roots = actor.grants
      .filter((g) => g.role === 'economist' && g.scope === 'unit' && g.scopeId)
      .map((g) => g.scopeId!);
    const everyUnit =
      isAdmin(actor) || actor.grants.some((g) => g.role === 'economist' && g.scope === 'global');
    const mine = everyUnit ? null : await unitsUnder(db, actor.tenantId, roots);
    if (mine && mine.length === 0) return { items: [], nextCursor: null };
    scope = and(eq(orders.status, 'awaitingApproval'), mine ? inArray(orders.unitId, mine) : undefined);
  } else if (query.view === 'all' && cataloguePolicy.readAllOrders(actor)) {
    scope = undefined;
  } else {
    if (!actor.personId) return { items: [], nextCursor: null };
    scope = or(eq(orders.orderedById, actor.personId), eq(orders.forPersonId, actor.personId));
  }
  const rows = await ordersWithNames(db)
    .where(
      and(
        eq(orders.tenantId, actor.tenantId),
        scope,
        query.status ? eq(orders.status, query.status) : undefined,
        query.search ? orderMatches(query.search) : undefined,
        after ? lt(orders.id, after[0]) : undefined,
      ),
    )
    .orderBy(desc(orders.id))
    .limit(query.limit + 1);
  const views = (await orderViews(db, actor, rows)).filter((v) => mayRead(actor, v));
  const items = views.slice(0, query.limit);
  const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor([last.row.id]) : null };
}

/** An order whose offering, unit, people or desk ticket a search term names. */
function orderMatches(term: string): SQL {
  const like = likePattern(term);
  return sql`(${offerings.name} ilike ${like} or ${units.name} ilike ${like}
    or ${personName(forPerson)} ilike ${like} or ${personName(orderedBy)} ilike ${like}
    or ${tickets.number} ilike ${like})`;
}

/** The attest queue on the start page ("Mitt Styrbord"). */
export async function attestItems(db: Database, actor: Actor): Promise<StartItem[]> {
  if (!cataloguePolicy.attestSomewhere(actor)) return [];
  const page = await listOrders(db, actor, { view: 'queue', limit: 20 });
  return page.items.map((o) => ({
    section: 'catalogueAttest',
    id: o.id,
    title: `${o.offeringName} · ${o.unitName}`,
    detail: o.forPersonName ?? o.orderedByName,
    href: orderHref(o.id),
    due: null,
  }));
}

export async function orderRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: orders.id, name: offerings.name, unit: units.name })
    .from(orders)
    .innerJoin(offerings, and(eq(offerings.tenantId, orders.tenantId), eq(offerings.id, orders.offeringId)))
    .innerJoin(units, and(eq(units.tenantId, orders.tenantId), eq(units.id, orders.unitId)))
    .where(and(eq(orders.tenantId, tenantId), inArray(orders.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: `${r.name} · ${r.unit}`, href: orderHref(r.id), archived: false },
    ]),
  );
}

// ---------------------------------------------------------------- subscriptions

export interface SubscriptionView extends SubscriptionRow {
  offeringName: string;
  unitName: string;
  personName: string | null;
  chain: string[];
}

function subscriptionsWithNames(db: Executor) {
  return db
    .select({
      row: subscriptions,
      offeringName: offerings.name,
      unitName: units.name,
      personName: personName(people),
    })
    .from(subscriptions)
    .innerJoin(
      offerings,
      and(eq(offerings.tenantId, subscriptions.tenantId), eq(offerings.id, subscriptions.offeringId)),
    )
    .innerJoin(units, and(eq(units.tenantId, subscriptions.tenantId), eq(units.id, subscriptions.unitId)))
    .leftJoin(
      people,
      and(eq(people.tenantId, subscriptions.tenantId), eq(people.id, subscriptions.personId)),
    );
}

type SubscriptionJoined = Awaited<ReturnType<ReturnType<typeof subscriptionsWithNames>['execute']>>[number];

async function subscriptionViews(db: Executor, tenantId: string, rows: SubscriptionJoined[]) {
  const chains = new Map<string, string[]>();
  for (const r of rows)
    if (!chains.has(r.row.unitId)) chains.set(r.row.unitId, await unitChain(db, tenantId, r.row.unitId));
  return rows.map(
    (r): SubscriptionView => ({
      ...r.row,
      offeringName: r.offeringName,
      unitName: r.unitName,
      personName: r.personName,
      chain: chains.get(r.row.unitId)!,
    }),
  );
}

export const subscriptionCan = (actor: Actor, v: SubscriptionView) => ({
  cancel: v.endsOn === null && cataloguePolicy.attestFor(actor, v.chain),
});

export async function getSubscription(db: Executor, actor: Actor, id: string): Promise<SubscriptionView> {
  const rows = await subscriptionsWithNames(db).where(
    and(eq(subscriptions.tenantId, actor.tenantId), eq(subscriptions.id, id)),
  );
  const [view] = await subscriptionViews(db, actor.tenantId, rows);
  if (!view) throw problems.notFound(SUBSCRIPTION);
  return view;
}

/** Subscriptions newest first, of a unit or all, those active on a date if asked (keyset on the id). */
export async function listSubscriptions(db: Database, actor: Actor, query: SubscriptionListQuery) {
  const after = decodeCursor(query.cursor, 1) as [string] | undefined;
  const rows = await subscriptionsWithNames(db)
    .where(
      and(
        eq(subscriptions.tenantId, actor.tenantId),
        query.unitId ? eq(subscriptions.unitId, query.unitId) : undefined,
        query.activeOn
          ? and(
              sql`${subscriptions.startsOn} <= ${query.activeOn}`,
              or(isNull(subscriptions.endsOn), sql`${subscriptions.endsOn} >= ${query.activeOn}`),
            )
          : undefined,
        after ? lt(subscriptions.id, after[0]) : undefined,
      ),
    )
    .orderBy(desc(subscriptions.id))
    .limit(query.limit + 1);
  const items = await subscriptionViews(db, actor.tenantId, rows.slice(0, query.limit));
  const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor([last.row.id]) : null };
}

/** Active in a month (the chargeback run's question): started by its end and not ended before its start. */
export function activeInMonth(month: string): SQL {
  const start = `${month}-01`;
  const end = monthEnd(start);
  return and(
    sql`${subscriptions.startsOn} <= ${end}`,
    or(isNull(subscriptions.endsOn), sql`${subscriptions.endsOn} >= ${start}`),
  ) as SQL;
}

/** Cancels a running subscription: it ends on the last day of the month it is cancelled in. */
export async function cancelSubscription(
  db: Database,
  actor: Actor,
  id: string,
  input: { version: number; cancelledOn?: string },
): Promise<SubscriptionRow> {
  const view = await getSubscription(db, actor, id);
  if (!cataloguePolicy.attestFor(actor, view.chain))
    throw problems.forbidden("Only the unit's ekonom or an admin cancels its subscriptions");
  const cancelledOn = input.cancelledOn ?? todayIso();
  if (cancelledOn < view.startsOn) throw problems.field('body.cancelledOn', 'The subscription starts later');
  return inTenant(db, actor, async (s) => {
    const before = await lockRow(s, subscriptions, id);
    assertVersion(before, input.version, SUBSCRIPTION);
    if (before!.endsOn !== null)
      throw problems.conflict(`The subscription already ends on ${before!.endsOn}`);
    const [after] = await s
      .update(
        subscriptions,
        {
          endsOn: monthEnd(cancelledOn),
          endedById: actor.personId,
          version: input.version + 1,
          updatedAt: new Date(),
        },
        eq(subscriptions.id, id),
      )
      .returning();
    await s.audit({ entity: SUBSCRIPTION, entityId: id, action: 'cancel', before, after });
    return after!;
  });
}

export async function subscriptionRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select({ id: subscriptions.id, name: offerings.name, unit: units.name, unitId: units.id })
    .from(subscriptions)
    .innerJoin(
      offerings,
      and(eq(offerings.tenantId, subscriptions.tenantId), eq(offerings.id, subscriptions.offeringId)),
    )
    .innerJoin(units, and(eq(units.tenantId, subscriptions.tenantId), eq(units.id, subscriptions.unitId)))
    .where(and(eq(subscriptions.tenantId, tenantId), inArray(subscriptions.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.name} · ${r.unit}`,
        href: `/catalogue/subscriptions?unitId=${r.unitId}`,
        archived: false,
      },
    ]),
  );
}

export async function codeRefs(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RecordRef>();
  const rows = await db
    .select()
    .from(konteringCodes)
    .where(and(eq(konteringCodes.tenantId, tenantId), inArray(konteringCodes.id, [...new Set(ids)])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.code} ${r.name}`,
        href: `/catalogue/kontering/${r.unitId}`,
        archived: r.archivedAt !== null,
      },
    ]),
  );
}
