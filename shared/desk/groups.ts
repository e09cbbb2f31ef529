import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { email, id, multiline, requiredLine } from '../text.ts';

// Groups of the service desk (ärendegrupper), shared by server and web. A ticket is worked by one
// group; its members are agents, granted `serviceDeskAgent` in the group's scope.

/**
 * What a group is for (seed 000): the first-line service desk, the IT unit's second line, the
 * förvaltning of one system (its systemförvaltare answer questions on it), or a supplier working
 * tickets as an external group.
 */
export const groupKinds = ['firstLine', 'secondLine', 'management', 'supplier'] as const;
export type GroupKind = (typeof groupKinds)[number];

const groupFields = {
  name: requiredLine(120),
  kind: z.enum(groupKinds),
  description: multiline(2000).nullable().optional(),
  /** Where the group reads its mail (shown to agents; inbound mail goes to the desk address). */
  email: email.nullable().optional(),
  /** The system whose förvaltning this is (kind `management`). */
  systemId: id.nullable().optional(),
  /** The supplier that works the group's tickets (kind `supplier`). */
  supplierId: id.nullable().optional(),
  /** Told of escalations; one of the members or anyone in the directory. */
  leadId: id.nullable().optional(),
};

export const groupCreate = z.strictObject(groupFields);
export type GroupCreate = z.infer<typeof groupCreate>;
export const groupUpdate = z.strictObject({
  version,
  ...groupFields,
  name: groupFields.name.optional(),
  kind: groupFields.kind.optional(),
});
export type GroupUpdate = z.infer<typeof groupUpdate>;

export const groupPermissions = permissions(['update', 'archive', 'restore', 'manageMembers']);

export const groupMember = z.object({
  personId: id,
  name: z.string(),
  email: z.string().nullable(),
  archived: z.boolean(),
  since: z.string(),
});
export type GroupMember = z.infer<typeof groupMember>;

export const group = z.object({
  id,
  name: z.string(),
  kind: z.enum(groupKinds),
  description: z.string().nullable(),
  email: z.string().nullable(),
  systemId: id.nullable(),
  systemName: z.string().nullable(),
  supplierId: id.nullable(),
  supplierName: z.string().nullable(),
  leadId: id.nullable(),
  leadName: z.string().nullable(),
  memberCount: z.number().int(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: groupPermissions,
});
export type Group = z.infer<typeof group>;

export const groupListQuery = listQuery.extend({
  kind: z.enum(groupKinds).optional(),
  systemId: id.optional(),
  /** Groups the person is a member of. */
  memberId: id.optional(),
});
export type GroupListQuery = z.infer<typeof groupListQuery>;

export const memberAdd = z.strictObject({ personId: id });
export const memberParams = z.strictObject({ id, personId: id });
