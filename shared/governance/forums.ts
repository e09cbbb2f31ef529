import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, multiline, requiredLine } from '../text.ts';

// Forums of IT governance (seeds 001 and 003), shared by server and web: a steering group, a
// preparation group, the system owners' group … each with a mandate, a chair, a convener, a
// secretary, members with deputies and the classes of decision it may take. Members, deputies and
// the three officers hold `forumMember` in the forum's scope (the platform's role assignments).

/** What a forum is (API values; the web app names them in Swedish). */
export const forumKinds = [
  'steeringGroup',
  'preparationGroup',
  'systemOwnerGroup',
  'financingGroup',
  'serviceCouncil',
  'productCouncil',
  'managementGroup',
  'other',
] as const;
export type ForumKind = (typeof forumKinds)[number];

/**
 * The classes of decision a forum may take (seed 003's decision path), for the portfolio's routing
 * of a demand to the forum that decides it.
 */
export const decisionClasses = [
  'newSystem',
  'systemChange',
  'systemPhaseOut',
  'procurement',
  'budget',
  'prices',
  'projectPriority',
  'governingDocument',
  'serviceLevel',
  'strategy',
  'other',
] as const;
export type DecisionClass = (typeof decisionClasses)[number];

export const forumMemberInput = z.strictObject({
  personId: id,
  /** Who attends in the member's place (ersättare). */
  deputyId: id.nullable().optional(),
});
export type ForumMemberInput = z.infer<typeof forumMemberInput>;

const forumFields = {
  name: requiredLine(120),
  kind: z.enum(forumKinds),
  /** How often it meets a year (at least); `meetingsPerYearMax` for a span such as 10–12. */
  meetingsPerYear: z.number().int().min(0).max(365),
  meetingsPerYearMax: z.number().int().min(0).max(365).nullable().optional(),
  mandate: multiline(8000).nullable().optional(),
  chairId: id.nullable().optional(),
  convenerId: id.nullable().optional(),
  secretaryId: id.nullable().optional(),
  /** The whole list of members; a PATCH that names it replaces it. */
  members: z
    .array(forumMemberInput)
    .max(100)
    .refine((m) => new Set(m.map((x) => x.personId)).size === m.length, {
      message: 'A person is a member once',
    })
    .optional(),
  decisionClasses: z
    .array(z.enum(decisionClasses))
    .max(decisionClasses.length)
    .transform((c) => [...new Set(c)])
    .optional(),
};

export const forumCreate = z.strictObject(forumFields);
export type ForumCreate = z.infer<typeof forumCreate>;
export const forumUpdate = z.strictObject({
  version,
  ...forumFields,
  name: forumFields.name.optional(),
  kind: forumFields.kind.optional(),
  meetingsPerYear: forumFields.meetingsPerYear.optional(),
});
export type ForumUpdate = z.infer<typeof forumUpdate>;

export const forumPermissions = permissions(['update', 'archive', 'restore']);

const personRef = z.object({ id, name: z.string() });

export const forumMember = z.object({
  personId: id,
  name: z.string(),
  deputyId: id.nullable(),
  deputyName: z.string().nullable(),
});
export type ForumMember = z.infer<typeof forumMember>;

export const forum = z.object({
  id,
  name: z.string(),
  kind: z.enum(forumKinds),
  meetingsPerYear: z.number().int(),
  meetingsPerYearMax: z.number().int().nullable(),
  mandate: z.string().nullable(),
  chair: personRef.nullable(),
  convener: personRef.nullable(),
  secretary: personRef.nullable(),
  members: z.array(forumMember),
  decisionClasses: z.array(z.enum(decisionClasses)),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: forumPermissions,
});
export type Forum = z.infer<typeof forum>;

export const forumListQuery = listQuery.extend({
  kind: z.enum(forumKinds).optional(),
  /** Forums the person sits in (member, deputy, chair, convener or secretary). */
  personId: id.optional(),
  /** Forums that may take this class of decision. */
  decisionClass: z.enum(decisionClasses).optional(),
});
export type ForumListQuery = z.infer<typeof forumListQuery>;
