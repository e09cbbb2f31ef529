import { z } from 'zod';
import { currentVersion, version } from '../records.ts';
import { id, line, requiredLine } from '../text.ts';
import { statusFilters, ticketSorts, ticketTypes } from './tickets.ts';

// The console's saved filters (per person) and its queues with their counts.

export const SAVED_FILTERS_MAX = 50;

/** The console's list query as it is saved: the filters of its address. */
export const savedFilterQuery = z.strictObject({
  q: line(100).optional(),
  status: z.enum([...statusFilters, 'all']).optional(),
  type: z.enum(ticketTypes).optional(),
  groupId: id.optional(),
  assignee: z.literal('me').optional(),
  unassigned: z.boolean().optional(),
  priority: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
  sort: z.enum(ticketSorts).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});
export type SavedFilterQuery = z.infer<typeof savedFilterQuery>;

export const savedFilterCreate = z.strictObject({
  name: requiredLine(80),
  query: savedFilterQuery,
});
export type SavedFilterCreate = z.infer<typeof savedFilterCreate>;

export const savedFilterUpdate = z.strictObject({
  version,
  name: requiredLine(80).optional(),
  query: savedFilterQuery.optional(),
});
export type SavedFilterUpdate = z.infer<typeof savedFilterUpdate>;

export const savedFilter = z.object({
  id,
  name: z.string(),
  query: savedFilterQuery,
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedFilter = z.infer<typeof savedFilter>;

export const savedFilters = z.object({ items: z.array(savedFilter) });

/** The open tickets of each queue the caller works: all, theirs, unassigned, and per group. */
export const queueCounts = z.object({
  all: z.number().int(),
  mine: z.number().int(),
  unassigned: z.number().int(),
  groups: z.array(z.object({ id, name: z.string(), open: z.number().int() })),
});
export type QueueCounts = z.infer<typeof queueCounts>;
