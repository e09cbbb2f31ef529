import { holdsFor, isAdmin } from '../../../platform/authz.ts';
import type { Actor } from '../../../platform/context.ts';
import { governancePolicy } from '../policy.ts';

// Who may do what with the self-assessment. Staff read templates, rounds and comparisons (public
// record); the governance keepers (IT-strateg, admins) write templates and start rounds; a forum's
// members answer and submit their forum's round; only an admin reopens a submitted one.

export const surveyPolicy = {
  read: governancePolicy.read,
  manage: governancePolicy.manage,
  /** Answer and submit a round of this forum. */
  answer: (actor: Actor, forumId: string) =>
    governancePolicy.manage(actor) || holdsFor(actor, 'forumMember', { kind: 'forum', id: forumId }),
  /** The routes' gate for answering: the service checks the round's forum. */
  answerSome: (actor: Actor) => governancePolicy.recordSomeDecision(actor),
  reopen: (actor: Actor) => isAdmin(actor),
};
