import { eq } from 'drizzle-orm';
import { problems } from '../../../platform/errors.ts';
import type { TenantScope } from '../../../platform/tenancy.ts';
import { agendaItems, meetings } from './schema.ts';

// What the decisions' service asks of a meeting before it links a decision to it or changes one
// linked: the meeting is the decision's forum's, the item is on its agenda, and its minutes are
// not locked. Apart from ./service.ts so that decisions can ask without importing the meetings'
// service (which records decisions through theirs).

export const LOCKED =
  'The minutes of this meeting are justerade and locked; record a correction on the item instead';

/** The meeting, locked for the transaction (`for share`: justering waits for the link to land). */
export async function meetingOf(s: TenantScope, id: string) {
  const [row] = await s.tx
    .select()
    .from(meetings)
    .where(s.where(meetings, eq(meetings.id, id)))
    .for('share');
  return row;
}

/** Refuses a link to a meeting of another forum, an item not on its agenda, or locked minutes. */
export async function checkMeetingLink(
  s: TenantScope,
  link: { forumId: string | null; meetingId: string | null; agendaItemId: string | null },
) {
  if (!link.meetingId) {
    if (link.agendaItemId) throw problems.field('body.meetingId', 'Name the meeting of the agenda item');
    return;
  }
  const meeting = await meetingOf(s, link.meetingId);
  if (!meeting || meeting.archivedAt) throw problems.field('body.meetingId', 'No such meeting');
  if (meeting.forumId !== link.forumId)
    throw problems.field('body.meetingId', 'The meeting is of another forum than the decision');
  if (meeting.lockedAt) throw problems.conflict(LOCKED);
  if (link.agendaItemId) {
    const [item] = await s.tx
      .select({ meetingId: agendaItems.meetingId, correctsId: agendaItems.correctsId })
      .from(agendaItems)
      .where(s.where(agendaItems, eq(agendaItems.id, link.agendaItemId)));
    if (!item || item.meetingId !== meeting.id || item.correctsId)
      throw problems.field('body.agendaItemId', "No such item on the meeting's agenda");
  }
}

/** Refuses a change to what a decision's locked minutes say of it (a meeting of null passes). */
export async function checkLinkedDecisionOpen(s: TenantScope, meetingId: string | null) {
  if (!meetingId) return;
  const meeting = await meetingOf(s, meetingId);
  if (meeting?.lockedAt) throw problems.conflict(LOCKED);
}
