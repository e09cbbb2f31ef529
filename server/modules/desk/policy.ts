import { holds, holdsFor, holdsGlobally, isAdmin, isStaff } from '../../platform/authz.ts';
import type { Actor } from '../../platform/context.ts';

// Who may do what in the service desk. Deny by default. Every signed-in person is a requester (the
// portal: report, order, follow their own tickets); agents (`serviceDeskAgent`, globally or in a
// group's scope) work the tickets of their groups; admins configure the desk (groups, calendars,
// service levels, routing).

const group = (id: string) => ({ kind: 'group', id });

export const deskPolicy = {
  /** Use the portal: everyone signed in. */
  request: (_actor: Actor) => true,
  /** Read the groups (an agent hands a ticket to one): staff. */
  readGroups: (actor: Actor) => isStaff(actor),
  /** Read the service levels (the promises behind the clocks): staff. */
  readServiceLevels: (actor: Actor) => isStaff(actor),
  /** Configure the desk: groups, calendars, service levels, routing rules, catalogue services. */
  configure: (actor: Actor) => isAdmin(actor),
  /** Work as an agent somewhere (the console's gate; a ticket's group decides per ticket). */
  agent: (actor: Actor) => isAdmin(actor) || holds(actor, 'serviceDeskAgent'),
  /** Every group's tickets: admins and agents granted globally (the first line sees all). */
  allGroups: (actor: Actor) => isAdmin(actor) || holdsGlobally(actor, 'serviceDeskAgent'),
  /** Work the tickets of one group: its agents, and those who see all groups. */
  agentIn: (actor: Actor, groupId: string) =>
    isAdmin(actor) || holdsFor(actor, 'serviceDeskAgent', group(groupId)),
};
