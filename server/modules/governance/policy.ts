import { holds, holdsFor, holdsGlobally, isAdmin, isStaff } from '../../platform/authz.ts';
import type { Actor } from '../../platform/context.ts';

// Who may do what in governance. Deny by default. Forums and decisions are public record inside
// the tenant, so staff read them; the IT-strateg and admins keep the forums, and record decisions
// with the forums' secretaries and conveners (a forumMember in the forum's scope records its own).

const forum = (id: string) => ({ kind: 'forum', id });

/** IT-strateg and admins keep governance as a whole. */
const keepsGovernance = (actor: Actor) => isAdmin(actor) || holdsGlobally(actor, 'itStrategist');

export const governancePolicy = {
  read: (actor: Actor) => isStaff(actor),
  /** Create and change forums, and the tenant's settings (the diarienummer pattern). */
  manage: keepsGovernance,
  /** Record decisions at all (the route's gate; the service checks the body). */
  recordSomeDecision: (actor: Actor) => keepsGovernance(actor) || holds(actor, 'forumMember'),
  /** Record or change a decision of this forum (null: an external body, kept by the keepers). */
  recordDecision: (actor: Actor, forumId: string | null) =>
    keepsGovernance(actor) ||
    holdsGlobally(actor, 'forumMember') ||
    (forumId !== null && holdsFor(actor, 'forumMember', forum(forumId))),
  readHistory: (actor: Actor) => keepsGovernance(actor),
  /** Plan a forum's meetings and keep their agenda, attendance and minutes: as its decisions. */
  keepMeetings: (actor: Actor, forumId: string) =>
    keepsGovernance(actor) ||
    holdsGlobally(actor, 'forumMember') ||
    holdsFor(actor, 'forumMember', forum(forumId)),
  /** Justera minutes: only the person named as the meeting's chair or justerare, themselves. */
  adjust: (actor: Actor, meeting: { chairId: string | null; adjusterId: string | null }) =>
    actor.personId !== null && (actor.personId === meeting.chairId || actor.personId === meeting.adjusterId),
  /** Governing documents: everyone signed in reads those in force (the service narrows the rest to staff). */
  readDocuments: (_actor: Actor) => true,
};
