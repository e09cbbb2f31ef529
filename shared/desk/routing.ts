import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, line, multiline, requiredLine } from '../text.ts';
import { ticketCategories, ticketTypes } from './tickets.ts';

// Routing rules of the service desk, shared by server and web. Rules are tried in order; the first
// active rule whose every given condition holds decides the group. Within one condition any listed
// value will do (type incident or request); an empty or missing condition always holds.

export const routingTargets = [
  /** A named group. */
  'group',
  /** The förvaltning group of the ticket's system (its systemförvaltare, seed 000). */
  'systemGroup',
] as const;
export type RoutingTarget = (typeof routingTargets)[number];

const few = <T extends z.ZodType>(item: T) => z.array(item).max(50);

export const routingConditions = z.strictObject({
  types: few(z.enum(ticketTypes)).optional(),
  categories: few(z.enum(ticketCategories)).optional(),
  systemIds: few(id).optional(),
  /** The requester's unit, or a unit under it. */
  unitIds: few(id).optional(),
  /** Words or phrases in the title or description, any of them, ignoring case. */
  keywords: few(requiredLine(100)).optional(),
  /** The ticket names a system (given, or found by name in its title). */
  hasSystem: z.boolean().optional(),
});
export type RoutingConditions = z.infer<typeof routingConditions>;

const ruleFields = {
  name: requiredLine(120),
  conditions: routingConditions,
  target: z.enum(routingTargets),
  /** The group of target `group`, and the fallback of `systemGroup` when the system has none. */
  groupId: id.nullable().optional(),
  active: z.boolean().default(true),
};

export const routingRuleCreate = z.strictObject(ruleFields);
export type RoutingRuleCreate = z.input<typeof routingRuleCreate>;
export const routingRuleUpdate = z.strictObject({
  version,
  name: ruleFields.name.optional(),
  conditions: routingConditions.optional(),
  target: ruleFields.target.optional(),
  groupId: ruleFields.groupId,
  active: z.boolean().optional(),
});
export type RoutingRuleUpdate = z.infer<typeof routingRuleUpdate>;

export const routingRulePermissions = permissions(['update', 'archive', 'restore']);

export const routingRule = z.object({
  id,
  position: z.number().int(),
  name: z.string(),
  conditions: routingConditions,
  target: z.enum(routingTargets),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  active: z.boolean(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: routingRulePermissions,
});
export type RoutingRule = z.infer<typeof routingRule>;

export const routingRuleListQuery = listQuery.omit({ search: true }).extend({ search: line(100).optional() });

/** Rules in their new order: every active rule's id once. */
export const routingOrder = z.strictObject({ ids: z.array(id).min(1).max(500) });

/** A sample ticket for the preview: what routing looks at. */
export const routingSample = z.strictObject({
  type: z.enum(ticketTypes).default('incident'),
  title: line(200).default(''),
  description: multiline(20_000).default(''),
  category: z.enum(ticketCategories).nullable().optional(),
  systemId: id.nullable().optional(),
  unitId: id.nullable().optional(),
});
export type RoutingSample = z.input<typeof routingSample>;

export const routingPreview = z.object({
  /** The rule that decided, or null when none matched (the first-line group takes it). */
  ruleId: id.nullable(),
  ruleName: z.string().nullable(),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  /** The system found in the text when the sample named none. */
  systemId: id.nullable(),
  systemName: z.string().nullable(),
  /** Each rule tried, in order, and the first condition that failed. */
  trace: z.array(
    z.object({ ruleId: id, name: z.string(), matched: z.boolean(), failed: z.string().nullable() }),
  ),
});
export type RoutingPreview = z.infer<typeof routingPreview>;
