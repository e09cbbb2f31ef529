import { z } from 'zod';
import { currentVersion, listQuery, permissions, version } from '../records.ts';
import { id, line, multiline, requiredLine } from '../text.ts';
import { decisionCreate } from './decisions.ts';

// Meetings (sammanträden) of a forum, shared by server and web: when and where, the agenda (items
// in order, each free text or a record waiting for the forum, named by a kind other modules
// register), who attended, the minutes of each item and the decisions taken under it. The minutes
// are justerade by the chair and a named justerare; once both have signed they are locked, and a
// correction is a new entry linked to the item it corrects.

const instant = z.iso.datetime({ offset: true, message: 'Must be an ISO date and time with an offset' });

export const attendanceStatuses = ['present', 'absent', 'deputyAttending'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

const meetingFields = {
  forumId: id,
  startsAt: instant,
  endsAt: instant,
  place: line(200).nullable().optional(),
  /** The chair of the meeting: the forum's chair unless another person chairs it. */
  chairId: id.nullable().optional(),
  secretaryId: id.nullable().optional(),
  /** The person named to justera the minutes with the chair. */
  adjusterId: id.nullable().optional(),
};

export const meetingCreate = z.strictObject(meetingFields);
export type MeetingCreate = z.infer<typeof meetingCreate>;
export const meetingUpdate = z.strictObject({
  version,
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  place: meetingFields.place,
  chairId: meetingFields.chairId,
  secretaryId: meetingFields.secretaryId,
  adjusterId: meetingFields.adjusterId,
});
export type MeetingUpdate = z.infer<typeof meetingUpdate>;

export const agendaItemCreate = z.strictObject({
  version,
  title: requiredLine(300),
  /** A record waiting for the forum (an agenda source's kind and the record's id), or none. */
  sourceKind: line(60).nullable().optional(),
  sourceId: id.nullable().optional(),
});
export type AgendaItemCreate = z.infer<typeof agendaItemCreate>;

export const agendaItemUpdate = z.strictObject({
  version,
  title: requiredLine(300).optional(),
  minutes: multiline(20_000).nullable().optional(),
});
export type AgendaItemUpdate = z.infer<typeof agendaItemUpdate>;

/** Removing an item takes the meeting's version, as every change of the agenda does. */
export const agendaItemRemove = z.strictObject({ version });
export type AgendaItemRemove = z.infer<typeof agendaItemRemove>;

export const agendaOrder = z.strictObject({ version, itemIds: z.array(id).min(1).max(200) });
export type AgendaOrder = z.infer<typeof agendaOrder>;

export const attendanceInput = z.strictObject({
  personId: id,
  status: z.enum(attendanceStatuses),
  /** Who attended in the member's place (status deputyAttending). */
  deputyId: id.nullable().optional(),
});
export const attendanceUpdate = z.strictObject({
  version,
  attendance: z.array(attendanceInput).max(200),
});
export type AttendanceUpdate = z.infer<typeof attendanceUpdate>;

/** A decision recorded under an item: the forum, date and meeting come from the meeting. */
export const itemDecisionCreate = decisionCreate
  .omit({ forumId: true, body: true, meetingId: true, agendaItemId: true, decidedOn: true })
  .extend({ version });
export type ItemDecisionCreate = z.infer<typeof itemDecisionCreate>;

export const adjustBody = z.strictObject({ version });

export const correctionCreate = z.strictObject({
  version,
  text: multiline(20_000).pipe(z.string().trim().min(1, { message: 'Required' })),
});
export type CorrectionCreate = z.infer<typeof correctionCreate>;

const personRef = z.object({ id, name: z.string() }).nullable();

export const itemDecision = z.object({
  id,
  paragraph: z.number().int(),
  year: z.number().int(),
  title: z.string().nullable(),
  text: z.string(),
  registrationNumber: z.string().nullable(),
});

export const agendaItem = z.object({
  id,
  position: z.number().int(),
  title: z.string(),
  source: z
    .object({ kind: z.string(), id, name: z.string().nullable(), href: z.string().nullable() })
    .nullable(),
  minutes: z.string().nullable(),
  decisions: z.array(itemDecision),
  /** Corrections made after the minutes were locked, oldest first. */
  corrections: z.array(z.object({ id, text: z.string(), createdAt: z.string(), createdByName: z.string() })),
});
export type AgendaItem = z.infer<typeof agendaItem>;

export const meeting = z.object({
  id,
  forumId: id,
  forumName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  chair: personRef,
  secretary: personRef,
  adjuster: personRef,
  chairAdjustedAt: z.string().nullable(),
  adjusterAdjustedAt: z.string().nullable(),
  /** When both had signed: the minutes, items and decision links are locked from then. */
  lockedAt: z.string().nullable(),
  items: z.array(agendaItem),
  attendance: z.array(
    z.object({
      personId: id,
      name: z.string(),
      status: z.enum(attendanceStatuses).nullable(),
      deputyId: id.nullable(),
      deputyName: z.string().nullable(),
    }),
  ),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: currentVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
  can: permissions(['update', 'archive', 'restore', 'adjust', 'correct']),
});
export type Meeting = z.infer<typeof meeting>;

export const meetingListQuery = listQuery.extend({
  forumId: id.optional(),
  /** Meetings that start on or after this moment. */
  from: instant.optional(),
  /** Meetings that start before this moment. */
  to: instant.optional(),
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;

/** Records waiting for a forum, by agenda source: what an item may be linked to. */
export const agendaSources = z.object({
  items: z.array(
    z.object({
      kind: z.string(),
      records: z.array(z.object({ id, name: z.string(), href: z.string(), detail: z.string().nullable() })),
    }),
  ),
});
export type AgendaSources = z.infer<typeof agendaSources>;
